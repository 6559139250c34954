import type { Readable } from "node:stream";

/** Les catégories de fichiers conservés (premier segment de leur chemin relatif). */
export const CATEGORIES_CONSERVEES = ["rendus", "sujets", "corriges", "retours"] as const;
export type CategorieConservee = (typeof CATEGORIES_CONSERVEES)[number];

/** Un fichier entièrement reçu dans le dossier d'attente (spool tus), avec ce qu'on sait de ses octets. */
export interface FichierRecu {
  /** Chemin absolu dans le dossier d'attente. */
  chemin: string;
  /** Taille en octets. */
  taille: number;
  /** sha256 (hexadécimal) calculé pendant l'envoi. */
  sha256: string;
}

/**
 * Où vivent les fichiers conservés (sujets, corrigés, rendus, retours) : un dossier (défaut, éventuellement
 * partagé entre machines) ou un stockage objet compatible S3. Les envois en cours restent dans le dossier
 * d'attente (tus) ; seul un fichier terminé y est conservé, et `conserver` ne rend la main qu'une fois le
 * stockage sûr des octets (fsync du dossier ; ou PUT vérifié par sha256 puis relu par HEAD).
 *
 * Les chemins relatifs enregistrés en base (`categorie/groupe/id`) sont les mêmes pour les deux : une base
 * passe d'un stockage à l'autre en copiant les fichiers sous les mêmes noms.
 */
export interface StockageFichiers {
  /** `dossier` ou `s3`. */
  readonly nature: "dossier" | "s3";
  /** Où, pour le journal de démarrage (jamais de secret). */
  readonly description: string;
  /**
   * Conserve durablement `source` sous `categorie/groupe/id` ; idempotent (même fichier, même nom) ; renvoie
   * le chemin relatif. Lève `ErreurApi` 503 `stockage-indisponible` si le stockage ne répond pas.
   */
  conserver(source: FichierRecu, categorie: CategorieConservee, groupe: string, id: string): Promise<string>;
  /** Ouvre un fichier conservé en flux (jamais chargé entier en mémoire). */
  lire(relatif: string): Promise<Readable>;
  /** Vrai si le fichier existe avec la taille attendue. */
  present(relatif: string, taille: number): Promise<boolean>;
  /**
   * Les `n` premiers et les `n` derniers octets (lectures bornées, jamais le fichier entier ; un fichier de
   * `2n` octets au plus est lu en entier une fois, `fin` vide) : le compte des pages d'un PDF.
   */
  lireBouts(relatif: string, n: number): Promise<{ debut: Uint8Array; fin: Uint8Array }>;
  /** Supprime un fichier conservé ; sans erreur s'il n'existe plus. */
  supprimer(relatif: string): Promise<void>;
  /** Les groupes (ids de devoir) qui ont des fichiers dans une catégorie (purge). */
  groupes(categorie: CategorieConservee): Promise<string[]>;
  /** Supprime tous les fichiers d'un groupe d'une catégorie (purge). */
  supprimerGroupe(categorie: CategorieConservee, groupe: string): Promise<void>;
}

const SEGMENT = /^[0-9a-zA-Z-]{1,64}$/;

/**
 * Vérifie un chemin relatif enregistré en base et renvoie ses segments ; refuse toute sortie (`..`, `/`…).
 *
 * @example
 * segmentsRelatifs("rendus/0a…/3f…"); // ["rendus", "0a…", "3f…"]
 */
export function segmentsRelatifs(relatif: string): string[] {
  const segments = relatif.split("/");
  if (segments.length < 2 || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`chemin de fichier refusé : ${relatif}`);
  }
  return segments;
}

/**
 * Le chemin relatif d'un fichier conservé, vérifié.
 *
 * @example
 * cheminConserve("rendus", devoirId, fichierId); // "rendus/<devoir>/<fichier>"
 */
export function cheminConserve(categorie: CategorieConservee, groupe: string, id: string): string {
  const relatif = `${categorie}/${groupe}/${id}`;
  segmentsRelatifs(relatif);
  return relatif;
}
