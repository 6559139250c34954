import { z } from "@hono/zod-openapi";
import { affiche, entier, instant, uuid } from "../openapi/schemas-communs.js";

// The response body of `POST /v1/devoirs/{id}/engager`; the request body is the rules' `engagementSchema`.

/** L'accusé provisoire d'un engagement : ce n'est PAS un rendu. */
export const accuseEngagementSchema = z
  .strictObject({
    engagement: z.strictObject({
      id: uuid,
      devoirId: uuid,
      provisoire: z
        .literal(true)
        .openapi({ description: "Toujours vrai : un engagement seul n'est pas un rendu" }),
      engageLe: instant.openapi({ description: "Heure du serveur à l'engagement (UTC)" }),
      engageLeAffiche: affiche,
      heureAffichee: z.string().openapi({ example: "22 h 59 min 50 s" }),
      expireLe: instant.openapi({
        description: "Les fichiers doivent arriver (« rendre ») au plus tard à cet instant, inclus",
      }),
      expireLeAffiche: affiche,
      ponctualitePrevue: z.enum(["a-l-heure", "en-retard"]).openapi({
        description: "Ce que sera le rendu si les mêmes fichiers arrivent avant l'expiration",
      }),
      fichiers: z.array(z.strictObject({ sha256: z.string(), taille: entier, nom: z.string() })),
      remplace: z
        .boolean()
        .openapi({ description: "Vrai si un engagement précédent pour ce devoir a été remplacé" }),
      message: z.string(),
    }),
  })
  .openapi("AccuseEngagement");
