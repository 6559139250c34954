interface DecodeurTexte {
  decode(entree?: Uint8Array, options?: { stream?: boolean }): string;
}
type ConstructeurDecodeur = new (
  etiquette: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => DecodeurTexte;

// `TextDecoder` existe dans les navigateurs et dans Node ; la bibliothèque ES seule ne le déclare pas.
const Decodeur = (globalThis as unknown as { TextDecoder: ConstructeurDecodeur }).TextDecoder;

/**
 * Décode de l'UTF-8 strict (`TextDecoder` avec `fatal: true`) ; `null` si les octets ne sont pas de l'UTF-8
 * valide. Avec `tronque: true`, une séquence multi-octets coupée à la toute fin est tolérée (début d'un fichier).
 *
 * @example
 * decoderUtf8(new Uint8Array([0xc3, 0xa9])); // "é"
 * decoderUtf8(new Uint8Array([0xe9]));        // null (Latin-1, pas de l'UTF-8)
 */
export function decoderUtf8(octets: Uint8Array, tronque = false): string | null {
  try {
    return new Decodeur("utf-8", { fatal: true }).decode(octets, { stream: tronque });
  } catch {
    return null;
  }
}
