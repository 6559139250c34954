// Débit de l'API Trousse : GET /v1/outils (Hono) à côté d'un serveur node:http nu qui répond les mêmes octets,
// dans la même exécution, avec le rapport ; puis POST /v1/recommandations/visio (débit, p99) et p99 à 1 000 req/s,
// ce dernier à débit constant (bench/charge-constante.ts, pas `autocannon --overallRate` : voir ce fichier),
// à côté du serveur nu qui répond les mêmes octets (ce que le client seul coûte en latence), trois tours alternés.
// Usage : `npx -y pnpm@12.20.0 bench:api` (ou `node --import tsx bench/api-throughput.ts`).
// Chaque serveur tourne dans son propre processus ; autocannon tourne dans celui-ci. L'API démarre par son vrai
// point d'entrée (demarrer : PGlite, migrations, tous les intergiciels), journaux de requêtes au niveau info
// écrits dans /dev/null ; limites de débit relevées pour ne pas répondre 429 au banc.
// Cibles sur la machine à 2 cœurs, mesurées contre un serveur node:http nu dans le même passage : rapport de
// débit ≥ 0,95 ; p99 de la recommandation à 1 000 req/s ≤ 1,5 × le p99 du serveur nu (et < 5 ms sur machine calme).
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { chargeConstante, type ResultatCharge } from "./charge-constante.js";
import { mediane } from "./statistiques.js";

const racine = fileURLToPath(new URL("..", import.meta.url));
const requireApi = createRequire(`${racine}apps/api/package.json`);
const DUREE_S = Number(process.env.BENCH_DUREE_S ?? 10);
const CONNEXIONS = Number(process.env.BENCH_CONNEXIONS ?? 50);

const BESOIN = {
  organisateur: "enseignant",
  avec: ["eleves"],
  participants: 25,
  objet: "cours",
  niveau: "2D",
  ent: "ode",
  elevesIdentifies: true,
  reservationPossible: true,
  webConferenceEntEnCours: false,
};

// ---- Child side: one server per process -------------------------------------------------------------

async function serveurHono(): Promise<number> {
  // The real entry point: config validation, PGlite, migrations, every middleware, request logs at info
  // (this child's stdout goes to /dev/null).
  const { demarrer } = await import("../apps/api/src/server.ts");
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const s = await demarrer({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    TROUSSE_BASE_URL: "http://127.0.0.1",
    TROUSSE_SESSION_SECRET: "banc-d-essai-secret-de-32-caracteres-au-moins",
    TROUSSE_DATA_DIR: mkdtempSync(join(tmpdir(), "trousse-banc-")),
    TROUSSE_LIMITE_IP_MINUTE: "100000000",
    TROUSSE_LIMITE_UTILISATEUR_MINUTE: "100000000",
    LOG_LEVEL: "info",
  });
  const arreter = () => void s.arreter().finally(() => process.exit(0));
  process.once("SIGTERM", arreter);
  process.once("disconnect", arreter);
  return s.port;
}

async function serveurNu(): Promise<number> {
  // The same bytes and headers as Hono's answer to GET /v1/outils, computed once.
  const { figerCatalogue } = await import("../apps/api/src/outils/routes.ts");
  const { liste } = figerCatalogue();
  const corps = Buffer.from(liste.corps);
  // POST: the body is read and parsed (the least any server does), the answer is the API's bytes.
  const { recommanderVisio } = await import("../packages/rules/src/index.ts");
  const recommandation = Buffer.from(JSON.stringify(recommanderVisio(BESOIN as never)));
  const s = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/v1/recommandations/visio") {
      const morceaux: Buffer[] = [];
      req.on("data", (m: Buffer) => morceaux.push(m));
      req.on("end", () => {
        JSON.parse(Buffer.concat(morceaux).toString("utf8"));
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": recommandation.length,
        });
        res.end(recommandation);
      });
    } else if (req.url === "/v1/outils") {
      res.writeHead(200, {
        "content-type": liste.type,
        "content-length": corps.length,
        etag: liste.etag,
        "cache-control": "public, max-age=300",
      });
      res.end(corps);
    } else {
      res.writeHead(404).end();
    }
  });
  process.once("disconnect", () => process.exit(0));
  return new Promise((ok) => s.listen(0, "127.0.0.1", () => ok((s.address() as { port: number }).port)));
}

// ---- Parent side: measure -----------------------------------------------------------------------------

interface Mesure {
  rps: number;
  p50: number;
  p99: number;
  erreurs: number;
  non2xx: number;
}

async function lancerServeur(nature: "hono" | "nu"): Promise<{ port: number; enfant: ChildProcess }> {
  const enfant = fork(fileURLToPath(import.meta.url), ["--serveur", nature], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const port = await new Promise<number>((ok, ko) => {
    enfant.once("message", (m) => ok((m as { port: number }).port));
    enfant.once("exit", (code) => ko(new Error(`serveur ${nature} arrêté (${code})`)));
  });
  return { port, enfant };
}

async function mesurer(options: Record<string, unknown>): Promise<Mesure> {
  const autocannon = requireApi("autocannon") as (
    o: object,
    cb: (e: Error | null, r: AutocannonResultat) => void,
  ) => void;
  const r = await new Promise<AutocannonResultat>((ok, ko) =>
    autocannon({ connections: CONNEXIONS, duration: DUREE_S, ...options }, (e, res) => (e ? ko(e) : ok(res))),
  );
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    erreurs: r.errors,
    non2xx: r.non2xx,
  };
}

