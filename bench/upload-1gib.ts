// Un envoi reprenable de 1 Gio à travers le vrai serveur (`apps/api`, mode démonstration, PGlite) : croissance
// du RSS du processus de l'API (échantillonnée dans /proc/<pid>/status) et débit, à côté, dans la même
// exécution et avec le même fichier et le même client : le `@tus/server` de série avec `@tus/file-store`
// (sans sha256 ni fsync : ce qu'il fait de série), un serveur node:http nu qui écrit avec sha256 et fsync
// (ce que l'API doit faire au moins), un node:http nu sans l'un ni l'autre, et `cp`. Cibles : débit de l'API
// ≥ 1,0 × `@tus/server` de série ; croissance RSS < 64 Mio. L'envoi de l'API est coupé à 50 % (connexion
// interrompue), repris après un HEAD, puis rendu et vérifié (sha256 de l'accusé) ; les pairs sont mesurés
// avant et après l'API (la moyenne des deux sert de référence : écrire coûte plus cher à mesure que la
// machine virtuelle a écrit des Gio). La charge de la machine (`os.loadavg()`) est affichée.
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api && node --import tsx bench/upload-1gib.ts`
// Variables : TAILLE_MIO (défaut 1024), FICHIER (scan, défaut, ou hors-flux), DATABASE_URL (PostgreSQL).
import { execFileSync, fork } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { mkdir, mkdtemp, open, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import http from "node:http";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { partiesCopieScannee } from "./copies.js";
import { cpuParFil, cpuSecondes, demarrerServeurApi, portDeBanc, racine } from "./serveur-api.js";
import { mediane } from "./statistiques.js";

const MIO = 1024 * 1024;
const FICHIER = process.env.FICHIER ?? "scan";
const charge = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
const taille = Number(process.env.TAILLE_MIO ?? 1024) * MIO;

function rssKio(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

async function jeton(base: string, login: string): Promise<string> {
  const r = await fetch(`${base}/v1/auth/demo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login }),
  });
  if (!r.ok) throw new Error(`connexion de démonstration ${login} : ${r.status} ${await r.text()}`);
  return ((await r.json()) as { jeton: string }).jeton;
}

