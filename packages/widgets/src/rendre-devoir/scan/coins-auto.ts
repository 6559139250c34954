import { coinsValides, PAGE_ENTIERE, type Coins, type Point } from "./geometrie.js";
import type { Pixels } from "./pixels.js";

/** A line x = a·t + b (t along the side), fitted to edge points. */
type Droite = { a: number; b: number };

/** Least squares, then again without the points furthest from the first fit (ink, a finger, a shadow). */
function ajuster(pts: [number, number][]): Droite {
  const fit = (p: [number, number][]): Droite => {
    let st = 0,
      sx = 0,
      stt = 0,
      stx = 0;
    for (const [t, x] of p) [st, sx, stt, stx] = [st + t, sx + x, stt + t * t, stx + t * x];
    const n = p.length;
    const d = n * stt - st * st;
    const a = d ? (n * stx - st * sx) / d : 0;
    return { a, b: (sx - a * st) / n };
  };
  const d1 = fit(pts);
  const ecarts = pts.map(([t, x]) => Math.abs(x - d1.a * t - d1.b)).sort((u, v) => u - v);
  const seuil = ecarts[Math.floor(ecarts.length * 0.7)]! + 1;
  return fit(pts.filter(([t, x]) => Math.abs(x - d1.a * t - d1.b) <= seuil));
}

/**
 * A first guess of the page's corners on a small copy of the photo (≈ 200 px): on each side, scanning from
 * the picture's edge inwards, the first strong step from dark to bright is the sheet's edge (a shadow or
 * ink inside the sheet comes later); a line is fitted to each side's steps and the corners are where the
 * lines meet. A side with too few steps is the picture's own edge (the sheet fills it there). Falls back to
 * the whole picture when the guess is not a convex quadrilateral covering at least a quarter of the photo.
 *
 * @example
 * const coins = devinerCoins(petiteCopie); // fractions of the picture, top left first
 */
export function devinerCoins(p: Pixels): Coins {
  const { data: d, width: L, height: H } = p;
  const g = new Float32Array(L * H);
  for (let i = 0, k = 0; i < g.length; i++, k += 4)
    g[i] = (d[k]! * 77 + d[k + 1]! * 150 + d[k + 2]! * 29) / 256;
  const tries = Float32Array.from(g).sort();
  const seuil = 0.3 * (tries[Math.floor(g.length * 0.95)]! - tries[Math.floor(g.length * 0.05)]!);
  if (seuil < 8) return PAGE_ENTIERE;
  // side: 0 left, 1 right (scan rows), 2 top, 3 bottom (scan columns). Point (t, position across).
  const cotes = [0, 1, 2, 3].map((cote) => {
    const lignes = cote < 2;
    const long = lignes ? H : L;
    const large = lignes ? L : H;
    const val = (t: number, s: number) => {
      const x = cote === 1 || cote === 3 ? large - 1 - s : s;
      return lignes ? g[t * L + x]! : g[x * L + t]!;
    };
    const pts: [number, number][] = [];
    for (let t = Math.round(long * 0.15); t < long * 0.85; t++)
      for (let s = 0; s < large * 0.4; s++)
        if (val(t, s + 2) - val(t, s) > seuil) {
          const x = s + 1;
          pts.push([t, cote === 1 || cote === 3 ? large - 1 - x : x]);
          break;
        }
    const bord = cote === 1 || cote === 3 ? large - 1 : 0;
    return pts.length < long * 0.7 * 0.3 ? { a: 0, b: bord } : ajuster(pts);
  });
  // Left/right: x = a·y + b; top/bottom: y = a·x + b. Intersections.
  const coin = (v: Droite, h: Droite): Point => {
    const x = (v.a * h.b + v.b) / (1 - v.a * h.a);
    return { x: x / (L - 1), y: (h.a * x + h.b) / (H - 1) };
  };
  const [gauche, droite, haut, bas] = cotes as [Droite, Droite, Droite, Droite];
  const coins: Coins = [coin(gauche, haut), coin(droite, haut), coin(droite, bas), coin(gauche, bas)];
  const dedans = coins.every((c) => c.x > -0.02 && c.x < 1.02 && c.y > -0.02 && c.y < 1.02);
  let aire = 0;
  for (let i = 0; i < 4; i++)
    aire += coins[i]!.x * coins[(i + 1) % 4]!.y - coins[(i + 1) % 4]!.x * coins[i]!.y;
  if (!dedans || !coinsValides(coins) || Math.abs(aire) / 2 < 0.25) return PAGE_ENTIERE;
  return coins.map((c) => ({ x: Math.min(1, Math.max(0, c.x)), y: Math.min(1, Math.max(0, c.y)) })) as Coins;
}
