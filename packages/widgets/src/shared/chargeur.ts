import { obtenirTrousse } from "./trousse-global.js";

/** The widgets the script-tag loader knows, with the file of each (next to the loader). */
export const FICHIERS_WIDGETS: Readonly<Record<string, string>> = {
  "trousse-choisir-visio": "choisir-visio.js",
  "trousse-rendre-devoir": "rendre-devoir.js",
};

/**
 * Starts the script-tag loader: for each Trousse element present in the page — now or added later — it
 * imports that widget's file once, from the same folder (and version) as the loader. Widgets not on the
 * page are never downloaded. Calling it twice (script loaded twice) is harmless. Also sets
 * `window.Trousse.charger(nom)` for elements the loader cannot see (inside the host's Shadow DOM).
 *
 * @example
 * ```ts
 * demarrerChargeur(import.meta.url); // in trousse.js
 * ```
 */
export function demarrerChargeur(base: string): void {
  const trousse = obtenirTrousse();
  const enCours = new Map<string, Promise<boolean>>();

  const charger = (nom: string): Promise<boolean> => {
    const fichier = FICHIERS_WIDGETS[nom];
    if (!fichier) return Promise.reject(new Error(`Élément inconnu : « ${nom} ».`));
    let promesse = enCours.get(nom);
    if (!promesse) {
      promesse = customElements.get(nom)
        ? Promise.resolve(true)
        : import(/* @vite-ignore */ new URL(fichier, base).href).then(
            () => true,
            (erreur: unknown) => {
              enCours.delete(nom);
              console.error(`[trousse] chargement-impossible : ${fichier}`, erreur);
              return false;
            },
          );
      enCours.set(nom, promesse);
    }
    return promesse;
  };

  /** Loads the widgets present in the page; true once every known widget is loaded or loading. */
  const parcourir = (): boolean =>
    Object.keys(FICHIERS_WIDGETS)
      .map((nom) => enCours.has(nom) || (!!document.querySelector(nom) && !!charger(nom)))
      .every(Boolean);

  trousse.charger ??= charger;
  if (parcourir()) return;
  const observateur = new MutationObserver(() => {
    if (parcourir()) observateur.disconnect();
  });
  observateur.observe(document.documentElement, { childList: true, subtree: true });
}
