import { open, rename } from "node:fs/promises";
import path from "node:path";

/**
 * Force l'écriture sur le disque du contenu d'un fichier (fsync).
 *
 * @example
 * await synchroniserFichier("/data/televersements/abc");
 */
export async function synchroniserFichier(chemin: string): Promise<void> {
  const fichier = await open(chemin, "r+");
  try {
    await fichier.sync();
  } finally {
    await fichier.close();
  }
}

/**
 * Force l'écriture sur le disque des entrées d'un dossier (création, renommage, lien).
 *
 * @example
 * await synchroniserDossier("/data/fichiers");
 */
export async function synchroniserDossier(dossier: string): Promise<void> {
  const d = await open(dossier, "r");
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

/**
 * Écrit un petit fichier de façon atomique : fichier temporaire puis renommage (un lecteur voit l'ancien
 * contenu ou le nouveau, jamais un mélange). Avec `durable`, le contenu est synchronisé (fsync) avant le
 * renommage.
 *
 * @example
 * await ecrireFichierAtomique("/data/televersements/abc.json", JSON.stringify(info), { durable: false });
 */
export async function ecrireFichierAtomique(
  chemin: string,
  contenu: string,
  options: { durable: boolean },
): Promise<void> {
  const temporaire = path.join(path.dirname(chemin), `.${path.basename(chemin)}.${process.pid}.tmp`);
  const fichier = await open(temporaire, "w");
  try {
    await fichier.writeFile(contenu);
    if (options.durable) await fichier.sync();
  } finally {
    await fichier.close();
  }
  await rename(temporaire, chemin);
}

/**
 * Synchronise un dossier en regroupant les demandes simultanées (« group commit ») : un appel attend un fsync
 * qui COMMENCE après lui ; tous ceux qui arrivent pendant un fsync en cours partagent le suivant. Sous un rush
 * (des centaines de rendus dans le même dossier), quelques fsync servent tout le monde.
 */
export class SynchroniseurDossiers {
  readonly #etats = new Map<string, { enCours: Promise<void> | null; suivant: Promise<void> | null }>();
  /** Nombre de fsync réellement faits (mesure). */
  fsyncs = 0;

  /**
   * Attend qu'un fsync de `dossier` commencé après cet appel soit terminé.
   *
   * @example
   * await synchroniseur.synchroniser("/data/fichiers/rendus/<devoir>");
   */
  synchroniser(dossier: string): Promise<void> {
    let etat = this.#etats.get(dossier);
    if (!etat) this.#etats.set(dossier, (etat = { enCours: null, suivant: null }));
    const e = etat;
    const lancer = (): Promise<void> => {
      this.fsyncs++;
      const p = synchroniserDossier(dossier).finally(() => {
        e.enCours = null;
        if (!e.suivant) this.#etats.delete(dossier);
      });
      e.enCours = p;
      return p;
    };
    if (!e.enCours) return lancer();
    e.suivant ??= e.enCours
      .catch(() => undefined)
      .then(() => {
        e.suivant = null;
        return lancer();
      });
    return e.suivant;
  }
}
