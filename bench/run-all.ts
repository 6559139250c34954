// Lance les bancs de Trousse l'un après l'autre (jamais en parallèle : ils mesurent une machine à 2 cœurs) et
// affiche leurs chiffres. Chaque banc reste un script autonome de ce dossier.
// Usage : `npx -y pnpm@12.20.0 bench` (construit tout, puis lance tout), ou un seul :
// `npx -y pnpm@12.20.0 bench -- rush-echeance`. Code de sortie : 1 si un banc a échoué ou dépassé son budget.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BANCS = [
  "bundle-sizes",
  "widgets-first-render",
  "scan-copie",
  "regles-devoirs-fichiers",
  "api-throughput",
  "upload-1gib",
  "rush-echeance",
  "cpu-rendu",
  "rush-deux-processus",
  "rush-surcharge",
  "liens-lents",
  "bases-de-test",
] as const;

const demandes = process.argv.slice(2).filter((a) => a !== "--");
const inconnus = demandes.filter((d) => !(BANCS as readonly string[]).includes(d));
if (inconnus.length > 0) {
  console.error(`Banc inconnu : ${inconnus.join(", ")}. Bancs : ${BANCS.join(", ")}.`);
  process.exit(2);
}

let echecs = 0;
for (const banc of demandes.length > 0 ? demandes : BANCS) {
  console.log(`\n=== ${banc} ===`);
  const script = fileURLToPath(new URL(`./${banc}.ts`, import.meta.url));
  const r = spawnSync(process.execPath, ["--import", "tsx", script], { stdio: "inherit" });
  if (r.status !== 0) {
    echecs++;
    console.error(`${banc} : code de sortie ${r.status ?? r.signal}`);
  }
}
process.exit(echecs > 0 ? 1 : 0);
