import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir, hostname } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "./client.js";
import { ErreurDb } from "./erreurs.js";
import { utilisateurs } from "./schema/index.js";

const ouverts: DbHandle[] = [];
const dossiers: string[] = [];
function dossierTemporaire(): string {
  const d = mkdtempSync(join(tmpdir(), "trousse-db-"));
  dossiers.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(ouverts.splice(0).map((h) => h.close()));
  for (const d of dossiers.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("createDb (PGlite)", () => {
  it("refuses to open without url, dataDir or memory, with a French error", async () => {
    await expect(createDb({})).rejects.toMatchObject({ code: "options-base-invalides" });
  });

  it("opens in memory, migrates twice without harm and answers ping", async () => {
    const h = await createDb({ memory: true });
    ouverts.push(h);
    expect(h.driver).toBe("pglite");
    await h.migrate();
    await h.migrate();
    expect(await h.ping()).toBe(true);
    const r = await h.db.select().from(utilisateurs);
    expect(r).toEqual([]);
  });

  it("locks its data folder: a second open fails with a clear error while the first is open, then succeeds", async () => {
    const dir = dossierTemporaire();
    const premier = await createDb({ dataDir: dir });
    ouverts.push(premier);
    expect(readFileSync(join(dir, "trousse.lock"), "utf8").split("\n")[0]).toBe(String(process.pid));
    const err = await createDb({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ErreurDb);
    expect((err as ErreurDb).code).toBe("donnees-verrouillees");
    expect((err as ErreurDb).message).toContain("déjà utilisé par un autre processus Trousse");
    expect((err as ErreurDb).message).toContain(`pid ${process.pid}`);
    // The failed attempt must not have removed the owner's lock.
    expect(existsSync(join(dir, "trousse.lock"))).toBe(true);
    await premier.close();
    expect(existsSync(join(dir, "trousse.lock"))).toBe(false);
    expect(await premier.ping()).toBe(false);
    const second = await createDb({ dataDir: dir });
    ouverts.push(second);
    expect(await second.ping()).toBe(true);
  });

  it("keeps the data across close and reopen", async () => {
    const dir = dossierTemporaire();
    const a = await createDb({ dataDir: dir });
    await a.migrate();
    await a.db
      .insert(utilisateurs)
      .values({ entId: "e", uid: "u1", nomAffiche: "Léa Martin", role: "eleve" });
    await a.close();
    const b = await createDb({ dataDir: dir });
    ouverts.push(b);
    await b.migrate();
    const r = await b.db.select({ nom: utilisateurs.nomAffiche }).from(utilisateurs);
    expect(r).toEqual([{ nom: "Léa Martin" }]);
  });

  it("takes over a stale lock left by a dead process", async () => {
    const dir = dossierTemporaire();
    const mort = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    writeFileSync(join(dir, "trousse.lock"), `${mort}\n${hostname()}\n`);
    const h = await createDb({ dataDir: dir });
    ouverts.push(h);
    expect(await h.ping()).toBe(true);
    expect(readFileSync(join(dir, "trousse.lock"), "utf8").split("\n")[0]).toBe(String(process.pid));
  });

  it("respects a lock held by another live process", async () => {
    const dir = dossierTemporaire();
    writeFileSync(join(dir, "trousse.lock"), `${process.ppid}\n${hostname()}\n`);
    await expect(createDb({ dataDir: dir })).rejects.toMatchObject({
      code: "donnees-verrouillees",
      message: expect.stringContaining(`pid ${process.ppid}`),
    });
    expect(readFileSync(join(dir, "trousse.lock"), "utf8").split("\n")[0]).toBe(String(process.ppid));
  });

  it("close is idempotent", async () => {
    const h = await createDb({ dataDir: dossierTemporaire() });
    await Promise.all([h.close(), h.close()]);
    await h.close();
  });
});
