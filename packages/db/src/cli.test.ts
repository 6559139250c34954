import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { principal } from "./cli.js";
import { createDb } from "./client.js";
import { utilisateurs } from "./schema/index.js";

const dir = mkdtempSync(join(tmpdir(), "trousse-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("trousse-db", () => {
  it("prints the usage and fails on an unknown command", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await principal(["nimporte"], {})).toBe(2);
    expect(err.mock.calls[0]![0]).toContain("Utilisation : trousse-db migrate");
    err.mockRestore();
  });

  it("migrate creates the tables in TROUSSE_DATA_DIR and releases the folder", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await principal(["migrate"], { TROUSSE_DATA_DIR: dir })).toBe(0);
    expect(warn.mock.calls[0]![0]).toContain("Migrations appliquées (pglite");
    warn.mockRestore();
    const h = await createDb({ dataDir: dir });
    expect(await h.db.select().from(utilisateurs)).toEqual([]);
    await h.close();
  });

  it("migrate reports a locked folder clearly", async () => {
    const h = await createDb({ dataDir: dir });
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await principal(["migrate"], { TROUSSE_DATA_DIR: dir })).toBe(1);
    expect(err.mock.calls[0]![0]).toContain("déjà utilisé par un autre processus Trousse");
    err.mockRestore();
    await h.close();
  });
});
