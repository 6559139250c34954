/** One piece of a text: plain text, or an http(s) link. */
export type Morceau = { texte: string } | { lien: string };

const CANDIDAT = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than a URL. */
const FIN = /[.,;:!?»)\]]+$/;

/**
 * Splits a text (a teacher's instructions) into plain text and links: only `http:` and `https:` URLs
 * that the URL parser accepts become links (never `javascript:`, `data:`…); the punctuation closing a
 * sentence stays text. Render the links with `rel="noopener noreferrer"`; the text stays text (Lit escapes).
 *
 * @example
 * ```ts
 * decouperLiens("Voir https://fr.vikidia.org/wiki/Volcan.");
 * // [{ texte: "Voir " }, { lien: "https://fr.vikidia.org/wiki/Volcan" }, { texte: "." }]
 * ```
 */
export function decouperLiens(texte: string): Morceau[] {
  const morceaux: Morceau[] = [];
  let fin = 0;
  const ajouterTexte = (t: string) => {
    if (!t) return;
    const dernier = morceaux.at(-1);
    if (dernier && "texte" in dernier) dernier.texte += t;
    else morceaux.push({ texte: t });
  };
  for (const m of texte.matchAll(CANDIDAT)) {
    const brut = m[0];
    const ponctuation = FIN.exec(brut)?.[0] ?? "";
    const url = brut.slice(0, brut.length - ponctuation.length);
    ajouterTexte(texte.slice(fin, m.index));
    let valide = false;
    try {
      const u = new URL(url);
      valide = (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
    } catch {
      valide = false;
    }
    if (valide) morceaux.push({ lien: url });
    else ajouterTexte(url);
    ajouterTexte(ponctuation);
    fin = m.index + brut.length;
  }
  ajouterTexte(texte.slice(fin));
  return morceaux;
}
