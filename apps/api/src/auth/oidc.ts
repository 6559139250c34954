import * as oauth from "oauth4webapi";
import { z } from "zod";
import type { EntOidc } from "./ent-config.js";
import { ErreurAuth } from "./erreurs.js";
import { appelerFournisseur } from "./http-fournisseur.js";
import type { ClaimsEnt } from "./mapping.js";

// The OpenID Connect client flow (discovery, PKCE, authorization response, code exchange, id_token
// checks, userinfo) is done by `oauth4webapi` (by the author of `jose`). This file only maps the ENT's
// configuration onto it and the library's failures onto our stable `ErreurAuth` codes.

/** The OpenID Provider metadata (OpenID Connect Discovery 1.0), as validated by oauth4webapi. */
export type DecouverteOidc = oauth.AuthorizationServer;

const DUREE_CACHE_MS = 60 * 60 * 1000;
const cacheDecouverte = new Map<string, { decouverte: DecouverteOidc; jusqua: number }>();

/** What Trousse needs of the metadata beyond what oauth4webapi checks (it only checks `issuer`). */
const pointsRequis = z.looseObject({
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  userinfo_endpoint: z.url().optional(),
});

function reponseInvalide(detail: string, cause?: unknown): ErreurAuth {
  return new ErreurAuth(
    "reponse-fournisseur-invalide",
    `L'ENT a répondu de façon inattendue (${detail}).`,
    502,
    { cause },
  );
}

/** Loopback hosts: the only ones an `http:` ENT may use, and never with NODE_ENV=production. */
function estBoucleLocale(url: URL): boolean {
  return ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname) || url.hostname.startsWith("127.");
}

/**
 * The HTTP options given to every oauth4webapi request: requests go through {@link appelerFournisseur}
 * (timeout; a network failure becomes `fournisseur-indisponible`). oauth4webapi refuses `http:` URLs;
 * `allowInsecureRequests` is set only for an issuer on the loopback interface outside production — the
 * test providers of `connexion-oidc.test.ts` and `oidc.test.ts`, or an ENT mock on the developer's
 * machine. A real ENT is always `https:`.
 */
