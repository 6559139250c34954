import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { and, desc, eq, isNull } from "drizzle-orm";
import { devoirs, rappels } from "@trousse/db";
import { formaterDateParis } from "@trousse/rules";
import { auteurSeulement, avecDevoir, estUuid, roleSeulement } from "../devoirs/acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "../devoirs/deps.js";
import { crochetValidation } from "../erreurs/crochet-validation.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { communes, CORPS_INVALIDE, erreur, json, SECURITE_SESSION } from "../openapi/reponses.js";
import { idDevoirParams } from "../openapi/schemas-communs.js";
import { suiviDevoir } from "../rendus/suivi.js";
import { mesRappelsSchema, rappelEnvoyeSchema, rappelSchema } from "./schemas.js";

/**
 * The reminders (mounted under `/v1`), each declared once with `createRoute`: `POST /devoirs/{id}/rappels`
 * (the teacher: a reminder recorded for each pupil who has not handed in yet), `GET /rappels` (a pupil: their
 * reminders, newest first), `POST /rappels/{id}/lu` (a pupil: mark one read).
 *
 * @example
 * app.route("/v1", routesRappels({ db, exigerSession, store, stockage }));
 */
export function routesRappels(deps: DepsDevoirs) {
  const { db } = deps;
  const maintenant = horloge(deps);
  const session = deps.exigerSession;
  const securite = SECURITE_SESSION;

  const envoyer = createRoute({
    method: "post",
    path: "/devoirs/{id}/rappels",
    operationId: "envoyerRappel",
    tags: ["Rappels"],
    summary:
      "Rappel enregistré pour chaque élève qui n'a pas rendu (auteur) ; message par défaut sans corps ; pas aux élèves dont le délai accordé court (`enDelai`)",
    security: securite,
    middleware: [session, avecDevoir(db), auteurSeulement] as const,
    request: {
      params: idDevoirParams,
      body: { required: false, content: json(rappelSchema) },
    },
    responses: {
      201: { description: "Rappels enregistrés", content: json(rappelEnvoyeSchema) },
      400: erreur("Corps illisible, ou message trop long", CORPS_INVALIDE),
      403: erreur("Réservé à l'enseignant qui a donné le devoir", ["reserve-a-l-enseignant"]),
      404: erreur("Devoir inexistant ou pas accessible", ["devoir-introuvable"]),
      ...communes(true),
    },
  });

  const lister = createRoute({
    method: "get",
    path: "/rappels",
    operationId: "listerMesRappels",
    tags: ["Rappels"],
    summary: "Mes rappels, les plus récents d'abord (élève ; 100 au plus)",
    security: securite,
    middleware: [
      session,
      roleSeulement("eleve", "reserve-aux-eleves", "Les rappels sont adressés aux élèves."),
    ] as const,
    responses: {
      200: { description: "Rappels", content: json(mesRappelsSchema) },
      403: erreur("Réservé aux élèves", ["reserve-aux-eleves"]),
      ...communes(),
    },
  });

  const marquerLu = createRoute({
    method: "post",
    path: "/rappels/{id}/lu",
    operationId: "marquerRappelLu",
    tags: ["Rappels"],
    summary: "Marquer un rappel comme lu (élève destinataire ; sans effet s'il l'est déjà)",
    security: securite,
    middleware: [session] as const,
    request: { params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) }) },
    responses: {
      204: { description: "Lu" },
      404: erreur("Rappel inexistant ou adressé à un autre élève", ["rappel-introuvable"]),
      ...communes(),
    },
  });

  const introuvable = () => new ErreurApi(404, "rappel-introuvable", "Ce rappel n'existe pas.");

  return new OpenAPIHono<EnvSession>({ defaultHook: crochetValidation })
    .openapi(envoyer, async (c) => {
      const u = c.get("session").utilisateur;
      const d = c.get("devoir");
      const { message } = c.req.valid("json");
      const t = maintenant();
      // Pas de rappel à un élève dont le délai accordé court encore : ses dates ne sont pas celles de la classe.
      const sansRendu = (await suiviDevoir(db, d, t)).filter((l) => l.rendu === null);
      const destinataires = sansRendu.filter((l) => !l.delaiEnCours);
      const enDelai = sansRendu.filter((l) => l.delaiEnCours).map((x) => x.eleve);
      const texte =
        message || `Rappel : le devoir « ${d.titre} » est à rendre pour le ${formaterDateParis(d.echeance)}.`;
      if (destinataires.length > 0) {
        await db.insert(rappels).values(
          destinataires.map((x) => ({
            devoirId: d.id,
            eleveId: x.eleve.id,
            enseignantId: u.id,
            message: texte,
            envoyeLe: t,
          })),
        );
      }
      return c.json(
        { envoyes: destinataires.length, eleves: destinataires.map((x) => x.eleve), enDelai, message: texte },
        201,
      );
    })

    .openapi(lister, async (c) => {
      const u = c.get("session").utilisateur;
      const lignes = await db
        .select({ r: rappels, titre: devoirs.titre })
        .from(rappels)
        .innerJoin(devoirs, eq(devoirs.id, rappels.devoirId))
        .where(eq(rappels.eleveId, u.id))
        .orderBy(desc(rappels.envoyeLe))
        .limit(100);
      return c.json(
        {
          rappels: lignes.map(({ r, titre }) => ({
            id: r.id,
            devoirId: r.devoirId,
            titreDevoir: titre,
            message: r.message,
            envoyeLe: r.envoyeLe.toISOString(),
            envoyeLeAffiche: formaterDateParis(r.envoyeLe),
            lu: r.luLe !== null,
          })),
          nonLus: lignes.filter((l) => l.r.luLe === null).length,
        },
        200,
      );
    })

    .openapi(marquerLu, async (c) => {
      const u = c.get("session").utilisateur;
      const { id } = c.req.valid("param");
      // A malformed id is simply a reminder that does not exist: 404, as for someone else's reminder.
      if (!estUuid(id)) throw introuvable();
      const maj = await db
        .update(rappels)
        .set({ luLe: maintenant() })
        .where(and(eq(rappels.id, id), eq(rappels.eleveId, u.id), isNull(rappels.luLe)))
        .returning({ id: rappels.id });
      if (maj.length === 0) {
        const existe = await db
          .select({ id: rappels.id })
          .from(rappels)
          .where(and(eq(rappels.id, id), eq(rappels.eleveId, u.id)));
        if (existe.length === 0) throw introuvable();
      }
      return c.body(null, 204);
    });
}
