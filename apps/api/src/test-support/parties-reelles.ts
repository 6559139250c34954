import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// The real parts the multi-process tests (`src/grappe-reelle/*.grappe.test.ts`, step of `.ci/run`) start:
// API processes (`server.ts`, each its own port), nginx from Debian with the repository's `deploy/nginx.conf`
// as an unprivileged throw-away instance (its own prefix, pid, logs and temporary folders), a redis-server of
// our own, and a throw-away PostgreSQL cluster (initdb in a temporary folder) that a test may restart — never
// the machine's services, which other sessions share. Every port is taken in this session's range.

const executer = promisify(execFile);
const SERVEUR = fileURLToPath(new URL("../server.ts", import.meta.url));
const NGINX_CONF = fileURLToPath(new URL("../../../../deploy/nginx.conf", import.meta.url));

/** The ports these tests may use (the session's range). */
/** The sha256 of some bytes, in hex (as the database and the store keep it). */
export const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

/** A PDF-looking file of `taille` random bytes (distinct content each time). */
export function copie(taille: number): Buffer {
  const entete = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  const fin = Buffer.from("\n%%EOF\n");
  return Buffer.concat([entete, randomBytes(taille - entete.length - fin.length), fin]);
}

export const PLAGE_PORTS = { debut: 43_000, fin: 43_999 } as const;
const pris = new Set<number>();

/**
 * A free TCP port in `PLAGE_PORTS` on 127.0.0.1 (tried by binding it; never one already handed out here).
 *
 * @example
 * const port = await portLibre();
 */
export async function portLibre(): Promise<number> {
  for (let essai = 0; essai < 200; essai++) {
    const port = PLAGE_PORTS.debut + Math.floor(Math.random() * (PLAGE_PORTS.fin - PLAGE_PORTS.debut + 1));
    if (pris.has(port)) continue;
    const libre = await new Promise<boolean>((ok) => {
      const s = net.createServer();
      s.once("error", () => ok(false));
      s.listen(port, "127.0.0.1", () => s.close(() => ok(true)));
    });
    if (libre) {
      pris.add(port);
      return port;
    }
  }
  throw new Error("aucun port libre dans la plage");
}

