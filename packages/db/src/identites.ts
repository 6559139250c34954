import { and, eq, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { TrousseDb } from "./client.js";
import { ErreurDb } from "./erreurs.js";
import {
  etablissements,
  groupes,
  liensParents,
  membres,
  ROLES,
  sessionsEnt,
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
  /**
   * The school, identified by its UAI or by the ENT's own structure id (at least one of them; the name
   * alone never identifies a school: two may share it). Pupils and teachers must have one.
   */
  etablissement?: { uai?: string; structureId?: string; nom: string };
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

/** Roles that always belong to a school (their classes are the school's). */
const ROLES_D_ETABLISSEMENT: ReadonlySet<Role> = new Set(["eleve", "enseignant"]);

/**
 * The school of a sign-in, found or created: by `uai:<UAI>` first, else by `structure:<id>` (a school first
 * seen without its UAI keeps its row once the ENT sends it). Its name and ids are refreshed.
 */
async function etablissementDe(
  tx: Parameters<Parameters<TrousseDb["transaction"]>[0]>[0],
  entId: string,
  etab: { nom: string; uai: string | null; structureId: string | null },
): Promise<string> {
  const cles = [
    ...(etab.uai ? [`uai:${etab.uai.toUpperCase()}`] : []),
    ...(etab.structureId ? [`structure:${etab.structureId}`] : []),
  ];
  const trouves = await tx
    .select({ id: etablissements.id, cle: etablissements.cle })
    .from(etablissements)
    .where(and(eq(etablissements.entId, entId), inArray(etablissements.cle, cles)));
  const existant = cles.map((c) => trouves.find((t) => t.cle === c)).find((t) => t !== undefined);
  if (existant) {
    await tx
      .update(etablissements)
      .set({
        nom: etab.nom,
        uai: etab.uai ? etab.uai : sql`${etablissements.uai}`,
        structureId: etab.structureId ? etab.structureId : sql`${etablissements.structureId}`,
        majLe: sql`now()`,
      })
      .where(eq(etablissements.id, existant.id));
    return existant.id;
  }
  const [ligne] = await tx
    .insert(etablissements)
    .values({ entId, cle: cles[0]!, uai: etab.uai, structureId: etab.structureId, nom: etab.nom })
    .onConflictDoUpdate({
      target: [etablissements.entId, etablissements.cle],
      set: { nom: etab.nom, majLe: sql`now()` },
    })
    .returning({ id: etablissements.id });
  return ligne!.id;
}

function verifier(identite: IdentiteEnt) {
  if (!ROLES.includes(identite.role)) {
    throw new ErreurDb(
      "identite-invalide",
      `Identité ENT invalide : rôle « ${String(identite.role)} » inconnu (attendu : ${ROLES.join(", ")}).`,
    );
  }
  const e = identite.etablissement;
  const uai = e?.uai ? texte(e.uai, "etablissement.uai", 20) : null;
  const structureId = e?.structureId ? texte(e.structureId, "etablissement.structureId", 300) : null;
  // A school is identified by its UAI or the ENT's structure id, never by its name alone.
  const etab =
    e && (uai || structureId) ? { nom: texte(e.nom, "etablissement.nom", 300), uai, structureId } : null;
  const entId = texte(identite.entId, "entId", 100);
  const uid = texte(identite.uid, "uid", 300);
  const login = identite.login ? texte(identite.login, "login", 300) : null;
  const nomAffiche = texte(identite.nomAffiche, "nomAffiche", 300);
  const classes = noms(identite.classes, "classes");
  const groupesNoms = noms(identite.groupes, "groupes");
  if (!etab && (ROLES_D_ETABLISSEMENT.has(identite.role) || classes.length + groupesNoms.length > 0)) {
    throw new ErreurDb(
      "identite-sans-etablissement",
      `Identité ENT refusée : ni UAI ni identifiant de structure pour ce compte (rôle « ${identite.role} »${classes.length ? `, classes ${classes.join(", ")}` : ""}) ; sans eux, ses classes se mêleraient à celles d'autres établissements.`,
    );
  }
  return {
    entId,
    uid,
    login,
    nomAffiche,
    role: identite.role,
    etablissement: etab,
    classes,
    groupes: groupesNoms,
    enfantsUids: noms(identite.enfantsUids, "enfantsUids"),
  };
}

/**
 * Upserts the user, their school, classes/groups memberships and parent links, in ONE transaction.
 * The ENT is the source of truth: memberships and parent links not given any more are removed.
 * A pupil or a teacher — or anyone with classes or groups — needs a school identified by its UAI or the
 * ENT's structure id: otherwise `ErreurDb` `identite-sans-etablissement` (a school given by its name only
 * counts as none). Parents and staff without classes may have no school.
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
    const etablissementId = id.etablissement ? await etablissementDe(tx, id.entId, id.etablissement) : null;

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
 * What a request's session needs from the database, in **one statement** when the user exists: the user
 * (as `trouverUtilisateur`) and whether the token `jti` was revoked (as `sessionRevoquee`). An unknown user
 * costs a second statement (the revocation alone), so the answer is always the same as asking both.
 *
 * @example
 * const { revoquee, utilisateur } = await etatSession(db, payload.jti, payload.sub);
 */
export async function etatSession(
  db: TrousseDb,
  jti: string,
  id: string,
): Promise<{ revoquee: boolean; utilisateur: UtilisateurConnecte | null }> {
  if (UUID.test(id)) {
    const [r] = await db
      .select({
        ...colonnesConnecte,
        revoquee: sql<boolean>`exists (select 1 from ${sessionsRevoquees} where ${sessionsRevoquees.jti} = ${jti})`,
      })
      .from(utilisateurs)
      .where(eq(utilisateurs.id, id))
      .limit(1);
    if (r) {
      const { revoquee, ...utilisateur } = r;
      return { revoquee: revoquee === true, utilisateur };
    }
  }
  return { revoquee: await sessionRevoquee(db, jti), utilisateur: null };
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

/** The ENT sign-in that opened a Trousse session, recorded to end the session when the ENT signs out. */
export interface LienSessionEnt {
  jti: string;
  entId: string;
  utilisateurId: string;
  /** The ENT's id of the user (CAS user, OIDC `sub`). */
  sujet: string;
  /** CAS: SHA-256 (hex) of the service ticket. */
  ticketCas?: string;
  /** OIDC: the id_token's `sid`. */
  sidOidc?: string;
  expireLe: Date;
}

/**
 * Records which ENT sign-in opened a session (CAS ticket hash, OIDC `sid` and `sub`).
 *
 * @example
 * await lierSessionEnt(db, { jti, entId: "ent-cas", utilisateurId: moi.id, sujet: "u1", ticketCas: sha256(ticket), expireLe });
 */
export async function lierSessionEnt(db: TrousseDb, lien: LienSessionEnt): Promise<void> {
  await db
    .insert(sessionsEnt)
    .values({
      jti: texte(lien.jti, "jti", 200),
      entId: texte(lien.entId, "entId", 100),
      utilisateurId: lien.utilisateurId,
      sujet: texte(lien.sujet, "sujet", 300),
      ticketCas: lien.ticketCas ? texte(lien.ticketCas, "ticketCas", 200) : null,
      sidOidc: lien.sidOidc ? texte(lien.sidOidc, "sidOidc", 300) : null,
      expireLe: lien.expireLe,
    })
    .onConflictDoNothing();
}

/** Which sessions an ENT sign-out ends: by CAS ticket (hash), by OIDC `sid`, or every one of a `sujet`. */
export type CritereSessionsEnt = { ticketCas: string } | { sidOidc: string } | { sujet: string };

/**
 * Ends, in one transaction, the Trousse sessions an ENT sign-in opened (they are revoked like a
 * sign-out: `session-revoquee`) and forgets their links. Returns the revoked `jti`s (to drop them from a
 * session cache); none when nothing matches. `sujet`, when given with a ticket or a sid, must match too.
 *
 * @example
 * const jtis = await terminerSessionsEnt(db, "ent-cas", { ticketCas: sha256(sessionIndex) }, "u1");
 */
export async function terminerSessionsEnt(
  db: TrousseDb,
  entId: string,
  critere: CritereSessionsEnt,
  sujet?: string,
): Promise<string[]> {
  const condition =
    "ticketCas" in critere
      ? eq(sessionsEnt.ticketCas, critere.ticketCas)
      : "sidOidc" in critere
        ? eq(sessionsEnt.sidOidc, critere.sidOidc)
        : eq(sessionsEnt.sujet, critere.sujet);
  return db.transaction(async (tx) => {
    const liens = await tx
      .delete(sessionsEnt)
      .where(
        and(
          eq(sessionsEnt.entId, entId),
          condition,
          ...(sujet !== undefined && !("sujet" in critere) ? [eq(sessionsEnt.sujet, sujet)] : []),
        ),
      )
      .returning({ jti: sessionsEnt.jti, expireLe: sessionsEnt.expireLe });
    if (liens.length > 0) {
      await tx
        .insert(sessionsRevoquees)
        .values(liens.map((l) => ({ jti: l.jti, expireLe: l.expireLe })))
        .onConflictDoNothing();
    }
    return liens.map((l) => l.jti);
  });
}

/**
 * Deletes the ENT sign-in links of sessions that expired anyway; returns how many rows went.
 *
 * @example
 * setInterval(() => purgerSessionsEnt(db), 3_600_000);
 */
export async function purgerSessionsEnt(db: TrousseDb, maintenant = new Date()): Promise<number> {
  const r = await db
    .delete(sessionsEnt)
    .where(lt(sessionsEnt.expireLe, maintenant))
    .returning({ jti: sessionsEnt.jti });
  return r.length;
}
