import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema/index.js";
import { ErreurDb } from "./erreurs.js";
import { prendreVerrou } from "./verrou.js";
import { PgliteSurFil } from "./pglite-sur-fil.js";

export type Schema = typeof schema;
/** The drizzle database, whatever the driver (PGlite or node-postgres). */
export type TrousseDb = PgDatabase<PgQueryResultHKT, Schema>;

export interface CreateDbOptions {
  /** PostgreSQL URL (node-postgres pool). Takes precedence over `dataDir`/`memory`. */
  url?: string;
  /** Trousse data folder: PGlite keeps its files in `<dataDir>/pgdata`, under the lock `<dataDir>/trousse.lock`. */
  dataDir?: string;
  /** PGlite in memory (tests, trials): nothing is written to disk. */
  memory?: boolean;
  /** node-postgres pool size (default 10). */
  poolMax?: number;
  /**
   * PGlite in a worker thread (`PgliteSurFil`), off the caller's event loop. Default: `true` with `dataDir`
   * (the API's embedded database), `false` in memory (tests: one thread is cheaper there).
   */
  filPglite?: boolean;
}

export interface DbHandle {
  db: TrousseDb;
  driver: "pglite" | "postgres";
  /** Applies the pending migrations of `drizzle/` (safe to call from several processes on PostgreSQL). */
  migrate(): Promise<void>;
  /** `true` when the database answers `select 1`. */
  ping(): Promise<boolean>;
  /** Closes the pool or PGlite and releases the data folder lock. Idempotent. */
  close(): Promise<void>;
}

/** Folder of the drizzle-kit migrations, beside `src/` and `dist/`. */
export const DOSSIER_MIGRATIONS = fileURLToPath(new URL("../drizzle", import.meta.url));
/** Arbitrary constant key of the PostgreSQL advisory lock taken while migrating. */
const CLE_VERROU_MIGRATION = 7_301_200_341;

/**
 * Opens the Trousse database: PostgreSQL when `url` is given, else embedded PGlite in `dataDir`
 * (exclusive lock: a second process gets `ErreurDb("donnees-verrouillees")`) or in memory.
 *
 * @example
 * const handle = await createDb({ dataDir: "./.trousse-data" });
 * await handle.migrate();
 * const ok = await handle.ping();
 * await handle.close();
 */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.url) return ouvrirPostgres(options.url, options.poolMax ?? 10);
  if (options.memory) return ouvrirPglite(undefined, undefined, options.filPglite ?? false);
  if (options.dataDir) return ouvrirPglite(resolve(options.dataDir), undefined, options.filPglite ?? true);
  throw new ErreurDb(
    "options-base-invalides",
    "Aucune base de données indiquée : donnez DATABASE_URL (PostgreSQL) ou un dossier de données (TROUSSE_DATA_DIR).",
  );
}

/**
 * PGlite in memory, started from a dumped data folder (`PGlite.dumpDataDir`) instead of an empty one: for
 * test databases, where booting an empty PGlite (its initdb) costs about a second each time. Internal to
 * this package (see `creerBaseDeTest`), not exported by its index.
 */
export function ouvrirPgliteDepuis(modele: Blob, filPglite = false): Promise<DbHandle> {
  return ouvrirPglite(undefined, modele, filPglite);
}

/** The PGlite client behind a handle opened by this module, to dump its data folder (test templates). */
export function clientPglite(handle: DbHandle): PGlite | PgliteSurFil | null {
  return clientsPglite.get(handle) ?? null;
}
const clientsPglite = new WeakMap<DbHandle, PGlite | PgliteSurFil>();

async function ouvrirPglite(
  dossier: string | undefined,
  modele: Blob | undefined,
  surFil: boolean,
): Promise<DbHandle> {
  let verrou: ReturnType<typeof prendreVerrou> | null = null;
  let client: PGlite | PgliteSurFil;
  if (dossier) {
    mkdirSync(dossier, { recursive: true });
    verrou = prendreVerrou(resolve(dossier, "trousse.lock"), dossier);
    try {
      const dataDir = resolve(dossier, "pgdata");
      client = surFil ? await PgliteSurFil.ouvrir({ dataDir }) : await PGlite.create(dataDir);
    } catch (e) {
      verrou.liberer();
      throw e;
    }
  } else if (surFil) {
    client = await PgliteSurFil.ouvrir(modele ? { loadDataDir: modele } : {});
  } else {
    client = await PGlite.create(modele ? { loadDataDir: modele } : {});
  }
  // drizzle's PGlite session calls only what PgliteSurFil provides (query, transaction).
  const db = drizzlePglite({ client: client as PGlite, schema });
  let ferme: Promise<void> | null = null;
  const handle: DbHandle = {
    db: db as unknown as TrousseDb,
    driver: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder: DOSSIER_MIGRATIONS }),
    ping: async () => {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => {
      ferme ??= (async () => {
        try {
          if (!client.closed) await client.close();
        } finally {
          verrou?.liberer();
        }
      })();
      return ferme;
    },
  };
  clientsPglite.set(handle, client);
  return handle;
}

async function ouvrirPostgres(url: string, max: number): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema });
  let ferme: Promise<void> | null = null;
  return {
    db: db as unknown as TrousseDb,
    driver: "postgres",
    migrate: async () => {
      const connexion = await pool.connect();
      try {
        // Several API processes may start together: only one migrates at a time.
        await connexion.query("select pg_advisory_lock($1)", [CLE_VERROU_MIGRATION]);
        try {
          await migratePg(drizzlePg({ client: connexion }), {
            migrationsFolder: DOSSIER_MIGRATIONS,
          });
        } finally {
          await connexion.query("select pg_advisory_unlock($1)", [CLE_VERROU_MIGRATION]);
        }
      } finally {
        connexion.release();
      }
    },
    ping: async () => {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    close: () => {
      ferme ??= pool.end();
      return ferme;
    },
  };
}
