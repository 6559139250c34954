import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { and, desc, eq, inArray } from "drizzle-orm";
import {
  consultations,
  devoirs,
  enfantsDe,
  fichiersDevoir,
  groupesDe,
  membres,
  rendus,
  type TrousseDb,
} from "@trousse/db";
import { contraintesFichiersSchema, corrigeVisible } from "@trousse/rules";
import { ErreurApi } from "../erreurs/erreur-api.js";
import {
  communes,
  CORPS_INVALIDE,
  corpsJson,
  erreur,
  json,
  pieceJointe,
  SECURITE_SESSION,
} from "../openapi/reponses.js";
import { fichierIdParam, idDevoirParams } from "../openapi/schemas-communs.js";
import { journaliser, servirFichier } from "../stockage/telechargement.js";
import { idTusVersUuid } from "../televersements/identifiant.js";
import {
  auteurSeulement,
  avecDevoir,
  DEVOIR_INTROUVABLE,
  RESERVE_AUTEUR,
  estMembre,
  groupeDe,
  roleSeulement,
  type LigneDevoir,
  type Relation,
} from "./acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "./deps.js";
import { crochetDevoir, validerDates } from "./saisie-devoir.js";
import {
  attacherSchema,
  creationDevoirSchema,
  devoirReponseSchema,
  fichiersJointsSchema,
  groupesSchema,
  lectureDevoirSchema,
  listeDevoirsSchema,
  modificationDevoirSchema,
} from "./schemas.js";
import { statutEleve, vueDevoir, type VueFichierDevoir } from "./vue-devoir.js";
import {
  datesDuDelai,
  derogationsDe,
  vueDelaiAccorde,
  type LigneDerogation,
} from "../derogations/derogations.js";

const ERREURS_DATES = [
  "date-invalide",
  "echeance-avant-ouverture",
  "date-limite-avant-echeance",
  "corrige-avant-echeance",
  "corrige-avant-date-limite",
];

type DernierRendu = { id: string; renduLe: Date; version: number; delaiEcheance: Date | null };

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