function optionsHttp(issuer: string): {
  [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<string, unknown>) => Promise<Response>;
  [oauth.allowInsecureRequests]?: boolean;
} {
  const url = new URL(issuer);
  const insecureAdmis =
    url.protocol === "http:" && estBoucleLocale(url) && process.env.NODE_ENV !== "production";
  return {
    [oauth.customFetch]: (cible: string, init: oauth.CustomFetchOptions<string, unknown>) =>
      appelerFournisseur(cible, init as RequestInit),
    ...(insecureAdmis ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

function verifierHttps(issuer: string): void {
  const url = new URL(issuer);
  if (url.protocol === "https:") return;
  if (estBoucleLocale(url) && process.env.NODE_ENV !== "production") return;
  throw new ErreurAuth(
    "fournisseur-indisponible",
    "Cet ENT est configuré avec une adresse http : la connexion OpenID Connect exige https. Prévenez l'administrateur du serveur.",
    502,
  );
}

/** The client Trousse is at the ENT (30 s of clock tolerance on the id_token's dates). */
function client(ent: EntOidc): oauth.Client {
  return { client_id: ent.clientId, [oauth.clockTolerance]: 30 };
}

/** `client_secret_basic`, or `client_secret_post` when the ENT announces only that one. */
function authentificationClient(ent: EntOidc, decouverte: DecouverteOidc): oauth.ClientAuth {
  const methodes = decouverte.token_endpoint_auth_methods_supported;
  return methodes && !methodes.includes("client_secret_basic") && methodes.includes("client_secret_post")
    ? oauth.ClientSecretPost(ent.clientSecret)
    : oauth.ClientSecretBasic(ent.clientSecret);
}

/**
 * Reads (and caches one hour, per process) the ENT's OpenID configuration at
 * `<issuer>/.well-known/openid-configuration` — on ODE: `https://<ent>/auth/openid/.well-known/openid-configuration`.
 * The announced `issuer` must be the configured one (a trailing `/` aside).
 *
 * @example
 * const decouverte = await decouvrirOidc("https://ent.exemple.fr/auth/openid");
 * decouverte.token_endpoint; // "https://ent.exemple.fr/auth/openid/token"
 */
export async function decouvrirOidc(issuer: string): Promise<DecouverteOidc> {
  const cle = issuer.replace(/\/+$/, "");
  const enCache = cacheDecouverte.get(cle);
  if (enCache && enCache.jusqua > Date.now()) return enCache.decouverte;
  verifierHttps(cle);
  const reponse = await oauth.discoveryRequest(new URL(cle), optionsHttp(cle));
  if (!reponse.ok) {
    throw new ErreurAuth(
      "fournisseur-indisponible",
      `L'ENT ne fournit pas sa configuration OpenID Connect (HTTP ${reponse.status}) : réessayez plus tard.`,
      502,
    );
  }
  // oauth4webapi compares `issuer` exactly: accept the configured one with or without a trailing `/`.
  const annonce = await reponse
    .clone()
    .json()
    .then((j: unknown) => (j as { issuer?: unknown } | null)?.issuer)
    .catch(() => undefined);
  const attendu = typeof annonce === "string" && annonce.replace(/\/+$/, "") === cle ? annonce : cle;
  let decouverte: DecouverteOidc;
  try {
    decouverte = await oauth.processDiscoveryResponse(new URL(attendu), reponse);
  } catch (e) {
    throw reponseInvalide(
      e instanceof oauth.OperationProcessingError && e.code === oauth.JSON_ATTRIBUTE_COMPARISON
        ? "issuer différent de celui configuré"
        : "configuration OpenID illisible",
      e,
    );
  }
  const points = pointsRequis.safeParse(decouverte);
  if (!points.success) throw reponseInvalide("configuration OpenID incomplète", points.error);
  cacheDecouverte.set(cle, { decouverte, jusqua: Date.now() + DUREE_CACHE_MS });
  return decouverte;
}

/**
 * Whether the ENT offers PKCE with S256 (then Trousse always uses it).
 *
 * @example
 * pkceOffert({ issuer: "https://ent.exemple.fr", code_challenge_methods_supported: ["plain", "S256"] }); // true
 */
export function pkceOffert(decouverte: DecouverteOidc): boolean {
  return decouverte.code_challenge_methods_supported?.includes("S256") ?? false;
}

/**
 * The URL of the ENT's authorization endpoint for an authorization code request with `state`, `nonce`
 * and, when given, the PKCE S256 challenge of `verifier` (computed by oauth4webapi).
 *
 * @example
 * const url = await urlAutorisation(ent, decouverte, { redirectUri, etat, nonce, verifier });
 */
export async function urlAutorisation(
  ent: EntOidc,
  decouverte: DecouverteOidc,
  p: { redirectUri: string; etat: string; nonce: string; verifier?: string },
): Promise<string> {
  const url = new URL(decouverte.authorization_endpoint ?? "");
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", ent.clientId);
  url.searchParams.set("redirect_uri", p.redirectUri);
  url.searchParams.set("scope", (ent.scopes ?? ["openid"]).join(" "));
  url.searchParams.set("state", p.etat);
  url.searchParams.set("nonce", p.nonce);
  if (p.verifier !== undefined) {
    url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(p.verifier));
    url.searchParams.set("code_challenge_method", "S256");
  }
  return url.href;
}

/**
 * Checks the ENT's redirect back to Trousse (RFC 6749 §4.1.2, RFC 9207 `iss`): an `error` from the ENT
 * becomes `acces-refuse` (the user refused or cancelled) or `reponse-fournisseur-invalide`; an `iss` or a
 * `state` that is not this sign-in's, `reponse-fournisseur-invalide`; a missing `code`, `parametre-invalide`.
 * Returns the parameters, branded by oauth4webapi for the code exchange.
 *
 * @example
 * const retour = validerRetour(ent, decouverte, new URL(c.req.url).searchParams, etat.etat);
 */
export function validerRetour(
  ent: EntOidc,
  decouverte: DecouverteOidc,
  parametres: URLSearchParams,
  etat: string,
): URLSearchParams {
  let valides: URLSearchParams;
  try {
    valides = oauth.validateAuthResponse(decouverte, client(ent), parametres, etat);
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError) {
      throw e.error === "access_denied"
        ? new ErreurAuth("acces-refuse", "La connexion a été refusée ou annulée dans l'ENT.", 403, {
            cause: e,
          })
        : new ErreurAuth(
            "reponse-fournisseur-invalide",
            "L'ENT a interrompu la connexion : réessayez.",
            502,
            {
              cause: e,
            },
          );
    }
    throw new ErreurAuth("reponse-fournisseur-invalide", "La réponse ne vient pas de l'ENT attendu.", 502, {
      cause: e,
    });
  }
  if (!valides.get("code"))
    throw new ErreurAuth("parametre-invalide", "Le code de connexion manque dans la réponse de l'ENT.", 400);
  return valides;
}

/** The code exchange and the id_token checks (iss, aud, exp, iat, nonce by oauth4webapi; then signature). */
async function echangerCode(
  ent: EntOidc,
  decouverte: DecouverteOidc,
  p: { retour: URLSearchParams; redirectUri: string; nonce: string; verifier?: string },
): Promise<{ accessToken: string; idClaims: oauth.IDToken }> {
  const http = optionsHttp(ent.issuer);
  const reponse = await oauth.authorizationCodeGrantRequest(
    decouverte,
    client(ent),
    authentificationClient(ent, decouverte),
    p.retour,
    p.redirectUri,
    p.verifier ?? oauth.nopkce,
    http,
  );
  let jetons: oauth.TokenEndpointResponse;
  try {
    jetons = await oauth.processAuthorizationCodeResponse(decouverte, client(ent), reponse, {
      expectedNonce: p.nonce,
      requireIdToken: true,
    });
  } catch (e) {
    throw erreurJeton(e);
  }
  try {
    // oauth4webapi checks the id_token's claims, not its signature (OIDC Core §3.1.3.7 lets a client
    // rely on TLS there): Trousse checks it too, against the ENT's JWKS, as it always did.
    await oauth.validateApplicationLevelSignature(decouverte, reponse, http);
  } catch (e) {
    if (e instanceof ErreurAuth) throw e;
    if (e instanceof oauth.OperationProcessingError && e.code === oauth.RESPONSE_IS_NOT_CONFORM)
      throw new ErreurAuth(
        "fournisseur-indisponible",
        "L'ENT ne fournit pas ses clés de signature : réessayez plus tard.",
        502,
        { cause: e },
      );
    throw new ErreurAuth(
      "jeton-fournisseur-invalide",
      "L'identité envoyée par l'ENT n'a pas pu être vérifiée.",
      502,
      { cause: e },
    );
  }
  const idClaims = oauth.getValidatedIdTokenClaims(jetons);
  if (!idClaims) throw reponseInvalide("pas d'id_token : vérifiez le scope « openid »");
  return { accessToken: jetons.access_token, idClaims };
}

/** The token endpoint's failures, by what oauth4webapi says. */
function erreurJeton(e: unknown): ErreurAuth {
  if (e instanceof ErreurAuth) return e;
  if (e instanceof oauth.ResponseBodyError) {
    return new ErreurAuth(
      "jeton-fournisseur-invalide",
      e.error === "invalid_client"
        ? "L'ENT refuse les identifiants de Trousse (client) : prévenez l'administrateur du serveur."
        : "L'ENT a refusé le code de connexion (déjà utilisé ou expiré) : recommencez la connexion.",
      502,
      { cause: e },
    );
  }
  if (e instanceof oauth.WWWAuthenticateChallengeError)
    return new ErreurAuth(
      "jeton-fournisseur-invalide",
      "L'ENT refuse les identifiants de Trousse (client) : prévenez l'administrateur du serveur.",
      502,
      { cause: e },
    );
  const cause = (e as { cause?: { claim?: unknown } }).cause;
  if (e instanceof oauth.OperationProcessingError) {
    if (cause?.claim === "nonce")
      return new ErreurAuth(
        "jeton-fournisseur-invalide",
        "L'identité envoyée par l'ENT ne correspond pas à cette connexion.",
        502,
        { cause: e },
      );
    if (
      /id_token/i.test(e.message) ||
      typeof cause?.claim === "string" ||
      (e.code ?? "").startsWith("OAUTH_JWT")
    )
      return new ErreurAuth(
        "jeton-fournisseur-invalide",
        "L'identité envoyée par l'ENT n'a pas pu être vérifiée.",
        502,
        { cause: e },
      );
  }
  return reponseInvalide("réponse du point jeton", e);
}

/**
 * Reads the userinfo endpoint with the access token (ODE: `type`, `classId`/`classNames`, `schoolName`,
 * `uai`…). When the answer names a `sub`, oauth4webapi checks it is the id_token's; an answer without
 * `sub` is accepted as it always was (the id_token's `sub` stays the identity).
 *
 * @example
 * const claims = await lireUserinfo(ent, decouverte, accessToken, "u1"); // { sub, type: "ELEVE", … }
 */
export async function lireUserinfo(
  ent: EntOidc,
  decouverte: DecouverteOidc,
  accessToken: string,
  sujet: string,
): Promise<ClaimsEnt> {
  if (!decouverte.userinfo_endpoint) return {};
  const reponse = await oauth.userInfoRequest(decouverte, client(ent), accessToken, optionsHttp(ent.issuer));
  if (!reponse.ok) {
    await reponse.body?.cancel();
    throw new ErreurAuth(
      "reponse-fournisseur-invalide",
      `L'ENT refuse de transmettre votre profil (HTTP ${reponse.status}).`,
      502,
    );
  }
  let json: unknown;
  try {
    json = await reponse.clone().json();
  } catch (e) {
    throw reponseInvalide("userinfo : JSON attendu", e);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw reponseInvalide("userinfo : objet attendu");
  if ((json as { sub?: unknown }).sub === undefined) return json as ClaimsEnt;
  try {
    return (await oauth.processUserInfoResponse(decouverte, client(ent), sujet, reponse)) as ClaimsEnt;
  } catch (e) {
    throw reponseInvalide("userinfo d'un autre utilisateur que l'id_token", e);
  }
}

/**
 * The whole back-channel part of an OIDC sign-in: the ENT's redirect checked → code → tokens → verified
 * id_token → userinfo. Returns the stable `uid` (id_token `sub`), the merged claims (userinfo over id_token)
 * and the id_token's `sid` when the ENT sends one.
 *
 * @example
 * const { uid, claims } = await terminerConnexionOidc(ent, { parametres: url.searchParams, etat, redirectUri, nonce, verifier });
 */
export async function terminerConnexionOidc(
  ent: EntOidc,
  p: { parametres: URLSearchParams; etat: string; redirectUri: string; nonce: string; verifier?: string },
): Promise<{ uid: string; claims: ClaimsEnt; sid?: string }> {
  const decouverte = await decouvrirOidc(ent.issuer);
  const retour = validerRetour(ent, decouverte, p.parametres, p.etat);
  const { accessToken, idClaims } = await echangerCode(ent, decouverte, { ...p, retour });
  const userinfo = await lireUserinfo(ent, decouverte, accessToken, idClaims.sub);
  const claims = { ...idClaims, ...userinfo } as ClaimsEnt;
  // The ENT's session id (OpenID Connect Back-Channel Logout § 2.1), to end this sign-in's session later.
  const sid = typeof idClaims.sid === "string" && idClaims.sid !== "" ? idClaims.sid : undefined;
  return sid ? { uid: idClaims.sub, claims, sid } : { uid: idClaims.sub, claims };
}
