import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { ErreurApi, reponseErreur } from "../erreurs/erreur-api.js";

/** What `@hono/node-server` puts in `c.env`: the Node request, when there is one. */
type EnvNode = { incoming?: IncomingMessage & { rawBody?: Buffer } } | undefined;

/**
 * Refuses request bodies larger than `octets` with 413 `corps-trop-volumineux`, whatever Content-Length says.
 *
 * Under `@hono/node-server` the check never builds a WHATWG `Request` (a web stream, an AbortSignal: the
 * costliest part of a small POST, and garbage that reaches the old generation): with a Content-Length the
 * header is checked (Node's parser delivers exactly that many bytes); a chunked body is read from the Node
 * request and counted, then handed on as `incoming.rawBody`, which `@hono/node-server` serves to `c.req.json()`,
 * `c.req.raw.body`… Elsewhere (`app.request` in tests, other runtimes), Hono's `bodyLimit` does the same.
 *
 * @example
 * app.use("/v1/*", limiterCorps(64 * 1024));
 */
export function limiterCorps(octets: number): MiddlewareHandler {
  const ko = Math.round(octets / 1024);
  const refuser = (_c: Context): Response =>
    reponseErreur(
      new ErreurApi(
        413,
        "corps-trop-volumineux",
        `Le corps de la requête dépasse la taille permise (${ko} Kio).`,
      ),
    );
  const limiteWeb = bodyLimit({ maxSize: octets, onError: refuser });
  return async (c, next) => {
    // No route reads a body on GET/HEAD/OPTIONS.
    const m = c.req.method;
    if (m === "GET" || m === "HEAD" || m === "OPTIONS") return next();
    const incoming = (c.env as EnvNode)?.incoming;
    if (!incoming) return limiteWeb(c, next);
    if (incoming.rawBody instanceof Buffer) return incoming.rawBody.length > octets ? refuser(c) : next();
    const longueur = incoming.headers["content-length"];
    if (longueur !== undefined && incoming.headers["transfer-encoding"] === undefined) {
      return Number(longueur) > octets ? refuser(c) : next();
    }
    if (incoming.readableDidRead || incoming.readableEnded) return limiteWeb(c, next);
    const corps = await lireBorne(incoming, octets);
    if (corps === null) return refuser(c);
    incoming.rawBody = corps;
    return next();
  };
}

/** Reads a Node request's body, or `null` as soon as it passes `octets` (the rest is left unread). */
function lireBorne(incoming: IncomingMessage, octets: number): Promise<Buffer | null> {
  return new Promise((ok, ko) => {
    const morceaux: Buffer[] = [];
    let taille = 0;
    const fin = () => {
      nettoyer();
      ok(Buffer.concat(morceaux, taille));
    };
    const donnees = (morceau: Buffer) => {
      taille += morceau.length;
      if (taille > octets) {
        nettoyer();
        incoming.pause();
        ok(null);
        return;
      }
      morceaux.push(morceau);
    };
    const echec = () => {
      nettoyer();
      ko(new HTTPException(400, { message: "Corps de requête interrompu" }));
    };
    const nettoyer = () => {
      incoming.off("data", donnees);
      incoming.off("end", fin);
      incoming.off("error", echec);
      incoming.off("aborted", echec);
    };
    incoming.on("data", donnees);
    incoming.once("end", fin);
    incoming.once("error", echec);
    incoming.once("aborted", echec);
  });
}
