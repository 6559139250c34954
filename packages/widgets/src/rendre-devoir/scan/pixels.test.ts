import { describe, expect, it } from "vitest";
import { devinerCoins } from "./coins-auto.js";
import { PAGE_ENTIERE, type Coins } from "./geometrie.js";
import { ameliorerDocument, type Pixels } from "./pixels.js";

function image(L: number, H: number, couleur: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(L * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < L; x++) {
      const k = 4 * (y * L + x);
      data[k] = data[k + 1] = data[k + 2] = couleur(x, y);
      data[k + 3] = 255;
    }
  return { data, width: L, height: H };
}
const gris = (p: Pixels, x: number, y: number): number => p.data[4 * (y * p.width + x)]!;

/** A bright quadrilateral (the page) on a dark table; inside: is (x, y) left of every side? */
function dansQuad(q: Coins, L: number, H: number) {
  return (x: number, y: number) =>
    q.every((a, i) => {
      const b = q[(i + 1) % 4]!;
      return (
        (b.x * (L - 1) - a.x * (L - 1)) * (y - a.y * (H - 1)) -
          (b.y * (H - 1) - a.y * (H - 1)) * (x - a.x * (L - 1)) >=
        0
      );
    });
}

const page: Coins = [
  { x: 0.2, y: 0.1 },
  { x: 0.8, y: 0.15 },
  { x: 0.85, y: 0.9 },
  { x: 0.1, y: 0.85 },
];

describe("ameliorerDocument", () => {
  it("lifts a shadow: paper becomes white on both sides, ink stays dark", () => {
    // Paper lit at 220 on the left and 110 (shadow) on the right; ink lines at 40 % of the local light.
    const L = 256;
    const H = 128;
    const lumiere = (x: number) => 220 - (110 * x) / (L - 1);
    const p = image(L, H, (x, y) => (y % 16 === 0 && x % 64 < 40 ? lumiere(x) * 0.4 : lumiere(x)));
    ameliorerDocument(p);
    expect(gris(p, 10, 5)).toBe(255);
    expect(gris(p, 245, 5)).toBe(255);
    expect(gris(p, 10, 16)).toBeLessThan(40);
    expect(gris(p, 200, 16)).toBeLessThan(40);
    expect(p.data[4 * 5 + 1]).toBe(p.data[4 * 5]); // grey: R = G = B
  });

  it("a filled dark box stays black inside (ink, not a shadow)", () => {
    const p = image(320, 320, (x, y) => (x > 64 && x < 256 && y > 64 && y < 200 ? 30 : 225));
    ameliorerDocument(p);
    expect(gris(p, 160, 130)).toBe(0);
    expect(gris(p, 10, 10)).toBe(255);
    expect(gris(p, 160, 260)).toBe(255);
  });
});

describe("devinerCoins", () => {
  it("finds the corners of a bright page on a dark table within 3 %", () => {
    const dedans = dansQuad(page, 200, 160);
    const coins = devinerCoins(image(200, 160, (x, y) => (dedans(x, y) ? 220 : 50)));
    coins.forEach((c, i) => {
      expect(Math.abs(c.x - page[i]!.x)).toBeLessThan(0.03);
      expect(Math.abs(c.y - page[i]!.y)).toBeLessThan(0.03);
    });
  });

  it("is not fooled by a shadow across the sheet, nor by ink inside it", () => {
    const dedans = dansQuad(page, 200, 160);
    const coins = devinerCoins(
      image(200, 160, (x, y) => {
        if (!dedans(x, y)) return 60;
        const ombre = x + y > 210 ? 0.55 : 1;
        return (y % 12 === 0 && x > 60 && x < 140 ? 40 : 235) * ombre;
      }),
    );
    coins.forEach((c, i) => {
      expect(Math.abs(c.x - page[i]!.x)).toBeLessThan(0.03);
      expect(Math.abs(c.y - page[i]!.y)).toBeLessThan(0.03);
    });
  });

  it("keeps the whole picture when the paper fills it", () => {
    expect(devinerCoins(image(100, 100, (x, y) => (x === 50 && y > 40 && y < 60 ? 20 : 230)))).toEqual(
      PAGE_ENTIERE,
    );
  });
});
