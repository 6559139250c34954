import { z, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { PLAFOND_TAILLE_OCTETS } from "@trousse/rules";
import { baseIndisponible, erreur, SECURITE_SESSION } from "../openapi/reponses.js";

type Reponse = RouteConfig["responses"][number];

/** L'étiquette des opérations tus, pour `doc31({ tags })`. */
export const ETIQUETTE_TELEVERSEMENTS = {
  name: "Téléversements",
  description: "Envois reprenables, protocole tus 1.0",
};

const ETIQUETTES = [ETIQUETTE_TELEVERSEMENTS.name];
const securite = SECURITE_SESSION;
const ENTETE_TUS = z.literal("1.0.0").openapi({ description: "Version du protocole tus" });

const SESSION = erreur("Sans jeton de session valide", [
  "non-authentifie",
  "session-expiree",
  "session-revoquee",
]);
const DEBIT = erreur(
  "Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After`",
  ["trop-de-requetes"],
  z.object({ "Retry-After": z.string().openapi({ description: "Secondes à attendre" }) }),
);
const VERSION = erreur(
  "Sans `Tus-Resumable: 1.0.0`",
  ["version-tus-requise", "version-tus-non-prise-en-charge"],
  z.object({ "Tus-Resumable": ENTETE_TUS }),
);
/** Refus communs à toute requête tus : en-têtes d'extensions non proposées, en-têtes tus mal formés. */
const EN_TETES = [
  "concatenation-non-prise-en-charge",
  "somme-controle-non-prise-en-charge",
  "surcharge-methode-non-prise-en-charge",
  "en-tete-invalide",
  "taille-invalide",
  "taille-requise",
  "decalage-invalide",
  "metadonnees-invalides",
];
const INTROUVABLE = erreur("Envoi inexistant, supprimé, ou d'un autre utilisateur", [
  "televersement-introuvable",
]);
const EXPIRE = erreur("Envoi expiré (24 h sans être terminé) : recommencer", ["televersement-expire"]);
const VERROUILLE = erreur("Un autre envoi de ce fichier est en cours", ["televersement-verrouille"]);
/** POST and PATCH: the database or store down, or the admission control shedding new uploads. */
const OCCUPE = {
  ...erreur(
    "Serveur saturé (contrôle d'admission : envois ou octets en cours, boucle d'événements en retard), ou base de données ou stockage injoignable : réessayer après `Retry-After` (avec gigue). Un devoir déjà horodaté (`engager`) garde son heure.",
    ["serveur-occupe", "base-indisponible", "stockage-indisponible"],
  ),
  headers: z.object({ "Retry-After": z.string().openapi({ description: "Secondes à attendre" }) }),
};
const PLAFOND = erreur("`Upload-Length` au-delà du plafond du serveur", ["fichier-trop-gros"]);

/** Les réponses communes à toute requête tus sous session. */
const communes = (): RouteConfig["responses"] => ({
  401: SESSION,
  412: VERSION,
  429: DEBIT,
  ...baseIndisponible(),
});

/**
 * Décrit dans le document OpenAPI les opérations tus de `/v1/televersements` (montées en Hono simple,
 * protocole tus) : découverte, création, reprise, suite, annulation, et le refus de GET. Les erreurs ont le
 * schéma `Erreur` de toute l'API et la liste de leurs codes stables.
 *
 * @example
 * documenterTeleversements(app);
 * app.doc31("/v1/openapi.json", { …, tags: [ETIQUETTE_TELEVERSEMENTS] });
 */
export function documenterTeleversements(app: OpenAPIHono): void {
  const r = app.openAPIRegistry;
  const idEnvoi = z.object({
    id: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .openapi({
        description: "Identifiant de l'envoi (fin de `Location`)",
        param: { name: "id", in: "path" },
      }),
  });
  const decouverte: Reponse = {
    description:
      "Capacités tus (découverte, sans session) ; avec `Origin`, aussi le pré-vol CORS de l'API (`Access-Control-*`)",
    headers: z.object({
      "Tus-Resumable": ENTETE_TUS,
      "Tus-Version": z.string().openapi({ example: "1.0.0" }),
      "Tus-Extension": z
        .string()
        .openapi({ example: "creation,creation-with-upload,termination,expiration" }),
      "Tus-Max-Size": z
        .string()
        .openapi({ description: "Plafond absolu en octets (2 Gio)", example: String(PLAFOND_TAILLE_OCTETS) }),
    }),
  };
  r.registerPath({
    method: "options",
    path: "/v1/televersements",
    operationId: "capacitesTeleversements",
    tags: ETIQUETTES,
    summary: "Capacités du serveur tus",
    responses: { 204: decouverte },
  });
  r.registerPath({
    method: "options",
    path: "/v1/televersements/{id}",
    operationId: "capacitesTeleversement",
    tags: ETIQUETTES,
    summary: "Capacités du serveur tus (pré-vol d'un envoi)",
    request: { params: idEnvoi },
    responses: { 204: decouverte },
  });
  r.registerPath({
    method: "post",
    path: "/v1/televersements",
    operationId: "creerTeleversement",
    tags: ETIQUETTES,
    summary: "Créer un envoi reprenable (protocole tus 1.0, extension creation)",
    description:
      "Élève du groupe tant que le devoir accepte des rendus (`peutRendre`), ou enseignant auteur (sujets, " +
      "corrigés, fichiers de retour). Le nom et la taille annoncée sont vérifiés avant tout octet ; les premiers " +
      "octets sont examinés avant d'écrire la suite ; le sha256 est calculé en flux ; le fichier est synchronisé " +
      "(fsync) à la fin. Métadonnées (`Upload-Metadata`, paires `clé valeur-base64` séparées par des virgules) : " +
      "`filename` (ou `nom`) — nom du fichier en UTF-8, sans chemin — et `devoir` — identifiant du devoir. Un " +
      "envoi terminé mais jamais rendu est supprimé après 7 jours. Extensions non proposées, refusées en 400 : " +
      "concatenation (`Upload-Concat`), creation-defer-length (`Upload-Defer-Length`), checksum " +
      "(`Upload-Checksum`), et `X-HTTP-Method-Override`.",
    security: securite,
    request: {
      headers: z.object({
        "Tus-Resumable": ENTETE_TUS,
        "Upload-Length": z
          .string()
          .regex(/^(0|[1-9]\d*)$/)
          .openapi({ description: "Taille du fichier en octets (obligatoire)", example: "50000" }),
        "Upload-Metadata": z.string().openapi({
          description:
            "`filename <base64>,devoir <base64>` (clés obligatoires ; `nom` accepté pour `filename`)",
          example:
            "filename bWEgcsOpZGFjdGlvbi5wZGY=,devoir MGE1ZjE3YzItNGQ1Yi00YjVmLWE2MzktNmUyOTk4MzJmMTBi",
        }),
      }),
    },
    responses: {
      201: {
        description: "Envoi créé : envoyer les octets par PATCH à `Location`",
        headers: z.object({
          Location: z.string().openapi({ example: "/v1/televersements/3f2a9c0d4b1e4f6a8c7d5e3b2a1f0e9d" }),
          "Tus-Resumable": ENTETE_TUS,
          "Upload-Expires": z.string().openapi({ description: "Expiration (date HTTP)" }),
        }),
      },
      400: erreur("Taille, métadonnées ou en-têtes tus manquants, invalides ou non proposés", [
        ...EN_TETES,
        "devoir-requis",
        "nom-requis",
        "nom-invalide",
        "fichier-vide",
      ]),
      404: erreur("Devoir inexistant ou pas accessible", ["devoir-introuvable"]),
      409: erreur("Le devoir n'accepte pas de rendu maintenant", [
        "pas-encore-ouvert",
        "echeance-depassee",
        "date-limite-depassee",
      ]),
      413: erreur("Taille annoncée au-delà de la limite du devoir ou du serveur", ["fichier-trop-gros"]),
      415: erreur("Nom de fichier d'un type refusé (exécutable, famille non autorisée)", [
        "fichier-executable",
        "type-non-autorise",
      ]),
      422: erreur(
        "Nombre de fichiers du devoir atteint, versions de l'élève épuisées pour ce devoir, ou espace de stockage de l'élève plein (comptés en base pour tous les processus)",
        ["trop-de-fichiers", "trop-de-versions", "quota-depasse"],
      ),
      ...communes(),
      503: OCCUPE,
    },
  });
  r.registerPath({
    method: "head",
    path: "/v1/televersements/{id}",
    operationId: "reprendreTeleversement",
    tags: ETIQUETTES,
    summary: "Où reprendre un envoi : `Upload-Offset` (octets déjà reçus)",
    security: securite,
    request: { params: idEnvoi, headers: z.object({ "Tus-Resumable": ENTETE_TUS }) },
    responses: {
      200: {
        description: "État de l'envoi",
        headers: z.object({
          "Upload-Offset": z.string(),
          "Upload-Length": z.string(),
          "Tus-Resumable": ENTETE_TUS,
          "Cache-Control": z.literal("no-store"),
        }),
      },
      400: erreur("En-têtes tus invalides ou non proposés", EN_TETES),
      404: INTROUVABLE,
      410: EXPIRE,
      413: PLAFOND,
      423: VERROUILLE,
      ...communes(),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/televersements/{id}",
    operationId: "lireTeleversement",
    tags: ETIQUETTES,
    summary: "Refusé : un envoi ne se télécharge pas (utiliser le fichier du rendu)",
    security: securite,
    request: { params: idEnvoi },
    responses: {
      405: erreur(
        "Méthode non permise (`Allow` : DELETE, HEAD, OPTIONS, PATCH)",
        ["methode-non-permise"],
        z.object({ Allow: z.string().openapi({ example: "DELETE, HEAD, OPTIONS, PATCH" }) }),
      ),
      401: SESSION,
      429: DEBIT,
    },
  });
  r.registerPath({
    method: "patch",
    path: "/v1/televersements/{id}",
    operationId: "envoyerSuiteTeleversement",
    tags: ETIQUETTES,
    summary: "Envoyer la suite du fichier à partir de `Upload-Offset`",
    security: securite,
    request: {
      params: idEnvoi,
      headers: z.object({
        "Tus-Resumable": ENTETE_TUS,
        "Upload-Offset": z
          .string()
          .regex(/^(0|[1-9]\d*)$/)
          .openapi({ description: "Octets déjà reçus (réponse de HEAD)" }),
        "Content-Type": z.literal("application/offset+octet-stream"),
      }),
      body: {
        required: true,
        content: { "application/offset+octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
      },
    },
    responses: {
      204: {
        description: "Octets reçus ; à la fin, le fichier est haché et synchronisé (fsync)",
        headers: z.object({ "Upload-Offset": z.string(), "Tus-Resumable": ENTETE_TUS }),
      },
      400: erreur("En-têtes tus invalides ou non proposés, nom refusé", [
        ...EN_TETES,
        "taille-deja-annoncee",
        "nom-invalide",
        "fichier-vide",
      ]),
      404: INTROUVABLE,
      409: erreur("`Upload-Offset` ne correspond pas à ce que le serveur a reçu : refaire HEAD", [
        "decalage-incorrect",
        "envoi-interrompu",
      ]),
      410: EXPIRE,
      413: erreur("Plus d'octets que la taille annoncée ou autorisée", ["fichier-trop-gros"]),
      415: erreur(
        "Premiers octets d'un type refusé, extension qui ne correspond pas au contenu, mauvais Content-Type, ou (au dernier PATCH, le document entier examiné) document actif — PDF avec JavaScript ou Launch, macros, programme intégré —, archive démesurée une fois décompressée (bombe zip) ou illisible ; l'envoi est alors supprimé",
        [
          "fichier-executable",
          "type-non-autorise",
          "type-inconnu",
          "extension-incoherente",
          "type-contenu-invalide",
          "document-actif",
          "document-demesure",
          "document-illisible",
        ],
      ),
      423: VERROUILLE,
      500: erreur("Écriture du fichier impossible : réessayer, l'envoi reprendra où il s'est arrêté", [
        "erreur-interne",
      ]),
      ...communes(),
      503: OCCUPE,
    },
  });
  r.registerPath({
    method: "delete",
    path: "/v1/televersements/{id}",
    operationId: "annulerTeleversement",
    tags: ETIQUETTES,
    summary: "Annuler un envoi (extension termination)",
    security: securite,
    request: { params: idEnvoi, headers: z.object({ "Tus-Resumable": ENTETE_TUS }) },
    responses: {
      204: { description: "Annulé" },
      400: erreur("En-têtes tus invalides ou non proposés", EN_TETES),
      404: INTROUVABLE,
      409: erreur("Envoi déjà terminé : il ne s'annule plus", ["televersement-termine"]),
      413: PLAFOND,
      423: VERROUILLE,
      ...communes(),
    },
  });
}
