import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "./client.js";

/** An empty PostgreSQL database made for one test run, and how to drop it. */
export interface BaseVide {
  /** The new database's address (same server and user as the given one). */
  url: string;
  /** Drops the database, closing any connection still open on it. */
  supprimer(): Promise<void>;
}

/**
 * Creates an empty, uniquely named database on the PostgreSQL server of `url`, for a test that runs the
 * server in another process (which opens the database itself through `DATABASE_URL`).
 *
 * @example
 * const base = await creerBaseVide(process.env.DATABASE_URL!);
 * spawn("node", ["server.js"], { env: { ...process.env, DATABASE_URL: base.url } });
 * afterAll(() => base.supprimer());
 */
export async function creerBaseVide(url: string): Promise<BaseVide> {
  const nom = `trousse_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database "${nom}"`);
  const cible = new URL(url);
  cible.pathname = `/${nom}`;
  return { url: cible.toString(), supprimer: () => admin(`drop database if exists "${nom}" with (force)`) };
}

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database (created on the server of
 * `url`, dropped on `close()`) when `url` is given — so that runs never collide —, else PGlite in memory.
 *
 * @example
 * const base = await creerBaseDeTest(process.env.DATABASE_URL);
 * afterAll(() => base.close());
 */
export async function creerBaseDeTest(url?: string): Promise<DbHandle> {
  if (!url) {
    const handle = await createDb({ memory: true });
    await handle.migrate();
    return handle;
  }
  const vide = await creerBaseVide(url);
  const handle = await createDb({ url: vide.url, poolMax: 4 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await vide.supprimer();
    },
  };
}
