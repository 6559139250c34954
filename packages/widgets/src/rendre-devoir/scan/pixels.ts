import { homographie, type Coins } from "./geometrie.js";

/** RGBA pixels, as `ImageData` holds them (pure data: these functions also run in Node). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Perspective correction: fills `sortie` (the straightened page) by sampling `source` inside the four
 * corners (fractions of the source), bilinear, one projective map per pixel computed incrementally along
 * each row. Corners outside the picture read its nearest edge.
 *
 * @example
 * redresser(photo, coins, new ImageData(1240, 1754));
 */
export function redresser(source: Pixels, coins: Coins, sortie: Pixels): void {
  const W = source.width;
  const Hs = source.height;
  const m = homographie(coins.map((p) => ({ x: p.x * (W - 1), y: p.y * (Hs - 1) })) as Coins);
  const s = source.data;
  const o = sortie.data;
  const L = sortie.width;
  const H = sortie.height;
  const du = 1 / Math.max(1, L - 1);
  let k = 0;
  for (let j = 0; j < H; j++) {
    const v = j / Math.max(1, H - 1);
    let nx = m[1]! * v + m[2]!;
    let ny = m[4]! * v + m[5]!;
    let nw = m[7]! * v + 1;
    const ax = m[0]! * du;
    const ay = m[3]! * du;
    const aw = m[6]! * du;
    for (let i = 0; i < L; i++, nx += ax, ny += ay, nw += aw, k += 4) {
      let x = nx / nw;
      let y = ny / nw;
      x = x < 0 ? 0 : x > W - 1 ? W - 1 : x;
      y = y < 0 ? 0 : y > Hs - 1 ? Hs - 1 : y;
      const x0 = x | 0;
      const y0 = y | 0;
      const fx = x - x0;
      const fy = y - y0;
      const x1 = x0 < W - 1 ? 4 : 0;
      const y1 = y0 < Hs - 1 ? 4 * W : 0;
      const p = 4 * (y0 * W + x0);
      const q = p + x1;
      const r = p + y1;
      const t = q + y1;
      // Bilinear, the three channels unrolled (the hot loop: 2 megapixels a page).
      let h = s[p]! + (s[q]! - s[p]!) * fx;
      o[k] = h + (s[r]! + (s[t]! - s[r]!) * fx - h) * fy;
      h = s[p + 1]! + (s[q + 1]! - s[p + 1]!) * fx;
      o[k + 1] = h + (s[r + 1]! + (s[t + 1]! - s[r + 1]!) * fx - h) * fy;
      h = s[p + 2]! + (s[q + 2]! - s[p + 2]!) * fx;
      o[k + 2] = h + (s[r + 2]! + (s[t + 2]! - s[r + 2]!) * fx - h) * fy;
      o[k + 3] = 255;
    }
  }
}

/**
 * The « document » look, in place: greyscale; the paper's light estimated per 32-pixel cell (a high
 * quantile of each cell, smoothed with its neighbours) and divided out, which lifts shadows and uneven
 * light; then a contrast curve that whitens the paper and darkens the ink. Light pixels become pure white:
 * the JPEG of a page then weighs little.
 *
 * @example
 * ameliorerDocument(page); // page.data is now grey, on white
 */
