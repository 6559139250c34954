import { compterPagesPdf, OCTETS_PAGES_PDF } from "@trousse/rules";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";

/** Fichiers conservés déjà comptés (immuables : la clé est leur chemin et leur empreinte). */
const dejaComptes = new Map<string, number | null>();
const MAX_EN_MEMOIRE = 10_000;

/**
 * Le nombre de pages d'un fichier rendu, calculé côté serveur sur le fichier conservé : pour un PDF,
 * `compterPagesPdf` des règles sur ses 64 premiers et 64 derniers Kio (lecture bornée), mis en mémoire
 * par fichier (un rendu ne change jamais) ; `null` pour un autre type, un PDF dont l'arbre des pages ne se
 * lit pas ainsi, ou un fichier illisible — jamais d'erreur pour le suivi.
 *
 * @example
 * await pagesDuFichier(stockage, { mime: "application/pdf", chemin: "rendus/…/…", sha256 }); // 4
 */
export async function pagesDuFichier(
  stockage: StockageFichiers,
  f: { mime: string; chemin: string; sha256: string },
): Promise<number | null> {
  if (f.mime !== "application/pdf") return null;
  const cle = `${f.chemin}:${f.sha256}`;
  if (dejaComptes.has(cle)) return dejaComptes.get(cle)!;
  let pages: number | null;
  try {
    const { debut, fin } = await stockage.lireBouts(f.chemin, OCTETS_PAGES_PDF);
    pages = compterPagesPdf(debut, fin);
  } catch {
    return null;
  }
  if (dejaComptes.size >= MAX_EN_MEMOIRE) dejaComptes.delete(dejaComptes.keys().next().value!);
  dejaComptes.set(cle, pages);
  return pages;
}
