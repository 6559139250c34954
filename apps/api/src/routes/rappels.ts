import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { devoirs, rappels } from "@trousse/db";
import { formaterDateParis } from "@trousse/rules";
import { chargerDevoir, estUuid, exigerAuteur } from "../devoirs/acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "../devoirs/deps.js";
import { corpsAttendu } from "../devoirs/corps-attendu.js";
import { erreurApi, repondreErreurApi } from "../devoirs/erreur-api.js";
import { validerCorps } from "../devoirs/saisie-devoir.js";
import { suiviDevoir } from "../rendus/suivi.js";

/** Corps de `POST /devoirs/:id/rappels` (aussi le schéma du document OpenAPI). */
export const rappelSchema = z.object({
  message: z.string().trim().max(2000, { error: "Le message dépasse 2 000 caractères." }).optional(),
});

/**
 * Les rappels (montés sous `/v1`) : `POST /devoirs/:id/rappels` (enseignant : à chaque élève qui n'a pas
 * encore rendu, rappel enregistré), `GET /rappels` (élève : ses rappels, les plus récents d'abord),
 * `POST /rappels/:id/lu` (élève : marquer lu).
 *
 * @example
 * app.route("/v1", routesRappels({ db, exigerSession, store, stockage }));
 */
export function routesRappels(deps: DepsDevoirs) {
  const { db } = deps;
  const maintenant = horloge(deps);
  const app = new Hono<EnvSession>();
  app.onError((e, c) => {
    const r = repondreErreurApi(e, c);
    if (r) return r;
    throw e;
  });
  app.use("/devoirs/*", deps.exigerSession);
  app.use("/rappels", deps.exigerSession);
  app.use("/rappels/*", deps.exigerSession);

  return app
    .post("/devoirs/:id/rappels", corpsAttendu(rappelSchema), async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      await exigerAuteur(db, devoir, u);
      let corps: unknown = {};
      try {
        corps = await c.req.json();
      } catch {
        corps = {};
      }
      const { message } = validerCorps(rappelSchema, corps);
      const t = maintenant();
      const destinataires = (await suiviDevoir(db, devoir, t)).filter((l) => l.rendu === null);
      const texte =
        message ||
        `Rappel : le devoir « ${devoir.titre} » est à rendre pour le ${formaterDateParis(devoir.echeance)}.`;
      if (destinataires.length > 0) {
        await db.insert(rappels).values(
          destinataires.map((d) => ({
            devoirId: devoir.id,
            eleveId: d.eleve.id,
            enseignantId: u.id,
            message: texte,
            envoyeLe: t,
          })),
        );
      }
      return c.json(
        { envoyes: destinataires.length, eleves: destinataires.map((d) => d.eleve), message: texte },
        201,
      );
    })

    .get("/rappels", async (c) => {
      const u = c.get("session").utilisateur;
      if (u.role !== "eleve")
        throw erreurApi(403, "reserve-aux-eleves", "Les rappels sont adressés aux élèves.");
      const lignes = await db
        .select({ r: rappels, titre: devoirs.titre })
        .from(rappels)
        .innerJoin(devoirs, eq(devoirs.id, rappels.devoirId))
        .where(eq(rappels.eleveId, u.id))
        .orderBy(desc(rappels.envoyeLe))
        .limit(100);
      return c.json({
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
      });
    })

    .post("/rappels/:id/lu", async (c) => {
      const u = c.get("session").utilisateur;
      const id = c.req.param("id");
      const ok = estUuid(id);
      const maj = ok
        ? await db
            .update(rappels)
            .set({ luLe: maintenant() })
            .where(and(eq(rappels.id, id), eq(rappels.eleveId, u.id), isNull(rappels.luLe)))
            .returning({ id: rappels.id })
        : [];
      if (maj.length === 0) {
        const existe = ok
          ? await db
              .select({ id: rappels.id })
              .from(rappels)
              .where(and(inArray(rappels.id, [id]), eq(rappels.eleveId, u.id)))
          : [];
        if (existe.length === 0) throw erreurApi(404, "rappel-introuvable", "Ce rappel n'existe pas.");
      }
      return c.body(null, 204);
    });
}
