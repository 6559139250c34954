import { VERSION } from "./version.js";

/** What the registry knows about one custom element. */
export interface EntreeRegistre {
  /** Version of the bundle that defined the element first. */
  version: string;
  /** How many times a bundle tried to define it (2+ means the script was loaded twice). */
  tentatives: number;
}

/**
 * `window.Trousse`: the ONLY global the widgets create. It holds the version of the first loaded bundle,
 * every version seen on the page and a registry of the defined elements.
 */
export interface TrousseGlobal {
  version: string;
  versions: string[];
  elements: Record<string, EntreeRegistre>;
  /**
   * Loads (once) the widget for a tag, for hosts that create elements where the loader cannot see them
   * (inside their own Shadow DOM). Set by the script-tag loader; absent with the npm package.
   */
  charger?: (nom: string) => Promise<boolean>;
}

type AvecTrousse = { Trousse?: TrousseGlobal };

function estTrousseGlobal(valeur: unknown): valeur is TrousseGlobal {
  if (typeof valeur !== "object" || valeur === null) return false;
  const v = valeur as Partial<TrousseGlobal>;
  return typeof v.version === "string" && Array.isArray(v.versions) && typeof v.elements === "object";
}

/**
 * Returns the namespaced global `Trousse` object, creating it on first use. Safe to call from several
 * bundles (or versions) on the same page: the first one creates it, the others add their version.
 * If the host page already uses `window.Trousse` for something else, it is left untouched and a private
 * object is returned instead (nothing of the host is overwritten).
 *
 * @example
 * ```ts
 * const trousse = obtenirTrousse();
 * trousse.elements["trousse-choisir-visio"]; // { version: "0.1.0", tentatives: 1 }
 * ```
 */
export function obtenirTrousse(cible: object = globalThis): TrousseGlobal {
  const hote = cible as AvecTrousse;
  const existant: unknown = hote.Trousse;
  if (existant === undefined) {
    const cree: TrousseGlobal = { version: VERSION, versions: [VERSION], elements: {} };
    Object.defineProperty(hote, "Trousse", {
      value: cree,
      configurable: true,
      enumerable: false,
      writable: false,
    });
    return cree;
  }
  if (!estTrousseGlobal(existant)) return prive;
  if (!existant.versions.includes(VERSION)) existant.versions.push(VERSION);
  return existant;
}

const prive: TrousseGlobal = { version: VERSION, versions: [VERSION], elements: {} };
