// The REAL API server in demo mode for browser tests (apps/api/dist/server.js, PGlite in a temp folder,
// random port), serving the CDN bundles of this package: the README's main command, as a child process.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOSSIER_CDN, RACINE_PAQUET } from "./navigateur.js";

const SERVEUR_API = join(RACINE_PAQUET, "..", "..", "apps", "api", "dist", "server.js");

/** A running demo API: its address, a demo sign-in for API calls, and how to stop it. */
export interface ApiDemo {
  base: string;
  jeton(login: string): Promise<string>;
  arreter(): void;
}

async function portLibre(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

/**
 * Starts the demo API and waits for `/ready` (2 minutes at most: a loaded shared machine).
 *
 * @example
 * const api = await demarrerApiDemo();
 * const jeton = await api.jeton("claire.durand");
 */
export async function demarrerApiDemo(): Promise<ApiDemo> {
  const port = await portLibre();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    TROUSSE_DEMO: "1",
    PORT: String(port),
    TROUSSE_BASE_URL: base,
    TROUSSE_DATA_DIR: mkdtempSync(join(tmpdir(), "trousse-e2e-")),
    TROUSSE_WIDGETS_DIR: DOSSIER_CDN,
  };
  delete env.DATABASE_URL;
  const processus: ChildProcess = spawn(process.execPath, [SERVEUR_API], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const api: ApiDemo = {
    base,
    arreter: () => void processus.kill("SIGTERM"),
    jeton: async (login) => {
      const r = await fetch(`${base}/v1/auth/demo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login }),
      });
      return ((await r.json()) as { jeton: string }).jeton;
    },
  };
  for (let i = 0; i < 480; i++) {
    if (
      await fetch(`${base}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return api;
    await new Promise((r) => setTimeout(r, 250));
  }
  api.arreter();
  throw new Error(
    `L'API (${SERVEUR_API}) n'a pas démarré : construisez-la (turbo run build --filter=@trousse/api).`,
  );
}
