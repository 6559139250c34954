// Surcharge du rush d'échéance (issue 14) : ELEVES élèves × 3 Mo qui appuient tous sur « Rendre » dans une
// fenêtre de FENETRE_S secondes, contre la commande principale du README (le vrai serveur `apps/api`, mode
// démonstration, PGlite), puis contre PostgreSQL. Chaque élève fait ce que fait le widget : empreinte sha256
// du fichier, ENGAGEMENT (`engager`, l'heure qui compte), envoi tus (POST + PATCH) en respectant les 503 du
// contrôle d'admission (`Retry-After`, recul et gigue, comme `delaiOccupe` du widget), puis « rendre ».
// L'échéance tombe à la fin de la fenêtre, sans date limite : un rendu jugé à l'heure de réception serait
// refusé ; jugé à l'heure de l'engagement, il est à l'heure.
// Affiche : perdus, 5xx autres que 503, part « rendu à l'heure » des élèves engagés avant l'échéance, p99 de
// l'engagement, part des requêtes d'envoi refusées (503), temps d'écoulement après la fenêtre, CPU serveur par
// rendu, charge de la machine (os.loadavg).
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api && node --import tsx bench/rush-surcharge.ts`
// Variables : ELEVES (défaut 5000), FENETRE_S (60), TAILLE_OCTETS (3 000 000), PORT_BENCH (42500),
// PG_ADMIN_URL (défaut postgres://postgres@127.0.0.1:5432/postgres ; « non » pour sauter PostgreSQL),
// plus toute variable TROUSSE_ADMISSION_* passée au serveur.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { cpuSecondes, demarrerServeurApi } from "./serveur-api.js";
import { centile as centileTrie } from "./statistiques.js";
import { requeteHttp, type Reponse } from "./requete-http.js";

const ELEVES = Number(process.env.ELEVES ?? 5000);
const FENETRE_MS = Number(process.env.FENETRE_S ?? 60) * 1000;
const TAILLE = Number(process.env.TAILLE_OCTETS ?? 3_000_000);
const PORT = Number(process.env.PORT_BENCH ?? 42_500);
const PG_ADMIN = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Après la fenêtre, combien de temps les élèves refusés peuvent encore réessayer. */
const ECOULEMENT_MAX_MS = Number(process.env.ECOULEMENT_MAX_S ?? 900) * 1000;

const agent = new http.Agent({ keepAlive: false, maxSockets: 512 });

const requete = (url: string, options: Parameters<typeof requeteHttp>[2]): Promise<Reponse> =>
  requeteHttp(agent, url, options);

const centile = (valeurs: number[], p: number): number =>
  valeurs.length
    ? centileTrie(
        [...valeurs].sort((a, b) => a - b),
        p,
      )
    : Number.NaN;
const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Le même recul que le widget (`delaiOccupe` de packages/widgets/src/rendre-devoir/televerser.ts). */
const delaiOccupe = (retryAfter: number | null, tentative: number) =>
  Math.round(
    Math.max(retryAfter ?? 0, Math.min(120, 5 * 2 ** Math.max(0, tentative - 1))) *
      1000 *
      (1 + 0.25 * Math.random()),
  );

// Un fichier par élève : en-tête PDF, 32 octets propres à l'élève, puis un fond commun (la mémoire reste bornée :
// le contenu est refait à chaque essai au lieu d'être gardé pendant l'attente).
const FOND = randomBytes(TAILLE);
const ENTETE = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
function contenuDe(graine: Buffer): Buffer {
  const b = Buffer.from(FOND);
  ENTETE.copy(b, 0);
  graine.copy(b, ENTETE.length);
  return b;
}

interface Accuse {
  renduId: string;
  renduLe: string;
  recuLe: string | null;
  enRetard: boolean;
  fichiers: { id: string; sha256: string }[];
}

async function rush(nom: string, env: Record<string, string>, dossierDonnees: string): Promise<boolean> {
  const { enfant, base } = await demarrerServeurApi({
    ...env,
    PORT: String(PORT),
    TROUSSE_DATA_DIR: dossierDonnees,
    TROUSSE_DEMO_ELEVES_RUSH: String(ELEVES),
  });
  try {
    const connexion = async (login: string) => {
      const r = await requete(`${base}/v1/auth/demo`, {
        methode: "POST",
        entetes: { "content-type": "application/json" },
        corps: JSON.stringify({ login }),
      });
      if (r.status !== 200) throw new Error(`connexion ${login} : ${r.status} ${r.corps}`);
      return (JSON.parse(r.corps.toString()) as { jeton: string }).jeton;
    };
    const logins = Array.from({ length: ELEVES }, (_, i) => `rush.eleve${String(i + 1).padStart(4, "0")}`);
    const jetons: string[] = [];
    for (let i = 0; i < logins.length; i += 50)
      jetons.push(...(await Promise.all(logins.slice(i, i + 50).map(connexion))));
    const prof = await connexion("rush.prof");
    const json = { "content-type": "application/json" };
    const { groupes } = JSON.parse(
      (
        await requete(`${base}/v1/groupes`, { methode: "GET", entetes: { authorization: `Bearer ${prof}` } })
      ).corps.toString(),
    ) as { groupes: { id: string }[] };
    // The due date is kept to the minute by the API: the window ends exactly on it.
    const echeance = new Date(Math.ceil((Date.now() + 2000 + FENETRE_MS) / 60_000) * 60_000);
    const debut = echeance.getTime() - FENETRE_MS;
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
    let requetesEnvoi = 0;
    let refusees = 0;
    let autres5xx = 0;
    const autresErreurs: string[] = [];
    const accuses: Accuse[] = [];
    const attendus = new Map<string, string>();
    let engagesAvant = 0;
    let engagesAvantALHeure = 0;
    let dernierAccuse = 0;
    const compter = (r: Reponse, etape: string) => {
      if (r.status >= 500 && r.status !== 503) autres5xx++;
      if (r.status === 503 && !r.entetes["retry-after"]) autres5xx++; // un 503 sans Retry-After ne compte pas comme délestage
      if (r.status >= 400 && r.status !== 503)
        autresErreurs.push(`${etape} ${r.status} ${r.corps.toString().slice(0, 160)}`);
    };
    /** Une requête d'envoi (POST/PATCH) en respectant les 503 ; `null` si le temps d'écoulement est épuisé. */
    const envoyer = async (etape: string, faire: () => Promise<Reponse>): Promise<Reponse | null> => {
      for (let tentative = 1; ; tentative++) {
        requetesEnvoi++;
        const r = await faire();
        compter(r, etape);
        if (r.status !== 503) return r;
        refusees++;
        const apres = Number.parseInt(String(r.entetes["retry-after"] ?? ""), 10);
        const ms = delaiOccupe(Number.isFinite(apres) ? apres : null, tentative);
        if (Date.now() + ms > debut + FENETRE_MS + ECOULEMENT_MAX_MS) return null;
        await attendre(ms);
      }
    };

    const cpuAvant = cpuSecondes(enfant.pid!);
    await attendre(debut - Date.now());
    await Promise.all(
      jetons.map(async (jeton, i) => {
        await attendre(Math.random() * FENETRE_MS);
        const graine = createHash("sha256").update(`eleve ${i}`).digest();
        const sha = createHash("sha256").update(contenuDe(graine)).digest("hex");
        const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
        try {
          // 1. « Rendre » pressé : l'engagement (jamais délesté).
          const t0 = performance.now();
          const e = await requete(`${base}/v1/devoirs/${devoirId}/engager`, {
            methode: "POST",
            entetes: { ...json, authorization: `Bearer ${jeton}` },
            corps: JSON.stringify({ fichiers: [{ sha256: sha, taille: TAILLE, nom: `copie ${i + 1}.pdf` }] }),
          });
          latEngager.push(performance.now() - t0);
          compter(e, "engager");
          if (e.status !== 201) return;
          const engageLe = Date.parse(
            (JSON.parse(e.corps.toString()) as { engagement: { engageLe: string } }).engagement.engageLe,
          );
          const avant = engageLe <= echeance.getTime();
          if (avant) engagesAvant++;
          // 2. Les octets, en respectant le contrôle d'admission.
          const meta = `filename ${Buffer.from(`copie ${i + 1}.pdf`).toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
          const post = await envoyer("POST", () =>
            requete(`${base}/v1/televersements`, {
              methode: "POST",
              entetes: { ...auth, "Upload-Length": String(TAILLE), "Upload-Metadata": meta },
            }),
          );
          if (!post || post.status !== 201) return;
          const url = new URL(String(post.entetes.location), base).href;
          const patch = await envoyer("PATCH", () =>
            requete(url, {
              methode: "PATCH",
              entetes: { ...auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
              corps: contenuDe(graine),
            }),
          );
          if (!patch || patch.status !== 204) return;
          // 3. « rendre » (jamais délesté).
          const rendre = await requete(`${base}/v1/devoirs/${devoirId}/rendre`, {
            methode: "POST",
            entetes: { ...json, authorization: `Bearer ${jeton}` },
            corps: JSON.stringify({ televersements: [url.split("/").pop()] }),
          });
          compter(rendre, "rendre");
          if (rendre.status !== 201) return;
          const accuse = (JSON.parse(rendre.corps.toString()) as { accuseReception: Accuse }).accuseReception;
          accuses.push(accuse);
          attendus.set(accuse.renduId, sha);
          if (avant && !accuse.enRetard) engagesAvantALHeure++;
          dernierAccuse = Math.max(dernierAccuse, Date.now());
        } catch (err) {
          autresErreurs.push(`réseau ${(err as Error).message}`);
        }
      }),
    );
    const cpu = cpuSecondes(enfant.pid!) - cpuAvant;
    const charge = loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ");

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
    console.log(
      `\n${nom} — ${ELEVES} élèves × ${(TAILLE / 1e6).toFixed(1)} Mo, « Rendre » dans une fenêtre de ${FENETRE_MS / 1000} s, échéance à la fin de la fenêtre (sans date limite)`,
    );
    console.log(
      `  accusés : ${accuses.length}/${ELEVES} ; perdus (sha256 de l'accusé absent du disque ou de la base) : ${perdus} (cible 0)`,
    );
    console.log(
      `  5xx autres que 503 avec Retry-After : ${autres5xx} (cible 0) ; autres erreurs : ${autresErreurs.length}${autresErreurs.length ? ` — ex. ${autresErreurs.slice(0, 3).join(" | ")}` : ""}`,
    );
    console.log(
      `  engagés avant l'échéance : ${engagesAvant} ; dont « rendu à l'heure » : ${engagesAvantALHeure} (${((100 * engagesAvantALHeure) / Math.max(1, engagesAvant)).toFixed(1)} %, cible 100 %) ; reçus après l'échéance mais à l'heure : ${recusApres}`,
    );
    console.log(
      `  engagement : p50 ${centile(latEngager, 50).toFixed(0)} ms, p99 ${centile(latEngager, 99).toFixed(0)} ms, max ${Math.max(...latEngager).toFixed(0)} ms (cible p99 < 1000 ms)`,
    );
    console.log(
      `  requêtes d'envoi délestées (503 + Retry-After) : ${refusees}/${requetesEnvoi} (${((100 * refusees) / Math.max(1, requetesEnvoi)).toFixed(1)} %)`,
    );
    console.log(
      `  écoulement : dernier accusé ${((dernierAccuse - (debut + FENETRE_MS)) / 1000).toFixed(1)} s après la fin de la fenêtre`,
    );
    console.log(
      `  CPU du serveur : ${cpu.toFixed(1)} s (${((cpu * 1000) / Math.max(1, accuses.length)).toFixed(1)} ms par rendu) ; charge de la machine (1/5/15 min) ${charge}`,
    );
    return (
      perdus === 0 &&
      autres5xx === 0 &&
      engagesAvantALHeure === engagesAvant &&
      centile(latEngager, 99) < 1000
    );
  } finally {
    enfant.kill("SIGTERM");
    await new Promise((r) => enfant.once("exit", r));
  }
}

const dossier = await mkdtemp(path.join(tmpdir(), "bench-surcharge-"));
let ok = true;
try {
  ok =
    (await rush(
      "PGlite (commande principale du README, mode démonstration)",
      {},
      path.join(dossier, "pglite"),
    )) && ok;
  if (PG_ADMIN !== "non") {
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
  agent.destroy();
  await rm(dossier, { recursive: true, force: true });
}
if (!ok) process.exitCode = 1;
