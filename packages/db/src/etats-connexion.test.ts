import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerBaseDeTest } from "./base-de-test.js";
import type { DbHandle } from "./client.js";
import { utiliserEtatConnexion } from "./etats-connexion.js";
import { etatsConnexionUtilises } from "./schema/index.js";

// The same suite runs on PGlite (default) and on PostgreSQL when DATABASE_URL is set.
let base: DbHandle;
beforeAll(async () => {
  base = await creerBaseDeTest(process.env.DATABASE_URL);
});
afterAll(() => base.close());

const dans10min = () => new Date(Date.now() + 600_000);

describe("utiliserEtatConnexion", () => {
  it("accepte un état une fois, refuse chaque usage suivant", async () => {
    expect(await utiliserEtatConnexion(base.db, "etat-a", dans10min())).toBe(true);
    expect(await utiliserEtatConnexion(base.db, "etat-a", dans10min())).toBe(false);
    expect(await utiliserEtatConnexion(base.db, "etat-a", dans10min())).toBe(false);
    expect(await utiliserEtatConnexion(base.db, "etat-b", dans10min())).toBe(true);
  });

  it("deux usages simultanés du même état : un seul passe", async () => {
    const r = await Promise.all(
      Array.from({ length: 4 }, () => utiliserEtatConnexion(base.db, "etat-course", dans10min())),
    );
    expect(r.filter(Boolean)).toHaveLength(1);
  });

  it("purge au passage les états expirés, garde les autres", async () => {
    const maintenant = new Date("2030-01-01T12:00:00Z");
    await utiliserEtatConnexion(base.db, "etat-vieux", new Date("2030-01-01T11:59:00Z"), maintenant);
    await utiliserEtatConnexion(base.db, "etat-frais", new Date("2030-01-01T12:09:00Z"), maintenant);
    const plusTard = new Date("2030-01-01T12:05:00Z");
    expect(
      await utiliserEtatConnexion(base.db, "etat-autre", new Date("2030-01-01T12:15:00Z"), plusTard),
    ).toBe(true);
    const restants = (await base.db.select().from(etatsConnexionUtilises)).map((l) => l.etat);
    expect(restants).not.toContain("etat-vieux");
    expect(restants).toContain("etat-frais");
    expect(
      await utiliserEtatConnexion(base.db, "etat-frais", new Date("2030-01-01T12:09:00Z"), plusTard),
    ).toBe(false);
  });

  it("refuse un état vide ou démesuré", async () => {
    await expect(utiliserEtatConnexion(base.db, "", dans10min())).rejects.toThrow();
    await expect(utiliserEtatConnexion(base.db, "x".repeat(201), dans10min())).rejects.toThrow();
  });
});
