// « Photographier ma copie » end to end in Debian's Chromium against the real demo API: four 12-megapixel
// photos of handwritten pages (one with EXIF orientation 6, one sideways) → scan mode → keyboard reorder,
// rotate, crop → pages survive a reload → hand in → the teacher sees the page count and downloads one PDF,
// checked with qpdf, pdfinfo and pdftoppm (order and upright pages read back from the rendered pixels).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formaterTaille } from "@trousse/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarrerApiDemo, type ApiDemo } from "../../../test/api-demo.js";
import {
  journaliser,
  lancerChromium,
  tabulerJusqua,
  texteFocalise,
  violationsAxe,
} from "../../../test/navigateur.js";
import { avecOrientationExif, photosDeCopie } from "../../../test/photos-copie.js";

const TITRE = "Rédaction : mon été";
let navigateur: Browser;
let api: ApiDemo;
let photos: { name: string; mimeType: string; buffer: Buffer }[];

beforeAll(async () => {
  [api, navigateur] = await Promise.all([demarrerApiDemo(), lancerChromium()]);
  // Chosen in this order: page 4 first (moved to the end with the keyboard), then 1, 2 (EXIF 6) and 3
  // (stored sideways, top on the left, no EXIF: the pupil turns it).
  const [p4, p1, p2, p3] = await photosDeCopie(navigateur, [
    { largeur: 3000, hauteur: 4000, graine: 4, quarts: 0, marque: 4 },
    { largeur: 3000, hauteur: 4000, graine: 1, quarts: 0, marque: 1 },
    { largeur: 4000, hauteur: 3000, graine: 2, quarts: 3, marque: 2 },
    { largeur: 4000, hauteur: 3000, graine: 3, quarts: 3, marque: 3 },
  ]);
  photos = [p4!, p1!, avecOrientationExif(p2!, 6), p3!].map((buffer, i) => ({
    name: `IMG_${i + 1}.jpg`,
    mimeType: "image/jpeg",
    buffer,
  }));
  const prof = await api.jeton("claire.durand");
  const entetes = { authorization: `Bearer ${prof}`, "content-type": "application/json" };
  const { groupes } = (await (await fetch(`${api.base}/v1/groupes`, { headers: entetes })).json()) as {
    groupes: { id: string; nom: string }[];
  };
  const heure = 3_600_000;
  const r = await fetch(`${api.base}/v1/devoirs`, {
    method: "POST",
    headers: entetes,
    body: JSON.stringify({
      groupeId: groupes.find((g) => g.nom === "3eA")!.id,
      titre: TITRE,
      ouverture: new Date(Date.now() - heure).toISOString(),
      echeance: new Date(Date.now() + 48 * heure).toISOString(),
      dateLimite: new Date(Date.now() + 72 * heure).toISOString(),
    }),
  });
  expect(r.status).toBe(201);
}, 600_000);
afterAll(async () => {
  await navigateur?.close();
  api?.arreter();
});

const widget = (page: Page) => page.locator("trousse-rendre-devoir");
const scan = (page: Page) => page.locator("trousse-scan-copie");

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

/** Pupil: sign in, open the assignment, open the scan mode. */
async function ouvrirScan(page: Page): Promise<void> {
  await connecter(page, "Léa Martin");
  await widget(page)
    .getByRole("button", { name: `Ouvrir : ${TITRE}` })
    .click();
  await widget(page).getByRole("button", { name: "Photographier ma copie" }).click();
  await scan(page).getByRole("heading", { name: "Photographier ma copie" }).waitFor();
}

/** The marks (heading-box widths) of the pages, in the list's order, read from the page ids kept. */
const ordre = (page: Page) =>
  scan(page)
    .locator("li")
    .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-id")));

/** A binary PGM (pdftoppm -gray): size and pixels. */
function lirePgm(b: Buffer): { l: number; h: number; px: Buffer } {
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(b.subarray(0, 40).toString("latin1"))!;
  return { l: Number(m[1]), h: Number(m[2]), px: b.subarray(m[0].length) };
}

/**
 * Which page a rendering is, from its heading box: the rightmost dark column in the rows at 9–12 % of the
 * height (the box's right edge, 0.40 to 0.67 of the width by mark); null if no box there (not upright).
 */
