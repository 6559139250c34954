// Débit des règles pures de @trousse/rules appelées à chaque requête de l'API (statuts, dates) et à chaque
// téléversement (détection du type sur les 4 100 premiers octets). Imprime des chiffres, ne juge pas.
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/rules && node --import tsx bench/regles-devoirs-fichiers.ts`
import { performance } from "node:perf_hooks";
import {
  OCTETS_DETECTION,
  detecterTypeFichier,
  heureParisVersInstant,
  peutRendre,
  statutRendu,
  statutSuivi,
  verifierLot,
} from "../packages/rules/dist/index.js";

function mesurer(nom: string, n: number, f: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(n, 2_000); i++) f(i); // chauffe
  const debut = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const ms = performance.now() - debut;
  const parAppel = (ms * 1000) / n;
  console.log(
    `${nom.padEnd(70)} ${String(Math.round((n / ms) * 1000)).padStart(10)} appels/s  ${parAppel.toFixed(2).padStart(8)} µs/appel`,
  );
}

const devoir = {
  ouverture: "2026-03-23T08:00:00+01:00",
  echeance: "2026-03-31T23:59:00+02:00",
  dateLimite: "2026-04-02T23:59:00+02:00",
  publicationCorrige: "2026-04-03T08:00:00+02:00",
};
const t0 = Date.parse("2026-03-20T00:00:00Z");
const instants = Array.from({ length: 1024 }, (_, i) => new Date(t0 + i * 17 * 60_000));
const rendu = { renduLe: "2026-03-30T18:00:00+02:00" };

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
function bloc(entete: Uint8Array, remplissage: number): Uint8Array {
  const b = new Uint8Array(OCTETS_DETECTION).fill(remplissage);
  b.set(entete);
  return b;
}
let graine = 42;
const hasard = new Uint8Array(OCTETS_DETECTION).map(
  () => (graine = (graine * 1103515245 + 12345) % 2 ** 31) & 0xff,
);
const echantillons: [string, Uint8Array][] = [
  ["PDF", bloc(enc("%PDF-1.7\n"), 0x20)],
  ["PNG", bloc(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 0)],
  ["HEIC (ftyp)", bloc(enc("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), 0)],
  ["zip quelconque (parcours des en-têtes)", bloc(enc("PK\x03\x04"), 0x41)],
  ["texte UTF-8 de 4 100 octets", enc("Rédaction : mon été. ".repeat(200)).subarray(0, OCTETS_DETECTION)],
  ["octets aléatoires (pire cas : tout est essayé)", hasard],
];

console.log(`@trousse/rules — Node ${process.version}, ${new Date().toISOString()}`);
mesurer("statutRendu (dates en chaînes ISO)", 200_000, (i) =>
  statutRendu({ devoir, rendu, maintenant: instants[i % 1024]! }),
);
mesurer("statutSuivi", 200_000, (i) =>
  statutSuivi({ devoir, vuLe: instants[0]!, maintenant: instants[i % 1024]! }),
);
mesurer("peutRendre", 200_000, (i) => peutRendre({ devoir, maintenant: instants[i % 1024]! }));
mesurer("heureParisVersInstant (Intl)", 50_000, (i) =>
  heureParisVersInstant(`2026-03-${String((i % 28) + 1).padStart(2, "0")}T23:59`),
);
for (const [nom, octets] of echantillons)
  mesurer(`detecterTypeFichier — ${nom}`, 50_000, () => detecterTypeFichier(octets));
const lot = Array.from({ length: 20 }, (_, i) => ({
  nom: `photo-${i}.jpg`,
  taille: 3_000_000,
  debut: bloc(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), 0),
}));
mesurer("verifierLot — 20 photos JPEG", 20_000, () =>
  verifierLot(lot, { familles: ["document", "image"], tailleMaxOctets: 104_857_600, nombreMax: 20 }),
);
