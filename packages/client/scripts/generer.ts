// `npx -y pnpm@12.20.0 --filter @trousse/client generate`: rewrites openapi.json and src/genere/api.ts from
// the API (its `dist/`, built first by the `generate` script).
import { writeFileSync } from "node:fs";
import { documentApi } from "./document-api.js";
import { FICHIERS_GENERES, fichiersGeneres } from "./fichiers-generes.js";

const contenus = await fichiersGeneres(await documentApi());
for (const [nom, chemin] of Object.entries(FICHIERS_GENERES)) {
  writeFileSync(chemin, contenus[nom as keyof typeof FICHIERS_GENERES]);
  console.log(`écrit : ${chemin}`);
}
