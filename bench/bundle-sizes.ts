// Tailles des bundles CDN des widgets (brut, gzip -9, brotli 11) et budgets par widget.
// Usage : `npx -y pnpm@12.20.0 --filter @trousse/widgets run build && node --import tsx bench/bundle-sizes.ts`
// Sort avec le code 1 si un widget dépasse son budget (chargeur + fichiers nécessaires au premier rendu).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const racine = fileURLToPath(new URL("..", import.meta.url));
const cdn = join(racine, "packages", "widgets", "dist", "cdn");
const cheminManifeste = join(cdn, "manifest.json");

/** Budgets gzip (octets, 1 KB = 1 000 octets) : chargeur + ce qu'il faut au premier rendu. */
const BUDGETS: Record<string, number> = {
  "trousse-choisir-visio": 20_000,
  "trousse-rendre-devoir": 25_000,
};

/** Budget gzip du mode « Photographier ma copie », chargé quand l'élève l'ouvre (en plus du widget). */
const BUDGET_SCAN = 15_000;
/** Ses morceaux dans dist/cdn/chunks. */
const SCAN = /\/(scan-copie|magasin)-/;

interface Manifeste {
  version: string;
  chargeurs: { module: string; classique: string };
  widgets: Record<string, { fichiers: string[] }>;
  fichiers: Record<string, { octets: number; integrite: string }>;
}

interface Tailles {
  brut: number;
  gzip: number;
  brotli: number;
}

function mesurer(contenu: Buffer): Tailles {
  return {
    brut: contenu.length,
    gzip: gzipSync(contenu, { level: 9 }).length,
    brotli: brotliCompressSync(contenu, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: contenu.length },
    }).length,
  };
}

const ko = (n: number): string => `${(n / 1000).toFixed(2)} KB`;
const ligne = (nom: string, t: Tailles): string =>
  `${nom.padEnd(44)} ${ko(t.brut).padStart(10)} ${ko(t.gzip).padStart(10)} ${ko(t.brotli).padStart(10)}`;
const somme = (ts: Tailles[]): Tailles =>
  ts.reduce((a, t) => ({ brut: a.brut + t.brut, gzip: a.gzip + t.gzip, brotli: a.brotli + t.brotli }), {
    brut: 0,
    gzip: 0,
    brotli: 0,
  });

if (!existsSync(cheminManifeste)) {
  console.error(
    `Manifeste introuvable (${cheminManifeste}) : construisez d'abord les widgets ` +
      "(`npx -y pnpm@12.20.0 --filter @trousse/widgets run build`).",
  );
  process.exit(1);
}
const manifeste = JSON.parse(readFileSync(cheminManifeste, "utf8")) as Manifeste;
const tailles = new Map<string, Tailles>();
for (const nom of Object.keys(manifeste.fichiers)) tailles.set(nom, mesurer(readFileSync(join(cdn, nom))));

console.log(`@trousse/widgets ${manifeste.version} — bundles CDN (dist/cdn)\n`);
console.log(`${"fichier".padEnd(44)} ${"brut".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`);
for (const [nom, t] of tailles) console.log(ligne(nom, t));

const statiques = new Set(Object.values(manifeste.widgets).flatMap((w) => w.fichiers));
const aLaDemande = [...tailles.keys()].filter(
  (n) => !statiques.has(n) && n !== manifeste.chargeurs.module && n !== manifeste.chargeurs.classique,
);

