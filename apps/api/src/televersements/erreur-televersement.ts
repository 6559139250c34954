import { ERRORS } from "@tus/server";
import { estBaseIndisponible } from "@trousse/db";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { corpsErreur, ErreurApi } from "../erreurs/erreur-api.js";

/**
 * Erreur d'un téléversement : l'erreur unique de l'API (`ErreurApi` : statut, code stable, message en
 * français), sous la forme qu'attend aussi `@tus/server` pour répondre (`status_code`, `body`) ; le corps est
 * celui de toute l'API (`corpsErreur`).
 */
export class ErreurTeleversement extends ErreurApi {
  override name = "ErreurTeleversement";

  constructor(status: number, code: string, message: string, entetes?: Record<string, string>) {
    super(status as ContentfulStatusCode, code, message, undefined, entetes);
  }

  /** Le statut, sous le nom que lit `@tus/server`. */
  get status_code(): number {
    return this.status;
  }

  /** Le corps JSON de la réponse, pour `@tus/server`. */
  get body(): string {
    return JSON.stringify(corpsErreur(this.code, this.message));
  }
}

/**
 * Construit une erreur de téléversement.
 *
 * @example
 * throw erreurTeleversement(413, "fichier-trop-gros", "Le fichier dépasse 10 Mo.");
 */
export function erreurTeleversement(
  status: number,
  code: string,
  message: string,
  entetes?: Record<string, string>,
): ErreurTeleversement {
  return new ErreurTeleversement(status, code, message, entetes);
}

type Traduction = readonly [status: number, code: string, message: string];

const INTROUVABLE: Traduction = [
  404,
  "televersement-introuvable",
  "Ce téléversement n'existe pas ou a été supprimé.",
];
const VERROUILLE: Traduction = [
  423,
  "televersement-verrouille",
  "Un autre envoi de ce fichier est en cours : réessayez dans un instant.",
];
const INTERNE: Traduction = [
  500,
  "erreur-interne",
  "Le serveur n'a pas pu enregistrer le fichier : réessayez, l'envoi reprendra où il s'est arrêté.",
];
const CONCATENATION: Traduction = [
  400,
  "concatenation-non-prise-en-charge",
  "Ce serveur ne propose pas l'extension tus « concatenation » (envois parallèles, en-tête Upload-Concat) : " +
    "désactivez les envois parallèles du client et envoyez le fichier d'un seul tenant.",
];
const TAILLE_REQUISE: Traduction = [
  400,
  "taille-requise",
  "La taille du fichier doit être annoncée à la création (en-tête Upload-Length) : l'envoi à taille différée " +
    "(Upload-Defer-Length) n'est pas proposé.",
];

/** Les erreurs que `@tus/server` lève (objets `ERRORS`), chacune avec son code : pas de statut deviné. */
const PAR_ERREUR_TUS = new Map<unknown, Traduction>([
  [ERRORS.MISSING_OFFSET, [400, "decalage-invalide", "L'en-tête Upload-Offset (entier positif) est requis."]],
  [
    ERRORS.INVALID_CONTENT_TYPE,
    [415, "type-contenu-invalide", "Le type de contenu doit être application/offset+octet-stream."],
  ],
  [
    ERRORS.ABORTED,
    [
      409,
      "envoi-interrompu",
      "Cet envoi a été interrompu par un nouvel envoi du même fichier : reprenez à partir de l'offset de HEAD.",
    ],
  ],
  [
    ERRORS.INVALID_TERMINATION,
    [409, "televersement-termine", "Cet envoi est terminé : il ne s'annule plus."],
  ],
  [ERRORS.ERR_LOCK_TIMEOUT, VERROUILLE],
  [ERRORS.FILE_NOT_FOUND, INTROUVABLE],
  [
    ERRORS.INVALID_OFFSET,
    [
      409,
      "decalage-incorrect",
      "La position d'envoi ne correspond pas à ce que le serveur a reçu : reprenez l'envoi.",
    ],
  ],
  [
    ERRORS.FILE_NO_LONGER_EXISTS,
    [410, "televersement-expire", "Ce téléversement a expiré : recommencez l'envoi du fichier."],
  ],
  [
    ERRORS.ERR_SIZE_EXCEEDED,
    [413, "fichier-trop-gros", "Le corps de la requête dépasse la taille annoncée du fichier."],
  ],
  [
    ERRORS.ERR_MAX_SIZE_EXCEEDED,
    [413, "fichier-trop-gros", "Le fichier dépasse la taille maximale acceptée par le serveur."],
  ],
  [ERRORS.INVALID_LENGTH, TAILLE_REQUISE],
  [
    ERRORS.INVALID_METADATA,
    [
      400,
      "metadonnees-invalides",
      "Les métadonnées de l'envoi (en-tête Upload-Metadata) sont mal formées : des paires « clé valeur-base64 » " +
        "séparées par des virgules, chaque clé une seule fois.",
    ],
  ],
  [ERRORS.UNKNOWN_ERROR, INTERNE],
  [ERRORS.FILE_WRITE_ERROR, INTERNE],
  [ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION, CONCATENATION],
  [ERRORS.UNSUPPORTED_CREATION_DEFER_LENGTH_EXTENSION, TAILLE_REQUISE],
]);

