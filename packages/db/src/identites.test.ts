import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerBaseDeTest } from "./base-de-test.js";
import type { DbHandle } from "./client.js";
import {
  enfantsDe,
  enregistrerIdentite,
  etatSession,
  groupesDe,
  listerUtilisateurs,
  lierSessionEnt,
  purgerSessionsEnt,
  purgerSessionsRevoquees,
  terminerSessionsEnt,
  revoquerSession,
  sessionRevoquee,
  trouverParLogin,
  trouverUtilisateur,
  type IdentiteEnt,
} from "./identites.js";
import { etablissements, groupes, membres, utilisateurs } from "./schema/index.js";

// The same suite runs on PGlite (default) and on PostgreSQL when DATABASE_URL is set.
let base: DbHandle;
beforeAll(async () => {
  base = await creerBaseDeTest(process.env.DATABASE_URL);
});
afterAll(() => base.close());

let n = 0;
function ent(): string {
  return `ent-${++n}`;
}

const college = { uai: "0750001a", nom: "Collège Jean Moulin" };

describe(`identités (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("creates a pupil with school, class and group, and finds them again", async () => {
    const entId = ent();
    const lea: IdentiteEnt = {
      entId,
      uid: "sub-lea",
      login: "lea.martin",
      nomAffiche: "Léa Martin",
      role: "eleve",
      etablissement: college,
      classes: ["3A"],
      groupes: ["Latin"],
    };
    const u = await enregistrerIdentite(base.db, lea);
    expect(u).toMatchObject({ entId, role: "eleve", nomAffiche: "Léa Martin" });
    expect(u.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(u.etablissementId).not.toBeNull();
    expect(await trouverUtilisateur(base.db, u.id)).toEqual(u);
    const [etab] = await base.db
      .select()
      .from(etablissements)
      .where(eq(etablissements.id, u.etablissementId!));
    expect(etab).toMatchObject({ uai: "0750001a", cle: "uai:0750001A", nom: "Collège Jean Moulin" });
    expect((await groupesDe(base.db, u.id)).map((g) => [g.nature, g.nom])).toEqual([
      ["classe", "3A"],
      ["groupe", "Latin"],
    ]);
    expect(await trouverParLogin(base.db, entId, "LEA.MARTIN")).toEqual(u);
  });

  it("upserts on a second sign-in: same id, new name, memberships follow the ENT", async () => {
    const entId = ent();
    const premier = await enregistrerIdentite(base.db, {
      entId,
      uid: "sub-1",
      nomAffiche: "Hugo Petit",
      role: "eleve",
      etablissement: college,
      classes: ["4B"],
      groupes: ["Chorale", "Latin"],
    });
    const second = await enregistrerIdentite(base.db, {
      entId,
      uid: "sub-1",
      nomAffiche: "Hugo Petit-Durand",
      role: "eleve",
      etablissement: college,
      classes: ["3B"],
      groupes: ["Latin"],
    });
    expect(second.id).toBe(premier.id);
    expect(second.nomAffiche).toBe("Hugo Petit-Durand");
    expect(second.etablissementId).toBe(premier.etablissementId);
    expect((await groupesDe(base.db, second.id)).map((g) => g.nom)).toEqual(["3B", "Latin"]);
    // Old groups stay (other members may use them); only the membership goes.
    const tous = await base.db.select({ nom: groupes.nom }).from(groupes).where(eq(groupes.entId, entId));
    expect(tous.map((g) => g.nom).sort()).toEqual(["3B", "4B", "Chorale", "Latin"]);
  });

  it("shares one class between a teacher and pupils of the same school", async () => {
    const entId = ent();
    const prof = await enregistrerIdentite(base.db, {
      entId,
      uid: "prof",
      nomAffiche: "M. Bernard",
      role: "enseignant",
      etablissement: college,
      classes: ["5C"],
      groupes: [],
    });
    const eleve = await enregistrerIdentite(base.db, {
      entId,
      uid: "el",
      nomAffiche: "Inès Roux",
      role: "eleve",
      etablissement: college,
      classes: ["5C"],
      groupes: [],
    });
    const [gp] = await groupesDe(base.db, prof.id);
    const [ge] = await groupesDe(base.db, eleve.id);
    expect(gp!.id).toBe(ge!.id);
    const m = await base.db.select().from(membres).where(eq(membres.groupeId, gp!.id));
    expect(m).toHaveLength(2);
  });

  it("keeps apart two schools of the same name, each known by its ENT structure id (issue 9, finding 3)", async () => {
    const entId = ent();
    const eleve = (uid: string, structureId: string) =>
      enregistrerIdentite(base.db, {
        entId,
        uid,
        nomAffiche: uid,
        role: "eleve",
        etablissement: { structureId, nom: "Collège Jean Moulin" },
        classes: ["3A"],
        groupes: [],
      });
    const lens = await eleve("a", "struct-lens");
    const arras = await eleve("b", "struct-arras");
    expect(lens.etablissementId).not.toBe(arras.etablissementId);
    const [ga] = await groupesDe(base.db, lens.id);
    const [gb] = await groupesDe(base.db, arras.id);
    expect(ga!.id).not.toBe(gb!.id);
    const etabs = await base.db.select().from(etablissements).where(eq(etablissements.entId, entId));
    expect(etabs.map((e) => e.cle).sort()).toEqual(["structure:struct-arras", "structure:struct-lens"]);
    // The UAI sent later joins the same school (its row, its classes).
    const plusTard = await enregistrerIdentite(base.db, {
      entId,
      uid: "a",
      nomAffiche: "a",
      role: "eleve",
      etablissement: { structureId: "struct-lens", uai: "0620001a", nom: "Collège Jean Moulin" },
      classes: ["3A"],
      groupes: [],
    });
    expect(plusTard.etablissementId).toBe(lens.etablissementId);
    const [ga2] = await groupesDe(base.db, plusTard.id);
    expect(ga2!.id).toBe(ga!.id);
  });

  it("refuses a pupil or teacher with neither UAI nor structure id (identite-sans-etablissement), name alone included", async () => {
    const entId = ent();
    for (const [role, etablissement, classes] of [
      ["eleve", undefined, ["CM2"]],
      ["enseignant", { nom: "École A" }, ["CM2"]],
      ["eleve", { nom: "École A" }, []],
      ["parent", undefined, ["CM2"]],
    ] as const) {
      const err = await enregistrerIdentite(base.db, {
        entId,
        uid: `x-${role}`,
        nomAffiche: "X",
        role,
        ...(etablissement ? { etablissement } : {}),
        classes: [...classes],
        groupes: [],
      }).catch((e: unknown) => e);
      expect(err, role).toMatchObject({
        code: "identite-sans-etablissement",
        message: expect.stringContaining("ni UAI ni identifiant de structure"),
      });
    }
    expect(await base.db.select().from(utilisateurs).where(eq(utilisateurs.entId, entId))).toEqual([]);
    expect(await base.db.select().from(groupes).where(eq(groupes.entId, entId))).toEqual([]);
    // A parent (or staff) without classes may have no school; a name alone does not make one.
    const parent = await enregistrerIdentite(base.db, {
      entId,
      uid: "p",
      nomAffiche: "P",
      role: "parent",
      etablissement: { nom: "École A" },
      classes: [],
      groupes: [],
    });
    expect(parent.etablissementId).toBeNull();
  });

  it("links a parent to children by uid, even before the child signs in", async () => {
    const entId = ent();
    const parent = await enregistrerIdentite(base.db, {
      entId,
      uid: "p",
      nomAffiche: "Sophie Martin",
      role: "parent",
      classes: [],
      groupes: [],
      enfantsUids: ["e1", "e2"],
    });
    expect(await enfantsDe(base.db, parent.id)).toEqual([]);
    const e1 = await enregistrerIdentite(base.db, {
      entId,
      uid: "e1",
      nomAffiche: "Léo Martin",
      role: "eleve",
      etablissement: college,
      classes: ["6A"],
      groupes: [],
    });
    expect(await enfantsDe(base.db, parent.id)).toEqual([e1]);
    // The ENT now gives only e2: the link to e1 goes.
    await enregistrerIdentite(base.db, {
      entId,
      uid: "p",
      nomAffiche: "Sophie Martin",
      role: "parent",
      classes: [],
      groupes: [],
      enfantsUids: ["e2"],
    });
    expect(await enfantsDe(base.db, parent.id)).toEqual([]);
    // A child of the same uid in another ENT is not this parent's child.
    await enregistrerIdentite(base.db, {
      entId: ent(),
      uid: "e2",
      nomAffiche: "X",
      role: "eleve",
      etablissement: college,
      classes: [],
      groupes: [],
    });
    expect(await enfantsDe(base.db, parent.id)).toEqual([]);
  });

  it("rejects bad identities with a French error and stores nothing", async () => {
    const entId = ent();
    await expect(
      enregistrerIdentite(base.db, {
        entId,
        uid: " ",
        nomAffiche: "X",
        role: "eleve",
        classes: [],
        groupes: [],
      }),
    ).rejects.toMatchObject({ code: "identite-invalide", message: expect.stringContaining("« uid »") });
    await expect(
      enregistrerIdentite(base.db, {
        entId,
        uid: "x",
        nomAffiche: "X",
        role: "directeur" as never,
        classes: [],
        groupes: [],
      }),
    ).rejects.toMatchObject({
      code: "identite-invalide",
      message: expect.stringContaining("rôle « directeur » inconnu"),
    });
    expect(await base.db.select().from(utilisateurs).where(eq(utilisateurs.entId, entId))).toEqual([]);
  });

  it("rolls the whole sign-in back when one step fails (one transaction)", async () => {
    const entId = ent();
    const err = await enregistrerIdentite(base.db, {
      entId,
      uid: "t",
      nomAffiche: "T",
      role: "eleve",
      etablissement: { structureId: "t", nom: "École T" },
      classes: ["A"],
      groupes: ["x".repeat(201)],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "identite-invalide" });
    expect(await base.db.select().from(etablissements).where(eq(etablissements.entId, entId))).toEqual([]);
  });

  it("lists the users of an ENT by role then name; unknown ids give null", async () => {
    const entId = ent();
    await enregistrerIdentite(base.db, {
      entId,
      uid: "2",
      login: "z",
      nomAffiche: "Zoé",
      role: "eleve",
      etablissement: college,
      classes: [],
      groupes: [],
    });
    await enregistrerIdentite(base.db, {
      entId,
      uid: "1",
      login: "a",
      nomAffiche: "Anne",
      role: "eleve",
      etablissement: college,
      classes: [],
      groupes: [],
    });
    await enregistrerIdentite(base.db, {
      entId,
      uid: "3",
      nomAffiche: "Paul",
      role: "enseignant",
      etablissement: college,
      classes: [],
      groupes: [],
    });
    const l = await listerUtilisateurs(base.db, entId);
    expect(l.map((u) => [u.role, u.nomAffiche, u.login])).toEqual([
      ["eleve", "Anne", "a"],
      ["eleve", "Zoé", "z"],
      ["enseignant", "Paul", null],
    ]);
    expect(await trouverUtilisateur(base.db, "pas-un-uuid")).toBeNull();
    expect(await trouverUtilisateur(base.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await trouverParLogin(base.db, entId, "inconnu")).toBeNull();
  });

  it("revokes sessions idempotently and purges expired ones", async () => {
    const passe = new Date(Date.now() - 60_000);
    const futur = new Date(Date.now() + 3_600_000);
    expect(await sessionRevoquee(base.db, "jti-a")).toBe(false);
    await revoquerSession(base.db, "jti-a", futur);
    await revoquerSession(base.db, "jti-a", futur);
    await revoquerSession(base.db, "jti-b", passe);
    expect(await sessionRevoquee(base.db, "jti-a")).toBe(true);
    expect(await sessionRevoquee(base.db, "jti-b")).toBe(true);
    expect(await purgerSessionsRevoquees(base.db)).toBe(1);
    expect(await sessionRevoquee(base.db, "jti-b")).toBe(false);
    expect(await sessionRevoquee(base.db, "jti-a")).toBe(true);
  });

  it("answers a session's user and revocation in one call, the same as asking each", async () => {
    const entId = ent();
    const moi = await enregistrerIdentite(base.db, {
      entId,
      uid: "s1",
      nomAffiche: "Sam",
      role: "eleve",
      etablissement: college,
      classes: [],
      groupes: [],
    });
    const futur = new Date(Date.now() + 3_600_000);
    const attendu = await trouverUtilisateur(base.db, moi.id);
    expect(await etatSession(base.db, `${entId}-jti`, moi.id)).toEqual({
      revoquee: false,
      utilisateur: attendu,
    });
    await revoquerSession(base.db, `${entId}-jti`, futur);
    expect(await etatSession(base.db, `${entId}-jti`, moi.id)).toEqual({
      revoquee: true,
      utilisateur: attendu,
    });
    // Unknown user (or not a uuid): no user, and the revocation still said.
    const inconnu = "00000000-0000-4000-8000-000000000000";
    expect(await etatSession(base.db, `${entId}-jti`, inconnu)).toEqual({
      revoquee: true,
      utilisateur: null,
    });
    expect(await etatSession(base.db, `${entId}-autre`, inconnu)).toEqual({
      revoquee: false,
      utilisateur: null,
    });
    expect(await etatSession(base.db, `${entId}-jti`, "pas-un-uuid")).toEqual({
      revoquee: true,
      utilisateur: null,
    });
  });
});

describe("ENT sign-in links (issue 9, finding 13)", () => {
  it("ends the sessions of one CAS ticket, of one OIDC sid, or all of a subject; purges expired links", async () => {
    const entId = ent();
    const u = await enregistrerIdentite(base.db, {
      entId,
      uid: "s1",
      nomAffiche: "S",
      role: "parent",
      classes: [],
      groupes: [],
    });
    const demain = new Date(Date.now() + 86_400_000);
    await lierSessionEnt(base.db, {
      jti: `${entId}-1`,
      entId,
      utilisateurId: u.id,
      sujet: "s1",
      ticketCas: "h1",
      expireLe: demain,
    });
    await lierSessionEnt(base.db, {
      jti: `${entId}-2`,
      entId,
      utilisateurId: u.id,
      sujet: "s1",
      sidOidc: "sid-a",
      expireLe: demain,
    });
    await lierSessionEnt(base.db, {
      jti: `${entId}-3`,
      entId,
      utilisateurId: u.id,
      sujet: "s1",
      sidOidc: "sid-b",
      expireLe: demain,
    });
    await lierSessionEnt(base.db, {
      jti: `${entId}-4`,
      entId,
      utilisateurId: u.id,
      sujet: "s1",
      expireLe: new Date(Date.now() - 1000),
    });

    // Another ENT's ticket of the same value ends nothing; a NameID that is not the subject's neither.
    expect(await terminerSessionsEnt(base.db, "autre-ent", { ticketCas: "h1" })).toEqual([]);
    expect(await terminerSessionsEnt(base.db, entId, { ticketCas: "h1" }, "quelqu-un-d-autre")).toEqual([]);
    expect(await terminerSessionsEnt(base.db, entId, { ticketCas: "h1" }, "s1")).toEqual([`${entId}-1`]);
    expect(await sessionRevoquee(base.db, `${entId}-1`)).toBe(true);
    expect(await sessionRevoquee(base.db, `${entId}-2`)).toBe(false);
    expect(await terminerSessionsEnt(base.db, entId, { sidOidc: "sid-a" })).toEqual([`${entId}-2`]);
    expect(await sessionRevoquee(base.db, `${entId}-3`)).toBe(false);
    expect(await purgerSessionsEnt(base.db)).toBeGreaterThanOrEqual(1);
    expect(await terminerSessionsEnt(base.db, entId, { sujet: "s1" })).toEqual([`${entId}-3`]);
    expect(await sessionRevoquee(base.db, `${entId}-3`)).toBe(true);
    expect(await sessionRevoquee(base.db, `${entId}-4`)).toBe(false);
  });
});
