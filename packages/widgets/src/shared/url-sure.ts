/**
 * Keeps a URL only if it is an absolute `http:` or `https:` address. A catalogue fetched from an API is
 * not trusted: `javascript:` or `data:` links are dropped (returns `undefined`) so they are never put in
 * an `href`.
 *
 * @example
 * ```ts
 * urlSure("https://renavisio.renater.fr/"); // "https://renavisio.renater.fr/"
 * urlSure("javascript:alert(1)");           // undefined
 * ```
 */
export function urlSure(url: unknown): string | undefined {
  if (typeof url !== "string" || url.trim() === "") return undefined;
  let analysee: URL;
  try {
    analysee = new URL(url.trim());
  } catch {
    return undefined;
  }
  return analysee.protocol === "https:" || analysee.protocol === "http:" ? analysee.href : undefined;
}
