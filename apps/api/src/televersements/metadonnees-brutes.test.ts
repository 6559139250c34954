import { describe, expect, it } from "vitest";
import { lireMetadonneesBrutes } from "./metadonnees-brutes.js";
import { traduireErreurTus, erreurTeleversement } from "./erreur-televersement.js";

describe("lireMetadonneesBrutes", () => {
  it("rend les octets exacts de chaque valeur, sans décodage UTF-8", () => {
    const m = lireMetadonneesBrutes(
      `filename ${Buffer.from([0x45, 0xe9]).toString("base64")},devoir YWJj,vide`,
    )!;
    expect([...m.get("filename")!]).toEqual([0x45, 0xe9]);
    expect(Buffer.from(m.get("devoir")!).toString()).toBe("abc");
    expect(m.get("vide")!.length).toBe(0);
  });
  it("refuse une valeur qui n'est pas du base64, une clé en double ou trop de jetons", () => {
    expect(lireMetadonneesBrutes("filename @@@")).toBeNull();
    expect(lireMetadonneesBrutes("a YQ==,a YQ==")).toBeNull();
    expect(lireMetadonneesBrutes("a YQ== b")).toBeNull();
    expect(lireMetadonneesBrutes(null)?.size).toBe(0);
  });
});

describe("traduireErreurTus", () => {
  it("traduit les erreurs anglaises de tus en JSON français à code stable", () => {
    const t = traduireErreurTus({ status_code: 409, body: "Upload-Offset conflict\n" });
    expect(t.status_code).toBe(409);
    expect(JSON.parse(t.body)).toEqual({
      erreur: { code: "decalage-incorrect", message: expect.stringMatching(/reprenez/) },
    });
    expect(JSON.parse(traduireErreurTus(new Error("boum")).body).erreur.code).toBe("erreur-interne");
  });
  it("garde nos erreurs telles quelles", () => {
    const e = erreurTeleversement(415, "fichier-executable", "Le fichier « a.pdf » est un programme.");
    expect(traduireErreurTus(e)).toEqual({
      status_code: 415,
      body: JSON.stringify({
        erreur: { code: "fichier-executable", message: "Le fichier « a.pdf » est un programme." },
      }),
    });
  });
});
