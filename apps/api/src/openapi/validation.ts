import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { corpsErreur, detailsZod } from "../erreurs.js";

const LIEUX: Record<string, string> = {
  query: "Paramètres de requête invalides",
  param: "Paramètre d'adresse invalide",
  json: "Corps JSON invalide",
  header: "En-tête invalide",
  form: "Formulaire invalide",
};

/** What a zod-openapi validation hook receives. */
export type ResultatValidation = { target: string } & (
  { success: true } | { success: false; error: z.ZodError }
);

/**
 * Validation hook of every documented route: a zod failure answers 400 `requete-invalide` with a French
 * message and one `{ champ, message }` per problem.
 *
 * @example
 * new OpenAPIHono({ defaultHook: crochetValidation });
 */
export function crochetValidation(resultat: ResultatValidation, c: Context): Response | undefined {
  if (resultat.success) return undefined;
  const details = detailsZod(resultat.error);
  const lieu = LIEUX[resultat.target] ?? "Requête invalide";
  const resume = details.map((d) => `${d.champ} : ${d.message}`).join(" ; ");
  return c.json(corpsErreur("requete-invalide", `${lieu} — ${resume}.`, details), 400);
}
