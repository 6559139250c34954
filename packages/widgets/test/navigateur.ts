// Browser-test harness: a tiny node:http server (CDN bundles + host pages + fake API endpoints) and
// Debian's Chromium driven by playwright-core. Never downloads a browser.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const RACINE_PAQUET = fileURLToPath(new URL("..", import.meta.url));
export const DOSSIER_CDN = join(RACINE_PAQUET, "dist", "cdn");
export const DOSSIER_CAPTURES = join(RACINE_PAQUET, "screenshots");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

/** A strict Content-Security-Policy: no 'unsafe-inline', no 'unsafe-eval', same origin only. */
export const CSP_STRICTE = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export type Gestionnaire = (req: IncomingMessage, res: ServerResponse) => void;

export interface ServeurTest {
  url: string;
  /** Registers a host page (HTML) at `chemin`, optionally with extra headers (e.g. a CSP). */
  page(chemin: string, html: string, entetes?: Record<string, string>): void;
  /** Registers any handler (fake API endpoints…). */
  route(chemin: string, gestionnaire: Gestionnaire): void;
  /** How many requests each path received. */
  appels: Map<string, number>;
  fermer(): Promise<void>;
}

/**
 * Starts the test server on 127.0.0.1 (`port`, random by default): `/widgets/*` serves dist/cdn, other
 * paths the registered pages and routes.
 */
export async function demarrerServeur(port = 0): Promise<ServeurTest> {
  if (!existsSync(join(DOSSIER_CDN, "trousse.js")))
    throw new Error(`Bundles CDN absents (${DOSSIER_CDN}) : lancez \`pnpm run build:cdn\`.`);
  const routes = new Map<string, Gestionnaire>();
  const appels = new Map<string, number>();
  const serveur: Server = createServer((req, res) => {
    const chemin = new URL(req.url ?? "/", "http://x").pathname;
    appels.set(chemin, (appels.get(chemin) ?? 0) + 1);
    const route = routes.get(chemin);
    if (route) return route(req, res);
    if (chemin.startsWith("/widgets/")) {
      const relatif = normalize(decodeURIComponent(chemin.slice("/widgets/".length)));
      const fichier = join(DOSSIER_CDN, relatif);
      if (!relatif.startsWith("..") && fichier.startsWith(DOSSIER_CDN) && existsSync(fichier)) {
        res.writeHead(200, { "content-type": TYPES[extname(fichier)] ?? "application/octet-stream" });
        return res.end(readFileSync(fichier));
      }
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("introuvable");
  });
  await new Promise<void>((ok) => serveur.listen(port, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`,
    appels,
    page(chemin, html, entetes = {}) {
      routes.set(chemin, (_req, res) => {
        res.writeHead(200, { "content-type": TYPES[".html"] as string, ...entetes }).end(html);
      });
    },
    route(chemin, gestionnaire) {
      routes.set(chemin, gestionnaire);
    },
    fermer: () =>
      new Promise<void>((ok, ko) => {
        serveur.closeAllConnections();
        serveur.close((e) => (e ? ko(e) : ok()));
      }),
  };
}

/** A minimal host page loading the module loader (or other scripts) then the given body. */
export function pageHote(
  corps: string,
  options: { scripts?: string[]; lang?: string; titre?: string } = {},
): string {
  const scripts = (options.scripts ?? ['<script type="module" src="/widgets/trousse.js"></script>']).join(
    "\n    ",
  );
  return `<!doctype html>
<html lang="${options.lang ?? "fr"}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.titre ?? "Page hôte de test"}</title>
    ${scripts}
  </head>
  <body>
    <main>
      <h1>${options.titre ?? "Page hôte de test"}</h1>
      ${corps}
    </main>
  </body>
</html>`;
}

/** Launches Debian's Chromium (or `CHROMIUM_PATH`); fails with a clear message if it is missing. */
export async function lancerChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium introuvable (${executablePath}). Installez-le avec \`apt-get install -y chromium\` ` +
        "ou indiquez son chemin dans CHROMIUM_PATH. Les tests ne téléchargent jamais de navigateur.",
    );
  return chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** Page errors, console errors and CSP violations collected during a test. */
export interface Journal {
  erreurs: string[];
  console: string[];
}

/** Collects uncaught errors and console errors/warnings of a page. */
export function journaliser(page: Page): Journal {
  const journal: Journal = { erreurs: [], console: [] };
  page.on("pageerror", (e) => journal.erreurs.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") journal.console.push(`${m.type()}: ${m.text()}`);
  });
  return journal;
}

/** Records CSP violations reported to the page (installed before any script of the page runs). */
export async function ecouterViolationsCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __violationsCsp: string[] };
    w.__violationsCsp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__violationsCsp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

/** The text of the element focused, looking through shadow roots. */
export async function texteFocalise(page: Page): Promise<string> {
  return page.evaluate(() => {
    let actif: Element | null = document.activeElement;
    while (actif?.shadowRoot?.activeElement) actif = actif.shadowRoot.activeElement;
    if (!actif) return "";
    if (actif instanceof HTMLInputElement)
      return `${actif.type}:${actif.labels?.[0]?.textContent?.trim() ?? actif.name}`;
    return (actif.textContent ?? "").trim();
  });
}

/** Presses Tab until the focused element's text starts with `texte` (keyboard only). */
export async function tabulerJusqua(page: Page, texte: string, maximum = 25): Promise<void> {
  for (let i = 0; i < maximum; i++) {
    await page.keyboard.press("Tab");
    if ((await texteFocalise(page)).startsWith(texte)) return;
  }
  throw new Error(`Aucun élément « ${texte} » atteint au clavier après ${maximum} tabulations.`);
}

/** Runs axe-core (from node_modules) in the page; returns the violations, formatted. */
export async function violationsAxe(page: Page): Promise<string[]> {
  const source = readFileSync(join(RACINE_PAQUET, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            o: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations.map((v) => `${v.id} (${v.impact}) : ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return violations;
}
