// Génère les artefacts de données ouvertes (lancé par `build` avec tsx, après tsc) :
// dist/catalogue.json, dist/catalogue.csv, dist/catalogue.schema.json.
// Le catalogue est validé d'abord : des données invalides font échouer la construction.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { catalogue, catalogueSchema, outilsEnCsv, validerCatalogue } from "../src/index.js";

const dist = (nom: string): string => fileURLToPath(new URL(`../dist/${nom}`, import.meta.url));

const resultat = validerCatalogue(catalogue);
if (!resultat.ok) {
  console.error("Catalogue invalide : la construction s'arrête.");
  for (const e of resultat.erreurs) console.error(`  - ${e.chemin} : ${e.message}`);
  process.exit(1);
}

const schema: Record<string, unknown> = z.toJSONSchema(catalogueSchema, { target: "draft-2020-12" });
schema.title = "Catalogue Trousse des outils numériques";

await writeFile(dist("catalogue.json"), JSON.stringify(resultat.catalogue, null, 2) + "\n", "utf8");
await writeFile(dist("catalogue.csv"), outilsEnCsv(resultat.catalogue.outils), "utf8");
await writeFile(dist("catalogue.schema.json"), JSON.stringify(schema, null, 2) + "\n", "utf8");
console.log(
  `Catalogue ${catalogue.version} : ${catalogue.outils.length} outils, ${catalogue.sources.length} sources → dist/catalogue.{json,csv,schema.json}`,
);
