/** A point; in a page, coordinates are fractions of the width and height (0 to 1 inclusive). */
export interface Point {
  x: number;
  y: number;
}

/** The page's four corners, in order: top left, top right, bottom right, bottom left. */
export type Coins = [Point, Point, Point, Point];

/** The whole picture. */
export const PAGE_ENTIERE: Coins = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 1, y: 1 },
  { x: 0, y: 1 },
];

/** A quarter turn count, clockwise: 0, 1, 2 or 3. */
export type QuartsDeTour = 0 | 1 | 2 | 3;

/**
 * A point of the picture (fractions) once the picture is turned clockwise by `q` quarter turns.
 *
 * @example
 * tournerPoint({ x: 0, y: 0 }, 1); // { x: 1, y: 0 }: the top-left corner goes to the top right
 */
export function tournerPoint(p: Point, q: QuartsDeTour): Point {
  if (q === 0) return { ...p };
  if (q === 1) return { x: 1 - p.y, y: p.x };
  if (q === 2) return { x: 1 - p.x, y: 1 - p.y };
  return { x: p.y, y: 1 - p.x };
}

/**
 * The corners after turning the picture clockwise by `q` quarters: each point follows the picture, and the
 * list is shifted so that the first one is again the top-left corner of the turned page.
 *
 * @example
 * tournerCoins(PAGE_ENTIERE, 1); // PAGE_ENTIERE again (the whole picture stays the whole picture)
 */
export function tournerCoins(coins: Coins, q: QuartsDeTour): Coins {
  const t = coins.map((p) => tournerPoint(p, q));
  return [0, 1, 2, 3].map((i) => t[(i + 4 - q) % 4]!) as Coins;
}

/**
 * The projective map (3 × 3, row-major, last coefficient 1) sending the unit square's corners (0,0),
 * (1,0), (1,1), (0,1) to the four points given — Heckbert's closed form, no linear solver.
 *
 * @example
 * const h = homographie(coins);
 * appliquer(h, 0.5, 0.5); // the page's centre, in picture coordinates
 */
export function homographie([p0, p1, p2, p3]: readonly [Point, Point, Point, Point]): number[] {
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  if (Math.abs(sx) < 1e-12 && Math.abs(sy) < 1e-12) {
    return [p1.x - p0.x, p2.x - p1.x, p0.x, p1.y - p0.y, p2.y - p1.y, p0.y, 0, 0, 1];
  }
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det;
  const h = (dx1 * sy - sx * dy1) / det;
  return [
    p1.x - p0.x + g * p1.x,
    p3.x - p0.x + h * p3.x,
    p0.x,
    p1.y - p0.y + g * p1.y,
    p3.y - p0.y + h * p3.y,
    p0.y,
    g,
    h,
    1,
  ];
}

/**
 * Applies a projective map to (u, v).
 *
 * @example
 * appliquer(homographie(PAGE_ENTIERE), 0.25, 0.5); // { x: 0.25, y: 0.5 }
 */
export function appliquer(m: readonly number[], u: number, v: number): Point {
  const w = m[6]! * u + m[7]! * v + 1;
  return { x: (m[0]! * u + m[1]! * v + m[2]!) / w, y: (m[3]! * u + m[4]! * v + m[5]!) / w };
}

/**
 * True if the four corners make a convex quadrilateral turning the same way (a usable crop: no crossed
 * sides, no corner inside the others).
 *
 * @example
 * coinsValides(PAGE_ENTIERE); // true
 */
export function coinsValides(c: readonly Point[]): boolean {
  let signe = 0;
  for (let i = 0; i < 4; i++) {
    const a = c[i]!;
    const b = c[(i + 1) % 4]!;
    const d = c[(i + 2) % 4]!;
    const z = (b.x - a.x) * (d.y - b.y) - (b.y - a.y) * (d.x - b.x);
    if (Math.abs(z) < 1e-6) return false;
    if (signe === 0) signe = Math.sign(z);
    else if (Math.sign(z) !== signe) return false;
  }
  return true;
}

/** Keeps a fraction between 0 and 1 inclusive. */
export const borner = (n: number): number => Math.min(1, Math.max(0, n));

/**
 * A rectangle of the straightened page (whole pixels) and the affine map drawing the photo into it, as
 * canvas `setTransform(a, b, c, d, e, f)` takes it: page = (a·x + c·y + e, b·x + d·y + f) for a photo pixel (x, y).
 */
export interface Cellule {
  x: number;
  y: number;
  largeur: number;
  hauteur: number;
  transformation: [number, number, number, number, number, number];
}

/**
 * The perspective correction as canvas work: the `L` × `H` page cut into a grid of rectangles, each drawn
 * from the photo by one affine map (the browser samples the pixels, in native code, clipped to the
 * rectangle: axis-aligned whole pixels, so no seam). `coins` are the page's corners in photo pixels. The
 * grid is refined (1, 2, 4… columns) until every rectangle's affine map is within `tolerance` photo pixels
 * of the exact projective one at its corners and centre; a flat crop (a parallelogram) is one rectangle.
 *
 * @example
 * for (const k of cellulesAffines(coinsEnPixels, 1240, 1754)) {
 *   c.save(); c.beginPath(); c.rect(k.x, k.y, k.largeur, k.hauteur); c.clip();
 *   c.setTransform(...k.transformation); c.drawImage(photo, 0, 0); c.restore();
 * }
 */
export function cellulesAffines(coins: Coins, L: number, H: number, tolerance = 0.25): Cellule[] {
  const m = homographie(coins);
  const P = (X: number, Y: number) => appliquer(m, X / L, Y / H);
  for (let n = 1; ; n *= 2) {
    const nx = Math.min(n, L);
    const ny = Math.min(Math.max(1, Math.round((n * H) / L)), H);
    const cellules: Cellule[] = [];
    let ecart = 0;
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const x0 = Math.round((i * L) / nx);
        const x1 = Math.round(((i + 1) * L) / nx);
        const y0 = Math.round((j * H) / ny);
        const y1 = Math.round(((j + 1) * H) / ny);
        const [a, b, c, d] = [P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1)];
        // Page → photo: centre + U·(X − xc) + V·(Y − yc), U and V the mean of opposite sides.
        const w = x1 - x0;
        const h = y1 - y0;
        const ux = (b.x - a.x + c.x - d.x) / (2 * w);
        const uy = (b.y - a.y + c.y - d.y) / (2 * w);
        const vx = (d.x - a.x + c.x - b.x) / (2 * h);
        const vy = (d.y - a.y + c.y - b.y) / (2 * h);
        const cx = (a.x + b.x + c.x + d.x) / 4;
        const cy = (a.y + b.y + c.y + d.y) / 4;
        const xc = (x0 + x1) / 2;
        const yc = (y0 + y1) / 2;
        for (const [X, Y] of [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [xc, yc],
        ] as const) {
          const exact = P(X, Y);
          ecart = Math.max(
            ecart,
            Math.hypot(
              cx + ux * (X - xc) + vx * (Y - yc) - exact.x,
              cy + uy * (X - xc) + vy * (Y - yc) - exact.y,
            ),
          );
        }
        // Its inverse, photo → page, for the canvas.
        const det = ux * vy - vx * uy;
        const [ta, tb, tc, td] = [vy / det, -uy / det, -vx / det, ux / det];
        cellules.push({
          x: x0,
          y: y0,
          largeur: w,
          hauteur: h,
          transformation: [ta, tb, tc, td, xc - (ta * cx + tc * cy), yc - (tb * cx + td * cy)],
        });
      }
    if (ecart <= tolerance || nx >= L || n >= 256) return cellules;
  }
}
