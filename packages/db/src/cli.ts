import { createDb } from "./client.js";
import { ErreurDb } from "./erreurs.js";

const AIDE = `Utilisation : trousse-db migrate

Applique les migrations de la base Trousse.
  DATABASE_URL      PostgreSQL (ex. postgres://trousse@127.0.0.1:5432/trousse)
  TROUSSE_DATA_DIR  sinon, dossier de données PGlite (par défaut ./.trousse-data)`;

/**
 * Runs the `trousse-db` command; returns the exit code.
 *
 * @example
 * process.exitCode = await principal(["migrate"], process.env);
 */
export async function principal(args: string[], env: Record<string, string | undefined>): Promise<number> {
  if (args[0] !== "migrate") {
    console.error(AIDE);
    return args[0] === "--help" || args[0] === "-h" ? 0 : 2;
  }
  const url = env.DATABASE_URL || undefined;
  const dataDir = env.TROUSSE_DATA_DIR || "./.trousse-data";
  let handle;
  try {
    handle = await createDb(url ? { url } : { dataDir });
  } catch (e) {
    console.error(
      e instanceof ErreurDb ? e.message : `Ouverture de la base impossible : ${(e as Error).message}`,
    );
    return 1;
  }
  const fermer = () => void handle.close().finally(() => process.exit(130));
  process.once("SIGINT", fermer);
  process.once("SIGTERM", fermer);
  try {
    await handle.migrate();
    console.warn(`Migrations appliquées (${handle.driver}${url ? "" : ` : ${dataDir}`}).`);
    return 0;
  } catch (e) {
    console.error(`Échec des migrations : ${(e as Error).message}`);
    return 1;
  } finally {
    process.off("SIGINT", fermer);
    process.off("SIGTERM", fermer);
    await handle.close();
  }
}
