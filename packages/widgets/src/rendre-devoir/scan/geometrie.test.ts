import { describe, expect, it } from "vitest";
import {
  appliquer,
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
