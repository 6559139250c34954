import { etatSession } from "@trousse/db";
import type { MiddlewareHandler } from "hono";
import { cacheSessionsDe } from "./cache-sessions.js";
import { causePourJournal, type AuthDeps, type Session } from "./deps.js";
import { ErreurAuth, repondreErreurJson } from "./erreurs.js";
import { verifierJeton } from "./session.js";

// The auth scheme is case-insensitive (RFC 7235 § 2.1): "bearer" and "BEARER" are "Bearer".
const BEARER = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)[ ]*$/i;

function refuser(c: Parameters<MiddlewareHandler>[0], erreur: ErreurAuth): Response {
  const detail =
    erreur.code === "non-authentifie" && !c.req.header("authorization") ? "" : `, error="invalid_token"`;
  c.header("WWW-Authenticate", `Bearer realm="trousse"${detail}`);
  return repondreErreurJson(c, erreur);
}

/**
 * Hono middleware protecting a route: reads the `Authorization: Bearer <jeton>` header, verifies the token
 * (signature, expiry, not revoked), loads the user and sets `c.get("session")`. On PGlite, a session verified
 * less than 30 s ago is taken from an in-process cache (see `cache-sessions.ts`); a sign-out forgets it at once. Otherwise answers 401
 * `{ erreur: { code: "non-authentifie" | "session-expiree" | "session-revoquee", message } }` with
 * `WWW-Authenticate: Bearer`.
 *
 * @example
 * app.get("/v1/moi", exigerSession(deps), (c) => c.json(c.get("session").utilisateur));
 */
export function exigerSession(deps: AuthDeps): MiddlewareHandler<{ Variables: { session: Session } }> {
  return async (c, next) => {
    // Already verified for this request (a path guard, then the route's own middleware): once is enough.
    if (c.get("session")) return next();
    const entete = c.req.header("authorization");
    const m = entete === undefined ? null : BEARER.exec(entete);
    if (!m?.[1]) {
      return refuser(
        c,
        new ErreurAuth(
          "non-authentifie",
          "Connexion requise : envoyez votre jeton de session dans l'en-tête « Authorization: Bearer … ».",
          401,
        ),
      );
    }
    let session: Session;
    try {
      const contenu = await verifierJeton(m[1], deps.config.sessionSecret);
      // On PGlite (one process), a session verified less than 30 s ago is not asked again: the sign-out of
      // this process forgets it at once. On PostgreSQL, `cache` is null and every request asks the database.
      const cache = cacheSessionsDe(deps.db);
      const enCache = cache?.lire(contenu.jti, contenu.sub);
      // Both lookups in one statement (the user, and whether this token was revoked).
      const { revoquee, utilisateur } = enCache
        ? { revoquee: false, utilisateur: enCache }
        : await etatSession(deps.db, contenu.jti, contenu.sub);
      if (revoquee) {
        return refuser(
          c,
          new ErreurAuth(
            "session-revoquee",
            "Cette session a été fermée (déconnexion) : reconnectez-vous.",
            401,
          ),
        );
      }
      if (!utilisateur) {
        return refuser(
          c,
          new ErreurAuth("non-authentifie", "Ce compte n'existe plus : reconnectez-vous.", 401),
        );
      }
      if (!enCache) cache?.garder(contenu.jti, utilisateur);
      session = { utilisateur, jti: contenu.jti, expireLe: contenu.expireLe };
    } catch (e) {
      if (e instanceof ErreurAuth) return refuser(c, e);
      // Anything else (the database cannot be reached, a bug) goes to the app's one onError: a database
      // outage is answered 503 base-indisponible with Retry-After, and nothing is swallowed here.
      deps.logger.warn(
        { evenement: "session-verification", cause: causePourJournal(e) },
        "vérification de session impossible",
      );
      throw e;
    }
    c.set("session", session);
    await next();
  };
}
