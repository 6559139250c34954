import { and, eq, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { TrousseDb } from "./client.js";
import { ErreurDb } from "./erreurs.js";
import {
  etablissements,
  groupes,
  liensParents,
  membres,
  ROLES,
  sessionsRevoquees,
  utilisateurs,
  type NatureGroupe,
  type Role,
} from "./schema/index.js";

/** A user as the ENT describes them at sign-in (OIDC userinfo or CAS attributes, already mapped). */
export interface IdentiteEnt {
  /** Id of the configured ENT, e.g. "ode-demo". */
  entId: string;
  /** Stable external id (OIDC `sub` / CAS user id). */
  uid: string;
  login?: string;
  /** Display name (keep only what is needed). */
  nomAffiche: string;
  role: Role;
  etablissement?: { uai?: string; nom: string };
  /** Class names, e.g. ["3A"]. */
  classes: string[];
  /** Other teaching groups. */
  groupes: string[];
  /** For parents, when the ENT gives the children's uids. */
  enfantsUids?: string[];
}

/** The signed-in user as Trousse knows them. */
export interface UtilisateurConnecte {
  id: string;
  entId: string;
  role: Role;
  nomAffiche: string;
  etablissementId: string | null;
}

const colonnesConnecte = {
  id: utilisateurs.id,
  entId: utilisateurs.entId,
  role: utilisateurs.role,
  nomAffiche: utilisateurs.nomAffiche,
  etablissementId: utilisateurs.etablissementId,
};

function texte(valeur: unknown, champ: string, max: number): string {
  if (typeof valeur !== "string" || valeur.trim() === "") {
    throw new ErreurDb("identite-invalide", `Identité ENT invalide : « ${champ} » est vide ou absent.`);
  }
  const t = valeur.trim();
  if (t.length > max) {
    throw new ErreurDb(
      "identite-invalide",
      `Identité ENT invalide : « ${champ} » dépasse ${max} caractères.`,
    );
  }
  return t;
}

function noms(liste: unknown, champ: string): string[] {
  if (liste === undefined) return [];
  if (!Array.isArray(liste)) {
    throw new ErreurDb("identite-invalide", `Identité ENT invalide : « ${champ} » doit être une liste.`);
  }
  return [...new Set(liste.map((v, i) => texte(v, `${champ}[${i}]`, 200)))];
}

function verifier(identite: IdentiteEnt) {
  if (!ROLES.includes(identite.role)) {
    throw new ErreurDb(
      "identite-invalide",
      `Identité ENT invalide : rôle « ${String(identite.role)} » inconnu (attendu : ${ROLES.join(", ")}).`,
    );
  }
  const etab = identite.etablissement
    ? {
        nom: texte(identite.etablissement.nom, "etablissement.nom", 300),
        uai: identite.etablissement.uai ? texte(identite.etablissement.uai, "etablissement.uai", 20) : null,
      }
    : null;
  return {
    entId: texte(identite.entId, "entId", 100),
    uid: texte(identite.uid, "uid", 300),
    login: identite.login ? texte(identite.login, "login", 300) : null,
    nomAffiche: texte(identite.nomAffiche, "nomAffiche", 300),
    role: identite.role,
    etablissement: etab,
    classes: noms(identite.classes, "classes"),
    groupes: noms(identite.groupes, "groupes"),
    enfantsUids: noms(identite.enfantsUids, "enfantsUids"),
  };
}

/**
 * Upserts the user, their school, classes/groups memberships and parent links, in ONE transaction.
 * The ENT is the source of truth: memberships and parent links not given any more are removed.
 *
 * @example
 * const moi = await enregistrerIdentite(db, {
 *   entId: "ode-demo", uid: "f3a…", nomAffiche: "Léa Martin", role: "eleve",
 *   etablissement: { uai: "0750001A", nom: "Collège Jean Moulin" }, classes: ["3A"], groupes: ["Latin"],
 * });
 */
export async function enregistrerIdentite(
  db: TrousseDb,
  identite: IdentiteEnt,
): Promise<UtilisateurConnecte> {
  const id = verifier(identite);
  return db.transaction(async (tx) => {
    let etablissementId: string | null = null;
    if (id.etablissement) {
      const cle = id.etablissement.uai
        ? `uai:${id.etablissement.uai.toUpperCase()}`
        : `nom:${id.etablissement.nom}`;
      const [etab] = await tx
        .insert(etablissements)
        .values({ entId: id.entId, cle, uai: id.etablissement.uai, nom: id.etablissement.nom })
        .onConflictDoUpdate({
          target: [etablissements.entId, etablissements.cle],
          set: { nom: id.etablissement.nom, majLe: sql`now()` },
        })
        .returning({ id: etablissements.id });
      etablissementId = etab!.id;
    }

    const [utilisateur] = await tx
      .insert(utilisateurs)
      .values({
        entId: id.entId,
        uid: id.uid,
        login: id.login,
        nomAffiche: id.nomAffiche,
        role: id.role,
        etablissementId,
      })
      .onConflictDoUpdate({
        target: [utilisateurs.entId, utilisateurs.uid],
        set: {
          login: id.login,
          nomAffiche: id.nomAffiche,
          role: id.role,
          etablissementId,
          majLe: sql`now()`,
        },
      })
      .returning(colonnesConnecte);
    const moi = utilisateur!;

    const voulus: { nature: NatureGroupe; nom: string }[] = [
      ...id.classes.map((nom) => ({ nature: "classe" as const, nom })),
      ...id.groupes.map((nom) => ({ nature: "groupe" as const, nom })),
    ];
    const groupeIds: string[] = [];
    for (const g of voulus) {
      const [ligne] = await tx
        .insert(groupes)
        .values({ entId: id.entId, etablissementId, nature: g.nature, nom: g.nom })
        .onConflictDoUpdate({
          target: [groupes.entId, groupes.etablissementId, groupes.nature, groupes.nom],
          set: { nom: g.nom },
        })
        .returning({ id: groupes.id });
      groupeIds.push(ligne!.id);
    }
    await tx
      .delete(membres)
      .where(
        groupeIds.length
          ? and(eq(membres.utilisateurId, moi.id), notInArray(membres.groupeId, groupeIds))
          : eq(membres.utilisateurId, moi.id),
      );
    if (groupeIds.length) {
      await tx
        .insert(membres)
        .values(groupeIds.map((groupeId) => ({ groupeId, utilisateurId: moi.id })))
        .onConflictDoNothing();
    }

    if (id.role === "parent" && identite.enfantsUids !== undefined) {
      await tx
        .delete(liensParents)
        .where(
          id.enfantsUids.length
            ? and(eq(liensParents.parentId, moi.id), notInArray(liensParents.eleveUid, id.enfantsUids))
            : eq(liensParents.parentId, moi.id),
        );
      if (id.enfantsUids.length) {
        await tx
          .insert(liensParents)
          .values(id.enfantsUids.map((eleveUid) => ({ parentId: moi.id, eleveUid })))
          .onConflictDoNothing();
      }
    } else if (id.role !== "parent") {
      await tx.delete(liensParents).where(eq(liensParents.parentId, moi.id));
    }
    return moi;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds a user by Trousse id; `null` when unknown (or when `id` is not a uuid).
 *
 * @example
 * const u = await trouverUtilisateur(db, session.sub);
 * if (!u) throw new Error("inconnu");
 */
export async function trouverUtilisateur(db: TrousseDb, id: string): Promise<UtilisateurConnecte | null> {
  if (!UUID.test(id)) return null;
  const [u] = await db.select(colonnesConnecte).from(utilisateurs).where(eq(utilisateurs.id, id)).limit(1);
  return u ?? null;
}

/** A user as listed for a sign-in page or a class list. */
export interface UtilisateurListe extends UtilisateurConnecte {
  uid: string;
  login: string | null;
}

/**
 * Lists the users of one ENT (e.g. the demo users with `entId: "demo"`), by role then name.
 *
 * @example
 * const demo = await listerUtilisateurs(db, "demo");
 */
export async function listerUtilisateurs(db: TrousseDb, entId: string): Promise<UtilisateurListe[]> {
  return db
    .select({ ...colonnesConnecte, uid: utilisateurs.uid, login: utilisateurs.login })
    .from(utilisateurs)
    .where(eq(utilisateurs.entId, entId))
    .orderBy(utilisateurs.role, utilisateurs.nomAffiche);
}

/**
 * Finds a user of an ENT by login (case-insensitive); `null` when unknown.
 *
 * @example
 * const lea = await trouverParLogin(db, "demo", "lea.martin");
 */
export async function trouverParLogin(
  db: TrousseDb,
  entId: string,
  login: string,
): Promise<UtilisateurConnecte | null> {
  const [u] = await db
    .select(colonnesConnecte)
    .from(utilisateurs)
    .where(and(eq(utilisateurs.entId, entId), sql`lower(${utilisateurs.login}) = lower(${login})`))
    .limit(1);
  return u ?? null;
}

/** A class or teaching group a user belongs to. */
export interface GroupeMembre {
  id: string;
  nature: NatureGroupe;
  nom: string;
}

/**
 * The classes and groups of a user, classes first.
 *
 * @example
 * const gs = await groupesDe(db, moi.id); // [{ nature: "classe", nom: "3A", id: "…" }]
 */
export async function groupesDe(db: TrousseDb, utilisateurId: string): Promise<GroupeMembre[]> {
  return db
    .select({ id: groupes.id, nature: groupes.nature, nom: groupes.nom })
    .from(membres)
    .innerJoin(groupes, eq(groupes.id, membres.groupeId))
    .where(eq(membres.utilisateurId, utilisateurId))
    .orderBy(groupes.nature, groupes.nom);
}

/**
 * The children of a parent that Trousse knows (children who never signed in are not listed yet).
 *
 * @example
 * const enfants = await enfantsDe(db, parent.id);
 */
export async function enfantsDe(db: TrousseDb, parentId: string): Promise<UtilisateurConnecte[]> {
  const parent = await trouverUtilisateur(db, parentId);
  if (!parent) return [];
  const uids = db
    .select({ uid: liensParents.eleveUid })
    .from(liensParents)
    .where(eq(liensParents.parentId, parentId));
  return db
    .select(colonnesConnecte)
    .from(utilisateurs)
    .where(
      and(
        eq(utilisateurs.entId, parent.entId),
        eq(utilisateurs.role, "eleve"),
        inArray(utilisateurs.uid, uids),
      ),
    )
    .orderBy(utilisateurs.nomAffiche);
}

/**
 * Marks a session token (by `jti`) as revoked until `expireLe`. Revoking twice is harmless.
 *
 * @example
 * await revoquerSession(db, payload.jti, new Date(payload.exp * 1000));
 */
export async function revoquerSession(db: TrousseDb, jti: string, expireLe: Date): Promise<void> {
  const j = texte(jti, "jti", 200);
  await db.insert(sessionsRevoquees).values({ jti: j, expireLe }).onConflictDoNothing();
}

/**
 * `true` when the session `jti` was revoked (sign-out).
 *
 * @example
 * if (await sessionRevoquee(db, payload.jti)) return c.json({ erreur: … }, 401);
 */
export async function sessionRevoquee(db: TrousseDb, jti: string): Promise<boolean> {
  const [r] = await db
    .select({ jti: sessionsRevoquees.jti })
    .from(sessionsRevoquees)
    .where(eq(sessionsRevoquees.jti, jti))
    .limit(1);
  return r !== undefined;
}

/**
 * Deletes revoked sessions whose token has expired anyway; returns how many rows went.
 *
 * @example
 * setInterval(() => purgerSessionsRevoquees(db), 3_600_000);
 */
export async function purgerSessionsRevoquees(db: TrousseDb, maintenant = new Date()): Promise<number> {
  const r = await db
    .delete(sessionsRevoquees)
    .where(lt(sessionsRevoquees.expireLe, maintenant))
    .returning({ jti: sessionsRevoquees.jti });
  return r.length;
}
