import type { Catalogue } from "@trousse/catalogue";

/** Where the catalogue in use comes from. */
export type OrigineCatalogue = "api" | "embarque";

export interface CatalogueCharge {
  catalogue: Catalogue;
  origine: OrigineCatalogue;
  /** Why the bundled catalogue is used instead of the API's (stable code + French message). */
  erreur?: { code: "api-injoignable" | "api-reponse-invalide"; message: string };
}

export interface OptionsChargement {
  /** The catalogue bundled with the widget, used when the API fails. */
  parDefaut: Catalogue;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

interface EntreeCache {
  etag: string;
  catalogue: Catalogue;
}

/** ETag cache, in memory only: nothing is written to the host page's storage. */
const cache = new Map<string, EntreeCache>();

/**
 * The address of the catalogue endpoint for an `api` attribute value (absolute, or relative to the page).
 *
 * @example
 * ```ts
 * urlOutils("https://trousse.example.fr/api"); // "https://trousse.example.fr/api/v1/outils"
 * ```
 */
export function urlOutils(api: string, base: string | undefined = globalThis.location?.href): string {
  const racine = api.endsWith("/") ? api : `${api}/`;
  return new URL("v1/outils", new URL(racine, base)).href;
}

const estObjet = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function outilPlausible(o: unknown): boolean {
  return (
    estObjet(o) &&
    typeof o.id === "string" &&
    typeof o.nom === "string" &&
    Array.isArray(o.categories) &&
    Array.isArray(o.fiches) &&
    Array.isArray(o.niveaux) &&
    estObjet(o.contraintes)
  );
}

/**
 * Turns the body of `GET /v1/outils` into a catalogue. Accepts the whole catalogue
 * (`{ version, sources, outils, … }`), `{ outils: [...] }` or a bare array of tools; missing parts
 * (sources, documents) are taken from the bundled catalogue. Returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * catalogueDepuisReponse({ outils: [outil] }, catalogue)?.outils.length; // 1
 * catalogueDepuisReponse("<html>", catalogue);                         // undefined
 * ```
 */
export function catalogueDepuisReponse(corps: unknown, parDefaut: Catalogue): Catalogue | undefined {
  const outils: unknown = Array.isArray(corps) ? corps : estObjet(corps) ? corps.outils : undefined;
  if (!Array.isArray(outils) || outils.length === 0 || !outils.every(outilPlausible)) return undefined;
  const complet = estObjet(corps) ? corps : {};
  return {
    ...parDefaut,
    ...(Array.isArray(complet.sources) ? { sources: complet.sources } : {}),
    ...(Array.isArray(complet.documents) ? { documents: complet.documents } : {}),
    ...(typeof complet.version === "string" ? { version: complet.version } : {}),
    outils,
  } as Catalogue;
}

/**
 * Fetches the latest catalogue from `<api>/v1/outils`, ETag-aware (sends `If-None-Match`, reuses the copy
 * on `304`). Never throws: on a network error, a non-OK status or an unusable body it falls back silently
 * to the bundled catalogue and says why in `erreur`.
 *
 * @example
 * ```ts
 * const { catalogue, origine } = await chargerCatalogue("https://trousse.example.fr/api", { parDefaut });
 * ```
 */
export async function chargerCatalogue(api: string, options: OptionsChargement): Promise<CatalogueCharge> {
  const { parDefaut, signal } = options;
  const recuperer = options.fetch ?? globalThis.fetch.bind(globalThis);
  let url: string;
  try {
    url = urlOutils(api);
  } catch {
    return {
      catalogue: parDefaut,
      origine: "embarque",
      erreur: { code: "api-injoignable", message: `Adresse d'API invalide : « ${api} ».` },
    };
  }
  const enCache = cache.get(url);
  try {
    const reponse = await recuperer(url, {
      headers: { accept: "application/json", ...(enCache ? { "if-none-match": enCache.etag } : {}) },
      credentials: "omit",
      ...(signal ? { signal } : {}),
    });
    if (reponse.status === 304 && enCache) return { catalogue: enCache.catalogue, origine: "api" };
    if (!reponse.ok) {
      return {
        catalogue: parDefaut,
        origine: "embarque",
        erreur: {
          code: "api-injoignable",
          message: `L'API a répondu ${reponse.status} : catalogue embarqué utilisé.`,
        },
      };
    }
    let corps: unknown;
    try {
      corps = await reponse.json();
    } catch {
      corps = undefined;
    }
    const catalogue = catalogueDepuisReponse(corps, parDefaut);
    if (!catalogue) {
      return {
        catalogue: parDefaut,
        origine: "embarque",
        erreur: {
          code: "api-reponse-invalide",
          message: "Réponse de l'API inutilisable : catalogue embarqué utilisé.",
        },
      };
    }
    const etag = reponse.headers.get("etag");
    if (etag) cache.set(url, { etag, catalogue });
    return { catalogue, origine: "api" };
  } catch (e) {
    return {
      catalogue: parDefaut,
      origine: "embarque",
      erreur: {
        code: "api-injoignable",
        message: `API injoignable (${e instanceof Error ? e.message : String(e)}) : catalogue embarqué utilisé.`,
      },
    };
  }
}

/** Empties the ETag cache (tests, or a host that wants a fresh copy). */
export function viderCacheCatalogue(): void {
  cache.clear();
}
