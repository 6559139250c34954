import type { CorpsErreur } from "./types.js";

/** One detail of a refused request (a field and why), as the API answers it. */
export type DetailErreur = NonNullable<CorpsErreur["erreur"]["details"]>[number];

/**
 * An error answered by the Trousse API (or the network), with its stable kebab-case code and its French
 * message. `statut` is the HTTP status (0 when the server could not be reached).
 */
export class ErreurTrousse extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statut = 0,
    readonly details: readonly DetailErreur[] = [],
  ) {
    super(message);
    this.name = "ErreurTrousse";
  }
}

function estCorpsErreur(corps: unknown): corps is CorpsErreur {
  const e = (corps as { erreur?: { code?: unknown; message?: unknown } } | null | undefined)?.erreur;
  return typeof e?.code === "string" && typeof e.message === "string";
}

/** What an openapi-fetch call resolves to (`{ data }` or `{ error }`, and the response). */
interface Resultat {
  data?: unknown;
  error?: unknown;
  response: Response;
}

type Donnees<R extends Resultat> = [Exclude<R["data"], undefined>] extends [never]
  ? undefined
  : Exclude<R["data"], undefined>;

/**
 * Waits for a call of the client and gives its data, or throws an {@link ErreurTrousse}: the API's code and
 * message for an error answer, `reponse-invalide` for an answer that is not a Trousse error,
 * `reseau-indisponible` when the server cannot be reached.
 *
 * @example
 * ```ts
 * const profil = await exiger(client.GET("/v1/auth/moi"));
 * profil.nomAffiche; // "Léa Martin"
 * ```
 */
export async function exiger<R extends Resultat>(appel: Promise<R> | R): Promise<Donnees<R>> {
  let resultat: R;
  try {
    resultat = await appel;
  } catch (e) {
    if (e instanceof ErreurTrousse) throw e;
    throw new ErreurTrousse(
      "reseau-indisponible",
      "Le serveur Trousse est injoignable : vérifiez la connexion puis réessayez.",
    );
  }
  const { response } = resultat;
  if (response.ok) return resultat.data as Donnees<R>;
  const corps = resultat.error;
  if (estCorpsErreur(corps)) {
    throw new ErreurTrousse(corps.erreur.code, corps.erreur.message, response.status, corps.erreur.details);
  }
  throw new ErreurTrousse(
    "reponse-invalide",
    `Le serveur Trousse a répondu ${response.status}.`,
    response.status,
  );
}
