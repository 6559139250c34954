import { z } from "@hono/zod-openapi";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One problem of a request, per field: the field's path, a stable code, a French message. */
export interface DetailErreur {
  /** Dotted path of the field (`contraintes.nombreMax`), or `(corps)` for the whole body. */
  champ: string;
  /** Stable kebab-case code: the rules' own (`participants-invalide`) or the validator's (`type-invalide`). */
  code: string;
  message: string;
}

/** The JSON body of every error answer of the API, on every path (tus included). */
export interface CorpsErreurApi {
  erreur: { code: string; message: string; details?: DetailErreur[] };
}

const detailSchema = z
  .object({
    champ: z.string().openapi({ example: "participants" }),
    code: z.string().openapi({ example: "participants-invalide" }),
    message: z.string().openapi({ example: "Le nombre de participants doit être un entier positif." }),
  })
  .openapi("DetailErreur");

/** zod schema of the error body (`components.schemas.Erreur` of the OpenAPI document). */
export const erreurSchema = z
  .object({
    erreur: z.object({
      code: z.string().openapi({ example: "outil-inconnu" }),
      message: z.string().openapi({ example: "Aucun outil ne porte l'identifiant « zoom »." }),
      details: z.array(detailSchema).optional(),
    }),
  })
  .openapi("Erreur");

/**
 * The one error type of the API: an HTTP status, a stable code, a French message, optional per-field
 * details and headers (`Retry-After`, `Allow`…). Throw it anywhere; the app's one `onError` answers it.
 *
 * @example
 * throw new ErreurApi(404, "outil-inconnu", "Aucun outil ne porte l'identifiant « zoom ».");
 * throw new ErreurApi(429, "trop-de-requetes", "Trop de requêtes.", undefined, { "Retry-After": "3" });
 */
export class ErreurApi extends Error {
  override name = "ErreurApi";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: DetailErreur[],
    readonly entetes?: Record<string, string>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Builds the JSON error body: `details` only when there are some.
 *
 * @example
 * corpsErreur("non-authentifie", "Connectez-vous."); // { erreur: { code: "non-authentifie", message: "Connectez-vous." } }
 */
export function corpsErreur(code: string, message: string, details?: DetailErreur[]): CorpsErreurApi {
  return { erreur: details?.length ? { code, message, details } : { code, message } };
}

/**
 * The answer of an error: the JSON body with its exact `Content-Length`, `no-store`, and the error's own
 * headers. Every error path of the API goes through it (the app's `onError`, tus, `notFound`).
 *
 * @example
 * return reponseErreur(new ErreurApi(405, "methode-non-permise", "…", undefined, { Allow: "GET" }));
 */
export function reponseErreur(e: ErreurApi): Response {
  const octets = new TextEncoder().encode(JSON.stringify(corpsErreur(e.code, e.message, e.details)));
  const entetes = new Headers(e.entetes);
  entetes.set("Content-Type", "application/json; charset=utf-8");
  entetes.set("Content-Length", String(octets.byteLength));
  if (!entetes.has("Cache-Control")) entetes.set("Cache-Control", "no-store");
  return new Response(octets, { status: e.status, headers: entetes });
}
