import {
  analyserHeureParis,
  contraintesFichiersSchema,
  validerDatesDevoir,
  type DatesDevoirValides,
} from "@trousse/rules";
import type { Context } from "hono";
import { z } from "zod";
import { erreurApi } from "./erreur-api.js";

const HEURE_MURALE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * Lit une date saisie : instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure murale de
 * Paris sans décalage (`2026-03-31T23:59`, convertie par les règles, changements d'heure compris).
 * Renvoie la valeur telle quelle si elle n'est ni l'un ni l'autre : `validerDatesDevoir` dira pourquoi.
 *
 * @example
 * lireDateSaisie("2026-03-31T23:59"); // Date 2026-03-31T21:59:00.000Z
 */
export function lireDateSaisie(valeur: unknown): unknown {
  if (typeof valeur === "string" && HEURE_MURALE.test(valeur.trim())) {
    const r = analyserHeureParis(valeur);
    return r.ok ? r.date : valeur;
  }
  return valeur;
}

const texte = (max: number, champ: string) =>
  z
    .string({ error: `${champ} doit être un texte.` })
    .trim()
    .max(max, { error: `${champ} dépasse ${max} caractères.` });

/** Corps d'une création de devoir (les dates sont validées ensuite par `@trousse/rules`). */
export const creationDevoirSchema = z.object({
  groupeId: z.uuid({
    error: "groupeId doit être l'identifiant d'une de vos classes ou d'un de vos groupes.",
  }),
  titre: texte(200, "Le titre").min(1, { error: "Le titre est obligatoire." }),
  consignes: texte(20_000, "Les consignes").default(""),
  ouverture: z.unknown(),
  echeance: z.unknown(),
  dateLimite: z.unknown().optional(),
  publicationCorrige: z.unknown().optional(),
  contraintes: z.unknown().optional(),
  declarationHonneur: texte(1000, "La déclaration sur l'honneur").nullable().optional(),
});

/** Corps d'une modification de devoir : chaque champ est facultatif. */
export const modificationDevoirSchema = creationDevoirSchema.omit({ groupeId: true }).partial();

export type CreationDevoir = z.infer<typeof creationDevoirSchema>;

/** Contraintes de fichiers validées. */
export interface ContraintesDevoir {
  familles: ("document" | "image" | "audio" | "video")[];
  tailleMaxOctets: number;
  nombreMax: number;
}

/**
 * Valide un corps avec un schéma zod ; 400 `requete-invalide` avec la liste des champs en défaut sinon.
 *
 * @example
 * const corps = validerCorps(creationDevoirSchema, await c.req.json());
 */
export function validerCorps<S extends z.ZodType>(schema: S, corps: unknown): z.infer<S> {
  const r = schema.safeParse(corps);
  if (r.success) return r.data;
  const erreurs = r.error.issues.map((i) => ({ champ: i.path.join("."), message: i.message }));
  throw erreurApi(400, "requete-invalide", erreurs.map((e) => e.message).join(" "), erreurs);
}

/**
 * Lit le corps JSON d'une requête ; un corps illisible répond 400 `json-invalide`, en français.
 *
 * @example
 * const corps = validerCorps(rendreSchema, await lireJson(c));
 */
export async function lireJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw erreurApi(400, "json-invalide", "Le corps de la requête doit être du JSON valide.");
  }
}

/**
 * Valide les dates d'un devoir avec les règles (ouverture ≤ échéance ≤ date limite, corrigé après l'échéance).
 *
 * @example
 * const dates = validerDates({ ouverture: "2026-03-23T08:00", echeance: "2026-03-31T23:59" });
 */
export function validerDates(d: {
  ouverture: unknown;
  echeance: unknown;
  dateLimite?: unknown;
  publicationCorrige?: unknown;
}): DatesDevoirValides {
  const r = validerDatesDevoir({
    ouverture: lireDateSaisie(d.ouverture),
    echeance: lireDateSaisie(d.echeance),
    dateLimite: d.dateLimite == null || d.dateLimite === "" ? null : lireDateSaisie(d.dateLimite),
    publicationCorrige:
      d.publicationCorrige == null || d.publicationCorrige === ""
        ? null
        : lireDateSaisie(d.publicationCorrige),
  });
  if (r.ok) return r.dates;
  const premiere = r.erreurs[0]!;
  throw erreurApi(400, premiere.code, r.erreurs.map((e) => e.message).join(" "), r.erreurs);
}

/**
 * Valide les contraintes de fichiers avec le schéma des règles (défauts compris).
 *
 * @example
 * validerContraintes({ familles: ["document", "image"], tailleMaxOctets: 10_000_000, nombreMax: 3 });
 */
export function validerContraintes(valeur: unknown): ContraintesDevoir {
  const r = contraintesFichiersSchema.safeParse(valeur ?? {});
  if (r.success) return r.data as ContraintesDevoir;
  const erreurs = r.error.issues.map((i) => ({
    champ: `contraintes.${i.path.join(".")}`,
    message: i.message,
  }));
  throw erreurApi(400, "contraintes-invalides", erreurs.map((e) => e.message).join(" "), erreurs);
}
