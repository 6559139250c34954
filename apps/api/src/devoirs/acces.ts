import { and, eq, inArray, sql } from "drizzle-orm";
import {
  derogations,
  devoirs,
  enfantsDe,
  groupes,
  membres,
  type TrousseDb,
  type UtilisateurConnecte,
} from "@trousse/db";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { Session } from "../auth/deps.js";
import type { LigneDerogation } from "../derogations/derogations.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { erreur } from "../openapi/reponses.js";
import type { EnvSession } from "./deps.js";

/** Un devoir tel que la base le rend. */
export type LigneDevoir = typeof devoirs.$inferSelect;

/** Ce que l'utilisateur peut faire d'un devoir : le gérer (enseignant auteur), le rendre (élève du groupe) ou en suivre le statut (parent). */
export type Relation =
  { type: "enseignant" } | { type: "eleve" } | { type: "parent"; enfants: UtilisateurConnecte[] };

/**
 * Vrai si l'utilisateur est membre du groupe (classe ou groupe d'enseignement).
 *
 * @example
 * if (!(await estMembre(db, groupeId, enseignant.id))) throw …;
 */
export async function estMembre(db: TrousseDb, groupeId: string, utilisateurId: string): Promise<boolean> {
  const lignes = await db
    .select({ g: membres.groupeId })
    .from(membres)
    .where(and(eq(membres.groupeId, groupeId), eq(membres.utilisateurId, utilisateurId)))
    .limit(1);
  return lignes.length > 0;
}

/**
 * Charge un devoir ; 404 s'il n'existe pas (ou si l'identifiant est mal formé).
 *
 * @example
 * const devoir = await chargerDevoir(db, id);
 */
export async function chargerDevoir(db: TrousseDb, id: string): Promise<LigneDevoir> {
  if (!/^[0-9a-f-]{36}$/i.test(id))
    throw new ErreurApi(404, "devoir-introuvable", "Ce devoir n'existe pas ou a été supprimé.");
  const [devoir] = await db.select().from(devoirs).where(eq(devoirs.id, id)).limit(1);
  if (!devoir) throw new ErreurApi(404, "devoir-introuvable", "Ce devoir n'existe pas ou a été supprimé.");
  return devoir;
}

/**
 * La relation de l'utilisateur avec le devoir, ou une erreur 404 (on ne révèle pas l'existence d'un devoir
 * à qui n'y a pas accès). Un autre enseignant du même groupe n'y a pas accès : le devoir est à son auteur.
 *
 * @example
 * const relation = await relationAuDevoir(db, devoir, session.utilisateur);
 */
export async function relationAuDevoir(
  db: TrousseDb,
  devoir: LigneDevoir,
  u: UtilisateurConnecte,
): Promise<Relation> {
  if (u.role === "enseignant" && devoir.enseignantId === u.id) return { type: "enseignant" };
  if (u.role === "eleve" && (await estMembre(db, devoir.groupeId, u.id))) return { type: "eleve" };
  if (u.role === "parent") {
    const enfants = await enfantsDe(db, u.id);
    if (enfants.length > 0) {
      const ids = enfants.map((e) => e.id);
      const dans = await db
        .select({ id: membres.utilisateurId })
        .from(membres)
        .where(and(eq(membres.groupeId, devoir.groupeId), inArray(membres.utilisateurId, ids)));
      const presents = new Set(dans.map((d) => d.id));
      const concernes = enfants.filter((e) => presents.has(e.id));
      if (concernes.length > 0) return { type: "parent", enfants: concernes };
    }
  }
  throw new ErreurApi(404, "devoir-introuvable", "Ce devoir n'existe pas ou a été supprimé.");
}

const refusAuteur = (): ErreurApi =>
  new ErreurApi(403, "reserve-a-l-enseignant", "Seul l'enseignant qui a donné ce devoir peut faire cela.");

/**
 * Le groupe d'un devoir (nom et nature), pour l'affichage.
 *
 * @example
 * const g = await groupeDe(db, devoir.groupeId); // { id, nom: "3A", nature: "classe" }
 */
export async function groupeDe(
  db: TrousseDb,
  groupeId: string,
): Promise<{ id: string; nom: string; nature: string }> {
  const [g] = await db
    .select({ id: groupes.id, nom: groupes.nom, nature: groupes.nature })
    .from(groupes)
    .where(eq(groupes.id, groupeId));
  return g ?? { id: groupeId, nom: "", nature: "" };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Vrai si `id` a la forme d'un uuid (toutes versions : les fichiers prennent l'id aléatoire de leur envoi tus).
 *
 * @example
 * estUuid("3f2a…"); // true
 */
export function estUuid(id: string): boolean {
  return UUID.test(id);
}

/** The Hono variables of a route about one assignment: the session, the assignment, the user's relation to it. */
export type EnvDevoir = {
  Variables: {
    session: Session;
    devoir: LigneDevoir;
    relation: Relation;
    /** A pupil's extension for this assignment, read with it (`null`: none); `undefined` for other roles. */
    derogation?: LigneDerogation | null;
  };
};

