import { type Langue } from "../dates/langue.js";

/** Les familles de fichiers qu'un devoir peut accepter. */
export type FamilleFichier = "document" | "image" | "audio" | "video";

/** Toutes les familles, dans l'ordre d'affichage. */
export const FAMILLES_FICHIERS: readonly FamilleFichier[] = ["document", "image", "audio", "video"];

/** Un type de fichier reconnu par ses premiers octets. */
export interface TypeFichier {
  famille: FamilleFichier;
  /** Type MIME déduit du contenu (jamais du nom ni du type déclaré). */
  mime: string;
  /** Extension usuelle, sans point, en minuscules. */
  extension: string;
}

/** Ce qui rend un fichier dangereux : programme, script, page web ou image SVG (qui peut porter du code). */
export type NatureExecutable = "programme" | "script" | "page-web" | "svg";

/** Un fichier exécutable ou actif, reconnu pour être refusé avec le bon message. */
export interface TypeExecutable {
  famille: "executable";
  nature: NatureExecutable;
  /** Format précis (`pe`, `elf`, `mach-o`, `java`, `dex`, `wasm`, `msi`, `jar`, `apk`, `shebang`, `batch`, `php`, `html`, `svg`). */
  format: string;
}

/** Résultat de `detecterTypeFichier` : type reconnu, exécutable, ou `null` (inconnu). */
export type TypeDetecte = TypeFichier | TypeExecutable;

const NOMS: Record<FamilleFichier, { fr: [string, string]; en: [string, string] }> = {
  document: { fr: ["un document", "documents"], en: ["a document", "documents"] },
  image: { fr: ["une image", "images"], en: ["an image", "images"] },
  audio: { fr: ["un fichier audio", "fichiers audio"], en: ["an audio file", "audio files"] },
  video: { fr: ["une vidéo", "vidéos"], en: ["a video", "videos"] },
};

/**
 * Le nom d'une famille en mots simples, au singulier avec article (« une image ») ou au pluriel sans
 * article (« images »).
 *
 * @example
 * nomFamille("video");                   // "une vidéo"
 * nomFamille("audio", "fr", true);       // "fichiers audio"
 * nomFamille("image", "en", true);       // "images"
 */
export function nomFamille(famille: FamilleFichier, langue: Langue = "fr", pluriel = false): string {
  return NOMS[famille][langue][pluriel ? 1 : 0];
}

/**
 * Liste des familles en français courant, article en tête : « les documents et images », « les documents,
 * images et vidéos » ; en anglais « documents and images ». Ordre fixe (document, image, audio, vidéo).
 *
 * @example
 * listerFamilles(["image", "document"]);        // "les documents et images"
 * listerFamilles(["document", "image"], "en");  // "documents and images"
 */
export function listerFamilles(familles: readonly FamilleFichier[], langue: Langue = "fr"): string {
  const ordonnees = FAMILLES_FICHIERS.filter((f) => familles.includes(f));
  const noms = ordonnees.map((f) => nomFamille(f, langue, true));
  const article = langue === "fr" ? "les " : "";
  if (noms.length <= 1) return noms.length === 0 ? "" : `${article}${noms[0] ?? ""}`;
  const et = langue === "fr" ? " et " : " and ";
  return `${article}${noms.slice(0, -1).join(", ")}${et}${noms[noms.length - 1] ?? ""}`;
}

/**
 * Vrai si tous les noms de la liste sont féminins en français (images, vidéos) : « seules les images sont
 * acceptées » mais « seuls les documents et images sont acceptés ».
 *
 * @example
 * toutesFeminines(["image", "video"]); // true
 */
export function toutesFeminines(familles: readonly FamilleFichier[]): boolean {
  return familles.length > 0 && familles.every((f) => f === "image" || f === "video");
}
