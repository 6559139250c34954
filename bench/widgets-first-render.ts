// Temps jusqu'au premier rendu de <trousse-choisir-visio> et <trousse-rendre-devoir> dans Chromium (Debian) avec un processeur
// ralenti 4× (CDP Emulation.setCPUThrottlingRate), cache désactivé, servi par un serveur node:http local.
// Usage : `npx -y pnpm@12.20.0 --filter @trousse/widgets run build && node --import tsx bench/widgets-first-render.ts`
// Chiffres : médiane, min et max sur N chargements (N = 7, ou TROUSSE_BENCH_RUNS), avec la charge de la machine
// (os.loadavg) et un plancher (la même page hôte sans widget) mesurés dans les mêmes tours. Chaque widget est
// aussi donné moins le plancher du même tour (médiane des écarts appariés) : ce que le widget ajoute à la page.
// TROUSSE_BENCH_AVANT=<dossier dist/cdn d'un autre build> (par exemple celui de main) : l'extrait /integrer de
// ce build-là est mesuré dans les mêmes tours (avant/après apparié). TROUSSE_BENCH_PORT : port du serveur.
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { extraitScript, type ManifesteExtrait } from "../apps/api/src/embed/extrait-script.ts";
import {
  DOSSIER_CDN,
  demarrerServeur,
  lancerChromium,
  pageHote,
} from "../packages/widgets/test/navigateur.ts";
import { mediane } from "./statistiques.js";

const RUNS = Number(process.env.TROUSSE_BENCH_RUNS ?? 7);
const RALENTISSEMENT = 4;

const SCENARIOS: { nom: string; chemin: string; corps: string; scripts?: string[]; element?: string }[] = [
  {
    nom: "formulaire (étape 1), chargeur module",
    chemin: "/formulaire.html",
    corps: "<trousse-choisir-visio></trousse-choisir-visio>",
  },
  {
    nom: "résultats directs (toutes réponses en attributs)",
    chemin: "/resultats.html",
    corps:
      '<trousse-choisir-visio organisateur="enseignant" avec="eleves" participants="25" objet="cours" niveau="2d" ent="ode" besoins="eleves-identifies"></trousse-choisir-visio>',
  },
  {
    nom: "formulaire, chargeur module + modulepreload",
    chemin: "/prechargement.html",
    corps: "<trousse-choisir-visio></trousse-choisir-visio>",
    scripts: [
      '<link rel="modulepreload" href="/widgets/choisir-visio.js" />',
      '<script type="module" src="/widgets/trousse.js"></script>',
    ],
  },
  {
    nom: "formulaire, chargeur classique",
    chemin: "/classique.html",
    corps: "<trousse-choisir-visio></trousse-choisir-visio>",
    scripts: ['<script src="/widgets/trousse.classic.js"></script>'],
  },
  {
    nom: "<trousse-rendre-devoir> (connexion), chargeur module",
    chemin: "/rendre-devoir.html",
    corps: '<trousse-rendre-devoir api="http://127.0.0.1:1"></trousse-rendre-devoir>',
    element: "trousse-rendre-devoir",
  },
];

// The snippet /integrer hands out (modulepreload hints + frozen loader and element module with SRI + element), built by the
// configurator's own function, pointed at this server.
const manifeste = JSON.parse(readFileSync(join(DOSSIER_CDN, "manifest.json"), "utf8")) as ManifesteExtrait;
const lignesExtrait = extraitScript(manifeste, "", "rendre-devoir", ' api="http://127.0.0.1:1"').split("\n");
const elementExtrait = lignesExtrait.pop()!;
SCENARIOS.push({
  nom: "<trousse-rendre-devoir>, extrait /integrer (modulepreload + module de l'élément)",
  chemin: "/rendre-devoir-integrer.html",
  corps: elementExtrait,
  scripts: lignesExtrait,
  element: "trousse-rendre-devoir",
});

// The same snippet shape without the element's own module script (the loader alone imports it): the
// snippet /integrer handed out before, on this build.
const manifesteSansEntree: ManifesteExtrait = {
  ...manifeste,
  widgets: Object.fromEntries(
    Object.entries(manifeste.widgets).map(([nom, w]) => [nom, { fichiers: w.fichiers }]),
  ),
};
const lignesAncien = extraitScript(
  manifesteSansEntree,
  "",
  "rendre-devoir",
  ' api="http://127.0.0.1:1"',
).split("\n");
SCENARIOS.push({
  nom: "<trousse-rendre-devoir>, extrait sans module de l'élément (chargeur seul)",
  chemin: "/rendre-devoir-extrait-chargeur-seul.html",
  corps: lignesAncien.pop()!,
  scripts: lignesAncien,
  element: "trousse-rendre-devoir",
});

