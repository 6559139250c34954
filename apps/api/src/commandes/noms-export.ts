import { nettoyerNomFichier } from "@trousse/rules";

/** Extensions given to a stored file whose original name has none, by MIME type. */
const EXTENSIONS: Record<string, string> = {
  "application/pdf": ".pdf",
  "image/jpeg": ".jpg",
  "image/png": ".png",
  "image/webp": ".webp",
  "image/heic": ".heic",
  "text/plain": ".txt",
  "application/zip": ".zip",
  "application/vnd.oasis.opendocument.text": ".odt",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
};

/**
 * Gives the files of one export readable, distinct paths: each folder and file name cleaned by the
 * rules' `nettoyerNomFichier`, the extension kept (or taken from the MIME type when the name has none),
 * and a second file of the same path suffixed « (2) », « (3) »… before its extension.
 *
 * @example
 * const noms = nommeurExport();
 * noms(["rendus", "Exposé (1a2b3c4d)", "Léa Martin"], "copie.pdf", "application/pdf"); // "rendus/Exposé (1a2b3c4d)/Léa Martin/copie.pdf"
 * noms(["rendus", "Exposé (1a2b3c4d)", "Léa Martin"], "copie.pdf", "application/pdf"); // "rendus/Exposé (1a2b3c4d)/Léa Martin/copie (2).pdf"
 */
export function nommeurExport(): (dossiers: string[], nom: string, mime: string) => string {
  const pris = new Set<string>();
  return (dossiers, nom, mime) => {
    const parties = dossiers.map((d) => nettoyerNomFichier(d) ?? "_");
    let fichier = nettoyerNomFichier(nom) ?? "fichier";
    if (!/\.[A-Za-z0-9]{1,8}$/.test(fichier)) fichier += EXTENSIONS[mime.toLowerCase()] ?? "";
    const point = fichier.search(/\.[A-Za-z0-9]{1,8}$/);
    const [radical, extension] = point > 0 ? [fichier.slice(0, point), fichier.slice(point)] : [fichier, ""];
    let chemin = [...parties, fichier].join("/");
    for (let i = 2; pris.has(chemin.toLowerCase()); i++)
      chemin = [...parties, `${radical} (${i})${extension}`].join("/");
    pris.add(chemin.toLowerCase());
    return chemin;
  };
}
