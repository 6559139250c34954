import { ErreurAuth } from "./erreurs.js";

/** Time given to an ENT to answer one back-channel request. */
export const DELAI_FOURNISSEUR_MS = 10_000;

/**
 * `fetch` towards an ENT with a timeout; a network failure or timeout becomes `ErreurAuth`
 * `fournisseur-indisponible` (502). The URL is never put in the message (it may hold a ticket).
 *
 * @example
 * const reponse = await appelerFournisseur("https://ent.exemple.fr/auth/openid/.well-known/openid-configuration");
 */
export async function appelerFournisseur(url: string | URL, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(DELAI_FOURNISSEUR_MS),
    });
  } catch (e) {
    throw new ErreurAuth(
      "fournisseur-indisponible",
      "L'ENT ne répond pas pour le moment : réessayez dans quelques minutes.",
      502,
      { cause: e },
    );
  }
}