async function principal(): Promise<void> {
  const dossier = await mkdtemp(path.join(tmpdir(), "bench-upload-"));
  const source = path.join(dossier, "source.pdf");
  // Le fichier (FICHIER=scan, défaut) : une copie scannée de 1 Gio — un PDF dont l'image (flux /DCTDecode,
  // octets pseudo-aléatoires) fait presque tout ; ou (FICHIER=hors-flux) un en-tête PDF puis des octets
  // pseudo-aléatoires hors de tout flux, le pire cas de l'examen des PDF (ce qu'envoyait ce banc avant).
  // Écrit par blocs de 1 Mio.
  const bloc = randomBytes(MIO);
  const f = await open(source, "w");
  const empreinte = createHash("sha256");
  const parties =
    FICHIER === "hors-flux"
      ? { debut: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"), fin: Buffer.alloc(0) }
      : partiesCopieScannee(taille);
  const ecrire = async (b: Buffer) => {
    await f.write(b);
    empreinte.update(b);
  };
  await ecrire(parties.debut);
  const milieu = taille - parties.debut.length - parties.fin.length;
  for (let ecrit = 0; ecrit < milieu;) {
    const n = Math.min(MIO, milieu - ecrit);
    await ecrire(n === MIO ? bloc : bloc.subarray(0, n));
    ecrit += n;
  }
  await ecrire(parties.fin);
  await f.sync();
  await f.close();
  const shaSource = empreinte.digest("hex");

  // Référence : cp du même fichier sur le même disque (cache chaud, comme l'envoi). Sur cette machine
  // virtuelle, écrire de nouvelles pages coûte très variablement (0,4 à 2 s pour 1 Gio selon les tirages) :
  // cp est mesuré trois fois (avant, entre et après les envois) et la médiane sert de référence.
  const copie = path.join(dossier, "copie.pdf");
  execFileSync("cat", [source], { stdio: ["ignore", "ignore", "ignore"] });
  const mesuresCp: { cp: number; sync: number }[] = [];
  const mesurerCp = async () => {
    let t0 = performance.now();
    execFileSync("cp", [source, copie]);
    const cp = performance.now() - t0;
    t0 = performance.now();
    execFileSync("sync", [copie]);
    mesuresCp.push({ cp, sync: performance.now() - t0 });
    await rm(copie);
  };
  await mesurerCp();

  // Plancher : un serveur node:http nu (autre processus) qui reçoit le même PATCH et l'écrit sur le même
  // disque (pipeline vers un fichier), sans sha256, sans contrôle ni base : ce que coûtent HTTP et
  // l'écriture seuls, avec le même client.
  const msPlancher = await envoiPlancher(source, path.join(dossier, "plancher.pdf"));
  await mesurerCp();
  // Pairs de la cible : le @tus/server de série (FileStore), et node:http nu avec sha256 + fsync.
  const tusAvant = await envoiTusSerie(source, path.join(dossier, "tus-serie"));
  const completAvant = await envoiPlancher(source, path.join(dossier, "complet.pdf"), "--plancher-complet");

  const { enfant, base } = await demarrerServeurApi(
    { TROUSSE_DATA_DIR: path.join(dossier, "donnees"), PORT: String(await portDeBanc()) },
    120_000,
  );
  try {
    const prof = await jeton(base, "claire.durand");
    const eleve = await jeton(base, "lea.martin");
    const devoirsEleve = (await (
      await fetch(`${base}/v1/devoirs`, { headers: { authorization: `Bearer ${eleve}` } })
    ).json()) as { devoirs: { groupeId: string }[] };
    const groupeId = devoirsEleve.devoirs[0]?.groupeId;
    if (!groupeId) throw new Error("aucun devoir de démonstration pour la 3eA");
    const maintenant = Date.now();
    const creation = await fetch(`${base}/v1/devoirs`, {
      method: "POST",
      headers: { authorization: `Bearer ${prof}`, "content-type": "application/json" },
      body: JSON.stringify({
        groupeId,
        titre: "Mesure : envoi de 1 Gio",
        ouverture: new Date(maintenant - 3600_000).toISOString(),
        echeance: new Date(maintenant + 7 * 86_400_000).toISOString(),
        contraintes: { familles: ["document"], tailleMaxOctets: 2 * 1024 * MIO, nombreMax: 1 },
      }),
    });
    if (creation.status !== 201)
      throw new Error(`création du devoir : ${creation.status} ${await creation.text()}`);
    const devoirId = ((await creation.json()) as { devoir: { id: string } }).devoir.id;

    // Échantillonnage du RSS du processus serveur toutes les 20 ms.
    await new Promise((r) => setTimeout(r, 500));
    const rssAvant = rssKio(enfant.pid!);
    let rssMax = rssAvant;
    const echantillons = setInterval(() => {
      rssMax = Math.max(rssMax, rssKio(enfant.pid!));
    }, 20);

    const auth = { authorization: `Bearer ${eleve}`, "Tus-Resumable": "1.0.0" };
    const meta = `filename ${Buffer.from("gros fichier.pdf").toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
    const cpuAvant = cpuSecondes(enfant.pid!);
    const filsAvant = cpuParFil(enfant.pid!);
    const debut = performance.now();
    const post = await fetch(`${base}/v1/televersements`, {
      method: "POST",
      headers: { ...auth, "Upload-Length": String(taille), "Upload-Metadata": meta },
    });
    if (post.status !== 201) throw new Error(`POST tus : ${post.status} ${await post.text()}`);
    const url = new URL(post.headers.get("location")!, base).href;
    // Le client : node:http, le fichier lu en flux et envoyé tel quel (comme un navigateur, sans tampon).
    let dernierOctet = 0;
    const envoyer = (offset: number, fin: number, coupure?: { a: number }): Promise<{ status: number }> =>
      new Promise((ok, ko) => {
        const requete = http.request(url, {
          method: "PATCH",
          agent: false,
          headers: {
            ...auth,
            "Upload-Offset": String(offset),
            "Content-Type": "application/offset+octet-stream",
            "Content-Length": String(fin - offset),
          },
        });
        requete.on("response", (r) => {
          r.resume();
          r.on("end", () => ok({ status: r.statusCode ?? 0 }));
        });
        requete.on("error", (e) => (coupure ? ok({ status: 0 }) : ko(e)));
        const lecture = createReadStream(source, { start: offset, end: fin - 1, highWaterMark: MIO });
        if (coupure) {
          let lus = offset;
          lecture.on("data", (m) => {
            lus += m.length;
            if (lus >= coupure.a) {
              lecture.destroy();
              requete.destroy();
            }
          });
        }
        // Instant où le dernier octet est confié au socket : la suite est l'attente du serveur (fsync…).
        requete.on("finish", () => (dernierOctet = performance.now()));
        lecture.pipe(requete);
      });
    // 1re partie : la connexion est coupée net à la moitié du fichier (le client ne sait pas où le serveur en est).
    await envoyer(0, taille, { a: Math.floor(taille / 2) });
    const tCoupure = performance.now();
    // Reprise : HEAD donne l'offset réellement écrit, puis la suite (réessai tant que l'ancien envoi tient le verrou).
    let offset = 0;
    let fin: { status: number } | null = null;
    let tReprise = performance.now();
    let essais = 0;
    for (let essai = 0; essai < 50; essai++) {
      await new Promise((r) => setTimeout(r, 100));
      const head = await fetch(url, { method: "HEAD", headers: auth });
      offset = Number(head.headers.get("upload-offset"));
      tReprise = performance.now();
      essais++;
      fin = await envoyer(offset, taille);
      if (fin.status !== 409 && fin.status !== 423) break;
    }
    if (!fin) throw new Error("reprise impossible");
    const tFinEnvoi = performance.now();
    const msAttenteFinale = tFinEnvoi - dernierOctet;
    if (fin.status !== 204) throw new Error(`PATCH final : ${fin.status}`);
    const id = url.split("/").pop()!;
    const rendre = await fetch(`${base}/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      headers: { authorization: `Bearer ${eleve}`, "content-type": "application/json" },
      body: JSON.stringify({ televersements: [id] }),
    });
    const msEnvoi = performance.now() - debut;
    const phases = `1re moitié ${((tCoupure - debut) / 1000).toFixed(2)} s, reprise ${((tReprise - tCoupure) / 1000).toFixed(2)} s (${essais} PATCH), 2de moitié ${((tFinEnvoi - tReprise) / 1000).toFixed(2)} s dont ${(msAttenteFinale / 1000).toFixed(2)} s d'attente après le dernier octet (vidage, fsync), « rendre » (fsync compris) ${((performance.now() - tFinEnvoi) / 1000).toFixed(2)} s`;
    const cpuEnvoi = cpuSecondes(enfant.pid!) - cpuAvant;
    const filsApres = cpuParFil(enfant.pid!);
    clearInterval(echantillons);
    const accuse = (
      (await rendre.json()) as { accuseReception: { fichiers: { sha256: string; taille: number }[] } }
    ).accuseReception;
    const ok = accuse.fichiers[0]?.sha256 === shaSource && accuse.fichiers[0]?.taille === taille;

    const debitEnvoi = taille / MIO / (msEnvoi / 1000);
    // Le plancher encore une fois, juste après l'envoi : écrire coûte plus cher à mesure que la machine
    // virtuelle a écrit des Gio (mémoire de l'hôte), et une seule mesure avant l'envoi avantagerait le plancher.
    const msPlancherApres = await envoiPlancher(source, path.join(dossier, "plancher-apres.pdf"));
    await mesurerCp();
    const tusApres = await envoiTusSerie(source, path.join(dossier, "tus-serie-apres"));
    const completApres = await envoiPlancher(
      source,
      path.join(dossier, "complet-apres.pdf"),
      "--plancher-complet",
    );
    const debitTus = (taille / MIO / (tusAvant.ms / 1000) + taille / MIO / (tusApres.ms / 1000)) / 2;
    const debitComplet = (taille / MIO / (completAvant / 1000) + taille / MIO / (completApres / 1000)) / 2;
    const msCp = mediane(mesuresCp.map((m) => m.cp));
    const msCpSync = mediane(mesuresCp.map((m) => m.cp + m.sync));
    const debitCp = taille / MIO / (msCp / 1000);
    const debitCpSync = taille / MIO / (msCpSync / 1000);
    const debitPlancherAvant = taille / MIO / (msPlancher / 1000);
    const debitPlancherApres = taille / MIO / (msPlancherApres / 1000);
    const debitPlancher = (debitPlancherAvant + debitPlancherApres) / 2;
    const croissance = (rssMax - rssAvant) / 1024;
    console.log(
      `Envoi reprenable de ${(taille / MIO).toFixed(0)} Mio (fichier ${FICHIER} ; coupé à ${(offset / MIO).toFixed(0)} Mio, repris) puis « rendre »`,
    );
    console.log(`  sha256 de l'accusé = sha256 du fichier source : ${ok ? "oui" : "NON"}`);
    console.log(
      `  RSS de l'API : avant ${(rssAvant / 1024).toFixed(1)} Mio, pic ${(rssMax / 1024).toFixed(1)} Mio, croissance ${croissance.toFixed(1)} Mio (cible < 64) ${croissance < 64 ? "OK" : "DÉPASSÉ"}`,
    );
    console.log(
      `  débit de l'envoi (HTTP + sha256 + fsync + rendre) : ${debitEnvoi.toFixed(0)} Mio/s en ${(msEnvoi / 1000).toFixed(1)} s`,
    );
    console.log(`  dont ${phases}`);
    console.log(
      `  cp du même fichier (médiane de 3) : ${debitCp.toFixed(0)} Mio/s (${(msCp / 1000).toFixed(2)} s ; mesures ${mesuresCp.map((m) => (m.cp / 1000).toFixed(2)).join(", ")} s) ; cp + sync : ${debitCpSync.toFixed(0)} Mio/s`,
    );
    console.log(
      `  plancher node:http nu (HTTP + écriture, sans sha256 ni fsync) : avant l'envoi ${debitPlancherAvant.toFixed(0)} Mio/s, juste après ${debitPlancherApres.toFixed(0)} Mio/s ; moyenne ${debitPlancher.toFixed(0)} Mio/s, soit ${(debitPlancher / debitCp).toFixed(2)} × cp`,
    );
    console.log(
      `  rapport envoi / cp : ${(debitEnvoi / debitCp).toFixed(2)} (indicatif : le cache de pages rend cp peu parlant) ; envoi / (cp + sync) : ${(debitEnvoi / debitCpSync).toFixed(2)} ; envoi / plancher : ${(debitEnvoi / debitPlancher).toFixed(2)}`,
    );
    console.log(
      `  @tus/server de série + @tus/file-store (sans sha256 ni fsync) : avant ${(taille / MIO / (tusAvant.ms / 1000)).toFixed(0)} Mio/s (RSS +${tusAvant.rssMio.toFixed(1)} Mio), après ${(taille / MIO / (tusApres.ms / 1000)).toFixed(0)} Mio/s (RSS +${tusApres.rssMio.toFixed(1)} Mio) ; moyenne ${debitTus.toFixed(0)} Mio/s`,
    );
    console.log(
      `  node:http nu avec sha256 + fsync : avant ${(taille / MIO / (completAvant / 1000)).toFixed(0)} Mio/s, après ${(taille / MIO / (completApres / 1000)).toFixed(0)} Mio/s ; moyenne ${debitComplet.toFixed(0)} Mio/s`,
    );
    console.log(
      `  rapport API / @tus/server de série : ${(debitEnvoi / debitTus).toFixed(2)} (cible ≥ 1,0) ${debitEnvoi / debitTus >= 1 ? "OK" : "SOUS LA CIBLE"} ; API / node:http nu avec sha256 + fsync : ${(debitEnvoi / debitComplet).toFixed(2)}`,
    );
    console.log(
      `  CPU du serveur pendant l'envoi : ${cpuEnvoi.toFixed(2)} s (fil principal ${(filsApres.principal - filsAvant.principal).toFixed(2)} s, autres fils ${(filsApres.autres - filsAvant.autres).toFixed(2)} s) ; charge de la machine ${charge()}`,
    );
    if (!ok || croissance >= 64) process.exitCode = 1;
  } finally {
    enfant.kill("SIGTERM");
    await new Promise((r) => enfant.once("exit", r));
    await rm(dossier, { recursive: true, force: true });
  }
}

