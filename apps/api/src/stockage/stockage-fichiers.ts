import { createReadStream, type ReadStream } from "node:fs";
import { link, mkdir, open, rm, stat } from "node:fs/promises";
import path from "node:path";
import { SynchroniseurDossiers } from "../televersements/fsync.js";

const SEGMENT = /^[0-9a-zA-Z-]{1,64}$/;

/**
 * Le dossier des fichiers conservés (sujets, corrigés, rendus, retours). Un fichier reçu par tus y est
 * lié (lien physique, sans copie) puis le dossier est synchronisé (fsync) : après `conserver`, le fichier
 * survit à un arrêt brutal, et c'est seulement alors que la base enregistre le rendu.
 */
export class StockageFichiers {
  readonly racine: string;
  /** Regroupe les fsync de dossier simultanés (rush d'échéance). */
  readonly synchroniseur = new SynchroniseurDossiers();

  constructor(racine: string) {
    this.racine = racine;
  }

  /**
   * Chemin absolu d'un chemin relatif enregistré en base ; refuse toute sortie du dossier.
   *
   * @example
   * stockage.absolu("rendus/0a…/3f…"); // "/data/fichiers/rendus/0a…/3f…"
   */
  absolu(relatif: string): string {
    const segments = relatif.split("/");
    if (segments.length < 2 || !segments.every((s) => SEGMENT.test(s))) {
      throw new Error(`chemin de fichier refusé : ${relatif}`);
    }
    return path.join(this.racine, ...segments);
  }

  /**
   * Conserve durablement le fichier `source` sous `categorie/groupe/id` (lien physique puis fsync du
   * dossier). Idempotent : si le lien existe déjà pour le même fichier (reprise après un arrêt), il est gardé.
   *
   * @example
   * const chemin = await stockage.conserver("/data/televersements/3f…", "rendus", devoirId, "3f…");
   */
  async conserver(source: string, categorie: string, groupe: string, id: string): Promise<string> {
    const relatif = `${categorie}/${groupe}/${id}`;
    const cible = this.absolu(relatif);
    await mkdir(path.dirname(cible), { recursive: true });
    try {
      await link(source, cible);
    } catch (erreur) {
      if ((erreur as NodeJS.ErrnoException).code !== "EEXIST") throw erreur;
      const [a, b] = await Promise.all([stat(source), stat(cible)]);
      if (a.ino !== b.ino) throw new Error(`un autre fichier occupe déjà ${relatif}`);
    }
    await this.synchroniseur.synchroniser(path.dirname(cible));
    return relatif;
  }

  /**
   * Ouvre un fichier conservé en lecture (flux, jamais chargé entier en mémoire).
   *
   * @example
   * return new Response(Readable.toWeb(stockage.lire(fichier.chemin)));
   */
  lire(relatif: string): ReadStream {
    return createReadStream(this.absolu(relatif), { highWaterMark: 1 << 20 });
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
   * Les `n` premiers et les `n` derniers octets d'un fichier conservé (deux lectures bornées, jamais le
   * fichier entier ; un fichier de moins de `2n` octets est lu en entier une fois, `fin` vide).
   *
   * @example
   * const { debut, fin } = await stockage.lireBouts("rendus/…/…", 65_536);
   */
  async lireBouts(relatif: string, n: number): Promise<{ debut: Uint8Array; fin: Uint8Array }> {
    const f = await open(this.absolu(relatif), "r");
    try {
      const { size } = await f.stat();
      const debut = Buffer.alloc(Math.min(size, size <= 2 * n ? size : n));
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
}