export function ameliorerDocument(page: Pixels): void {
  const { data: d, width: L, height: H } = page;
  const T = 32;
  const cl = Math.ceil(L / T);
  const ch = Math.ceil(H / T);
  const gris = new Uint8Array(L * H);
  for (let i = 0, k = 0; i < gris.length; i++, k += 4)
    gris[i] = (d[k]! * 77 + d[k + 1]! * 150 + d[k + 2]! * 29) >> 8;
  // Paper light per cell: the 90th percentile of a histogram (ink is a small, dark minority).
  const fond = new Float32Array(cl * ch);
  const histo = new Uint32Array(256);
  for (let cy = 0; cy < ch; cy++)
    for (let cx = 0; cx < cl; cx++) {
      histo.fill(0);
      let n = 0;
      for (let y = cy * T; y < Math.min(H, cy * T + T); y += 2)
        for (let x = cx * T; x < Math.min(L, cx * T + T); x += 2, n++) histo[gris[y * L + x]!]!++;
      let cumul = 0;
      let v = 255;
      while (v > 0 && (cumul += histo[v]!) < n * 0.1) v--;
      fond[cy * cl + cx] = Math.max(v, 40);
    }
  // Cells far darker than the page's usual paper are ink (a filled box, a heading), not light: they take
  // their neighbours' light, from the edges inwards. A shadow (paper at ~0.7) stays a shadow, and is lifted.
  const triees = Float32Array.from(fond).sort();
  const papier = triees[triees.length >> 1]!;
  const encre = new Uint8Array(fond.length);
  for (let i = 0; i < fond.length; i++) encre[i] = fond[i]! < papier * 0.55 ? 1 : 0;
  for (let passe = 0, reste = 1; passe < 32 && reste; passe++) {
    reste = 0;
    const avant = encre.slice();
    for (let cy = 0; cy < ch; cy++)
      for (let cx = 0; cx < cl; cx++) {
        const i = cy * cl + cx;
        if (!avant[i]) continue;
        let somme = 0;
        let n = 0;
        for (const [x, y] of [
          [cx - 1, cy],
          [cx + 1, cy],
          [cx, cy - 1],
          [cx, cy + 1],
        ] as const)
          if (x >= 0 && y >= 0 && x < cl && y < ch && !avant[y * cl + x]) {
            somme += fond[y * cl + x]!;
            n++;
          }
        if (n) [fond[i], encre[i]] = [somme / n, 0];
        else reste = 1;
      }
  }
  // Smoothed (mean of 3 × 3 cells): the light varies slowly.
  const lisse = new Float32Array(fond.length);
  for (let cy = 0; cy < ch; cy++)
    for (let cx = 0; cx < cl; cx++) {
      let somme = 0;
      let n = 0;
      for (let y = Math.max(0, cy - 1); y <= Math.min(ch - 1, cy + 1); y++)
        for (let x = Math.max(0, cx - 1); x <= Math.min(cl - 1, cx + 1); x++, n++) somme += fond[y * cl + x]!;
      lisse[cy * cl + cx] = somme / n;
    }
  // Contrast curve on the ratio pixel / paper: ≥ 0.88 → white, ≤ 0.45 → black, smooth between; as a table
  // of (grey, paper light) → output, so the per-pixel work is two lookups.
  const courbe = new Uint8Array(257);
  for (let r = 0; r <= 256; r++) {
    const t = Math.min(1, Math.max(0, (r / 256 - 0.45) / 0.43));
    courbe[r] = Math.round(255 * t * t * (3 - 2 * t));
  }
  const table = new Uint8Array(65536);
  for (let f = 1; f < 256; f++)
    for (let v = 0; v < 256; v++) table[(v << 8) | f] = courbe[Math.min(256, ((v * 256) / f) | 0)]!;
  // Paper light at each pixel: bilinear between cell centres (columns precomputed, one cell row per line).
  const x0 = new Uint16Array(L);
  const x1 = new Uint16Array(L);
  const tx = new Float32Array(L);
  for (let x = 0; x < L; x++) {
    const fx = Math.min(cl - 1, Math.max(0, x / T - 0.5));
    x0[x] = fx | 0;
    x1[x] = Math.min(cl - 1, x0[x]! + 1);
    tx[x] = fx - x0[x]!;
  }
  const rangee = new Float32Array(cl);
  for (let y = 0; y < H; y++) {
    const fy = Math.min(ch - 1, Math.max(0, y / T - 0.5));
    const y0 = fy | 0;
    const y1 = Math.min(ch - 1, y0 + 1);
    const ty = fy - y0;
    for (let c = 0; c < cl; c++) rangee[c] = lisse[y0 * cl + c]! * (1 - ty) + lisse[y1 * cl + c]! * ty;
    for (let x = 0, i = y * L, k = 4 * i; x < L; x++, i++, k += 4) {
      const a = rangee[x0[x]!]!;
      const f = a + (rangee[x1[x]!]! - a) * tx[x]!;
      d[k] = d[k + 1] = d[k + 2] = table[(gris[i]! << 8) | Math.min(255, f | 0)]!;
    }
  }
}
