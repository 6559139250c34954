import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Runs one command (`exporter.ts`, `purger.ts`) in a child process, as `pnpm rendus:exporter` does. */
function lancer(
  fichier: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = fileURLToPath(new URL(fichier, import.meta.url));
  const enfant = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  enfant.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  enfant.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok) => enfant.once("exit", (code) => ok({ code, stdout, stderr })));
}

const PILE = /^\s+at .+[:(]/m;
let dossier: string;
let base: DbHandle;

beforeAll(async () => {
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-cli-"));
  // The folder is held by this process, as by a running server: the command must not open it.
  base = await createDb({ dataDir: dossier });
});
afterAll(async () => {
  await base.close();
  await rm(dossier, { recursive: true, force: true });
});

describe("commandes d'exploitation lancées comme processus", () => {
  it("exporter : un dossier PGlite déjà ouvert donne le seul message français, sans pile, code 1", async () => {
    const r = await lancer("./exporter.ts", ["--uai", "0759999X", "--sortie", path.join(dossier, "x")], {
      TROUSSE_DATA_DIR: dossier,
      DATABASE_URL: "",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Export impossible : ");
    expect(r.stderr).toContain("déjà utilisé par un autre processus Trousse");
    expect(r.stderr).not.toMatch(PILE);
    expect(r.stdout).toBe("");
  }, 60_000);

  it("purger : même chose (message français, sans pile, code 1)", async () => {
    const r = await lancer("./purger.ts", [], { TROUSSE_DATA_DIR: dossier, DATABASE_URL: "" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Purge impossible : ");
    expect(r.stderr).not.toMatch(PILE);
  }, 60_000);

  it.each([
    ["exporter", "./exporter.ts", ["--uai", "X", "--sortie", "s", "--format", "zip"], "--format"],
    ["purger", "./purger.ts", ["--appliqer"], "--appliqer"],
  ])(
    "%s : une option inconnue est nommée en français, avec l'usage, code 2",
    async (_n, f, args, nom) => {
      const r = await lancer(f, args, { TROUSSE_DATA_DIR: dossier, DATABASE_URL: "" });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Option inconnue : ${nom}`);
      expect(r.stderr).toContain("Usage : ");
      expect(r.stderr).not.toMatch(PILE);
    },
    60_000,
  );
});