// Another build (TROUSSE_BENCH_AVANT, e.g. main's dist/cdn), served under /avant/widgets/: its own /integrer
// snippet, built by this extraitScript from its manifest (a manifest without `entree` gives the snippet of
// that time: modulepreload + loader).
const AVANT = process.env.TROUSSE_BENCH_AVANT;
const fichiersAvant = new Map<string, string>();
if (AVANT) {
  const m = JSON.parse(readFileSync(join(AVANT, "manifest.json"), "utf8")) as ManifesteExtrait;
  for (const nom of Object.keys(m.fichiers)) {
    const chemin = join(AVANT, m.dossierVersion, nom);
    if (existsSync(chemin)) fichiersAvant.set(`/avant/widgets/${m.dossierVersion}${nom}`, chemin);
  }
  const lignes = extraitScript(m, "/avant", "rendre-devoir", ' api="http://127.0.0.1:1"').split("\n");
  SCENARIOS.push({
    nom: "<trousse-rendre-devoir>, extrait /integrer du build AVANT",
    chemin: "/rendre-devoir-integrer-avant.html",
    corps: lignes.pop()!,
    scripts: lignes,
    element: "trousse-rendre-devoir",
  });
}

// The floor: the same host page without any widget, with the loader (which finds nothing to load) and a
// module script of the page that marks when it runs (`plancher:module`, the moment a widget's module
// could render at the earliest: the page parsed, its deferred scripts running), measured in the same
// runs, so a loaded machine shows as a higher floor rather than as a slower widget. Its first contentful
// paint is printed too (a paint, later than a mark: not what the widgets' marks are compared with).
SCENARIOS.unshift({
  nom: "plancher : page hôte sans widget (module de la page)",
  chemin: "/plancher.html",
  corps: "<p>Rien</p>",
  scripts: [
    '<script type="module" src="/widgets/trousse.js"></script>',
    '<script type="module" src="/plancher.js"></script>',
  ],
});
const PLANCHER = SCENARIOS[0]!;
const MARQUE_PLANCHER = "plancher:module";

const charge = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
const serveur = await demarrerServeur(Number(process.env.TROUSSE_BENCH_PORT ?? 0));
serveur.route("/plancher.js", (_req, res) => {
  res
    .writeHead(200, { "content-type": "text/javascript; charset=utf-8" })
    .end(`performance.mark(${JSON.stringify(MARQUE_PLANCHER)});\n`);
});
for (const [url, fichier] of fichiersAvant)
  serveur.route(url, (_req, res) => {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(readFileSync(fichier));
  });
const navigateur = await lancerChromium();
try {
  console.log(
    `Premier rendu des widgets — Chromium ${navigateur.version()}, CPU ralenti ${RALENTISSEMENT}×, ` +
      `cache désactivé, ${RUNS} chargements par scénario, scénarios entrelacés (chaque tour les mesure tous, ` +
      `sous la même charge) — ms depuis le début de la navigation ; charge au début (1/5/15 min) : ${charge()}\n`,
  );
  const mesures = new Map(
    SCENARIOS.map((s) => [
      s,
      { rendus: [] as number[], loads: [] as number[], charges: [] as number[], fcp: [] as number[] },
    ]),
  );
  for (const s of SCENARIOS)
    serveur.page(s.chemin, pageHote(s.corps, s.scripts ? { scripts: s.scripts } : {}));
  for (let i = 0; i < RUNS; i++) {
    for (const s of SCENARIOS) {
      const marque =
        s === PLANCHER ? MARQUE_PLANCHER : `${s.element ?? "trousse-choisir-visio"}:premier-rendu`;
      const contexte = await navigateur.newContext({ viewport: { width: 360, height: 740 } });
      const page = await contexte.newPage();
      const cdp = await contexte.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: RALENTISSEMENT });
      await page.goto(serveur.url + s.chemin);
      // The element marks its first render (performance.mark in firstUpdated); the floor, its module.
      await page.waitForFunction(
        (m) =>
          performance.getEntriesByName(m).length > 0 &&
          performance.getEntriesByName("first-contentful-paint").length > 0,
        marque,
      );
      const r = await page.evaluate(
        (m) => ({
          rendu: performance.getEntriesByName(m)[0]!.startTime,
          fcp: performance.getEntriesByName("first-contentful-paint")[0]!.startTime,
          charge: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
        }),
        marque,
      );
      const x = mesures.get(s)!;
      x.rendus.push(r.rendu);
      x.fcp.push(r.fcp);
      x.loads.push(r.charge);
      x.charges.push(loadavg()[0]!);
      await contexte.close();
    }
  }
  const f = (x: number) => `${x.toFixed(0)} ms`;
  const plancher = mesures.get(PLANCHER)!.rendus;
  for (const s of SCENARIOS) {
    const { rendus, loads, charges, fcp } = mesures.get(s)!;
    // Paired with the floor of the same round (same load), then the median of those differences.
    const ecart =
      s === PLANCHER
        ? ""
        : ` ; moins le plancher du même tour : médiane ${f(mediane(rendus.map((r, i) => r - plancher[i]!)))}`;
    console.log(
      `${s.nom.padEnd(72)} ${s === PLANCHER ? "module de la page" : "premier rendu"} : médiane ${f(mediane(rendus))} (min ${f(Math.min(...rendus))}, max ${f(Math.max(...rendus))})` +
        `${ecart} ; FCP : médiane ${f(mediane(fcp))} ; load : médiane ${f(mediane(loads))} ; charge 1 min pendant ses mesures : ${Math.min(...charges).toFixed(2)}–${Math.max(...charges).toFixed(2)}`,
    );
  }
  console.log(`\nCharge à la fin (1/5/15 min) : ${charge()} — ${cpus().length} cœurs.`);
} finally {
  await navigateur.close();
  await serveur.fermer();
}
