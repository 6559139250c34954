import { createHash } from "node:crypto";
import pg from "pg";
import { ERRORS, MemoryLocker, type Lock, type Locker, type RequestRelease } from "@tus/server";
import { erreurTeleversement } from "./erreur-televersement.js";

/** First key of the advisory locks of uploads ("trus"): no clash with the migration lock or others. */
const ESPACE = 0x74727573;
/** The channel on which a process asks the holder of an upload's lock to let go. */
const CANAL = "trousse_televersements";
/** Seconds to wait (`Retry-After`) when the database cannot be reached to take the lock. */
const ATTENTE_BASE_S = 5;

/**
 * The 32-bit second key of an upload's advisory lock (first 4 bytes of sha1(id); two uploads sharing one
 * would only wait for each other, never write each other's file).
 *
 * @example
 * cleVerrou("0123456789abcdef0123456789abcdef"); // → a signed 32-bit integer
 */
export function cleVerrou(id: string): number {
  return createHash("sha1").update(id).digest().readInt32BE(0);
}

export interface OptionsVerrouPostgres {
  /** How long a request waits for an upload held by another process before answering 423 (ms; default 5 s). */
  attenteMs?: number;
  /**
   * How long it waits before asking that process to let go (ms; default 2 s): a PATCH running there finishes
   * first, and the newcomer then finds another offset (409) — but a stale one (a client gone without the
   * server noticing yet, resuming through another process) is stopped instead of holding the upload.
   */
  repriseApresMs?: number;
}

interface Detenu {
  liberer: RequestRelease;
  generation: number;
}

/**
 * The upload lock shared by every API process on one PostgreSQL database: the in-process lock of
 * `@tus/server` first (a new request asks the local holder to let go), then a PostgreSQL session advisory
 * lock per upload on ONE dedicated connection of this process. When another process holds it, the newcomer
 * waits (`repriseApresMs`): a PATCH running there ends, and the newcomer finds a new offset (409). Past that,
 * the holder is asked (LISTEN/NOTIFY) to stop its write cleanly — what arrived is kept and hashed — and the
 * lock is taken; a holder that does not let go within `attenteMs` makes the newcomer answer 423
 * `televersement-verrouille` (tus clients retry). Two PATCHes never write one upload at once. A process that dies (kill -9) loses its session, and
 * PostgreSQL frees its locks at once; if this process loses its connection, its writes are stopped (their
 * locks are gone) and the next lock reconnects.
 *
 * @example
 * const verrou = new VerrouEnvoisPostgres(process.env.DATABASE_URL!);
 * new Server({ datastore, locker: verrou, path: "/v1/televersements" });
 * await verrou.fermer();
 */
export class VerrouEnvoisPostgres implements Locker {
  readonly local = new MemoryLocker();
  readonly attenteMs: number;
  readonly repriseApresMs: number;
  readonly #url: string;
  #connexion: Promise<pg.Client> | null = null;
  #generation = 0;
  #ferme = false;
  readonly #detenus = new Map<string, Detenu>();

  constructor(url: string, options: OptionsVerrouPostgres = {}) {
    this.#url = url;
    this.attenteMs = options.attenteMs ?? 5_000;
    this.repriseApresMs = options.repriseApresMs ?? 2_000;
  }

  newLock(id: string): Lock {
    return new VerrouEnvoi(id, this);
  }

