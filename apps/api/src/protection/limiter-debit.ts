import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { ErreurApi, reponseErreur } from "../erreurs/erreur-api.js";
import type { MagasinLimites } from "./seau-jetons.js";

export interface OptionsLimiteur {
  magasin: MagasinLimites;
  parIpParMinute: number;
  parUtilisateurParMinute: number;
  /** Take the client address from the last `X-Forwarded-For` hop (behind a reverse proxy). */
  trustProxy: boolean;
}

/**
 * The client address: the socket's, or the last `X-Forwarded-For` hop when `trustProxy` (the one our proxy
 * appended). Falls back to "inconnue" (e.g. under `app.request` in tests).
 *
 * @example
 * adresseClient(c, false); // "127.0.0.1"
 */
export function adresseClient(c: Parameters<MiddlewareHandler>[0], trustProxy: boolean): string {
  if (trustProxy) {
    const xff = c.req.header("x-forwarded-for");
    const dernier = xff?.split(",").at(-1)?.trim();
    if (dernier) return dernier;
  }
  try {
    return getConnInfo(c).remote.address ?? "inconnue";
  } catch {
    return "inconnue";
  }
}

/**
 * The user a Bearer token speaks for, for the per-user limit: the token's `sub` read WITHOUT verifying it
 * (verification happens in the route's `exigerSession`). A forged `sub` only spends the forger's own
 * requests, which the per-IP limit still counts. Falls back to a hash of the token.
 *
 * @example
 * cleUtilisateur("Bearer eyJ…"); // "u:6f1c…"
 */
export function cleUtilisateur(authorization: string | undefined): string | null {
  if (!authorization?.startsWith("Bearer ")) return null;
  const jeton = authorization.slice(7).trim();
  if (!jeton) return null;
  const partie = jeton.split(".")[1];
  if (partie) {
    try {
      const sub = (JSON.parse(Buffer.from(partie, "base64url").toString("utf8")) as { sub?: unknown }).sub;
      if (typeof sub === "string" && sub.length > 0 && sub.length <= 100) return `u:${sub}`;
    } catch {
      /* not a JWT: hash it below */
    }
  }
  return `t:${createHash("sha256").update(jeton).digest("base64url").slice(0, 22)}`;
}

/**
 * Per-IP and per-user rate limits (requests per minute). Over the limit: 429 `trop-de-requetes` with
 * `Retry-After` (seconds) and `RateLimit-*`-style hints.
 *
 * @example
 * app.use("/v1/*", limiterDebit({ magasin: new SeauxDeJetons(), parIpParMinute: 600, parUtilisateurParMinute: 300, trustProxy: false }));
 */
export function limiterDebit(options: OptionsLimiteur): MiddlewareHandler {
  const { magasin } = options;
  return async (c, next) => {
    const ip = adresseClient(c, options.trustProxy);
    const parIp = await magasin.prendre(`ip:${ip}`, options.parIpParMinute, 60_000);
    let decision = parIp;
    if (parIp.accepte) {
      const u = cleUtilisateur(c.req.header("authorization"));
      if (u) decision = await magasin.prendre(u, options.parUtilisateurParMinute, 60_000);
    }
    if (!decision.accepte) {
      const attente = String(decision.reessayerDansS);
      return reponseErreur(
        new ErreurApi(
          429,
          "trop-de-requetes",
          `Trop de requêtes : réessayez dans ${attente} seconde${decision.reessayerDansS > 1 ? "s" : ""}.`,
          undefined,
          { "Retry-After": attente },
        ),
      );
    }
    await next();
  };
}
