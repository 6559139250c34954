// Realistic photos of a handwritten page for the scan tests and bench, drawn in Chromium: a ruled sheet
// (blue lines, red margin, a dark heading box top left whose width marks the page, so that order and
// « upright » can be checked), handwriting-like
// strokes (joined Bézier loops along the lines, in blue-black ink), photographed at a slight perspective on
// a table, uneven light (a warm spot and a hand's shadow), sensor noise; JPEG quality 0.92, as a phone.
import type { Browser } from "playwright-core";

/** How the page is laid in the photo. */
export interface OptionsPhoto {
  /** Photo size (pixels); 4000 × 3000 = 12 megapixels. */
  largeur: number;
  hauteur: number;
  graine: number;
  /**
   * How the page's top lies in the stored pixels: 0 upright; 1 turned a quarter clockwise (the page's top
   * on the right); 3 a quarter anticlockwise (what a phone held sideways stores with EXIF orientation 6).
   */
  quarts: 0 | 1 | 3;
  /** Width mark of the heading box (1 to 4): the box's right edge tells which page this is. */
  marque: number;
}

/** Draws one photo in the page (self-contained: serialised by `page.evaluate`); JPEG bytes in base64. */
async function dessinerPhoto(o: OptionsPhoto): Promise<string> {
  let s = o.graine >>> 0 || 1;
  const alea = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  // 1. The flat sheet, A4 at ~200 dpi, portrait.
  const PL = 1654;
  const PH = 2339;
  const feuille = new OffscreenCanvas(PL, PH);
  const f = feuille.getContext("2d")!;
  f.fillStyle = "#f7f4ec";
  f.fillRect(0, 0, PL, PH);
  f.strokeStyle = "#8fb4e0";
  f.lineWidth = 2;
  for (let y = 260; y < PH - 80; y += 66) {
    f.beginPath();
    f.moveTo(0, y);
    f.lineTo(PL, y);
    f.stroke();
  }
  f.strokeStyle = "#e07070";
  f.beginPath();
  f.moveTo(230, 0);
  f.lineTo(230, PH);
  f.stroke();
  f.fillStyle = "#1d1d3a";
  f.fillRect(260, 60, 250 + 150 * o.marque, 240);
  f.strokeStyle = "#1a1f5c";
  f.lineCap = "round";
  f.lineJoin = "round";
  for (let y = 260 + 66; y < PH - 120; y += 66) {
    let x = 260 + alea() * 40;
    const fin = PL - 120 - alea() * 300;
    while (x < fin) {
      const mot = 60 + alea() * 180;
      f.lineWidth = 3 + alea() * 2;
      f.beginPath();
      f.moveTo(x, y - 6);
      for (let cx = x; cx < x + mot; cx += 14 + alea() * 10) {
        const h = 18 + alea() * 26 * (alea() < 0.2 ? 2 : 1);
        f.bezierCurveTo(cx + 4, y - h, cx + 12, y - h, cx + 10, y - 8);
        f.bezierCurveTo(cx + 8, y + 2, cx + 18, y, cx + 22, y - 6);
      }
      f.stroke();
      x += mot + 25 + alea() * 30;
    }
  }
  const page = f.getImageData(0, 0, PL, PH).data;
  // 2. The photo (as the page is seen, upright): sheet at a slight perspective on a table.
  const portrait = o.quarts === 0;
  const [VL, VH] = portrait ? [o.largeur, o.hauteur] : [o.hauteur, o.largeur];
  const j = () => (alea() - 0.5) * 0.06;
  const coins = [
    [0.08 + j(), 0.06 + j()],
    [0.92 + j(), 0.05 + j()],
    [0.95 + j(), 0.95 + j()],
    [0.05 + j(), 0.94 + j()],
  ].map(([x, y]) => [x! * VL, y! * VH]);
  // Inverse map photo → sheet: the homography sheet square → quad, inverted numerically per pixel would be
  // slow; instead the quad → square map (Heckbert's square-to-quad, then its adjugate).
  const [p0, p1, p2, p3] = coins as [[number, number], [number, number], [number, number], [number, number]];
  const sx = p0[0] - p1[0] + p2[0] - p3[0];
  const sy = p0[1] - p1[1] + p2[1] - p3[1];
  const dx1 = p1[0] - p2[0];
  const dx2 = p3[0] - p2[0];
  const dy1 = p1[1] - p2[1];
  const dy2 = p3[1] - p2[1];
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det;
  const h = (dx1 * sy - sx * dy1) / det;
  const a = p1[0] - p0[0] + g * p1[0];
  const b = p3[0] - p0[0] + h * p3[0];
  const c = p0[0];
  const d = p1[1] - p0[1] + g * p1[1];
  const e = p3[1] - p0[1] + h * p3[1];
  const ff = p0[1];
  // Adjugate of [[a b c][d e ff][g h 1]].
  const A = [
    e - ff * h,
    c * h - b,
    b * ff - c * e,
    ff * g - d,
    a - c * g,
    c * d - a * ff,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  ];
  const photo = new OffscreenCanvas(o.largeur, o.hauteur);
  const ctx = photo.getContext("2d")!;
  const img = ctx.createImageData(o.largeur, o.hauteur);
  const out = img.data;
  const spotX = VL * (0.3 + alea() * 0.2);
  const spotY = VH * (0.25 + alea() * 0.2);
  const rayon = Math.hypot(VL, VH) * 0.8;
  for (let py = 0; py < o.hauteur; py++)
    for (let px = 0; px < o.largeur; px++) {
      // Pixel of the stored photo → point (vx, vy) of the upright view.
      const [vx, vy] = o.quarts === 0 ? [px, py] : o.quarts === 1 ? [py, VH - 1 - px] : [VL - 1 - py, px];
      const w = A[6]! * vx + A[7]! * vy + A[8]!;
      const u = (A[0]! * vx + A[1]! * vy + A[2]!) / w;
      const v = (A[3]! * vx + A[4]! * vy + A[5]!) / w;
      let r: number, gg: number, bb: number;
      if (u >= 0 && u < 1 && v >= 0 && v < 1) {
        const k = 4 * (((v * PH) | 0) * PL + ((u * PL) | 0));
        [r, gg, bb] = [page[k]!, page[k + 1]!, page[k + 2]!];
      } else {
        // Wooden table.
        const t = 90 + 25 * Math.sin(vy / 37 + Math.sin(vx / 210) * 3);
        [r, gg, bb] = [t + 40, t + 10, t - 20];
      }
      const lumiere = 0.62 + 0.38 * Math.max(0, 1 - Math.hypot(vx - spotX, vy - spotY) / rayon);
      const ombre = vx + vy * 0.6 > VL * 1.05 ? 0.72 : 1;
      const bruit = (alea() + alea() + alea() - 1.5) * 14;
      const q = 4 * (py * o.largeur + px);
      out[q] = r * lumiere * ombre + bruit;
      out[q + 1] = gg * lumiere * ombre * 0.98 + bruit;
      out[q + 2] = bb * lumiere * ombre * 0.93 + bruit;
      out[q + 3] = 255;
    }
  ctx.putImageData(img, 0, 0);
  const blob = await photo.convertToBlob({ type: "image/jpeg", quality: 0.92 });
  const octets = new Uint8Array(await blob.arrayBuffer());
  let bin = "";
  for (let i = 0; i < octets.length; i += 0x8000)
    bin += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Inserts an EXIF APP1 segment (TIFF little-endian, one IFD0 entry: Orientation) right after the JPEG's SOI.
 *
 * @example
 * avecOrientationExif(jpeg, 6); // viewers turn it a quarter clockwise
 */
export function avecOrientationExif(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write("II", 0, "latin1");
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  const charge = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const entete = Buffer.from([0xff, 0xe1, 0, 0]);
  entete.writeUInt16BE(charge.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), entete, charge, jpeg.subarray(2)]);
}

/**
 * Draws photos of handwritten pages in a page of `navigateur` (a blank page, closed after), one per option.
 *
 * @example
 * const [p1] = await photosDeCopie(navigateur, [{ largeur: 3000, hauteur: 4000, graine: 1, quarts: 0, marque: 1 }]);
 */
export async function photosDeCopie(navigateur: Browser, options: OptionsPhoto[]): Promise<Buffer[]> {
  const page = await navigateur.newPage();
  // tsx (the bench) names functions with an `__name` helper that a serialised function does not carry.
  await page.evaluate("globalThis.__name = (f) => f");
  try {
    const photos: Buffer[] = [];
    for (const o of options) photos.push(Buffer.from(await page.evaluate(dessinerPhoto, o), "base64"));
    return photos;
  } finally {
    await page.close();
  }
}
