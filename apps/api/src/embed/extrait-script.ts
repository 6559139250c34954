/** What the snippet needs from the CDN manifest (`/widgets/manifest.json`, written by the widgets' build). */
export interface ManifesteExtrait {
  /** `v<version>/`: the frozen copy the snippet points at. */
  dossierVersion: string;
  chargeurs: { module: string };
  /** Per element, the files its first render needs (the loader's import and its static imports). */
  widgets: Record<string, { fichiers: string[] }>;
  fichiers: Record<string, { integrite: string }>;
}

/**
 * The script-tag snippet of `/integrer`: one `<link rel="modulepreload">` per file the widget's first
 * render needs (fetched in parallel with the loader instead of after it: the first render comes sooner on
 * a slow phone), the loader (`trousse.js`) of the frozen version with its SRI hash, and the element.
 * `attributs` is already escaped (` ent-connexion="demo"`). Self-contained on purpose: the configurator's
 * script embeds this very function (`extraitScript.toString()`), and the first-render bench calls it, so
 * the snippet measured is the snippet handed out.
 *
 * @example
 * extraitScript(manifeste, "https://trousse.exemple.fr", "rendre-devoir", ' ent-connexion="ode-paris"');
 * // '<link rel="modulepreload" href="https://trousse.exemple.fr/widgets/v0.1.0/rendre-devoir.js" integrity="sha384-…" crossorigin="anonymous">\n…'
 */
export function extraitScript(
  manifeste: ManifesteExtrait | null,
  origine: string,
  widget: string,
  attributs: string,
): string {
  const version = manifeste ? manifeste.dossierVersion : "";
  const base = origine + "/widgets/" + version;
  const sri = (nom: string): string => {
    const f = manifeste && manifeste.fichiers[nom];
    return f ? ' integrity="' + f.integrite + '" crossorigin="anonymous"' : "";
  };
  const element = "trousse-" + widget;
  const prechargements = (
    (manifeste && manifeste.widgets[element] && manifeste.widgets[element].fichiers) ||
    []
  )
    .map((nom) => '<link rel="modulepreload" href="' + base + nom + '"' + sri(nom) + ">\n")
    .join("");
  const chargeur = manifeste ? manifeste.chargeurs.module : "trousse.js";
  return (
    prechargements +
    '<script type="module" src="' +
    base +
    chargeur +
    '"' +
    sri(chargeur) +
    "></" +
    "script>\n" +
    "<" +
    element +
    attributs +
    "></" +
    element +
    ">"
  );
}
