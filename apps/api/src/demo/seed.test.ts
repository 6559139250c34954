import { enfantsDe, groupesDe, listerUtilisateurs, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseDeTest } from "../test-support/app-api.js";
import { ENT_DEMO, IDENTITES_DEMO, semerDemo } from "./seed.js";

let base: DbHandle;
beforeAll(async () => {
  base = await baseDeTest();
});
afterAll(() => base.close());

describe("semerDemo", () => {
  it("creates pupils, teachers, a parent and a head of school, idempotently", async () => {
    const premiers = await semerDemo(base.db);
    const seconds = await semerDemo(base.db);
    expect(seconds.map((u) => u.id)).toEqual(premiers.map((u) => u.id));
    const tous = await listerUtilisateurs(base.db, ENT_DEMO);
    expect(tous).toHaveLength(IDENTITES_DEMO.length);
    const roles = new Set(tous.map((u) => u.role));
    expect([...roles].sort()).toEqual(["eleve", "enseignant", "parent", "personnel"]);
    expect(tous.every((u) => u.login && u.etablissementId)).toBe(true);
  });

  it("links the parent to her child and puts teachers in their classes", async () => {
    const tous = await listerUtilisateurs(base.db, ENT_DEMO);
    const parent = tous.find((u) => u.role === "parent")!;
    const enfants = await enfantsDe(base.db, parent.id);
    expect(enfants.map((e) => e.nomAffiche)).toEqual(["Léa Martin"]);
    const prof = tous.find((u) => u.login === "claire.durand")!;
    expect((await groupesDe(base.db, prof.id)).map((g) => g.nom)).toEqual(["3eA", "5eB", "Latin"]);
  });
});
