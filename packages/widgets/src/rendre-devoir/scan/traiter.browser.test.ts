// The page making of « Photographier ma copie » (traiter.ts) in Debian's Chromium: the perspective
// correction is canvas work (one affine drawImage per rectangle, see cellulesAffines), so its pixels are
// checked where they are made, in a real browser. The module is bundled from its source by Vite for the
// test and loaded under the strict CSP.
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { build, type Rollup } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Traiter from "./traiter.js";
import {
  CSP_STRICTE,
  demarrerServeur,
  lancerChromium,
  pageHote,
  type ServeurTest,
} from "../../../test/navigateur.js";

let navigateur: Browser;
let serveur: ServeurTest;
let page: Page;

beforeAll(async () => {
  const sortie = (await build({
    configFile: false,
    logLevel: "error",
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL("./traiter.ts", import.meta.url)), formats: ["es"] },
      rollupOptions: { output: { entryFileNames: "traiter.js" } },
    },
  })) as Rollup.RollupOutput[];
  const code = sortie[0]!.output[0].code;
  [navigateur, serveur] = await Promise.all([lancerChromium(), demarrerServeur()]);
  serveur.route("/traiter.js", (_req, res) => {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(code);
  });
  serveur.route("/essai.js", (_req, res) => {
    res
      .writeHead(200, { "content-type": "text/javascript; charset=utf-8" })
      .end(`window.traiter = await import("/traiter.js");`);
  });
  serveur.page(
    "/essai.html",
    pageHote("", { scripts: ['<script type="module" src="/essai.js"></script>'] }),
    {
      "content-security-policy": CSP_STRICTE,
    },
  );
  page = await navigateur.newPage();
  await page.goto(`${serveur.url}/essai.html`);
  await page.waitForFunction(() => "traiter" in window);
}, 120_000);
afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

interface Essai {
  /** The photo: its size, a background grey, and a bright quadrilateral (fractions) or none. */
  photo: { largeur: number; hauteur: number; fond: number; feuille?: { x: number; y: number }[] };
  /** A red square in the photo's top-left corner (to follow a turn). */
  repere?: boolean;
  quarts: 0 | 1 | 2 | 3;
  coins: { x: number; y: number }[];
  document: boolean;
}

/** Draws the photo, makes the page, answers its size and its grey (or red) samples on a grid. */
function faire(essai: Essai) {
  return page.evaluate(async (e: Essai) => {
    const t = (window as unknown as { traiter: typeof Traiter }).traiter;
    const { largeur: W, hauteur: Hs } = e.photo;
    const photo = new OffscreenCanvas(W, Hs);
    const c = photo.getContext("2d")!;
    if (e.photo.feuille) {
      c.fillStyle = `rgb(${e.photo.fond} ${e.photo.fond} ${e.photo.fond})`;
      c.fillRect(0, 0, W, Hs);
      c.fillStyle = "rgb(230 230 230)";
      c.beginPath();
      e.photo.feuille.forEach((p, i) => (i ? c.lineTo(p.x * W, p.y * Hs) : c.moveTo(p.x * W, p.y * Hs)));
      c.fill();
    } else {
      // A smooth picture: red follows x, green follows y.
      for (let x = 0; x < W; x += 8) {
        c.fillStyle = `rgb(${Math.round((x / W) * 255)} 0 128)`;
        c.fillRect(x, 0, 8, Hs);
      }
      c.globalCompositeOperation = "lighter";
      for (let y = 0; y < Hs; y += 8) {
        c.fillStyle = `rgb(0 ${Math.round((y / Hs) * 255)} 0)`;
        c.fillRect(0, y, W, 8);
      }
      c.globalCompositeOperation = "source-over";
    }
    if (e.repere) {
      c.fillStyle = "rgb(255 0 0)";
      c.fillRect(0, 0, W / 5, Hs / 5);
    }
    const image = await createImageBitmap(photo);
    const faite = await t.faireLaPage(image, e.quarts, e.coins as never, e.document);
    const px = faite.toile.getContext("2d")!.getImageData(0, 0, faite.largeur, faite.hauteur).data;
    const pixel = (x: number, y: number) =>
      Array.from(px.subarray(4 * (y * faite.largeur + x), 4 * (y * faite.largeur + x) + 4));
    // The JPEG is a real one, of the page's size.
    const jpeg = await createImageBitmap(faite.jpeg);
    // The grey range along the middle row and column (2 % margins): a seam between rectangles would show.
    const gammes = [
      Array.from({ length: Math.round(faite.largeur * 0.96) }, (_, i) =>
        pixel(Math.round(faite.largeur * 0.02) + i, faite.hauteur >> 1),
      ),
      Array.from({ length: Math.round(faite.hauteur * 0.96) }, (_, i) =>
        pixel(faite.largeur >> 1, Math.round(faite.hauteur * 0.02) + i),
      ),
    ].map((l) => [Math.min(...l.map((p) => p[0]!)), Math.max(...l.map((p) => p[0]!))]);
    return {
      gammes,
      largeur: faite.largeur,
      hauteur: faite.hauteur,
      jpeg: [jpeg.width, jpeg.height, faite.jpeg.type],
      pixels: [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99].flatMap((fy) =>
        [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((fx) => ({
          fx,
          fy,
          rgba: pixel(Math.floor(fx * faite.largeur), Math.floor(fy * faite.hauteur)),
        })),
      ),
      bords: {
        hautGauche: pixel(3, 3),
        hautDroite: pixel(faite.largeur - 4, 3),
        basDroite: pixel(faite.largeur - 4, faite.hauteur - 4),
        basGauche: pixel(3, faite.hauteur - 4),
      },
      coinsRouges: {
        hautGauche: pixel(20, 20),
        hautDroite: pixel(faite.largeur - 21, 20),
        basDroite: pixel(faite.largeur - 21, faite.hauteur - 21),
        basGauche: pixel(20, faite.hauteur - 21),
      },
    };
  }, essai);
}

const ENTIERE = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 1, y: 1 },
  { x: 0, y: 1 },
];
const FEUILLE = [
  { x: 0.2, y: 0.1 },
  { x: 0.8, y: 0.15 },
  { x: 0.85, y: 0.9 },
  { x: 0.1, y: 0.85 },
];
const rouge = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;

