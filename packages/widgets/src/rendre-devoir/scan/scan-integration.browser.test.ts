// « Photographier ma copie » where the widget lives: in the iframe embed (/embed/rendre-devoir inside a page
// of another origin, as an ODE page has it), and under the drop zone it opens in (a file dropped on the
// open scan panel is a page of the scan, not a file of the regular hand-in). Debian's Chromium, the real
// demo API.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connecter, creerDevoir, demarrerApiDemo, widgetDe, type ApiDemo } from "../../../test/api-demo.js";
import {
  demarrerServeur,
  ecouterViolationsCsp,
  journaliser,
  lancerChromium,
  violationsAxe,
  type ServeurTest,
} from "../../../test/navigateur.js";
import { photosDeCopie } from "../../../test/photos-copie.js";

const TITRE = "Problèmes : fractions";
let navigateur: Browser;
let api: ApiDemo;
let hote: ServeurTest;
let photos: { name: string; mimeType: string; buffer: Buffer }[];

beforeAll(async () => {
  [api, navigateur, hote] = await Promise.all([demarrerApiDemo(), lancerChromium(), demarrerServeur()]);
  const brutes = await photosDeCopie(navigateur, [
    { largeur: 3000, hauteur: 4000, graine: 21, quarts: 0, marque: 1 },
    { largeur: 3000, hauteur: 4000, graine: 22, quarts: 0, marque: 2 },
  ]);
  photos = brutes.map((buffer, i) => ({ name: `IMG_${i + 1}.jpg`, mimeType: "image/jpeg", buffer }));
  await creerDevoir(api, { titre: TITRE });
}, 600_000);
afterAll(async () => {
  await navigateur?.close();
  api?.arreter();
  await hote?.fermer();
});

const scanDe = (lieu: Page | Frame) => lieu.locator("trousse-scan-copie");

/** Pupil: sign in (through the popup), open the assignment, open the scan mode. */
async function ouvrirScan(page: Page, lieu: Page | Frame = page): Promise<void> {
  await connecter(page, "Léa Martin", lieu);
  await widgetDe(lieu)
    .getByRole("button", { name: `Ouvrir : ${TITRE}` })
    .click();
  await widgetDe(lieu).getByRole("button", { name: "Photographier ma copie" }).click();
  await scanDe(lieu).getByRole("heading", { name: "Photographier ma copie" }).waitFor();
}

/** Drops files on an element as a real drag does (dragover, then drop, with a DataTransfer). */
async function deposer(
  lieu: Page | Frame,
  cible: ReturnType<Page["locator"]>,
  fichiers: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  const transfert = await lieu.evaluateHandle(
    (fs) => {
      const dt = new DataTransfer();
      for (const f of fs)
        dt.items.add(
          new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }),
        );
      return dt;
    },
    fichiers.map((f) => ({ name: f.name, type: f.mimeType, b64: f.buffer.toString("base64") })),
  );
  await cible.dispatchEvent("dragover", { dataTransfer: transfert });
  await cible.dispatchEvent("drop", { dataTransfer: transfert });
}

