import { describe, expect, it } from "vitest";
import {
  appliquer,
  cellulesAffines,
  coinsValides,
  homographie,
  PAGE_ENTIERE,
  tournerCoins,
  tournerPoint,
  type Coins,
} from "./geometrie.js";

const trapeze: Coins = [
  { x: 0.1, y: 0.05 },
  { x: 0.85, y: 0.1 },
  { x: 0.95, y: 0.9 },
  { x: 0.05, y: 0.95 },
];

describe("homographie", () => {
  it("sends the unit square's corners to the four points (perspective case)", () => {
    const h = homographie(trapeze);
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ].forEach(([u, v], i) => {
      const p = appliquer(h, u!, v!);
      expect(p.x).toBeCloseTo(trapeze[i]!.x, 10);
      expect(p.y).toBeCloseTo(trapeze[i]!.y, 10);
    });
  });

  it("is the identity for the whole picture (affine case)", () => {
    expect(appliquer(homographie(PAGE_ENTIERE), 0.3, 0.7)).toEqual({ x: 0.3, y: 0.7 });
  });
});

describe("tourner", () => {
  it("a quarter turn clockwise sends the top-left corner to the top right", () => {
    expect(tournerPoint({ x: 0, y: 0 }, 1)).toEqual({ x: 1, y: 0 });
    expect(tournerPoint({ x: 0.2, y: 0.1 }, 1)).toEqual({ x: 0.9, y: 0.2 });
  });

  it("four quarter turns give back the same corners; the first stays top left", () => {
    let c = trapeze;
    for (let i = 0; i < 4; i++) {
      c = tournerCoins(c, 1);
      expect(c[0]!.x + c[0]!.y).toBeLessThan(c[2]!.x + c[2]!.y);
    }
    c.forEach((p, i) => {
      expect(p.x).toBeCloseTo(trapeze[i]!.x, 12);
      expect(p.y).toBeCloseTo(trapeze[i]!.y, 12);
    });
  });
});

describe("coinsValides", () => {
  it("accepts a convex quadrilateral and refuses crossed sides or a flat one", () => {
    expect(coinsValides(trapeze)).toBe(true);
    expect(coinsValides([trapeze[0], trapeze[2], trapeze[1], trapeze[3]])).toBe(false);
    expect(
      coinsValides([
        { x: 0, y: 0 },
        { x: 0.5, y: 0 },
        { x: 1, y: 0 },
        { x: 0, y: 1 },
      ]),
    ).toBe(false);
  });
});

describe("cellulesAffines", () => {
  const enPixels = (c: Coins, W: number, H: number) => c.map((p) => ({ x: p.x * W, y: p.y * H })) as Coins;

  it("the whole picture is one rectangle, a plain scale", () => {
    const cellules = cellulesAffines(enPixels(PAGE_ENTIERE, 1500, 2000), 1240, 1754);
    expect(cellules).toHaveLength(1);
    const [a, b, c, d, e, f] = cellules[0]!.transformation;
    expect([a, b, c, d, e, f].map((v) => Number(v.toFixed(9)))).toEqual([
      Number((1240 / 1500).toFixed(9)),
      0,
      0,
      Number((1754 / 2000).toFixed(9)),
      0,
      0,
    ]);
  });

  it("a parallelogram (no perspective) is one rectangle too", () => {
    const para: Coins = [
      { x: 100, y: 50 },
      { x: 1300, y: 150 },
      { x: 1350, y: 1950 },
      { x: 150, y: 1850 },
    ];
    expect(cellulesAffines(para, 1240, 1754)).toHaveLength(1);
  });

  it("a photo in perspective: the rectangles tile the page once, each within ¼ photo pixel of the exact map", () => {
    const L = 1240;
    const H = 1754;
    const coins = enPixels(trapeze, 1500, 2000);
    const cellules = cellulesAffines(coins, L, H);
    expect(cellules.length).toBeGreaterThan(1);
    const couverture = new Uint8Array(L * H);
    for (const k of cellules)
      for (let y = k.y; y < k.y + k.hauteur; y++)
        for (let x = k.x; x < k.x + k.largeur; x++) couverture[y * L + x]!++;
    expect(couverture.every((n) => n === 1)).toBe(true);
    // Each rectangle's map sends the exact photo point of a page pixel back onto that pixel (the photo is
    // ≈ 1.2 photo pixels per page pixel here: ¼ photo pixel is under ⅓ page pixel).
    const m = homographie(coins);
    let pire = 0;
    for (const k of cellules) {
      const [a, b, c, d, e, f] = k.transformation;
      for (const [fx, fy] of [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0.5, 0.5],
        [0.3, 0.8],
      ] as const) {
        const X = k.x + fx * k.largeur;
        const Y = k.y + fy * k.hauteur;
        const p = appliquer(m, X / L, Y / H);
        pire = Math.max(pire, Math.hypot(a * p.x + c * p.y + e - X, b * p.x + d * p.y + f - Y));
      }
    }
    expect(pire).toBeLessThan(1 / 3);
  });
});
