import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerBaseDeTest } from "./base-de-test.js";
import type { DbHandle } from "./client.js";
import {
  enfantsDe,
  enregistrerIdentite,
  groupesDe,
  listerUtilisateurs,
  purgerSessionsRevoquees,
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

  it("keeps classes of two schools apart, and works without a school", async () => {
    const entId = ent();
    const a = await enregistrerIdentite(base.db, {
      entId,
      uid: "a",
      nomAffiche: "A",
      role: "eleve",
      etablissement: { nom: "École A" },
      classes: ["CM2"],
      groupes: [],
    });
    const b = await enregistrerIdentite(base.db, {
      entId,
      uid: "b",
      nomAffiche: "B",
      role: "eleve",
      etablissement: { nom: "École B" },
      classes: ["CM2"],
      groupes: [],
    });
    const c = await enregistrerIdentite(base.db, {
      entId,
      uid: "c",
      nomAffiche: "C",
      role: "eleve",
      classes: ["CM2"],
      groupes: [],
    });
    const d = await enregistrerIdentite(base.db, {
      entId,
      uid: "d",
      nomAffiche: "D",
      role: "eleve",
      classes: ["CM2"],
      groupes: [],
    });
    const [ga] = await groupesDe(base.db, a.id);
    const [gb] = await groupesDe(base.db, b.id);
    const [gc] = await groupesDe(base.db, c.id);
    const [gd] = await groupesDe(base.db, d.id);
    expect(ga!.id).not.toBe(gb!.id);
    expect(c.etablissementId).toBeNull();
    expect(gc!.id).toBe(gd!.id);
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
      etablissement: { nom: "École T" },
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
      classes: [],
      groupes: [],
    });
    await enregistrerIdentite(base.db, {
      entId,
      uid: "1",
      login: "a",
      nomAffiche: "Anne",
      role: "eleve",
      classes: [],
      groupes: [],
    });
    await enregistrerIdentite(base.db, {
      entId,
      uid: "3",
      nomAffiche: "Paul",
      role: "enseignant",
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
});