console.log("\nTotaux par widget (chargeur + fichiers nécessaires au premier rendu) :");
let depassement = false;
for (const [element, { fichiers }] of Object.entries(manifeste.widgets)) {
  for (const chargeur of [manifeste.chargeurs.module, manifeste.chargeurs.classique]) {
    const total = somme([chargeur, ...fichiers].map((f) => tailles.get(f)!));
    const budget = BUDGETS[element];
    const verdict =
      budget === undefined
        ? "(pas de budget)"
        : total.gzip <= budget
          ? `OK ≤ ${ko(budget)}`
          : `DÉPASSE ${ko(budget)}`;
    if (budget !== undefined && total.gzip > budget) depassement = true;
    console.log(`${ligne(`<${element}> via ${chargeur}`, total)}  ${verdict}`);
  }
}
console.log("\nChargés seulement à la demande (non comptés dans les budgets) :");
for (const nom of aLaDemande) {
  const raison = /\/(en|textes-en)-/.test(nom)
    ? 'textes anglais (lang="en")'
    : /catalogue-distant/.test(nom)
      ? "lecture du catalogue de l'API (attribut api)"
      : /\/browser-/.test(nom)
        ? "tus-js-client : <trousse-rendre-devoir>, seulement quand un fichier est choisi"
        : /\/resultats-/.test(nom)
          ? "<trousse-choisir-visio> : règles, catalogue et résultats, pendant que l'on remplit le formulaire"
          : /\/verifier-avant-envoi-/.test(nom)
            ? "<trousse-rendre-devoir> : vérification des fichiers (règles du serveur), quand un fichier est choisi"
            : /\/(vue-eleve|vue-parent|delai)-/.test(nom)
              ? "<trousse-rendre-devoir> : vues de l'élève et du parent (et ce qu'elles partagent avec celle de l'enseignant), demandées dès le début de la connexion"
              : /\/vue-enseignant-/.test(nom)
                ? "<trousse-rendre-devoir> : vue enseignant, après la connexion d'un enseignant"
                : SCAN.test(nom)
                  ? "<trousse-rendre-devoir> : « Photographier ma copie », quand l'élève ouvre ce mode"
                  : "morceau chargé dynamiquement";
  console.log(`${ligne(nom, tailles.get(nom)!)}  ${raison}`);
}

// « Photographier ma copie »: its chunks (element, image pipeline, PDF writer, IndexedDB store), on top of
// the widget, within their own budget.
// The mode's chunk and every chunk it imports statically that the widget's first render has not loaded
// (a chunk shared with the file check, for instance): what opening the mode downloads.
const aTelecharger = new Set<string>();
const suivre = (nom: string): void => {
  if (aTelecharger.has(nom) || statiques.has(nom) || !tailles.has(nom)) return;
  aTelecharger.add(nom);
  for (const m of readFileSync(join(cdn, nom), "utf8").matchAll(/from\s*"\.\/([^"]+\.js)"/g))
    suivre(join(dirname(nom), m[1]!));
};
aLaDemande.filter((n) => SCAN.test(n)).forEach(suivre);
const scan = somme([...aTelecharger].map((n) => tailles.get(n)!));
const scanOk = scan.gzip > 0 && scan.gzip <= BUDGET_SCAN;
if (!scanOk) depassement = true;
console.log(
  `\n${ligne(`« Photographier ma copie » : ${[...aTelecharger].map((n) => n.replace("chunks/", "")).join(" + ")}`, scan)}  ${scan.gzip === 0 ? "ABSENT" : scanOk ? `OK ≤ ${ko(BUDGET_SCAN)}` : `DÉPASSE ${ko(BUDGET_SCAN)}`}`,
);

// What the catalogue data of @trousse/catalogue weighs (the widget embeds its visio/audio part).
const json = join(racine, "packages", "catalogue", "dist", "catalogue.json");
if (existsSync(json)) {
  const complet = JSON.parse(readFileSync(json, "utf8")) as { outils: { categories: string[] }[] };
  const visio = complet.outils.filter((o) =>
    o.categories.some((c) => c === "visioconference" || c === "audioconference"),
  );
  console.log(
    `\nDonnées du catalogue complet (catalogue.json, ${complet.outils.length} outils) : ${ligne("", mesurer(readFileSync(json))).trim()}` +
      `\n  dont ${visio.length} outils de visio/audio, seuls embarqués par <trousse-choisir-visio> (sans la doctrine).`,
  );
}

if (depassement) {
  console.error("\nBudget dépassé.");
  process.exit(1);
}
console.log("\nTous les budgets sont tenus.");
