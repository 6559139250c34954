// Ce que coûte un engagement (issue 14) au serveur au repos, à côté d'un plancher mesuré dans le même tour :
// `GET /v1/auth/moi` (session vérifiée, aucune autre requête en base). N engagements d'élèves différents, un à la
// fois puis CONCURRENCE à la fois, contre le vrai serveur (mode démonstration ; PGlite, ou PostgreSQL avec
// DATABASE_URL). Affiche p50/p99 et le CPU serveur par requête.
// Usage : `node --import tsx bench/cout-engagement.ts` (API construite). Variables : N (2000), CONCURRENCE (8),
// PROFIL_CPU=<dossier> (profil du serveur).
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { cpuSecondes, demarrerServeurApi } from "./serveur-api.js";
import { centile } from "./statistiques.js";
import { requeteHttp } from "./requete-http.js";

const N = Number(process.env.N ?? 2000);
const CONCURRENCE = Number(process.env.CONCURRENCE ?? 8);

const dossier = await mkdtemp(path.join(tmpdir(), "trousse-cout-engagement-"));
const { enfant, base } = await demarrerServeurApi({
  TROUSSE_DATA_DIR: dossier,
  TROUSSE_DEMO_ELEVES_RUSH: String(N),
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const json = { "content-type": "application/json" };
try {
  const connexion = async (login: string) => {
    const r = await requeteHttp(agent, `${base}/v1/auth/demo`, {
      methode: "POST",
      entetes: json,
      corps: JSON.stringify({ login }),
    });
    return (JSON.parse(r.corps.toString()) as { jeton: string }).jeton;
  };
  const prof = await connexion("rush.prof");
  const jetons: string[] = [];
  for (let i = 0; i < N; i += 50)
    jetons.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, N - i) }, (_, k) =>
          connexion(`rush.eleve${String(i + k + 1).padStart(4, "0")}`),
        ),
      )),
    );
  const { groupes } = JSON.parse(
    (
      await requeteHttp(agent, `${base}/v1/groupes`, {
        methode: "GET",
        entetes: { authorization: `Bearer ${prof}` },
      })
    ).corps.toString(),
  ) as { groupes: { id: string }[] };
  const creation = await requeteHttp(agent, `${base}/v1/devoirs`, {
    methode: "POST",
    entetes: { ...json, authorization: `Bearer ${prof}` },
    corps: JSON.stringify({
      groupeId: groupes[0]!.id,
      titre: "Coût de l'engagement",
      ouverture: new Date(Date.now() - 3_600_000).toISOString(),
      echeance: new Date(Date.now() + 3_600_000).toISOString(),
      dateLimite: null,
      contraintes: { familles: ["document"], tailleMaxOctets: 10 * 1024 * 1024, nombreMax: 3 },
    }),
  });
  const devoirId = (JSON.parse(creation.corps.toString()) as { devoir: { id: string } }).devoir.id;
  const engager = (i: number) =>
    requeteHttp(agent, `${base}/v1/devoirs/${devoirId}/engager`, {
      methode: "POST",
      entetes: { ...json, authorization: `Bearer ${jetons[i]}` },
      corps: JSON.stringify({
        fichiers: [
          {
            sha256: createHash("sha256").update(String(i)).digest("hex"),
            taille: 3_000_000,
            nom: "copie.pdf",
          },
        ],
      }),
    });
  const moi = (i: number) =>
    requeteHttp(agent, `${base}/v1/auth/moi`, {
      methode: "GET",
      entetes: { authorization: `Bearer ${jetons[i]}` },
    });
  const mesurer = async (
    nom: string,
    f: (i: number) => Promise<{ status: number }>,
    attendu: number,
    conc: number,
  ) => {
    const lat: number[] = [];
    let i = 0;
    const cpu0 = cpuSecondes(enfant.pid!);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: conc }, async () => {
        for (;;) {
          const k = i++;
          if (k >= N) return;
          const t = performance.now();
          const r = await f(k);
          if (r.status !== attendu) throw new Error(`${nom} : ${r.status}`);
          lat.push(performance.now() - t);
        }
      }),
    );
    const dureeS = (performance.now() - t0) / 1000;
    const cpuMs = ((cpuSecondes(enfant.pid!) - cpu0) * 1000) / N;
    lat.sort((a, b) => a - b);
    console.log(
      `  ${nom.padEnd(22)} × ${conc} : p50 ${centile(lat, 50).toFixed(1)} ms, p99 ${centile(lat, 99).toFixed(1)} ms, ${(N / dureeS).toFixed(0)} /s, CPU serveur ${cpuMs.toFixed(2)} ms par requête`,
    );
  };
  console.log(`Coût d'un engagement, ${N} élèves, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`);
  for (const conc of [1, CONCURRENCE]) {
    await mesurer("plancher GET /v1/auth/moi", moi, 200, conc);
    await mesurer("engager (nouveau)", engager, 201, conc);
    await mesurer("engager (remplace)", engager, 201, conc);
  }
} finally {
  agent.destroy();
  enfant.kill("SIGTERM");
  await new Promise((r) => enfant.once("exit", r));
  await rm(dossier, { recursive: true, force: true });
}
