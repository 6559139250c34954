import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { EntOidc } from "./ent-config.js";
import { ErreurAuth } from "./erreurs.js";
import { decouvrirOidc } from "./oidc.js";

/** The event a logout token carries (OpenID Connect Back-Channel Logout 1.0 § 2.4). */
export const EVENEMENT_DECONNEXION = "http://schemas.openid.net/event/backchannel-logout";

/** How old a logout token may be (its `iat`), beyond the 30 s of clock tolerance. */
const AGE_MAX = "5m";

const clesParUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** What a verified logout token names: the ENT's session (`sid`) and/or the user (`sub`). */
export interface DeconnexionOidc {
  sid?: string;
  sub?: string;
}

function refus(detail: string, cause?: unknown): ErreurAuth {
  return new ErreurAuth(
    "jeton-fournisseur-invalide",
    `Jeton de déconnexion refusé (${detail}).`,
    400,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Verifies an OpenID Connect back-channel `logout_token` (§ 2.6): signature against the ENT's published
 * keys (`jwks_uri` of its discovery), `iss` = the ENT, `aud` = Trousse's `clientId`, `iat` at most 5 minutes
 * old, `jti` present, the back-channel logout event, `sid` or `sub`, and no `nonce`. Throws `ErreurAuth`
 * `jeton-fournisseur-invalide` (400) otherwise.
 *
 * @example
 * const { sid, sub } = await verifierJetonDeconnexion(ent, corps.get("logout_token") ?? "");
 */
export async function verifierJetonDeconnexion(ent: EntOidc, jeton: string): Promise<DeconnexionOidc> {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jeton)) throw refus("JWT attendu");
  const decouverte = await decouvrirOidc(ent.issuer);
  const uri = decouverte.jwks_uri;
  if (!uri) throw refus("l'ENT ne publie pas ses clés");
  let cles = clesParUri.get(uri);
  if (!cles) clesParUri.set(uri, (cles = createRemoteJWKSet(new URL(uri))));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jeton, cles, {
      issuer: decouverte.issuer,
      audience: ent.clientId,
      algorithms: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"],
      requiredClaims: ["iat", "jti", "events"],
      maxTokenAge: AGE_MAX,
      clockTolerance: 30,
    }));
  } catch (e) {
    throw refus("signature, émetteur, destinataire ou date", e);
  }
  const evenements = payload.events as Record<string, unknown> | undefined;
  const evenement = evenements?.[EVENEMENT_DECONNEXION];
  if (typeof evenement !== "object" || evenement === null || Array.isArray(evenement))
    throw refus("événement de déconnexion absent");
  if ("nonce" in payload) throw refus("nonce interdit");
  const sid = typeof payload.sid === "string" && payload.sid !== "" ? payload.sid : undefined;
  const sub = typeof payload.sub === "string" && payload.sub !== "" ? payload.sub : undefined;
  if (!sid && !sub) throw refus("ni sid ni sub");
  return { ...(sid ? { sid } : {}), ...(sub ? { sub } : {}) };
}
