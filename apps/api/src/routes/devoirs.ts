import { and, desc, eq, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import {
  consultations,
  devoirs,
  enfantsDe,
  fichiersDevoir,
  membres,
  rendus,
  type TrousseDb,
  type UtilisateurConnecte,
} from "@trousse/db";
import {
  chargerDevoir,
  estMembre,
  estUuid,
  exigerAuteur,
  groupeDe,
  relationAuDevoir,
  type LigneDevoir,
} from "../devoirs/acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "../devoirs/deps.js";
import { corpsAttendu } from "../devoirs/corps-attendu.js";
import { erreurApi, repondreErreurApi } from "../devoirs/erreur-api.js";
import {
  creationDevoirSchema,
  modificationDevoirSchema,
  validerContraintes,
  validerCorps,
  validerDates,
  lireJson,
} from "../devoirs/saisie-devoir.js";
import { statutEleve, vueDevoir, type VueFichierDevoir } from "../devoirs/vue-devoir.js";
import { idTusVersUuid } from "../rendus/rendre.js";
import { journaliser, servirFichier } from "../rendus/telechargement.js";

/** Corps de `POST /devoirs/:id/fichiers` (aussi le schéma du document OpenAPI). */
export const attacherSchema = z.object({
  nature: z.enum(["sujet", "corrige"], { error: "nature doit valoir « sujet » ou « corrige »." }),
  televersements: z
    .array(z.string(), { error: "televersements doit être une liste d'identifiants d'envoi." })
    .min(1, { error: "Indiquez au moins un fichier." })
    .max(20),
});

async function fichiersVisibles(db: TrousseDb, devoir: LigneDevoir, voirCorrige: boolean) {
  const lignes = await db
    .select()
    .from(fichiersDevoir)
    .where(eq(fichiersDevoir.devoirId, devoir.id))
    .orderBy(fichiersDevoir.ajouteLe);
  const vue = (f: typeof fichiersDevoir.$inferSelect): VueFichierDevoir => ({
    id: f.id,
    nom: f.nom,
    taille: f.taille,
    mime: f.mime,
    sha256: f.sha256,
    url: `/v1/devoirs/${devoir.id}/fichiers/${f.id}`,
  });
  return {
    sujets: lignes.filter((f) => f.nature === "sujet").map(vue),
    corriges: voirCorrige ? lignes.filter((f) => f.nature === "corrige").map(vue) : null,
  };
}

const corrigeVisible = (devoir: LigneDevoir, enseignant: boolean, maintenant: Date): boolean =>
  enseignant ||
  (devoir.publicationCorrige !== null && maintenant.getTime() >= devoir.publicationCorrige.getTime());

async function derniersRendus(
  db: TrousseDb,
  devoirIds: string[],
  eleveIds: string[],
): Promise<Map<string, { id: string; renduLe: Date; version: number }>> {
  const res = new Map<string, { id: string; renduLe: Date; version: number }>();
  if (devoirIds.length === 0 || eleveIds.length === 0) return res;
  const lignes = await db
    .select({
      id: rendus.id,
      devoirId: rendus.devoirId,
      eleveId: rendus.eleveId,
      renduLe: rendus.renduLe,
      version: rendus.version,
    })
    .from(rendus)
    .where(and(inArray(rendus.devoirId, devoirIds), inArray(rendus.eleveId, eleveIds)))
    .orderBy(desc(rendus.version));
  for (const l of lignes) {
    const cle = `${l.devoirId}:${l.eleveId}`;
    if (!res.has(cle)) res.set(cle, l);
  }
  return res;
}

async function devoirsDesGroupes(db: TrousseDb, utilisateurId: string): Promise<LigneDevoir[]> {
  const lignes = await db
    .select({ d: devoirs })
    .from(devoirs)
    .innerJoin(membres, eq(membres.groupeId, devoirs.groupeId))
    .where(eq(membres.utilisateurId, utilisateurId))
    .orderBy(devoirs.echeance);
  return lignes.map((l) => l.d);
}

function resume(devoir: LigneDevoir) {
  return {
    id: devoir.id,
    titre: devoir.titre,
    groupeId: devoir.groupeId,
    echeance: devoir.echeance.toISOString(),
    dateLimite: devoir.dateLimite?.toISOString() ?? null,
  };
}

/**
 * Les routes des devoirs (montées sous `/v1`) :
 * - `POST /devoirs` (enseignant, pour une de ses classes ou un de ses groupes), `GET /devoirs` (selon le rôle),
 *   `GET|PATCH|DELETE /devoirs/:id` ;
 * - `POST /devoirs/:id/fichiers` (sujet ou corrigé déjà téléversés par tus), `GET|DELETE /devoirs/:id/fichiers/:fichierId`.
 *
 * @example
 * app.route("/v1", routesDevoirs({ db, exigerSession, store, stockage }));
 */
export function routesDevoirs(deps: DepsDevoirs) {
  const { db } = deps;
  const maintenant = horloge(deps);
  const app = new Hono<EnvSession>();
  app.onError((e, c) => {
    const r = repondreErreurApi(e, c);
    if (r) return r;
    throw e;
  });
  app.use("/devoirs", deps.exigerSession);
  app.use("/devoirs/*", deps.exigerSession);

  return app
    .post("/devoirs", corpsAttendu(creationDevoirSchema), async (c) => {
      const u = c.get("session").utilisateur;
      if (u.role !== "enseignant")
        throw erreurApi(403, "reserve-aux-enseignants", "Seuls les enseignants peuvent donner un devoir.");
      const corps = validerCorps(creationDevoirSchema, await lireJson(c));
      if (!(await estMembre(db, corps.groupeId, u.id))) {
        throw erreurApi(
          403,
          "groupe-non-autorise",
          "Vous ne pouvez donner un devoir qu'à une de vos classes ou un de vos groupes.",
        );
      }
      const dates = validerDates(corps);
      const contraintes = validerContraintes(corps.contraintes);
      const [cree] = await db
        .insert(devoirs)
        .values({
          etablissementId: u.etablissementId,
          groupeId: corps.groupeId,
          enseignantId: u.id,
          titre: corps.titre,
          consignes: corps.consignes,
          ...dates,
          familles: contraintes.familles,
          tailleMaxOctets: contraintes.tailleMaxOctets,
          nombreMaxFichiers: contraintes.nombreMax,
          declarationHonneur: corps.declarationHonneur || null,
        })
        .returning();
      const devoir = cree!;
      return c.json(
        {
          devoir: vueDevoir(devoir, {
            groupe: await groupeDe(db, devoir.groupeId),
            sujets: [],
            corriges: [],
            maintenant: maintenant(),
          }),
        },
        201,
      );
    })

    .get("/devoirs", async (c) => {
      const u = c.get("session").utilisateur;
      const t = maintenant();
      if (u.role === "enseignant") {
        const liste = await db
          .select()
          .from(devoirs)
          .where(eq(devoirs.enseignantId, u.id))
          .orderBy(devoirs.echeance);
        return c.json({ devoirs: liste.map(resume) });
      }
      if (u.role === "eleve") {
        const liste = await devoirsDesGroupes(db, u.id);
        const derniers = await derniersRendus(
          db,
          liste.map((d) => d.id),
          [u.id],
        );
        return c.json({
          devoirs: liste.map((d) => {
            const r = derniers.get(`${d.id}:${u.id}`) ?? null;
            return { ...resume(d), ...statutEleve(d, r, t), renduLe: r?.renduLe.toISOString() ?? null };
          }),
        });
      }
      if (u.role === "parent") {
        const enfants = await enfantsDe(db, u.id);
        const resultat = [];
        for (const enfant of enfants) {
          const liste = await devoirsDesGroupes(db, enfant.id);
          const derniers = await derniersRendus(
            db,
            liste.map((d) => d.id),
            [enfant.id],
          );
          resultat.push({
            eleve: { id: enfant.id, nomAffiche: enfant.nomAffiche },
            devoirs: liste.map((d) => {
              const r = derniers.get(`${d.id}:${enfant.id}`) ?? null;
              return { ...resume(d), ...statutEleve(d, r, t), renduLe: r?.renduLe.toISOString() ?? null };
            }),
          });
        }
        return c.json({ enfants: resultat, lectureSeule: true });
      }
      return c.json({ devoirs: [] });
    })

    .get("/devoirs/:id", async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      const relation = await relationAuDevoir(db, devoir, u);
      const t = maintenant();
      const { sujets, corriges } = await fichiersVisibles(
        db,
        devoir,
        corrigeVisible(devoir, relation.type === "enseignant", t),
      );
      const base = vueDevoir(devoir, {
        groupe: await groupeDe(db, devoir.groupeId),
        sujets,
        corriges,
        maintenant: t,
      });
      if (relation.type === "eleve") {
        if (devoir.ouverture.getTime() <= t.getTime()) {
          await db
            .insert(consultations)
            .values({ devoirId: devoir.id, eleveId: u.id, vuLe: t })
            .onConflictDoNothing();
        }
        const r = (await derniersRendus(db, [devoir.id], [u.id])).get(`${devoir.id}:${u.id}`) ?? null;
        return c.json({ devoir: base, ...statutEleve(devoir, r, t) });
      }
      if (relation.type === "parent") {
        const derniers = await derniersRendus(
          db,
          [devoir.id],
          relation.enfants.map((e) => e.id),
        );
        return c.json({
          devoir: { ...base, consignes: base.consignes },
          enfants: relation.enfants.map((e) => {
            const r = derniers.get(`${devoir.id}:${e.id}`) ?? null;
            return {
              eleve: { id: e.id, nomAffiche: e.nomAffiche },
              ...statutEleve(devoir, r, t),
              renduLe: r?.renduLe.toISOString() ?? null,
            };
          }),
          lectureSeule: true,
        });
      }
      return c.json({ devoir: base });
    })

    .patch("/devoirs/:id", corpsAttendu(modificationDevoirSchema), async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      await exigerAuteur(db, devoir, u);
      const corps = validerCorps(modificationDevoirSchema, await lireJson(c));
      const dates = validerDates({
        ouverture: corps.ouverture ?? devoir.ouverture,
        echeance: corps.echeance ?? devoir.echeance,
        dateLimite: "dateLimite" in corps ? corps.dateLimite : devoir.dateLimite,
        publicationCorrige:
          "publicationCorrige" in corps ? corps.publicationCorrige : devoir.publicationCorrige,
      });
      const contraintes = corps.contraintes === undefined ? null : validerContraintes(corps.contraintes);
      const [modifie] = await db
        .update(devoirs)
        .set({
          ...(corps.titre !== undefined ? { titre: corps.titre } : {}),
          ...(corps.consignes !== undefined ? { consignes: corps.consignes } : {}),
          ...(corps.declarationHonneur !== undefined
            ? { declarationHonneur: corps.declarationHonneur || null }
            : {}),
          ...dates,
          ...(contraintes
            ? {
                familles: contraintes.familles,
                tailleMaxOctets: contraintes.tailleMaxOctets,
                nombreMaxFichiers: contraintes.nombreMax,
              }
            : {}),
          majLe: maintenant(),
        })
        .where(eq(devoirs.id, devoir.id))
        .returning();
      const t = maintenant();
      const { sujets, corriges } = await fichiersVisibles(db, modifie!, true);
      return c.json({
        devoir: vueDevoir(modifie!, {
          groupe: await groupeDe(db, devoir.groupeId),
          sujets,
          corriges,
          maintenant: t,
        }),
      });
    })

    .delete("/devoirs/:id", async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      await exigerAuteur(db, devoir, u);
      const [unRendu] = await db
        .select({ id: rendus.id })
        .from(rendus)
        .where(eq(rendus.devoirId, devoir.id))
        .limit(1);
      if (unRendu) {
        throw erreurApi(
          409,
          "devoir-avec-rendus",
          "Des élèves ont déjà rendu ce devoir : il ne peut pas être supprimé (leurs rendus seraient perdus). Il sera purgé à la fin de la période de conservation.",
        );
      }
      const fichiers = await db.select().from(fichiersDevoir).where(eq(fichiersDevoir.devoirId, devoir.id));
      await db.delete(devoirs).where(eq(devoirs.id, devoir.id));
      for (const f of fichiers) await deps.stockage.supprimer(f.chemin);
      return c.body(null, 204);
    })

    .post("/devoirs/:id/fichiers", corpsAttendu(attacherSchema), async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      await exigerAuteur(db, devoir, u);
      const corps = validerCorps(attacherSchema, await lireJson(c));
      const ajoutes = [];
      for (const id of corps.televersements) {
        const t = await deps.store.lireTermine(id);
        if (!t || t.proprietaireId !== u.id || t.devoirId !== devoir.id) {
          throw erreurApi(
            404,
            "televersement-introuvable",
            "Un des fichiers indiqués n'existe pas, n'est pas terminé ou a expiré.",
          );
        }
        const fichierId = idTusVersUuid(t.id);
        const chemin = await deps.stockage.conserver(
          t.chemin,
          corps.nature === "sujet" ? "sujets" : "corriges",
          devoir.id,
          fichierId,
        );
        const [ligne] = await db
          .insert(fichiersDevoir)
          .values({
            id: fichierId,
            devoirId: devoir.id,
            nature: corps.nature,
            nom: t.nom,
            taille: t.taille,
            sha256: t.sha256,
            mime: t.mime,
            chemin,
          })
          .onConflictDoNothing()
          .returning();
        await deps.store.remove(t.id).catch(() => undefined);
        if (ligne)
          ajoutes.push({
            id: ligne.id,
            nom: ligne.nom,
            taille: ligne.taille,
            mime: ligne.mime,
            sha256: ligne.sha256,
            nature: ligne.nature,
            url: `/v1/devoirs/${devoir.id}/fichiers/${ligne.id}`,
          });
      }
      return c.json({ fichiers: ajoutes }, 201);
    })

    .get("/devoirs/:id/fichiers/:fichierId", async (c) => {
      const u: UtilisateurConnecte = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      const relation = await relationAuDevoir(db, devoir, u);
      const fichierId = c.req.param("fichierId");
      const [f] = estUuid(fichierId)
        ? await db
            .select()
            .from(fichiersDevoir)
            .where(and(eq(fichiersDevoir.id, fichierId), eq(fichiersDevoir.devoirId, devoir.id)))
        : [];
      if (
        !f ||
        (f.nature === "corrige" && !corrigeVisible(devoir, relation.type === "enseignant", maintenant()))
      ) {
        throw erreurApi(
          404,
          "fichier-introuvable",
          "Ce fichier n'existe pas ou n'est pas encore disponible.",
        );
      }
      await journaliser(db, {
        utilisateurId: u.id,
        action: f.nature === "corrige" ? "telechargement-corrige" : "telechargement-sujet",
        devoirId: devoir.id,
        details: { fichierId: f.id, nom: f.nom },
      });
      return servirFichier(deps.stockage, f);
    })

    .delete("/devoirs/:id/fichiers/:fichierId", async (c) => {
      const u = c.get("session").utilisateur;
      const devoir = await chargerDevoir(db, c.req.param("id"));
      await exigerAuteur(db, devoir, u);
      const fichierId = c.req.param("fichierId");
      const [f] = estUuid(fichierId)
        ? await db
            .delete(fichiersDevoir)
            .where(and(eq(fichiersDevoir.id, fichierId), eq(fichiersDevoir.devoirId, devoir.id)))
            .returning()
        : [];
      if (!f) throw erreurApi(404, "fichier-introuvable", "Ce fichier n'existe pas.");
      await deps.stockage.supprimer(f.chemin);
      return c.body(null, 204);
    });
}