async function derniersRendus(
  db: TrousseDb,
  devoirIds: string[],
  eleveIds: string[],
): Promise<Map<string, DernierRendu>> {
  const res = new Map<string, DernierRendu>();
  if (devoirIds.length === 0 || eleveIds.length === 0) return res;
  const lignes = await db
    .select({
      id: rendus.id,
      devoirId: rendus.devoirId,
      eleveId: rendus.eleveId,
      renduLe: rendus.renduLe,
      version: rendus.version,
      delaiEcheance: rendus.delaiEcheance,
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

/**
 * Is the corrigé visible to this user? The author always; a pupil not before the end of their own extension;
 * a parent only once it is visible to each of their children in the group (they could pass it on).
 */
function corrigeVisiblePour(
  d: LigneDevoir,
  relation: Relation,
  delais: Map<string, LigneDerogation>,
  maintenant: Date,
): boolean {
  if (relation.type === "enseignant") return true;
  const eleves = relation.type === "parent" ? relation.enfants.map((e) => e.id) : [null];
  return eleves.every((id) =>
    corrigeVisible({
      devoir: d,
      enseignant: false,
      derogation: datesDuDelai(id === null ? [...delais.values()][0] : delais.get(id)),
      maintenant,
    }),
  );
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
 * The assignment routes (mounted under `/v1`), each declared once with `createRoute`:
 * - `GET /groupes` (the classes and groups a teacher picks from);
 * - `POST /devoirs` (a teacher, for one of their classes or groups), `GET /devoirs` (by role),
 *   `GET|PATCH|DELETE /devoirs/{id}`;
 * - `POST /devoirs/{id}/fichiers` (subjects or corrigé already uploaded by tus),
 *   `GET|DELETE /devoirs/{id}/fichiers/{fichierId}`.
 * Access checks are route middleware: they run before the body is validated.
 *
 * @example
 * app.route("/v1", routesDevoirs({ db, exigerSession, store, stockage }));
 */
export function routesDevoirs(deps: DepsDevoirs) {
  const { db } = deps;
  const maintenant = horloge(deps);
  const session = deps.exigerSession;
  const devoir = avecDevoir(db);
  const etiquettes = ["Devoirs"];
  const securite = SECURITE_SESSION;

  /** The extensions of the pupil (or of the parent's children) for this assignment, by pupil id. */
  const delaisDesEleves = async (
    d: LigneDevoir,
    relation: Relation,
    utilisateurId: string,
  ): Promise<Map<string, LigneDerogation>> => {
    if (relation.type === "enseignant") return new Map();
    const eleves = relation.type === "eleve" ? [utilisateurId] : relation.enfants.map((e) => e.id);
    const parCle = await derogationsDe(db, [d.id], eleves);
    return new Map([...parCle.values()].map((l) => [l.eleveId, l]));
  };

  const lireGroupes = createRoute({
    method: "get",
    path: "/groupes",
    operationId: "listerMesGroupes",
    tags: etiquettes,
    summary: "Mes classes et groupes (l'enseignant y choisit le `groupeId` d'un devoir)",
    security: securite,
    middleware: [session] as const,
    responses: { 200: { description: "Classes et groupes", content: json(groupesSchema) }, ...communes() },
  });

  const creer = createRoute({
    method: "post",
    path: "/devoirs",
    operationId: "creerDevoir",
    tags: etiquettes,
    summary: "Donner un devoir à une de ses classes ou un de ses groupes (enseignant)",
    security: securite,
    middleware: [
      session,
      roleSeulement(
        "enseignant",
        "reserve-aux-enseignants",
        "Seuls les enseignants peuvent donner un devoir.",
      ),
    ] as const,
    request: corpsJson(creationDevoirSchema),
    responses: {
      201: { description: "Devoir créé", content: json(devoirReponseSchema) },
      400: erreur("Corps ou dates invalides", [...CORPS_INVALIDE, "contraintes-invalides", ...ERREURS_DATES]),
      403: erreur("Pas enseignant, ou groupe dont l'enseignant n'est pas membre", [
        "reserve-aux-enseignants",
        "groupe-non-autorise",
      ]),
      ...communes(true),
    },
  });

  const lister = createRoute({
    method: "get",
    path: "/devoirs",
    operationId: "listerDevoirs",
    tags: etiquettes,
    summary:
      "Les devoirs : de l'enseignant ; des groupes de l'élève (statut et libellé) ; des enfants du parent (lecture seule)",
    security: securite,
    middleware: [session] as const,
    responses: { 200: { description: "Selon le rôle", content: json(listeDevoirsSchema) }, ...communes() },
  });

  const lire = createRoute({
    method: "get",
    path: "/devoirs/{id}",
    operationId: "lireDevoir",
    tags: etiquettes,
    summary:
      "Un devoir (dates ISO et en heure de Paris, compte à rebours, contraintes, sujets, corrigé une fois publié) ; note « vu le … » pour l'élève",
    security: securite,
    middleware: [session, devoir] as const,
    request: { params: idDevoirParams },
    responses: {
      200: { description: "Selon la relation au devoir", content: json(lectureDevoirSchema) },
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });

  const modifier = createRoute({
    method: "patch",
    path: "/devoirs/{id}",
    operationId: "modifierDevoir",
    tags: etiquettes,
    summary: "Modifier un devoir (auteur) ; chaque champ est facultatif",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirParams, ...corpsJson(modificationDevoirSchema) },
    responses: {
      200: { description: "Devoir modifié", content: json(devoirReponseSchema) },
      400: erreur("Corps ou dates invalides", [...CORPS_INVALIDE, "contraintes-invalides", ...ERREURS_DATES]),
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(true),
    },
  });

  const supprimer = createRoute({
    method: "delete",
    path: "/devoirs/{id}",
    operationId: "supprimerDevoir",
    tags: etiquettes,
    summary: "Supprimer un devoir sans rendu (auteur)",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirParams },
    responses: {
      204: { description: "Supprimé (avec ses sujets et corrigés)" },
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      409: erreur("Des élèves ont déjà rendu : rien n'est supprimé", ["devoir-avec-rendus"]),
      ...communes(),
    },
  });

  const joindre = createRoute({
    method: "post",
    path: "/devoirs/{id}/fichiers",
    operationId: "joindreFichiersDevoir",
    tags: etiquettes,
    summary: "Joindre au devoir des sujets ou un corrigé déjà envoyés par tus (auteur)",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirParams, ...corpsJson(attacherSchema) },
    responses: {
      201: { description: "Fichiers joints", content: json(fichiersJointsSchema) },
      400: erreur("Corps invalide", CORPS_INVALIDE),
      403: RESERVE_AUTEUR,
      404: erreur("Devoir introuvable, ou envoi inexistant, inachevé ou expiré", [
        "devoir-introuvable",
        "televersement-introuvable",
      ]),
      ...communes(true),
    },
  });

  const telecharger = createRoute({
    method: "get",
    path: "/devoirs/{id}/fichiers/{fichierId}",
    operationId: "telechargerFichierDevoir",
    tags: etiquettes,
    summary: "Télécharger un sujet ou un corrigé (le corrigé : à sa date de publication pour les élèves)",
    security: securite,
    middleware: [session, devoir] as const,
    request: { params: idDevoirParams.extend({ fichierId: fichierIdParam }) },
    responses: {
      200: pieceJointe("Le fichier"),
      404: erreur("Devoir ou fichier introuvable, ou corrigé pas encore publié", [
        "devoir-introuvable",
        "fichier-introuvable",
      ]),
      ...communes(),
    },
  });

  const retirer = createRoute({
    method: "delete",
    path: "/devoirs/{id}/fichiers/{fichierId}",
    operationId: "retirerFichierDevoir",
    tags: etiquettes,
    summary: "Retirer un sujet ou un corrigé (auteur)",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirParams.extend({ fichierId: fichierIdParam }) },
    responses: {
      204: { description: "Retiré" },
      403: RESERVE_AUTEUR,
      404: erreur("Devoir ou fichier introuvable", ["devoir-introuvable", "fichier-introuvable"]),
      ...communes(),
    },
  });

  return new OpenAPIHono<EnvSession>({ defaultHook: crochetDevoir })
    .openapi(lireGroupes, async (c) =>
      c.json({ groupes: await groupesDe(db, c.get("session").utilisateur.id) }, 200),
    )

    .openapi(creer, async (c) => {
      const u = c.get("session").utilisateur;
      const corps = c.req.valid("json");
      if (!(await estMembre(db, corps.groupeId, u.id))) {
        throw new ErreurApi(
          403,
          "groupe-non-autorise",
          "Vous ne pouvez donner un devoir qu'à une de vos classes ou un de vos groupes.",
        );
      }
      const dates = validerDates(corps);
      const contraintes = corps.contraintes ?? contraintesFichiersSchema.parse({});
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
      const d = cree!;
      const groupe = await groupeDe(db, d.groupeId);
      return c.json(
        { devoir: vueDevoir(d, { groupe, sujets: [], corriges: [], maintenant: maintenant() }) },
        201,
      );
    })

    .openapi(lister, async (c) => {
      const u = c.get("session").utilisateur;
      const t = maintenant();
      const resumeEleve = (d: LigneDevoir, r: DernierRendu | null, l: LigneDerogation | undefined) => {
        const delai = datesDuDelai(l);
        return {
          ...resume(d),
          ...statutEleve(d, r, t, delai),
          renduLe: r?.renduLe.toISOString() ?? null,
          delaiAccorde: vueDelaiAccorde(d, delai),
        };
      };
      if (u.role === "enseignant") {
        const liste = await db
          .select()
          .from(devoirs)
          .where(eq(devoirs.enseignantId, u.id))
          .orderBy(devoirs.echeance);
        return c.json({ devoirs: liste.map(resume) }, 200);
      }
      if (u.role === "eleve") {
        const liste = await devoirsDesGroupes(db, u.id);
        const ids = liste.map((d) => d.id);
        const derniers = await derniersRendus(db, ids, [u.id]);
        const delais = await derogationsDe(db, ids, [u.id]);
        return c.json(
          {
            devoirs: liste.map((d) => {
              const cle = `${d.id}:${u.id}`;
              return resumeEleve(d, derniers.get(cle) ?? null, delais.get(cle));
            }),
          },
          200,
        );
      }
      if (u.role === "parent") {
        const enfants = await enfantsDe(db, u.id);
        const resultat = [];
        for (const enfant of enfants) {
          const liste = await devoirsDesGroupes(db, enfant.id);
          const ids = liste.map((d) => d.id);
          const derniers = await derniersRendus(db, ids, [enfant.id]);
          const delais = await derogationsDe(db, ids, [enfant.id]);
          resultat.push({
            eleve: { id: enfant.id, nomAffiche: enfant.nomAffiche },
            devoirs: liste.map((d) => {
              const cle = `${d.id}:${enfant.id}`;
              return resumeEleve(d, derniers.get(cle) ?? null, delais.get(cle));
            }),
          });
        }
        return c.json({ enfants: resultat, lectureSeule: true as const }, 200);
      }
      return c.json({ devoirs: [] }, 200);
    })

    .openapi(lire, async (c) => {
      const u = c.get("session").utilisateur;
      const d = c.get("devoir");
      const relation = c.get("relation");
      const t = maintenant();
      const delais = await delaisDesEleves(d, relation, u.id);
      const { sujets, corriges } = await fichiersVisibles(db, d, corrigeVisiblePour(d, relation, delais, t));
      const groupe = await groupeDe(db, d.groupeId);
      if (relation.type === "eleve") {
        if (d.ouverture.getTime() <= t.getTime()) {
          await db
            .insert(consultations)
            .values({ devoirId: d.id, eleveId: u.id, vuLe: t })
            .onConflictDoNothing();
        }
        const r = (await derniersRendus(db, [d.id], [u.id])).get(`${d.id}:${u.id}`) ?? null;
        const delai = datesDuDelai(delais.get(u.id));
        const delaiAccorde = vueDelaiAccorde(d, delai);
        const echeanceEleve = delaiAccorde ? new Date(delaiAccorde.echeance) : null;
        return c.json(
          {
            devoir: vueDevoir(d, { groupe, sujets, corriges, maintenant: t, echeanceEleve }),
            ...statutEleve(d, r, t, delai),
            delaiAccorde,
          },
          200,
        );
      }
      const base = vueDevoir(d, { groupe, sujets, corriges, maintenant: t });
      if (relation.type === "parent") {
        const derniers = await derniersRendus(
          db,
          [d.id],
          relation.enfants.map((e) => e.id),
        );
        return c.json(
          {
            devoir: base,
            enfants: relation.enfants.map((e) => {
              const r = derniers.get(`${d.id}:${e.id}`) ?? null;
              const delai = datesDuDelai(delais.get(e.id));
              return {
                eleve: { id: e.id, nomAffiche: e.nomAffiche },
                ...statutEleve(d, r, t, delai),
                renduLe: r?.renduLe.toISOString() ?? null,
                delaiAccorde: vueDelaiAccorde(d, delai),
              };
            }),
            lectureSeule: true as const,
          },
          200,
        );
      }
      return c.json({ devoir: base }, 200);
    })

    .openapi(modifier, async (c) => {
      const d = c.get("devoir");
      const corps = c.req.valid("json");
      const dates = validerDates({
        ouverture: corps.ouverture ?? d.ouverture,
        echeance: corps.echeance ?? d.echeance,
        dateLimite: "dateLimite" in corps ? corps.dateLimite : d.dateLimite,
        publicationCorrige: "publicationCorrige" in corps ? corps.publicationCorrige : d.publicationCorrige,
      });
      const contraintes = corps.contraintes;
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
        .where(eq(devoirs.id, d.id))
        .returning();
      const { sujets, corriges } = await fichiersVisibles(db, modifie!, true);
      const groupe = await groupeDe(db, d.groupeId);
      return c.json(
        { devoir: vueDevoir(modifie!, { groupe, sujets, corriges, maintenant: maintenant() }) },
        200,
      );
    })

    .openapi(supprimer, async (c) => {
      const d = c.get("devoir");
      const [unRendu] = await db
        .select({ id: rendus.id })
        .from(rendus)
        .where(eq(rendus.devoirId, d.id))
        .limit(1);
      if (unRendu) {
        throw new ErreurApi(
          409,
          "devoir-avec-rendus",
          "Des élèves ont déjà rendu ce devoir : il ne peut pas être supprimé (leurs rendus seraient perdus). Il sera purgé à la fin de la période de conservation.",
        );
      }
      const fichiers = await db.select().from(fichiersDevoir).where(eq(fichiersDevoir.devoirId, d.id));
      await db.delete(devoirs).where(eq(devoirs.id, d.id));
      for (const f of fichiers) await deps.stockage.supprimer(f.chemin);
      return c.body(null, 204);
    })

    .openapi(joindre, async (c) => {
      const u = c.get("session").utilisateur;
      const d = c.get("devoir");
      const corps = c.req.valid("json");
      const ajoutes = [];
      for (const id of corps.televersements) {
        const t = await deps.store.lireTermine(id);
        if (!t || t.proprietaireId !== u.id || t.devoirId !== d.id) {
          throw new ErreurApi(
            404,
            "televersement-introuvable",
            "Un des fichiers indiqués n'existe pas, n'est pas terminé ou a expiré.",
          );
        }
        const fichierId = idTusVersUuid(t.id);
        const chemin = await deps.stockage.conserver(
          t,
          corps.nature === "sujet" ? "sujets" : "corriges",
          d.id,
          fichierId,
        );
        const [ligne] = await db
          .insert(fichiersDevoir)
          .values({
            id: fichierId,
            devoirId: d.id,
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
            url: `/v1/devoirs/${d.id}/fichiers/${ligne.id}`,
          });
      }
      return c.json({ fichiers: ajoutes }, 201);
    })

    .openapi(telecharger, async (c) => {
      const u = c.get("session").utilisateur;
      const d = c.get("devoir");
      const relation = c.get("relation");
      const { fichierId } = c.req.valid("param");
      const [f] = await db
        .select()
        .from(fichiersDevoir)
        .where(and(eq(fichiersDevoir.id, fichierId), eq(fichiersDevoir.devoirId, d.id)));
      if (
        !f ||
        (f.nature === "corrige" &&
          !corrigeVisiblePour(d, relation, await delaisDesEleves(d, relation, u.id), maintenant()))
      ) {
        throw new ErreurApi(
          404,
          "fichier-introuvable",
          "Ce fichier n'existe pas ou n'est pas encore disponible.",
        );
      }
      await journaliser(db, {
        utilisateurId: u.id,
        action: f.nature === "corrige" ? "telechargement-corrige" : "telechargement-sujet",
        devoirId: d.id,
        details: { fichierId: f.id, nom: f.nom },
      });
      return servirFichier(deps.stockage, f);
    })

    .openapi(retirer, async (c) => {
      const d = c.get("devoir");
      const { fichierId } = c.req.valid("param");
      const [f] = await db
        .delete(fichiersDevoir)
        .where(and(eq(fichiersDevoir.id, fichierId), eq(fichiersDevoir.devoirId, d.id)))
        .returning();
      if (!f) throw new ErreurApi(404, "fichier-introuvable", "Ce fichier n'existe pas.");
      await deps.stockage.supprimer(f.chemin);
      return c.body(null, 204);
    });
}
