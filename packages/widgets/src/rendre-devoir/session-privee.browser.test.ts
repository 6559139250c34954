// Issue 9, findings 8 and 13, in Debian's Chromium against the REAL API in demo mode, on its script-tag
// host page (/demo/site-ecole): a host page's script can no longer read the pupil's token from the
// element; the widget signs out and forgets its token after `delai-inactivite` minutes without activity.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOSSIER_CDN, journaliser, lancerChromium, RACINE_PAQUET } from "../../test/navigateur.js";

const SERVEUR_API = join(RACINE_PAQUET, "..", "..", "apps", "api", "dist", "server.js");
let navigateur: Browser;
let api: ChildProcess;
let base = "";

async function portLibre(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

beforeAll(async () => {
  const port = await portLibre();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    TROUSSE_DEMO: "1",
    PORT: String(port),
    TROUSSE_BASE_URL: base,
    TROUSSE_DATA_DIR: mkdtempSync(join(tmpdir(), "trousse-e2e-session-")),
    TROUSSE_WIDGETS_DIR: DOSSIER_CDN,
  };
  delete env.DATABASE_URL;
  api = spawn(process.execPath, [SERVEUR_API], { env, stdio: ["ignore", "ignore", "inherit"] });
  navigateur = await lancerChromium();
  // PGlite migrations and the demo seed take a while on a loaded machine: up to 2 minutes.
  for (let i = 0; i < 480; i++) {
    if (
      await fetch(`${base}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`L'API (${SERVEUR_API}) n'a pas démarré : construisez-la.`);
});
afterAll(async () => {
  await navigateur?.close();
  api?.kill("SIGTERM");
});

const widget = (page: Page) => page.locator("trousse-rendre-devoir");

/** The host page's script tag mode, with a host script that wraps fetch (what it still can do). */
async function ouvrirHote(): Promise<{ page: Page; jetonsVus: string[] }> {
  const page = await navigateur.newPage();
  journaliser(page);
  await page.addInitScript(() => {
    const vus: string[] = [];
    (window as unknown as { __jetonsVus: string[] }).__jetonsVus = vus;
    const originel = window.fetch.bind(window);
    window.fetch = (entree, init) => {
      const entete = new Headers(
        init?.headers ?? (entree instanceof Request ? entree.headers : undefined),
      ).get("authorization");
      if (entete) vus.push(entete.replace(/^Bearer /, ""));
      return originel(entree, init);
    };
  });
  await page.goto(`${base}/demo/site-ecole`);
  return { page, jetonsVus: [] };
}

async function connecter(page: Page, nom: string): Promise<void> {
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    widget(page).getByRole("button", { name: "Se connecter avec l'ENT" }).click(),
  ]);
  await popup.getByRole("link", { name: "Comptes de démonstration" }).click();
  await popup.getByRole("button", { name: `Se connecter en tant que ${nom}` }).click();
  await widget(page)
    .locator(".qui", { hasText: `Connecté : ${nom}` })
    .waitFor();
}

describe("le jeton de l'élève et la page hôte (balise script)", () => {
  it("un script de la page hôte ne lit plus le jeton par les propriétés de l'élément", async () => {
    const { page } = await ouvrirHote();
    await connecter(page, "Léa Martin");
    const jeton = await page.evaluate(() =>
      (window as unknown as { __jetonsVus: string[] }).__jetonsVus.at(-1),
    );
    // The fetch wrapper (documented: a host script can still do this) saw it: the search below is real.
    expect(jeton).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const lu = await page.evaluate((cherche) => {
      const el = document.querySelector("trousse-rendre-devoir") as unknown as Record<string, unknown>;
      const vus = new Set<unknown>();
      const trouves: string[] = [];
      const fouiller = (v: unknown, chemin: string, profondeur: number): void => {
        if (typeof v === "string") {
          if (v.includes(cherche)) trouves.push(chemin);
          return;
        }
        if (v === null || typeof v !== "object" || vus.has(v) || profondeur > 5 || v instanceof Node) return;
        vus.add(v);
        for (const cle of Object.getOwnPropertyNames(v)) {
          let valeur: unknown;
          try {
            valeur = (v as Record<string, unknown>)[cle];
          } catch {
            continue;
          }
          fouiller(valeur, `${chemin}.${cle}`, profondeur + 1);
        }
      };
      for (const cle of [
        ...Object.getOwnPropertyNames(el),
        "session",
        "jeton",
        "client",
        "eleve",
        "enseignant",
      ])
        fouiller(el[cle], cle, 0);
      const connexion = el.connexion as Record<string, unknown> | undefined;
      return {
        session: el.session === undefined ? "absente" : "présente",
        // No method gives it either (the controller's jeton() of the first refactor).
        methodeJeton: typeof connexion?.jeton,
        trouves,
      };
    }, jeton!);
    expect(lu).toEqual({ session: "absente", methodeJeton: "undefined", trouves: [] });
    await page.close();
  });

  it("oublie le jeton après le délai d'inactivité (attribut delai-inactivite) : déconnecté, jeton révoqué", async () => {
    const { page } = await ouvrirHote();
    await page.evaluate(() =>
      document.querySelector("trousse-rendre-devoir")!.setAttribute("delai-inactivite", "0.05"),
    );
    await connecter(page, "Léa Martin");
    const jeton = await page.evaluate(() =>
      (window as unknown as { __jetonsVus: string[] }).__jetonsVus.at(-1),
    );
    // 3 s without a click or a key in the widget: back to the sign-in button, with the expiry message.
    await widget(page).getByRole("button", { name: "Se connecter avec l'ENT" }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => widget(page).locator("[role=alert]").textContent())
      .toContain("Votre session a expiré");
    const r = await fetch(`${base}/v1/auth/moi`, { headers: { authorization: `Bearer ${jeton}` } });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("session-revoquee");
    await page.close();
  });
});