/**
 * Route middleware: loads the assignment of the path's `id` and the user's relation to it (404
 * `devoir-introuvable` otherwise). It runs before the route's validators, so a caller who may not see the
 * assignment learns nothing from a 400 about the body.
 *
 * @example
 * createRoute({ …, middleware: [exigerSession, avecDevoir(db)] as const });
 */
export function avecDevoir(db: TrousseDb): MiddlewareHandler<EnvDevoir> {
  return createMiddleware<EnvDevoir>(async (c, next) => {
    const utilisateur = c.get("session").utilisateur;
    if (utilisateur.role === "eleve") {
      // A pupil's requests (« engager », « rendre », mon rendu) are the deadline rush: one statement.
      const { devoir, derogation } = await chargerDevoirPourEleve(
        db,
        c.req.param("id") ?? "",
        utilisateur.id,
      );
      c.set("devoir", devoir);
      c.set("relation", { type: "eleve" });
      c.set("derogation", derogation);
      return next();
    }
    const devoir = await chargerDevoir(db, c.req.param("id") ?? "");
    c.set("devoir", devoir);
    c.set("relation", await relationAuDevoir(db, devoir, utilisateur));
    await next();
  });
}

/**
 * A pupil's assignment, in ONE statement: the assignment, whether the pupil is in its class or group, and
 * the extension the teacher granted them (`null`: none). 404 `devoir-introuvable` when the assignment does
 * not exist or is not theirs (as {@link relationAuDevoir}: nothing tells the two apart).
 *
 * @example
 * const { devoir, derogation } = await chargerDevoirPourEleve(db, id, eleve.id);
 */
export async function chargerDevoirPourEleve(
  db: TrousseDb,
  id: string,
  eleveId: string,
): Promise<{ devoir: LigneDevoir; derogation: LigneDerogation | null }> {
  const introuvable = () =>
    new ErreurApi(404, "devoir-introuvable", "Ce devoir n'existe pas ou a été supprimé.");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw introuvable();
  const [ligne] = await db
    .select({
      devoir: devoirs,
      derogation: derogations,
      membre: sql<boolean>`exists (select 1 from ${membres} where ${membres.groupeId} = ${devoirs.groupeId} and ${membres.utilisateurId} = ${eleveId}::uuid)`,
    })
    .from(devoirs)
    .leftJoin(derogations, and(eq(derogations.devoirId, devoirs.id), eq(derogations.eleveId, eleveId)))
    .where(eq(devoirs.id, id))
    .limit(1);
  if (!ligne?.membre) throw introuvable();
  return { devoir: ligne.devoir, derogation: ligne.derogation };
}

/**
 * Route middleware after {@link avecDevoir}: only the teacher who gave the assignment (403
 * `reserve-a-l-enseignant` for a pupil or parent who sees it).
 *
 * @example
 * createRoute({ …, middleware: [exigerSession, avecDevoir(db), auteurSeulement] as const });
 */
export const auteurSeulement: MiddlewareHandler<EnvDevoir> = createMiddleware<EnvDevoir>(async (c, next) => {
  if (c.get("relation").type !== "enseignant") throw refusAuteur();
  await next();
});

/**
 * Route middleware after {@link avecDevoir}: only a pupil of the assignment's class or group (403
 * `reserve-aux-eleves`).
 *
 * @example
 * createRoute({ …, middleware: [exigerSession, avecDevoir(db), eleveSeulement("…")] as const });
 */
export function eleveSeulement(message: string): MiddlewareHandler<EnvDevoir> {
  return createMiddleware<EnvDevoir>(async (c, next) => {
    if (c.get("relation").type !== "eleve") throw new ErreurApi(403, "reserve-aux-eleves", message);
    await next();
  });
}

/**
 * Route middleware: only users of one role (403 with the given code otherwise), e.g. teachers giving an
 * assignment.
 *
 * @example
 * createRoute({ …, middleware: [exigerSession, roleSeulement("enseignant", "reserve-aux-enseignants", "…")] as const });
 */
export function roleSeulement(
  role: UtilisateurConnecte["role"],
  code: string,
  message: string,
): MiddlewareHandler<EnvSession> {
  return createMiddleware<EnvSession>(async (c, next) => {
    if (c.get("session").utilisateur.role !== role) throw new ErreurApi(403, code, message);
    await next();
  });
}

/** What `avecDevoir` answers to someone who may not see the assignment, for the routes' `responses`. */
export const DEVOIR_INTROUVABLE = erreur(
  "Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée)",
  ["devoir-introuvable"],
);

/** What `auteurSeulement` answers, for the routes' `responses`. */
export const RESERVE_AUTEUR = erreur("Réservé à l'enseignant qui a donné le devoir", [
  "reserve-a-l-enseignant",
]);
