import { INSECABLE } from "../dates/langue.js";
import { formaterTaille } from "./taille.js";

/**
 * Ce qui rend un document « actif » ou impossible à vérifier :
 * - `script-pdf` : un PDF avec une action JavaScript (`/JavaScript`, `/JS` — dont une `/OpenAction` ou une
 *   action `/AA` qui lance un script) ;
 * - `lancement-pdf` : un PDF avec une action `/Launch` (lance un programme ou ouvre un fichier) ;
 * - `macros` : un document Office avec des macros (`vbaProject.bin`, `vbaData.xml`, feuilles de macros Excel
 *   4.0, contrôles ActiveX ; `_VBA_PROJECT` des anciens .doc/.xls) ou un document OpenDocument avec des
 *   macros Basic ou des scripts (`Basic/…`, `Scripts/…`) ;
 * - `executable-integre` : un document qui porte un programme (entrée `.exe`, `.js`, `.bat`…, ou des octets
 *   de programme Windows/Linux/macOS dans une entrée ou un objet intégré) ;
 * - `decompression` : une archive (docx, odt…) qui se décompresse bien au-delà de sa taille (bombe zip) ;
 * - `structure` : structure illisible (archive sans répertoire central, entrée chiffrée ou d'une méthode de
 *   compression inconnue, flux d'objets PDF chiffré ou abîmé) : le contenu ne peut pas être vérifié.
 */
export type RaisonDocumentActif =
  "script-pdf" | "lancement-pdf" | "macros" | "executable-integre" | "decompression" | "structure";

/** Codes stables des refus de documents actifs. */
export type CodeDocumentActif = "document-actif" | "document-demesure" | "document-illisible";

/** Un refus de document actif : code stable, raison, messages (fr, en) qui disent comment en faire une copie propre. */
export interface RefusDocumentActif {
  code: CodeDocumentActif;
  raison: RaisonDocumentActif;
  nom: string;
  message: string;
  messageEn: string;
}

/**
 * Octets qu'une archive (docx, xlsx, pptx, odt, epub…) peut gagner à la décompression en plus de sa propre
 * taille : 100 Mo (104 857 600 octets). Un document de texte se décompresse en quelques Mo ; les photos et
 * vidéos d'une présentation sont déjà compressées et ne gagnent presque rien.
 */
export const DECOMPRESSION_SUPPLEMENTAIRE_MAX = 100 * 1024 * 1024;

/**
 * Le plus grand total décompressé admis pour une archive de `taille` octets (borne incluse) :
 * `taille + DECOMPRESSION_SUPPLEMENTAIRE_MAX`.
 *
 * @example
 * limiteDecompression(200_000); // 105_057_600
 */
export function limiteDecompression(taille: number): number {
  return Math.max(0, taille) + DECOMPRESSION_SUPPLEMENTAIRE_MAX;
}

const g = (nom: string): string => `«${INSECABLE}${nom}${INSECABLE}»`;
const q = (nom: string): string => `“${nom}”`;

const COPIE_PDF =
  "Enregistrez-en une copie propre : ouvrez-le puis Imprimer et choisissez l'imprimante « Enregistrer au format PDF » (ou « Microsoft Print to PDF »), et envoyez cette copie.";
const COPIE_PDF_EN =
  "Save a clean copy: open it, choose Print with the “Save as PDF” (or “Microsoft Print to PDF”) printer, and send that copy.";

/**
 * Le refus d'un document actif, avec le message qui dit à l'élève comment en faire une copie propre.
 * `details` : pour `decompression`, la taille décompressée constatée (au moins) et la limite.
 *
 * @example
 * refusDocumentActif("devoir.docx", "macros").message;
 * // "Le document « devoir.docx » contient des macros ou des contrôles actifs : …"
 */
