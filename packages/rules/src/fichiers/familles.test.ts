import { describe, expect, it } from "vitest";
import { listerFamilles, nomFamille, toutesFeminines } from "./familles.js";

describe("familles", () => {
  it("nomme les familles au singulier et au pluriel", () => {
    expect(nomFamille("video")).toBe("une vidéo");
    expect(nomFamille("audio", "fr", true)).toBe("fichiers audio");
    expect(nomFamille("image", "en")).toBe("an image");
  });

  it("liste les familles dans l'ordre fixe, quel que soit l'ordre reçu", () => {
    expect(listerFamilles(["image", "document"])).toBe("les documents et images");
    expect(listerFamilles(["video"])).toBe("les vidéos");
    expect(listerFamilles(["video", "audio", "document"], "en")).toBe("documents, audio files and videos");
    expect(listerFamilles([])).toBe("");
  });

  it("sait quand accorder au féminin", () => {
    expect(toutesFeminines(["image", "video"])).toBe(true);
    expect(toutesFeminines(["image", "document"])).toBe(false);
    expect(toutesFeminines([])).toBe(false);
  });
});
