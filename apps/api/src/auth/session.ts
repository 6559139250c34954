import { createSecretKey, randomUUID, type KeyObject } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Role, UtilisateurConnecte } from "@trousse/db";
import { ErreurAuth } from "./erreurs.js";

const ROLES: readonly Role[] = ["eleve", "enseignant", "parent", "personnel"];

/** Issuer and audience written in every Trousse session token. */
export const EMETTEUR_JETON = "trousse";
export const AUDIENCE_JETON = "trousse-api";

/** What a verified session token says. */
export interface ContenuJeton {
  /** User id (uuid in `utilisateurs`). */
  sub: string;
  role: Role;
  /** ENT id the user signed in with (`demo` in demo mode). */
  ent: string;
  jti: string;
  expireLe: Date;
}

/** A freshly issued session token. */
export interface JetonEmis {
  jeton: string;
  jti: string;
  expireLe: Date;
}

/** The HMAC key of each secret, made once: jose would import a raw secret again on every call. */
const cles = new Map<string, KeyObject>();

function cle(secret: string): KeyObject {
  let k = cles.get(secret);
  if (!k) {
    k = createSecretKey(Buffer.from(secret, "utf8"));
    if (cles.size >= 8) cles.clear();
    cles.set(secret, k);
  }
  return k;
}

/**
 * Signs a short-lived session token (JWT HS256: sub = user id, role, ent, jti, exp).
 *
 * @example
 * const { jeton, expireLe } = await emettreJeton(utilisateur, { secret, dureeMinutes: 60 });
 */
export async function emettreJeton(
  utilisateur: Pick<UtilisateurConnecte, "id" | "role" | "entId">,
  options: { secret: string; dureeMinutes: number; maintenant?: Date },
): Promise<JetonEmis> {
  const maintenant = Math.floor((options.maintenant ?? new Date()).getTime() / 1000);
  const exp = maintenant + options.dureeMinutes * 60;
  const jti = randomUUID();
  const jeton = await new SignJWT({ role: utilisateur.role, ent: utilisateur.entId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(utilisateur.id)
    .setIssuer(EMETTEUR_JETON)
    .setAudience(AUDIENCE_JETON)
    .setIssuedAt(maintenant)
    .setExpirationTime(exp)
    .setJti(jti)
    .sign(cle(options.secret));
  return { jeton, jti, expireLe: new Date(exp * 1000) };
}

/** Clock skew allowed between API processes for a token's `iat`: a token issued more than 60 s ahead is refused. */
export const ECART_HORLOGE_SECONDES = 60;

/**
 * Verifies a session token's signature, issuer, audience, expiry and issue time (`iat` required, at most
 * `ECART_HORLOGE_SECONDES` in the future), not its revocation (see `exigerSession`). Throws `ErreurAuth`
 * `session-expiree` or `non-authentifie` (401).
 *
 * @example
 * const contenu = await verifierJeton(jeton, secret); // { sub, role, ent, jti, expireLe }
 */
export async function verifierJeton(jeton: string, secret: string): Promise<ContenuJeton> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(jeton, cle(secret), {
      algorithms: ["HS256"],
      issuer: EMETTEUR_JETON,
      audience: AUDIENCE_JETON,
      requiredClaims: ["sub", "jti", "exp", "iat"],
    }));
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) {
      throw new ErreurAuth("session-expiree", "Votre session a expiré : reconnectez-vous.", 401, {
        cause: e,
      });
    }
    throw new ErreurAuth("non-authentifie", "Jeton de session invalide : reconnectez-vous.", 401, {
      cause: e,
    });
  }
  const role = payload.role;
  if (
    typeof payload.sub !== "string" ||
    typeof payload.jti !== "string" ||
    typeof payload.exp !== "number" ||
    typeof payload.iat !== "number" ||
    // A token "issued" in the future was not issued by this API (or its clock is wrong): refused.
    payload.iat > Math.floor(Date.now() / 1000) + ECART_HORLOGE_SECONDES ||
    typeof payload.ent !== "string" ||
    typeof role !== "string" ||
    !ROLES.includes(role as Role)
  ) {
    throw new ErreurAuth("non-authentifie", "Jeton de session invalide : reconnectez-vous.", 401);
  }
  return {
    sub: payload.sub,
    role: role as Role,
    ent: payload.ent,
    jti: payload.jti,
    expireLe: new Date(payload.exp * 1000),
  };
}