function marque({ l, h, px }: { l: number; h: number; px: Buffer }): number | null {
  let droite = -1;
  for (let x = Math.round(l * 0.15); x < l * 0.85; x++) {
    let somme = 0;
    let n = 0;
    for (let y = Math.round(h * 0.09); y < h * 0.12; y++, n++) somme += px[y * l + x]!;
    if (somme / n < 90) droite = x;
  }
  if (droite < 0) return null;
  const f = droite / l;
  return f < 0.445 ? 1 : f < 0.53 ? 2 : f < 0.61 ? 3 : 4;
}

describe("« Photographier ma copie » de bout en bout (vraie API en démonstration)", () => {
  it("4 photos → réordonner au clavier, pivoter, recadrer → rechargement → rendu → l'enseignant télécharge un PDF de 4 pages droites", async () => {
    const page = await navigateur.newPage({ viewport: { width: 320, height: 800 } });
    const journal = journaliser(page);
    await page.goto(`${api.base}/demo/site-ecole`);
    await ouvrirScan(page);
    expect(await violationsAxe(page)).toEqual([]);

    // A HEIC the browser cannot decode gets the French explanation, and no page.
    await scan(page)
      .locator('input[type="file"][multiple]')
      .setInputFiles({
        name: "IMG_0001.HEIC",
        mimeType: "image/heic",
        buffer: Buffer.concat([
          Buffer.from([0, 0, 0, 0x18]),
          Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"),
          Buffer.alloc(64),
        ]),
      });
    await scan(page).getByRole("alert").filter({ hasText: "format HEIC (iPhone)" }).waitFor();
    expect(await scan(page).locator("li").count()).toBe(0);

    await scan(page).locator('input[type="file"][multiple]').setInputFiles(photos);
    await scan(page)
      .getByText(/^4 pages — PDF de /)
      .waitFor({ timeout: 180_000 });
    const [id4, id1, id2, id3] = (await ordre(page)) as string[];

    // Keyboard only: page 1 (the photo of page 4) goes down three times; focus follows it.
    await scan(page).getByRole("button", { name: "Descendre : Page 1 sur 4" }).focus();
    for (const n of [2, 3, 4]) {
      await page.keyboard.press("Enter");
      await scan(page)
        .getByRole("status")
        .filter({ hasText: `Page ${n} sur 4 déplacée.` })
        .waitFor();
    }
    expect(await ordre(page)).toEqual([id1, id2, id3, id4]);
    expect(await texteFocalise(page)).toBe("Monter : Page 4 sur 4");
    // Three quick presses, without waiting for any announcement: focus must follow the page at once (not
    // once the pages are saved on the device), or the next press lands nowhere.
    for (let i = 0; i < 3; i++) await page.keyboard.press("Enter");
    await scan(page).getByRole("status").filter({ hasText: "Page 1 sur 4 déplacée." }).waitFor();
    expect(await ordre(page)).toEqual([id4, id1, id2, id3]);
    expect(await texteFocalise(page)).toBe("Descendre : Page 1 sur 4");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Enter");
    await scan(page).getByRole("status").filter({ hasText: "Page 4 sur 4 déplacée." }).waitFor();
    expect(await ordre(page)).toEqual([id1, id2, id3, id4]);
    expect(await texteFocalise(page)).toBe("Monter : Page 4 sur 4");

    // Page 3 was taken sideways (top on the left): one quarter turn clockwise.
    await scan(page).getByRole("button", { name: "Pivoter : Page 3 sur 4" }).click();
    await scan(page)
      .getByRole("status")
      .filter({ hasText: "Page 3 sur 4 pivotée." })
      .waitFor({ timeout: 60_000 });

    // Crop page 1 from the keyboard: the top-left corner 3 % to the right, 2 % down.
    await scan(page).getByRole("button", { name: "Recadrer : Page 1 sur 4" }).click();
    const coin = scan(page).getByRole("button", { name: /^Coin en haut à gauche/ });
    await coin.waitFor();
    expect(await texteFocalise(page)).toBe("");
    const avant = await coin.getAttribute("aria-label");
    for (const touche of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown"])
      await page.keyboard.press(touche);
    expect(await coin.getAttribute("aria-label")).not.toBe(avant);
    expect(await violationsAxe(page)).toEqual([]);
    await tabulerJusqua(page, "Valider le recadrage");
    await page.keyboard.press("Enter");
    await scan(page)
      .getByRole("status")
      .filter({ hasText: "Page 1 sur 4 recadrée." })
      .waitFor({ timeout: 60_000 });
    await scan(page)
      .getByText(/^4 pages — PDF de /)
      .waitFor({ timeout: 60_000 });
    const resume = await scan(page).locator(".resume").innerText();
    expect(resume).toContain("Rédaction _ mon été.pdf");

    // Android reloads the page while the camera is open: the pages come back, in order.
    await page.reload();
    await ouvrirScan(page);
    await scan(page)
      .getByText(/^4 pages — PDF de /)
      .waitFor({ timeout: 60_000 });
    expect(await ordre(page)).toEqual([id1, id2, id3, id4]);
    await scan(page)
      .getByRole("status")
      .filter({ hasText: "4 pages retrouvées sur cet appareil." })
      .waitFor();
    expect(await violationsAxe(page)).toEqual([]);

    // One PDF through the usual upload, then « Rendre ».
    await scan(page).getByRole("button", { name: "Envoyer ce PDF" }).click();
    await widget(page).getByText("envoyé", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await scan(page).getByRole("heading", { name: "Photographier ma copie" }).isVisible()).toBe(false);
    await widget(page).getByRole("button", { name: "Rendre le devoir" }).click();
    await widget(page).getByRole("heading", { name: "Accusé de réception" }).waitFor();
    expect(await widget(page).locator(".accuse").innerText()).toContain("Rédaction _ mon été.pdf");
    // Handed in: nothing is kept on the device any more.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<number>((ok) => {
              const r = indexedDB.open("trousse-scan");
              r.onsuccess = () => {
                const c = r.result.transaction("pages").objectStore("pages").count();
                c.onsuccess = () => ok(c.result);
              };
            }),
        ),
      )
      .toBe(0);
    expect(journal.erreurs).toEqual([]);

    // Teacher: the follow-up says 4 pages; the download is one PDF of 4 upright A4 pages, in order.
    const prof = await navigateur.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await prof.goto(`${api.base}/demo/site-ecole`);
    await connecter(prof, "Claire Durand");
    await widget(prof)
      .getByRole("button", { name: `Suivi : ${TITRE}` })
      .click();
    const ligne = widget(prof).locator("tr", { hasText: "Léa Martin" });
    await ligne.getByText("(4 pages)").waitFor();
    const [telechargement] = await Promise.all([
      prof.waitForEvent("download"),
      ligne.getByRole("button", { name: "Télécharger Rédaction _ mon été.pdf" }).click(),
    ]);
    const chemin = await telechargement.path();
    const pdf = readFileSync(chemin);
    expect(pdf.length).toBeLessThanOrEqual(1.2e6);
    // What the pupil saw before sending is this file's size.
    expect(resume).toContain(`4 pages — PDF de ${formaterTaille(pdf.length)}`);
    expect(execFileSync("qpdf", ["--check", chemin], { encoding: "utf8" })).toContain(
      "No syntax or stream encoding errors",
    );
    const info = execFileSync("pdfinfo", [chemin], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+4\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const dossier = mkdtempSync(join(tmpdir(), "trousse-scan-"));
    execFileSync("pdftoppm", ["-r", "150", "-gray", chemin, join(dossier, "p")]);
    const rendus = readdirSync(dossier)
      .sort()
      .map((f) => lirePgm(readFileSync(join(dossier, f))));
    // A4 (595.28 × 841.89 pt) at 150 dpi: pdftoppm rounds each side up, 1240.2 → 1241 and 1753.9 → 1754.
    expect(rendus.map((r) => [r.l, r.h])).toEqual(Array(4).fill([1241, 1754]));
    expect(rendus.map(marque)).toEqual([1, 2, 3, 4]);
    expect(await violationsAxe(prof)).toEqual([]);
    await Promise.all([page.close(), prof.close()]);
  }, 600_000);
});
