import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createDb, type DbHandle } from "@trousse/db";
import { chargerConfigStockage } from "../config.js";
import { creerStockage } from "../stockage/creer-stockage.js";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";

/** A wrong command line: its message is French and ends with the command's usage. */
export class ErreurOptions extends Error {
  override readonly name = "ErreurOptions";
}

/** parseArgs' English errors, in French (the option name is kept as typed). */
function messageOption(e: unknown): string {
  const { code, message } = e as { code?: string; message?: string };
  const nom = /'(-[^' ]+)/.exec(message ?? "")?.[1] ?? "";
  const positionnel = /'([^']*)'/.exec(message ?? "")?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Option inconnue : ${nom}.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(message ?? "")
        ? `L'option ${nom} attend une valeur.`
        : `L'option ${nom} ne prend pas de valeur.`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Argument inattendu : ${positionnel} (les options commencent par --).`;
    default:
      return "Ligne de commande invalide.";
  }
}

/**
 * Reads a command line with `node:util` `parseArgs` (strict: unknown options and stray arguments are
 * refused). A wrong line throws {@link ErreurOptions}: a French message naming the option, then `usage`.
 *
 * @example
 * lireOptions(["--uai", "0759999X", "--appliquer"], { uai: { type: "string" }, appliquer: { type: "boolean" } }, "Usage : …");
 * // { uai: "0759999X", appliquer: true }
 */
export function lireOptions<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  usage: string,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>["values"] {
  try {
    return parseArgs({ args, options, strict: true as const, allowPositionals: false as const }).values;
  } catch (e) {
    throw new ErreurOptions(`${messageOption(e)}\n${usage}`, { cause: e });
  }
}

/** Where a command writes: its result on `sortie`, messages on `erreurs` (stdout and stderr by default). */
export interface Sorties {
  sortie(texte: string): void;
  erreurs(texte: string): void;
}

/** stdout and stderr. */
export const SORTIES_PROCESSUS: Sorties = {
  sortie: (t) => process.stdout.write(t),
  erreurs: (t) => process.stderr.write(t),
};

/**
 * Runs a command's body and turns any failure into its French message only (no stack trace) and an exit
 * code: 2 for a wrong command line, 1 for anything else (database locked or down, export error…).
 *
 * @example
 * process.exitCode = await executerCommande("Export impossible", SORTIES_PROCESSUS, async () => { … });
 */
export async function executerCommande(
  prefixe: string,
  sorties: Sorties,
  corps: () => Promise<number | void>,
): Promise<number> {
  try {
    return (await corps()) ?? 0;
  } catch (e) {
    if (e instanceof ErreurOptions) {
      sorties.erreurs(`${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    sorties.erreurs(`${prefixe} : ${message}\n`);
    return 1;
  }
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
  const stockage = creerStockage(chargerConfigStockage(env), dossier);
  const base = env.DATABASE_URL
    ? await createDb({ url: env.DATABASE_URL })
    : await createDb({ dataDir: dossier });
  try {
    await base.migrate();
  } catch (e) {
    await base.close();
    throw e;
  }
  return { base, stockage };
}