/** Le client commun : un PATCH dont le corps est le fichier, lu en flux (comme un navigateur). */
function patcher(url: string, fichier: string, entetes: Record<string, string>): http.ClientRequest {
  const requete = http.request(url, { method: "PATCH", agent: false, headers: entetes });
  createReadStream(fichier, { highWaterMark: MIO }).pipe(requete);
  return requete;
}

/** Envoie `source` au serveur plancher (processus enfant ; `mode` --plancher ou --plancher-complet) et rend la durée en ms. */
async function envoiPlancher(source: string, destination: string, mode = "--plancher"): Promise<number> {
  const enfant = fork(fileURLToPath(import.meta.url), [mode, destination, String(await portDeBanc())], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const port = await new Promise<number>((ok, ko) => {
      enfant.once("message", (m) => ok((m as { port: number }).port));
      enfant.once("exit", (code) => ko(new Error(`serveur plancher arrêté (${code})`)));
    });
    const debut = performance.now();
    await new Promise<void>((ok, ko) => {
      const requete = patcher(`http://127.0.0.1:${port}/`, source, {
        "Content-Type": "application/offset+octet-stream",
        "Content-Length": String(taille),
      });
      requete.on("response", (r) => {
        r.resume();
        r.on("end", () => (r.statusCode === 204 ? ok() : ko(new Error(`plancher : ${r.statusCode}`))));
      });
      requete.on("error", ko);
    });
    return performance.now() - debut;
  } finally {
    enfant.kill("SIGTERM");
    await rm(destination, { force: true });
  }
}

