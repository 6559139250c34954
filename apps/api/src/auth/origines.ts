/**
 * Normalises a web origin (`scheme://host[:port]`, nothing else): returns it in the canonical form the
 * browser puts in `event.origin`, or `null` when the text is not exactly an http(s) origin.
 *
 * @example
 * normaliserOrigine("https://ENT.exemple.fr:443"); // "https://ent.exemple.fr"
 * normaliserOrigine("https://ent.exemple.fr/page"); // null (a path is not an origin)
 */
export function normaliserOrigine(texte: string): string | null {
  const sansBarre = texte.endsWith("/") ? texte.slice(0, -1) : texte;
  if (!/^https?:\/\/[^/?#@\s\\]+$/i.test(sansBarre)) return null;
  try {
    return new URL(sansBarre).origin;
  } catch {
    return null;
  }
}

/**
 * Tells whether `origine` may receive a session token: it must be one of the ENT's allowed origins
 * or the API's own origin (for the iframe embeds served by the API).
 *
 * @example
 * origineAutorisee("https://ent.exemple.fr", ["https://ent.exemple.fr"], "https://trousse.exemple.fr"); // true
 * origineAutorisee("https://pirate.example", ["https://ent.exemple.fr"], "https://trousse.exemple.fr"); // false
 */
export function origineAutorisee(origine: string, autorisees: readonly string[], baseUrl: string): boolean {
  const normalisee = normaliserOrigine(origine);
  if (normalisee === null) return false;
  if (normalisee === new URL(baseUrl).origin) return true;
  return autorisees.some((o) => normaliserOrigine(o) === normalisee);
}
