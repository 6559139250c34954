import { describe, expect, it } from "vitest";
import { messageOrigineRefusee, normaliserOrigine, origineAutorisee } from "./origines.js";

describe("normaliserOrigine", () => {
  it("rend la forme canonique d'une origine http(s)", () => {
    expect(normaliserOrigine("https://ENT.Exemple.fr")).toBe("https://ent.exemple.fr");
    expect(normaliserOrigine("https://ent.exemple.fr:443/")).toBe("https://ent.exemple.fr");
    expect(normaliserOrigine("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
  });
  it("refuse tout ce qui n'est pas exactement une origine", () => {
    for (const texte of [
      "https://ent.exemple.fr/page",
      "https://a@ent.fr",
      "javascript:alert(1)",
      "null",
      "*",
      "https://ent.fr?x",
      "ftp://ent.fr",
      "",
    ]) {
      expect(normaliserOrigine(texte), texte).toBeNull();
    }
  });
});

describe("origineAutorisee", () => {
  const base = "https://trousse.exemple.fr";
  it("accepte les origines de l'ENT et celle de l'API", () => {
    expect(origineAutorisee("https://ent.exemple.fr", ["https://ent.exemple.fr/"], base)).toBe(true);
    expect(origineAutorisee("https://trousse.exemple.fr", [], base)).toBe(true);
  });
  it("refuse les autres, même ressemblantes", () => {
    expect(origineAutorisee("https://ent.exemple.fr.pirate.example", ["https://ent.exemple.fr"], base)).toBe(
      false,
    );
    expect(origineAutorisee("http://ent.exemple.fr", ["https://ent.exemple.fr"], base)).toBe(false);
    expect(origineAutorisee("https://ent.exemple.fr:8443", ["https://ent.exemple.fr"], base)).toBe(false);
  });
});

describe("origineAutorisee : boucle locale et démonstration (issue 10)", () => {
  it("127.0.0.1, localhost et [::1] sont le même serveur, au même port et schéma seulement", () => {
    expect(origineAutorisee("http://127.0.0.1:8787", [], "http://localhost:8787")).toBe(true);
    expect(origineAutorisee("http://localhost:8787", [], "http://127.0.0.1:8787")).toBe(true);
    expect(origineAutorisee("http://[::1]:8787", [], "http://localhost:8787")).toBe(true);
    expect(origineAutorisee("http://localhost:3000", [], "http://localhost:8787")).toBe(false);
    expect(origineAutorisee("https://localhost:8787", [], "http://localhost:8787")).toBe(false);
    expect(origineAutorisee("http://127.0.0.1:8787", [], "https://trousse.exemple.fr")).toBe(false);
  });
  it("en démonstration, toute origine http(s) ; jamais un texte qui n'est pas une origine", () => {
    expect(origineAutorisee("https://site.exemple.fr", [], "https://t.exemple.fr", { demo: true })).toBe(
      true,
    );
    expect(origineAutorisee("javascript:alert(1)", [], "https://t.exemple.fr", { demo: true })).toBe(false);
    expect(origineAutorisee("https://site.exemple.fr", [], "https://t.exemple.fr")).toBe(false);
  });
  it("le refus dit au webmestre quel réglage compléter", () => {
    const m = messageOrigineRefusee("https://site.exemple.fr/", "ODE Paris");
    expect(m).toContain("« https://site.exemple.fr »");
    expect(m).toContain("originesAutorisees");
    expect(m).toContain("TROUSSE_ENTS");
    expect(m).toContain("ODE Paris");
  });
});
