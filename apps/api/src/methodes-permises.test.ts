import { describe, expect, it } from "vitest";
import { methodesPermisesDe } from "./methodes-permises.js";

const routes = [
  { method: "ALL", path: "/v1/*" },
  { method: "GET", path: "/v1/outils" },
  { method: "GET", path: "/v1/outils.csv" },
  { method: "GET", path: "/v1/outils/:id" },
  { method: "GET", path: "/v1/devoirs/:id" },
  { method: "PATCH", path: "/v1/devoirs/:id" },
  { method: "DELETE", path: "/v1/devoirs/:id" },
  { method: "POST", path: "/v1/recommandations/visio" },
  { method: "GET", path: "/widgets/*" },
  { method: "OPTIONS", path: "/widgets/*" },
];

describe("methodesPermisesDe", () => {
  const permises = methodesPermisesDe(routes);

  it("liste les méthodes d'un chemin, HEAD avec GET, sans les intergiciels ALL", () => {
    expect(permises("/v1/devoirs/42")).toEqual(["DELETE", "GET", "HEAD", "PATCH"]);
    expect(permises("/v1/recommandations/visio")).toEqual(["POST"]);
    expect(permises("/widgets/v0.1.0/trousse.js")).toEqual(["GET", "HEAD", "OPTIONS"]);
  });

  it("un paramètre ne couvre qu'un segment ; le point est littéral", () => {
    expect(permises("/v1/outils/renavisio")).toEqual(["GET", "HEAD"]);
    expect(permises("/v1/outils/renavisio/autre")).toEqual([]);
    expect(permises("/v1/outilsXcsv")).toEqual([]);
  });

  it("aucun chemin connu : liste vide (la réponse reste 404)", () => {
    expect(permises("/nulle-part")).toEqual([]);
    expect(permises("/v1/inconnu")).toEqual([]);
  });
});
