import { describe, expect, it } from "vitest";
import {
  LIBELLES_STATUT_RENDU,
  LIBELLES_STATUT_SUIVI,
  libelleStatutRendu,
  libelleStatutSuivi,
} from "./libelles.js";
import { STATUTS_RENDU } from "./statut-rendu.js";
import { STATUTS_SUIVI } from "./statut-suivi.js";

describe("libellés des statuts", () => {
  it("chaque statut élève a un libellé français et anglais, tous distincts", () => {
    expect(Object.keys(LIBELLES_STATUT_RENDU).sort()).toEqual([...STATUTS_RENDU].sort());
    const fr = STATUTS_RENDU.map((s) => libelleStatutRendu(s));
    const en = STATUTS_RENDU.map((s) => libelleStatutRendu(s, "en"));
    expect(new Set(fr).size).toBe(STATUTS_RENDU.length);
    expect(new Set(en).size).toBe(STATUTS_RENDU.length);
    expect(libelleStatutRendu("corrige-disponible")).toBe("Corrigé disponible");
    expect(libelleStatutRendu("a-rendre", "en")).toBe("To hand in");
  });

  it("chaque statut de suivi a un libellé français et anglais, tous distincts", () => {
    expect(Object.keys(LIBELLES_STATUT_SUIVI).sort()).toEqual([...STATUTS_SUIVI].sort());
    expect(new Set(STATUTS_SUIVI.map((s) => libelleStatutSuivi(s))).size).toBe(STATUTS_SUIVI.length);
    expect(new Set(STATUTS_SUIVI.map((s) => libelleStatutSuivi(s, "en"))).size).toBe(STATUTS_SUIVI.length);
    expect(libelleStatutSuivi("non-rendu")).toBe("Non rendu");
  });
});
