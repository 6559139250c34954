import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./genere/api.js";

/** What the client needs. */
export interface OptionsClientTrousse {
  /** Base address of the Trousse API, e.g. `https://trousse.exemple.fr` (no `/v1`). */
  api: string;
  /** The session token, sent as `Authorization: Bearer …` (a function: read at each call). */
  jeton?: string | (() => string | undefined | Promise<string | undefined>);
  /** Another `fetch` (tests, a proxy). Defaults to `globalThis.fetch`. */
  fetch?: ClientOptions["fetch"];
  /** Headers sent with every call. */
  entetes?: Record<string, string>;
}

/** The typed client: `GET`, `POST`, `PATCH`, `DELETE`… on the API's documented paths. */
export type ClientTrousse = Client<paths>;

/**
 * A typed client of the Trousse API (openapi-fetch over the generated `paths`): each path, its parameters,
 * its JSON body and its answers (success and error) are in the types. Calls resolve to `{ data, error,
 * response }`; wrap them in {@link exiger} to get the data or an `ErreurTrousse`.
 *
 * @example
 * ```ts
 * const client = creerClientTrousse({ api: "https://trousse.exemple.fr", jeton: () => session.jeton });
 * const { data, error } = await client.GET("/v1/devoirs/{id}/mon-rendu", { params: { path: { id } } });
 * if (data) console.log(data.libelle);
 * ```
 */
export function creerClientTrousse(options: OptionsClientTrousse): ClientTrousse {
  const client = createClient<paths>({
    baseUrl: options.api.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.entetes ? { headers: options.entetes } : {}),
  });
  const { jeton } = options;
  if (jeton !== undefined) {
    client.use({
      async onRequest({ request }) {
        const valeur = typeof jeton === "function" ? await jeton() : jeton;
        if (valeur) request.headers.set("authorization", `Bearer ${valeur}`);
        return request;
      },
    });
  }
  return client;
}