  /** The dedicated connection, opened (and LISTENing) on first use and after a loss. */
  connexion(): Promise<pg.Client> {
    if (this.#ferme) return Promise.reject(new Error("verrou des envois fermé"));
    this.#connexion ??= (async () => {
      const client = new pg.Client({
        connectionString: this.#url,
        keepAlive: true,
        connectionTimeoutMillis: 5_000,
        application_name: "trousse-verrou-envois",
      });
      const perdre = () => this.#perdre(client);
      client.on("error", perdre);
      client.on("end", perdre);
      client.on("notification", (n) => {
        if (n.channel === CANAL && n.payload) void this.#detenus.get(n.payload)?.liberer();
      });
      try {
        await client.connect();
        await client.query(`listen ${CANAL}`);
      } catch (e) {
        perdre();
        await client.end().catch(() => undefined);
        throw e;
      }
      return client;
    })();
    return this.#connexion;
  }

  #perdre(client: pg.Client): void {
    void client;
    if (this.#connexion === null) return;
    this.#connexion = null;
    this.#generation++;
    // The session is gone, and its locks with it: every write under them stops where it is.
    const detenus = [...this.#detenus.values()];
    this.#detenus.clear();
    for (const d of detenus) void d.liberer();
  }

  /**
   * Takes the advisory lock of `id` for this process (after the in-process one), asking another holder to
   * let go; gives up with 423 after `attenteMs`, or 503 when the database cannot be reached.
   */
  async prendre(id: string, liberer: RequestRelease, signal: AbortSignal): Promise<void> {
    const debut = Date.now();
    const limite = debut + this.attenteMs;
    const cle = cleVerrou(id);
    let derniereDemande = 0;
    for (;;) {
      let ok: boolean;
      let client: pg.Client;
      try {
        client = await this.connexion();
        const r = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1::int, $2::int) as ok", [
          ESPACE,
          cle,
        ]);
        ok = r.rows[0]!.ok;
      } catch (e) {
        throw baseIndisponible(e);
      }
      if (ok) {
        this.#detenus.set(id, { liberer, generation: this.#generation });
        return;
      }
      if (Date.now() - debut >= this.repriseApresMs && Date.now() - derniereDemande > 1_000) {
        derniereDemande = Date.now();
        await client.query("select pg_notify($1, $2)", [CANAL, id]).catch(() => undefined);
      }
      if (signal.aborted || Date.now() > limite) throw ERRORS.ERR_LOCK_TIMEOUT;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Releases the advisory lock of `id` if this process still holds it (same connection). */
  async rendre(id: string): Promise<void> {
    const detenu = this.#detenus.get(id);
    if (!detenu) return;
    this.#detenus.delete(id);
    if (detenu.generation !== this.#generation || this.#connexion === null) return;
    const client = await this.#connexion.catch(() => null);
    await client
      ?.query("select pg_advisory_unlock($1::int, $2::int)", [ESPACE, cleVerrou(id)])
      .catch(() => undefined);
  }

  /** Number of upload locks this process holds (tests, health). */
  get detenus(): number {
    return this.#detenus.size;
  }

  /** Closes the dedicated connection (its locks are freed by PostgreSQL). Idempotent. */
  async fermer(): Promise<void> {
    this.#ferme = true;
    const c = this.#connexion;
    this.#connexion = null;
    this.#detenus.clear();
    const client = await c?.catch(() => null);
    await client?.end().catch(() => undefined);
  }
}

function baseIndisponible(cause: unknown) {
  const e = erreurTeleversement(
    503,
    "base-indisponible",
    "Le serveur Trousse ne peut pas joindre sa base de données pour le moment : l'envoi reprendra, réessayez dans quelques secondes.",
    { "Retry-After": String(ATTENTE_BASE_S) },
  );
  (e as { cause?: unknown }).cause = cause;
  return e;
}

/** One upload's lock: the in-process one, then the PostgreSQL one. */
class VerrouEnvoi implements Lock {
  readonly #local: Lock;
  constructor(
    private readonly id: string,
    private readonly verrou: VerrouEnvoisPostgres,
  ) {
    this.#local = verrou.local.newLock(id);
  }

  async lock(signal: AbortSignal, liberer: RequestRelease): Promise<void> {
    await this.#local.lock(signal, liberer);
    try {
      await this.verrou.prendre(this.id, liberer, signal);
    } catch (e) {
      await this.#local.unlock();
      throw e;
    }
  }

  async unlock(): Promise<void> {
    try {
      await this.verrou.rendre(this.id);
    } finally {
      await this.#local.unlock();
    }
  }
}
