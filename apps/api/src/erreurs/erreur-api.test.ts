import { describe, expect, it } from "vitest";
import { corpsErreur, ErreurApi, reponseErreur } from "./erreur-api.js";

describe("reponseErreur", () => {
  it("un corps JSON dont le Content-Length est exact, même avec des caractères accentués", async () => {
    const r = reponseErreur(
      new ErreurApi(412, "version-tus-requise", "L'en-tête Tus-Resumable manque : « 1.0.0 » attendu."),
    );
    const octets = new Uint8Array(await r.clone().arrayBuffer());
    expect(r.status).toBe(412);
    expect(Number(r.headers.get("content-length"))).toBe(octets.byteLength);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await r.json()).toEqual({
      erreur: { code: "version-tus-requise", message: "L'en-tête Tus-Resumable manque : « 1.0.0 » attendu." },
    });
  });

  it("garde les en-têtes de l'erreur (Retry-After, Allow)", () => {
    const r = reponseErreur(new ErreurApi(503, "base-indisponible", "…", undefined, { "Retry-After": "5" }));
    expect(r.headers.get("retry-after")).toBe("5");
  });
});

describe("corpsErreur", () => {
  it("n'écrit details que s'il y en a", () => {
    expect(corpsErreur("a-b", "m", [])).toEqual({ erreur: { code: "a-b", message: "m" } });
    const d = [{ champ: "x", code: "type-invalide", message: "doit être un texte" }];
    expect(corpsErreur("a-b", "m", d)).toEqual({ erreur: { code: "a-b", message: "m", details: d } });
  });
});
