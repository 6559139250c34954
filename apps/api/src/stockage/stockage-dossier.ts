import { createReadStream } from "node:fs";
import { link, mkdir, open, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { SynchroniseurDossiers } from "../televersements/fsync.js";
import {
  cheminConserve,
  segmentsRelatifs,
  type CategorieConservee,
  type FichierRecu,
  type StockageFichiers,
} from "./stockage-fichiers.js";

/**
 * Le stockage dans un dossier (défaut : `<TROUSSE_DATA_DIR>/fichiers` ; peut être un dossier partagé entre
 * machines, NFS par exemple, s'il est sur le même système de fichiers que le dossier d'attente). Un fichier
 * reçu par tus y est lié (lien physique, sans copie) puis le dossier est synchronisé (fsync) : après
 * `conserver`, le fichier survit à un arrêt brutal, et c'est seulement alors que la base enregistre le rendu.
 */
export class StockageDossier implements StockageFichiers {
  readonly nature = "dossier" as const;
  readonly racine: string;
  /** Regroupe les fsync de dossier simultanés (rush d'échéance). */
  readonly synchroniseur = new SynchroniseurDossiers();

  constructor(racine: string) {
    this.racine = racine;
  }

  get description(): string {
    return `dossier ${this.racine}`;
  }

  /**
   * Chemin absolu d'un chemin relatif enregistré en base ; refuse toute sortie du dossier.
   *
   * @example
   * stockage.absolu("rendus/0a…/3f…"); // "/data/fichiers/rendus/0a…/3f…"
   */
  absolu(relatif: string): string {
    return path.join(this.racine, ...segmentsRelatifs(relatif));
  }

  /**
   * Conserve durablement le fichier reçu sous `categorie/groupe/id` (lien physique puis fsync du
   * dossier). Idempotent : si le lien existe déjà pour le même fichier (reprise après un arrêt), il est gardé.
   *
   * @example
   * const chemin = await stockage.conserver({ chemin: "/data/televersements/3f…", taille, sha256 }, "rendus", devoirId, "3f…");
   */
  async conserver(
    source: FichierRecu,
    categorie: CategorieConservee,
    groupe: string,
    id: string,
  ): Promise<string> {
    const relatif = cheminConserve(categorie, groupe, id);
    const cible = this.absolu(relatif);
    await mkdir(path.dirname(cible), { recursive: true });
    try {
      await link(source.chemin, cible);
    } catch (erreur) {
      if ((erreur as NodeJS.ErrnoException).code !== "EEXIST") throw erreur;
      const [a, b] = await Promise.all([stat(source.chemin), stat(cible)]);
      if (a.ino !== b.ino) throw new Error(`un autre fichier occupe déjà ${relatif}`);
    }
    await this.synchroniseur.synchroniser(path.dirname(cible));
    return relatif;
  }

  /**
   * Ouvre un fichier conservé en lecture (flux, jamais chargé entier en mémoire).
   *
   * @example
   * return new Response(Readable.toWeb(await stockage.lire(fichier.chemin)));
   */
  async lire(relatif: string): Promise<Readable> {
    const flux = createReadStream(this.absolu(relatif), { highWaterMark: 1 << 20 });
    // L'ouverture échoue ici (fichier absent) plutôt qu'au milieu d'une réponse déjà commencée.
    await new Promise<void>((ok, ko) => {
      flux.once("open", () => ok());
      flux.once("error", ko);
    });
    return flux;
  }

  /**
   * Vrai si le fichier existe avec la taille attendue.
   *
   * @example
   * await stockage.present("rendus/…", 1234);
   */
  async present(relatif: string, taille: number): Promise<boolean> {
    try {
      return (await stat(this.absolu(relatif))).size === taille;
    } catch {
      return false;
    }
  }

  /**
   * Les `n` premiers et les `n` derniers octets d'un fichier conservé (deux lectures bornées).
   *
   * @example
   * const { debut, fin } = await stockage.lireBouts("rendus/…/…", 65_536);
   */
  async lireBouts(relatif: string, n: number): Promise<{ debut: Uint8Array; fin: Uint8Array }> {
    const f = await open(this.absolu(relatif), "r");
    try {
      const { size } = await f.stat();
      const debut = Buffer.alloc(size <= 2 * n ? size : n);
      await f.read(debut, 0, debut.length, 0);
      if (size <= 2 * n) return { debut, fin: new Uint8Array(0) };
      const fin = Buffer.alloc(n);
      await f.read(fin, 0, n, size - n);
      return { debut, fin };
    } finally {
      await f.close();
    }
  }

  /**
   * Supprime un fichier conservé (purge, suppression d'un sujet) ; sans erreur s'il n'existe plus.
   *
   * @example
   * await stockage.supprimer("sujets/…/…");
   */
  async supprimer(relatif: string): Promise<void> {
    await rm(this.absolu(relatif), { force: true });
  }

  /**
   * Les sous-dossiers (ids de devoir) d'une catégorie.
   *
   * @example
   * await stockage.groupes("rendus"); // ["0a…", "7c…"]
   */
  async groupes(categorie: CategorieConservee): Promise<string[]> {
    return readdir(path.join(this.racine, categorie)).catch(() => [] as string[]);
  }

  /**
   * Supprime le dossier d'un groupe.
   *
   * @example
   * await stockage.supprimerGroupe("rendus", devoirId);
   */
  async supprimerGroupe(categorie: CategorieConservee, groupe: string): Promise<void> {
    await rm(path.join(this.racine, ...segmentsRelatifs(`${categorie}/${groupe}`)), {
      recursive: true,
      force: true,
    });
  }
}
