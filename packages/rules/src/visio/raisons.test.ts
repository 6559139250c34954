import { catalogue, getOutil } from "@trousse/catalogue";
import { describe, expect, it } from "vitest";
import { coursIdentifie2D, reunionInterne } from "./fixtures.test-utils.js";
import { LIBELLES_RAISONS } from "./libelles.js";
import { POIDS_RAISONS, scorer } from "./raisons.js";

describe("scorer", () => {
  it("additionne les poids documentés des raisons qui s'appliquent", () => {
    const cned = scorer(getOutil("classe-virtuelle-cned")!, coursIdentifie2D, catalogue);
    expect(cned.raisons.map((r) => r.code)).toEqual([
      "solution-a-privilegier",
      "eleves-identifies",
      "public-vise",
      "outil-national",
    ]);
    expect(cned.score).toBe(40 + 20 + 10 + 10);
    const somme = cned.raisons.reduce((t, r) => t + POIDS_RAISONS[r.code as keyof typeof POIDS_RAISONS], 0);
    expect(cned.score).toBe(somme);
  });

  it("range les raisons par poids décroissant", () => {
    const ovh = scorer(getOutil("ovhcloud")!, { ...reunionInterne, objet: "audioconference" }, catalogue);
    expect(ovh.raisons.map((r) => r.code)).toEqual([
      "audioconference",
      "reunions-en-ligne-agents",
      "audio-dedie",
      "public-vise",
    ]);
    expect(ovh.score).toBe(70);
  });

  it("ne donne aucun point sans fait qui le justifie", () => {
    const jitsi = scorer(getOutil("jitsi")!, { ...coursIdentifie2D, elevesIdentifies: false }, catalogue);
    expect(jitsi.raisons.map((r) => r.code)).toEqual(["hebergement-academique"]);
    expect(jitsi.score).toBe(5);
  });

  it("a un libellé français pour chaque raison", () => {
    for (const code of Object.keys(POIDS_RAISONS))
      expect(LIBELLES_RAISONS[code as keyof typeof LIBELLES_RAISONS]).toBeTruthy();
  });
});