export function refusDocumentActif(
  nom: string,
  raison: RaisonDocumentActif,
  details: { decompresse?: number; limite?: number } = {},
): RefusDocumentActif {
  const f = (code: CodeDocumentActif, message: string, messageEn: string): RefusDocumentActif => ({
    code,
    raison,
    nom,
    message,
    messageEn,
  });
  switch (raison) {
    case "script-pdf":
      return f(
        "document-actif",
        `Le fichier ${g(nom)} est un PDF qui contient du code (JavaScript) exécuté à l'ouverture. ${COPIE_PDF}`,
        `The file ${q(nom)} is a PDF with code (JavaScript) that runs when it is opened. ${COPIE_PDF_EN}`,
      );
    case "lancement-pdf":
      return f(
        "document-actif",
        `Le fichier ${g(nom)} est un PDF qui peut lancer un programme à l'ouverture. ${COPIE_PDF}`,
        `The file ${q(nom)} is a PDF that can launch a program when it is opened. ${COPIE_PDF_EN}`,
      );
    case "macros":
      return f(
        "document-actif",
        `Le document ${g(nom)} contient des macros ou des contrôles actifs. Enregistrez une copie sans macros : Fichier > Enregistrer sous, au format .docx, .xlsx, .pptx ou .odt (« sans macros »), ou en PDF, et envoyez cette copie.`,
        `The document ${q(nom)} contains macros or active controls. Save a copy without macros: File > Save as, in the .docx, .xlsx, .pptx or .odt format (“macro-free”), or as PDF, and send that copy.`,
      );
    case "executable-integre":
      return f(
        "document-actif",
        `Le document ${g(nom)} contient un programme intégré. Retirez l'objet intégré, ou enregistrez le document en PDF (Fichier > Enregistrer sous > PDF), et envoyez cette copie.`,
        `The document ${q(nom)} carries an embedded program. Remove the embedded object, or save the document as PDF (File > Save as > PDF), and send that copy.`,
      );
    case "decompression": {
      const combien = details.decompresse ?? 0;
      const limite = details.limite ?? 0;
      return f(
        "document-demesure",
        `Le document ${g(nom)} occuperait plus de ${formaterTaille(combien)} une fois ouvert (au plus ${formaterTaille(limite)}) : il est anormal ou piégé. Ouvrez-le, enregistrez-en une nouvelle copie ou une copie en PDF, et envoyez cette copie.`,
        `The document ${q(nom)} would take more than ${formaterTaille(combien, "en")} once opened (at most ${formaterTaille(limite, "en")}): it is abnormal or booby-trapped. Open it, save a new copy or a PDF copy, and send that copy.`,
      );
    }
    case "structure":
      return f(
        "document-illisible",
        `Le document ${g(nom)} est abîmé, protégé par un mot de passe ou d'une forme qui ne peut pas être vérifiée. Ouvrez-le, enregistrez-en une nouvelle copie sans mot de passe (ou une copie en PDF), et envoyez cette copie.`,
        `The document ${q(nom)} is damaged, password-protected or in a form that cannot be checked. Open it, save a new copy without a password (or a PDF copy), and send that copy.`,
      );
  }
}

const MACROS = [
  /(^|\/)vbaProject\.bin$/i,
  /(^|\/)vbaData\.xml$/i,
  /(^|\/)vbaProjectSignature\.bin$/i,
  /^xl\/macrosheets\//i,
  /(^|\/)activeX\/[^/]+\.bin$/i,
  // OpenDocument : un module Basic (les index script-lb/dialog-lb d'une bibliothèque vide ne sont pas du code).
  /^Basic\/[^/]+\/(?!script-lb\.xml$|dialog-lb\.xml$)[^/]+$/i,
  /^Scripts\/./i,
];

/** Extensions d'un programme ou d'un script qui s'exécute d'un double clic. */
const EXTENSIONS_PROGRAMMES = new Set([
  "exe",
  "dll",
  "com",
  "scr",
  "pif",
  "cpl",
  "msi",
  "msp",
  "sys",
  "bat",
  "cmd",
  "vbs",
  "vbe",
  "js",
  "jse",
  "wsf",
  "wsh",
  "hta",
  "ps1",
  "psm1",
  "jar",
  "lnk",
  "sh",
  "app",
  "apk",
  "reg",
  "inf",
  "scf",
  "xll",
  "elf",
]);

/**
 * Ce que disent les **noms** des entrées d'une archive Office, OpenDocument ou EPUB (lus dans son
 * répertoire central) : des macros, un programme, ou rien (`null`).
 *
 * @example
 * risqueDesEntrees(["[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"]); // "macros"
 * risqueDesEntrees(["mimetype", "content.xml", "Pictures/photo.jpg"]);                  // null
 */
export function risqueDesEntrees(noms: readonly string[]): "macros" | "executable-integre" | null {
  let programme = false;
  for (const brut of noms) {
    const nom = brut.replace(/\\/g, "/");
    if (MACROS.some((m) => m.test(nom))) return "macros";
    const point = nom.lastIndexOf(".");
    if (point > nom.lastIndexOf("/") && EXTENSIONS_PROGRAMMES.has(nom.slice(point + 1).toLowerCase()))
      programme = true;
  }
  return programme ? "executable-integre" : null;
}