interface AutocannonResultat {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

const f = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 2 });
const ligne = (nom: string, m: Mesure) =>
  console.log(
    `${nom.padEnd(44)} ${f(Math.round(m.rps)).padStart(9)} req/s   p50 ${f(m.p50).padStart(6)} ms   p99 ${f(m.p99).padStart(6)} ms   erreurs ${m.erreurs}   non-2xx ${m.non2xx}`,
  );

const ligneConstante = (nom: string, r: ResultatCharge) =>
  console.log(
    `${nom.padEnd(52)} ${f(Math.round(r.rps)).padStart(6)} req/s   p50 ${f(r.p50).padStart(5)} ms   p99 ${f(r.p99).padStart(5)} ms   p99,9 ${f(r.p999).padStart(5)} ms   max ${f(r.max).padStart(6)} ms   erreurs ${r.erreurs}   non-2xx ${r.non2xx}`,
  );

async function principal(): Promise<void> {
  console.log(
    `Banc API Trousse — Node ${process.version}, ${cpus().length} cœurs, charge ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  console.log(`${CONNEXIONS} connexions, ${DUREE_S} s par mesure, serveurs dans des processus séparés\n`);
  const enfants: ChildProcess[] = [];
  try {
    const nu = await lancerServeur("nu");
    enfants.push(nu.enfant);
    const hono = await lancerServeur("hono");
    enfants.push(hono.enfant);
    // Warm-up (JIT, caches), then alternate to share the machine's noise between both servers.
    await mesurer({ url: `http://127.0.0.1:${nu.port}/v1/outils`, duration: 2 });
    await mesurer({ url: `http://127.0.0.1:${hono.port}/v1/outils`, duration: 2 });
    const mesuresNu: Mesure[] = [];
    const mesuresHono: Mesure[] = [];
    for (let tour = 0; tour < 2; tour++) {
      mesuresNu.push(await mesurer({ url: `http://127.0.0.1:${nu.port}/v1/outils` }));
      mesuresHono.push(await mesurer({ url: `http://127.0.0.1:${hono.port}/v1/outils` }));
    }
    const meilleur = (ms: Mesure[]) => ms.reduce((a, b) => (b.rps > a.rps ? b : a));
    const bNu = meilleur(mesuresNu);
    const bHono = meilleur(mesuresHono);
    mesuresNu.forEach((m, i) => ligne(`GET /v1/outils — node:http nu (tour ${i + 1})`, m));
    mesuresHono.forEach((m, i) => ligne(`GET /v1/outils — API Trousse (tour ${i + 1})`, m));
    const rapport = bHono.rps / bNu.rps;
    console.log(
      `\nRapport API / node:http nu (meilleur tour de chacun) : ${f(rapport)} (cible ≥ 0,95) ${rapport >= 0.95 ? "OK" : "EN DESSOUS"}\n`,
    );

    const reco = {
      url: `http://127.0.0.1:${hono.port}/v1/recommandations/visio`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(BESOIN),
    };
    await mesurer({ ...reco, duration: 2 });
    const recoMax = await mesurer(reco);
    ligne("POST /v1/recommandations/visio — débit max", recoMax);
    // 1 000 req/s à débit constant, 10 s : d'abord le serveur nu (ce que coûtent le client et la machine),
    // puis l'API ; chacun après 3 s de chauffe au même débit.
    const constante = (port: number, dureeS: number) =>
      chargeConstante({
        url: `http://127.0.0.1:${port}/v1/recommandations/visio`,
        methode: "POST",
        entetes: reco.headers,
        corps: reco.body,
        debit: 1000,
        dureeS,
      });
    // Trois tours alternés (la machine a des à-coups de quelques dizaines de ms, qui touchent les deux
    // serveurs) ; la médiane des trois p99 de chacun est le chiffre retenu.
    await constante(nu.port, 3);
    await constante(hono.port, 3);
    const tours: { nu: ResultatCharge; api: ResultatCharge }[] = [];
    for (let tour = 0; tour < 3; tour++) {
      tours.push({ nu: await constante(nu.port, DUREE_S), api: await constante(hono.port, DUREE_S) });
    }
    tours.forEach((t, i) => {
      ligneConstante(`POST …/visio — 1 000 req/s constants, nu (tour ${i + 1})`, t.nu);
      ligneConstante(`POST …/visio — 1 000 req/s constants, API (tour ${i + 1})`, t.api);
    });
    const p99Api = mediane(tours.map((t) => t.api.p99));
    const p99Nu = mediane(tours.map((t) => t.nu.p99));
    console.log(
      `\np99 de la recommandation à 1 000 req/s (médiane de 3 tours) : ${f(p99Api)} ms, serveur nu ${f(p99Nu)} ms : ${f(p99Api / p99Nu)} × (cible ≤ 1,5 ×) ${p99Api <= 1.5 * p99Nu ? "OK" : "AU-DESSUS"} ; < 5 ms : ${p99Api < 5 ? "OK" : "non"}`,
    );
    console.log(
      `charge en fin de banc : ${loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    for (const e of enfants) e.kill("SIGTERM");
  }
}

if (process.argv[2] === "--serveur") {
  const port = await (process.argv[3] === "hono" ? serveurHono() : serveurNu());
  process.send?.({ port });
} else {
  await principal();
}
