import { devinerCoins } from "./coins-auto.js";
import { cellulesAffines, tournerPoint, type Coins, type QuartsDeTour } from "./geometrie.js";
import { ameliorerDocument } from "./pixels.js";

/** A4 at 150 dpi, in pixels (portrait). */
export const A4_PIXELS = { largeur: 1240, hauteur: 1754 } as const;
/** Height of the working copy of a photo: enough for 150 dpi, far lighter than 12 megapixels. */
const COTE_TRAVAIL = 2000;
/** JPEG quality: « document » pages are mostly pure white (cheap); colour photos keep more detail. */
const QUALITE = { document: 0.55, couleur: 0.68 };

type Toile = OffscreenCanvas | HTMLCanvasElement;

/** A canvas, offscreen when the browser has it. */
export function toile(largeur: number, hauteur: number): Toile {
  if (typeof OffscreenCanvas === "function") return new OffscreenCanvas(largeur, hauteur);
  const c = document.createElement("canvas");
  c.width = largeur;
  c.height = hauteur;
  return c;
}

const contexte = (t: Toile) =>
  t.getContext("2d", { willReadFrequently: true }) as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const versBlob = (t: Toile, qualite: number): Promise<Blob> =>
  "convertToBlob" in t
    ? t.convertToBlob({ type: "image/jpeg", quality: qualite })
    : new Promise((ok, ko) => t.toBlob((b) => (b ? ok(b) : ko(new Error("JPEG"))), "image/jpeg", qualite));

/** Why a photo could not be opened. */
export class PhotoIllisible extends Error {
  constructor(readonly heic: boolean) {
    super(heic ? "heic" : "illisible");
  }
}

/** True if the file is HEIC/HEIF (by type, name or its `ftyp` brand). */
export async function estHeic(f: Blob & { name?: string }): Promise<boolean> {
  if (/^image\/hei[cf]/.test(f.type) || /\.hei[cf]$/i.test(f.name ?? "")) return true;
  const tete = new TextDecoder("latin1").decode(await f.slice(4, 12).arrayBuffer());
  return /^ftyp(hei[cfmsx]|mif1|msf1)/.test(tete);
}

/**
 * The working copy of a photo: decoded by the browser with its EXIF orientation applied
 * (`imageOrientation: "from-image"`), 2000 px high. Throws `PhotoIllisible`
 * (HEIC or not) when the browser cannot decode it.
 *
 * @example
 * const image = await decoder(fichier); // ImageBitmap, upright
 */
export async function decoder(photo: Blob): Promise<ImageBitmap> {
  try {
    // Decoded straight at the working size (2000 px high, width in proportion): a 12-megapixel photo never
    // sits whole in the page's memory. « low » (bilinear) halves a 4000 px photo as a 2 × 2 mean, and
    // costs less than « medium » (measured: bench/scan-copie.ts).
    return await createImageBitmap(photo, {
      imageOrientation: "from-image",
      resizeHeight: COTE_TRAVAIL,
      resizeQuality: "low",
    });
  } catch {
    throw new PhotoIllisible(await estHeic(photo));
  }
}

/**
 * The picture turned by `q` clockwise quarters, at most `cote` px on its longest side.
 *
 * @example
 * const t = tourner(image, 1, 480); // a preview for the crop
 */
export function tourner(image: ImageBitmap, q: QuartsDeTour, cote = Infinity): Toile {
  const e = Math.min(1, cote / Math.max(image.width, image.height));
  const w = Math.round(image.width * e);
  const h = Math.round(image.height * e);
  const t = q % 2 ? toile(h, w) : toile(w, h);
  const c = contexte(t);
  c.translate(t.width / 2, t.height / 2);
  c.rotate((q * Math.PI) / 2);
  c.drawImage(image, -w / 2, -h / 2, w, h);
  return t;
}

/**
 * A first guess of the page's corners on the turned picture (on a 200 px copy).
 *
 * @example
 * page.coins = coinsProbables(image, page.rotation);
 */
export function coinsProbables(image: ImageBitmap, q: QuartsDeTour): Coins {
  const t = tourner(image, q, 200);
  return devinerCoins(contexte(t).getImageData(0, 0, t.width, t.height));
}

/** A finished page: JPEG and its pixel size, and the page itself (for a thumbnail without decoding). */
export interface PageFaite {
  jpeg: Blob;
  largeur: number;
  hauteur: number;
  toile: Toile;
}

/**
 * Makes one page: the picture turned, straightened from its four corners to A4 at 150 dpi (landscape if
 * the cropped sheet is wider than tall), « document » look if asked, encoded as JPEG. The straightening is
 * drawn by the browser (`cellulesAffines`: one affine `drawImage` per rectangle of the page, native
 * bilinear sampling), not computed pixel by pixel in JavaScript; outside the photo, the page is white.
 *
 * @example
 * const { jpeg } = await faireLaPage(image, 0, PAGE_ENTIERE, true);
 */
export async function faireLaPage(
  image: ImageBitmap,
  q: QuartsDeTour,
  coins: Coins,
  document: boolean,
): Promise<PageFaite> {
  // Corners are given on the turned picture; the map reads the unturned one (the turn is in the map).
  const ordre = coins.map((p) => tournerPoint(p, ((4 - q) % 4) as QuartsDeTour));
  const px = (i: number, j: number) => {
    const a = coins[i]!;
    const b = coins[j]!;
    const [w, h] = q % 2 ? [image.height, image.width] : [image.width, image.height];
    return Math.hypot((a.x - b.x) * w, (a.y - b.y) * h);
  };
  const paysage = px(0, 1) + px(3, 2) > 1.15 * (px(0, 3) + px(1, 2));
  const [L, H] = paysage ? [A4_PIXELS.hauteur, A4_PIXELS.largeur] : [A4_PIXELS.largeur, A4_PIXELS.hauteur];
  const t = toile(L, H);
  const c = contexte(t);
  c.fillStyle = "#fff";
  c.fillRect(0, 0, L, H);
  c.imageSmoothingEnabled = true;
  c.imageSmoothingQuality = "low";
  const enPixels = ordre.map((p) => ({ x: p.x * image.width, y: p.y * image.height })) as Coins;
  for (const k of cellulesAffines(enPixels, L, H)) {
    c.save();
    c.beginPath();
    c.rect(k.x, k.y, k.largeur, k.hauteur);
    c.clip();
    c.setTransform(...k.transformation);
    c.drawImage(image, 0, 0);
    c.restore();
  }
  if (document) {
    const pixels = c.getImageData(0, 0, L, H);
    ameliorerDocument(pixels);
    c.putImageData(pixels, 0, 0);
  }
  return {
    jpeg: await versBlob(t, document ? QUALITE.document : QUALITE.couleur),
    largeur: L,
    hauteur: H,
    toile: t,
  };
}
