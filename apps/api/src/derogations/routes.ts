import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { derogations, membres, utilisateurs, type TrousseDb } from "@trousse/db";
import { datesDuDevoir, validerDerogation, type DerogationValide } from "@trousse/rules";
import {
  auteurSeulement,
  avecDevoir,
  DEVOIR_INTROUVABLE,
  RESERVE_AUTEUR,
  type LigneDevoir,
} from "../devoirs/acces.js";
import { horloge, type DepsDevoirs, type EnvSession } from "../devoirs/deps.js";
import { lireDateSaisie } from "../devoirs/saisie-devoir.js";
import { crochetValidation } from "../erreurs/crochet-validation.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { communes, CORPS_INVALIDE, corpsJson, erreur, json, SECURITE_SESSION } from "../openapi/reponses.js";
import { idDevoirParams } from "../openapi/schemas-communs.js";
import { datesDuDelai, vueDelaiAccorde, type LigneDerogation } from "./derogations.js";
import {
  demandeDerogationSchema,
  derogationReponseSchema,
  idDevoirEleveParams,
  listeDerogationsSchema,
} from "./schemas.js";

/** The rules' refusal codes of an extension (`validerDerogation`). */
const ERREURS_DELAI = [
  "delai-vide",
  "date-invalide",
  "delai-echeance-trop-tot",
  "delai-date-limite-avant-echeance",
  "delai-date-limite-trop-tot",
];

/**
 * Validates an extension with the rules, against the assignment's dates; 400 with the rules' first code and
 * one detail per problem otherwise. Dates may be Paris wall time (`2026-04-07T23:59`).
 */
function validerDelai(
  devoir: LigneDevoir,
  corps: { echeance?: string | null; dateLimite?: string | null },
): DerogationValide {
  const lire = (v: string | null | undefined) => (v == null || v === "" ? null : lireDateSaisie(v));
  const r = validerDerogation(datesDuDevoir(devoir), {
    echeance: lire(corps.echeance),
    dateLimite: lire(corps.dateLimite),
  });
  if (r.ok) return r.derogation;
  throw new ErreurApi(
    400,
    r.erreurs[0]!.code,
    r.erreurs.map((e) => e.message).join(" "),
    r.erreurs.map((e) => ({ champ: e.champ || "(corps)", code: e.code, message: e.message })),
  );
}

/** The pupil of the assignment's class or group (404 `eleve-hors-groupe` otherwise). */
async function eleveDuGroupe(db: TrousseDb, devoir: LigneDevoir, eleveId: string) {
  const [e] = await db
    .select({ id: utilisateurs.id, nomAffiche: utilisateurs.nomAffiche })
    .from(membres)
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres.utilisateurId))
    .where(
      and(
        eq(membres.groupeId, devoir.groupeId),
        eq(membres.utilisateurId, eleveId),
        eq(utilisateurs.role, "eleve"),
      ),
    )
    .limit(1);
  if (!e) {
    throw new ErreurApi(
      404,
      "eleve-hors-groupe",
      "Cet élève n'est pas dans la classe ou le groupe de ce devoir : un délai ne s'accorde qu'à un de ses élèves.",
    );
  }
  return e;
}

function vue(devoir: LigneDevoir, l: LigneDerogation, eleve: { id: string; nomAffiche: string }) {
  return {
    id: l.id,
    devoirId: l.devoirId,
    eleve,
    echeance: l.echeance?.toISOString() ?? null,
    dateLimite: l.dateLimite?.toISOString() ?? null,
    motif: l.motif,
    version: l.version,
    accordeLe: l.creeLe.toISOString(),
    majLe: l.majLe.toISOString(),
    delaiAccorde: vueDelaiAccorde(devoir, datesDuDelai(l)),
  };
}

/**
 * The extension routes (mounted under `/v1`), for the teacher who gave the assignment only:
 * - `PUT /devoirs/{id}/derogations/{eleveId}`: grant (201) or replace (200) one pupil's extension;
 * - `GET /devoirs/{id}/derogations`: the assignment's extensions;
 * - `DELETE /devoirs/{id}/derogations/{eleveId}`: withdraw it (204).
 * The pupil's statuses, « rendre », the upload policy, the follow-up, the reminders and the corrigé follow
 * from it (`datesEffectives` of the rules).
 *
 * @example
 * app.route("/v1", routesDerogations({ db, exigerSession, store, stockage }));
 */
