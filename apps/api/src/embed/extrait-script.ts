/** What the snippet needs from the CDN manifest (`/widgets/manifest.json`, written by the widgets' build). */
export interface ManifesteExtrait {
  /** `v<version>/`: the frozen copy the snippet points at. */
  dossierVersion: string;
  chargeurs: { module: string };
  /**
   * Per element, the files its first render needs (the loader's import and its static imports), and that
   * import itself (`entree`, the element's own module; absent from older manifests: then the loader alone).
   */
  widgets: Record<string, { fichiers: string[]; entree?: string }>;
  fichiers: Record<string, { integrite: string }>;
}

/**
 * The script-tag snippet of `/integrer`: one `<link rel="modulepreload">` per file the widget's first
 * render needs (fetched in parallel with the loader instead of after it: the first render comes sooner on
 * a slow phone), the loader (`trousse.js`) of the frozen version with its SRI hash, the element's own
 * module with its SRI hash, and the element. The element's module as a script of its own runs with the
 * page's deferred scripts, before `DOMContentLoaded` and the first paint, instead of one `import()` later
 * (after a frame of the host page: ~70 ms at 4× CPU slowdown in the first-render bench); the loader stays
 * for what it gives the page (`window.Trousse.charger`, widgets added later) and imports the same URL
 * (one module, evaluated once).
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
  const fichiersWidget = manifeste && manifeste.widgets[element];
  const prechargements = ((fichiersWidget && fichiersWidget.fichiers) || [])
    .map((nom) => '<link rel="modulepreload" href="' + base + nom + '"' + sri(nom) + ">\n")
    .join("");
  const chargeur = manifeste ? manifeste.chargeurs.module : "trousse.js";
  const script = (nom: string): string =>
    '<script type="module" src="' + base + nom + '"' + sri(nom) + "></" + "script>\n";
  return (
    prechargements +
    script(chargeur) +
    (fichiersWidget && fichiersWidget.entree ? script(fichiersWidget.entree) : "") +
    "<" +
    element +
    attributs +
    "></" +
    element +
    ">"
  );
}
