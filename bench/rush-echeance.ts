// Rush d'échéance : 900 élèves rendent chacun un fichier de 3 Mo dans une fenêtre de 60 s, contre la commande
// principale du README (le vrai serveur `apps/api`, mode démonstration, PGlite), puis la même chose contre
// PostgreSQL. Chaque élève : connexion de démonstration, envoi tus (POST + PATCH), « rendre ».
// Vérifie ensuite : 0 perdu (le sha256 de chaque accusé retrouvé sur le disque et en base via le suivi),
// 0 erreur serveur (5xx), p99 de « rendre » < 2 s.
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api && node --import tsx bench/rush-echeance.ts`
// Variables : ELEVES (défaut 900), FENETRE_S (60), TAILLE_OCTETS (3 000 000),
// PG_ADMIN_URL (défaut postgres://postgres@127.0.0.1:5432/postgres ; « non » pour sauter PostgreSQL).
import { execFileSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { cpuSecondes, demarrerServeurApi } from "./serveur-api.js";
import { centile as centileTrie } from "./statistiques.js";
import { requeteHttp, type Reponse } from "./requete-http.js";

const ELEVES = Number(process.env.ELEVES ?? 900);
const FENETRE_MS = Number(process.env.FENETRE_S ?? 60) * 1000;
const TAILLE = Number(process.env.TAILLE_OCTETS ?? 3_000_000);
const PG_ADMIN = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// Une connexion par requête, comme 900 téléphones distincts (pas de réutilisation de socket entre élèves).
const agent = new http.Agent({ keepAlive: false, maxSockets: 256 });

const requete = (url: string, options: Parameters<typeof requeteHttp>[2]): Promise<Reponse> =>
  requeteHttp(agent, url, options);

// Temps CPU (utilisateur + système) consommé par un processus, en secondes (/proc/<pid>/stat, 100 tops/s) :
// une mesure du travail du serveur qui dépend peu de la charge des autres processus de la machine.

const centile = (valeurs: number[], p: number): number =>
  centileTrie(
    [...valeurs].sort((a, b) => a - b),
    p,
  );

interface Accuse {
  renduId: string;
  eleve: { id: string };
  fichiers: { id: string; sha256: string; taille: number }[];
}

async function rush(nom: string, env: Record<string, string>, dossierDonnees: string): Promise<boolean> {
  const debutDemarrage = performance.now();
  const { enfant, base } = await demarrerServeurApi({
    ...env,
    TROUSSE_DATA_DIR: dossierDonnees,
    TROUSSE_DEMO_ELEVES_RUSH: String(ELEVES),
  });
  const msDemarrage = performance.now() - debutDemarrage;
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
    const liste = JSON.parse(
      (
        await requete(`${base}/v1/devoirs`, { methode: "GET", entetes: { authorization: `Bearer ${prof}` } })
      ).corps.toString(),
    ) as { devoirs: { id: string; titre: string }[] };
    const devoirId = liste.devoirs.find((d) => d.titre.startsWith("Devoir de la classe de mesure"))!.id;

    const latRendre: number[] = [];
    const latPost: number[] = [];
    const latPatch: number[] = [];
    const latTotal: number[] = [];
    let erreurs5xx = 0;
    const autresErreurs: string[] = [];
    const accuses: Accuse[] = [];
    const attendus = new Map<string, string>();
    const entete = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
    const compter = (r: Reponse, etape: string) => {
      if (r.status >= 500) erreurs5xx++;
      if (r.status >= 400) autresErreurs.push(`${etape} ${r.status} ${r.corps.toString().slice(0, 200)}`);
    };

    const cpuAvant = cpuSecondes(enfant.pid!);
    const debut = performance.now();
    await Promise.all(
      jetons.map(async (jeton, i) => {
        await new Promise((r) => setTimeout(r, Math.random() * FENETRE_MS));
        const t0 = performance.now();
        const contenu = Buffer.concat([entete, randomBytes(TAILLE - entete.length)]);
        const sha = createHash("sha256").update(contenu).digest("hex");
        const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
        try {
          const meta = `filename ${Buffer.from(`copie élève ${i + 1}.pdf`).toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
          const tp = performance.now();
          const post = await requete(`${base}/v1/televersements`, {
            methode: "POST",
            entetes: { ...auth, "Upload-Length": String(TAILLE), "Upload-Metadata": meta },
          });
          latPost.push(performance.now() - tp);
          compter(post, "POST");
          if (post.status !== 201) return;
          const url = new URL(String(post.entetes.location), base).href;
          const t1p = performance.now();
          const patch = await requete(url, {
            methode: "PATCH",
            entetes: { ...auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
            corps: contenu,
          });
          latPatch.push(performance.now() - t1p);
          compter(patch, "PATCH");
          if (patch.status !== 204) return;
          const t1 = performance.now();
          const rendre = await requete(`${base}/v1/devoirs/${devoirId}/rendre`, {
            methode: "POST",
            entetes: { authorization: `Bearer ${jeton}`, "content-type": "application/json" },
            corps: JSON.stringify({ televersements: [url.split("/").pop()] }),
          });
          const t2 = performance.now();
          compter(rendre, "rendre");
          if (rendre.status !== 201) return;
          latRendre.push(t2 - t1);
          latTotal.push(t2 - t0);
          const accuse = (JSON.parse(rendre.corps.toString()) as { accuseReception: Accuse }).accuseReception;
          accuses.push(accuse);
          attendus.set(accuse.renduId, sha);
        } catch (e) {
          autresErreurs.push(`réseau ${(e as Error).message}`);
        }
      }),
    );
    const msRush = performance.now() - debut;
    const cpuRush = cpuSecondes(enfant.pid!) - cpuAvant;

    // Vérification : chaque accusé → sha256 envoyé, fichier sur le disque, ligne en base (suivi de l'enseignant).
    const suivi = JSON.parse(
      (
        await requete(`${base}/v1/devoirs/${devoirId}/suivi`, {
          methode: "GET",
          entetes: { authorization: `Bearer ${prof}` },
        })
      ).corps.toString(),
    ) as {
      eleves: { rendu: { id: string; fichiers: { id: string; sha256: string }[] } | null }[];
    };
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
    const p50 = centile(latRendre, 50);
    const p99 = centile(latRendre, 99);
    console.log(
      `\n${nom} — ${ELEVES} élèves × ${(TAILLE / 1e6).toFixed(1)} Mo dans une fenêtre de ${FENETRE_MS / 1000} s (serveur prêt en ${(msDemarrage / 1000).toFixed(1)} s, ${ELEVES} comptes semés)`,
    );
    console.log(
      `  accusés reçus : ${accuses.length}/${ELEVES} en ${(msRush / 1000).toFixed(1)} s ; débit moyen ${((accuses.length * TAILLE) / 1e6 / (msRush / 1000)).toFixed(1)} Mo/s`,
    );
    console.log(
      `  perdus (sha256 de l'accusé absent du disque ou de la base, ou différent de l'envoi) : ${perdus} (cible 0)`,
    );
    console.log(
      `  erreurs serveur 5xx : ${erreurs5xx} (cible 0) ; autres erreurs : ${autresErreurs.length}${autresErreurs.length ? ` — ex. ${autresErreurs.slice(0, 3).join(" | ")}` : ""}`,
    );
    console.log(
      `  « rendre » : p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...latRendre).toFixed(0)} ms (cible p99 < 2000 ms) ${p99 < 2000 ? "OK" : "DÉPASSÉ"}`,
    );
    console.log(
      `  création tus (POST) : p50 ${centile(latPost, 50).toFixed(0)} ms, p99 ${centile(latPost, 99).toFixed(0)} ms ; envoi (PATCH 3 Mo) : p50 ${centile(latPatch, 50).toFixed(0)} ms, p99 ${centile(latPatch, 99).toFixed(0)} ms`,
    );
    console.log(
      `  envoi + rendre par élève : p50 ${centile(latTotal, 50).toFixed(0)} ms, p99 ${centile(latTotal, 99).toFixed(0)} ms`,
    );
    console.log(
      `  CPU du serveur pendant le rush : ${cpuRush.toFixed(1)} s (${((cpuRush * 1000) / Math.max(1, accuses.length)).toFixed(1)} ms par élève) ; charge moyenne de la machine ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`,
    );
    return perdus === 0 && erreurs5xx === 0 && accuses.length === ELEVES && p99 < 2000;
  } finally {
    enfant.kill("SIGTERM");
    await new Promise((r) => enfant.once("exit", r));
  }
}

const dossier = await mkdtemp(path.join(tmpdir(), "bench-rush-"));
let ok = true;
try {
  ok =
    (await rush(
      "PGlite (commande principale du README, mode démonstration)",
      {},
      path.join(dossier, "pglite"),
    )) && ok;
  if (PG_ADMIN !== "non") {
    const nomBase = `trousse_rush_${randomUUID().slice(0, 8)}`;
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
