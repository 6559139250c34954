// The drift check: the committed openapi.json and src/genere/api.ts must be exactly what the API's code gives
// today (built from apps/api/dist, which turbo builds before this test: "@trousse/client#test" depends on
// "@trousse/api#build").
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentApi } from "./document-api.js";
import { FICHIERS_GENERES, fichiersGeneres } from "./fichiers-generes.js";
import { premiereDifference } from "./premiere-difference.js";

const PAQUET = join(import.meta.dirname, "..");
const REGENERER = "régénérez avec `npx -y pnpm@12.20.0 --filter @trousse/client generate` et committez";

let doc: Record<string, unknown>;
beforeAll(async () => {
  doc = await documentApi();
});

describe("fichiers générés depuis l'API", () => {
  it.each(Object.entries(FICHIERS_GENERES).map(([nom, chemin]) => [relative(PAQUET, chemin), nom] as const))(
    "%s est à jour",
    async (fichier, nom) => {
      const attendu = (await fichiersGeneres(doc))[nom as keyof typeof FICHIERS_GENERES];
      const ecart = premiereDifference(attendu, readFileSync(join(PAQUET, fichier), "utf8"));
      expect(ecart, `${fichier} ne correspond plus à l'API (${ecart}) : ${REGENERER}`).toBeUndefined();
    },
  );

  it("un champ renommé dans le document change les types générés", async () => {
    const modifie = structuredClone(doc) as {
      components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
    };
    const monRendu = modifie.components.schemas.MonRendu!;
    monRendu.properties.libelleRenomme = monRendu.properties.libelle;
    delete monRendu.properties.libelle;
    monRendu.required = monRendu.required.map((c) => (c === "libelle" ? "libelleRenomme" : c));
    const types = (await fichiersGeneres(modifie as unknown as Record<string, unknown>)).types;
    expect(premiereDifference(types, readFileSync(FICHIERS_GENERES.types, "utf8"))).toBeDefined();
    expect(types).toContain("libelleRenomme: string;");
  });

  it("le document est celui de l'API Trousse, en OpenAPI 3.1", () => {
    expect(doc).toMatchObject({ openapi: "3.1.0", info: { title: "API Trousse" } });
    expect(Object.keys(doc.paths as object)).toContain("/v1/devoirs/{id}/rendre");
  });
});
