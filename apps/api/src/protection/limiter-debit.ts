import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { verifierJeton } from "../auth/session.js";
import { ErreurApi, reponseErreur } from "../erreurs/erreur-api.js";
import type { MagasinLimites } from "./seau-jetons.js";

export interface OptionsLimiteur {
  magasin: MagasinLimites;
  parIpParMinute: number;
  parUtilisateurParMinute: number;
  /** The session secret: the per-user count trusts a token's `sub` only once its signature is verified. */
  secretSession: string;
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

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

/**
 * The bucket a Bearer token is counted in, for the per-user limit: `u:<sub>` only once the token's
 * signature (and issuer, audience, expiry) is verified with the session secret — one HMAC, no database —,
 * so a token forged with somebody else's `sub` never spends that user's requests. Any other token (forged,
 * expired, not a JWT) is counted under a hash of itself (`t:…`): only its sender pays, and the per-IP limit
 * counts it first. The scheme is case-insensitive (RFC 7235). `null` without a Bearer token.
 *
 * @example
 * await cleUtilisateur("Bearer eyJ…", secret); // "u:6f1c…" (verified) or "t:Qm9u…" (not)
 */
export async function cleUtilisateur(
  authorization: string | undefined,
  secret: string,
): Promise<string | null> {
  const jeton = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
  if (!jeton) return null;
  try {
    const { sub } = await verifierJeton(jeton, secret);
    if (sub.length > 0 && sub.length <= 100) return `u:${sub}`;
  } catch {
    /* not a token of ours: hashed below */
  }
  return `t:${createHash("sha256").update(jeton).digest("base64url").slice(0, 22)}`;
}

/**
 * Per-IP and per-user rate limits (requests per minute): a request with a verified session token counts
 * for its user only (see `cleUtilisateur`); any other request counts for its address (then, with an
 * unverified token, for that token). Over the limit: 429 `trop-de-requetes` with
 * `Retry-After` (seconds) and `RateLimit-*`-style hints.
 *
 * @example
 * app.use("/v1/*", limiterDebit({ magasin: new SeauxDeJetons(), parIpParMinute: 600, parUtilisateurParMinute: 300, secretSession, trustProxy: false }));
 */
export function limiterDebit(options: OptionsLimiteur): MiddlewareHandler {
  const { magasin } = options;
  return async (c, next) => {
    const u = await cleUtilisateur(c.req.header("authorization"), options.secretSession);
    let decision;
    if (u?.startsWith("u:")) {
      // A signed-in user is counted as a user only: a whole school behind one address (the school's proxy
      // or NAT, common in collèges) must not share one per-IP budget, and the user is the one accountable.
      decision = await magasin.prendre(u, options.parUtilisateurParMinute, 60_000);
    } else {
      // Anonymous or unverified: the address first, then the token's own bucket.
      const ip = adresseClient(c, options.trustProxy);
      decision = await magasin.prendre(`ip:${ip}`, options.parIpParMinute, 60_000);
      if (decision.accepte && u) decision = await magasin.prendre(u, options.parUtilisateurParMinute, 60_000);
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
