import { aPosition, ascii } from "./octets.js";

/** Octets lus au début et autant à la fin d'un PDF pour y compter les pages (64 Kio chacun). */
export const OCTETS_PAGES_PDF = 65_536;

/** Longueur (octets, bornes incluses) cherchée autour d'un `/Type /Pages` pour son `/Count`. */
const PORTEE_DICTIONNAIRE = 4_096;

/**
 * Le nombre de pages d'un PDF lu par ses deux bouts (au plus {@link OCTETS_PAGES_PDF} octets chacun) : le
 * plus grand `/Count` des arbres de pages (`/Type /Pages`) qu'on y trouve en clair — la racine de l'arbre
 * compte toutes les feuilles. Rend `null` si ce n'est pas un PDF (`%PDF-` en tête) ou si aucun arbre de
 * pages n'est lisible ainsi (PDF à flux d'objets compressés, arbre au milieu d'un gros fichier) : le nombre
 * est alors inconnu, jamais deviné. Lecture bornée (deux fenêtres, expressions linéaires), sans exception.
 *
 * @example
 * compterPagesPdf(debut, fin); // 4 pour un PDF « Photographier ma copie » de 4 pages
 * compterPagesPdf(new TextEncoder().encode("bonjour"), new Uint8Array()); // null
 */
export function compterPagesPdf(debut: Uint8Array, fin: Uint8Array = new Uint8Array(0)): number | null {
  if (!aPosition(debut, "%PDF-")) return null;
  let meilleur: number | null = null;
  for (const fenetre of [debut, fin]) {
    const texte = ascii(fenetre, 0, OCTETS_PAGES_PDF);
    const arbre = /\/Type\s*\/Pages(?![A-Za-z0-9])/g;
    for (let m = arbre.exec(texte); m; m = arbre.exec(texte)) {
      const avant = texte.lastIndexOf("obj", m.index);
      const ouverture =
        avant >= 0 && m.index - avant <= PORTEE_DICTIONNAIRE
          ? avant
          : Math.max(0, m.index - PORTEE_DICTIONNAIRE);
      const apres = texte.indexOf("endobj", m.index);
      const fermeture =
        apres >= 0 && apres - m.index <= PORTEE_DICTIONNAIRE ? apres : m.index + PORTEE_DICTIONNAIRE;
      const compte = /\/Count\s+(\d{1,7})(?!\d)/.exec(texte.slice(ouverture, fermeture));
      if (compte) meilleur = Math.max(meilleur ?? 0, Number(compte[1]));
    }
  }
  return meilleur;
}
