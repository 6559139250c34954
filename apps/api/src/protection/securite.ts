import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { matchedRoutes } from "hono/route";
import { secureHeaders } from "hono/secure-headers";

/**
 * Origins allowed to call the API from a browser and to frame its pages: every configured ENT's
 * `originesAutorisees`, plus the API's own origin.
 *
 * @example
 * originesPermises([{ originesAutorisees: ["https://ent.exemple.fr"] }], "http://localhost:8787");
 * // ["https://ent.exemple.fr", "http://localhost:8787"]
 */
export function originesPermises(ents: { originesAutorisees: string[] }[], baseUrl: string): string[] {
  return [...new Set([...ents.flatMap((e) => e.originesAutorisees), new URL(baseUrl).origin])];
}

const METHODES_CORS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const ENTETES_PERMIS = [
  "Authorization",
  "Content-Type",
  "If-None-Match",
  "Tus-Resumable",
  "Upload-Length",
  "Upload-Offset",
  "Upload-Metadata",
];
const ENTETES_EXPOSES = [
  "ETag",
  "Retry-After",
  "Location",
  "Upload-Offset",
  "Upload-Length",
  "Tus-Resumable",
];

/**
 * CORS with an allow-list: an origin not listed gets no `Access-Control-Allow-Origin` (in demo mode,
 * `{ demo: true }`, every origin is answered). Bearer tokens, no
 * cookies: no credentials mode. Preflights (OPTIONS) are Hono's `cors` — on a path whose route declares
 * OPTIONS itself, that route answers and carries the preflight headers; on other requests the headers are
 * added to the route's response once it exists (`c.res.headers`), never to a response made beforehand and
 * merged afterwards — that merge rebuilds the answer as a full web `Response` on every request.
 *
 * @example
 * app.use("/v1/*", corsListe(["https://ent.exemple.fr"]));
 */
export function corsListe(origines: string[], options: { demo?: boolean } = {}): MiddlewareHandler {
  const liste = new Set(origines);
  // Demo mode (fictitious accounts): a script-tag widget pasted on any page may call the API, as its
  // sign-in may (`origineAutorisee`). Bearer tokens only, never credentials: nothing rides on cookies.
  const permises = { has: (o: string) => options.demo === true || liste.has(o) };
  const exposes = ENTETES_EXPOSES.join(",");
  const preVol = cors({
    origin: (origine) => (permises.has(origine) ? origine : null),
    allowMethods: METHODES_CORS,
    allowHeaders: ENTETES_PERMIS,
    exposeHeaders: ENTETES_EXPOSES,
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === "OPTIONS") {
      if (!matchedRoutes(c).some((r) => r.method === "OPTIONS")) return preVol(c, next);
      // A route that answers OPTIONS itself (tus discovery: Tus-Version…) answers; the preflight headers,
      // set by `cors` on the context, are carried onto its response by Hono.
      await preVol(c, async () => undefined);
      await next();
      return;
    }
    const origine = c.req.header("origin");
    await next();
    const entetes: [string, string][] = [];
    if (origine && permises.has(origine)) {
      entetes.push(["Access-Control-Allow-Origin", origine], ["Access-Control-Expose-Headers", exposes]);
    }
    ajouterEntetes(c, entetes, [["Vary", "Origin"]]);
  };
}

/**
 * Sets (`poser`) and appends (`ajouter`) headers on the route's response in place; a response whose headers
 * are immutable (`Response.redirect`, a fetched response) is copied once through `c.header`.
 *
 * @example
 * ajouterEntetes(c, [["X-Request-Id", id]]);
 */
export function ajouterEntetes(
  c: Context,
  poser: [string, string][],
  ajouter: [string, string][] = [],
): void {
  try {
    const h = c.res.headers;
    for (const [nom, valeur] of poser) h.set(nom, valeur);
    for (const [nom, valeur] of ajouter) h.append(nom, valeur);
  } catch {
    for (const [nom, valeur] of poser) c.header(nom, valeur);
    for (const [nom, valeur] of ajouter) c.header(nom, valeur, { append: true });
  }
}

/**
 * Secure headers. Pages may be framed only by the API itself and the ENT origins (`frame-ancestors`,
 * which replaces X-Frame-Options); resources are readable cross-origin (the widgets load them from the ENT
 * page; nothing rides on cookies). Headers already set by a route (e.g. a sign-in page's own CSP) are kept.
 *
 * @example
 * app.use("*", entetesSecurite(["https://ent.exemple.fr"]));
 */
export function entetesSecurite(origines: string[]): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      frameAncestors: ["'self'", ...origines],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    crossOriginResourcePolicy: "cross-origin",
    xFrameOptions: false,
    referrerPolicy: "no-referrer",
    // Keep the headers a route set itself (the sign-in popup's nonce CSP and COOP unsafe-none: with the
    // default COOP same-origin the browser severs window.opener and the session never reaches the widget).
    overwrite: false,
  });
}