/** Waits until `hote:port` accepts TCP connections. */
async function attendrePort(port: number, ms: number, hote = "127.0.0.1"): Promise<void> {
  const limite = Date.now() + ms;
  while (Date.now() < limite) {
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect(port, hote, () => s.end(() => r(true)));
      s.once("error", () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`rien n'écoute sur ${hote}:${port} après ${ms} ms`);
}

/** A started child process with its merged output. */
interface Enfant {
  enfant: ChildProcess;
  sortie(): string;
  fin: Promise<number | null>;
  /** Waits for `motif` in the output (fails if the process exits first). */
  attendre(motif: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

function suivre(enfant: ChildProcess): Enfant {
  let sortie = "";
  enfant.stdout?.on("data", (d: Buffer) => (sortie = (sortie + d.toString()).slice(-400_000)));
  enfant.stderr?.on("data", (d: Buffer) => (sortie = (sortie + d.toString()).slice(-400_000)));
  const fin = new Promise<number | null>((ok) => enfant.once("exit", (code) => ok(code)));
  return {
    enfant,
    sortie: () => sortie,
    fin,
    attendre: async (motif, ms = 150_000) => {
      const limite = Date.now() + ms;
      while (Date.now() < limite) {
        const m = motif.exec(sortie);
        if (m) return m;
        if (enfant.exitCode !== null || enfant.signalCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`motif ${String(motif)} absent de : ${sortie.slice(-4000)}`);
    },
  };
}

/** One API process (`server.ts`) on its own port. */
export interface ProcessusApi extends Enfant {
  pid: number;
  port: number;
  /** `http://127.0.0.1:<port>` (directly, without nginx). */
  url: string;
  /** SIGTERM, then waits for the exit (SIGKILL after 30 s). */
  arreter(): Promise<void>;
}

/**
 * Starts one API process from `server.ts` (tsx) on a port of the range and waits until it listens. The
 * environment is the test's, plus `env` (LOG_LEVEL info; raised rate limits unless given).
 *
 * @example
 * const api = await lancerApi({ DATABASE_URL: vide.url, TROUSSE_DATA_DIR: dossier, TROUSSE_DEMO: "1" });
 */
export async function lancerApi(env: Record<string, string>): Promise<ProcessusApi> {
  const port = await portLibre();
  const enfant = spawn(process.execPath, ["--import", "tsx", SERVEUR], {
    env: {
      ...process.env,
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      TROUSSE_LIMITE_IP_MINUTE: "1000000",
      TROUSSE_LIMITE_UTILISATEUR_MINUTE: "1000000",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const suivi = suivre(enfant);
  await suivi.attendre(/API Trousse prête/);
  return {
    ...suivi,
    pid: enfant.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    arreter: async () => {
      if (enfant.exitCode !== null || enfant.signalCode !== null) return;
      enfant.kill("SIGTERM");
      const t = setTimeout(() => enfant.kill("SIGKILL"), 30_000);
      await suivi.fin;
      clearTimeout(t);
    },
  };
}

/** A throw-away nginx in front of API processes. */
export interface Nginx {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The nginx configuration really used (built from `deploy/nginx.conf`). */
  configuration: string;
  /** What nginx wrote in its own error log. */
  journal(): Promise<string>;
  arreter(): Promise<void>;
}

/**
 * The repository's `deploy/nginx.conf`, adapted for a test: plain HTTP on `127.0.0.1:<port>` (no TLS, no
 * HTTP/2), the upstream lists `amonts`, and each response names the process that served it
 * (`X-Trousse-Amont: 127.0.0.1:<port>`). Everything else — buffering, body limits, forwarded headers,
 * timeouts, balancing — is the deployed file's. Fails if the file no longer has the expected shape.
 *
 * @example
 * configurationNginx(await readFile("deploy/nginx.conf", "utf8"), 43001, [43002, 43003]);
 */
export function configurationNginx(source: string, port: number, amonts: number[]): string {
  const remplacer = (texte: string, motif: RegExp, par: string): string => {
    if (!motif.test(texte)) throw new Error(`deploy/nginx.conf : ${String(motif)} introuvable`);
    return texte.replace(motif, par);
  };
  let c = source;
  c = remplacer(
    c,
    /^(\s*)server 127\.0\.0\.1:8787 (.*);$/m,
    amonts.map((p) => `$1server 127.0.0.1:${p} $2;`).join("\n"),
  );
  c = remplacer(c, /^\s*listen 443 ssl;$/m, `    listen 127.0.0.1:${port};`);
  c = remplacer(c, /^\s*http2 on;\n/m, "");
  c = remplacer(c, /^\s*ssl_certificate .*\n/m, "");
  c = remplacer(c, /^\s*ssl_certificate_key .*\n/m, "");
  c = remplacer(
    c,
    /^(\s*)server_name .*;$/m,
    `$1server_name 127.0.0.1;\n$1add_header X-Trousse-Amont $upstream_addr always;`,
  );
  return c;
}

/**
 * Starts nginx (Debian's `/usr/sbin/nginx`) with `deploy/nginx.conf` in front of `amonts`, as an unprivileged
 * throw-away instance: own prefix folder (pid, error log, temporary body/proxy folders), run as `nobody` when
 * the tests run as root, on a port of the range. `arreter` stops this instance only (its own pid).
 *
 * @example
 * const nginx = await lancerNginx([api1.port, api2.port]);
 */
export async function lancerNginx(amonts: number[]): Promise<Nginx> {
  const port = await portLibre();
  const prefixe = await mkdtemp(path.join(tmpdir(), "trousse-i13-nginx-"));
  const trousse = configurationNginx(await readFile(NGINX_CONF, "utf8"), port, amonts);
  const temporaires = ["corps", "proxy", "fastcgi", "uwsgi", "scgi"];
  for (const d of temporaires) await mkdir(path.join(prefixe, d));
  const principal = `
worker_processes 1;
pid ${prefixe}/nginx.pid;
error_log ${prefixe}/erreurs.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path ${prefixe}/corps;
    proxy_temp_path ${prefixe}/proxy;
    fastcgi_temp_path ${prefixe}/fastcgi;
    uwsgi_temp_path ${prefixe}/uwsgi;
    scgi_temp_path ${prefixe}/scgi;
    include ${prefixe}/trousse.conf;
}
`;
  await writeFile(path.join(prefixe, "trousse.conf"), trousse);
  await writeFile(path.join(prefixe, "nginx.conf"), principal);
  const racine = process.getuid?.() === 0;
  if (racine) {
    await executer("chown", ["-R", "nobody", prefixe]);
    await chmod(prefixe, 0o755);
  }
  const args = ["-p", prefixe, "-c", path.join(prefixe, "nginx.conf"), "-e", `${prefixe}/erreurs.log`];
  const commande = racine ? "runuser" : "/usr/sbin/nginx";
  const enfant = spawn(
    commande,
    racine
      ? ["-u", "nobody", "--", "/usr/sbin/nginx", ...args, "-g", "daemon off;"]
      : [...args, "-g", "daemon off;"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const suivi = suivre(enfant);
  try {
    await Promise.race([
      attendrePort(port, 30_000),
      suivi.fin.then((code) => {
        throw new Error(`nginx s'est arrêté (code ${code}) : ${suivi.sortie()}`);
      }),
    ]);
  } catch (e) {
    enfant.kill("SIGKILL");
    throw e;
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    configuration: trousse,
    journal: () => readFile(path.join(prefixe, "erreurs.log"), "utf8").catch(() => ""),
    arreter: async () => {
      if (enfant.exitCode === null && enfant.signalCode === null) {
        // runuser forwards the signal to nginx; nginx's master then stops its worker (QUIT = graceful).
        const pid = Number((await readFile(path.join(prefixe, "nginx.pid"), "utf8").catch(() => "0")).trim());
        if (pid > 0) process.kill(pid, "SIGQUIT");
        else enfant.kill("SIGTERM");
        const t = setTimeout(() => {
          if (pid > 0) process.kill(pid, "SIGKILL");
          enfant.kill("SIGKILL");
        }, 10_000);
        await suivi.fin;
        clearTimeout(t);
      }
      await rm(prefixe, { recursive: true, force: true });
    },
  };
}

/** A redis-server of our own (no persistence) on a port of the range. */
export interface RedisPropre {
  port: number;
  url: string;
  /** Stops this instance (kill of its own pid). */
  arreter(): Promise<void>;
}

/** Whether `redis-server` exists on this machine. */
export async function redisDisponible(): Promise<boolean> {
  return executer("redis-server", ["--version"]).then(
    () => true,
    () => false,
  );
}

/**
 * Starts `redis-server --port <port>` (no saving, no append-only file), never the machine's shared one.
 *
 * @example
 * const redis = await lancerRedis(); // redis.url
 */
export async function lancerRedis(): Promise<RedisPropre> {
  const port = await portLibre();
  const enfant = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", tmpdir()],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const suivi = suivre(enfant);
  await suivi.attendre(/Ready to accept connections/, 30_000);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    arreter: async () => {
      if (enfant.exitCode !== null || enfant.signalCode !== null) return;
      enfant.kill("SIGTERM");
      await suivi.fin;
    },
  };
}

/** A throw-away PostgreSQL cluster (initdb in a temporary folder) on a port of the range. */
export interface PostgresJetable {
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** Stops the server (`pg_ctl stop -m fast`): connections are cut. */
  arreter(): Promise<void>;
  /** Starts it again on the same port and folder. */
  demarrer(): Promise<void>;
  /** Stops it and removes its folder. */
  supprimer(): Promise<void>;
}

/** The folder of the PostgreSQL server binaries (`/usr/lib/postgresql/<version>/bin`), newest first. */
async function binairesPostgres(): Promise<string> {
  const { stdout } = await executer("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1"]);
  const dossier = stdout.trim();
  if (!dossier) throw new Error("PostgreSQL (initdb, pg_ctl) introuvable sous /usr/lib/postgresql");
  return dossier;
}

/**
 * Creates and starts a throw-away PostgreSQL cluster: `initdb` in a temporary folder, run as the `postgres`
 * user (`runuser -u postgres --` when the tests run as root), trust authentication, listening on 127.0.0.1
 * and on a port of the range only. The machine's own PostgreSQL is never touched.
 *
 * @example
 * const pg = await lancerPostgres();
 * await pg.arreter(); await pg.demarrer(); await pg.supprimer();
 */
export async function lancerPostgres(): Promise<PostgresJetable> {
  const bin = await binairesPostgres();
  const port = await portLibre();
  const dossier = await mkdtemp(path.join(tmpdir(), "trousse-i13-pg-"));
  const donnees = path.join(dossier, "donnees");
  const racine = process.getuid?.() === 0;
  if (racine) {
    const { stdout } = await executer("id", ["-u", "postgres"]);
    const { stdout: g } = await executer("id", ["-g", "postgres"]);
    await chown(dossier, Number(stdout.trim()), Number(g.trim()));
  }
  const comme = (commande: string, args: string[]) =>
    racine
      ? executer("runuser", ["-u", "postgres", "--", path.join(bin, commande), ...args], { cwd: dossier })
      : executer(path.join(bin, commande), args, { cwd: dossier });
  await comme("initdb", ["-D", donnees, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dossier} -c fsync=off -c max_connections=100`;
  const demarrer = async () => {
    await comme("pg_ctl", [
      "-D",
      donnees,
      "-o",
      options,
      "-l",
      path.join(dossier, "journal.log"),
      "-w",
      "-t",
      "120",
      "start",
    ]);
  };
  const arreter = async () => {
    await comme("pg_ctl", ["-D", donnees, "-m", "fast", "-w", "-t", "120", "stop"]);
  };
  await demarrer();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    arreter,
    demarrer,
    supprimer: async () => {
      await arreter().catch(() => undefined);
      await rm(dossier, { recursive: true, force: true });
    },
  };
}

/** An HTTP answer, body read whole. */
export interface Reponse {
  status: number;
  entetes: http.IncomingHttpHeaders;
  corps: Buffer;
  /** The body as JSON. */
  json<T>(): T;
}

/** One connection per request (like distinct phones): no socket reused between requests. */
const agent = new http.Agent({ keepAlive: false, maxSockets: 512 });

/**
 * One HTTP request with `node:http` (bodies as Buffers, no fetch limits on PATCH bodies).
 *
 * @example
 * const r = await requete(`${nginx.url}/health`);
 */
export function requete(
  url: string,
  options: {
    methode?: string;
    entetes?: Record<string, string>;
    corps?: Buffer | string;
    delaiMs?: number;
  } = {},
): Promise<Reponse> {
  return new Promise((ok, ko) => {
    const r = http.request(
      url,
      {
        method: options.methode ?? "GET",
        agent,
        headers: options.entetes,
        timeout: options.delaiMs ?? 60_000,
      },
      (res) => {
        const morceaux: Buffer[] = [];
        res.on("data", (m: Buffer) => morceaux.push(m));
        res.on("end", () => {
          const corps = Buffer.concat(morceaux);
          ok({
            status: res.statusCode ?? 0,
            entetes: res.headers,
            corps,
            json: <T>() => JSON.parse(corps.toString()) as T,
          });
        });
        res.on("error", ko);
      },
    );
    r.on("timeout", () => r.destroy(new Error("délai dépassé")));
    r.on("error", ko);
    r.end(options.corps);
  });
}

const b64 = (t: string) => Buffer.from(t).toString("base64");

/** A signed-in demo user's helpers against one base URL (nginx or a process). */
export interface Client {
  /** The base URL the helpers call. */
  base: string;
  jeton: string;
  /** `authorization` + `Tus-Resumable`. */
  auth: { authorization: string; "Tus-Resumable": string };
  /** POST /v1/televersements: returns the upload id (and the answer). */
  creerEnvoi(devoirId: string, nom: string, taille: number): Promise<{ id: string; reponse: Reponse }>;
  patch(id: string, offset: number, corps: Buffer): Promise<Reponse>;
  head(id: string): Promise<Reponse>;
  rendre(devoirId: string, ids: string[]): Promise<Reponse>;
  get(chemin: string): Promise<Reponse>;
}

/**
 * Signs in a demo user (`/v1/auth/demo`) through `base` and returns request helpers.
 *
 * @example
 * const lea = await connecter(nginx.url, "lea.martin");
 */
export async function connecter(base: string, login: string): Promise<Client> {
  const r = await requete(`${base}/v1/auth/demo`, {
    methode: "POST",
    entetes: { "content-type": "application/json" },
    corps: JSON.stringify({ login }),
  });
  if (r.status !== 200) throw new Error(`connexion ${login} : ${r.status} ${r.corps.toString()}`);
  const jeton = r.json<{ jeton: string }>().jeton;
  const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
  return {
    base,
    jeton,
    auth,
    creerEnvoi: async (devoirId, nom, taille) => {
      const reponse = await requete(`${base}/v1/televersements`, {
        methode: "POST",
        entetes: {
          ...auth,
          "Upload-Length": String(taille),
          "Upload-Metadata": `filename ${b64(nom)},devoir ${b64(devoirId)}`,
        },
      });
      if (reponse.status !== 201) throw new Error(`création : ${reponse.status} ${reponse.corps.toString()}`);
      return { id: String(reponse.entetes.location).split("/").pop()!, reponse };
    },
    patch: (id, offset, corps) =>
      requete(`${base}/v1/televersements/${id}`, {
        methode: "PATCH",
        entetes: {
          ...auth,
          "Upload-Offset": String(offset),
          "Content-Type": "application/offset+octet-stream",
        },
        corps,
      }),
    head: (id) => requete(`${base}/v1/televersements/${id}`, { methode: "HEAD", entetes: auth }),
    rendre: (devoirId, ids) =>
      requete(`${base}/v1/devoirs/${devoirId}/rendre`, {
        methode: "POST",
        entetes: { authorization: auth.authorization, "content-type": "application/json" },
        corps: JSON.stringify({ televersements: ids }),
      }),
    get: (chemin) => requete(`${base}${chemin}`, { entetes: { authorization: auth.authorization } }),
  };
}

/** The first assignment « à rendre » of a signed-in pupil (or the one whose title starts with `titre`). */
export async function devoirARendre(client: Client, titre?: string): Promise<string> {
  const r = await client.get("/v1/devoirs");
  const { devoirs } = r.json<{ devoirs: { id: string; titre: string; statut: string }[] }>();
  const d = devoirs.find((x) => (titre ? x.titre.startsWith(titre) : x.statut === "a-rendre"));
  if (!d) throw new Error(`aucun devoir à rendre : ${r.corps.toString()}`);
  return d.id;
}

/** The receipt of « rendre » (the fields these tests check). */
export interface Accuse {
  renduId: string;
  fichiers: { id: string; sha256: string; taille: number }[];
}

/** What one persistent pupil went through. */
export interface Trajet {
  accuse: Accuse | null;
  /** Every answer: step, status, Retry-After. */
  reponses: { etape: string; status: number; retryAfter: string | undefined }[];
  /** Network errors (connection cut) seen. */
  erreursReseau: number;
  /** Times the upload continued from a kept offset > 0 after a failure. */
  reprises: number;
  /** Times the upload was started again from 0 (upload gone, 404). */
  recommencements: number;
}

const REESSAYABLES = new Set([423, 429, 502, 503, 504]);

/**
 * A pupil who does what a tus client and the widget do: creates the upload, sends it in `morceau`-byte PATCHes,
 * and after any failure (cut connection, 502/503/504, 423, 409) asks HEAD for the kept offset and continues
 * from there (waiting `Retry-After`, at most 5 s); then « rendre », repeated until it answers a receipt
 * (« rendre » is replayable: the same uploads give the same receipt). Gives up after `limiteMs`.
 *
 * @example
 * const t = await rendreTenace(eleve, devoirId, contenu, { morceau: 256_000 });
 */
export async function rendreTenace(
  client: Client,
  devoirId: string,
  contenu: Buffer,
  options: { morceau: number; limiteMs?: number; nom?: string; avantChaquePatch?: () => Promise<void> },
): Promise<Trajet> {
  const trajet: Trajet = { accuse: null, reponses: [], erreursReseau: 0, reprises: 0, recommencements: 0 };
  const limite = Date.now() + (options.limiteMs ?? 120_000);
  const noter = (etape: string, r: Reponse) => {
    const ra = r.entetes["retry-after"];
    trajet.reponses.push({ etape, status: r.status, retryAfter: Array.isArray(ra) ? ra[0] : ra });
    return r;
  };
  const attendre = (r?: Reponse) => {
    const s = Number(r?.entetes["retry-after"] ?? 0);
    return new Promise((ok) => setTimeout(ok, s > 0 ? Math.min(s, 5) * 1000 : 300));
  };
  let id: string | null = null;
  let offset = 0;
  let aVerifier = false;
  while (Date.now() < limite) {
    try {
      if (!id) {
        const r = noter(
          "creation",
          await requete(`${client.base}/v1/televersements`, {
            methode: "POST",
            entetes: {
              ...client.auth,
              "Upload-Length": String(contenu.length),
              "Upload-Metadata": `filename ${b64(options.nom ?? "copie.pdf")},devoir ${b64(devoirId)}`,
            },
          }),
        );
        if (r.status === 201) {
          id = String(r.entetes.location).split("/").pop()!;
          offset = 0;
        } else if (REESSAYABLES.has(r.status)) await attendre(r);
        else throw new Error(`création ${r.status} ${r.corps.toString()}`);
        continue;
      }
      if (aVerifier) {
        const h = noter("head", await client.head(id));
        if (h.status === 200) {
          const garde = Number(h.entetes["upload-offset"]);
          if (garde > 0) trajet.reprises++;
          offset = garde;
          aVerifier = false;
        } else if (h.status === 404) {
          id = null;
          trajet.recommencements++;
          aVerifier = false;
        } else if (REESSAYABLES.has(h.status)) await attendre(h);
        else throw new Error(`HEAD ${h.status} ${h.corps.toString()}`);
        continue;
      }
      if (offset < contenu.length) {
        await options.avantChaquePatch?.();
        const r = noter(
          "patch",
          await client.patch(id, offset, contenu.subarray(offset, offset + options.morceau)),
        );
        if (r.status === 204) offset = Number(r.entetes["upload-offset"]);
        else if (r.status === 409 || REESSAYABLES.has(r.status)) {
          aVerifier = true;
          if (r.status !== 409) await attendre(r);
        } else throw new Error(`PATCH ${r.status} ${r.corps.toString()}`);
        continue;
      }
      const r = noter("rendre", await client.rendre(devoirId, [id]));
      if (r.status === 201 || r.status === 200) {
        trajet.accuse = r.json<{ accuseReception: Accuse }>().accuseReception;
        return trajet;
      }
      if (REESSAYABLES.has(r.status)) await attendre(r);
      else throw new Error(`rendre ${r.status} ${r.corps.toString()}`);
    } catch (e) {
      if ((e as Error).message.match(/^(création|HEAD|PATCH|rendre) \d/)) throw e;
      trajet.erreursReseau++;
      aVerifier = id !== null;
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  return trajet;
}
