/** RGBA pixels, as `ImageData` holds them (pure data: these functions also run in Node). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

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
  // Whole pixels as 32-bit words (one read, one write per pixel) where the machine is little-endian (RGBA
  // in memory is then 0xAABBGGRR): the page's 2 megapixels are the hot loops.
  const mots =
    LITTLE_ENDIAN && d.byteOffset % 4 === 0 ? new Uint32Array(d.buffer, d.byteOffset, L * H) : undefined;
  if (mots)
    for (let i = 0; i < gris.length; i++) {
      const v = mots[i]!;
      gris[i] = ((v & 0xff) * 77 + ((v >>> 8) & 0xff) * 150 + ((v >>> 16) & 0xff) * 29) >> 8;
    }
  else
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
      const v = table[(gris[i]! << 8) | Math.min(255, f | 0)]!;
      if (mots) mots[i] = 0xff000000 | (v * 0x010101);
      else d[k] = d[k + 1] = d[k + 2] = v;
    }
  }
}
