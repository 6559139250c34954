import path from "node:path";
import type { Config } from "../config.js";
import { StockageDossier } from "./stockage-dossier.js";
import type { StockageFichiers } from "./stockage-fichiers.js";
import { StockageS3 } from "./stockage-s3.js";

/**
 * Le stockage des fichiers conservés que la configuration demande : le dossier `<dossierDonnees>/fichiers`
 * (défaut) ou le stockage objet S3 (`TROUSSE_STOCKAGE=s3`).
 *
 * @example
 * const stockage = creerStockage(config.stockage, config.dataDir);
 */
export function creerStockage(config: Config["stockage"], dossierDonnees: string): StockageFichiers {
  return config.nature === "s3"
    ? new StockageS3(config.s3)
    : new StockageDossier(path.join(dossierDonnees, "fichiers"));
}
