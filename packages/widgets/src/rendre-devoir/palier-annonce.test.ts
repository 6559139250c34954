import { describe, expect, it } from "vitest";
import { palierAnnonce } from "./palier-annonce.js";

describe("palierAnnonce", () => {
  it("annonce tous les 10 % seulement", () => {
    expect(palierAnnonce(9, 0)).toBeNull();
    expect(palierAnnonce(23, 10)).toBe(20);
    expect(palierAnnonce(27, 20)).toBeNull();
    expect(palierAnnonce(100, 90)).toBe(100);
    expect(palierAnnonce(140, 90)).toBe(100);
  });
});
