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

const BOUCLE = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * True when `a` and `b` are the same machine's loopback addresses (`localhost`, `127.x.x.x`, `[::1]`)
 * with the same scheme and port: `http://127.0.0.1:8787` and `http://localhost:8787` are one server.
 *
 * @example
 * memeBoucleLocale("http://127.0.0.1:8787", "http://localhost:8787"); // true
 * memeBoucleLocale("http://127.0.0.1:8787", "http://localhost:3000"); // false
 */
export function memeBoucleLocale(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.protocol === y.protocol && x.port === y.port && BOUCLE.test(x.hostname) && BOUCLE.test(y.hostname);
}

/**
 * Tells whether `origine` may receive a session token: it must be one of the ENT's allowed origins, or the
 * API's own origin (for the iframe embeds served by the API) — under any of its loopback names when the API
 * is itself on a loopback address. In demo mode (`demo: true`, fictitious accounts, every page says so), any
 * http(s) origin may: a webmaster can try the script tag on their own page.
 *
 * @example
 * origineAutorisee("https://ent.exemple.fr", ["https://ent.exemple.fr"], "https://trousse.exemple.fr"); // true
 * origineAutorisee("https://pirate.example", ["https://ent.exemple.fr"], "https://trousse.exemple.fr"); // false
 * origineAutorisee("http://127.0.0.1:8787", [], "http://localhost:8787"); // true (same machine, same port)
 * origineAutorisee("https://site.exemple.fr", [], "https://trousse.exemple.fr", { demo: true }); // true
 */
export function origineAutorisee(
  origine: string,
  autorisees: readonly string[],
  baseUrl: string,
  options: { demo?: boolean } = {},
): boolean {
  const normalisee = normaliserOrigine(origine);
  if (normalisee === null) return false;
  if (options.demo) return true;
  const api = new URL(baseUrl).origin;
  if (normalisee === api || memeBoucleLocale(normalisee, api)) return true;
  return autorisees.some((o) => normaliserOrigine(o) === normalisee);
}

/**
 * The refusal of an origin, in French, telling the webmaster which setting to add it to.
 *
 * @example
 * messageOrigineRefusee("https://ent.exemple.fr", "ODE Paris");
 */
export function messageOrigineRefusee(origine: string, nomEnt?: string): string {
  const o = normaliserOrigine(origine) ?? origine;
  return (
    `Cette page (${o}) n'est pas autorisée à recevoir une connexion Trousse${nomEnt ? ` pour l'ENT « ${nomEnt} »` : ""}. ` +
    `L'administrateur du serveur Trousse doit ajouter « ${o} » aux originesAutorisees de ${nomEnt ? "cet ENT" : "l'ENT utilisé"} ` +
    "(variable TROUSSE_ENTS ou fichier TROUSSE_ENTS_FILE), puis redémarrer le serveur."
  );
}
