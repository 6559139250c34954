/**
 * Lit l'en-tête tus `Upload-Metadata` sans décoder les valeurs : chaque valeur base64 est rendue en
 * octets, pour que le nom de fichier soit décodé strictement (UTF-8 invalide refusé, pas remplacé).
 * Renvoie null si l'en-tête est mal formé.
 *
 * @example
 * lireMetadonneesBrutes("filename ZGV2b2lyLnBkZg==,devoir YWJj");
 * // → Map { "filename" → Uint8Array("devoir.pdf"), "devoir" → Uint8Array("abc") }
 */
export function lireMetadonneesBrutes(entete: string | null): Map<string, Uint8Array> | null {
  const resultat = new Map<string, Uint8Array>();
  if (entete === null || entete.trim() === "") return resultat;
  for (const paire of entete.split(",")) {
    const [cle, valeur, ...reste] = paire.trim().split(" ");
    if (!cle || reste.length > 0 || !/^[\x21-\x7e]+$/.test(cle) || resultat.has(cle)) return null;
    if (valeur === undefined) {
      resultat.set(cle, new Uint8Array());
      continue;
    }
    if (valeur.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(valeur)) return null;
    resultat.set(cle, new Uint8Array(Buffer.from(valeur, "base64")));
  }
  return resultat;
}
