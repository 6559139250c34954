// Ce que coûte une base de test PGlite (creerBaseDeTest) : démarrée d'un PGlite vide puis migrée, ou tirée du
// modèle migré que la mise en place globale de vitest vide une fois par exécution (preparerModelePglite).
// Les deux façons, entrelacées dans le même tour (même charge), N fois chacune (N = 9, ou TROUSSE_BENCH_RUNS).
// Usage : `npx -y pnpm@12.20.0 --filter @trousse/db build && node --import tsx bench/bases-de-test.ts`
import { loadavg } from "node:os";
import {
  creerBaseDeTest,
  preparerModelePglite,
  VARIABLE_MODELE_PGLITE,
} from "../packages/db/src/base-de-test.ts";
import { mediane } from "./statistiques.js";

const RUNS = Number(process.env.TROUSSE_BENCH_RUNS ?? 9);
const charge = () => loadavg()[0]!.toFixed(2);

const debut = performance.now();
const fermer = await preparerModelePglite();
const modele = process.env[VARIABLE_MODELE_PGLITE]!;
console.log(
  `Modèle migré vidé une fois en ${(performance.now() - debut).toFixed(0)} ms ; charge 1 min ${charge()}`,
);

async function mesurer(avecModele: boolean): Promise<number> {
  if (avecModele) process.env[VARIABLE_MODELE_PGLITE] = modele;
  else delete process.env[VARIABLE_MODELE_PGLITE];
  const t = performance.now();
  const base = await creerBaseDeTest();
  const ms = performance.now() - t;
  await base.close();
  return ms;
}
const vide: number[] = [];
const depuisModele: number[] = [];
for (let i = 0; i < RUNS; i++) {
  vide.push(await mesurer(false));
  depuisModele.push(await mesurer(true));
}
fermer();
const f = (xs: number[]) =>
  `médiane ${mediane(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
console.log(`PGlite vide + migrations : ${f(vide)}`);
console.log(`tirée du modèle migré    : ${f(depuisModele)}`);
console.log(
  `rapport : ${(mediane(vide) / mediane(depuisModele)).toFixed(2)} × ; charge 1 min à la fin ${charge()}`,
);
