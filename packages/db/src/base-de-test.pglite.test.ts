import { existsSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { creerBaseDeTest, preparerModelePglite, VARIABLE_MODELE_PGLITE } from "./base-de-test.js";
import { clientPglite, createDb, type DbHandle } from "./client.js";

const tables = async (h: DbHandle): Promise<string[]> => {
  const r = (await h.db.execute(
    sql`select table_name as n from information_schema.tables where table_schema = 'public' order by 1`,
  )) as unknown as { rows: { n: string }[] };
  return r.rows.map((x) => x.n);
};

describe("modèle PGlite des bases de test", () => {
  const avant = process.env[VARIABLE_MODELE_PGLITE];
  const ouvertes: DbHandle[] = [];
  afterEach(async () => {
    await Promise.all(ouvertes.splice(0).map((h) => h.close()));
    if (avant === undefined) delete process.env[VARIABLE_MODELE_PGLITE];
    else process.env[VARIABLE_MODELE_PGLITE] = avant;
  });

  it("une base tirée du modèle a le schéma d'une base migrée de zéro, et chacune est indépendante", async () => {
    delete process.env[VARIABLE_MODELE_PGLITE];
    const deZero = await createDb({ memory: true });
    ouvertes.push(deZero);
    await deZero.migrate();

    const fermer = await preparerModelePglite();
    const fichier = process.env[VARIABLE_MODELE_PGLITE]!;
    expect(existsSync(fichier)).toBe(true);
    const a = await creerBaseDeTest();
    const b = await creerBaseDeTest();
    ouvertes.push(a, b);
    expect(await tables(a)).toEqual(await tables(deZero));
    expect((await tables(a)).length).toBeGreaterThan(5);

    await a.db.execute(sql`create table seulement_dans_a (x int)`);
    expect(await tables(a)).toContain("seulement_dans_a");
    expect(await tables(b)).not.toContain("seulement_dans_a");

    fermer();
    expect(existsSync(fichier)).toBe(false);
    expect(process.env[VARIABLE_MODELE_PGLITE]).toBeUndefined();
  });

  it("creerBaseDeTest part bien du fichier modèle nommé par TROUSSE_PGLITE_MODELE", async () => {
    const fermer = await preparerModelePglite();
    const fichier = process.env[VARIABLE_MODELE_PGLITE]!;
    // Replace the template by one with a table of its own: a database made afterwards must have it.
    const marquee = await createDb({ memory: true });
    ouvertes.push(marquee);
    await marquee.migrate();
    await marquee.db.execute(sql`create table marque_du_modele (x int)`);
    writeFileSync(
      fichier,
      Buffer.from(await (await clientPglite(marquee)!.dumpDataDir("none")).arrayBuffer()),
    );
    const h = await creerBaseDeTest();
    ouvertes.push(h);
    expect(await tables(h)).toContain("marque_du_modele");
    fermer();
  });

  it("sans modèle (ou son fichier disparu), creerBaseDeTest migre une base vide comme avant", async () => {
    process.env[VARIABLE_MODELE_PGLITE] = "/nonexistent/trousse-modele.tar";
    const h = await creerBaseDeTest();
    ouvertes.push(h);
    expect(await tables(h)).toContain("rendus");
  });
});
