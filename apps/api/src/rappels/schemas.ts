import { z } from "@hono/zod-openapi";
import { affiche, eleveSchema, entier, instant, uuid } from "../openapi/schemas-communs.js";

/** Corps de `POST /v1/devoirs/{id}/rappels` (facultatif : sans message, un texte par défaut). */
export const rappelSchema = z
  .object({
    message: z
      .string({ error: "Le message doit être un texte." })
      .trim()
      .max(2000, { error: "Le message dépasse 2 000 caractères." })
      .optional(),
  })
  .openapi("DemandeRappel");

/** `POST /v1/devoirs/{id}/rappels`. */
export const rappelEnvoyeSchema = z.strictObject({
  envoyes: entier,
  eleves: z.array(eleveSchema),
  enDelai: z.array(eleveSchema).openapi({
    description:
      "Élèves sans rendu qui n'ont pas reçu ce rappel : leur délai accordé court encore (règles `delaiEnCours`)",
  }),
  message: z.string(),
});

/** `GET /v1/rappels`. */
export const mesRappelsSchema = z
  .strictObject({
    rappels: z.array(
      z.strictObject({
        id: uuid,
        devoirId: uuid,
        titreDevoir: z.string(),
        message: z.string(),
        envoyeLe: instant,
        envoyeLeAffiche: affiche,
        lu: z.boolean(),
      }),
    ),
    nonLus: entier,
  })
  .openapi("MesRappels");
