import type { TrousseDb, UtilisateurConnecte } from "@trousse/db";

/** Options of a session cache. */
export interface OptionsCacheSessions {
  /** How long a verified session is trusted without asking the database again (ms, default 30 000). */
  dureeMs?: number;
  /** Most sessions kept; the least recently used goes first (default 10 000). */
  maxEntrees?: number;
  /** Clock (tests). */
  maintenant?: () => number;
}

interface Entree {
  jti: string;
  utilisateur: UtilisateurConnecte;
  jusqua: number;
}

/** The key of a session: its `jti` and its user (`sub`), so a token can only read the entry of its own pair. */
function cleSession(jti: string, sub: string): string {
  return `${jti}\u0000${sub}`;
}

/**
 * A short-lived, bounded (LRU) in-process cache of verified sessions: (`jti`, `sub`) → the user loaded from
 * the database and "not revoked" (keyed on both: a token with a known `jti` but another `sub` is asked again). It spares the two queries of the session check on every request (PGlite runs
 * in the API process and blocks its event loop on each query). Revocation stays exact as long as every
 * revocation goes through this process and calls `oublier(jti)` — true on PGlite, where the data folder's
 * lock allows one API process only. `oublierUtilisateur(id)` drops every session of a user (profile change).
 *
 * @example
 * const cache = new CacheSessions({ dureeMs: 30_000 });
 * cache.garder(jti, utilisateur);
 * cache.lire(jti, utilisateur.id); // → utilisateur, for 30 s at most
 * cache.oublier(jti); // sign-out: the next request asks the database again
 */
export class CacheSessions {
  readonly dureeMs: number;
  readonly maxEntrees: number;
  readonly #maintenant: () => number;
  /** Map keeps insertion order: the first key is the least recently used. */
  readonly #entrees = new Map<string, Entree>();

  constructor(options: OptionsCacheSessions = {}) {
    this.dureeMs = options.dureeMs ?? 30_000;
    this.maxEntrees = Math.max(1, options.maxEntrees ?? 10_000);
    this.#maintenant = options.maintenant ?? Date.now;
  }

  /** Number of sessions currently kept (expired ones included until read or pushed out). */
  get taille(): number {
    return this.#entrees.size;
  }

  /**
   * The user of a verified session, or `undefined` when unknown, expired from the cache or forgotten.
   *
   * @example
   * const u = cache.lire(contenu.jti, contenu.sub) ?? (await chargerDepuisLaBase());
   */
  lire(jti: string, sub: string): UtilisateurConnecte | undefined {
    const cle = cleSession(jti, sub);
    const e = this.#entrees.get(cle);
    if (!e) return undefined;
    if (this.#maintenant() >= e.jusqua) {
      this.#entrees.delete(cle);
      return undefined;
    }
    // Most recently used goes last.
    this.#entrees.delete(cle);
    this.#entrees.set(cle, e);
    return e.utilisateur;
  }

  /**
   * Keeps a session just verified against the database (not revoked, user found), under its `jti` and
   * the user's id (the token's `sub`).
   *
   * @example
   * cache.garder(contenu.jti, utilisateur);
   */
  garder(jti: string, utilisateur: UtilisateurConnecte): void {
    if (this.dureeMs <= 0) return;
    const cle = cleSession(jti, utilisateur.id);
    this.#entrees.delete(cle);
    this.#entrees.set(cle, { jti, utilisateur, jusqua: this.#maintenant() + this.dureeMs });
    while (this.#entrees.size > this.maxEntrees) {
      const ancien = this.#entrees.keys().next().value as string;
      this.#entrees.delete(ancien);
    }
  }

  /**
   * Forgets one session at once (sign-out), whatever user it was kept for: its next request is checked
   * against the database.
   *
   * @example
   * await revoquerSession(db, jti, expireLe);
   * cache.oublier(jti);
   */
  oublier(jti: string): void {
    // A sign-out is rare: a pass over at most `maxEntrees` entries costs well under a millisecond.
    for (const [cle, e] of this.#entrees) if (e.jti === jti) this.#entrees.delete(cle);
  }

  /**
   * Forgets every session of a user at once (profile or role changed, account deleted).
   *
   * @example
   * cache.oublierUtilisateur(utilisateur.id);
   */
  oublierUtilisateur(id: string): void {
    for (const [cle, e] of this.#entrees) if (e.utilisateur.id === id) this.#entrees.delete(cle);
  }
}

const parBase = new WeakMap<object, CacheSessions | null>();

/**
 * True when the drizzle database runs on embedded PGlite (one API process per data folder, guaranteed by
 * its lock), false on PostgreSQL (several API processes may share the database).
 *
 * @example
 * baseEmbarquee(handle.db); // true with TROUSSE_DATA_DIR, false with DATABASE_URL
 */
export function baseEmbarquee(db: TrousseDb): boolean {
  const client = (db as unknown as { $client?: unknown }).$client;
  return (
    typeof client === "object" &&
    client !== null &&
    typeof (client as { dumpDataDir?: unknown }).dumpDataDir === "function"
  );
}

/**
 * The session cache shared by every `exigerSession` of one database — only on PGlite, where this process
 * is the only one that can revoke a session; `null` on PostgreSQL, where each request asks the database
 * (a sign-out on another API process must stop the token at once there too).
 *
 * @example
 * cacheSessionsDe(db)?.oublier(jti);
 */
export function cacheSessionsDe(db: TrousseDb): CacheSessions | null {
  let cache = parBase.get(db);
  if (cache === undefined) {
    cache = baseEmbarquee(db) ? new CacheSessions() : null;
    parBase.set(db, cache);
  }
  return cache;
}
