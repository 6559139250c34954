/**
 * Erreur d'un téléversement : statut HTTP, code stable et message en français.
 * Sa forme (`status_code`, `body`) est celle qu'attend `@tus/server` pour répondre.
 */
export class ErreurTeleversement extends Error {
  readonly status_code: number;
  readonly code: string;
  readonly body: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ErreurTeleversement";
    this.status_code = status;
    this.code = code;
    this.body = JSON.stringify({ erreur: { code, message } });
  }
}

/**
 * Construit une erreur de téléversement.
 *
 * @example
 * throw erreurTeleversement(413, "fichier-trop-gros", "Le fichier dépasse 10 Mo.");
 */
export function erreurTeleversement(status: number, code: string, message: string): ErreurTeleversement {
  return new ErreurTeleversement(status, code, message);
}

const TRADUCTIONS: Record<number, { code: string; message: string }> = {
  400: { code: "requete-invalide", message: "La requête de téléversement est invalide." },
  403: { code: "interdit", message: "Ce téléversement ne vous appartient pas." },
  404: { code: "televersement-introuvable", message: "Ce téléversement n'existe pas ou a été supprimé." },
  409: {
    code: "decalage-incorrect",
    message: "La position d'envoi ne correspond pas à ce que le serveur a reçu : reprenez l'envoi.",
  },
  410: {
    code: "televersement-expire",
    message: "Ce téléversement a expiré : recommencez l'envoi du fichier.",
  },
  412: { code: "version-tus-non-prise-en-charge", message: "Version du protocole tus non prise en charge." },
  413: { code: "fichier-trop-gros", message: "Le fichier dépasse la taille annoncée ou autorisée." },
  415: {
    code: "type-contenu-invalide",
    message: "Le type de contenu doit être application/offset+octet-stream.",
  },
  423: {
    code: "televersement-verrouille",
    message: "Un autre envoi de ce fichier est en cours : réessayez dans un instant.",
  },
  460: { code: "somme-controle-invalide", message: "La somme de contrôle ne correspond pas." },
  500: {
    code: "erreur-interne",
    message:
      "Le serveur n'a pas pu enregistrer le fichier : réessayez, l'envoi reprendra où il s'est arrêté.",
  },
};

/**
 * Traduit une erreur venant de `@tus/server` (corps en anglais) en erreur JSON française à code stable.
 * Les erreurs déjà françaises sont rendues telles quelles.
 *
 * @example
 * traduireErreurTus({ status_code: 404, body: "The file for this url was not found\n" });
 * // → { status_code: 404, body: '{"erreur":{"code":"televersement-introuvable",…}}' }
 */
export function traduireErreurTus(erreur: unknown): { status_code: number; body: string } {
  if (erreur instanceof ErreurTeleversement) return { status_code: erreur.status_code, body: erreur.body };
  const statut =
    typeof erreur === "object" &&
    erreur !== null &&
    "status_code" in erreur &&
    typeof erreur.status_code === "number"
      ? erreur.status_code
      : 500;
  const t = TRADUCTIONS[statut] ?? TRADUCTIONS[statut >= 500 ? 500 : 400]!;
  return { status_code: statut, body: JSON.stringify({ erreur: t }) };
}
