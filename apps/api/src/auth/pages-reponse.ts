import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { causePourJournal, type AuthDeps } from "./deps.js";
import { versErreurAuth } from "./erreurs.js";
import type { PageHtml } from "./html.js";
import { pageErreur } from "./popup.js";
import { ATTENTE_BASE_INDISPONIBLE_S } from "../erreurs/repondre.js";

/**
 * Sends a sign-in page with its security headers.
 *
 * @example
 * return envoyerPage(c, pageSession({ … }));
 */
export function envoyerPage(c: Context, page: PageHtml, status: ContentfulStatusCode = 200): Response {
  return c.body(page.html, status, page.entetes);
}

/**
 * Turns any failure of a browser sign-in step into a French error page (never a stack trace) and logs it
 * with its stable code, the ENT id and the cause's name only.
 *
 * @example
 * catch (e) { return envoyerPageErreur(c, deps, e, { entId, origine }); }
 */
export function envoyerPageErreur(
  c: Context,
  deps: AuthDeps,
  e: unknown,
  contexte: { entId?: string; origine?: string; frameAncestors?: readonly string[] } = {},
): Response {
  const erreur = versErreurAuth(e);
  const journal = {
    evenement: "connexion-echec",
    code: erreur.code,
    entId: contexte.entId,
    cause: causePourJournal(erreur.cause),
  };
  if (erreur.status >= 500 && erreur.code === "erreur-interne")
    deps.logger.error(journal, "échec de connexion");
  else deps.logger.warn(journal, "échec de connexion");
  const page = pageErreur(erreur, {
    origine: contexte.origine,
    frameAncestors: contexte.frameAncestors ?? [],
    demo: deps.demo,
  });
  if (erreur.code === "base-indisponible") c.header("Retry-After", String(ATTENTE_BASE_INDISPONIBLE_S));
  return envoyerPage(c, page, erreur.status);
}
