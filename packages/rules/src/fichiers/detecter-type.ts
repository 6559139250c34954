import { detecterIsoBmff } from "./detecter-iso-bmff.js";
import { detecterTexte } from "./detecter-texte.js";
import { detecterZip } from "./detecter-zip.js";
import { type TypeDetecte, type TypeFichier } from "./familles.js";
import { aPosition, ascii, chercher, u16le, utf16le } from "./octets.js";

/**
 * Nombre d'octets de début de fichier à lire pour la détection (assez pour voir l'en-tête d'un zip et ses
 * premières entrées). Une entrée plus courte est acceptée : la détection fait de son mieux, sans erreur.
 */
export const OCTETS_DETECTION = 4100;

const t = (famille: TypeFichier["famille"], mime: string, extension: string): TypeFichier => ({
  famille,
  mime,
  extension,
});

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// CLSID de la racine d'un paquet Windows Installer (.msi) : {000C1084-0000-0000-C000-000000000046}.
const CLSID_MSI = [
  0x84, 0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
];

function detecterOle(octets: Uint8Array): TypeDetecte {
  if (chercher(octets, CLSID_MSI) !== -1)
    return { famille: "executable", nature: "programme", format: "msi" };
  if (chercher(octets, utf16le("WordDocument")) !== -1) return t("document", "application/msword", "doc");
  if (chercher(octets, utf16le("Workbook")) !== -1 || chercher(octets, utf16le("Book")) !== -1) {
    return t("document", "application/vnd.ms-excel", "xls");
  }
  if (chercher(octets, utf16le("PowerPoint Document")) !== -1) {
    return t("document", "application/vnd.ms-powerpoint", "ppt");
  }
  // Répertoire hors des premiers octets : document Office ancien format, sans savoir lequel.
  return t("document", "application/x-ole-storage", "doc");
}

function detecterMpegAudio(octets: Uint8Array): TypeFichier | null {
  const b0 = octets[0];
  const b1 = octets[1];
  if (b0 !== 0xff || b1 === undefined || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 0x03;
  const couche = (b1 >> 1) & 0x03;
  if (couche === 0 && (b1 & 0xf6) === 0xf0) return t("audio", "audio/aac", "aac"); // ADTS
  if (version === 1 || couche === 0) return null;
  const b2 = octets[2];
  if (b2 !== undefined && (b2 >> 4 === 0x0f || ((b2 >> 2) & 0x03) === 0x03)) return null; // débit ou fréquence interdits
  return t("audio", "audio/mpeg", "mp3");
}

function detecterMatroska(octets: Uint8Array): TypeFichier {
  const entete = ascii(octets, 0, 64);
  const webm = entete.includes("webm");
  const video = ["V_VP8", "V_VP9", "V_AV1", "V_MPEG4", "V_MPEGH", "V_THEORA"].some(
    (c) => chercher(octets, c) !== -1,
  );
  const audio = chercher(octets, "A_") !== -1;
  if (webm) return audio && !video ? t("audio", "audio/webm", "webm") : t("video", "video/webm", "webm");
  return t("video", "video/x-matroska", "mkv");
}

function detecterOgg(octets: Uint8Array): TypeFichier {
  if (aPosition(octets, "OpusHead", 28)) return t("audio", "audio/ogg", "opus");
  if (aPosition(octets, "\x80theora", 28)) return t("video", "video/ogg", "ogv");
  return t("audio", "audio/ogg", "ogg");
}

function estBmp(octets: Uint8Array): boolean {
  const tailleEntete = u16le(octets, 14);
  return (
    aPosition(octets, "BM") &&
    aPosition(octets, [0, 0, 0, 0], 6) &&
    [12, 40, 52, 56, 64, 108, 124].includes(tailleEntete) &&
    u16le(octets, 16) === 0
  );
}

/**
 * Reconnaît le type d'un fichier par ses **premiers octets seulement** (jamais par son nom ni par le type
 * MIME déclaré). Rend la famille, le MIME et l'extension ; un exécutable ou un contenu actif (programme
 * Windows/Linux/macOS, script, page web, SVG) rend `{ famille: "executable", nature, format }` ; un contenu
 * non reconnu rend `null`. Ne lève jamais, quelle que soit l'entrée (vide, courte, aléatoire). Lire
 * {@link OCTETS_DETECTION} octets suffit.
 *
 * @example
 * detecterTypeFichier(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]));
 * // { famille: "document", mime: "application/pdf", extension: "pdf" }
 * detecterTypeFichier(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]));
 * // { famille: "executable", nature: "programme", format: "pe" }
 */
export function detecterTypeFichier(debut: Uint8Array): TypeDetecte | null {
  const o = debut.length > OCTETS_DETECTION ? debut.subarray(0, OCTETS_DETECTION) : debut;
  if (o.length === 0) return null;

  // Exécutables d'abord : un programme renommé en .pdf reste un programme.
  if (aPosition(o, "MZ")) return { famille: "executable", nature: "programme", format: "pe" };
  if (aPosition(o, [0x7f, 0x45, 0x4c, 0x46]))
    return { famille: "executable", nature: "programme", format: "elf" };
  for (const m of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
  ]) {
    if (aPosition(o, m)) return { famille: "executable", nature: "programme", format: "mach-o" };
  }
  if (aPosition(o, [0xca, 0xfe, 0xba, 0xbe]))
    return { famille: "executable", nature: "programme", format: "mach-o-universel-ou-java" };
  if (aPosition(o, "dex\n")) return { famille: "executable", nature: "programme", format: "dex" };
  if (aPosition(o, [0x00, 0x61, 0x73, 0x6d]))
    return { famille: "executable", nature: "programme", format: "wasm" };

  // Documents.
  if (aPosition(o, "%PDF-")) return t("document", "application/pdf", "pdf");
  if (aPosition(o, "{\\rtf")) return t("document", "application/rtf", "rtf");
  if (aPosition(o, CFB)) return detecterOle(o);
  if (aPosition(o, [0x50, 0x4b, 0x03, 0x04])) return detecterZip(o);

  // Images.
  if (aPosition(o, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return t("image", "image/png", "png");
  if (aPosition(o, [0xff, 0xd8, 0xff])) return t("image", "image/jpeg", "jpg");
  if (aPosition(o, "GIF87a") || aPosition(o, "GIF89a")) return t("image", "image/gif", "gif");
  if (aPosition(o, "RIFF") && aPosition(o, "WEBP", 8)) return t("image", "image/webp", "webp");
  if (estBmp(o)) return t("image", "image/bmp", "bmp");

  // Audio et vidéo.
  if (aPosition(o, "RIFF") && aPosition(o, "WAVE", 8)) return t("audio", "audio/wav", "wav");
  if (aPosition(o, "RIFF") && aPosition(o, "AVI ", 8)) return t("video", "video/x-msvideo", "avi");
  if (aPosition(o, "OggS")) return detecterOgg(o);
  if (aPosition(o, "fLaC")) return t("audio", "audio/flac", "flac");
  if (aPosition(o, "#!AMR")) return t("audio", "audio/amr", "amr");
  if (aPosition(o, "ID3")) return t("audio", "audio/mpeg", "mp3");
  if (aPosition(o, [0x1a, 0x45, 0xdf, 0xa3])) return detecterMatroska(o);
  const isoBmff = detecterIsoBmff(o);
  if (isoBmff) return isoBmff;
  const mpeg = detecterMpegAudio(o);
  if (mpeg) return mpeg;

  // Texte brut, scripts, HTML, SVG.
  return detecterTexte(o);
}
