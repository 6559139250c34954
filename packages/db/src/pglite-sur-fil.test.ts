import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "./client.js";
import { estBaseIndisponible } from "./erreurs.js";
import { PgliteSurFil } from "./pglite-sur-fil.js";
import { etablissements } from "./schema/index.js";

// PGlite in its worker thread behaves as PGlite in process for what drizzle and the API do: types both
// ways, SQLSTATE errors, transactions that commit, roll back and exclude other calls, order, close, a dead
// worker. The whole API suite also runs through it with TROUSSE_TEST_PGLITE_FIL=1.

const ouverts: { close(): Promise<void> }[] = [];
const dossiers: string[] = [];
afterEach(async () => {
  await Promise.all(ouverts.splice(0).map((h) => h.close()));
  for (const d of dossiers.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function base(): Promise<DbHandle> {
  const d = mkdtempSync(join(tmpdir(), "trousse-fil-"));
  dossiers.push(d);
  const h = await createDb({ dataDir: d });
  ouverts.push(h);
  await h.migrate();
  return h;
}

describe("PgliteSurFil", () => {
  it("is what createDb opens on a data folder, and keeps the data across close and reopen", async () => {
    const d = mkdtempSync(join(tmpdir(), "trousse-fil-"));
    dossiers.push(d);
    const a = await createDb({ dataDir: d });
    await a.migrate();
    expect((a.db as unknown as { $client: unknown }).$client).toBeInstanceOf(PgliteSurFil);
    await a.db
      .insert(etablissements)
      .values({ entId: "ent", cle: "0620001A", uai: "0620001A", nom: "Collège du fil" });
    await a.close();
    expect(await a.ping()).toBe(false);
    const b = await createDb({ dataDir: d });
    ouverts.push(b);
    expect((await b.db.select().from(etablissements)).map((e) => e.nom)).toEqual(["Collège du fil"]);
  });

  it("carries types both ways as PGlite does: timestamps, jsonb, arrays, bytea, null, int8", async () => {
    const h = await base();
    const quand = new Date("2026-03-31T21:59:50.123Z");
    const r = (await h.db.execute(
      sql`select ${quand.toISOString()}::timestamptz as t, ${JSON.stringify({ a: [1, 2], b: "é" })}::jsonb as j,
          array[1, 2, 3]::int[] as tab, '\\x00ff'::bytea as o, null as n, 9007199254740993::int8 as g`,
    )) as unknown as {
      rows: {
        t: string;
        j: { a: number[]; b: string };
        tab: number[];
        o: Uint8Array;
        n: null;
        g: bigint | number | string;
      }[];
    };
    const ligne = r.rows[0]!;
    // drizzle asks for timestamps as text (its parsers run on this side) and maps them itself.
    expect(typeof ligne.t).toBe("string");
    expect(new Date(ligne.t).getTime()).toBe(quand.getTime());
    expect(ligne.j).toEqual({ a: [1, 2], b: "é" });
    expect(ligne.tab).toEqual([1, 2, 3]);
    expect([...ligne.o]).toEqual([0, 255]);
    expect(ligne.n).toBeNull();
    expect(String(ligne.g)).toBe("9007199254740993");
    const [e] = await h.db
      .insert(etablissements)
      .values({ entId: "ent", cle: "0620002B", uai: "0620002B", nom: "Lycée" })
      .returning();
    expect(e!.creeLe).toBeInstanceOf(Date);
  });

  it("runs the callers' parsers on this side, in both row modes", async () => {
    const pg = await PgliteSurFil.ouvrir();
    ouverts.push(pg);
    const parsers = { 1184: (v: string) => `«${v.slice(0, 4)}»` };
    const objet = await pg.query<{ t: string }>("select '2026-01-02T03:04:05Z'::timestamptz as t", [], {
      parsers,
    });
    expect(objet.rows[0]!.t).toBe("«2026»");
    const tableau = await pg.query<[string, number]>("select '2026-01-02T03:04:05Z'::timestamptz, 7", [], {
      parsers,
      rowMode: "array",
    });
    expect(tableau.rows[0]).toEqual(["«2026»", 7]);
  });

  it("rebuilds PostgreSQL errors with their SQLSTATE and constraint", async () => {
    const h = await base();
    await h.db.insert(etablissements).values({ entId: "ent", cle: "0620003C", uai: "0620003C", nom: "A" });
    const e = (await h.db
      .insert(etablissements)
      .values({ entId: "ent", cle: "0620003C", uai: "0620003C", nom: "B" })
      .catch((x: unknown) => x)) as Error & { cause?: { code?: string; constraint?: string } };
    expect(e).toBeInstanceOf(Error);
    expect(e.cause?.code).toBe("23505");
    expect(e.cause?.constraint).toBe("etablissements_ent_cle_uq");
    expect(estBaseIndisponible(e)).toBe(false);
  });

  it("commits a transaction, rolls one back when it throws, and keeps other calls out until it ends", async () => {
    const h = await base();
    await h.db.transaction(async (tx) => {
      await tx
        .insert(etablissements)
        .values({ entId: "ent", cle: "0620004D", uai: "0620004D", nom: "Gardé" });
    });
    await expect(
      h.db.transaction(async (tx) => {
        await tx
          .insert(etablissements)
          .values({ entId: "ent", cle: "0620005E", uai: "0620005E", nom: "Annulé" });
        throw new Error("non");
      }),
    ).rejects.toThrow("non");
    // A call made while a transaction is open waits for its end: it sees the committed row, never a partial state.
    let relache!: () => void;
    const attente = new Promise<void>((r) => (relache = r));
    const ordre: string[] = [];
    const transaction = h.db.transaction(async (tx) => {
      await tx.insert(etablissements).values({ entId: "ent", cle: "0620006F", uai: "0620006F", nom: "Tard" });
      await attente;
      await tx
        .update(etablissements)
        .set({ nom: "Tard, puis fini" })
        .where(eq(etablissements.uai, "0620006F"));
      ordre.push("transaction");
    });
    await new Promise((r) => setTimeout(r, 20));
    const dehors = h.db
      .select()
      .from(etablissements)
      .then((l) => {
        ordre.push("dehors");
        return l.map((e) => e.nom).sort();
      });
    await new Promise((r) => setTimeout(r, 50));
    expect(ordre).toEqual([]);
    relache();
    await transaction;
    expect(await dehors).toEqual(["Gardé", "Tard, puis fini"]);
    expect(ordre).toEqual(["transaction", "dehors"]);
    // Nested transactions are drizzle savepoints on the same connection.
    await h.db.transaction(async (tx) => {
      await tx
        .insert(etablissements)
        .values({ entId: "ent", cle: "0620007G", uai: "0620007G", nom: "Externe" });
      await tx
        .transaction(async (t2) => {
          await t2
            .insert(etablissements)
            .values({ entId: "ent", cle: "0620008H", uai: "0620008H", nom: "Interne" });
          throw new Error("interne");
        })
        .catch(() => undefined);
    });
    const noms = (await h.db.select().from(etablissements)).map((e) => e.nom);
    expect(noms).toContain("Externe");
    expect(noms).not.toContain("Interne");
  });

  it("answers calls in the order they were made, many at once", async () => {
    const pg = await PgliteSurFil.ouvrir();
    ouverts.push(pg);
    await pg.exec("create table t (n int primary key)");
    await Promise.all(Array.from({ length: 200 }, (_, i) => pg.query("insert into t values ($1)", [i])));
    const suite = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        pg.query<{ c: number }>("select count(*)::int as c from t where n < $1", [i]),
      ),
    );
    expect(suite.map((r) => r.rows[0]!.c)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("close() lets the transaction under way end (committed), then refuses later calls", async () => {
    const pg = await PgliteSurFil.ouvrir();
    ouverts.push(pg);
    await pg.exec("create table t (n int)");
    let relache!: () => void;
    const attente = new Promise<void>((r) => (relache = r));
    const transaction = pg.transaction(async (tx) => {
      await tx.query("insert into t values (1)");
      await attente;
      await tx.query("insert into t values (2)");
      return (await tx.query<{ c: number }>("select count(*)::int as c from t")).rows[0]!.c;
    });
    await new Promise((r) => setTimeout(r, 20));
    const fermeture = pg.close();
    expect(pg.closed).toBe(false);
    relache();
    expect(await transaction).toBe(2);
    await fermeture;
    expect(pg.closed).toBe(true);
    await expect(pg.query("select 1")).rejects.toThrow(/not queryable/);
  });

  it("a dead worker fails pending and later calls as « base indisponible » (SQLSTATE 57P02)", async () => {
    const pg = await PgliteSurFil.ouvrir();
    ouverts.push(pg);
    await pg.query("select 1");
    const longue = pg.query("select pg_sleep(2)");
    // The worker is killed under the running statement (a crash of the database thread).
    await new Promise((r) => setTimeout(r, 100));
    await pg.interrompre();
    const e = await longue.catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "57P02" });
    expect(estBaseIndisponible(e)).toBe(true);
    await expect(pg.query("select 1")).rejects.toMatchObject({ code: "57P02" });
  });
});
