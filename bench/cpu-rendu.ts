// CPU du serveur par rendu de 3 Mo (création tus + PATCH de 3 Mo avec sha256 et fsync + « rendre »), mesuré
// sur le vrai serveur (`apps/api/dist/server.js`, un processus, PostgreSQL + Redis) avec des rendus l'un après
// l'autre (pas de concurrence : le CPU compté est celui du travail, pas celui de l'attente), à côté d'un
// plancher dans la même exécution : un serveur node:http nu qui reçoit les mêmes 3 Mo, calcule le sha256,
// écrit le fichier et le synchronise (fsync) — ce que coûtent HTTP, le hachage et l'écriture seuls.
// Cible : ≤ 10 ms de CPU serveur par rendu. Le temps CPU vient de /proc/<pid>/stat (tops de 10 ms) : les
// moyennes sur N rendus sont justes, une mesure isolée ne l'est pas. La charge de la machine est affichée.
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api && node --import tsx bench/cpu-rendu.ts`
// Variables : RENDUS (défaut 150), TAILLE_OCTETS (3 000 000), BASE (postgres, défaut, ou pglite : la base dans
// le processus de l'API, son CPU compté avec le sien ; sur PostgreSQL, celui du serveur de base ne l'est pas),
// PG_ADMIN_URL, REDIS_URL (défaut
// redis://127.0.0.1:6379, « non » pour les limites en mémoire), PROFIL_CPU=<dossier> (profil du serveur).
import { execFileSync, fork } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { open, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copieScannee, octetsHorsFlux } from "./copies.js";
import { cpuParFil, cpuSecondes, demarrerServeurApi, portDeBanc } from "./serveur-api.js";
import { requeteHttp, type Reponse } from "./requete-http.js";

const RENDUS = Number(process.env.RENDUS ?? 150);
const TAILLE = Number(process.env.TAILLE_OCTETS ?? 3_000_000);
const PG_ADMIN = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PGLITE = process.env.BASE === "pglite";
const agent = new http.Agent({ keepAlive: false });
const charge = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");

const requete = (url: string, options: Parameters<typeof requeteHttp>[2]): Promise<Reponse> =>
  requeteHttp(agent, url, options);

// FICHIER=scan (défaut : une copie scannée, l'image JPEG dans un flux) ou hors-flux (le pire cas de l'analyse
// des PDF : chaque octet hors flux, ce qu'envoyaient les bancs d'avant).
const FICHIER = process.env.FICHIER ?? "scan";
const copie = () => (FICHIER === "hors-flux" ? octetsHorsFlux(TAILLE) : copieScannee(TAILLE));

async function plancher(dossier: string): Promise<{ msCpu: number }> {
  const port = await portDeBanc();
  const enfant = fork(fileURLToPath(import.meta.url), ["--plancher", dossier, String(port)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    await new Promise<void>((ok, ko) => {
      enfant.once("message", () => ok());
      enfant.once("exit", (code) => ko(new Error(`plancher arrêté (${code})`)));
    });
    const corps = Array.from({ length: 8 }, copie);
    for (let i = 0; i < 10; i++)
      await requete(`http://127.0.0.1:${port}/${i}`, { methode: "PUT", corps: corps[i % 8] });
    const avant = cpuSecondes(enfant.pid!);
    for (let i = 0; i < RENDUS; i++) {
      const r = await requete(`http://127.0.0.1:${port}/${i}`, { methode: "PUT", corps: corps[i % 8] });
      if (r.status !== 204) throw new Error(`plancher : ${r.status}`);
    }
    return { msCpu: ((cpuSecondes(enfant.pid!) - avant) * 1000) / RENDUS };
  } finally {
    enfant.kill("SIGTERM");
  }
}