describe("faireLaPage (Chromium)", () => {
  it("the whole picture, already A4 at 150 dpi, comes out as the same picture (colour, no look applied)", async () => {
    const r = await faire({
      photo: { largeur: 1240, hauteur: 1754, fond: 0 },
      quarts: 0,
      coins: ENTIERE,
      document: false,
    });
    expect([r.largeur, r.hauteur]).toEqual([1240, 1754]);
    expect(r.jpeg).toEqual([1240, 1754, "image/jpeg"]);
    for (const { fx, fy, rgba } of r.pixels) {
      const x = Math.floor(fx * 1240);
      const y = Math.floor(fy * 1754);
      expect(Math.abs(rgba[0]! - Math.round((Math.floor(x / 8) * 8 * 255) / 1240))).toBeLessThanOrEqual(1);
      expect(Math.abs(rgba[1]! - Math.round((Math.floor(y / 8) * 8 * 255) / 1754))).toBeLessThanOrEqual(1);
      expect(rgba[2]).toBe(128);
    }
  });

  it("a tilted bright page on a dark table fills the whole straightened page, to its edges", async () => {
    for (const document of [false, true]) {
      const r = await faire({
        photo: { largeur: 1500, hauteur: 2000, fond: 30, feuille: FEUILLE },
        quarts: 0,
        coins: FEUILLE,
        document,
      });
      expect([r.largeur, r.hauteur]).toEqual([1240, 1754]);
      // Every sample, even 1 % from the edges, is paper; « document » makes it pure white.
      for (const { rgba } of r.pixels) expect(rgba[0]).toBeGreaterThanOrEqual(document ? 255 : 200);
      for (const rgba of Object.values(r.bords)) expect(rgba[0]).toBeGreaterThanOrEqual(document ? 250 : 180);
      // In colour, the paper (230) is the same across the page: no white seam between the rectangles.
      if (!document) for (const [min, max] of r.gammes) expect([min, max]).toEqual([230, 230]);
    }
  });

  it("the table around the page stays out; a wide crop makes a landscape page", async () => {
    const r = await faire({
      photo: { largeur: 2000, hauteur: 1500, fond: 30, feuille: FEUILLE },
      quarts: 0,
      coins: [
        { x: 0.05, y: 0.2 },
        { x: 0.95, y: 0.2 },
        { x: 0.95, y: 0.8 },
        { x: 0.05, y: 0.8 },
      ],
      document: false,
    });
    expect([r.largeur, r.hauteur]).toEqual([1754, 1240]);
    // The crop is wider than the sheet: its left and right edges are table.
    expect(r.pixels.find((p) => p.fx === 0.01 && p.fy === 0.5)!.rgba[0]).toBeLessThan(60);
    expect(r.pixels.find((p) => p.fx === 0.5 && p.fy === 0.5)!.rgba[0]).toBeGreaterThan(200);
  });

  it("a quarter turn clockwise: the photo's top-left corner goes to the page's top right", async () => {
    const r = await faire({
      photo: { largeur: 1500, hauteur: 2000, fond: 0 },
      repere: true,
      quarts: 1,
      coins: ENTIERE,
      document: false,
    });
    // A portrait photo turned is landscape.
    expect([r.largeur, r.hauteur]).toEqual([1754, 1240]);
    expect(rouge(r.coinsRouges.hautDroite)).toBe(true);
    expect(rouge(r.coinsRouges.hautGauche)).toBe(false);
    expect(rouge(r.coinsRouges.basDroite)).toBe(false);
    expect(rouge(r.coinsRouges.basGauche)).toBe(false);
  });
});
