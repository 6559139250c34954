// Commande : exporter toutes les données d'un établissement (JSON + fichiers).
// node apps/api/dist/commandes/exporter.js --uai 0759999X --sortie ./export   (ou --etablissement <uuid>)
import { pathToFileURL } from "node:url";
import {
  ErreurOptions,
  executerCommande,
  lireOptions,
  ouvrirDonnees,
  SORTIES_PROCESSUS,
  type Sorties,
} from "./cli.js";
import { exporterEtablissement } from "./exporter-etablissement.js";

/** The usage line of `rendus:exporter`. */
export const USAGE_EXPORTER =
  "Usage : exporter (--uai <UAI> | --etablissement <id>) --sortie <dossier>\n" +
  "  --uai <UAI>             établissement à exporter, par son code UAI\n" +
  "  --etablissement <id>    ou par son identifiant Trousse\n" +
  "  --sortie <dossier>      dossier où écrire donnees.json et fichiers/\n" +
  "  --aide, -h              affiche cette aide";

/**
 * `rendus:exporter`: reads the options, opens the data like the server, exports, prints the summary as JSON.
 * Returns the exit code (0, 1 on failure, 2 on a wrong command line); never throws.
 *
 * @example
 * process.exitCode = await commandeExporter(["--uai", "0759999X", "--sortie", "./export"], process.env);
 */
export function commandeExporter(
  args: string[],
  env: Record<string, string | undefined>,
  sorties: Sorties = SORTIES_PROCESSUS,
): Promise<number> {
  return executerCommande("Export impossible", sorties, async () => {
    const o = lireOptions(
      args,
      {
        uai: { type: "string" },
        etablissement: { type: "string" },
        sortie: { type: "string" },
        aide: { type: "boolean", short: "h" },
      },
      USAGE_EXPORTER,
    );
    if (o.aide) {
      sorties.sortie(`${USAGE_EXPORTER}\n`);
      return 0;
    }
    if ((o.uai === undefined) === (o.etablissement === undefined) || o.sortie === undefined)
      throw new ErreurOptions(`Donnez --sortie et un seul de --uai ou --etablissement.\n${USAGE_EXPORTER}`);
    const { base, stockage } = await ouvrirDonnees(env);
    try {
      const r = await exporterEtablissement(base.db, stockage, { uai: o.uai, id: o.etablissement }, o.sortie);
      sorties.sortie(`${JSON.stringify(r, null, 2)}\n`);
    } finally {
      await base.close();
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await commandeExporter(process.argv.slice(2), process.env);
}
