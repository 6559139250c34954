import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { RouteConfig } from "@hono/zod-openapi";
import { erreurSchema } from "../erreurs/erreur-api.js";
import { nommerOperations } from "./nommer-operations.js";

type Reponses = RouteConfig["responses"];

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const binaire = z.string().openapi({ format: "binary" });
const securite = [{ jetonSession: [] }];

/** Une réponse d'erreur et les codes stables qu'elle peut porter. */
const erreur = (description: string, codes: string[]) => ({
  description: `${description} — codes : ${codes.map((c) => `\`${c}\``).join(", ")}`,
  content: json(erreurSchema),
});

/** Les erreurs communes à toute route `/v1` sous session : jeton, débit, corps trop gros (routes JSON). */
const communes = (avecCorpsJson = false): Reponses => ({
  401: erreur("Sans jeton de session valide", ["non-authentifie", "session-expiree", "session-revoquee"]),
  429: {
    ...erreur("Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After`", [
      "trop-de-requetes",
    ]),
    headers: z.object({ "Retry-After": z.string().openapi({ description: "Secondes à attendre" }) }),
  },
  ...(avecCorpsJson
    ? {
        413: erreur("Corps de requête trop volumineux (limite de l'API)", ["corps-trop-volumineux"]),
      }
    : {}),
});

const ENTETE_TUS = z.literal("1.0.0").openapi({ description: "Version du protocole tus" });

