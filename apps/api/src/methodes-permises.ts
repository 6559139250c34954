/** A route as Hono lists it in `app.routes`. */
export interface RouteDeclaree {
  method: string;
  path: string;
}

/** A Hono path pattern (`/v1/outils/:id`, `/widgets/*`) as an anchored regular expression. */
function motif(chemin: string): RegExp {
  const source = chemin
    .split(/(:[A-Za-z0-9_]+|\*)/)
    .map((morceau) => {
      if (morceau === "*") return ".*";
      if (morceau.startsWith(":")) return "[^/]+";
      return morceau.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods the app answers on `chemin`, from its declared routes (middleware, declared as `ALL`, is not a
 * route). A path served by GET also answers HEAD. Empty when no route matches the path at all.
 *
 * @example
 * const permises = methodesPermisesDe(app.routes);
 * permises("/v1/outils/renavisio"); // ["GET", "HEAD"]
 * permises("/nulle-part"); // []
 */
export function methodesPermisesDe(routes: readonly RouteDeclaree[]): (chemin: string) => string[] {
  let compilees: { methode: string; motif: RegExp }[] | null = null;
  return (chemin) => {
    // Compiled at the first call: every route is declared by then.
    compilees ??= routes
      .filter((r) => r.method !== "ALL")
      .map((r) => ({ methode: r.method.toUpperCase(), motif: motif(r.path) }));
    const methodes = new Set<string>();
    for (const r of compilees) if (r.motif.test(chemin)) methodes.add(r.methode);
    if (methodes.has("GET")) methodes.add("HEAD");
    return [...methodes].sort();
  };
}
