import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { estBaseIndisponible } from "@trousse/db";
import { corpsErreur, ErreurApi } from "../erreurs/erreur-api.js";

/** Stable codes of the ENT sign-in errors (kebab-case, never renamed: clients rely on them). */
export type CodeErreurAuth =
  | "ent-inconnu"
  | "origine-non-autorisee"
  | "parametre-invalide"
  | "etat-invalide"
  | "etat-deja-utilise"
  | "acces-refuse"
  | "fournisseur-indisponible"
  | "reponse-fournisseur-invalide"
  | "jeton-fournisseur-invalide"
  | "ticket-invalide"
  | "profil-non-pris-en-charge"
  | "identite-invalide"
  | "identite-sans-etablissement"
  | "non-authentifie"
  | "session-expiree"
  | "session-revoquee"
  | "utilisateur-demo-inconnu"
  | "introuvable"
  | "base-indisponible"
  | "erreur-interne";

/**
 * A sign-in failure the user or the calling script can understand: a stable `code`, a French
 * `message` (safe to show: it never holds a token, a code, a ticket or personal data) and the HTTP status.
 *
 * @example
 * throw new ErreurAuth("ent-inconnu", "Cet ENT n'est pas configuré sur ce serveur Trousse.", 404);
 */
export class ErreurAuth extends ErreurApi {
  override name = "ErreurAuth";
  declare readonly code: CodeErreurAuth;
  constructor(
    code: CodeErreurAuth,
    message: string,
    status: ContentfulStatusCode = 400,
    options?: { cause?: unknown },
  ) {
    // The one error type of the API: the app's onError answers it like any other.
    super(status, code, message, undefined, undefined, options);
  }
}

/**
 * A bad setting of the ENT sign-in, naming the environment variable to fix.
 *
 * @example
 * throw new ConfigError("TROUSSE_SESSION_SECRET", "TROUSSE_SESSION_SECRET manque : donnez au moins 32 caractères aléatoires.");
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The JSON body of every error answer: `{ erreur: { code, message } }`. */
export interface CorpsErreur {
  erreur: { code: CodeErreurAuth; message: string };
}

/**
 * Answers an error as JSON `{ erreur: { code, message } }` with its status.
 *
 * @example
 * return repondreErreurJson(c, new ErreurAuth("introuvable", "Cette adresse n'existe pas.", 404));
 */
export function repondreErreurJson(c: Context, erreur: ErreurAuth): Response {
  return c.json(corpsErreur(erreur.code, erreur.message), erreur.status);
}

/**
 * Turns anything thrown into an `ErreurAuth`: known ones pass through, a database that cannot be reached
 * becomes 503 `base-indisponible` (the page says to retry, with `Retry-After`), the rest a generic
 * `erreur-interne` (the cause is kept for the log, never shown).
 *
 * @example
 * const e = versErreurAuth(new TypeError("boom")); // e.code === "erreur-interne", e.status === 500
 */
export function versErreurAuth(e: unknown): ErreurAuth {
  if (e instanceof ErreurAuth) return e;
  if (estBaseIndisponible(e)) {
    return new ErreurAuth(
      "base-indisponible",
      "Le serveur Trousse ne peut pas joindre sa base de données pour le moment : réessayez dans quelques secondes.",
      503,
      { cause: e },
    );
  }
  return new ErreurAuth(
    "erreur-interne",
    "Une erreur inattendue est survenue pendant la connexion. Réessayez dans un instant.",
    500,
    { cause: e },
  );
}
