import { type TypeDetecte } from "./familles.js";
import { aPosition, ascii, chercher, u16le } from "./octets.js";

const SIGNATURE_ZIP = [0x50, 0x4b, 0x03, 0x04];

const OPENDOCUMENT: Record<string, string> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
  "application/vnd.oasis.opendocument.graphics": "odg",
  "application/epub+zip": "epub",
};

/** Les noms des entrées d'une archive zip visibles dans les premiers octets (en-têtes locaux). */
function nomsEntrees(octets: Uint8Array): string[] {
  const noms: string[] = [];
  let i = 0;
  while ((i = chercher(octets, SIGNATURE_ZIP, i)) !== -1) {
    const longueur = u16le(octets, i + 26);
    if (longueur > 0 && i + 30 + longueur <= octets.length) noms.push(ascii(octets, i + 30, longueur));
    i += 4;
  }
  return noms;
}

/**
 * Reconnaît les formats bâtis sur zip : OpenDocument (première entrée `mimetype` non compressée, lue telle
 * quelle), OOXML (entrées `word/`, `xl/`, `ppt/`), et les exécutables Java/Android (`META-INF/MANIFEST.MF`,
 * `classes.dex`, `AndroidManifest.xml`). Un zip quelconque n'est pas reconnu (`null`) : une archive peut
 * cacher n'importe quoi.
 *
 * @example
 * detecterZip(octetsOdt); // { famille: "document", mime: "application/vnd.oasis.opendocument.text", extension: "odt" }
 */
export function detecterZip(octets: Uint8Array): TypeDetecte | null {
  if (!aPosition(octets, SIGNATURE_ZIP)) return null;
  const longueurNom = u16le(octets, 26);
  const longueurExtra = u16le(octets, 28);
  if (longueurNom === 8 && ascii(octets, 30, 8) === "mimetype") {
    const debut = 30 + 8 + Math.max(0, longueurExtra);
    const contenu = ascii(octets, debut, 80);
    for (const [mime, extension] of Object.entries(OPENDOCUMENT)) {
      if (contenu.startsWith(mime)) return { famille: "document", mime, extension };
    }
  }
  const noms = nomsEntrees(octets);
  if (noms.some((n) => n === "classes.dex" || n === "AndroidManifest.xml")) {
    return { famille: "executable", nature: "programme", format: "apk" };
  }
  if (noms.some((n) => n.startsWith("META-INF/MANIFEST.MF") || n.endsWith(".class"))) {
    return { famille: "executable", nature: "programme", format: "jar" };
  }
  if (noms.some((n) => n.startsWith("word/"))) {
    return {
      famille: "document",
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      extension: "docx",
    };
  }
  if (noms.some((n) => n.startsWith("xl/"))) {
    return {
      famille: "document",
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      extension: "xlsx",
    };
  }
  if (noms.some((n) => n.startsWith("ppt/"))) {
    return {
      famille: "document",
      mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      extension: "pptx",
    };
  }
  return null;
}
