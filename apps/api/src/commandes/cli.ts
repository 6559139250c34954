import path from "node:path";
import { createDb, type DbHandle } from "@trousse/db";
import { StockageFichiers } from "../stockage/stockage-fichiers.js";

/**
 * Lit les options `--nom valeur` et les drapeaux `--nom` d'une ligne de commande.
 *
 * @example
 * lireOptions(["--uai", "0759999X", "--appliquer"]); // { uai: "0759999X", appliquer: true }
 */
export function lireOptions(args: string[]): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) continue;
    const suivant = args[i + 1];
    if (suivant !== undefined && !suivant.startsWith("--")) {
      options[a.slice(2)] = suivant;
      i++;
    } else options[a.slice(2)] = true;
  }
  return options;
}

/**
 * Ouvre la base et le dossier des fichiers comme le serveur : PostgreSQL si `DATABASE_URL`, sinon PGlite dans
 * `TROUSSE_DATA_DIR` (défaut `./.trousse-data` ; le serveur doit être arrêté, PGlite n'admet qu'un processus).
 *
 * @example
 * const { base, stockage } = await ouvrirDonnees(process.env);
 */
export async function ouvrirDonnees(
  env: Record<string, string | undefined>,
): Promise<{ base: DbHandle; stockage: StockageFichiers }> {
  const dossier = path.resolve(env.TROUSSE_DATA_DIR ?? "./.trousse-data");
  const base = env.DATABASE_URL
    ? await createDb({ url: env.DATABASE_URL })
    : await createDb({ dataDir: dossier });
  await base.migrate();
  return { base, stockage: new StockageFichiers(path.join(dossier, "fichiers")) };
}
