import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Erreur métier des devoirs et rendus : statut HTTP, code stable, message en français. */
export class ErreurApi extends Error {
  readonly statut: ContentfulStatusCode;
  readonly code: string;
  readonly details?: unknown;

  constructor(statut: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ErreurApi";
    this.statut = statut;
    this.code = code;
    this.details = details;
  }
}

/**
 * Construit une `ErreurApi`.
 *
 * @example
 * throw erreurApi(404, "devoir-introuvable", "Ce devoir n'existe pas.");
 */
export function erreurApi(
  statut: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
): ErreurApi {
  return new ErreurApi(statut, code, message, details);
}

/**
 * Répond `{ erreur: { code, message } }` pour une `ErreurApi` ; laisse passer les autres erreurs.
 *
 * @example
 * app.onError((e, c) => repondreErreurApi(e, c) ?? c.json({ erreur: { code: "erreur-interne", message: "…" } }, 500));
 */
export function repondreErreurApi(erreur: unknown, c: Context): Response | null {
  if (!(erreur instanceof ErreurApi)) return null;
  const corps: { code: string; message: string; details?: unknown } = {
    code: erreur.code,
    message: erreur.message,
  };
  if (erreur.details !== undefined) corps.details = erreur.details;
  return c.json({ erreur: corps }, erreur.statut);
}
