import { nettoyerNomFichier } from "@trousse/rules";
import type { LigneSuivi } from "./suivi.js";
import { manifesteCsv, type LigneManifeste } from "./manifeste-csv.js";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";
import type { EntreeZip } from "../stockage/zip-stream.js";

/**
 * Les entrées de l'archive des rendus d'un devoir : `manifeste.csv` (une ligne par fichier, avec sha256,
 * et une ligne par élève sans rendu) puis un dossier par élève (« Nom Prénom », suffixé si deux homonymes).
 *
 * @example
 * creerZip(entreesArchive(await suiviDevoir(db, devoir, now), stockage, "3A")).pipe(res);
 */
export function entreesArchive(suivi: LigneSuivi[], stockage: StockageFichiers, classe: string): EntreeZip[] {
  const dossiers = new Map<string, number>();
  const lignes: LigneManifeste[] = [];
  const fichiers: EntreeZip[] = [];
  for (const l of suivi) {
    if (!l.rendu) {
      lignes.push({
        eleve: l.eleve.nomAffiche,
        classe,
        statut: l.libelle,
        renduLe: "",
        version: "",
        fichier: "",
        chemin: "",
        taille: "",
        sha256: "",
      });
      continue;
    }
    const base = nettoyerNomFichier(l.eleve.nomAffiche) || "eleve";
    const n = (dossiers.get(base) ?? 0) + 1;
    dossiers.set(base, n);
    const dossier = n === 1 ? base : `${base} (${n})`;
    const noms = new Set<string>();
    for (const f of l.rendu.fichiers) {
      let nom = nettoyerNomFichier(f.nom) || "fichier";
      for (let i = 2; noms.has(nom); i++) nom = `${i}-${nettoyerNomFichier(f.nom)}`;
      noms.add(nom);
      const chemin = `${dossier}/${nom}`;
      lignes.push({
        eleve: l.eleve.nomAffiche,
        classe,
        statut: l.libelle,
        renduLe: l.rendu.renduLeAffiche,
        version: l.rendu.version,
        fichier: f.nom,
        chemin,
        taille: f.taille,
        sha256: f.sha256,
      });
      fichiers.push({
        nom: chemin,
        taille: f.taille,
        date: new Date(l.rendu.renduLe),
        ouvrir: () => stockage.lire(f.chemin),
      });
    }
  }
  const manifeste = Buffer.from(manifesteCsv(lignes), "utf8");
  return [{ nom: "manifeste.csv", taille: manifeste.length, ouvrir: () => [manifeste] }, ...fichiers];
}
