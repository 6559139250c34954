// Surcharge du rush d'échéance (issue 14) : ELEVES élèves × 3 Mo qui appuient tous sur « Rendre » dans une
// fenêtre de FENETRE_S secondes, contre la commande principale du README (le vrai serveur `apps/api`, mode
// démonstration, PGlite), puis contre PostgreSQL. Chaque élève fait ce que fait le widget : empreinte sha256
// du fichier, ENGAGEMENT (`engager`, l'heure qui compte), envoi tus (POST puis PATCH), puis « rendre ».
// Comme tus-js-client avec le widget (packages/widgets/src/rendre-devoir/televerser.ts, dont le banc importe
// `delaiOccupe` et `DELAIS_REPRISE`) : un 503 attend `Retry-After` (recul et gigue) puis reprend par HEAD
// (où en est le serveur ?) et un PATCH depuis ce décalage ; une connexion perdue est réessayée après
// DELAIS_REPRISE, elle aussi par HEAD. Chaque élève a ses propres connexions (un agent keep-alive par élève,
// comme un navigateur), pas un réservoir commun du banc où l'engagement attendrait derrière les envois des autres.
// L'échéance tombe à la fin de la fenêtre, sans date limite : un rendu jugé à l'heure de réception serait
// refusé ; jugé à l'heure de l'engagement, il est à l'heure. Un élève qui appuie dans les derniers instants
// peut voir son engagement arriver après l'échéance (refusé, comme tout envoi arrivé trop tard) : le banc
// l'admet s'il était parti moins de 1 s avant (la cible p99 de l'engagement), et imprime le plus tôt parti.
// Affiche : perdus, 5xx autres que 503 avec Retry-After, erreurs réseau (par étape), part « rendu à l'heure »
// des élèves engagés avant l'échéance, p50/p99 de l'engagement, part des requêtes délestées (503), temps
// d'écoulement après la fenêtre, CPU serveur par rendu, et ce que coûte le client (CPU, retard de sa boucle
// d'événements : il mesure l'engagement, son retard s'y ajoute), charge de la machine (os.loadavg).
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api && node --import tsx bench/rush-surcharge.ts`
// Variables : ELEVES (défaut 5000), FENETRE_S (60), TAILLE_OCTETS (3 000 000), FICHIER (scan | hors-flux), PORT_BENCH (42500),
// PILOTE (tous | pglite | postgres : un seul des deux, pour tenir un tour de mesure court),
// PG_ADMIN_URL (défaut postgres://postgres@127.0.0.1:5432/postgres ; « non » pour sauter PostgreSQL),
// ECOULEMENT_MAX_S (900 : après la fenêtre, combien de temps les élèves peuvent encore finir),
// plus toute variable TROUSSE_ADMISSION_* passée au serveur.
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { DELAIS_REPRISE, delaiOccupe } from "../packages/widgets/src/rendre-devoir/televerser.ts";
import { copieScannee, octetsHorsFlux } from "./copies.js";
import { cpuSecondes, demarrerServeurApi } from "./serveur-api.js";
import { centile as centileTrie } from "./statistiques.js";
import { requeteHttp, type Reponse } from "./requete-http.js";

const ELEVES = Number(process.env.ELEVES ?? 5000);
const FENETRE_MS = Number(process.env.FENETRE_S ?? 60) * 1000;
const TAILLE = Number(process.env.TAILLE_OCTETS ?? 3_000_000);
const PORT = Number(process.env.PORT_BENCH ?? 42_500);
const PG_ADMIN = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PILOTE = process.env.PILOTE ?? "tous";
const ECOULEMENT_MAX_MS = Number(process.env.ECOULEMENT_MAX_S ?? 900) * 1000;
/** Une requête sans un octet de réponse pendant ce temps est une connexion perdue. */
const SILENCE_MAX_MS = 120_000;

const centile = (valeurs: number[], p: number): number =>
  valeurs.length
    ? centileTrie(
        [...valeurs].sort((a, b) => a - b),
        p,
      )
    : Number.NaN;
const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Un fichier par élève : un fond commun suivi de 32 octets propres à l'élève. Le fond est une copie scannée
// (FICHIER=scan, défaut : un PDF dont l'image JPEG est un flux, comme l'écrit « Photographier ma copie »), ou
// FICHIER=hors-flux (un en-tête PDF puis des octets aléatoires : le pire cas de l'analyse des PDF, chaque
// octet lu jeton par jeton ; ce qu'envoyaient les tours d'avant le 3 décembre). Le sha256 du fond est calculé
// une fois (l'état du hachage est copié pour chaque élève) et le corps part en deux morceaux sans copie : le
// client ne paie ni 3 Mo de hachage ni 3 Mo de copie par élève.
const GRAINE = 32;
const FICHIER = process.env.FICHIER ?? "scan";
const FOND = FICHIER === "hors-flux" ? octetsHorsFlux(TAILLE - GRAINE) : copieScannee(TAILLE - GRAINE);
const HACHAGE_FOND = createHash("sha256").update(FOND);
/** Le corps depuis `decalage` : la fin du fond puis la graine, ou la fin de la graine. */
const corpsDepuis = (graine: Buffer, decalage: number): Buffer[] =>
  decalage < FOND.length ? [FOND.subarray(decalage), graine] : [graine.subarray(decalage - FOND.length)];

interface Accuse {
  renduId: string;
  renduLe: string;
  recuLe: string | null;
  enRetard: boolean;
  fichiers: { id: string; sha256: string }[];
}

async function rush(nom: string, env: Record<string, string>, dossierDonnees: string): Promise<boolean> {
  const tDemarrage = performance.now();
  const { enfant, base } = await demarrerServeurApi({
    ...env,
    PORT: String(PORT),
    TROUSSE_DATA_DIR: dossierDonnees,
    TROUSSE_DEMO_ELEVES_RUSH: String(ELEVES),
  });
  const demarrageS = (performance.now() - tDemarrage) / 1000;
  // Les appels du banc lui-même (connexions, création du devoir, suivi).
  const agentBanc = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const agents: http.Agent[] = [];
  try {
    const requete = (url: string, options: Parameters<typeof requeteHttp>[2]) =>
      requeteHttp(agentBanc, url, options);
    const json = { "content-type": "application/json" };
    const connexion = async (login: string) => {
      const r = await requete(`${base}/v1/auth/demo`, {
        methode: "POST",
        entetes: json,
        corps: JSON.stringify({ login }),
      });
      if (r.status !== 200) throw new Error(`connexion ${login} : ${r.status} ${r.corps}`);
      return (JSON.parse(r.corps.toString()) as { jeton: string }).jeton;
    };
    const prof = await connexion("rush.prof");
    const logins = Array.from({ length: ELEVES }, (_, i) => `rush.eleve${String(i + 1).padStart(4, "0")}`);
    const jetons: string[] = [];
    const tConnexions = performance.now();
    for (let i = 0; i < logins.length; i += 50)
      jetons.push(...(await Promise.all(logins.slice(i, i + 50).map(connexion))));
    const connexionsS = (performance.now() - tConnexions) / 1000;
    const { groupes } = JSON.parse(
      (
        await requete(`${base}/v1/groupes`, { methode: "GET", entetes: { authorization: `Bearer ${prof}` } })
      ).corps.toString(),
    ) as { groupes: { id: string }[] };
    // The due date is kept to the minute by the API: the window ends exactly on it.
    const echeance = new Date(Math.ceil((Date.now() + 2000 + FENETRE_MS) / 60_000) * 60_000);
    const debut = echeance.getTime() - FENETRE_MS;
    const finEcoulement = echeance.getTime() + ECOULEMENT_MAX_MS;
    const creation = await requete(`${base}/v1/devoirs`, {
      methode: "POST",
      entetes: { ...json, authorization: `Bearer ${prof}` },
      corps: JSON.stringify({
        groupeId: groupes[0]!.id,
        titre: "Rush en surcharge",
        ouverture: new Date(Date.now() - 3_600_000).toISOString(),
        echeance: echeance.toISOString(),
        dateLimite: null,
        contraintes: { familles: ["document"], tailleMaxOctets: 10 * 1024 * 1024, nombreMax: 3 },
      }),
    });
    if (creation.status !== 201) throw new Error(`devoir : ${creation.status} ${creation.corps}`);
    const devoirId = (JSON.parse(creation.corps.toString()) as { devoir: { id: string } }).devoir.id;

    const latEngager: number[] = [];
    /** Du départ de l'engagement à son heure (le corps lu par le serveur) : l'attente avant le code de l'API. */
    const attenteHorodatage: number[] = [];
    /** Les durées d'engagement par cinquième de la fenêtre (une file qui se forme se voit là). */
    const parTranche: number[][] = [];
    const requetes = { toutes: 0, envoi: 0, delestees: 0 };
    let autres5xx = 0;
    const erreursReseau = new Map<string, number>();
    const autresErreurs: string[] = [];
    const abandons = new Map<string, number>();
    const accuses: Accuse[] = [];
    const attendus = new Map<string, string>();
    let engagesAvant = 0;
    /**
     * Engagements arrivés après l'échéance (409 echeance-depassee) : de combien de ms avant l'échéance ils
     * étaient partis. Le serveur ne connaît que l'arrivée ; un départ dans la dernière seconde peut arriver
     * après (la cible p99 de l'engagement est 1 s) ; un départ plus tôt refusé serait un élève mis en retard.
     */
    const tardifs: number[] = [];
    let engagesAvantALHeure = 0;
    let dernierAccuse = 0;
    const compter = (r: Reponse, etape: string) => {
      if (r.status >= 500 && r.status !== 503) autres5xx++;
      if (r.status === 503 && !r.entetes["retry-after"]) autres5xx++; // un 503 sans Retry-After ne compte pas comme délestage
      if (r.status >= 400 && r.status !== 503)
        autresErreurs.push(`${etape} ${r.status} ${r.corps.toString().slice(0, 160)}`);
    };
    const abandon = (raison: string) => abandons.set(raison, (abandons.get(raison) ?? 0) + 1);

    /**
     * Une requête comme le widget la fait : une connexion perdue est réessayée après DELAIS_REPRISE (puis
     * abandon) ; un 503 avec Retry-After est rendu à l'appelant (qui attend et reprend). `null` : abandon.
     */
    const envoyer = async (
      agent: http.Agent,
      etape: string,
      url: string,
      options: Parameters<typeof requeteHttp>[2],
      avantReessai?: () => Promise<Parameters<typeof requeteHttp>[2] | null>,
    ): Promise<Reponse | null> => {
      for (let perdues = 0; ; perdues++) {
        requetes.toutes++;
        if (etape === "POST" || etape === "PATCH") requetes.envoi++;
        try {
          const r = await requeteHttp(agent, url, { ...options, delaiMs: SILENCE_MAX_MS });
          compter(r, etape);
          return r;
        } catch (e) {
          const cle = `${etape} ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
          erreursReseau.set(cle, (erreursReseau.get(cle) ?? 0) + 1);
          if (perdues >= DELAIS_REPRISE.length) return null;
          await attendre(DELAIS_REPRISE[perdues]!);
          if (avantReessai) {
            const suite = await avantReessai();
            if (!suite) return null;
            options = suite;
          }
        }
      }
    };

    const mesureBoucle = monitorEventLoopDelay({ resolution: 10 });
    const cpuServeurAvant = cpuSecondes(enfant.pid!);
    const cpuClientAvant = process.cpuUsage();
    await attendre(debut - Date.now());
    mesureBoucle.enable();
    await Promise.all(
      jetons.map(async (jeton, i) => {
        await attendre(Math.random() * FENETRE_MS);
        // Les connexions de cet élève (un navigateur) : gardées ouvertes entre ses requêtes.
        const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
        agents.push(agent);
        const graine = createHash("sha256").update(`eleve ${i} ${randomUUID()}`).digest();
        const sha = HACHAGE_FOND.copy().update(graine).digest("hex");
        const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
        // 1. « Rendre » pressé : l'engagement (jamais délesté).
        const t0 = performance.now();
        const envoyeLe = Date.now();
        const e = await envoyer(agent, "engager", `${base}/v1/devoirs/${devoirId}/engager`, {
          methode: "POST",
          entetes: { ...json, authorization: `Bearer ${jeton}` },
          corps: JSON.stringify({ fichiers: [{ sha256: sha, taille: TAILLE, nom: `copie ${i + 1}.pdf` }] }),
        });
        latEngager.push(performance.now() - t0);
        const tranche = Math.min(5, Math.floor((5 * (envoyeLe - debut)) / FENETRE_MS));
        (parTranche[tranche] ??= []).push(performance.now() - t0);
        if (e?.status === 409 && e.corps.toString().includes('"echeance-depassee"'))
          tardifs.push(echeance.getTime() - envoyeLe);
        if (!e || e.status !== 201) return abandon(`engager ${e?.status ?? "réseau"}`);
        const engageLe = Date.parse(
          (JSON.parse(e.corps.toString()) as { engagement: { engageLe: string } }).engagement.engageLe,
        );
        attenteHorodatage.push(engageLe - envoyeLe);
        const avant = engageLe <= echeance.getTime();
        if (avant) engagesAvant++;
        // 2. Les octets, en respectant le contrôle d'admission, comme tus-js-client et le widget.
        const meta = `filename ${Buffer.from(`copie ${i + 1}.pdf`).toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
        let url: string | null = null;
        let occupes = 0;
        /** 503 avec Retry-After : attendre comme le widget ; false si le temps d'écoulement est épuisé. */
        const patienter = async (r: Reponse) => {
          requetes.delestees++;
          occupes++;
          const apres = Number.parseInt(String(r.entetes["retry-after"] ?? ""), 10);
          const ms = delaiOccupe(Number.isFinite(apres) ? apres : null, occupes);
          if (Date.now() + ms > finEcoulement) return false;
          await attendre(ms);
          return true;
        };
        /** HEAD : où en est le serveur ; null si le téléversement est introuvable ou perdu. */
        const decalage = async (): Promise<number | null> => {
          const h = await envoyer(agent, "HEAD", url!, { methode: "HEAD", entetes: auth });
          if (!h || h.status !== 200) return null;
          return Number(h.entetes["upload-offset"]);
        };
        const patchDepuis = (o: number): Parameters<typeof requeteHttp>[2] => ({
          methode: "PATCH",
          entetes: {
            ...auth,
            "Upload-Offset": String(o),
            "Content-Type": "application/offset+octet-stream",
          },
          corps: corpsDepuis(graine, o),
        });
        for (;;) {
          if (!url) {
            const post = await envoyer(agent, "POST", `${base}/v1/televersements`, {
              methode: "POST",
              entetes: { ...auth, "Upload-Length": String(TAILLE), "Upload-Metadata": meta },
            });
            if (!post) return abandon("POST réseau");
            if (post.status === 503 && post.entetes["retry-after"]) {
              if (await patienter(post)) continue;
              return abandon("POST délesté jusqu'à la fin de l'écoulement");
            }
            if (post.status !== 201) return abandon(`POST ${post.status}`);
            url = new URL(String(post.entetes.location), base).href;
            occupes = 0;
          }
          let o = occupes > 0 ? await decalage() : 0;
          if (o === null) return abandon("HEAD");
          if (o >= TAILLE) break;
          const patch = await envoyer(agent, "PATCH", url, patchDepuis(o), async () => {
            o = await decalage();
            return o === null ? null : patchDepuis(o);
          });
          if (!patch) return abandon("PATCH réseau");
          if (patch.status === 503 && patch.entetes["retry-after"]) {
            if (await patienter(patch)) continue;
            return abandon("PATCH délesté jusqu'à la fin de l'écoulement");
          }
          if (patch.status !== 204) return abandon(`PATCH ${patch.status}`);
          break;
        }
        // 3. « rendre » (jamais délesté).
        const rendre = await envoyer(agent, "rendre", `${base}/v1/devoirs/${devoirId}/rendre`, {
          methode: "POST",
          entetes: { ...json, authorization: `Bearer ${jeton}` },
          corps: JSON.stringify({ televersements: [url!.split("/").pop()] }),
        });
        agent.destroy();
        if (!rendre || rendre.status !== 201) return abandon(`rendre ${rendre?.status ?? "réseau"}`);
        const accuse = (JSON.parse(rendre.corps.toString()) as { accuseReception: Accuse }).accuseReception;
        accuses.push(accuse);
        attendus.set(accuse.renduId, sha);
        if (avant && !accuse.enRetard) engagesAvantALHeure++;
        dernierAccuse = Math.max(dernierAccuse, Date.now());
      }),
    );
    mesureBoucle.disable();
    const cpuServeur = cpuSecondes(enfant.pid!) - cpuServeurAvant;
    const cpuClientUs = process.cpuUsage(cpuClientAvant);
    const cpuClient = (cpuClientUs.user + cpuClientUs.system) / 1e6;
    const charge = loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ");

    // Rien de perdu : chaque accusé a son fichier sur le disque et sa ligne en base, au bon sha256.
    const suivi = JSON.parse(
      (
        await requete(`${base}/v1/devoirs/${devoirId}/suivi`, {
          methode: "GET",
          entetes: { authorization: `Bearer ${prof}` },
        })
      ).corps.toString(),
    ) as { eleves: { rendu: { id: string; fichiers: { sha256: string }[] } | null }[] };
    const enBase = new Map(
      suivi.eleves.filter((e) => e.rendu).map((e) => [e.rendu!.id, e.rendu!.fichiers[0]?.sha256]),
    );
    let perdus = 0;
    for (const a of accuses) {
      const f = a.fichiers[0]!;
      const surDisque = await readFile(path.join(dossierDonnees, "fichiers", "rendus", devoirId, f.id)).then(
        (b) => createHash("sha256").update(b).digest("hex"),
        () => "absent",
      );
      if (
        f.sha256 !== attendus.get(a.renduId) ||
        surDisque !== f.sha256 ||
        enBase.get(a.renduId) !== f.sha256
      )
        perdus++;
    }
    const recusApres = accuses.filter((a) => a.recuLe && Date.parse(a.recuLe) > echeance.getTime()).length;
    const nbErreursReseau = [...erreursReseau.values()].reduce((a, b) => a + b, 0);
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
    console.log(
      `\n${nom} — ${ELEVES} élèves × ${(TAILLE / 1e6).toFixed(1)} Mo (${FICHIER === "hors-flux" ? "PDF d'octets hors flux, pire cas" : "copie scannée"}), « Rendre » dans une fenêtre de ${FENETRE_MS / 1000} s, échéance à la fin de la fenêtre (sans date limite)`,
    );
    console.log(
      `  préparation : serveur prêt (${ELEVES} élèves semés) en ${demarrageS.toFixed(0)} s, ${ELEVES} connexions en ${connexionsS.toFixed(0)} s`,
    );
    console.log(
      `  accusés : ${accuses.length}/${ELEVES} ; perdus (sha256 de l'accusé absent du disque ou de la base) : ${perdus} (cible 0) ; en base : ${enBase.size} rendus`,
    );
    console.log(
      `  sans accusé : ${ELEVES - accuses.length}${abandons.size ? ` — ${[...abandons].map(([r, n]) => `${r} : ${n}`).join(" | ")}` : ""}`,
    );
    console.log(
      `  5xx autres que 503 avec Retry-After : ${autres5xx} (cible 0) ; autres réponses d'erreur : ${autresErreurs.length}${autresErreurs.length ? ` — ex. ${autresErreurs.slice(0, 3).join(" | ")}` : ""}`,
    );
    console.log(
      `  connexions perdues (réessayées comme tus-js-client) : ${nbErreursReseau}${nbErreursReseau ? ` — ${[...erreursReseau].map(([r, n]) => `${r} : ${n}`).join(" | ")}` : ""}`,
    );
    console.log(
      `  engagements arrivés après l'échéance (409 echeance-depassee) : ${tardifs.length}${tardifs.length ? ` ; le plus tôt parti l'était ${Math.max(...tardifs).toFixed(0)} ms avant elle (négatif : parti après elle ; cible : moins de 1000 ms, la cible p99 de l'engagement)` : ""}`,
    );
    console.log(
      `  engagés avant l'échéance : ${engagesAvant} ; dont « rendu à l'heure » : ${engagesAvantALHeure} (${pct(engagesAvantALHeure, engagesAvant)}, cible 100 %) ; reçus après l'échéance mais à l'heure : ${recusApres}`,
    );
    console.log(
      `  engagement : p50 ${centile(latEngager, 50).toFixed(0)} ms, p99 ${centile(latEngager, 99).toFixed(0)} ms, max ${Math.max(...latEngager).toFixed(0)} ms (cible p99 < 1000 ms) ; dont attente avant l'horodatage (envoi → corps lu par le serveur) p50 ${centile(attenteHorodatage, 50).toFixed(0)} ms, p99 ${centile(attenteHorodatage, 99).toFixed(0)} ms`,
    );
    console.log(
      `  engagement p99 par cinquième de la fenêtre : ${parTranche.map((l) => `${centile(l, 99).toFixed(0)} ms`).join(" · ")}`,
    );
    console.log(
      `  délestées (503 + Retry-After) : ${requetes.delestees}/${requetes.envoi} requêtes d'envoi (${pct(requetes.delestees, requetes.envoi)}), ${pct(requetes.delestees, requetes.toutes)} de toutes les requêtes des élèves (${requetes.toutes})`,
    );
    console.log(
      `  écoulement : dernier accusé ${((dernierAccuse - echeance.getTime()) / 1000).toFixed(1)} s après la fin de la fenêtre`,
    );
    console.log(
      `  CPU du serveur : ${cpuServeur.toFixed(1)} s (${((cpuServeur * 1000) / Math.max(1, accuses.length)).toFixed(1)} ms par rendu) ; charge de la machine (1/5/15 min) ${charge}`,
    );
    console.log(
      `  client (même machine) : CPU ${cpuClient.toFixed(1)} s (${((cpuClient * 1000) / Math.max(1, ELEVES)).toFixed(1)} ms par élève), retard de sa boucle p99 ${(mesureBoucle.percentile(99) / 1e6).toFixed(0)} ms, max ${(mesureBoucle.max / 1e6).toFixed(0)} ms`,
    );
    return (
      perdus === 0 &&
      autres5xx === 0 &&
      accuses.length === ELEVES - tardifs.length &&
      tardifs.every((ms) => ms < 1000) &&
      engagesAvantALHeure === engagesAvant &&
      centile(latEngager, 99) < 1000
    );
  } finally {
    for (const a of agents) a.destroy();
    agentBanc.destroy();
    enfant.kill("SIGTERM");
    await new Promise((r) => enfant.once("exit", r));
  }
}

const dossier = await mkdtemp(path.join(tmpdir(), "bench-surcharge-"));
let ok = true;
try {
  if (PILOTE !== "postgres")
    ok =
      (await rush(
        "PGlite (commande principale du README, mode démonstration)",
        {},
        path.join(dossier, "pglite"),
      )) && ok;
  if (PG_ADMIN !== "non" && PILOTE !== "pglite") {
    const nomBase = `i14_surcharge_${randomUUID().slice(0, 8)}`;
    execFileSync("psql", [PG_ADMIN, "-q", "-c", `create database ${nomBase}`]);
    try {
      const url = new URL(PG_ADMIN);
      url.pathname = `/${nomBase}`;
      ok =
        (await rush(
          "PostgreSQL (DATABASE_URL)",
          { DATABASE_URL: url.href },
          path.join(dossier, "postgres"),
        )) && ok;
    } finally {
      execFileSync("psql", [PG_ADMIN, "-q", "-c", `drop database if exists ${nomBase} with (force)`]);
    }
  }
} finally {
  await rm(dossier, { recursive: true, force: true });
}
if (!ok) process.exitCode = 1;