function documenterTeleversements(app: OpenAPIHono): void {
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
  const INTROUVABLE = erreur("Envoi inexistant, supprimé, ou d'un autre utilisateur", [
    "televersement-introuvable",
  ]);
  const EXPIRE = erreur("Envoi expiré (24 h sans être terminé) : recommencer", ["televersement-expire"]);
  const decouverte = {
    description: "Capacités tus (pré-vol CORS, sans session)",
    headers: z.object({
      "Tus-Resumable": ENTETE_TUS,
      "Tus-Version": z.string().openapi({ example: "1.0.0" }),
      "Tus-Extension": z
        .string()
        .openapi({ example: "creation,creation-with-upload,termination,expiration" }),
      "Tus-Max-Size": z.string().openapi({ description: "Plafond absolu en octets (2 Gio)" }),
    }),
  };
  r.registerPath({
    method: "options",
    path: "/v1/televersements",
    operationId: "capacitesTeleversements",
    tags: ["Téléversements"],
    summary: "Capacités du serveur tus",
    responses: { 204: decouverte },
  });
  r.registerPath({
    method: "options",
    path: "/v1/televersements/{id}",
    operationId: "capacitesTeleversement",
    tags: ["Téléversements"],
    summary: "Capacités du serveur tus (pré-vol d'un envoi)",
    request: { params: idEnvoi },
    responses: { 204: decouverte },
  });
  r.registerPath({
    method: "post",
    path: "/v1/televersements",
    operationId: "creerTeleversement",
    tags: ["Téléversements"],
    summary: "Créer un envoi reprenable (protocole tus 1.0, extension creation)",
    description:
      "Élève du groupe tant que le devoir accepte des rendus (`peutRendre`), ou enseignant auteur (sujets, " +
      "corrigés, fichiers de retour). Le nom et la taille annoncée sont vérifiés avant tout octet ; les premiers " +
      "octets sont examinés avant d'écrire la suite ; le sha256 est calculé en flux ; le fichier est synchronisé " +
      "(fsync) à la fin. Métadonnées (`Upload-Metadata`, paires `clé valeur-base64` séparées par des virgules) : " +
      "`filename` (ou `nom`) — nom du fichier en UTF-8, sans chemin — et `devoir` — identifiant du devoir. Un " +
      "envoi terminé mais jamais rendu est supprimé après 7 jours.",
    security: securite,
    request: {
      headers: z.object({
        "Tus-Resumable": ENTETE_TUS,
        "Upload-Length": z
          .string()
          .regex(/^\d+$/)
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
      400: erreur("Taille ou métadonnées manquantes ou invalides", [
        "taille-requise",
        "metadonnees-invalides",
        "devoir-requis",
        "nom-requis",
        "nom-invalide",
        "taille-invalide",
        "fichier-vide",
        "requete-invalide",
      ]),
      404: erreur("Devoir inexistant ou pas accessible", ["devoir-introuvable"]),
      409: erreur("Le devoir n'accepte pas de rendu maintenant", [
        "pas-encore-ouvert",
        "echeance-depassee",
        "date-limite-depassee",
      ]),
      412: erreur("Version de tus non prise en charge", ["version-tus-non-prise-en-charge"]),
      413: erreur("Taille annoncée au-delà de la limite du devoir", ["fichier-trop-gros"]),
      415: erreur("Nom de fichier d'un type refusé (exécutable, famille non autorisée)", [
        "fichier-executable",
        "type-non-autorise",
      ]),
      422: erreur("Nombre de fichiers du devoir atteint", ["trop-de-fichiers"]),
      ...communes(),
    },
  });
  r.registerPath({
    method: "head",
    path: "/v1/televersements/{id}",
    operationId: "reprendreTeleversement",
    tags: ["Téléversements"],
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
      404: INTROUVABLE,
      410: EXPIRE,
      ...communes(),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/televersements/{id}",
    operationId: "lireTeleversement",
    tags: ["Téléversements"],
    summary: "Refusé : un envoi ne se télécharge pas (utiliser le fichier du rendu)",
    security: securite,
    request: { params: idEnvoi },
    responses: { 405: erreur("Méthode non autorisée", ["methode-non-autorisee"]), ...communes() },
  });
  r.registerPath({
    method: "patch",
    path: "/v1/televersements/{id}",
    operationId: "envoyerSuiteTeleversement",
    tags: ["Téléversements"],
    summary: "Envoyer la suite du fichier à partir de `Upload-Offset`",
    security: securite,
    request: {
      params: idEnvoi,
      headers: z.object({
        "Tus-Resumable": ENTETE_TUS,
        "Upload-Offset": z
          .string()
          .regex(/^\d+$/)
          .openapi({ description: "Octets déjà reçus (réponse de HEAD)" }),
        "Content-Type": z.literal("application/offset+octet-stream"),
      }),
      body: { required: true, content: { "application/offset+octet-stream": { schema: binaire } } },
    },
    responses: {
      204: {
        description: "Octets reçus ; à la fin, le fichier est haché et synchronisé (fsync)",
        headers: z.object({ "Upload-Offset": z.string(), "Tus-Resumable": ENTETE_TUS }),
      },
      400: erreur("Requête tus invalide ou nom refusé", ["requete-invalide", "nom-invalide", "fichier-vide"]),
      404: INTROUVABLE,
      409: erreur("`Upload-Offset` ne correspond pas à ce que le serveur a reçu : refaire HEAD", [
        "decalage-incorrect",
      ]),
      410: EXPIRE,
      413: erreur("Plus d'octets que la taille annoncée ou autorisée", ["fichier-trop-gros"]),
      415: erreur("Premiers octets d'un type refusé, ou mauvais Content-Type", [
        "fichier-executable",
        "type-non-autorise",
        "type-inconnu",
        "type-contenu-invalide",
      ]),
      423: erreur("Un autre envoi de ce fichier est en cours", ["televersement-verrouille"]),
      460: erreur("Somme de contrôle différente", ["somme-controle-invalide"]),
      ...communes(),
    },
  });
  r.registerPath({
    method: "delete",
    path: "/v1/televersements/{id}",
    operationId: "annulerTeleversement",
    tags: ["Téléversements"],
    summary: "Annuler un envoi (extension termination)",
    security: securite,
    request: { params: idEnvoi, headers: z.object({ "Tus-Resumable": ENTETE_TUS }) },
    responses: { 204: { description: "Annulé" }, 404: INTROUVABLE, ...communes() },
  });
}

/** Les étiquettes des routes de « Rendre un devoir », pour `doc31({ tags })`. */
export const ETIQUETTES_RENDUS = [
  { name: "Devoirs", description: "Devoirs donnés par les enseignants à leurs classes et groupes" },
  { name: "Rendus", description: "Rendre un devoir, accusé de réception, mes versions" },
  { name: "Suivi", description: "Qui a vu, rendu, rendu en retard ; archive des rendus" },
  { name: "Rappels" },
  { name: "Retours", description: "Commentaire et fichier de l'enseignant sur un rendu" },
  { name: "Téléversements", description: "Envois reprenables, protocole tus 1.0" },
];

/**
 * Décrit dans le document OpenAPI les routes tus (montées brutes), puis donne un `operationId` stable à
 * toute opération qui n'en a pas.
 *
 * @example
 * documenterRendus(app);
 */
export function documenterRendus(app: OpenAPIHono): void {
  documenterTeleversements(app);
  nommerOperations(app);
}
