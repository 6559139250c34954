// The REAL Trousse API in demo mode for browser tests (apps/api/dist/server.js, PGlite in a temp folder,
// random port on 127.0.0.1), and the steps every <trousse-rendre-devoir> test repeats.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Frame, Locator, Page } from "playwright-core";
import { DOSSIER_CAPTURES, DOSSIER_CDN, RACINE_PAQUET } from "./navigateur.js";

const SERVEUR_API = join(RACINE_PAQUET, "..", "..", "apps", "api", "dist", "server.js");

/**
 * A free TCP port on 127.0.0.1: any, or one of `TROUSSE_PLAGE_PORTS` (`45000-45999`) when set (a shared
 * machine where each test run keeps to its own range).
 */
export async function portLibre(): Promise<number> {
  const plage = /^(\d+)-(\d+)$/.exec(process.env.TROUSSE_PLAGE_PORTS ?? "");
  for (let essai = 0; essai < 50; essai++) {
    const voulu = plage
      ? Number(plage[1]) + Math.floor(Math.random() * (Number(plage[2]) - Number(plage[1]) + 1))
      : 0;
    const s = createServer();
    const ok = await new Promise<boolean>((fait) => {
      s.once("error", () => fait(false));
      s.listen(voulu, "127.0.0.1", () => fait(true));
    });
    if (!ok) continue;
    const port = (s.address() as { port: number }).port;
    await new Promise((fait) => s.close(fait));
    return port;
  }
  throw new Error(`Aucun port libre dans ${process.env.TROUSSE_PLAGE_PORTS}.`);
}

export interface ApiDemo {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  port: number;
  /** A session token for a demo login (`claire.durand`, `lea.martin`…), without the popup. */
  jeton(login: string): Promise<string>;
  /** `fetch` of the API with a token. */
  appeler(chemin: string, jeton: string, init?: RequestInit): Promise<Response>;
  arreter(): void;
}

/**
 * Starts the API in demo mode; `baseUrl` is its `TROUSSE_BASE_URL` (default `http://127.0.0.1:<port>`),
 * `env` more variables, `port` a fixed port (default: a free one).
 */
export async function demarrerApiDemo(
  options: { baseUrl?: (port: number) => string; env?: Record<string, string>; port?: number } = {},
): Promise<ApiDemo> {
  mkdirSync(DOSSIER_CAPTURES, { recursive: true });
  const port = options.port ?? (await portLibre());
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    TROUSSE_DEMO: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    TROUSSE_BASE_URL: options.baseUrl?.(port) ?? base,
    TROUSSE_DATA_DIR: mkdtempSync(join(tmpdir(), "trousse-e2e-")),
    TROUSSE_WIDGETS_DIR: DOSSIER_CDN,
    ...options.env,
  };
  delete env.DATABASE_URL;
  const api: ChildProcess = spawn(process.execPath, [SERVEUR_API], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const appeler = (chemin: string, jeton: string, init: RequestInit = {}) =>
    fetch(base + chemin, {
      ...init,
      headers: { authorization: `Bearer ${jeton}`, "content-type": "application/json", ...init.headers },
    });
  // Up to ~110 s: on a loaded machine (2 cores shared) PGlite's migrations take long.
  for (let i = 0; i < 440; i++) {
    const ok = await fetch(`${base}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok)
      return {
        base,
        port,
        appeler,
        arreter: () => void api.kill("SIGTERM"),
        async jeton(login) {
          const r = await fetch(`${base}/v1/auth/demo`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ login }),
          });
          return ((await r.json()) as { jeton: string }).jeton;
        },
      };
    await new Promise((r) => setTimeout(r, 250));
  }
  api.kill("SIGTERM");
  throw new Error(
    `L'API (${SERVEUR_API}) n'a pas démarré : construisez-la (turbo run build --filter=@trousse/api).`,
  );
}

/** The widget in a page or a frame. */
export const widgetDe = (page: Page | Frame): Locator => page.locator("trousse-rendre-devoir");

/** Signs in through the real popup: ENT choice → demo accounts → the account's button. */
export async function connecter(page: Page, nom: string, cadre: Page | Frame = page): Promise<void> {
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    widgetDe(cadre)
      .getByRole("button", { name: /^(Se connecter avec l'ENT|Sign in with the ENT)$/ })
      .click(),
  ]);
  await popup.getByRole("link", { name: "Comptes de démonstration" }).click();
  await popup.getByRole("button", { name: `Se connecter en tant que ${nom}` }).click();
  await widgetDe(cadre).locator(".qui", { hasText: nom }).waitFor();
}

/** Saves the page on desktop (1 280 px) and on a phone (360 px), then restores its width. */
export async function capturer(page: Page, nom: string): Promise<void> {
  const taille = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const largeur of [1280, 360]) {
    await page.setViewportSize({ width: largeur, height: 900 });
    await page.screenshot({
      path: join(DOSSIER_CAPTURES, `rendre-devoir-${nom}-${largeur === 360 ? "360" : "bureau"}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(taille);
}

/** A real PDF-looking file (the rules recognise it by its first bytes). */
export function pdf(octets: number): Buffer {
  const b = Buffer.alloc(octets, 0x20);
  b.write("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", 0, "latin1");
  b.write("\n%%EOF\n", octets - 7, "latin1");
  return b;
}

/** A tiny valid PNG (1×1, `couleur` as RGB bytes). */
export function png(couleur: [number, number, number] = [200, 30, 30]): Buffer {
  const crc = (b: Buffer) => {
    let c = ~0;
    for (const o of b) {
      c ^= o;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const morceau = (type: string, donnees: Buffer) => {
    const t = Buffer.concat([Buffer.from(type, "latin1"), donnees]);
    const l = Buffer.alloc(4);
    l.writeUInt32BE(donnees.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(t));
    return Buffer.concat([l, t, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  // zlib stream of one scanline: filter 0 + RGB (stored block).
  const brut = Buffer.from([0, ...couleur]);
  const adler = (() => {
    let a = 1,
      b = 0;
    for (const o of brut) {
      a = (a + o) % 65521;
      b = (b + a) % 65521;
    }
    return (b << 16) | a;
  })();
  const z = Buffer.concat([
    Buffer.from([0x78, 0x01, 0x01, brut.length, 0, ~brut.length & 0xff, 0xff]),
    brut,
    Buffer.from([(adler >>> 24) & 0xff, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff]),
  ]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    morceau("IHDR", ihdr),
    morceau("IDAT", z),
    morceau("IEND", Buffer.alloc(0)),
  ]);
}

/** Creates an assignment for 3eA through the API, as Claire Durand; answers its id. */
export async function creerDevoir(
  api: ApiDemo,
  champs: Record<string, unknown> & { titre: string },
): Promise<string> {
  const prof = await api.jeton("claire.durand");
  const { groupes } = (await (await api.appeler("/v1/groupes", prof)).json()) as {
    groupes: { id: string; nom: string }[];
  };
  const heure = 3_600_000;
  const r = await api.appeler("/v1/devoirs", prof, {
    method: "POST",
    body: JSON.stringify({
      groupeId: groupes.find((g) => g.nom === "3eA")!.id,
      ouverture: new Date(Date.now() - heure).toISOString(),
      echeance: new Date(Date.now() + 48 * heure).toISOString(),
      ...champs,
    }),
  });
  if (r.status !== 201) throw new Error(`création du devoir : ${r.status} ${await r.text()}`);
  return ((await r.json()) as { devoir: { id: string } }).devoir.id;
}

export type { Browser };
