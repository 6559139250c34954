import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { jwtVerify, SignJWT } from "jose";
import { utiliserEtatConnexion, type TrousseDb } from "@trousse/db";
import { ErreurAuth } from "./erreurs.js";

/** A sign-in in flight, kept between the start (`/auth/connexion`) and the ENT's return. */
export interface EtatConnexion {
  /** Random `state` sent to the ENT (OIDC `state`; for CAS, in the service URL). */
  etat: string;
  entId: string;
  /** Origin that will receive the session token by postMessage (already checked). */
  origine?: string;
  /** PKCE code verifier (OIDC, when the ENT offers S256). */
  verifier?: string;
  /** OIDC nonce, checked in the id_token. */
  nonce?: string;
}

/** Lifetime of a sign-in in flight: 10 minutes. */
export const DUREE_ETAT_SECONDES = 600;
const AUDIENCE_ETAT = "trousse-connexion";
const PREFIXE_COOKIE = "trousse_cx_";

/**
 * A random, URL-safe value of 32 bytes (state, nonce, PKCE verifier).
 *
 * @example
 * const etat = valeurAleatoire(); // 43 characters of base64url
 */
export function valeurAleatoire(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Stores the sign-in in flight in a signed, HttpOnly, SameSite=Lax cookie named after its `state`
 * (several popups may run at once; several API processes share nothing but the secret).
 *
 * @example
 * const etat = await enregistrerEtatConnexion(c, { entId: "ode-paris", origine, verifier, nonce }, { secret, baseUrl });
 */
export async function enregistrerEtatConnexion(
  c: Context,
  donnees: Omit<EtatConnexion, "etat">,
  options: { secret: string; baseUrl: string },
): Promise<string> {
  const etat = valeurAleatoire();
  const contenu: EtatConnexion = { ...donnees, etat };
  const signe = await new SignJWT({ cx: contenu })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(AUDIENCE_ETAT)
    .setIssuedAt()
    .setExpirationTime(`${DUREE_ETAT_SECONDES}s`)
    .sign(new TextEncoder().encode(options.secret));
  setCookie(c, PREFIXE_COOKIE + etat, signe, {
    path: "/auth",
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(options.baseUrl).protocol === "https:",
    maxAge: DUREE_ETAT_SECONDES,
  });
  return etat;
}

/**
 * Reads back (and forgets: single use) the sign-in in flight whose `state` came back from the ENT.
 * Single use does not rest on the browser deleting the cookie: the state is recorded in the database
 * (`etats_connexion_utilises`, until the state's own expiry, 10 minutes) and a second use of it — a
 * captured cookie replayed — is refused. Throws `ErreurAuth` `etat-invalide` when the cookie is missing,
 * forged, expired or for another ENT, `etat-deja-utilise` when the state was already used.
 *
 * @example
 * const etatConnexion = await consommerEtatConnexion(c, c.req.query("state"), "ode-paris", { secret, baseUrl, db });
 */
export async function consommerEtatConnexion(
  c: Context,
  etat: string | undefined,
  entId: string,
  options: { secret: string; baseUrl: string; db: TrousseDb },
): Promise<EtatConnexion> {
  const invalide = (cause?: unknown) =>
    new ErreurAuth(
      "etat-invalide",
      "Cette connexion n'a pas été commencée dans ce navigateur ou a expiré (10 minutes) : recommencez depuis le bouton de connexion.",
      400,
      { cause },
    );
  if (etat === undefined || !/^[A-Za-z0-9_-]{43}$/.test(etat)) throw invalide();
  const nom = PREFIXE_COOKIE + etat;
  const valeur = getCookie(c, nom);
  if (valeur === undefined) throw invalide();
  deleteCookie(c, nom, { path: "/auth", secure: new URL(options.baseUrl).protocol === "https:" });
  let contenu: unknown;
  let exp: number | undefined;
  try {
    const { payload } = await jwtVerify(valeur, new TextEncoder().encode(options.secret), {
      algorithms: ["HS256"],
      audience: AUDIENCE_ETAT,
      requiredClaims: ["exp"],
    });
    contenu = payload.cx;
    exp = payload.exp;
  } catch (e) {
    throw invalide(e);
  }
  const cx = contenu as Partial<EtatConnexion> | undefined;
  if (!cx || cx.etat !== etat || cx.entId !== entId || exp === undefined) throw invalide();
  // Only a genuine state (signed, current, for this ENT) is recorded: forged ones never reach the table.
  if (!(await utiliserEtatConnexion(options.db, etat, new Date(exp * 1000)))) {
    throw new ErreurAuth(
      "etat-deja-utilise",
      "Cette connexion a déjà été utilisée : pour votre sécurité, chaque connexion ne sert qu'une fois. Recommencez depuis le bouton de connexion.",
      400,
    );
  }
  return cx as EtatConnexion;
}
