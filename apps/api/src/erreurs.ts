import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "@hono/zod-openapi";

/** The JSON body of every error answer. */
export interface CorpsErreurApi {
  erreur: { code: string; message: string; details?: { champ: string; message: string }[] };
}

/** zod schema of the error body, for the OpenAPI document. */
export const erreurSchema = z
  .object({
    erreur: z.object({
      code: z.string().openapi({ example: "outil-inconnu" }),
      message: z.string().openapi({ example: "Aucun outil ne porte l'identifiant « zoom »." }),
      details: z.array(z.object({ champ: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Erreur");

/**
 * An error answered as `{ erreur: { code, message } }` with its HTTP status. Throw it from a handler.
 *
 * @example
 * throw new ErreurApi(404, "outil-inconnu", "Aucun outil ne porte l'identifiant « zoom ».");
 */
export class ErreurApi extends Error {
  override readonly name = "ErreurApi";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: { champ: string; message: string }[],
    readonly entetes?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Builds the JSON error body.
 *
 * @example
 * c.json(corpsErreur("non-authentifie", "Connectez-vous."), 401);
 */
export function corpsErreur(
  code: string,
  message: string,
  details?: CorpsErreurApi["erreur"]["details"],
): CorpsErreurApi {
  return { erreur: details?.length ? { code, message, details } : { code, message } };
}

/**
 * Answers an error as JSON.
 *
 * @example
 * return repondreErreur(c, 429, "trop-de-requetes", "Trop de requêtes.", { "Retry-After": "3" });
 */
export function repondreErreur(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  entetes?: Record<string, string>,
  details?: CorpsErreurApi["erreur"]["details"],
): Response {
  return c.json(corpsErreur(code, message, details), status, entetes);
}

/**
 * Turns zod issues into `{ champ, message }` details with a French message per field.
 *
 * @example
 * detailsZod(result.error); // [{ champ: "niveau", message: "valeur attendue : 1D, 2D" }]
 */
export function detailsZod(erreur: z.ZodError): { champ: string; message: string }[] {
  return erreur.issues.map((i) => ({
    champ: i.path.length ? i.path.map(String).join(".") : "(corps)",
    message: messageIssue(i),
  }));
}

const MESSAGE_ZOD_ANGLAIS = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

function messageIssue(i: z.core.$ZodIssue): string {
  // Messages written by our schemas (and the rules' schemas) are already French: keep them.
  if (i.message && !MESSAGE_ZOD_ANGLAIS.test(i.message)) return i.message;
  switch (i.code) {
    case "invalid_value":
      return `valeur attendue : ${i.values.map((v) => String(v)).join(", ")}`;
    case "invalid_type":
      return i.input === undefined ? "champ obligatoire" : `type attendu : ${i.expected}`;
    case "too_big":
      return `trop grand (maximum ${String(i.maximum)})`;
    case "too_small":
      return `trop petit (minimum ${String(i.minimum)})`;
    case "unrecognized_keys":
      return `champ(s) inconnu(s) : ${i.keys.join(", ")}`;
    case "invalid_format":
      return `format invalide (${i.format})`;
    default:
      return "valeur invalide";
  }
}
