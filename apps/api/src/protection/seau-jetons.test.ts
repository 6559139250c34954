import { describe, expect, it } from "vitest";
import { SeauxDeJetons } from "./seau-jetons.js";

describe("SeauxDeJetons", () => {
  it("lets a burst of `capacite` through, then refuses with the wait before the next token", () => {
    let t = 0;
    const s = new SeauxDeJetons(() => t);
    for (let i = 0; i < 3; i++) expect(s.prendre("k", 3, 60_000).accepte).toBe(true);
    const refus = s.prendre("k", 3, 60_000);
    expect(refus).toEqual({ accepte: false, reessayerDansS: 20, restant: 0 });
    t = 20_000;
    expect(s.prendre("k", 3, 60_000).accepte).toBe(true);
    expect(s.prendre("k", 3, 60_000).accepte).toBe(false);
  });

  it("counts each key apart", () => {
    const s = new SeauxDeJetons(() => 0);
    expect(s.prendre("a", 1, 1000).accepte).toBe(true);
    expect(s.prendre("a", 1, 1000).accepte).toBe(false);
    expect(s.prendre("b", 1, 1000).accepte).toBe(true);
  });

  it("never refills above capacity and forgets idle keys", () => {
    let t = 0;
    const s = new SeauxDeJetons(() => t);
    s.prendre("a", 2, 1000);
    s.prendre("b", 2, 1000);
    expect(s.taille).toBe(2);
    t = 10_000;
    expect(s.prendre("c", 2, 1000).restant).toBe(1);
    expect(s.taille).toBe(1);
    expect(s.prendre("a", 2, 1000).restant).toBe(1);
  });
});
