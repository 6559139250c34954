import { describe, expect, it } from "vitest";
import { ErreurTrousse, exiger } from "./erreur.js";

const reponse = (statut: number) => new Response(null, { status: statut });

describe("exiger", () => {
  it("rend les données d'une réponse réussie", async () => {
    expect(await exiger({ data: { a: 1 }, response: reponse(200) })).toEqual({ a: 1 });
  });

  it("lève l'erreur de l'API avec son code, son message, son statut et ses détails", async () => {
    const details = [{ champ: "titre", message: "Le titre est obligatoire." }];
    const e = await exiger({
      error: { erreur: { code: "requete-invalide", message: "Requête invalide.", details } },
      response: reponse(400),
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurTrousse);
    expect(e).toMatchObject({ code: "requete-invalide", message: "Requête invalide.", statut: 400, details });
  });

  it("une erreur qui n'a pas la forme Trousse devient reponse-invalide", async () => {
    await expect(exiger({ error: "Bad Gateway", response: reponse(502) })).rejects.toMatchObject({
      code: "reponse-invalide",
      statut: 502,
      message: "Le serveur Trousse a répondu 502.",
    });
  });

  it("un serveur injoignable devient reseau-indisponible (statut 0)", async () => {
    await expect(exiger(Promise.reject(new TypeError("fetch failed")))).rejects.toMatchObject({
      code: "reseau-indisponible",
      statut: 0,
    });
  });
});
