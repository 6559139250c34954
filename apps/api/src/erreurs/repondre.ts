import { estBaseIndisponible } from "@trousse/db";
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { ErreurApi, reponseErreur } from "./erreur-api.js";

/** How long a client waits before retrying when the database is down (seconds). */
export const ATTENTE_BASE_INDISPONIBLE_S = 5;

/**
 * Turns anything thrown into the one error type: an `ErreurApi` (our own, the sign-in's `ErreurAuth`, the
 * validation hook's) passes through; Hono's `HTTPException`s (unreadable JSON, wrong content type, body
 * limits) get their stable code; a database that cannot be reached becomes 503 `base-indisponible` with
 * `Retry-After`; a malformed percent-encoding in the address, 400 `adresse-invalide`. The rest is a bug:
 * `null` (the caller logs it and answers 500).
 *
 * @example
 * versErreurApi(new HTTPException(415)); // ErreurApi 415 "type-contenu-invalide"
 */
export function versErreurApi(e: unknown): ErreurApi | null {
  if (e instanceof ErreurApi) return e;
  if (e instanceof HTTPException) {
    if (e.status === 400 && /JSON/i.test(e.message))
      return new ErreurApi(400, "json-invalide", "Le corps de la requête n'est pas un JSON valide.");
    if (e.status === 415)
      return new ErreurApi(
        415,
        "type-contenu-invalide",
        "Type de contenu non pris en charge : envoyez le corps en application/json.",
      );
    if (e.status === 413)
      return new ErreurApi(413, "corps-trop-volumineux", "Le corps de la requête dépasse la taille permise.");
    if (e.status < 500) return new ErreurApi(e.status, "requete-invalide", "Requête invalide.");
  }
  if (estBaseIndisponible(e)) {
    return new ErreurApi(
      503,
      "base-indisponible",
      "La base de données ne répond pas pour le moment : réessayez dans quelques secondes.",
      undefined,
      { "Retry-After": String(ATTENTE_BASE_INDISPONIBLE_S) },
    );
  }
  if (e instanceof URIError) {
    return new ErreurApi(
      400,
      "adresse-invalide",
      "L'adresse demandée contient un encodage invalide (%…) : vérifiez le lien.",
    );
  }
  return null;
}

/**
 * The app's one `onError`: every error leaves as `{ erreur: { code, message, details? } }` with its exact
 * `Content-Length` (see `reponseErreur`). A database outage is logged once per error at warn level, without a
 * stack; anything unexpected is logged at error level and answered 500 `erreur-interne`.
 *
 * @example
 * app.onError(repondreAuxErreurs(logger));
 */
export function repondreAuxErreurs(logger: Logger): ErrorHandler {
  return (e: Error, c: Context) => {
    const connue = versErreurApi(e);
    if (connue) {
      if (connue.code === "base-indisponible")
        logger.warn({ chemin: c.req.path, evenement: "base-indisponible" }, "base de données injoignable");
      return reponseErreur(connue);
    }
    logger.error(
      { err: { type: e.name, message: e.message, stack: e.stack }, chemin: c.req.path },
      "erreur interne",
    );
    return reponseErreur(
      new ErreurApi(
        500,
        "erreur-interne",
        "Erreur interne du serveur Trousse. L'incident est consigné ; réessayez plus tard.",
      ),
    );
  };
}