async function principal(): Promise<void> {
  const dossier = await mkdtemp(path.join(tmpdir(), "bench-cpu-rendu-"));
  const nomBase = `i13_cpu_rendu_${randomUUID().slice(0, 8)}`;
  if (!PGLITE) execFileSync("psql", [PG_ADMIN, "-q", "-c", `create database ${nomBase}`]);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${nomBase}`;
  try {
    const plancherAvant = await plancher(dossier);
    console.log(
      `Plancher node:http nu (3 Mo reçus + sha256 + écriture + fsync) : ${plancherAvant.msCpu.toFixed(1)} ms de CPU par envoi ; charge ${charge()}`,
    );
    const { enfant, base } = await demarrerServeurApi({
      TROUSSE_DATA_DIR: path.join(dossier, "donnees"),
      ...(PGLITE ? {} : { DATABASE_URL: url.href }),
      ...(REDIS !== "non"
        ? { REDIS_URL: REDIS, TROUSSE_REDIS_PREFIXE: `i13:banc:${randomUUID().slice(0, 8)}:` }
        : {}),
      TROUSSE_DEMO_ELEVES_RUSH: String(RENDUS + 10),
      PORT: String(await portDeBanc()),
    });
    try {
      const connexion = async (login: string) => {
        const r = await requete(`${base}/v1/auth/demo`, {
          methode: "POST",
          entetes: { "content-type": "application/json" },
          corps: JSON.stringify({ login }),
        });
        if (r.status !== 200) throw new Error(`connexion ${login} : ${r.status}`);
        return (JSON.parse(r.corps.toString()) as { jeton: string }).jeton;
      };
      const jetons: string[] = [];
      for (let i = 1; i <= RENDUS + 10; i++)
        jetons.push(await connexion(`rush.eleve${String(i).padStart(4, "0")}`));
      const prof = await connexion("rush.prof");
      const liste = JSON.parse(
        (
          await requete(`${base}/v1/devoirs`, {
            methode: "GET",
            entetes: { authorization: `Bearer ${prof}` },
          })
        ).corps.toString(),
      ) as { devoirs: { id: string; titre: string }[] };
      const devoirId = liste.devoirs.find((d) => d.titre.startsWith("Devoir de la classe de mesure"))!.id;
      const meta = `filename ${Buffer.from("copie.pdf").toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
      const cpu = { post: 0, patch: 0, rendre: 0 };
      let faux = 0;
      const rendre = async (jeton: string, contenu: Buffer, mesurer: boolean) => {
        const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
        let t = cpuSecondes(enfant.pid!);
        const tick = (phase: keyof typeof cpu) => {
          const n = cpuSecondes(enfant.pid!);
          if (mesurer) cpu[phase] += n - t;
          t = n;
        };
        const post = await requete(`${base}/v1/televersements`, {
          methode: "POST",
          entetes: { ...auth, "Upload-Length": String(TAILLE), "Upload-Metadata": meta },
        });
        tick("post");
        if (post.status !== 201) throw new Error(`POST ${post.status} ${post.corps}`);
        const id = String(post.entetes.location).split("/").pop()!;
        const patch = await requete(`${base}/v1/televersements/${id}`, {
          methode: "PATCH",
          entetes: { ...auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
          corps: contenu,
        });
        tick("patch");
        if (patch.status !== 204) throw new Error(`PATCH ${patch.status} ${patch.corps}`);
        const r = await requete(`${base}/v1/devoirs/${devoirId}/rendre`, {
          methode: "POST",
          entetes: { authorization: `Bearer ${jeton}`, "content-type": "application/json" },
          corps: JSON.stringify({ televersements: [id] }),
        });
        tick("rendre");
        if (r.status !== 201) throw new Error(`rendre ${r.status} ${r.corps}`);
        const accuse = JSON.parse(r.corps.toString()) as {
          accuseReception: { fichiers: { sha256: string }[] };
        };
        if (accuse.accuseReception.fichiers[0]!.sha256 !== createHash("sha256").update(contenu).digest("hex"))
          faux++;
      };
      const contenus = Array.from({ length: 8 }, copie);
      // Échauffement (JIT, pools) : 10 rendus non comptés.
      for (let i = 0; i < 10; i++) await rendre(jetons[RENDUS + i]!, contenus[i % 8]!, false);
      const avant = cpuSecondes(enfant.pid!);
      const filsAvant = cpuParFil(enfant.pid!);
      const debut = performance.now();
      for (let i = 0; i < RENDUS; i++) await rendre(jetons[i]!, contenus[i % 8]!, true);
      const ms = performance.now() - debut;
      const total = ((cpuSecondes(enfant.pid!) - avant) * 1000) / RENDUS;
      const filsApres = cpuParFil(enfant.pid!);
      const plancherApres = await plancher(dossier);
      const plancherMoyen = (plancherAvant.msCpu + plancherApres.msCpu) / 2;
      console.log(
        `API Trousse, ${RENDUS} rendus de ${(TAILLE / 1e6).toFixed(1)} Mo l'un après l'autre (fichier ${FICHIER}, ${PGLITE ? "PGlite dans le processus" : "PostgreSQL"}${REDIS !== "non" ? " + Redis" : ""}, stockage dossier) en ${(ms / 1000).toFixed(1)} s :`,
      );
      console.log(
        `  CPU serveur par rendu : ${total.toFixed(1)} ms (cible ≤ 10) ${total <= 10 ? "OK" : "AU-DESSUS"} — création ${((cpu.post * 1000) / RENDUS).toFixed(1)} ms, PATCH 3 Mo ${((cpu.patch * 1000) / RENDUS).toFixed(1)} ms, « rendre » ${((cpu.rendre * 1000) / RENDUS).toFixed(1)} ms ; fil principal ${(((filsApres.principal - filsAvant.principal) * 1000) / RENDUS).toFixed(1)} ms, autres fils ${(((filsApres.autres - filsAvant.autres) * 1000) / RENDUS).toFixed(1)} ms`,
      );
      console.log(
        `  plancher node:http nu (même run) : avant ${plancherAvant.msCpu.toFixed(1)} ms, après ${plancherApres.msCpu.toFixed(1)} ms ; API / plancher ${(total / plancherMoyen).toFixed(2)} ; accusés faux : ${faux} ; charge ${charge()}`,
      );
      if (faux > 0) process.exitCode = 1;
    } finally {
      enfant.kill("SIGTERM");
      await new Promise((r) => enfant.once("exit", r));
    }
  } finally {
    if (!PGLITE)
      execFileSync("psql", [PG_ADMIN, "-q", "-c", `drop database if exists ${nomBase} with (force)`]);
    await rm(dossier, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--plancher") {
  const dossier = process.argv[3]!;
  const serveur = http.createServer((req, res) => {
    void (async () => {
      const hash = createHash("sha256");
      const f = await open(path.join(dossier, `plancher-${req.url!.slice(1)}`), "w");
      for await (const m of req) {
        hash.update(m as Buffer);
        await f.write(m as Buffer);
      }
      await f.sync();
      await f.close();
      res.writeHead(204, { "x-sha256": hash.digest("hex") }).end();
    })().catch(() => res.writeHead(500).end());
  });
  serveur.listen(Number(process.argv[4]), "127.0.0.1", () => process.send?.({ pret: true }));
} else {
  await principal();
  agent.destroy();
}
