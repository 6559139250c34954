import type { CheminAvec, CorpsJson, ReponseJson } from "@trousse/client";
import type { LectureDevoir, ListeDevoirs, SaisieDevoir } from "./types-api.js";

/** One problem of a refused request, for one field (`champ`: its name, `(corps)` for the whole body). */
export interface DetailErreur {
  champ: string;
  code: string;
  message: string;
}

/**
 * An error answered by the API (or the network), with its stable code, French message and, for a refused
 * body, one detail per field.
 */
export class ErreurApiTrousse extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    readonly details: readonly DetailErreur[] = [],
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
  const e = (corps as { erreur?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.erreur;
  const details = Array.isArray(e?.details)
    ? (e.details as DetailErreur[]).filter(
        (d) => typeof d?.champ === "string" && typeof d.message === "string",
      )
    : [];
  return typeof e?.code === "string" && typeof e.message === "string"
    ? new ErreurApiTrousse(e.code, e.message, reponse.status, details)
    : new ErreurApiTrousse(
        "reponse-invalide",
        `Le serveur Trousse a répondu ${reponse.status}.`,
        reponse.status,
      );
}

/** One string per `{…}` of a documented path: `Ids<"/v1/devoirs/{id}">` is `[id: string]`. */
type Ids<P extends string> = P extends `${string}{${string}}${infer Reste}` ? [string, ...Ids<Reste>] : [];

/** A documented path with its `{…}` replaced, in order, by the encoded ids. */
function remplir(modele: string, ids: readonly string[]): string {
  let i = 0;
  return modele.replace(/\{[^}]+\}/g, () => encodeURIComponent(ids[i++] ?? ""));
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
  /** `GET` of a documented path, its `{…}` filled in order; answers the documented JSON. */
  const lire = <P extends CheminAvec<"get">>(modele: P, ...ids: Ids<P>) =>
    json<ReponseJson<P>>(remplir(modele, ids));
  /** `POST` of a documented path that takes no body (the answer is not read). */
  const poster = <P extends CheminAvec<"post">>(modele: P, ...ids: Ids<P>) =>
    appeler(remplir(modele, ids), { method: "POST" });
  /** `POST`/`PATCH`/`PUT` of a documented path with its documented JSON body. */
  const envoyer = <M extends "POST" | "PATCH" | "PUT", P extends CheminAvec<Lowercase<M>>>(
    methode: M,
    modele: P,
    corps: CorpsJson<P, Lowercase<M>>,
    ...ids: Ids<P>
  ) =>
    json<ReponseJson<P, Lowercase<M>>>(remplir(modele, ids), {
      method: methode,
      body: JSON.stringify(corps),
    });

  return {
    moi: () => lire("/v1/auth/moi"),
    groupes: () => lire("/v1/groupes"),
    devoirs: (): Promise<ListeDevoirs> => lire("/v1/devoirs"),
    devoir: (id: string): Promise<LectureDevoir> => lire("/v1/devoirs/{id}", id),
    /** `groupeId` is checked by the API (a clear 400 when a new assignment has none). */
    creerDevoir: (saisie: SaisieDevoir) =>
      envoyer("POST", "/v1/devoirs", saisie as CorpsJson<"/v1/devoirs", "post">),
    modifierDevoir: (id: string, saisie: SaisieDevoir) => envoyer("PATCH", "/v1/devoirs/{id}", saisie, id),
    monRendu: (id: string) => lire("/v1/devoirs/{id}/mon-rendu", id),
    rendre: (id: string, televersements: string[], declarationCochee: boolean) =>
      envoyer("POST", "/v1/devoirs/{id}/rendre", { televersements, declarationCochee }, id),
    /** The commitment (« Rendre » pressed): each file's SHA-256 and size, before its bytes; a provisional receipt. */
    engager: (id: string, fichiers: { sha256: string; taille: number; nom: string }[]) =>
      envoyer("POST", "/v1/devoirs/{id}/engager", { fichiers }, id),
    attacherFichiers: (id: string, nature: "sujet" | "corrige", televersements: string[]) =>
      envoyer("POST", "/v1/devoirs/{id}/fichiers", { nature, televersements }, id),
    suivi: (id: string) => lire("/v1/devoirs/{id}/suivi", id),
    /** The school's hand-ins due within the hour of `autour` (Paris wall time or ISO), and quieter slots. */
    chargeEcheances: (autour: string, devoir?: string) =>
      json<ReponseJson<"/v1/etablissement/charge-echeances">>(
        `/v1/etablissement/charge-echeances?autour=${encodeURIComponent(autour)}` +
          (devoir ? `&devoir=${encodeURIComponent(devoir)}` : ""),
      ),
    /** `message`: the teacher's own words (the API's default sentence when empty). */
    rappeler: (id: string, message?: string) =>
      envoyer("POST", "/v1/devoirs/{id}/rappels", message ? { message } : {}, id),
    rappels: () => lire("/v1/rappels"),
    marquerLu: (id: string) => poster("/v1/rappels/{id}/lu", id),
    /** Feedback: a comment and/or a file uploaded by tus beforehand (`televersement`: its upload id). */
    retourner: (renduId: string, commentaire: string, televersement?: string) =>
      envoyer(
        "POST",
        "/v1/rendus/{id}/retour",
        televersement ? { commentaire, televersement } : { commentaire },
        renduId,
      ),
    /** Grants (or replaces) one pupil's extension (dérogation); the rules' refusals come back per field. */
    accorderDelai: (
      id: string,
      eleveId: string,
      corps: CorpsJson<"/v1/devoirs/{id}/derogations/{eleveId}", "put">,
    ) => envoyer("PUT", "/v1/devoirs/{id}/derogations/{eleveId}", corps, id, eleveId),
    retirerDelai: (id: string, eleveId: string) =>
      appeler(remplir("/v1/devoirs/{id}/derogations/{eleveId}", [id, eleveId]), { method: "DELETE" }),
    /** Downloads a protected file (Bearer token) as a Blob: the browser cannot add the header to a link. */
    telecharger: async (chemin: string): Promise<Blob> => (await appeler(chemin)).blob(),
    deconnecter: () => poster("/v1/auth/deconnexion"),
  };
}

/** The typed client returned by {@link creerClientApi}. */
export type ClientApi = ReturnType<typeof creerClientApi>;
