import { echapper } from "../pages/html.js";

/** The widgets that can be embedded, and the query parameters each turns into attributes (allow-list). */
export const WIDGETS_EMBED = {
  "choisir-visio": {
    titre: "Choisir un outil de visioconférence",
    attributs: [
      "organisateur",
      "role",
      "avec",
      "participants",
      "objet",
      "niveau",
      "ent",
      "besoins",
      "lang",
      "theme",
    ],
  },
  "rendre-devoir": { titre: "Rendre un devoir", attributs: ["ent", "devoir", "lang", "theme"] },
} as const;

export type WidgetEmbed = keyof typeof WIDGETS_EMBED;

/**
 * Turns the query of an embed page into the element's attributes: only allowed names, at most 200
 * characters, HTML-escaped; `role` becomes `organisateur` (an ARIA attribute must not carry it).
 *
 * @example
 * attributsDepuisQuery("rendre-devoir", new URLSearchParams("ent=ode&onload=x")); // ' ent="ode"'
 */
export function attributsDepuisQuery(widget: WidgetEmbed, query: URLSearchParams): string {
  let res = "";
  for (const nom of WIDGETS_EMBED[widget].attributs) {
    const valeur = query.get(nom);
    if (valeur === null || valeur.length > 200) continue;
    res += ` ${nom === "role" ? "organisateur" : nom}="${echapper(valeur)}"`;
  }
  return res;
}

/** The demo banner of our own pages (class-styled: the pages allow no inline style). */
export const bandeau = (demo: boolean): string =>
  demo
    ? '<p class="bandeau-demo" role="status" data-trousse-demo>Mode démonstration : comptes et données fictifs, à ne pas utiliser avec de vrais élèves.</p>'
    : "";

/** A page skeleton: French, our stylesheet, module scripts from files only. */
export function pageComplete(p: {
  titre: string;
  lang?: string;
  classe?: string;
  scripts: string[];
  corps: string;
}): string {
  const scripts = p.scripts.map((s) => `<script type="module" src="${echapper(s)}"></script>`).join("\n");
  return `<!doctype html>
<html lang="${p.lang === "en" ? "en" : "fr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${echapper(p.titre)}</title>
<link rel="stylesheet" href="/embed/pages.css">
${scripts}
</head>
<body${p.classe ? ` class="${p.classe}"` : ""}>
${p.corps}
</body>
</html>`;
}

/**
 * The iframe page of a widget (`/embed/choisir-visio?…`, `/embed/rendre-devoir?…`): the element with its
 * allowed attributes, the loader from `/widgets/`, and `hauteur.js` which reports the height to the host.
 *
 * @example
 * pageEmbed("rendre-devoir", new URLSearchParams("ent=demo"), true);
 */
export function pageEmbed(widget: WidgetEmbed, query: URLSearchParams, demo: boolean): string {
  const balise = `trousse-${widget}`;
  return pageComplete({
    titre: WIDGETS_EMBED[widget].titre,
    lang: query.get("lang") ?? "fr",
    classe: "embed",
    scripts: ["/widgets/trousse.js", "/embed/hauteur.js"],
    // A heading for the page itself (visually hidden: the widget shows its own title).
    corps: `${bandeau(demo)}<main><h1 class="visuellement-cache">${WIDGETS_EMBED[widget].titre}</h1><${balise}${attributsDepuisQuery(widget, query)}></${balise}></main>`,
  });
}
