import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appDeTest, baseDeTest } from "../test-support/app-api.js";

// Every code written in a source (ErreurApi, ErreurAuth, a tus translation) must be listed on some operation
// of the OpenAPI document. The codes that come from the rules at run time (dates, file checks) are met by
// the malformed-request sweep (`balayage.test.ts`), which checks the same thing for every answer it sees.

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const MOTIFS = [
  /new ErreurApi\(\s*\d{3},\s*"([a-z0-9-]+)"/g,
  /new ErreurAuth\(\s*"([a-z0-9-]+)"/g,
  /(?:new ErreurTeleversement|erreurTeleversement)\(\s*\d{3},\s*"([a-z0-9-]+)"/g,
  /\[\s*\d{3},\s*"([a-z0-9-]+)",/g, // the tus translation table: [status, code, message]
];

async function sources(dossier: string): Promise<string[]> {
  const entrees = await readdir(dossier, { withFileTypes: true, recursive: true });
  return entrees
    .filter(
      (e) => e.isFile() && e.name.endsWith(".ts") && !e.name.includes(".test.") && !e.name.endsWith(".d.ts"),
    )
    .filter((e) => !e.parentPath.includes("test-support"))
    .map((e) => path.join(e.parentPath, e.name));
}

let base: DbHandle;
let documentes: Set<string>;
let ecrits: Map<string, string>;

beforeAll(async () => {
  base = await baseDeTest();
  const r = await appDeTest(base).app.request("/v1/openapi.json");
  const texte = await r.text();
  documentes = new Set([...texte.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)*)`/g)].map((m) => m[1]!));
  ecrits = new Map();
  for (const f of await sources(SRC)) {
    const contenu = await readFile(f, "utf8");
    for (const motif of MOTIFS)
      for (const m of contenu.matchAll(motif)) ecrits.set(m[1]!, path.relative(SRC, f));
  }
});
afterAll(async () => base.close());

describe("chaque code d'erreur que l'API peut répondre est dans le document OpenAPI", () => {
  it("la collecte voit bien les codes des devoirs, de la connexion et de tus", () => {
    expect(ecrits.size).toBeGreaterThan(40);
    for (const c of ["devoir-introuvable", "session-expiree", "version-tus-requise", "base-indisponible"])
      expect([...ecrits.keys()]).toContain(c);
  });

  it("aucun code écrit dans les sources n'est absent du document", () => {
    const absents = [...ecrits].filter(([c]) => !documentes.has(c)).map(([c, f]) => `${c} (${f})`);
    expect(absents).toEqual([]);
  });
});
