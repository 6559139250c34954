import { describe, expect, it } from "vitest";
import { verifierEntetesTus } from "./entetes-tus.js";

const MAX = 2 ** 31;
const verifier = (methode: string, entetes: Record<string, string>) =>
  verifierEntetesTus(methode, (n) => entetes[n], { tailleMax: MAX });
const code = (methode: string, entetes: Record<string, string>) => verifier(methode, entetes)?.code ?? null;
const TUS = { "tus-resumable": "1.0.0" };
const PATCH = { ...TUS, "upload-offset": "0", "content-type": "application/offset+octet-stream" };

describe("verifierEntetesTus", () => {
  it("laisse passer des en-têtes justes, et OPTIONS sans rien vérifier", () => {
    expect(
      verifier("POST", { ...TUS, "upload-length": "100", "upload-metadata": "filename YS5wZGY=" }),
    ).toBeNull();
    expect(verifier("PATCH", PATCH)).toBeNull();
    expect(verifier("HEAD", TUS)).toBeNull();
    expect(verifier("DELETE", TUS)).toBeNull();
    expect(verifier("OPTIONS", {})).toBeNull();
  });

  it("412 : Tus-Resumable absent ou d'une autre version", () => {
    expect(verifier("HEAD", {})).toMatchObject({ status_code: 412, code: "version-tus-requise" });
    expect(verifier("HEAD", { "tus-resumable": "0.2.2" })).toMatchObject({
      status_code: 412,
      code: "version-tus-non-prise-en-charge",
    });
  });

  it("Upload-Length : entier sans signe, zéro de tête ni décimale ; au-delà du plafond 413", () => {
    for (const v of ["-1", "abc", "10.5", "1e3", "0x10", "007", "", " 1", "2^64"]) {
      expect(code("POST", { ...TUS, "upload-length": v })).toBe("taille-invalide");
    }
    expect(verifier("POST", { ...TUS, "upload-length": "18446744073709551616" })).toMatchObject({
      status_code: 413,
      code: "fichier-trop-gros",
    });
    expect(code("POST", { ...TUS, "upload-length": String(MAX) })).toBeNull();
    expect(code("POST", { ...TUS, "upload-length": String(MAX + 1) })).toBe("fichier-trop-gros");
    expect(code("POST", { ...TUS, "upload-length": "0" })).toBeNull();
  });

  it("taille requise à la création ; la taille différée n'est pas proposée", () => {
    expect(code("POST", TUS)).toBe("taille-requise");
    expect(code("POST", { ...TUS, "upload-defer-length": "1" })).toBe("taille-requise");
    expect(code("POST", { ...TUS, "upload-defer-length": "1", "upload-length": "10" })).toBe(
      "taille-requise",
    );
  });

  it("métadonnées : des paires « clé base64 », chaque clé une fois, comme tus les lit", () => {
    for (const v of ["filename @@@", "", ",", "a b c", "a YQ==,a YQ==", "é YQ==", " a YQ=="]) {
      expect(code("POST", { ...TUS, "upload-length": "1", "upload-metadata": v })).toBe(
        "metadonnees-invalides",
      );
    }
    expect(code("POST", { ...TUS, "upload-length": "1", "upload-metadata": "a,b YQ==" })).toBeNull();
  });

  it("PATCH : Upload-Offset entier, Content-Type tus, pas de nouvelle taille", () => {
    const { "upload-offset": _o, ...sansOffset } = PATCH;
    expect(code("PATCH", sansOffset)).toBe("decalage-invalide");
    for (const v of ["-1", "1.5", "abc", "", "99999999999999999999"]) {
      expect(code("PATCH", { ...PATCH, "upload-offset": v })).toBe("decalage-invalide");
    }
    expect(verifier("PATCH", { ...PATCH, "content-type": "text/plain" })).toMatchObject({
      status_code: 415,
      code: "type-contenu-invalide",
    });
    const { "content-type": _t, ...sansType } = PATCH;
    expect(code("PATCH", sansType)).toBe("type-contenu-invalide");
    expect(code("PATCH", { ...PATCH, "upload-length": "10" })).toBe("taille-deja-annoncee");
  });

  it("refuse en 400, sans « réessayez », les extensions et en-têtes non proposés", () => {
    const cas: [Record<string, string>, string][] = [
      [{ "upload-concat": "partial" }, "concatenation-non-prise-en-charge"],
      [{ "upload-concat": "final;/a /b" }, "concatenation-non-prise-en-charge"],
      [{ "upload-checksum": "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=" }, "somme-controle-non-prise-en-charge"],
      [{ "x-http-method-override": "PATCH" }, "surcharge-methode-non-prise-en-charge"],
      [{ "x-forwarded-proto": "ftp" }, "en-tete-invalide"],
    ];
    for (const methode of ["POST", "PATCH", "HEAD", "DELETE"]) {
      for (const [entetes, attendu] of cas) {
        const e = verifier(methode, { ...PATCH, "upload-length": "1", ...entetes });
        expect(e).toMatchObject({ status_code: 400, code: attendu });
        expect(e!.message).not.toMatch(/réessayez/i);
      }
    }
  });
});
