import { coinsValides, PAGE_ENTIERE, type Coins } from "./geometrie.js";
import type { Pixels } from "./pixels.js";

/**
 * A first guess of the page's corners on a small copy of the photo (≈ 200 px): the paper is the bright
 * part (Otsu's threshold on the grey levels); its corners are the bright pixels furthest along the four
 * diagonals. Falls back to the whole picture when the paper fills (almost) all of it, covers less than a
 * fifth of it, or the guess is not a convex quadrilateral.
 *
 * @example
 * const coins = devinerCoins(petiteCopie); // fractions of the picture, top left first
 */
export function devinerCoins(p: Pixels): Coins {
  const { data: d, width: L, height: H } = p;
  const gris = new Uint8Array(L * H);
  const histo = new Array<number>(256).fill(0);
  for (let i = 0, k = 0; i < gris.length; i++, k += 4) {
    const g = (d[k]! * 77 + d[k + 1]! * 150 + d[k + 2]! * 29) >> 8;
    gris[i] = g;
    histo[g]!++;
  }
  const n = gris.length;
  let somme = 0;
  for (let g = 0; g < 256; g++) somme += g * histo[g]!;
  let sB = 0;
  let wB = 0;
  let seuil = 128;
  let meilleur = -1;
  for (let g = 0; g < 256; g++) {
    wB += histo[g]!;
    if (wB === 0 || wB === n) continue;
    sB += g * histo[g]!;
    const mB = sB / wB;
    const mF = (somme - sB) / (n - wB);
    const v = wB * (n - wB) * (mB - mF) ** 2;
    if (v > meilleur) [meilleur, seuil] = [v, g];
  }
  let clairs = 0;
  const ext = [Infinity, -Infinity, -Infinity, -Infinity];
  const pts = [
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
  ];
  for (let y = 1; y < H - 1; y++)
    for (let x = 1; x < L - 1; x++) {
      const i = y * L + x;
      // A paper pixel has bright neighbours too (ignores specks of light).
      if (gris[i]! <= seuil || gris[i - 1]! <= seuil || gris[i + 1]! <= seuil || gris[i - L]! <= seuil || gris[i + L]! <= seuil)
        continue;
      clairs++;
      const cles = [x + y, x - y, x + y, y - x];
      if (cles[0]! < ext[0]!) [ext[0], pts[0]] = [cles[0]!, { x, y }];
      for (let c = 1; c < 4; c++) if (cles[c]! > ext[c]!) [ext[c], pts[c]] = [cles[c]!, { x, y }];
    }
  const part = clairs / n;
  if (part < 0.2 || part > 0.93) return PAGE_ENTIERE;
  const coins = pts.map((q) => ({ x: q.x / (L - 1), y: q.y / (H - 1) })) as Coins;
  return coinsValides(coins) ? coins : PAGE_ENTIERE;
}