/**
 * Le même fichier vers le `@tus/server` de série avec `@tus/file-store` (processus enfant) : POST de création
 * puis un PATCH du fichier entier ; rend la durée (ms, création comprise) et la croissance du RSS (Mio).
 */
async function envoiTusSerie(source: string, dossierTus: string): Promise<{ ms: number; rssMio: number }> {
  await mkdir(dossierTus, { recursive: true });
  const enfant = fork(
    fileURLToPath(import.meta.url),
    ["--tus-serie", dossierTus, String(await portDeBanc())],
    {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  try {
    const port = await new Promise<number>((ok, ko) => {
      enfant.once("message", (m) => ok((m as { port: number }).port));
      enfant.once("exit", (code) => ko(new Error(`@tus/server arrêté (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 300));
    const rssAvant = rssKio(enfant.pid!);
    let rssMax = rssAvant;
    const echantillons = setInterval(() => (rssMax = Math.max(rssMax, rssKio(enfant.pid!))), 20);
    const debut = performance.now();
    const creation = await fetch(`http://127.0.0.1:${port}/files`, {
      method: "POST",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Length": String(taille) },
    });
    if (creation.status !== 201) throw new Error(`@tus/server POST : ${creation.status}`);
    const url = new URL(creation.headers.get("location")!, `http://127.0.0.1:${port}`).href;
    await new Promise<void>((ok, ko) => {
      const requete = patcher(url, source, {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
        "Content-Length": String(taille),
      });
      requete.on("response", (r) => {
        r.resume();
        r.on("end", () =>
          r.statusCode === 204 ? ok() : ko(new Error(`@tus/server PATCH : ${r.statusCode}`)),
        );
      });
      requete.on("error", ko);
    });
    const ms = performance.now() - debut;
    clearInterval(echantillons);
    return { ms, rssMio: (rssMax - rssAvant) / 1024 };
  } finally {
    enfant.kill("SIGTERM");
    await rm(dossierTus, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--plancher" || process.argv[2] === "--plancher-complet") {
  const destination = process.argv[3]!;
  const complet = process.argv[2] === "--plancher-complet";
  const serveur = http.createServer((req, res) => {
    if (!complet) {
      pipeline(req, createWriteStream(destination, { highWaterMark: MIO })).then(
        () => res.writeHead(204).end(),
        () => res.writeHead(500).end(),
      );
      return;
    }
    // Avec sha256 (au fil des octets) et fsync à la fin : le minimum de ce que fait un envoi de l'API.
    const hash = createHash("sha256");
    const ecriture = createWriteStream(destination, { highWaterMark: MIO });
    req.on("data", (m: Buffer) => hash.update(m));
    pipeline(req, ecriture)
      .then(async () => {
        const f = await open(destination, "r+");
        await f.sync();
        await f.close();
        res.writeHead(204, { "x-sha256": hash.digest("hex") }).end();
      })
      .catch(() => res.writeHead(500).end());
  });
  serveur.listen(Number(process.argv[4]), "127.0.0.1", () =>
    process.send?.({ port: (serveur.address() as { port: number }).port }),
  );
} else if (process.argv[2] === "--tus-serie") {
  const requireApi = createRequire(path.join(racine, "apps/api/package.json"));
  const { Server } = (await import(requireApi.resolve("@tus/server"))) as typeof import("@tus/server");
  const { FileStore } = (await import(
    requireApi.resolve("@tus/file-store")
  )) as typeof import("@tus/file-store");
  const tus = new Server({ path: "/files", datastore: new FileStore({ directory: process.argv[3]! }) });
  const serveur = http.createServer((req, res) => void tus.handle(req, res));
  serveur.listen(Number(process.argv[4]), "127.0.0.1", () =>
    process.send?.({ port: (serveur.address() as { port: number }).port }),
  );
} else {
  await principal();
}
