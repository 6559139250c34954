// Petits outils de lecture d'octets, tous bornés : une entrée trop courte donne « faux », jamais d'exception.

/**
 * Vrai si `octets` contient `motif` à la position `debut` (octets ou texte ASCII).
 *
 * @example
 * aPosition(new Uint8Array([0x25, 0x50, 0x44, 0x46]), "%PDF"); // true
 */
export function aPosition(octets: Uint8Array, motif: readonly number[] | string, debut = 0): boolean {
  const m = typeof motif === "string" ? Array.from(motif, (c) => c.charCodeAt(0)) : motif;
  if (debut < 0 || debut + m.length > octets.length) return false;
  for (let i = 0; i < m.length; i++) if (octets[debut + i] !== m[i]) return false;
  return true;
}

/**
 * Le texte ASCII (Latin-1) de `longueur` octets à partir de `debut`, tronqué à la fin des données.
 *
 * @example
 * ascii(new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), 4, 4); // "ftyp"
 */
export function ascii(octets: Uint8Array, debut: number, longueur: number): string {
  let s = "";
  const fin = Math.min(octets.length, debut + longueur);
  for (let i = Math.max(0, debut); i < fin; i++) s += String.fromCharCode(octets[i] as number);
  return s;
}

/**
 * Entier 16 bits petit-boutiste, ou -1 hors limites.
 *
 * @example
 * u16le(new Uint8Array([0x08, 0x00]), 0); // 8
 */
export function u16le(octets: Uint8Array, i: number): number {
  if (i < 0 || i + 2 > octets.length) return -1;
  return (octets[i] as number) | ((octets[i + 1] as number) << 8);
}

/**
 * Position de la première occurrence de `motif` à partir de `depuis`, ou -1.
 *
 * @example
 * chercher(new Uint8Array([1, 0x41, 0x5f]), "A_"); // 1
 */
export function chercher(octets: Uint8Array, motif: readonly number[] | string, depuis = 0): number {
  const m = typeof motif === "string" ? Array.from(motif, (c) => c.charCodeAt(0)) : motif;
  if (m.length === 0) return -1;
  for (let i = Math.max(0, depuis); i + m.length <= octets.length; i++) {
    if (octets[i] === m[0] && aPosition(octets, m, i)) return i;
  }
  return -1;
}

/**
 * Le texte encodé en UTF-16LE (noms des flux d'un fichier OLE), en octets.
 *
 * @example
 * utf16le("Wo"); // [0x57, 0x00, 0x6f, 0x00]
 */
export function utf16le(texte: string): number[] {
  return Array.from(texte).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
}
