import type {
  AccuseReception,
  Devoir,
  EnfantStatuts,
  FichierVu,
  Groupe,
  MonRendu,
  Profil,
  Rappel,
  ResumeDevoir,
  SaisieDevoir,
  Suivi,
} from "./types-api.js";

/** An error answered by the API (or the network), with its stable code and French message. */
export class ErreurApiTrousse extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = "ErreurApiTrousse";
  }
}

/** What one HTTP call needs. */
export interface OptionsClient {
  /** Base address of the Trousse API, e.g. `https://trousse.example.fr`. */
  api: string;
  /** The session token (sent as `Authorization: Bearer`). */
  jeton: () => string | undefined;
  fetch?: typeof globalThis.fetch;
}

/**
 * Turns an `api` attribute into the API's base address (no trailing slash), relative to the page.
 *
 * @example
 * ```ts
 * baseApi("https://trousse.example.fr/"); // "https://trousse.example.fr"
 * ```
 */
export function baseApi(api: string, page: string | undefined = globalThis.location?.href): string {
  return new URL(api, page).href.replace(/\/+$/, "");
}

async function lireErreur(reponse: Response): Promise<ErreurApiTrousse> {
  let corps: unknown;
  try {
    corps = await reponse.json();
  } catch {
    corps = undefined;
  }
  const e = (corps as { erreur?: { code?: unknown; message?: unknown } } | undefined)?.erreur;
  return typeof e?.code === "string" && typeof e.message === "string"
    ? new ErreurApiTrousse(e.code, e.message, reponse.status)
    : new ErreurApiTrousse(
        "reponse-invalide",
        `Le serveur Trousse a répondu ${reponse.status}.`,
        reponse.status,
      );
}

/**
 * A small typed client of the hand-in routes of the Trousse API (HTTP only, Bearer token, no cookies).
 * Every failure becomes an {@link ErreurApiTrousse} with a stable code; a network failure has the code
 * `reseau-indisponible`.
 *
 * @example
 * ```ts
 * const client = creerClientApi({ api: "https://trousse.example.fr", jeton: () => session?.jeton });
 * const { devoirs } = await client.devoirs();
 * ```
 */
export function creerClientApi(options: OptionsClient) {
  const recuperer = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function appeler(chemin: string, init: RequestInit = {}): Promise<Response> {
    const jeton = options.jeton();
    const entetes = new Headers(init.headers);
    if (jeton) entetes.set("authorization", `Bearer ${jeton}`);
    if (init.body !== undefined) entetes.set("content-type", "application/json");
    let reponse: Response;
    try {
      reponse = await recuperer(options.api + chemin, { ...init, headers: entetes, credentials: "omit" });
    } catch {
      throw new ErreurApiTrousse(
        "reseau-indisponible",
        "Le serveur Trousse est injoignable : vérifiez la connexion puis réessayez.",
      );
    }
    if (!reponse.ok) throw await lireErreur(reponse);
    return reponse;
  }
  const json = async <T>(chemin: string, init?: RequestInit): Promise<T> =>
    (await (await appeler(chemin, init)).json()) as T;
  const envoyer = <T>(methode: string, chemin: string, corps: unknown): Promise<T> =>
    json<T>(chemin, { method: methode, body: JSON.stringify(corps) });
  const d = (id: string) => `/v1/devoirs/${encodeURIComponent(id)}`;

  return {
    moi: () => json<Profil>("/v1/auth/moi"),
    groupes: () => json<{ groupes: Groupe[] }>("/v1/groupes"),
    devoirs: () =>
      json<{ devoirs?: ResumeDevoir[]; enfants?: EnfantStatuts[]; lectureSeule?: boolean }>("/v1/devoirs"),
    devoir: (id: string) => json<{ devoir: Devoir; statut?: string; libelle?: string }>(d(id)),
    creerDevoir: (saisie: SaisieDevoir) => envoyer<{ devoir: Devoir }>("POST", "/v1/devoirs", saisie),
    modifierDevoir: (id: string, saisie: SaisieDevoir) => envoyer<{ devoir: Devoir }>("PATCH", d(id), saisie),
    monRendu: (id: string) => json<MonRendu>(`${d(id)}/mon-rendu`),
    rendre: (id: string, televersements: string[], declarationCochee: boolean) =>
      envoyer<{ accuseReception: AccuseReception }>("POST", `${d(id)}/rendre`, {
        televersements,
        declarationCochee,
      }),
    attacherFichiers: (id: string, nature: "sujet" | "corrige", televersements: string[]) =>
      envoyer<{ fichiers: FichierVu[] }>("POST", `${d(id)}/fichiers`, { nature, televersements }),
    suivi: (id: string) => json<Suivi>(`${d(id)}/suivi`),
    rappeler: (id: string) => envoyer<{ envoyes: number; message: string }>("POST", `${d(id)}/rappels`, {}),
    rappels: () => json<{ rappels: Rappel[]; nonLus: number }>("/v1/rappels"),
    marquerLu: (id: string) => appeler(`/v1/rappels/${encodeURIComponent(id)}/lu`, { method: "POST" }),
    retourner: (renduId: string, commentaire: string) =>
      envoyer<unknown>("POST", `/v1/rendus/${encodeURIComponent(renduId)}/retour`, { commentaire }),
    /** Downloads a protected file (Bearer token) as a Blob: the browser cannot add the header to a link. */
    telecharger: async (chemin: string): Promise<Blob> => (await appeler(chemin)).blob(),
    deconnecter: () => appeler("/v1/auth/deconnexion", { method: "POST" }),
  };
}

/** The typed client returned by {@link creerClientApi}. */
export type ClientApi = ReturnType<typeof creerClientApi>;
