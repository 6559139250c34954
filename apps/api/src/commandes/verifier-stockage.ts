// Commande : vérifier le stockage des fichiers configuré (dossier ou S3) contre le contrat de Trousse.
// TROUSSE_STOCKAGE=s3 TROUSSE_S3_ENDPOINT=https://s3.fr-par.scw.cloud TROUSSE_S3_REGION=fr-par \
//   TROUSSE_S3_BUCKET=… TROUSSE_S3_ACCESS_KEY=… TROUSSE_S3_SECRET_KEY=… node apps/api/dist/commandes/verifier-stockage.js
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chargerConfigStockage } from "../config.js";
import { verifierContratStockage } from "../stockage/contrat-stockage.js";
import { creerStockage } from "../stockage/creer-stockage.js";
import { executerCommande, lireOptions, SORTIES_PROCESSUS, type Sorties } from "./cli.js";

/** The usage line of `stockage:verifier`. */
export const USAGE_VERIFIER_STOCKAGE =
  "Usage : verifier-stockage [--octets N]\n" +
  "  Vérifie le stockage configuré (TROUSSE_STOCKAGE, TROUSSE_S3_*, ou le dossier TROUSSE_DATA_DIR) : écrit,\n" +
  "  relit, liste et supprime un fichier d'essai sous rendus/contrat-<uuid>/, puis efface tout.\n" +
  "  --octets N    taille du fichier d'essai (défaut 3 Mio + 17 octets)\n" +
  "  --aide, -h    affiche cette aide";

/**
 * `stockage:verifier`: runs the storage contract on the configured store and prints one line per point;
 * exit code 0 when every non-informational point holds, 1 otherwise, 2 on a wrong command line.
 *
 * @example
 * process.exitCode = await commandeVerifierStockage([], process.env);
 */
export function commandeVerifierStockage(
  args: string[],
  env: Record<string, string | undefined>,
  sorties: Sorties = SORTIES_PROCESSUS,
): Promise<number> {
  return executerCommande("Vérification impossible", sorties, async () => {
    const o = lireOptions(
      args,
      { octets: { type: "string" }, aide: { type: "boolean", short: "h" } },
      USAGE_VERIFIER_STOCKAGE,
    );
    if (o.aide) {
      sorties.sortie(`${USAGE_VERIFIER_STOCKAGE}\n`);
      return 0;
    }
    const stockage = creerStockage(
      chargerConfigStockage(env),
      path.resolve(env.TROUSSE_DATA_DIR ?? "./.trousse-data"),
    );
    sorties.sortie(`Stockage : ${stockage.description}\n`);
    const points = await verifierContratStockage(stockage, {
      octets: o.octets !== undefined ? Number(o.octets) : undefined,
    });
    for (const p of points) {
      const marque = p.ok ? "ok  " : p.informatif ? "info" : "ÉCHEC";
      sorties.sortie(`${marque} ${p.nom}${p.detail ? ` — ${p.detail}` : ""}\n`);
    }
    const echecs = points.filter((p) => !p.ok && !p.informatif).length;
    sorties.sortie(echecs === 0 ? "Contrat tenu.\n" : `${echecs} point(s) en échec.\n`);
    return echecs === 0 ? 0 : 1;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await commandeVerifierStockage(process.argv.slice(2), process.env);
}
