import { documentHtml, enTexte, gabarit, raw, type Html } from "../pages/html.js";

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
  "rendre-devoir": {
    titre: "Rendre un devoir",
    attributs: ["ent-connexion", "ent", "devoir", "lang", "theme"],
  },
} as const;

export type WidgetEmbed = keyof typeof WIDGETS_EMBED;

/**
 * Turns the query of an embed page into the element's attributes: only allowed names, at most 200
 * characters, HTML-escaped; `role` becomes `organisateur` (an ARIA attribute must not carry it).
 *
 * @example
 * enTexte(attributsDepuisQuery("rendre-devoir", new URLSearchParams("ent=ode&onload=x"))); // ' ent="ode"'
 */
export function attributsDepuisQuery(widget: WidgetEmbed, query: URLSearchParams): Html {
  const attributs: (Html | Promise<Html>)[] = [];
  for (const nom of WIDGETS_EMBED[widget].attributs) {
    const valeur = query.get(nom);
    if (valeur === null || valeur.length > 200) continue;
    attributs.push(gabarit` ${nom === "role" ? "organisateur" : nom}="${valeur}"`);
  }
  return raw(enTexte(gabarit`${attributs}`));
}

/** The demo banner of our own pages (class-styled: the pages allow no inline style). */
export const bandeau = (demo: boolean) =>
  demo
    ? gabarit`<p class="bandeau-demo" role="status" data-trousse-demo>Mode démonstration : comptes et données fictifs, à ne pas utiliser avec de vrais élèves.</p>`
    : "";

/**
 * A page skeleton: French, our stylesheet, module scripts from files only (on the one skeleton of
 * `pages/html.ts`).
 *
 * @example
 * pageComplete({ titre: "Intégrer", scripts: ["/embed/integrer.js"], corps: gabarit`<main>…</main>` });
 */
export function pageComplete(p: {
  titre: string;
  lang?: string;
  classe?: string;
  scripts: string[];
  corps: Html | Promise<Html>;
}): string {
  const scripts = p.scripts.map(
    (s, n) => gabarit`${n > 0 ? "\n" : ""}<script type="module" src="${s}"></script>`,
  );
  return enTexte(
    documentHtml({
      titre: p.titre,
      lang: p.lang === "en" ? "en" : "fr",
      classe: p.classe,
      tete: gabarit`<link rel="stylesheet" href="/embed/pages.css">
${scripts}`,
      corps: p.corps,
    }),
  );
}

/**
 * The iframe page of a widget (`/embed/choisir-visio?…`, `/embed/rendre-devoir?…`): the element with its
 * allowed attributes, the loader from `/widgets/`, and `hauteur.js` which reports the height to the host.
 *
 * @example
 * pageEmbed("rendre-devoir", new URLSearchParams("ent=demo"), true);
 */
export function pageEmbed(widget: WidgetEmbed, query: URLSearchParams, demo: boolean): string {
  // The tag name comes from the allow-list (WIDGETS_EMBED keys), never from the query.
  const balise = raw(`trousse-${widget}`);
  return pageComplete({
    titre: WIDGETS_EMBED[widget].titre,
    lang: query.get("lang") ?? "fr",
    classe: "embed",
    scripts: ["/widgets/trousse.js", "/embed/hauteur.js"],
    // A heading for the page itself (visually hidden: the widget shows its own title).
    corps: gabarit`${bandeau(demo)}<main><h1 class="visuellement-cache">${WIDGETS_EMBED[widget].titre}</h1><${balise}${attributsDepuisQuery(widget, query)}></${balise}></main>`,
  });
}
