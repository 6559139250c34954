/* global URL, console, process */
// Writes dist/cdn/manifest.json (each file's size and Subresource Integrity hash, the files each widget
// needs) and the versioned copies under dist/cdn/v<version>/. Run after the two CDN Vite builds.
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const racine = fileURLToPath(new URL("..", import.meta.url));
const cdn = join(racine, "dist", "cdn");
const { version } = JSON.parse(readFileSync(join(racine, "package.json"), "utf8"));
const dossierVersion = `v${version}`;

if (!existsSync(join(cdn, "trousse.js")) || !existsSync(join(cdn, "trousse.classic.js"))) {
  console.error(
    "manifeste-cdn : dist/cdn/trousse.js ou trousse.classic.js manquant — lancez d'abord les builds Vite.",
  );
  process.exit(1);
}

// Vite's manifest gives each entry's static imports (the files a widget needs before it renders).
const viteManifestPath = join(cdn, ".vite", "manifest.json");
const viteManifest = {
  ...JSON.parse(readFileSync(viteManifestPath, "utf8")),
  // <trousse-rendre-devoir> is built apart (vite.rendre-devoir.config.ts): its own Lit, no chunk shared
  // with <trousse-choisir-visio>, whose budget stays as it was.
  ...JSON.parse(readFileSync(join(cdn, ".vite", "manifest-rendre-devoir.json"), "utf8")),
};
rmSync(join(cdn, ".vite"), { recursive: true, force: true });
rmSync(join(cdn, dossierVersion), { recursive: true, force: true });

/** Files needed by an entry, static imports first-level and deeper (dynamic imports excluded). */
function fichiersStatiques(cle, vus = new Set()) {
  const entree = viteManifest[cle];
  if (!entree || vus.has(entree.file)) return vus;
  vus.add(entree.file);
  for (const importe of entree.imports ?? []) fichiersStatiques(importe, vus);
  return vus;
}
const cleDe = (source) => {
  const cle = Object.keys(viteManifest).find((k) => viteManifest[k].src === source || k === source);
  if (!cle) throw new Error(`manifeste-cdn : entrée Vite introuvable pour ${source}`);
  return cle;
};

function lister(dossier) {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    return statSync(chemin).isDirectory() ? lister(chemin) : [chemin];
  });
}

const fichiers = {};
for (const chemin of lister(cdn).sort()) {
  const nom = relative(cdn, chemin).split(sep).join("/");
  if (nom.endsWith(".map") || nom === "manifest.json") continue;
  const contenu = readFileSync(chemin);
  fichiers[nom] = {
    octets: contenu.length,
    integrite: `sha384-${createHash("sha384").update(contenu).digest("base64")}`,
  };
}

const manifeste = {
  version,
  dossierVersion: `${dossierVersion}/`,
  chargeurs: { module: "trousse.js", classique: "trousse.classic.js" },
  // Per element: the file the loader imports (`entree`, also the snippet's module script) and every file
  // its first render needs (that one and its static imports).
  widgets: {
    "trousse-choisir-visio": {
      entree: viteManifest[cleDe("src/choisir-visio/define.ts")].file,
      fichiers: [...fichiersStatiques(cleDe("src/choisir-visio/define.ts"))],
    },
    "trousse-rendre-devoir": {
      entree: viteManifest[cleDe("src/rendre-devoir/define.ts")].file,
      fichiers: [...fichiersStatiques(cleDe("src/rendre-devoir/define.ts"))],
    },
  },
  fichiers,
};

for (const nom of Object.keys(fichiers)) {
  cpSync(join(cdn, nom), join(cdn, dossierVersion, nom), { recursive: true });
  if (existsSync(join(cdn, `${nom}.map`)))
    cpSync(join(cdn, `${nom}.map`), join(cdn, dossierVersion, `${nom}.map`));
}
writeFileSync(join(cdn, "manifest.json"), `${JSON.stringify(manifeste, null, 2)}\n`);
console.log(
  `manifeste-cdn : ${Object.keys(fichiers).length} fichiers, copies dans dist/cdn/${dossierVersion}/`,
);
