// Mesure la taille gzip du module publié (dist/) : le point d'entrée et tous les modules qu'il importe,
// et la même mesure sans le module des schémas zod (ce qu'embarque un bundle qui n'utilise que les
// données et les aides : `sideEffects: false` permet à l'empaqueteur de l'écarter).
// Usage : npx -y pnpm@12.20.0 run build && npx -y pnpm@12.20.0 exec tsx scripts/mesurer-taille.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
if (!existsSync(join(dist, "index.js"))) {
  console.error("dist/index.js introuvable : lancez d'abord la construction (pnpm run build).");
  process.exit(1);
}

/** Les modules relatifs importés (statiquement) par un fichier, récursivement. */
function graphe(entree: string, exclus: Set<string>, vus = new Set<string>()): Set<string> {
  if (vus.has(entree) || exclus.has(relative(dist, entree))) return vus;
  vus.add(entree);
  const code = readFileSync(entree, "utf8");
  for (const m of code.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g))
    graphe(join(dirname(entree), m[1]!), exclus, vus);
  return vus;
}

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
const ko = (n: number) => `${(n / 1024).toFixed(1)} Kio`;

function mesurer(titre: string, exclus: string[]): void {
  const fichiers = [...graphe(join(dist, "index.js"), new Set(exclus))].sort();
  const codes = fichiers.map((f) => readFileSync(f, "utf8").replace(/\/\/# sourceMappingURL=.*$/m, ""));
  const somme = codes.reduce((t, c) => t + gz(c), 0);
  const ensemble = gz(codes.join("\n"));
  console.log(`${titre} : ${fichiers.length} modules, ${ko(codes.join("").length)} bruts,`);
  console.log(`  gzip fichier par fichier : ${ko(somme)} ; gzip d'un seul tenant : ${ko(ensemble)}`);
}

mesurer("Point d'entrée complet (avec schémas zod, sans zod lui-même)", []);
mesurer("Données + aides (sans schema.js, ce qu'embarque le widget)", ["schema.js"]);
const json = readFileSync(join(dist, "catalogue.json"));
console.log(`dist/catalogue.json : ${ko(json.length)} bruts, ${ko(gz(json))} gzip`);
