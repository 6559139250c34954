import type { z } from "@hono/zod-openapi";
import { detailsZod } from "./details-zod.js";
import { ErreurApi } from "./erreur-api.js";

const LIEUX: Record<string, string> = {
  query: "Paramètres de requête invalides",
  param: "Paramètre d'adresse invalide",
  json: "Corps JSON invalide",
  header: "En-tête invalide",
  form: "Formulaire invalide",
  cookie: "Cookie invalide",
};

/** What a zod-openapi validation hook receives. */
export type ResultatValidation = { target: string } & (
  { success: true } | { success: false; error: z.ZodError }
);

/**
 * Validation hook of every route declared with `createRoute`: a zod failure throws 400 `requete-invalide`
 * (answered by the app's one `onError`) with a French summary and one `{ champ, code, message }` per problem.
 *
 * @example
 * new OpenAPIHono({ defaultHook: crochetValidation });
 */
export function crochetValidation(resultat: ResultatValidation): undefined {
  if (resultat.success) return undefined;
  const details = detailsZod(resultat.error);
  const lieu = LIEUX[resultat.target] ?? "Requête invalide";
  // Our messages are sentences ending with a period: joined by « ; », the summary ends with exactly one.
  const resume = details.map((d) => `${d.champ} : ${d.message.replace(/[.\s]+$/u, "")}`).join(" ; ");
  throw new ErreurApi(400, "requete-invalide", `${lieu} — ${resume}.`, details);
}
