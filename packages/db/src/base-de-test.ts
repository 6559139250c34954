import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { clientPglite, createDb, ouvrirPgliteDepuis, type DbHandle } from "./client.js";

/** The variable through which a vitest global setup hands its workers the migrated PGlite template. */
export const VARIABLE_MODELE_PGLITE = "TROUSSE_PGLITE_MODELE";

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
 * `TROUSSE_TEST_PGLITE_FIL=1`: the test databases on PGlite run in a worker thread (`PgliteSurFil`), as the
 * API's embedded database on disk does — to run a whole suite through it.
 */
const FIL_PGLITE = process.env.TROUSSE_TEST_PGLITE_FIL === "1";

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
    const modele = process.env[VARIABLE_MODELE_PGLITE];
    const handle =
      modele && existsSync(modele)
        ? await ouvrirPgliteDepuis(new Blob([readFileSync(modele)]), FIL_PGLITE)
        : await createDb({ memory: true, filPglite: FIL_PGLITE });
    // On a template this finds every migration applied (a few ms); it still applies one added since.
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

/**
 * vitest global setup helper: migrates one PGlite in memory, dumps its data folder to a file in the
 * temporary folder and names it in `TROUSSE_PGLITE_MODELE`, which the test workers inherit. Each
 * `creerBaseDeTest()` on PGlite then starts from that migrated template instead of booting an empty PGlite
 * (initdb) and migrating it: measured 0.4–1.0 s against 1.3–2.6 s per database on this 2-core machine. Does
 * nothing when `DATABASE_URL` is set. Returns the teardown, which removes the file.
 *
 * @example
 * // a vitest globalSetup file
 * export default () => preparerModelePglite();
 */
export async function preparerModelePglite(): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => {};
  const fichier = join(
    tmpdir(),
    `trousse-pglite-modele-${process.pid}-${randomBytes(4).toString("hex")}.tar`,
  );
  const handle = await createDb({ memory: true });
  try {
    await handle.migrate();
    const vidage = await clientPglite(handle)!.dumpDataDir("none");
    writeFileSync(fichier, Buffer.from(await vidage.arrayBuffer()));
  } finally {
    await handle.close();
  }
  process.env[VARIABLE_MODELE_PGLITE] = fichier;
  return () => {
    delete process.env[VARIABLE_MODELE_PGLITE];
    rmSync(fichier, { force: true });
  };
}
