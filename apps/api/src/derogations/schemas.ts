import { z } from "@hono/zod-openapi";
import { MOTIF_DEROGATION_MAX } from "@trousse/db";
import { affiche, eleveSchema, instant, uuid } from "../openapi/schemas-communs.js";

// The request and response bodies of the extension (dérogation) routes, and the `delaiAccorde` block that
// the pupil's view, the parent's view, the receipt and the follow-up carry.

const dateAccordee = z
  .string({ error: "Une date doit être un texte : instant ISO-8601 ou heure de Paris (2026-04-07T23:59)." })
  .max(64, { error: "Une date fait au plus 64 caractères." })
  .nullable()
  .optional()
  .openapi({
    description:
      "Instant ISO-8601 avec décalage ou heure de Paris sans décalage (`2026-04-07T23:59`). Validé par les règles (`validerDerogation`).",
    example: "2026-04-07T23:59",
  });

/** Corps de `PUT /v1/devoirs/{id}/derogations/{eleveId}` : au moins une des deux dates. */
export const demandeDerogationSchema = z
  .object({
    echeance: dateAccordee,
    dateLimite: dateAccordee,
    motif: z
      .string({ error: "Le motif doit être un texte." })
      .trim()
      .max(MOTIF_DEROGATION_MAX, { error: `Le motif dépasse ${MOTIF_DEROGATION_MAX} caractères.` })
      .nullable()
      .optional()
      .openapi({
        description: "Note courte pour l'enseignant (montrée à lui seul : pas de détail médical utile ici)",
        example: "PAP : temps majoré",
      }),
  })
  .openapi("DemandeDerogation");

/**
 * Le délai accordé à un élève, tel que l'élève, son parent, son accusé de réception et le suivi le montrent :
 * ses dates effectives (`datesEffectives` des règles, bornes incluses) et la phrase « Délai accordé jusqu'au … ».
 */
export const delaiAccordeSchema = z
  .strictObject({
    echeance: instant.openapi({ description: "Échéance de l'élève : à l'heure jusqu'à cet instant inclus" }),
    echeanceAffichee: affiche,
    dateLimite: instant.nullable().openapi({
      description: "Rendu en retard accepté jusqu'à cet instant inclus ; null : rien après l'échéance",
    }),
    dateLimiteAffichee: affiche.nullable(),
    libelle: z.string().openapi({ example: "Délai accordé jusqu'au mardi 7 avril 2026 à 23 h 59." }),
  })
  .openapi("DelaiAccorde");

/** Un délai accordé, vu par l'enseignant auteur. */
export const derogationSchema = z
  .strictObject({
    id: uuid,
    devoirId: uuid,
    eleve: eleveSchema,
    echeance: instant.nullable().openapi({ description: "Échéance accordée, telle que saisie (ou null)" }),
    dateLimite: instant
      .nullable()
      .openapi({ description: "Date limite accordée, telle que saisie (ou null)" }),
    motif: z.string().nullable(),
    version: z.number().int().openapi({ description: "1 à l'octroi, +1 à chaque remplacement" }),
    accordeLe: instant,
    majLe: instant,
    delaiAccorde: delaiAccordeSchema.nullable().openapi({
      description: "Les dates effectives de l'élève ; null si le devoir, modifié depuis, donne autant",
    }),
  })
  .openapi("Derogation");

/** Réponse de `PUT /v1/devoirs/{id}/derogations/{eleveId}`. */
export const derogationReponseSchema = z.strictObject({ derogation: derogationSchema });

/** `GET /v1/devoirs/{id}/derogations`. */
export const listeDerogationsSchema = z
  .strictObject({ derogations: z.array(derogationSchema) })
  .openapi("ListeDerogations");

/** Paramètres de chemin `id` (devoir) et `eleveId`. */
export const idDevoirEleveParams = z.object({
  id: z.guid().openapi({ description: "Identifiant du devoir", param: { name: "id", in: "path" } }),
  eleveId: z
    .guid({ error: "eleveId doit être l'identifiant d'un élève." })
    .openapi({ description: "Identifiant de l'élève", param: { name: "eleveId", in: "path" } }),
});
