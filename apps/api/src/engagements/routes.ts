import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { engagementSchema } from "@trousse/rules";
import { avecDevoir, DEVOIR_INTROUVABLE, eleveSeulement } from "../devoirs/acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "../devoirs/deps.js";
import { crochetValidation } from "../erreurs/crochet-validation.js";
import { communes, CORPS_INVALIDE, corpsJson, erreur, json, SECURITE_SESSION } from "../openapi/reponses.js";
import { idDevoirParams } from "../openapi/schemas-communs.js";
import { horodaterArrivee, type EnvArrivee } from "./arrivee.js";
import { engager } from "./engager.js";
import { accuseEngagementSchema } from "./schemas.js";

/**
 * The commitment route (mounted under `/v1`): `POST /devoirs/{id}/engager` (pupil of the group).
 *
 * @example
 * app.route("/v1", routesEngagements(deps));
 */
export function routesEngagements(deps: DepsDevoirs) {
  const maintenant = horloge(deps);
  const engagerRoute = createRoute({
    method: "post",
    path: "/devoirs/{id}/engager",
    operationId: "engagerRendu",
    tags: ["Rendus"],
    summary: "S'engager sur les fichiers d'un rendu (élève) : accusé provisoire, horodaté",
    description:
      "Quand l'élève appuie sur « Rendre », le widget envoie l'empreinte SHA-256 et la taille de chaque fichier " +
      "**avant** ses octets. Le serveur horodate cet engagement (une instruction) et répond un accusé " +
      "**provisoire** : ce n'est pas un rendu. Le rendu qui suit (`rendre`) prend l'heure de l'engagement si " +
      "ses fichiers ont les mêmes empreintes et arrivent dans le délai de grâce (`TROUSSE_ENGAGEMENT_GRACE_HEURES`, " +
      "24 h par défaut) ; d'autres octets sont refusés (`empreinte-differente`) et l'élève rend de nouveau à " +
      "l'heure courante. Un nouvel engagement remplace le précédent. Jamais refusé par le contrôle d'admission. " +
      "L'heure de l'engagement est celle où la requête entière (corps compris) est arrivée au serveur, avant " +
      "la vérification de la session et la lecture du devoir : un serveur chargé ne met pas un élève en retard.",
    security: SECURITE_SESSION,
    middleware: [
      // First: the commitment's time is when it arrived, not when the busy server got round to it.
      horodaterArrivee(maintenant),
      deps.exigerSession,
      avecDevoir(deps.db),
      eleveSeulement("Seuls les élèves de la classe ou du groupe peuvent rendre ce devoir."),
    ] as const,
    request: { params: idDevoirParams, ...corpsJson(engagementSchema) },
    responses: {
      201: {
        description: "Engagement enregistré : accusé provisoire",
        content: json(accuseEngagementSchema),
      },
      400: erreur("Corps invalide (empreinte, taille, nom)", [...CORPS_INVALIDE]),
      403: erreur("Pas élève de la classe ou du groupe", ["reserve-aux-eleves"]),
      404: DEVOIR_INTROUVABLE,
      409: erreur("Rendu impossible maintenant (dates de l'élève, délai accordé compris)", [
        "pas-encore-ouvert",
        "echeance-depassee",
        "date-limite-depassee",
      ]),
      422: erreur("Plus de fichiers, ou un fichier plus gros, que le devoir n'en accepte", [
        "trop-de-fichiers",
        "fichier-trop-gros",
      ]),
      ...communes(true),
    },
  });

  return new OpenAPIHono<EnvSession & EnvArrivee>({ defaultHook: crochetValidation }).openapi(
    engagerRoute,
    async (c) => {
      const engagement = await engager(
        {
          db: deps.db,
          maintenant,
          graceEngagementMs: deps.graceEngagementMs,
          arriveeLe: c.get("arriveeLe"),
          derogation: c.get("derogation"),
        },
        c.get("devoir"),
        c.get("session").utilisateur,
        c.req.valid("json"),
      );
      return c.json({ engagement }, 201);
    },
  );
}
