import { nettoyerNomFichier } from "@trousse/rules";

/**
 * A copy of the list with the item at `de` moved to `vers` (both clamped to the list; inclusive bounds).
 *
 * @example
 * deplacer(["a", "b", "c"], 2, 0); // ["c", "a", "b"]
 */
export function deplacer<T>(liste: readonly T[], de: number, vers: number): T[] {
  const copie = [...liste];
  const fin = Math.max(0, Math.min(copie.length - 1, vers));
  if (de < 0 || de >= copie.length || fin === de) return copie;
  const [x] = copie.splice(de, 1);
  copie.splice(fin, 0, x!);
  return copie;
}

/**
 * The PDF's name, after the assignment: its title made safe by the rules' `nettoyerNomFichier`, `.pdf`.
 *
 * @example
 * nomDuPdf("Rédaction : mon été"); // "Rédaction _ mon été.pdf"
 */
export function nomDuPdf(titre: string): string {
  const base = nettoyerNomFichier(titre) ?? "copie";
  return nettoyerNomFichier(`${base}.pdf`) ?? "copie.pdf";
}
