import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { ErreurAuth } from "../auth/erreurs.js";
import { ErreurApi } from "./erreur-api.js";
import { versErreurApi } from "./repondre.js";

describe("versErreurApi : tout ce qui est levé devient l'erreur unique, ou un bogue", () => {
  it("une erreur de connexion est une ErreurApi comme une autre", () => {
    const e = new ErreurAuth("session-expiree", "Votre session a expiré.", 401);
    expect(e).toBeInstanceOf(ErreurApi);
    expect(versErreurApi(e)).toMatchObject({ status: 401, code: "session-expiree" });
  });

  it("les exceptions HTTP de Hono reçoivent leur code stable", () => {
    expect(
      versErreurApi(new HTTPException(400, { message: "Malformed JSON in request body" })),
    ).toMatchObject({
      status: 400,
      code: "json-invalide",
    });
    expect(versErreurApi(new HTTPException(415))).toMatchObject({
      status: 415,
      code: "type-contenu-invalide",
    });
  });

  it("une base injoignable donne 503 base-indisponible avec Retry-After", () => {
    const refus = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const e = versErreurApi(new Error("Failed query: select …", { cause: refus }));
    expect(e).toMatchObject({ status: 503, code: "base-indisponible", entetes: { "Retry-After": "5" } });
  });

  it("un encodage d'adresse invalide donne 400, un bogue reste un bogue", () => {
    expect(versErreurApi(new URIError("URI malformed"))).toMatchObject({
      status: 400,
      code: "adresse-invalide",
    });
    expect(versErreurApi(new TypeError("x is undefined"))).toBeNull();
  });
});
