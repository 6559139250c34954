import type { TrousseDb, UtilisateurConnecte } from "@trousse/db";
import type { Logger } from "pino";
import type { AuthConfig } from "./ent-config.js";

/** What the sign-in needs from the API core. */
export interface AuthDeps {
  db: TrousseDb;
  config: AuthConfig;
  /** pino logger: never given tokens, codes, tickets or personal data beyond ids. */
  logger: Logger;
  /** Demo mode: demo sign-in page and `POST /v1/auth/demo` exist only then. */
  demo: boolean;
  /** Public base URL of the API, e.g. `https://trousse.exemple.fr` (redirect URIs, CAS service URLs). */
  baseUrl: string;
}

/** The signed-in user of a request, set by `exigerSession` as `c.get("session")`. */
export interface Session {
  utilisateur: UtilisateurConnecte;
  jti: string;
  expireLe: Date;
}

/**
 * The base URL without trailing slash.
 *
 * @example
 * baseSansBarre({ baseUrl: "https://trousse.exemple.fr/" }); // "https://trousse.exemple.fr"
 */
export function baseSansBarre(deps: Pick<AuthDeps, "baseUrl">): string {
  return deps.baseUrl.replace(/\/+$/, "");
}

/**
 * Describes an error for the log without secrets: its name and, when present, its code — never its message
 * (a provider's message may echo a URL holding a code or a ticket).
 *
 * @example
 * causePourJournal(new TypeError("fetch failed")); // "TypeError"
 */
export function causePourJournal(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? `${e.name}:${code}` : e.name;
}
