// Ce que les bancs de bout en bout partagent : lancer le vrai serveur de l'API (mode démonstration) dans un
// processus enfant et lire son temps CPU. Variables : TROUSSE_API_SERVEUR (un autre point d'entrée construit,
// pour comparer deux versions), PROFIL_CPU=<dossier> (profil CPU du serveur, node --cpu-prof).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** La racine du dépôt. */
export const racine = fileURLToPath(new URL("..", import.meta.url));

/**
 * Lance `apps/api/dist/server.js` (mode démonstration, port libre, limites de débit relevées) et attend
 * qu'il annonce son port.
 *
 * @example
 * const { enfant, base } = await demarrerServeurApi({ TROUSSE_DATA_DIR: dossier });
 */
export async function demarrerServeurApi(
  env: Record<string, string>,
  delaiMs = 300_000,
): Promise<{ enfant: ChildProcess; base: string }> {
  const dist = process.env.TROUSSE_API_SERVEUR ?? path.join(racine, "apps/api/dist/server.js");
  if (!existsSync(dist))
    throw new Error("construisez d'abord l'API : npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api");
  const profil = process.env.PROFIL_CPU ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFIL_CPU}`] : [];
  const enfant = spawn(process.execPath, [...profil, dist], {
    cwd: path.join(racine, "apps/api"),
    env: {
      ...process.env,
      PORT: "0",
      TROUSSE_DEMO: "1",
      TROUSSE_LIMITE_IP_MINUTE: "1000000",
      TROUSSE_LIMITE_UTILISATEUR_MINUTE: "1000000",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let journal = "";
  const port = await new Promise<number>((ok, ko) => {
    const lire = (b: Buffer) => {
      journal = (journal + b.toString()).slice(-20_000);
      const m = /localhost:(\d+)/.exec(journal) ?? /"port":(\d+)/.exec(journal);
      if (m) ok(Number(m[1]));
    };
    enfant.stdout!.on("data", lire);
    enfant.stderr!.on("data", lire);
    enfant.once("exit", (code) =>
      ko(new Error(`le serveur s'est arrêté (code ${code}) : ${journal.slice(-2000)}`)),
    );
    setTimeout(
      () => ko(new Error(`serveur non prêt après ${delaiMs / 1000} s : ${journal.slice(-2000)}`)),
      delaiMs,
    ).unref();
  });
  return { enfant, base: `http://127.0.0.1:${port}` };
}

const portsDonnes = new Set<number>();
/**
 * Un port TCP libre sur 127.0.0.1 dans la plage des bancs (`BANC_PORTS`, défaut 43000-43999 : la machine de
 * mesure est partagée, chaque session a sa plage).
 *
 * @example
 * const port = await portDeBanc();
 */
export async function portDeBanc(): Promise<number> {
  const [debut, fin] = (process.env.BANC_PORTS ?? "43000-43999").split("-").map(Number) as [number, number];
  for (let essai = 0; essai < 200; essai++) {
    const port = debut + Math.floor(Math.random() * (fin - debut + 1));
    if (portsDonnes.has(port)) continue;
    const libre = await new Promise<boolean>((ok) => {
      const s = net.createServer();
      s.once("error", () => ok(false));
      s.listen(port, "127.0.0.1", () => s.close(() => ok(true)));
    });
    if (libre) {
      portsDonnes.add(port);
      return port;
    }
  }
  throw new Error(`aucun port libre dans ${debut}-${fin}`);
}

/**
 * Temps CPU (utilisateur + système) d'un processus, en secondes (/proc/<pid>/stat, 100 tops/s).
 *
 * @example
 * const avant = cpuSecondes(enfant.pid!);
 */
export function cpuSecondes(pid: number): number {
  const champs = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(champs[11]) + Number(champs[12])) / 100;
}

/**
 * Temps CPU d'un processus par fil (`/proc/<pid>/task`), en secondes : le fil principal (même numéro que le
 * processus) et la somme des autres (pool libuv des écritures, ramasse-miettes, workers).
 *
 * @example
 * const { principal, autres } = cpuParFil(enfant.pid!);
 */
export function cpuParFil(pid: number): { principal: number; autres: number } {
  let principal = 0;
  let autres = 0;
  for (const tache of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tache}/stat`, "utf8");
    } catch {
      continue; // fil terminé entre la liste et la lecture
    }
    const champs = stat.split(") ")[1]!.split(" ");
    const s = (Number(champs[11]) + Number(champs[12])) / 100;
    if (Number(tache) === pid) principal += s;
    else autres += s;
  }
  return { principal, autres };
}
