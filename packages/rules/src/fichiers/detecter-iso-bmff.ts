import { type TypeFichier } from "./familles.js";
import { ascii } from "./octets.js";

const MARQUES: Record<string, TypeFichier> = {
  // Images HEIF (photos de téléphone) et AVIF.
  heic: { famille: "image", mime: "image/heic", extension: "heic" },
  heix: { famille: "image", mime: "image/heic", extension: "heic" },
  heim: { famille: "image", mime: "image/heic", extension: "heic" },
  heis: { famille: "image", mime: "image/heic", extension: "heic" },
  hevc: { famille: "image", mime: "image/heic-sequence", extension: "heic" },
  hevx: { famille: "image", mime: "image/heic-sequence", extension: "heic" },
  mif1: { famille: "image", mime: "image/heif", extension: "heif" },
  msf1: { famille: "image", mime: "image/heif-sequence", extension: "heif" },
  avif: { famille: "image", mime: "image/avif", extension: "avif" },
  avis: { famille: "image", mime: "image/avif", extension: "avif" },
  // Audio MPEG-4 (mémos vocaux, AAC).
  "M4A ": { famille: "audio", mime: "audio/mp4", extension: "m4a" },
  "M4B ": { famille: "audio", mime: "audio/mp4", extension: "m4b" },
  "F4A ": { famille: "audio", mime: "audio/mp4", extension: "m4a" },
  // Vidéo QuickTime (iPhone) et 3GP (anciens téléphones).
  "qt  ": { famille: "video", mime: "video/quicktime", extension: "mov" },
  "3gp4": { famille: "video", mime: "video/3gpp", extension: "3gp" },
  "3gp5": { famille: "video", mime: "video/3gpp", extension: "3gp" },
  "3gp6": { famille: "video", mime: "video/3gpp", extension: "3gp" },
  "3gp7": { famille: "video", mime: "video/3gpp", extension: "3gp" },
  "3gs7": { famille: "video", mime: "video/3gpp", extension: "3gp" },
  "3ge6": { famille: "video", mime: "video/3gpp", extension: "3gp" },
  "3g2a": { famille: "video", mime: "video/3gpp2", extension: "3g2" },
  "3g2b": { famille: "video", mime: "video/3gpp2", extension: "3g2" },
  "3g2c": { famille: "video", mime: "video/3gpp2", extension: "3g2" },
};

const MP4: TypeFichier = { famille: "video", mime: "video/mp4", extension: "mp4" };
const MARQUES_MP4 = new Set([
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "dash",
  "mmp4",
  "MSNV",
  "M4V ",
  "M4VH",
  "M4VP",
  "f4v ",
  "NDAS",
  "XAVC",
]);

/**
 * Reconnaît les fichiers ISO-BMFF par leur boîte `ftyp` (octets 4 à 8) et leur marque principale :
 * HEIC/HEIF/AVIF, M4A, MP4, MOV, 3GP.
 *
 * @example
 * detecterIsoBmff(octetsPhotoIphone); // { famille: "image", mime: "image/heic", extension: "heic" }
 */
export function detecterIsoBmff(octets: Uint8Array): TypeFichier | null {
  if (octets.length < 12 || ascii(octets, 4, 4) !== "ftyp") return null;
  const marque = ascii(octets, 8, 4);
  const connue = MARQUES[marque];
  if (connue) return connue;
  if (MARQUES_MP4.has(marque)) return MP4;
  if (marque.startsWith("3gp") || marque.startsWith("3g2")) return MARQUES["3gp4"] ?? null;
  return null;
}
