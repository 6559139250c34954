import { type FamilleFichier, type TypeFichier } from "./familles.js";

/**
 * Les extensions qui appartiennent à chaque type reconnu par ses octets (clé : `TypeFichier.extension` rendu
 * par `detecterTypeFichier`). C'est une **liste blanche** : toutes ces extensions ouvrent le fichier, une
 * fois enregistré sur le disque, dans un lecteur ou un éditeur inerte. N'y figurent jamais les extensions
 * « actives », qui font exécuter du code à l'ouverture quel que soit le contenu : `html`, `htm`, `xhtml`,
 * `shtml`, `mht`, `svg`, `svgz`, `xml` (un navigateur exécute le XHTML qu'il contient), `js`, `mjs`, `jse`,
 * `vbs`, `vbe`, `wsf`, `wsh`, `hta`, `bat`, `cmd`, `ps1`, `lnk`, `url`, `scf`, `exe`, `php`…
 *
 * Texte brut (`txt`) : notes, données et sources. `py` est gardé (le langage du programme de NSI, rendu en
 * classe) bien qu'un double clic le lance là où Python est installé ; `js` ne l'est pas, car Windows
 * l'exécute de lui-même (Windows Script Host).
 */
export const EXTENSIONS_PAR_TYPE: Readonly<Record<string, readonly string[]>> = {
  // Documents.
  pdf: ["pdf"],
  rtf: ["rtf"],
  doc: ["doc", "dot"],
  xls: ["xls", "xlt"],
  ppt: ["ppt", "pps", "pot"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  pptx: ["pptx", "ppsx"],
  odt: ["odt", "ott"],
  ods: ["ods", "ots"],
  odp: ["odp", "otp"],
  odg: ["odg", "otg"],
  epub: ["epub"],
  txt: ["txt", "text", "md", "markdown", "csv", "tsv", "log", "json", "yaml", "yml", "tex", "py", "c", "h"],
  // Images.
  png: ["png"],
  jpg: ["jpg", "jpeg", "jpe", "jfif"],
  gif: ["gif"],
  webp: ["webp"],
  bmp: ["bmp", "dib"],
  heic: ["heic", "heics"],
  heif: ["heif", "hif"],
  avif: ["avif"],
  // Audio.
  wav: ["wav", "wave"],
  ogg: ["ogg", "oga"],
  opus: ["opus"],
  flac: ["flac"],
  amr: ["amr"],
  mp3: ["mp3"],
  aac: ["aac"],
  m4a: ["m4a"],
  m4b: ["m4b"],
  // Vidéo.
  avi: ["avi"],
  ogv: ["ogv"],
  webm: ["webm"],
  mkv: ["mkv", "mka"],
  mov: ["mov", "qt"],
  mp4: ["mp4", "m4v"],
  "3gp": ["3gp"],
  "3g2": ["3g2"],
};

const PAR_FAMILLE: Record<FamilleFichier, readonly string[]> = {
  document: [
    "pdf",
    "rtf",
    "doc",
    "xls",
    "ppt",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "odg",
    "epub",
    "txt",
  ],
  image: ["png", "jpg", "gif", "webp", "bmp", "heic", "heif", "avif"],
  audio: ["wav", "ogg", "opus", "flac", "amr", "mp3", "aac", "m4a", "m4b", "webm"],
  video: ["avi", "ogv", "webm", "mkv", "mov", "mp4", "3gp", "3g2"],
};

/**
 * L'extension d'un nom (après le dernier point, en minuscules), ou `null` s'il n'en a pas.
 *
 * @example
 * extensionDuNom("Exposé.final.PDF"); // "pdf"
 * extensionDuNom("notes");            // null
 */
export function extensionDuNom(nom: string): string | null {
  const point = nom.lastIndexOf(".");
  return point > 0 && point < nom.length - 1 ? nom.slice(point + 1).toLowerCase() : null;
}

/**
 * Vrai si l'extension du nom appartient au type reconnu par les octets. Tolérance voulue : une extension
 * d'un **autre type de la même famille** est admise aussi (audio et vidéo comptant pour une) (une capture PNG nommée `.jpg`, une photo JPEG
 * nommée `.heic`, un MP3 nommé `.m4a` : fréquents et sans danger, car toutes les extensions de
 * {@link EXTENSIONS_PAR_TYPE} sont inertes). Un nom sans extension est admis (rien ne l'ouvre comme code).
 * Refusé : toute autre extension, dont les extensions actives (`.html`, `.svg`, `.js`…).
 *
 * @example
 * extensionCoherente("photo.jpeg", { famille: "image", mime: "image/jpeg", extension: "jpg" }); // true
 * extensionCoherente("photo.html", { famille: "image", mime: "image/jpeg", extension: "jpg" }); // false
 */
export function extensionCoherente(nom: string, type: TypeFichier): boolean {
  const extension = extensionDuNom(nom);
  if (extension === null) return true;
  // Audio et vidéo partagent leurs extensions : un enregistrement du téléphone en `.m4a` est souvent un MP4.
  const familles: FamilleFichier[] =
    type.famille === "audio" || type.famille === "video" ? ["audio", "video"] : [type.famille];
  const types = new Set([type.extension, ...familles.flatMap((f) => PAR_FAMILLE[f])]);
  for (const t of types) if (EXTENSIONS_PAR_TYPE[t]?.includes(extension)) return true;
  return false;
}