describe("« Photographier ma copie » dans les intégrations", () => {
  it(
    "une photo déposée sur le panneau du scan ouvert devient une page du scan, pas un fichier du dépôt ordinaire",
    { timeout: 300_000 },
    async () => {
      const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await contexte.newPage();
      const journal = journaliser(page);
      await page.goto(`${api.base}/demo/site-ecole`);
      await ouvrirScan(page);
      const widget = widgetDe(page);

      await deposer(page, scanDe(page).locator("section").first(), photos.slice(0, 1));
      // Whichever comes first: the scan's page made, or (the defect) a file of the regular hand-in.
      await Promise.race([
        scanDe(page)
          .getByText(/^1 page — PDF de /)
          .waitFor({ timeout: 120_000 }),
        widget.locator("ul.envois li").first().waitFor({ timeout: 120_000 }),
      ]);
      // Nothing went to the regular hand-in, and the drop zone is not left highlighted.
      expect(await widget.locator("ul.envois li").count()).toBe(0);
      expect(await widget.locator(".zone.survol").count()).toBe(0);
      await scanDe(page)
        .getByText(/^1 page — PDF de /)
        .waitFor({ timeout: 120_000 });
      expect(await scanDe(page).locator("li").count()).toBe(1);
      expect(await widget.locator("ul.envois li").count()).toBe(0);

      // The drop zone itself (outside the scan panel) still takes dropped files for the regular hand-in.
      await deposer(page, widget.locator(".zone p.glisser"), [
        { name: "brouillon.jpg", mimeType: "image/jpeg", buffer: photos[1]!.buffer },
      ]);
      await widget.locator("ul.envois li", { hasText: "brouillon.jpg" }).waitFor({ timeout: 60_000 });
      expect(await scanDe(page).locator("li").count()).toBe(1);
      expect(journal.erreurs).toEqual([]);
      await contexte.close();
    },
  );

  it(
    "dans l'iframe (/embed/rendre-devoir sur une page d'une autre origine) : ouvrir le scan, ajouter des photos, un PDF prêt et envoyé",
    { timeout: 300_000 },
    async () => {
      hote.page(
        "/ent.html",
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>ENT (iframe)</title>
<script src="${api.base}/embed/hote.js"></script></head>
<body><main><h1>ENT d'une autre origine</h1>
<iframe data-trousse src="${api.base}/embed/rendre-devoir" title="Rendre un devoir" width="100%" height="900"></iframe>
</main></body></html>`,
      );
      const contexte = await navigateur.newContext({ viewport: { width: 360, height: 800 } });
      const page = await contexte.newPage();
      const journal = journaliser(page);
      // Installed in every frame before its scripts: the iframe page runs under the embeds' strict CSP.
      await ecouterViolationsCsp(page);
      await page.goto(`${hote.url}/ent.html`);
      const cadre = (await (await page.locator("iframe").elementHandle())!.contentFrame())!;
      await cadre.waitForLoadState();
      const csp = (await page.request.get(cadre.url())).headers()["content-security-policy"];
      expect(csp).toMatch(/script-src 'self'/);
      expect(new URL(cadre.url()).origin).toBe(api.base);
      expect(new URL(cadre.url()).origin).not.toBe(hote.url);
      await ouvrirScan(page, cadre);

      const scan = scanDe(cadre);
      await scan.locator('input[type="file"][multiple]').setInputFiles(photos);
      await scan.getByText(/^2 pages — PDF de /).waitFor({ timeout: 180_000 });
      expect(await violationsAxe(page)).toEqual([]);

      // The PDF made inside the iframe is a real two-page A4 PDF.
      const b64 = await scan.evaluate(async (el) => {
        const octets = new Uint8Array(await (el as HTMLElement & { pdf: File }).pdf.arrayBuffer());
        let bin = "";
        for (let i = 0; i < octets.length; i += 0x8000)
          bin += String.fromCharCode(...octets.subarray(i, i + 0x8000));
        return btoa(bin);
      });
      const chemin = join(mkdtempSync(join(tmpdir(), "trousse-scan-iframe-")), "copie.pdf");
      writeFileSync(chemin, Buffer.from(b64, "base64"));
      expect(execFileSync("qpdf", ["--check", chemin], { encoding: "utf8" })).toContain(
        "No syntax or stream encoding errors",
      );
      const info = execFileSync("pdfinfo", [chemin], { encoding: "utf8" });
      expect(info).toMatch(/Pages:\s+2\n/);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);

      // Sent through the iframe widget's usual upload.
      await scan.getByRole("button", { name: "Envoyer ce PDF" }).click();
      await widgetDe(cadre).getByText("envoyé", { exact: true }).waitFor({ timeout: 60_000 });
      expect(await widgetDe(cadre).locator("ul.envois li").innerText()).toContain(
        "Problèmes _ fractions.pdf",
      );
      expect(journal.erreurs).toEqual([]);
      const violations = await cadre.evaluate(
        () => (window as unknown as { __violationsCsp: string[] }).__violationsCsp,
      );
      expect(violations).toEqual([]);
      expect(journal.console.filter((l) => /Content Security Policy|CSP/i.test(l))).toEqual([]);
      await contexte.close();
    },
  );
});
