import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { RouteConfig } from "@hono/zod-openapi";
import { contraintesFichiersSchema } from "@trousse/rules";
import { creationDevoirSchema, modificationDevoirSchema } from "../devoirs/saisie-devoir.js";
import { erreurSchema } from "../erreurs.js";
import { attacherSchema } from "../routes/devoirs.js";
import { rappelSchema } from "../routes/rappels.js";
import { rendreSchema, retourSchema } from "../routes/rendus.js";
import {
  accuseReceptionSchema,
  devoirReponseSchema,
  fichiersJointsSchema,
  groupesSchema,
  lectureDevoirSchema,
  listeDevoirsSchema,
  mesRappelsSchema,
  monRenduSchema,
  rappelEnvoyeSchema,
  retourVueSchema,
  suiviSchema,
} from "./schemas-rendus.js";
import { documenterTeleversements, ETIQUETTE_TELEVERSEMENTS } from "../televersements/documentation.js";
import { nommerOperations } from "./nommer-operations.js";

type Reponses = RouteConfig["responses"];

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const corps = (schema: z.ZodType, description?: string) => ({
  body: { required: true, ...(description ? { description } : {}), content: json(schema) },
});
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

const JSON_INVALIDE = ["json-invalide", "requete-invalide"];
const DEVOIR_INTROUVABLE = erreur(
  "Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée)",
  ["devoir-introuvable"],
);
const RESERVE_AUTEUR = erreur("Réservé à l'enseignant qui a donné le devoir", ["reserve-a-l-enseignant"]);

const idDevoir = z.object({
  id: z.guid().openapi({ description: "Identifiant du devoir", param: { name: "id", in: "path" } }),
});
const idRendu = z.object({
  id: z
    .guid()
    .openapi({ description: "Identifiant d'une version de rendu", param: { name: "id", in: "path" } }),
});
const fichierId = z.guid().openapi({ param: { name: "fichierId", in: "path" } });

/** Un fichier servi en pièce jointe (`nosniff`, `Content-Disposition`, journal d'audit). */
const pieceJointe = (description: string): Reponses[number] => ({
  description: `${description} (pièce jointe, \`X-Content-Type-Options: nosniff\`, inscrit au journal d'audit)`,
  headers: z.object({
    "Content-Disposition": z.string().openapi({ example: "attachment; filename*=UTF-8''copie.pdf" }),
    "X-Content-Type-Options": z.literal("nosniff"),
  }),
  content: { "application/octet-stream": { schema: binaire } },
});

const dateSaisie = z.string().openapi({
  description:
    "Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).",
  example: "2026-03-31T23:59",
});
const ERREURS_DATES = [
  "date-manquante",
  "dates-manquantes",
  "date-invalide",
  "echeance-avant-ouverture",
  "date-limite-avant-echeance",
  "corrige-avant-echeance",
  "corrige-avant-date-limite",
];

// Les champs de date et de contraintes sont validés après le schéma de la route (règles) : leur forme
// documentée est celle qu'acceptent les règles — le schéma des contraintes est celui des règles.
const champsValidesParLesRegles = {
  ouverture: dateSaisie,
  echeance: dateSaisie,
  dateLimite: dateSaisie.nullable().optional(),
  publicationCorrige: dateSaisie.nullable().optional(),
  contraintes: contraintesFichiersSchema.optional(),
};
const creationDocSchema = creationDevoirSchema.extend(champsValidesParLesRegles).openapi("CreationDevoir");
const modificationDocSchema = modificationDevoirSchema
  .extend({
    ...champsValidesParLesRegles,
    ouverture: dateSaisie.optional(),
    echeance: dateSaisie.optional(),
  })
  .openapi("ModificationDevoir");

const FICHIER_EN_TUS = [
  "fichier-executable",
  "type-non-autorise",
  "type-inconnu",
  "fichier-vide",
  "fichier-trop-gros",
  "nom-invalide",
];

