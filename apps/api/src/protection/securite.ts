import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { repondreErreur } from "../erreurs.js";

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

/**
 * CORS with an allow-list: an origin not listed gets no `Access-Control-Allow-Origin`. Bearer tokens, no
 * cookies: no credentials mode.
 *
 * @example
 * app.use("/v1/*", corsListe(["https://ent.exemple.fr"]));
 */
export function corsListe(origines: string[]): MiddlewareHandler {
  const permises = new Set(origines);
  return cors({
    origin: (origine) => (permises.has(origine) ? origine : null),
    allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: [
      "Authorization",
      "Content-Type",
      "If-None-Match",
      "Tus-Resumable",
      "Upload-Length",
      "Upload-Offset",
      "Upload-Metadata",
    ],
    exposeHeaders: ["ETag", "Retry-After", "Location", "Upload-Offset", "Upload-Length", "Tus-Resumable"],
    maxAge: 600,
  });
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

/**
 * Refuses request bodies larger than `octets` with 413 `corps-trop-volumineux` (whatever Content-Length says:
 * the stream is counted).
 *
 * @example
 * app.use("/v1/*", limiterCorps(64 * 1024));
 */
export function limiterCorps(octets: number): MiddlewareHandler {
  const ko = Math.round(octets / 1024);
  const limite = bodyLimit({
    maxSize: octets,
    onError: (c) =>
      repondreErreur(
        c,
        413,
        "corps-trop-volumineux",
        `Le corps de la requête dépasse la taille permise (${ko} Kio).`,
      ),
  });
  return (c, next) => {
    // No route reads a body on GET/HEAD/OPTIONS. Skipping them keeps reads on @hono/node-server's fast path
    // (touching `body` would build a full WHATWG Request for every GET).
    const m = c.req.method;
    if (m === "GET" || m === "HEAD" || m === "OPTIONS") return next();
    return limite(c, next);
  };
}