/** Repli par statut (une erreur inconnue qui porte un `status_code`). */
const PAR_STATUT: Record<number, Traduction> = {
  404: INTROUVABLE,
  409: PAR_ERREUR_TUS.get(ERRORS.INVALID_OFFSET)!,
  410: PAR_ERREUR_TUS.get(ERRORS.FILE_NO_LONGER_EXISTS)!,
  412: [
    412,
    "version-tus-non-prise-en-charge",
    "Version du protocole tus non prise en charge : envoyez l'en-tête Tus-Resumable: 1.0.0.",
  ],
  413: PAR_ERREUR_TUS.get(ERRORS.ERR_MAX_SIZE_EXCEEDED)!,
  415: PAR_ERREUR_TUS.get(ERRORS.INVALID_CONTENT_TYPE)!,
  423: VERROUILLE,
};

const REQUETE_INVALIDE = "La requête de téléversement est invalide (protocole tus 1.0).";

/**
 * Traduit une erreur venant de `@tus/server` (corps en anglais) en erreur JSON française à code stable,
 * au format de toute l'API (`corpsErreur`). Les erreurs déjà françaises sont rendues telles quelles ; une
 * erreur sans statut est une erreur du serveur (500, l'envoi reprendra).
 *
 * @example
 * traduireErreurTus(ERRORS.INVALID_OFFSET);
 * // → { status_code: 409, body: '{"erreur":{"code":"decalage-incorrect",…}}' }
 */
export function traduireErreurTus(erreur: unknown): { status_code: number; body: string } {
  const e = versErreurTeleversement(erreur);
  return { status_code: e.status_code, body: e.body };
}

/**
 * Comme `traduireErreurTus`, mais rend l'`ErreurTeleversement` (code et message lisibles).
 *
 * @example
 * versErreurTeleversement(ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION).code; // "concatenation-non-prise-en-charge"
 */
export function versErreurTeleversement(erreur: unknown): ErreurTeleversement {
  if (erreur instanceof ErreurTeleversement) return erreur;
  // PostgreSQL cut (restart, failover) under a tus hook — the count of pending uploads at creation, say:
  // 503 with Retry-After, like every other route, never a 500.
  if (estBaseIndisponible(erreur))
    return new ErreurTeleversement(
      503,
      "base-indisponible",
      "Le serveur Trousse ne peut pas joindre sa base de données pour le moment : l'envoi reprendra, réessayez dans quelques secondes.",
      { "Retry-After": "5" },
    );
  const connue = PAR_ERREUR_TUS.get(erreur);
  const statut =
    typeof erreur === "object" &&
    erreur !== null &&
    "status_code" in erreur &&
    typeof erreur.status_code === "number"
      ? erreur.status_code
      : 500;
  const [status, code, message] =
    connue ??
    PAR_STATUT[statut] ??
    (statut >= 400 && statut < 500 ? [statut, "requete-invalide", REQUETE_INVALIDE] : INTERNE);
  return new ErreurTeleversement(status, code, message);
}

/**
 * La réponse HTTP d'une erreur de téléversement : corps `corpsErreur`, `Content-Type` JSON, `Content-Length`
 * exact (octets UTF-8), `Tus-Resumable`. `entetes` sont gardés (sauf longueur et type, recalculés).
 *
 * @example
 * return reponseErreurTeleversement(erreurTeleversement(400, "taille-invalide", "…"));
 */
export function reponseErreurTeleversement(
  erreur: unknown,
  entetes?: Headers | Record<string, string>,
): Response {
  const e = versErreurTeleversement(erreur);
  const h = new Headers(e.entetes);
  for (const [k, v] of new Headers(entetes)) h.set(k, v);
  return reponseJsonTus(e.status_code, e.body, h);
}

/**
 * Une réponse tus au corps JSON déjà écrit, avec sa longueur exacte.
 *
 * @example
 * reponseJsonTus(404, JSON.stringify(corpsErreur("televersement-introuvable", "…")));
 */
export function reponseJsonTus(
  status: number,
  corps: string,
  entetes?: Headers | Record<string, string>,
): Response {
  const h = new Headers(entetes);
  h.set("Tus-Resumable", "1.0.0");
  h.set("Content-Type", "application/json; charset=utf-8");
  h.set("Content-Length", String(Buffer.byteLength(corps, "utf8")));
  return new Response(corps, { status, headers: h });
}
