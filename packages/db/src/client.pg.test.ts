import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { creerBaseDeTest } from "./base-de-test.js";
import { createDb, type DbHandle } from "./client.js";
import { utilisateurs } from "./schema/index.js";

const ouverts: DbHandle[] = [];
afterEach(async () => {
  await Promise.all(ouverts.splice(0).map((h) => h.close()));
});

describe("createDb (PostgreSQL)", () => {
  it("connects through the pool, migrates from two processes at once, answers ping", async () => {
    const base = await creerBaseDeTest(process.env.DATABASE_URL);
    ouverts.push(base);
    expect(base.driver).toBe("postgres");
    await Promise.all([base.migrate(), base.migrate()]);
    const r = await base.db.select({ n: sql<number>`count(*)::int` }).from(utilisateurs);
    expect(r).toEqual([{ n: 0 }]);
    expect(await base.ping()).toBe(true);
  });

  it("ping answers false on an unreachable server instead of throwing", async () => {
    const h = await createDb({ url: "postgres://postgres@127.0.0.1:1/nulle", poolMax: 1 });
    ouverts.push(h);
    expect(await h.ping()).toBe(false);
  });
});
