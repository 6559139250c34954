import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import { ajouterEntetes } from "./protection/securite.js";

/**
 * Logs one JSON line per request: request id, method, path WITHOUT query string (it may hold an OIDC code,
 * a CAS ticket or a search), status, duration and — when signed in — the user id. Never headers, tokens,
 * IP addresses or names. Sets `X-Request-Id`.
 *
 * @example
 * app.use("*", journalRequetes(logger));
 */
export function journalRequetes(
  logger: Logger,
): MiddlewareHandler<{ Variables: { session?: { utilisateur: { id: string } } } }> {
  return async (c, next) => {
    const debut = performance.now();
    const id = randomUUID();
    await next();
    // On the route's own response (see corsListe: a response made before `next()` is rebuilt afterwards).
    ajouterEntetes(c, [["X-Request-Id", id]]);
    if (!logger.isLevelEnabled("info")) return;
    const statut = c.res.status;
    const ligne: Record<string, unknown> = {
      requete: id,
      methode: c.req.method,
      chemin: c.req.path,
      statut,
      ms: Math.round((performance.now() - debut) * 100) / 100,
    };
    const utilisateurId = c.get("session")?.utilisateur.id;
    if (utilisateurId) ligne.utilisateurId = utilisateurId;
    if (statut >= 500) logger.error(ligne, "requête en erreur");
    else logger.info(ligne, "requête");
  };
}