export function routesDerogations(deps: DepsDevoirs) {
  const { db } = deps;
  const maintenant = horloge(deps);
  const session = deps.exigerSession;
  const devoir = avecDevoir(db);
  const etiquettes = ["Délais accordés"];
  const securite = SECURITE_SESSION;

  const accorder = createRoute({
    method: "put",
    path: "/devoirs/{id}/derogations/{eleveId}",
    operationId: "accorderDelai",
    tags: etiquettes,
    summary:
      "Accorder (ou remplacer) un délai à un élève du groupe : échéance et/ou date limite plus tardives (auteur)",
    description:
      "Un délai ne retire jamais de temps : l'échéance accordée est après celle du devoir, la date limite accordée " +
      "après la fin des rendus du devoir et pas avant l'échéance de l'élève (bornes incluses, règles " +
      "`validerDerogation`). L'élève voit ensuite ses propres dates (`delaiAccorde`), rend jusqu'à elles, ne " +
      "reçoit pas les rappels de la classe tant que son délai court, et ne voit le corrigé qu'à la fin de son " +
      "délai. Le motif n'est montré qu'à l'enseignant.",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirEleveParams, ...corpsJson(demandeDerogationSchema) },
    responses: {
      201: { description: "Délai accordé", content: json(derogationReponseSchema) },
      200: { description: "Délai remplacé (version + 1)", content: json(derogationReponseSchema) },
      400: erreur("Corps invalide, ou délai refusé par les règles", [...CORPS_INVALIDE, ...ERREURS_DELAI]),
      403: RESERVE_AUTEUR,
      404: erreur("Devoir introuvable, ou élève qui n'est pas dans son groupe", [
        "devoir-introuvable",
        "eleve-hors-groupe",
      ]),
      ...communes(true),
    },
  });

  const lister = createRoute({
    method: "get",
    path: "/devoirs/{id}/derogations",
    operationId: "listerDelais",
    tags: etiquettes,
    summary: "Les délais accordés pour un devoir, par nom d'élève (auteur)",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirParams },
    responses: {
      200: { description: "Délais accordés", content: json(listeDerogationsSchema) },
      403: RESERVE_AUTEUR,
      404: DEVOIR_INTROUVABLE,
      ...communes(),
    },
  });

  const retirer = createRoute({
    method: "delete",
    path: "/devoirs/{id}/derogations/{eleveId}",
    operationId: "retirerDelai",
    tags: etiquettes,
    summary:
      "Retirer le délai d'un élève (auteur) ; ses rendus déjà faits gardent le délai sous lequel ils ont été acceptés",
    security: securite,
    middleware: [session, devoir, auteurSeulement] as const,
    request: { params: idDevoirEleveParams },
    responses: {
      204: { description: "Délai retiré" },
      400: erreur("Identifiant d'élève mal formé", ["requete-invalide"]),
      403: RESERVE_AUTEUR,
      404: erreur("Devoir introuvable, ou pas de délai pour cet élève", [
        "devoir-introuvable",
        "derogation-introuvable",
      ]),
      ...communes(),
    },
  });

  return new OpenAPIHono<EnvSession>({ defaultHook: crochetValidation })
    .openapi(accorder, async (c) => {
      const u = c.get("session").utilisateur;
      const d = c.get("devoir");
      const { eleveId } = c.req.valid("param");
      const corps = c.req.valid("json");
      const eleve = await eleveDuGroupe(db, d, eleveId);
      const delai = validerDelai(d, corps);
      const t = maintenant();
      const valeurs = {
        echeance: delai.echeance,
        dateLimite: delai.dateLimite,
        motif: corps.motif || null,
        auteurId: u.id,
        majLe: t,
      };
      // One statement: grant, or replace and bump the version (« rendre » checks it did not change).
      const [ligne] = await db
        .insert(derogations)
        .values({ devoirId: d.id, eleveId, ...valeurs, creeLe: t })
        .onConflictDoUpdate({
          target: [derogations.devoirId, derogations.eleveId],
          set: { ...valeurs, version: sql`${derogations.version} + 1` },
        })
        .returning();
      const l = ligne!;
      return l.version === 1
        ? c.json({ derogation: vue(d, l, eleve) }, 201)
        : c.json({ derogation: vue(d, l, eleve) }, 200);
    })

    .openapi(lister, async (c) => {
      const d = c.get("devoir");
      const lignes = await db
        .select({ l: derogations, eleve: { id: utilisateurs.id, nomAffiche: utilisateurs.nomAffiche } })
        .from(derogations)
        .innerJoin(utilisateurs, eq(utilisateurs.id, derogations.eleveId))
        .where(eq(derogations.devoirId, d.id))
        .orderBy(utilisateurs.nomAffiche);
      return c.json({ derogations: lignes.map(({ l, eleve }) => vue(d, l, eleve)) }, 200);
    })

    .openapi(retirer, async (c) => {
      const d = c.get("devoir");
      const { eleveId } = c.req.valid("param");
      const retires = await db
        .delete(derogations)
        .where(and(eq(derogations.devoirId, d.id), eq(derogations.eleveId, eleveId)))
        .returning({ id: derogations.id });
      if (retires.length === 0) {
        throw new ErreurApi(
          404,
          "derogation-introuvable",
          "Cet élève n'a pas de délai accordé pour ce devoir.",
        );
      }
      return c.body(null, 204);
    });
}
