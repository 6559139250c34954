// Commande : exporter toutes les données d'un établissement (JSON + fichiers).
// node apps/api/dist/commandes/exporter.js --uai 0759999X --sortie ./export   (ou --etablissement <uuid>)
import { pathToFileURL } from "node:url";
import { ouvrirDonnees, lireOptions } from "./cli.js";
import { exporterEtablissement } from "./exporter-etablissement.js";

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const o = lireOptions(process.argv.slice(2));
  if ((typeof o.uai !== "string" && typeof o.etablissement !== "string") || typeof o.sortie !== "string") {
    console.error("Usage : exporter --uai <UAI> | --etablissement <id> --sortie <dossier>");
    process.exit(2);
  }
  const { base, stockage } = await ouvrirDonnees(process.env);
  try {
    const r = await exporterEtablissement(
      base.db,
      stockage,
      {
        uai: typeof o.uai === "string" ? o.uai : undefined,
        id: typeof o.etablissement === "string" ? o.etablissement : undefined,
      },
      o.sortie,
    );
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } catch (e) {
    console.error(`Export impossible : ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await base.close();
  }
}
