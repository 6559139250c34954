import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { z } from "zod";
import type { EntOidc } from "./ent-config.js";
import { ErreurAuth } from "./erreurs.js";
import { appelerFournisseur } from "./http-fournisseur.js";
import { defiPkce } from "./pkce.js";
import type { ClaimsEnt } from "./mapping.js";

const decouverteSchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  userinfo_endpoint: z.url().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
});

/** The OpenID Provider metadata Trousse uses (OpenID Connect Discovery 1.0). */
export type DecouverteOidc = z.infer<typeof decouverteSchema>;

const DUREE_CACHE_MS = 60 * 60 * 1000;
const cacheDecouverte = new Map<string, { decouverte: DecouverteOidc; jusqua: number }>();
const cacheJwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function reponseInvalide(detail: string, cause?: unknown): ErreurAuth {
  return new ErreurAuth(
    "reponse-fournisseur-invalide",
    `L'ENT a répondu de façon inattendue (${detail}).`,
    502,
    {
      cause,
    },
  );
}

async function lireJson(reponse: Response, etape: string): Promise<unknown> {
  try {
    return await reponse.json();
  } catch (e) {
    throw reponseInvalide(`${etape} : JSON attendu`, e);
  }
}

/**
 * Reads (and caches one hour, per process) the ENT's OpenID configuration at
 * `<issuer>/.well-known/openid-configuration` — on ODE: `https://<ent>/auth/openid/.well-known/openid-configuration`.
 * The announced `issuer` must be the configured one.
 *
 * @example
 * const decouverte = await decouvrirOidc("https://ent.exemple.fr/auth/openid");
 * decouverte.token_endpoint; // "https://ent.exemple.fr/auth/openid/token"
 */
export async function decouvrirOidc(issuer: string): Promise<DecouverteOidc> {
  const cle = issuer.replace(/\/+$/, "");
  const enCache = cacheDecouverte.get(cle);
  if (enCache && enCache.jusqua > Date.now()) return enCache.decouverte;
  const reponse = await appelerFournisseur(`${cle}/.well-known/openid-configuration`, {
    headers: { accept: "application/json" },
  });
  if (!reponse.ok) {
    throw new ErreurAuth(
      "fournisseur-indisponible",
      `L'ENT ne fournit pas sa configuration OpenID Connect (HTTP ${reponse.status}) : réessayez plus tard.`,
      502,
    );
  }
  const lu = decouverteSchema.safeParse(await lireJson(reponse, "configuration OpenID"));
  if (!lu.success) throw reponseInvalide("configuration OpenID incomplète", lu.error);
  if (lu.data.issuer.replace(/\/+$/, "") !== cle)
    throw reponseInvalide("issuer différent de celui configuré");
  cacheDecouverte.set(cle, { decouverte: lu.data, jusqua: Date.now() + DUREE_CACHE_MS });
  return lu.data;
}

/**
 * Whether the ENT offers PKCE with S256 (then Trousse always uses it).
 *
 * @example
 * pkceOffert({ code_challenge_methods_supported: ["plain", "S256"] } as DecouverteOidc); // true
 */
export function pkceOffert(decouverte: DecouverteOidc): boolean {
  return decouverte.code_challenge_methods_supported?.includes("S256") ?? false;
}

/**
 * The URL of the ENT's authorization endpoint for an authorization code request with `state`, `nonce`
 * and, when given, the PKCE S256 challenge of `verifier`.
 *
 * @example
 * const url = urlAutorisation(ent, decouverte, { redirectUri, etat, nonce, verifier });
 */
export function urlAutorisation(
  ent: EntOidc,
  decouverte: DecouverteOidc,
  p: { redirectUri: string; etat: string; nonce: string; verifier?: string },
): string {
  const url = new URL(decouverte.authorization_endpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", ent.clientId);
  url.searchParams.set("redirect_uri", p.redirectUri);
  url.searchParams.set("scope", (ent.scopes ?? ["openid"]).join(" "));
  url.searchParams.set("state", p.etat);
  url.searchParams.set("nonce", p.nonce);
  if (p.verifier !== undefined) {
    url.searchParams.set("code_challenge", defiPkce(p.verifier));
    url.searchParams.set("code_challenge_method", "S256");
  }
  return url.href;
}

/** `client_secret_basic` credentials (RFC 6749 §2.3.1: each part form-urlencoded, then base64). */
function basic(clientId: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`).toString("base64")}`;
}

const reponseJetonSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  id_token: z.string().min(1).optional(),
});

/**
 * Exchanges the authorization code at the token endpoint, authenticating with `client_secret_basic`
 * (or `client_secret_post` when the ENT only announces that one).
 *
 * @example
 * const { access_token, id_token } = await echangerCode(ent, decouverte, { code, redirectUri, verifier });
 */
