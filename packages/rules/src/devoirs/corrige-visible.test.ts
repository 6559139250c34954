import { describe, expect, it } from "vitest";
import { corrigeVisible } from "./corrige-visible.js";

const devoir = { publicationCorrige: "2026-04-01T08:00:00+02:00" };

describe("corrigeVisible", () => {
  it("la publication est incluse : visible à l'instant exact, pas une seconde avant", () => {
    expect(corrigeVisible({ devoir, enseignant: false, maintenant: "2026-04-01T05:59:59Z" })).toBe(false);
    expect(corrigeVisible({ devoir, enseignant: false, maintenant: "2026-04-01T06:00:00Z" })).toBe(true);
    expect(corrigeVisible({ devoir, enseignant: false, maintenant: "2026-05-01T00:00:00Z" })).toBe(true);
  });

  it("sans date de publication, jamais visible des élèves ; toujours visible de l'enseignant", () => {
    const sans = { publicationCorrige: null };
    expect(corrigeVisible({ devoir: sans, enseignant: false, maintenant: "2030-01-01T00:00:00Z" })).toBe(
      false,
    );
    expect(corrigeVisible({ devoir: {}, enseignant: false, maintenant: "2030-01-01T00:00:00Z" })).toBe(false);
    expect(corrigeVisible({ devoir: sans, enseignant: true, maintenant: "2020-01-01T00:00:00Z" })).toBe(true);
    expect(corrigeVisible({ devoir, enseignant: true, maintenant: "2020-01-01T00:00:00Z" })).toBe(true);
  });
});
