// Rush d'échéance sur UN puis DEUX processus de l'API, dans la même exécution, sur PostgreSQL + Redis (une
// base neuve par configuration, un préfixe de clés Redis à ce banc) et le stockage dossier partagé : ELEVES
// élèves rendent chacun une copie scannée de 3 Mo dans une fenêtre de FENETRE_S secondes (connexion faite
// avant ; puis création tus, PATCH, « rendre »). Avec deux processus, l'élève n° i passe par le processus
// i mod 2 (ce que ferait nginx `least_conn`). Affiche : rendus par minute, p50/p99 de « rendre » (cible
// p99 < 2 s), perdus (sha256 de l'accusé absent du disque ou de la base), 5xx, et le CPU serveur par rendu de
// chaque processus — le client partage les 2 cœurs de la machine : le CPU par rendu est le chiffre qui se
// transpose, le débit dépend de la charge (affichée, `os.loadavg()`).
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api && node --import tsx bench/rush-deux-processus.ts`
// Variables : ELEVES (défaut 600), FENETRE_S (60), TAILLE_OCTETS (3 000 000), PG_ADMIN_URL, REDIS_URL.
import { execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { copieScannee } from "./copies.js";
import { cpuSecondes, demarrerServeurApi, portDeBanc } from "./serveur-api.js";
import { centile as centileTrie } from "./statistiques.js";
import { requeteHttp, type Reponse } from "./requete-http.js";

const ELEVES = Number(process.env.ELEVES ?? 600);
const FENETRE_MS = Number(process.env.FENETRE_S ?? 60) * 1000;
const TAILLE = Number(process.env.TAILLE_OCTETS ?? 3_000_000);
const PG_ADMIN = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const agent = new http.Agent({ keepAlive: false, maxSockets: 256 });
const charge = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
const centile = (v: number[], p: number) =>
  centileTrie(
    [...v].sort((a, b) => a - b),
    p,
  );

const requete = (url: string, options: Parameters<typeof requeteHttp>[2]): Promise<Reponse> =>
  requeteHttp(agent, url, options);

interface Resultat {
  processus: number;
  accuses: number;
  perdus: number;
  erreurs5xx: number;
  autres: string[];
  msRush: number;
  p50: number;
  p99: number;
  msCpuParRendu: number[];
  charge: string;
}

async function rush(processus: number): Promise<Resultat> {
  const dossier = await mkdtemp(path.join(tmpdir(), "bench-rush-n-"));
  const nomBase = `i13_rush_${processus}_${randomUUID().slice(0, 8)}`;
  execFileSync("psql", [PG_ADMIN, "-q", "-c", `create database ${nomBase}`]);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${nomBase}`;
  const env = {
    TROUSSE_DATA_DIR: dossier,
    DATABASE_URL: url.href,
    REDIS_URL: REDIS,
    TROUSSE_REDIS_PREFIXE: `i13:rush:${randomUUID().slice(0, 8)}:`,
    TROUSSE_DEMO_ELEVES_RUSH: String(ELEVES),
    TROUSSE_SESSION_SECRET: "r".repeat(48),
  };
  const serveurs: { enfant: ChildProcess; base: string }[] = [];
  try {
    // Le premier migre et sème ; les suivants trouvent la base prête.
    for (let i = 0; i < processus; i++)
      serveurs.push(await demarrerServeurApi({ ...env, PORT: String(await portDeBanc()) }));
    const base0 = serveurs[0]!.base;
    const connexion = async (base: string, login: string) => {
      const r = await requete(`${base}/v1/auth/demo`, {
        methode: "POST",
        entetes: { "content-type": "application/json" },
        corps: JSON.stringify({ login }),
      });
      if (r.status !== 200) throw new Error(`connexion ${login} : ${r.status} ${r.corps}`);
      return (JSON.parse(r.corps.toString()) as { jeton: string }).jeton;
    };
    const jetons: string[] = [];
    for (let i = 0; i < ELEVES; i += 50)
      jetons.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, ELEVES - i) }, (_, k) =>
            connexion(base0, `rush.eleve${String(i + k + 1).padStart(4, "0")}`),
          ),
        )),
      );
    const prof = await connexion(base0, "rush.prof");
    const liste = JSON.parse(
      (
        await requete(`${base0}/v1/devoirs`, { methode: "GET", entetes: { authorization: `Bearer ${prof}` } })
      ).corps.toString(),
    ) as { devoirs: { id: string; titre: string }[] };
    const devoirId = liste.devoirs.find((d) => d.titre.startsWith("Devoir de la classe de mesure"))!.id;
    const meta = `filename ${Buffer.from("copie.pdf").toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
    // Huit copies distinctes préparées d'avance : le client ne fabrique pas 3 Mo aléatoires pendant le rush.
    const copies = Array.from({ length: 8 }, () => copieScannee(TAILLE));
    const shas = copies.map((c) => createHash("sha256").update(c).digest("hex"));

    const latRendre: number[] = [];
    let erreurs5xx = 0;
    const autres: string[] = [];
    const accuses: { renduId: string; fichierId: string; sha256: string; attendu: string }[] = [];
    const compter = (r: Reponse, etape: string) => {
      if (r.status >= 500) erreurs5xx++;
      if (r.status >= 400) autres.push(`${etape} ${r.status} ${r.corps.toString().slice(0, 120)}`);
    };
    const cpuAvant = serveurs.map((s) => cpuSecondes(s.enfant.pid!));
    const debut = performance.now();
    await Promise.all(
      jetons.map(async (jeton, i) => {
        await new Promise((r) => setTimeout(r, Math.random() * FENETRE_MS));
        const base = serveurs[i % processus]!.base;
        const contenu = copies[i % 8]!;
        const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
        try {
          const post = await requete(`${base}/v1/televersements`, {
            methode: "POST",
            entetes: { ...auth, "Upload-Length": String(TAILLE), "Upload-Metadata": meta },
          });
          compter(post, "POST");
          if (post.status !== 201) return;
          const id = String(post.entetes.location).split("/").pop()!;
          const patch = await requete(`${base}/v1/televersements/${id}`, {
            methode: "PATCH",
            entetes: { ...auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
            corps: contenu,
          });
          compter(patch, "PATCH");
          if (patch.status !== 204) return;
          const t1 = performance.now();
          const rendre = await requete(`${base}/v1/devoirs/${devoirId}/rendre`, {
            methode: "POST",
            entetes: { authorization: auth.authorization, "content-type": "application/json" },
            corps: JSON.stringify({ televersements: [id] }),
          });
          compter(rendre, "rendre");
          if (rendre.status !== 201) return;
          latRendre.push(performance.now() - t1);
          const a = (
            JSON.parse(rendre.corps.toString()) as {
              accuseReception: { renduId: string; fichiers: { id: string; sha256: string }[] };
            }
          ).accuseReception;
          accuses.push({
            renduId: a.renduId,
            fichierId: a.fichiers[0]!.id,
            sha256: a.fichiers[0]!.sha256,
            attendu: shas[i % 8]!,
          });
        } catch (e) {
          autres.push(`réseau ${(e as Error).message}`);
        }
      }),
    );
    const msRush = performance.now() - debut;
    const msCpuParRendu = serveurs.map(
      (s, k) =>
        ((cpuSecondes(s.enfant.pid!) - cpuAvant[k]!) * 1000) / Math.max(1, accuses.length / processus),
    );
    const chargeFin = charge();
    // 0 perdu : l'accusé = l'envoi, le fichier sur le disque, la ligne en base (suivi de l'enseignant).
    const suivi = JSON.parse(
      (
        await requete(`${base0}/v1/devoirs/${devoirId}/suivi`, {
          methode: "GET",
          entetes: { authorization: `Bearer ${prof}` },
        })
      ).corps.toString(),
    ) as { eleves: { rendu: { id: string; fichiers: { sha256: string }[] } | null }[] };
    const enBase = new Map(
      suivi.eleves.filter((e) => e.rendu).map((e) => [e.rendu!.id, e.rendu!.fichiers[0]?.sha256]),
    );
    let perdus = ELEVES - accuses.length;
    for (const a of accuses) {
      const disque = await readFile(path.join(dossier, "fichiers", "rendus", devoirId, a.fichierId)).then(
        (b) => createHash("sha256").update(b).digest("hex"),
        () => "absent",
      );
      if (a.sha256 !== a.attendu || disque !== a.sha256 || enBase.get(a.renduId) !== a.sha256) perdus++;
    }
    return {
      processus,
      accuses: accuses.length,
      perdus,
      erreurs5xx,
      autres,
      msRush,
      p50: centile(latRendre, 50),
      p99: centile(latRendre, 99),
      msCpuParRendu,
      charge: chargeFin,
    };
  } finally {
    for (const s of serveurs) {
      s.enfant.kill("SIGTERM");
      await new Promise((r) => s.enfant.once("exit", r));
    }
    execFileSync("psql", [PG_ADMIN, "-q", "-c", `drop database if exists ${nomBase} with (force)`]);
    await rm(dossier, { recursive: true, force: true });
  }
}

let ok = true;
console.log(
  `Rush : ${ELEVES} élèves × ${(TAILLE / 1e6).toFixed(1)} Mo (copie scannée) dans une fenêtre de ${FENETRE_MS / 1000} s, PostgreSQL + Redis, stockage dossier ; charge au départ ${charge()}`,
);
for (const n of [1, 2]) {
  const r = await rush(n);
  const parMinute = r.accuses / (r.msRush / 60_000);
  console.log(`\n${n} processus :`);
  console.log(
    `  ${r.accuses}/${ELEVES} accusés en ${(r.msRush / 1000).toFixed(1)} s, soit ${parMinute.toFixed(0)} rendus/min ; perdus ${r.perdus} (cible 0) ; 5xx ${r.erreurs5xx} ; autres erreurs ${r.autres.length}${r.autres.length ? ` — ex. ${r.autres.slice(0, 2).join(" | ")}` : ""}`,
  );
  console.log(
    `  « rendre » : p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms (cible < 2000) ${r.p99 < 2000 ? "OK" : "DÉPASSÉ"}`,
  );
  console.log(
    `  CPU serveur par rendu : ${r.msCpuParRendu.map((c, k) => `processus ${k + 1} ${c.toFixed(1)} ms`).join(", ")} ; charge à la fin ${r.charge}`,
  );
  ok = ok && r.perdus === 0 && r.erreurs5xx === 0 && r.p99 < 2000;
}
agent.destroy();
if (!ok) process.exitCode = 1;