export async function echangerCode(
  ent: EntOidc,
  decouverte: DecouverteOidc,
  p: { code: string; redirectUri: string; verifier?: string },
): Promise<z.infer<typeof reponseJetonSchema>> {
  const corps = new URLSearchParams({
    grant_type: "authorization_code",
    code: p.code,
    redirect_uri: p.redirectUri,
  });
  if (p.verifier !== undefined) corps.set("code_verifier", p.verifier);
  const methodes = decouverte.token_endpoint_auth_methods_supported;
  const entetes: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (methodes && !methodes.includes("client_secret_basic") && methodes.includes("client_secret_post")) {
    corps.set("client_id", ent.clientId);
    corps.set("client_secret", ent.clientSecret);
  } else {
    entetes.authorization = basic(ent.clientId, ent.clientSecret);
  }
  const reponse = await appelerFournisseur(decouverte.token_endpoint, {
    method: "POST",
    headers: entetes,
    body: corps,
  });
  const json = await lireJson(reponse, "jeton");
  if (!reponse.ok) {
    const code = (json as { error?: unknown } | null)?.error;
    throw new ErreurAuth(
      "jeton-fournisseur-invalide",
      code === "invalid_client"
        ? "L'ENT refuse les identifiants de Trousse (client) : prévenez l'administrateur du serveur."
        : "L'ENT a refusé le code de connexion (déjà utilisé ou expiré) : recommencez la connexion.",
      502,
    );
  }
  const lu = reponseJetonSchema.safeParse(json);
  if (!lu.success) throw reponseInvalide("réponse du point jeton", lu.error);
  if (lu.data.token_type.toLowerCase() !== "bearer") throw reponseInvalide("type de jeton non Bearer");
  return lu.data;
}

/**
 * Verifies the id_token with jose: signature against the ENT's JWKS (from discovery), issuer, audience
 * (= client id), expiry and `nonce`. Throws `ErreurAuth` `jeton-fournisseur-invalide`.
 *
 * @example
 * const claims = await verifierIdToken(ent, decouverte, idToken, nonce); // claims.sub
 */
export async function verifierIdToken(
  ent: EntOidc,
  decouverte: DecouverteOidc,
  idToken: string,
  nonce: string,
): Promise<JWTPayload & { sub: string }> {
  let jwks = cacheJwks.get(decouverte.jwks_uri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(decouverte.jwks_uri), { timeoutDuration: 10_000 });
    cacheJwks.set(decouverte.jwks_uri, jwks);
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, jwks, {
      issuer: decouverte.issuer,
      audience: ent.clientId,
      requiredClaims: ["sub", "exp", "iat"],
      clockTolerance: 30,
      algorithms: decouverte.id_token_signing_alg_values_supported?.filter((a) => a !== "none") ?? ["RS256"],
    }));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ERR_JWKS_TIMEOUT" || code === "ERR_JOSE_GENERIC") {
      throw new ErreurAuth(
        "fournisseur-indisponible",
        "L'ENT ne fournit pas ses clés de signature : réessayez plus tard.",
        502,
        {
          cause: e,
        },
      );
    }
    throw new ErreurAuth(
      "jeton-fournisseur-invalide",
      "L'identité envoyée par l'ENT n'a pas pu être vérifiée.",
      502,
      {
        cause: e,
      },
    );
  }
  if (payload.nonce !== nonce) {
    throw new ErreurAuth(
      "jeton-fournisseur-invalide",
      "L'identité envoyée par l'ENT ne correspond pas à cette connexion.",
      502,
    );
  }
  return payload as JWTPayload & { sub: string };
}

/**
 * Reads the userinfo endpoint with the access token (ODE: `type`, `classId`/`classNames`, `schoolName`, `uai`…).
 *
 * @example
 * const claims = await lireUserinfo(decouverte, accessToken); // { sub, type: "ELEVE", … }
 */
export async function lireUserinfo(decouverte: DecouverteOidc, accessToken: string): Promise<ClaimsEnt> {
  if (!decouverte.userinfo_endpoint) return {};
  const reponse = await appelerFournisseur(decouverte.userinfo_endpoint, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
  });
  if (!reponse.ok) {
    throw new ErreurAuth(
      "reponse-fournisseur-invalide",
      `L'ENT refuse de transmettre votre profil (HTTP ${reponse.status}).`,
      502,
    );
  }
  const json = await lireJson(reponse, "userinfo");
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw reponseInvalide("userinfo : objet attendu");
  return json as ClaimsEnt;
}

/**
 * The whole back-channel part of an OIDC sign-in: code → tokens → verified id_token → userinfo.
 * Returns the stable `uid` (id_token `sub`) and the merged claims (userinfo over id_token).
 *
 * @example
 * const { uid, claims } = await terminerConnexionOidc(ent, { code, redirectUri, nonce, verifier });
 */
export async function terminerConnexionOidc(
  ent: EntOidc,
  p: { code: string; redirectUri: string; nonce: string; verifier?: string },
): Promise<{ uid: string; claims: ClaimsEnt }> {
  const decouverte = await decouvrirOidc(ent.issuer);
  const jetons = await echangerCode(ent, decouverte, p);
  if (!jetons.id_token) throw reponseInvalide("pas d'id_token : vérifiez le scope « openid »");
  const idClaims = await verifierIdToken(ent, decouverte, jetons.id_token, p.nonce);
  const userinfo = await lireUserinfo(decouverte, jetons.access_token);
  if (userinfo.sub !== undefined && userinfo.sub !== idClaims.sub) {
    throw reponseInvalide("userinfo d'un autre utilisateur que l'id_token");
  }
  return { uid: idClaims.sub, claims: { ...idClaims, ...userinfo } };
}
