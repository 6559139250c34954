// Issue 10, defect 12: the production recipe of the README must build the widgets too, or
// /widgets/trousse.js answers 503 while /integrer hands out snippets that point at it.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dossierWidgets } from "./dossier-widgets.js";

const API = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const RACINE = resolve(API, "..", "..");

/** The `turbo run build …` line of the README's « Production » recipe, as arguments after `turbo`. */
function commandeConstruction(): string[] {
  const readme = readFileSync(join(API, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Production"));
  const bloc = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const ligne = bloc.split("\n").find((l) => /\bturbo run build\b/.test(l));
  if (!ligne) throw new Error("la recette de production n'a pas de ligne « turbo run build »");
  return ligne
    .replace(/#.*$/, "")
    .trim()
    .split(/\s+/)
    .slice(ligne.split(/\s+/).indexOf("turbo") + 1);
}

describe("recette de production du README", () => {
  it("construit l'API et les widgets que l'API sert sous /widgets (turbo --dry)", () => {
    const args = commandeConstruction();
    const sortie = execFileSync(join(RACINE, "node_modules", ".bin", "turbo"), [...args, "--dry=json"], {
      cwd: RACINE,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const taches = (
      JSON.parse(sortie.slice(sortie.indexOf("{"))) as { tasks: { taskId: string }[] }
    ).tasks.map((t) => t.taskId);
    expect(taches).toContain("@trousse/api#build");
    expect(taches).toContain("@trousse/widgets#build");
    // What that build writes is what the server serves: packages/widgets/dist/cdn, with trousse.js.
    expect(resolve(dossierWidgets())).toBe(join(RACINE, "packages", "widgets", "dist", "cdn"));
    expect(existsSync(join(dossierWidgets(), "trousse.js"))).toBe(true);
  });
});
