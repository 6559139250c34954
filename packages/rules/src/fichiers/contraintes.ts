import { z } from "zod";
import { FAMILLES_FICHIERS, type FamilleFichier } from "./familles.js";

const MIO = 1024 * 1024;

/** Plafond de `tailleMaxOctets` et de `tailleTotaleMaxOctets` : 2 Go (2 147 483 648 octets). */
export const PLAFOND_TAILLE_OCTETS = 2 * 1024 * MIO;
/** Nombre maximal de fichiers par rendu que l'on peut configurer. */
export const PLAFOND_NOMBRE_FICHIERS = 20;

/** Contraintes par défaut d'un devoir : documents et images, 100 Mo par fichier, 5 fichiers. */
export const CONTRAINTES_PAR_DEFAUT: {
  familles: FamilleFichier[];
  tailleMaxOctets: number;
  nombreMax: number;
} = { familles: ["document", "image"], tailleMaxOctets: 100 * MIO, nombreMax: 5 };

const familleSchema = z.enum(FAMILLES_FICHIERS as [FamilleFichier, ...FamilleFichier[]], {
  error: "Famille de fichiers inconnue : attendu document, image, audio ou video.",
});

const entierBorne = (nom: string, min: number, max: number) =>
  z
    .number({ error: `${nom} doit être un nombre.` })
    .int({ error: `${nom} doit être un nombre entier.` })
    .min(min, { error: `${nom} doit être au moins ${min}.` })
    .max(max, { error: `${nom} ne peut pas dépasser ${max}.` });

/**
 * Schéma zod des contraintes de fichiers d'un devoir, réutilisable par l'API (validation, OpenAPI via
 * `z.toJSONSchema`). Valeurs par défaut : {@link CONTRAINTES_PAR_DEFAUT}. Messages d'erreur en français.
 */
export const contraintesFichiersSchema = z
  .object({
    familles: z
      .array(familleSchema, { error: "familles doit être une liste." })
      .min(1, { error: "Choisissez au moins une famille de fichiers." })
      .refine((l) => new Set(l).size === l.length, { error: "Une famille de fichiers est en double." })
      .default(CONTRAINTES_PAR_DEFAUT.familles),
    tailleMaxOctets: entierBorne("tailleMaxOctets", 1, PLAFOND_TAILLE_OCTETS).default(
      CONTRAINTES_PAR_DEFAUT.tailleMaxOctets,
    ),
    nombreMax: entierBorne("nombreMax", 1, PLAFOND_NOMBRE_FICHIERS).default(CONTRAINTES_PAR_DEFAUT.nombreMax),
    tailleTotaleMaxOctets: entierBorne("tailleTotaleMaxOctets", 1, PLAFOND_TAILLE_OCTETS).optional(),
  })
  .strict();

/** Contraintes de fichiers validées (valeurs par défaut appliquées). */
export type ContraintesFichiers = z.output<typeof contraintesFichiersSchema>;
/** Contraintes telles que saisies (champs facultatifs). */
export type ContraintesFichiersEntree = z.input<typeof contraintesFichiersSchema>;

/** Une erreur de contraintes : champ, code stable, message en français. */
export interface ErreurContraintes {
  champ: string;
  code:
    | "familles-invalides"
    | "taille-max-invalide"
    | "nombre-max-invalide"
    | "taille-totale-invalide"
    | "contraintes-invalides";
  message: string;
}

const CODES: Record<string, ErreurContraintes["code"]> = {
  familles: "familles-invalides",
  tailleMaxOctets: "taille-max-invalide",
  nombreMax: "nombre-max-invalide",
  tailleTotaleMaxOctets: "taille-totale-invalide",
};

/**
 * Valide des contraintes de fichiers venues de l'extérieur, sans lever.
 *
 * @example
 * validerContraintesFichiers({ familles: ["document"] });
 * // { ok: true, contraintes: { familles: ["document"], tailleMaxOctets: 104857600, nombreMax: 5 } }
 * validerContraintesFichiers({ nombreMax: 50 });
 * // { ok: false, erreurs: [{ champ: "nombreMax", code: "nombre-max-invalide", message: "nombreMax ne peut pas dépasser 20." }] }
 */
export function validerContraintesFichiers(
  entree: unknown,
): { ok: true; contraintes: ContraintesFichiers } | { ok: false; erreurs: ErreurContraintes[] } {
  const r = contraintesFichiersSchema.safeParse(entree ?? {});
  if (r.success) return { ok: true, contraintes: r.data };
  return {
    ok: false,
    erreurs: r.error.issues.map((i) => {
      const champ = i.path.map(String).join(".");
      const racine = String(i.path[0] ?? "");
      const message =
        i.code === "unrecognized_keys"
          ? `Champ inconnu : ${i.keys.join(", ")}.`
          : i.code === "invalid_type" && racine === ""
            ? "Les contraintes de fichiers doivent être un objet."
            : i.message;
      return { champ, code: CODES[racine] ?? "contraintes-invalides", message };
    }),
  };
}
