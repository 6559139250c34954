import { z } from "@hono/zod-openapi";
import {
  affiche,
  eleveSchema,
  entier,
  fichierAvecUrl,
  fichierSchema,
  instant,
  statutLibelle,
  statutRenduSchema,
  statutSuiviSchema,
  uuid,
} from "../openapi/schemas-communs.js";
import { delaiAccordeSchema } from "../derogations/schemas.js";

// The request and response bodies of the hand-in routes. The receipt's TypeScript type is inferred from
// its schema here (`AccuseReception`): one shape for the handler, the document and the clients.

/** Corps de `POST /v1/devoirs/{id}/rendre`. */
export const rendreSchema = z
  .object({
    televersements: z
      .array(z.string().max(64), {
        error: "televersements doit être la liste des identifiants de vos envois.",
      })
      .max(20, { error: "Au plus 20 fichiers dans un rendu." }),
    declarationCochee: z.boolean({ error: "declarationCochee doit valoir true ou false." }).default(false),
  })
  .openapi("DemandeRendu");

/** Corps de `POST /v1/rendus/{id}/retour`. */
export const retourSchema = z
  .object({
    commentaire: z
      .string({ error: "Le commentaire doit être un texte." })
      .trim()
      .max(20_000, { error: "Le commentaire dépasse 20 000 caractères." })
      .default(""),
    televersement: z
      .string({ error: "televersement doit être l'identifiant d'un envoi." })
      .max(64)
      .nullable()
      .optional(),
  })
  .openapi("DemandeRetour");

/** L'accusé de réception (`POST /v1/devoirs/{id}/rendre`). */
export const accuseSchema = z
  .strictObject({
    renduId: uuid,
    devoirId: uuid,
    eleve: eleveSchema,
    renduLe: instant.openapi({
      description:
        "L'instant du rendu, qui décide de la ponctualité (UTC) : l'heure du serveur au rendu, ou celle de l'engagement quand les fichiers reçus sont ceux promis",
    }),
    renduLeAffiche: affiche,
    recuLe: instant.nullable().openapi({
      description:
        "Quand le rendu a pris l'heure d'un engagement : l'heure où ses fichiers ont été reçus ; null sinon",
    }),
    horodatageLibelle: z.string().nullable().openapi({
      example: "engagé à 22 h 59 min 50 s, reçu à 23 h 04 min 12 s — rendu à l'heure",
      description: "Les deux heures d'un rendu engagé ; null sans engagement",
    }),
    enRetard: z.boolean(),
    ponctualite: z.enum(["a-l-heure", "en-retard"]),
    ponctualiteLibelle: z.enum(["Rendu à l'heure", "Rendu en retard"]),
    version: entier.openapi({ description: "Numéro de cette version" }),
    versionRetenue: entier.openapi({ description: "La version qui compte (la plus récente)" }),
    versionsPrecedentes: entier,
    declarationCochee: z.boolean(),
    fichiers: z.array(fichierSchema),
    statut: statutRenduSchema,
    statutLibelle: z.string().openapi({ example: "Rendu" }),
    delaiAccorde: delaiAccordeSchema.nullable().openapi({
      description:
        "Le délai accordé à l'élève sous lequel cette version a été acceptée (enregistré avec elle : il reste même si le délai est retiré ensuite) ; null sans délai",
    }),
    message: z.string(),
  })
  .openapi("Accuse");

/** L'accusé de réception d'un rendu : ce que l'élève garde comme preuve. */
export type AccuseReception = z.infer<typeof accuseSchema>;

/** Réponse de « rendre ». */
export const accuseReceptionSchema = z
  .strictObject({ accuseReception: accuseSchema })
  .openapi("AccuseReception");

/** Un retour (commentaire et fichier facultatif). */
export const retourVueSchema = z
  .strictObject({
    id: uuid,
    commentaire: z.string(),
    retourneLe: instant,
    retourneLeAffiche: affiche,
    fichier: z
      .strictObject({
        nom: z.string(),
        taille: entier.nullable(),
        mime: z.string().nullable(),
        sha256: z.string().nullable(),
        url: z.string(),
      })
      .nullable(),
  })
  .openapi("Retour");

/** Réponse de `POST|GET /v1/rendus/{id}/retour`. */
export const retourReponseSchema = z.strictObject({ retour: retourVueSchema });

/** `GET /v1/devoirs/{id}/mon-rendu`. */
export const monRenduSchema = z
  .strictObject({
    ...statutLibelle,
    delaiAccorde: delaiAccordeSchema
      .nullable()
      .openapi({ description: "Le délai accordé à l'élève (ses dates effectives), ou null" }),
    versionRetenue: entier.nullable(),
    versions: z.array(
      z.strictObject({
        renduId: uuid,
        version: entier,
        retenue: z.boolean(),
        renduLe: instant,
        renduLeAffiche: affiche,
        recuLe: instant.nullable(),
        horodatageLibelle: z.string().nullable(),
        enRetard: z.boolean(),
        declarationCochee: z.boolean(),
        delaiAccorde: delaiAccordeSchema.nullable().openapi({
          description:
            "Le délai accordé sous lequel cette version a été acceptée (enregistré avec elle, comme sur son accusé de réception) ; null sans délai",
        }),
        fichiers: z.array(fichierAvecUrl),
      }),
    ),
    retour: retourVueSchema.nullable(),
  })
  .openapi("MonRendu");

const ligneSuiviSchema = z
  .strictObject({
    eleve: eleveSchema,
    statut: statutSuiviSchema,
    libelle: z.string().openapi({ example: "Rendu en retard" }),
    vuLe: instant.nullable(),
    vuLeAffiche: affiche.nullable(),
    delaiAccorde: delaiAccordeSchema
      .extend({ motif: z.string().nullable() })
      .nullable()
      .openapi({ description: "Le délai accordé à cet élève (dates effectives, motif), ou null" }),
    rendu: z
      .strictObject({
        id: uuid,
        version: entier,
        renduLe: instant,
        renduLeAffiche: affiche,
        recuLe: instant.nullable().openapi({
          description:
            "Rendu engagé : l'heure où ses fichiers ont été reçus (`renduLe` est celle de l'engagement)",
        }),
        horodatageLibelle: z.string().nullable().openapi({
          example: "engagé à 22 h 59 min 50 s, reçu à 23 h 04 min 12 s — rendu à l'heure",
        }),
        enRetard: z.boolean().openapi({
          description:
            "En retard selon les dates du devoir aujourd'hui, comme `statut` (une échéance déplacée après le rendu le change ; l'accusé de réception garde ce qu'il disait)",
        }),
        declarationCochee: z.boolean(),
        fichiers: z.array(
          fichierAvecUrl.extend({
            pages: entier.nullable().openapi({
              description:
                "Nombre de pages d'un PDF, lu côté serveur dans le fichier conservé (64 Kio au début et à la fin) ; null pour un autre type ou s'il ne s'y lit pas",
              example: 4,
            }),
          }),
        ),
        retourne: z.boolean(),
      })
      .nullable(),
  })
  .openapi("LigneSuivi");

/** `GET /v1/devoirs/{id}/suivi`. */
export const suiviSchema = z
  .strictObject({
    devoir: z.strictObject({
      id: uuid,
      titre: z.string(),
      groupe: z.strictObject({ id: uuid, nom: z.string(), nature: z.string() }),
    }),
    compte: z
      .partialRecord(statutSuiviSchema, entier)
      .openapi({ description: "Nombre d'élèves par statut (seuls les statuts présents)" }),
    eleves: z.array(ligneSuiviSchema),
  })
  .openapi("Suivi");
