import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { sourceRefSchema } from "@trousse/catalogue";
import { besoinVisioSchema, recommanderVisio, validerBesoinVisio } from "@trousse/rules";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { erreur } from "../openapi/reponses.js";
import { CacheBorne } from "../http-cache.js";
import { crochetValidation, type ResultatValidation } from "../erreurs/crochet-validation.js";

const raisonSchema = z.object({ code: z.string(), texte: z.string(), source: sourceRefSchema });

/** Shape of `recommanderVisio`'s answer, for the OpenAPI document (the rules package computes it). */
export const resultatVisioSchema = z
  .object({
    besoin: z.record(z.string(), z.unknown()).openapi({ description: "Le besoin validé, tel que reçu" }),
    recommandations: z.array(
      z.strictObject({
        rang: z.number().int().openapi({ description: "1 = le meilleur choix" }),
        outilId: z.string(),
        nom: z.string(),
        url: z.string().optional(),
        score: z.number(),
        raisons: z.array(raisonSchema),
        limites: z.array(z.string()),
        acces: z.string(),
        rgpd: z.string(),
        prochaineEtape: z
          .object({ texte: z.string(), url: z.string().optional(), source: sourceRefSchema.optional() })
          .openapi({
            description: "Ce qu'il faut faire ensuite, tiré des documents (adresse quand ils la donnent)",
          }),
        deductions: z.array(z.string()).optional().openapi({
          description:
            "Déduit par Trousse, sans que les documents le disent (raisonnement, jamais une citation)",
        }),
      }),
    ),
    exclusions: z.array(
      z.strictObject({
        outilId: z.string(),
        nom: z.string(),
        regle: z.string(),
        raison: z.string(),
        source: sourceRefSchema.optional(),
        deduction: z.string().optional().openapi({
          description: "La déduction de Trousse sur laquelle la règle s'appuie aussi (jamais une citation)",
        }),
      }),
    ),
  })
  .openapi("ResultatVisio");

const route = createRoute({
  method: "post",
  path: "/recommandations/visio",
  tags: ["Recommandations"],
  summary: "Choisir un outil de visioconférence pour un besoin",
  description:
    "Applique `recommanderVisio` de @trousse/rules : outils classés avec leurs raisons sourcées, et outils exclus avec la règle qui les écarte.",
  request: {
    body: { required: true, content: { "application/json": { schema: besoinVisioSchema } } },
  },
  responses: {
    200: { description: "Recommandations", content: { "application/json": { schema: resultatVisioSchema } } },
    400: erreur("Besoin invalide (un détail par champ, avec le code de la règle) ou JSON illisible", [
      "besoin-invalide",
      "json-invalide",
    ]),
    415: erreur("Le corps doit être envoyé en `application/json`", ["type-contenu-invalide"]),
  },
});

/**
 * `POST /recommandations/visio` (mounted at `/v1`): the body is a `BesoinVisio`; the answer is exactly
 * `recommanderVisio(besoin)`. An invalid need answers 400 `besoin-invalide` with the rules' French messages.
 *
 * @example
 * app.route("/v1", routesRecommandations());
 */
export function routesRecommandations() {
  // recommanderVisio is pure and its input space is small (enums, booleans, a count): results are kept in a
  // bounded cache keyed by the validated need (zod output: fixed key order).
  const resultats = new CacheBorne<ReturnType<typeof recommanderVisio>>(2048);
  return new OpenAPIHono({ defaultHook: crochetBesoin }).openapi(route, (c) => {
    const besoin = c.req.valid("json");
    return c.json(
      resultats.obtenir(JSON.stringify(besoin), () => recommanderVisio(besoin)),
      200,
    );
  });
}

/**
 * The body's errors come from `validerBesoinVisio`: one French message and the rules' stable code per field
 * (`participants-invalide`…), as the widget shows them.
 */
function crochetBesoin(resultat: ResultatValidation & { data?: unknown }): undefined {
  if (resultat.success) return undefined;
  if (resultat.target !== "json") return crochetValidation(resultat);
  const v = validerBesoinVisio(resultat.data);
  if (v.ok) return crochetValidation(resultat);
  const details = v.erreurs.map((e) => ({ champ: e.champ, code: e.code, message: e.message }));
  const resume = v.erreurs.map((e) => e.message).join(" ");
  throw new ErreurApi(400, "besoin-invalide", `Besoin de visioconférence invalide. ${resume}`, details);
}
