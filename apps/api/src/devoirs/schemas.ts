import { z } from "@hono/zod-openapi";
import { contraintesFichiersSchema, FAMILLES_FICHIERS, type FamilleFichier } from "@trousse/rules";
import {
  affiche,
  eleveSchema,
  entier,
  fichierAvecUrl,
  instant,
  statutLibelle,
  uuid,
} from "../openapi/schemas-communs.js";
import { delaiAccordeSchema } from "../derogations/schemas.js";

const delaiAccorde = delaiAccordeSchema.nullable().openapi({
  description:
    "Le délai accordé à cet élève par l'enseignant (ses dates effectives, « Délai accordé jusqu'au … »), ou null",
});

// The request and response bodies of the assignment routes: each route of `routes.ts` takes its schemas
// from here, and the OpenAPI document, the validation and `hc<AppType>` come from them.

const texte = (max: number, champ: string) =>
  z
    .string({ error: `${champ} doit être un texte.` })
    .trim()
    .max(max, { error: `${champ} dépasse ${max} caractères.` });

/**
 * A date as a teacher types it. Its value is checked by the rules (`validerDatesDevoir`) once the body has
 * its shape, so that their stable codes (`echeance-avant-ouverture`…) reach the client.
 */
const dateSaisie = z
  .string({ error: "Une date doit être un texte : instant ISO-8601 ou heure de Paris (2026-03-31T23:59)." })
  .max(64, { error: "Une date fait au plus 64 caractères." })
  .openapi({
    description:
      "Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).",
    example: "2026-03-31T23:59",
  });

/** Corps de `POST /v1/devoirs`. */
export const creationDevoirSchema = z
  .object({
    groupeId: z.guid({
      error: "groupeId doit être l'identifiant d'une de vos classes ou d'un de vos groupes.",
    }),
    titre: texte(200, "Le titre").min(1, { error: "Le titre est obligatoire." }),
    consignes: texte(20_000, "Les consignes").default(""),
    ouverture: dateSaisie,
    echeance: dateSaisie,
    dateLimite: dateSaisie.nullable().optional(),
    publicationCorrige: dateSaisie.nullable().optional(),
    /** The rules' own schema: its defaults and French messages; its codes come from `validerContraintesFichiers`. */
    contraintes: contraintesFichiersSchema.optional(),
    declarationHonneur: texte(1000, "La déclaration sur l'honneur").nullable().optional(),
  })
  .openapi("CreationDevoir");

/** Corps de `PATCH /v1/devoirs/{id}` : chaque champ est facultatif. */
export const modificationDevoirSchema = creationDevoirSchema
  .omit({ groupeId: true })
  .partial()
  .openapi("ModificationDevoir");

export type CreationDevoir = z.infer<typeof creationDevoirSchema>;

/** Corps de `POST /v1/devoirs/{id}/fichiers`. */
export const attacherSchema = z
  .object({
    nature: z.enum(["sujet", "corrige"], { error: "nature doit valoir « sujet » ou « corrige »." }),
    televersements: z
      .array(z.string().max(64), { error: "televersements doit être une liste d'identifiants d'envoi." })
      .min(1, { error: "Indiquez au moins un fichier." })
      .max(20, { error: "Au plus 20 fichiers à la fois." }),
  })
  .openapi("JointureFichiers");

const fichierDevoirSchema = fichierAvecUrl.openapi("FichierDevoir");

/** Un devoir tel que l'API le montre (`vueDevoir`). */
export const devoirSchema = z
  .strictObject({
    id: uuid,
    titre: z.string(),
    consignes: z.string(),
    groupe: z.strictObject({ id: uuid, nom: z.string(), nature: z.string() }),
    enseignantId: uuid,
    dates: z.strictObject({
      ouverture: instant,
      echeance: instant,
      dateLimite: instant.nullable(),
      publicationCorrige: instant.nullable(),
    }),
    datesAffichees: z.strictObject({
      ouverture: affiche,
      echeance: affiche,
      dateLimite: affiche.nullable(),
      publicationCorrige: affiche.nullable(),
    }),
    tempsRestant: z.strictObject({
      totalMs: z.number(),
      jours: entier,
      heures: entier,
      minutes: entier,
      secondes: entier,
      moinsDe24h: z.boolean(),
      depasse: z.boolean(),
    }),
    contraintes: z.strictObject({
      familles: z.array(z.enum(FAMILLES_FICHIERS as [FamilleFichier, ...FamilleFichier[]])),
      tailleMaxOctets: entier,
      nombreMax: entier,
    }),
    declarationHonneur: z.string().nullable(),
    sujets: z.array(fichierDevoirSchema),
    corriges: z
      .array(fichierDevoirSchema)
      .nullable()
      .openapi({ description: "null : le corrigé n'est pas (encore) visible pour cet utilisateur" }),
    creeLe: instant,
    majLe: instant,
  })
  .openapi("Devoir");

/** Réponse de création, de modification, et de lecture par l'enseignant. */
export const devoirReponseSchema = z.strictObject({ devoir: devoirSchema });

const resumeSchema = z.strictObject({
  id: uuid,
  titre: z.string(),
  groupeId: uuid,
  echeance: instant,
  dateLimite: instant.nullable(),
});
const resumeEleveSchema = resumeSchema.extend({
  ...statutLibelle,
  renduLe: instant.nullable(),
  delaiAccorde,
});

/** `GET /v1/devoirs` : selon le rôle. */
export const listeDevoirsSchema = z
  .union([
    z.strictObject({ devoirs: z.array(resumeEleveSchema) }).openapi({ title: "Élève" }),
    z
      .strictObject({ devoirs: z.array(resumeSchema) })
      .openapi({ title: "Enseignant (ou personnel : liste vide)" }),
    z
      .strictObject({
        enfants: z.array(z.strictObject({ eleve: eleveSchema, devoirs: z.array(resumeEleveSchema) })),
        lectureSeule: z.literal(true),
      })
      .openapi({ title: "Parent" }),
  ])
  .openapi("ListeDevoirs");

/** `GET /v1/devoirs/{id}` : selon la relation au devoir. */
export const lectureDevoirSchema = z
  .union([
    z.strictObject({ devoir: devoirSchema, ...statutLibelle, delaiAccorde }).openapi({ title: "Élève" }),
    z
      .strictObject({
        devoir: devoirSchema,
        enfants: z.array(
          z.strictObject({
            eleve: eleveSchema,
            ...statutLibelle,
            renduLe: instant.nullable(),
            delaiAccorde,
          }),
        ),
        lectureSeule: z.literal(true),
      })
      .openapi({ title: "Parent" }),
    devoirReponseSchema.openapi({ title: "Enseignant auteur" }),
  ])
  .openapi("LectureDevoir");

/** `POST /v1/devoirs/{id}/fichiers`. */
export const fichiersJointsSchema = z.strictObject({
  fichiers: z.array(fichierAvecUrl.extend({ nature: z.enum(["sujet", "corrige"]) })),
});

/** `GET /v1/groupes`. */
export const groupesSchema = z.strictObject({
  groupes: z.array(z.strictObject({ id: uuid, nature: z.string(), nom: z.string() })),
});
