import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cdnAJour } from "./cdn-a-jour.js";

const dossiers: string[] = [];
afterEach(() => {
  for (const d of dossiers.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fake workspace: packages/widgets with one source and, when asked, a built manifest. */
function paquet(): string {
  const racine = mkdtempSync(join(tmpdir(), "cdn-a-jour-"));
  dossiers.push(racine);
  const widgets = join(racine, "packages", "widgets");
  mkdirSync(join(widgets, "src", "choisir-visio"), { recursive: true });
  mkdirSync(join(racine, "packages", "catalogue", "dist"), { recursive: true });
  writeFileSync(join(widgets, "src", "choisir-visio", "x.ts"), "export {};");
  writeFileSync(join(racine, "packages", "catalogue", "dist", "index.js"), "export {};");
  return widgets;
}
function dater(chemin: string, secondes: number): void {
  utimesSync(chemin, secondes, secondes);
}
/** A package whose source and catalogue build are dated `source` and `catalogue`, built at `build` (s). */
function construitA(dates: { source: number; catalogue: number; build: number }): string {
  const widgets = paquet();
  dater(join(widgets, "src", "choisir-visio", "x.ts"), dates.source);
  dater(join(widgets, "..", "catalogue", "dist", "index.js"), dates.catalogue);
  mkdirSync(join(widgets, "dist", "cdn"), { recursive: true });
  writeFileSync(join(widgets, "dist", "cdn", "manifest.json"), "{}");
  dater(join(widgets, "dist", "cdn", "manifest.json"), dates.build);
  return widgets;
}

describe("cdnAJour", () => {
  it("non construit : faux", () => {
    expect(cdnAJour(paquet())).toBe(false);
  });

  it("construit après toutes les sources : vrai", () => {
    expect(cdnAJour(construitA({ source: 1_000, catalogue: 1_000, build: 2_000 }))).toBe(true);
  });

  it("une source du paquet modifiée après le build : faux", () => {
    expect(cdnAJour(construitA({ source: 3_000, catalogue: 1_000, build: 2_000 }))).toBe(false);
  });

  it("le catalogue reconstruit après le build : faux", () => {
    expect(cdnAJour(construitA({ source: 1_000, catalogue: 3_000, build: 2_000 }))).toBe(false);
  });

  it("un test modifié après le build ne compte pas", () => {
    const widgets = construitA({ source: 1_000, catalogue: 1_000, build: 2_000 });
    writeFileSync(join(widgets, "src", "choisir-visio", "x.test.ts"), "");
    dater(join(widgets, "src", "choisir-visio", "x.test.ts"), 3_000);
    expect(cdnAJour(widgets)).toBe(true);
  });
});
