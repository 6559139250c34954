import { OCTETS_DETECTION, verifierFichier, type FamilleFichier } from "@trousse/rules";

/** A file refused before any byte is sent, with the rules' French reason. */
export interface Refus {
  nom: string;
  code: string;
  message: string;
}

/**
 * Checks a picked file in the browser with the same rules as the server (`verifierFichier` of
 * `@trousse/rules`: name, size, type recognised from the first bytes, not the extension) — a refused file
 * is never uploaded. Returns `null` when the file is acceptable. Loaded only once a file is picked (with the
 * rules' type detection it weighs ~5 KB gzipped: not part of the first render).
 *
 * @example
 * ```ts
 * await verifierAvantEnvoi(new File(["%PDF-1.7…"], "devoir.pdf"), { familles: ["document"], tailleMaxOctets: 10_000_000 });
 * // null
 * ```
 */
export async function verifierAvantEnvoi(
  fichier: Blob & { name: string },
  contraintes: { familles: readonly FamilleFichier[]; tailleMaxOctets: number },
): Promise<Refus | null> {
  const debut = new Uint8Array(await fichier.slice(0, OCTETS_DETECTION).arrayBuffer());
  const r = verifierFichier({ nom: fichier.name, taille: fichier.size, debut }, contraintes);
  if (r.ok) return null;
  const e = r.erreurs[0]!;
  return { nom: fichier.name, code: e.code, message: r.erreurs.map((x) => x.message).join(" ") };
}