function documenterDevoirs(app: OpenAPIHono): void {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: "get",
    path: "/v1/groupes",
    operationId: "listerMesGroupes",
    tags: ["Devoirs"],
    summary: "Mes classes et groupes (l'enseignant y choisit le `groupeId` d'un devoir)",
    security: securite,
    responses: { 200: { description: "Classes et groupes", content: json(groupesSchema) }, ...communes() },
  });
  r.registerPath({
    method: "post",
    path: "/v1/devoirs",
    operationId: "creerDevoir",
    tags: ["Devoirs"],
    summary: "Donner un devoir à une de ses classes ou un de ses groupes (enseignant)",
    security: securite,
    request: corps(creationDocSchema),
    responses: {
      201: { description: "Devoir créé", content: json(devoirReponseSchema) },
      400: erreur("Corps ou dates invalides", [...JSON_INVALIDE, "contraintes-invalides", ...ERREURS_DATES]),
      403: erreur("Pas enseignant, ou groupe dont l'enseignant n'est pas membre", [
        "reserve-aux-enseignants",
        "groupe-non-autorise",
      ]),
      ...communes(true),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/devoirs",
    operationId: "listerDevoirs",
    tags: ["Devoirs"],
    summary:
      "Les devoirs : de l'enseignant ; des groupes de l'élève (statut et libellé) ; des enfants du parent (lecture seule)",
    security: securite,
    responses: { 200: { description: "Selon le rôle", content: json(listeDevoirsSchema) }, ...communes() },
  });
  r.registerPath({
    method: "get",
    path: "/v1/devoirs/{id}",
    operationId: "lireDevoir",
    tags: ["Devoirs"],
    summary:
      "Un devoir (dates ISO et en heure de Paris, compte à rebours, contraintes, sujets, corrigé une fois publié) ; note « vu le … » pour l'élève",
    security: securite,
    request: { params: idDevoir },
    responses: {
      200: { description: "Selon la relation au devoir", content: json(lectureDevoirSchema) },
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });
  r.registerPath({
    method: "patch",
    path: "/v1/devoirs/{id}",
    operationId: "modifierDevoir",
    tags: ["Devoirs"],
    summary: "Modifier un devoir (auteur) ; chaque champ est facultatif",
    security: securite,
    request: { params: idDevoir, ...corps(modificationDocSchema) },
    responses: {
      200: { description: "Devoir modifié", content: json(devoirReponseSchema) },
      400: erreur("Corps ou dates invalides", [...JSON_INVALIDE, "contraintes-invalides", ...ERREURS_DATES]),
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(true),
    },
  });
  r.registerPath({
    method: "delete",
    path: "/v1/devoirs/{id}",
    operationId: "supprimerDevoir",
    tags: ["Devoirs"],
    summary: "Supprimer un devoir sans rendu (auteur)",
    security: securite,
    request: { params: idDevoir },
    responses: {
      204: { description: "Supprimé (avec ses sujets et corrigés)" },
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      409: erreur("Des élèves ont déjà rendu : rien n'est supprimé", ["devoir-avec-rendus"]),
      ...communes(),
    },
  });
  r.registerPath({
    method: "post",
    path: "/v1/devoirs/{id}/fichiers",
    operationId: "joindreFichiersDevoir",
    tags: ["Devoirs"],
    summary: "Joindre au devoir des sujets ou un corrigé déjà envoyés par tus (auteur)",
    security: securite,
    request: { params: idDevoir, ...corps(attacherSchema.openapi("JointureFichiers")) },
    responses: {
      201: { description: "Fichiers joints", content: json(fichiersJointsSchema) },
      400: erreur("Corps invalide", JSON_INVALIDE),
      403: RESERVE_AUTEUR,
      404: erreur("Devoir introuvable, ou envoi inexistant, inachevé ou expiré", [
        "devoir-introuvable",
        "televersement-introuvable",
      ]),
      ...communes(true),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/devoirs/{id}/fichiers/{fichierId}",
    operationId: "telechargerFichierDevoir",
    tags: ["Devoirs"],
    summary: "Télécharger un sujet ou un corrigé (le corrigé : à sa date de publication pour les élèves)",
    security: securite,
    request: { params: idDevoir.extend({ fichierId }) },
    responses: {
      200: pieceJointe("Le fichier"),
      404: erreur("Devoir ou fichier introuvable, ou corrigé pas encore publié", [
        "devoir-introuvable",
        "fichier-introuvable",
      ]),
      ...communes(),
    },
  });
  r.registerPath({
    method: "delete",
    path: "/v1/devoirs/{id}/fichiers/{fichierId}",
    operationId: "retirerFichierDevoir",
    tags: ["Devoirs"],
    summary: "Retirer un sujet ou un corrigé (auteur)",
    security: securite,
    request: { params: idDevoir.extend({ fichierId }) },
    responses: {
      204: { description: "Retiré" },
      403: RESERVE_AUTEUR,
      404: erreur("Devoir ou fichier introuvable", ["devoir-introuvable", "fichier-introuvable"]),
      ...communes(),
    },
  });
}

function documenterRendre(app: OpenAPIHono): void {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: "post",
    path: "/v1/devoirs/{id}/rendre",
    operationId: "rendreDevoir",
    tags: ["Rendus"],
    summary: "Rendre un devoir (élève du groupe) : accusé de réception",
    description:
      "Les fichiers envoyés par tus (`televersements`) sont revérifiés par les règles, conservés durablement " +
      "(lien puis fsync du dossier), puis la nouvelle version est enregistrée en une transaction.\n\n" +
      "**Sans risque à rejouer** : si l'accusé de réception s'est perdu (réseau coupé, double appui), renvoyer " +
      "la même demande — les mêmes identifiants d'envoi — redonne l'accusé du rendu déjà enregistré, en **200** " +
      "avec l'en-tête `Idempotent-Replayed: true`, au lieu d'une erreur ; rien n'est enregistré deux fois. Le " +
      "rejeu reste valable après l'échéance ou la date limite : le rendu a été fait à son heure.",
    security: securite,
    request: { params: idDevoir, ...corps(rendreSchema.openapi("DemandeRendu")) },
    responses: {
      201: { description: "Rendu enregistré : accusé de réception", content: json(accuseReceptionSchema) },
      200: {
        description: "Même demande déjà rendue : le même accusé de réception (rejeu)",
        headers: z.object({ "Idempotent-Replayed": z.literal("true") }),
        content: json(accuseReceptionSchema),
      },
      400: erreur("Corps invalide ou liste de fichiers vide ou en double", [
        ...JSON_INVALIDE,
        "aucun-fichier",
        "fichier-en-double",
      ]),
      403: erreur("Pas élève de la classe ou du groupe", ["reserve-aux-eleves"]),
      404: erreur("Devoir introuvable, ou envoi inexistant ou expiré (à renvoyer)", [
        "devoir-introuvable",
        "televersement-introuvable",
      ]),
      409: erreur("Rendu impossible maintenant, envoi pas terminé, ou autre rendu simultané", [
        "pas-encore-ouvert",
        "echeance-depassee",
        "date-limite-depassee",
        "televersement-inacheve",
        "rendu-concurrent",
      ]),
      422: erreur("Fichiers refusés par les règles du devoir, ou déclaration sur l'honneur non cochée", [
        ...FICHIER_EN_TUS,
        "trop-de-fichiers",
        "lot-trop-gros",
        "declaration-requise",
      ]),
      ...communes(true),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/devoirs/{id}/mon-rendu",
    operationId: "lireMonRendu",
    tags: ["Rendus"],
    summary:
      "Mes versions (celle qui compte en premier), leurs fichiers, et le retour une fois rendu (élève)",
    security: securite,
    request: { params: idDevoir },
    responses: {
      200: { description: "Mes versions", content: json(monRenduSchema) },
      403: erreur("Réservé à l'élève", ["reserve-aux-eleves"]),
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/rendus/{id}/fichiers/{fichierId}",
    operationId: "telechargerFichierRendu",
    tags: ["Rendus"],
    summary: "Télécharger un fichier rendu (élève auteur, enseignant du devoir)",
    security: securite,
    request: { params: idRendu.extend({ fichierId }) },
    responses: {
      200: pieceJointe("Le fichier rendu"),
      404: erreur("Rendu inaccessible ou fichier introuvable", ["rendu-introuvable", "fichier-introuvable"]),
      ...communes(),
    },
  });
}

function documenterSuiviRetoursRappels(app: OpenAPIHono): void {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: "get",
    path: "/v1/devoirs/{id}/suivi",
    operationId: "suivreDevoir",
    tags: ["Suivi"],
    summary:
      "Chaque élève du groupe : statut de suivi et libellé, « vu le … », version qui compte, fichiers avec sha256 (auteur)",
    security: securite,
    request: { params: idDevoir },
    responses: {
      200: { description: "Tableau de suivi", content: json(suiviSchema) },
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/devoirs/{id}/rendus.zip",
    operationId: "telechargerArchiveRendus",
    tags: ["Suivi"],
    summary: "Archive ZIP en flux : `manifeste.csv` (sha256) et un dossier par élève (auteur)",
    security: securite,
    request: { params: idDevoir },
    responses: {
      200: {
        description: "Archive ZIP (inscrite au journal d'audit)",
        headers: z.object({ "Content-Disposition": z.string() }),
        content: { "application/zip": { schema: binaire } },
      },
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });
  r.registerPath({
    method: "post",
    path: "/v1/rendus/{id}/retour",
    operationId: "rendreRetour",
    tags: ["Retours"],
    summary:
      "Rendre (ou remplacer) un retour : commentaire et fichier facultatif envoyé par tus (enseignant)",
    security: securite,
    request: { params: idRendu, ...corps(retourSchema.openapi("DemandeRetour")) },
    responses: {
      201: { description: "Retour enregistré", content: json(z.object({ retour: retourVueSchema })) },
      400: erreur("Corps invalide, ou ni commentaire ni fichier", [...JSON_INVALIDE, "retour-vide"]),
      403: erreur("Réservé à l'enseignant du devoir", ["reserve-a-l-enseignant"]),
      404: erreur("Rendu inaccessible, ou envoi inexistant ou expiré", [
        "rendu-introuvable",
        "televersement-introuvable",
      ]),
      ...communes(true),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/rendus/{id}/retour",
    operationId: "lireRetour",
    tags: ["Retours"],
    summary: "Le retour d'une version de rendu (élève auteur, enseignant)",
    security: securite,
    request: { params: idRendu },
    responses: {
      200: { description: "Le retour", content: json(z.object({ retour: retourVueSchema })) },
      404: erreur("Rendu inaccessible, ou pas encore de retour", ["rendu-introuvable", "retour-introuvable"]),
      ...communes(),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/rendus/{id}/retour/fichier",
    operationId: "telechargerFichierRetour",
    tags: ["Retours"],
    summary: "Le fichier joint au retour",
    security: securite,
    request: { params: idRendu },
    responses: {
      200: pieceJointe("Le fichier du retour"),
      404: erreur("Rendu inaccessible, ou retour sans fichier", ["rendu-introuvable", "fichier-introuvable"]),
      ...communes(),
    },
  });
  r.registerPath({
    method: "post",
    path: "/v1/devoirs/{id}/rappels",
    operationId: "envoyerRappel",
    tags: ["Rappels"],
    summary: "Rappel enregistré pour chaque élève qui n'a pas rendu (auteur) ; message par défaut sans corps",
    security: securite,
    request: {
      params: idDevoir,
      body: { required: false, content: json(rappelSchema.openapi("DemandeRappel")) },
    },
    responses: {
      201: { description: "Rappels enregistrés", content: json(rappelEnvoyeSchema) },
      400: erreur("Message trop long", ["requete-invalide"]),
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(true),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/rappels",
    operationId: "listerMesRappels",
    tags: ["Rappels"],
    summary: "Mes rappels, les plus récents d'abord (élève ; 100 au plus)",
    security: securite,
    responses: {
      200: { description: "Rappels", content: json(mesRappelsSchema) },
      403: erreur("Réservé aux élèves", ["reserve-aux-eleves"]),
      ...communes(),
    },
  });
  r.registerPath({
    method: "post",
    path: "/v1/rappels/{id}/lu",
    operationId: "marquerRappelLu",
    tags: ["Rappels"],
    summary: "Marquer un rappel comme lu (élève destinataire ; sans effet s'il l'est déjà)",
    security: securite,
    request: { params: z.object({ id: z.guid().openapi({ param: { name: "id", in: "path" } }) }) },
    responses: {
      204: { description: "Lu" },
      404: erreur("Rappel inexistant ou adressé à un autre élève", ["rappel-introuvable"]),
      ...communes(),
    },
  });
}

/** Les étiquettes des routes de « Rendre un devoir », pour `doc31({ tags })`. */
export const ETIQUETTES_RENDUS = [
  { name: "Devoirs", description: "Devoirs donnés par les enseignants à leurs classes et groupes" },
  { name: "Rendus", description: "Rendre un devoir, accusé de réception, mes versions" },
  { name: "Suivi", description: "Qui a vu, rendu, rendu en retard ; archive des rendus" },
  { name: "Rappels" },
  { name: "Retours", description: "Commentaire et fichier de l'enseignant sur un rendu" },
  ETIQUETTE_TELEVERSEMENTS,
];

/**
 * Décrit dans le document OpenAPI les routes de « Rendre un devoir » (montées en Hono simple, validées par
 * leurs propres schémas zod, réutilisés ici) : devoirs, rendus, suivi, retours, rappels, et `GET /v1/groupes` ;
 * les téléversements tus sont décrits par leur dossier (`documenterTeleversements`). Puis donne un
 * `operationId` stable à toute opération qui n'en a pas.
 *
 * @example
 * documenterAuth(app);
 * documenterRendus(app);
 * app.doc31("/v1/openapi.json", { … });
 */
export function documenterRendus(app: OpenAPIHono): void {
  documenterDevoirs(app);
  documenterRendre(app);
  documenterSuiviRetoursRappels(app);
  documenterTeleversements(app);
  nommerOperations(app);
}
