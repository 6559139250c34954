/**
 * Normalise un texte pour la recherche : minuscules, sans accents ni ligatures, espaces réduits.
 *
 * @example
 * normaliser("Web-Conférence  ÉCOLE"); // "web-conference ecole"
 */
export function normaliser(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
