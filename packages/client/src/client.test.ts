import { describe, expect, it } from "vitest";
import { creerClientTrousse } from "./client.js";
import { exiger } from "./erreur.js";

/** A fetch that records each request and answers the given JSON. */
function fetchEnregistreur(statut: number, corps: unknown) {
  const requetes: Request[] = [];
  const faux = async (requete: Request): Promise<Response> => {
    requetes.push(requete);
    return new Response(corps === undefined ? null : JSON.stringify(corps), {
      status: statut,
      headers: corps === undefined ? {} : { "content-type": "application/json" },
    });
  };
  return { requetes, fetch: faux };
}

describe("creerClientTrousse", () => {
  it("appelle le chemin documenté, paramètres remplis, sous l'adresse de l'API (sans / final)", async () => {
    const f = fetchEnregistreur(200, { statut: "a-rendre", libelle: "À rendre", versions: [] });
    const client = creerClientTrousse({ api: "https://trousse.exemple.fr/", fetch: f.fetch });
    await client.GET("/v1/devoirs/{id}/mon-rendu", { params: { path: { id: "d 1/é" } } });
    expect(f.requetes[0]?.url).toBe("https://trousse.exemple.fr/v1/devoirs/d%201%2F%C3%A9/mon-rendu");
    expect(f.requetes[0]?.method).toBe("GET");
  });

  it("envoie le jeton en Bearer, lu à chaque appel", async () => {
    const f = fetchEnregistreur(200, {});
    let jeton: string | undefined = "j1";
    const client = creerClientTrousse({ api: "https://t.test", jeton: () => jeton, fetch: f.fetch });
    await client.GET("/v1/auth/moi");
    jeton = undefined;
    await client.GET("/v1/auth/moi");
    expect(f.requetes.map((r) => r.headers.get("authorization"))).toEqual(["Bearer j1", null]);
  });

  it("envoie le corps en JSON", async () => {
    const f = fetchEnregistreur(201, { accuseReception: {} });
    const client = creerClientTrousse({ api: "https://t.test", jeton: "j", fetch: f.fetch });
    await client.POST("/v1/devoirs/{id}/rendre", {
      params: { path: { id: "d1" } },
      body: { televersements: ["t1"], declarationCochee: true },
    });
    const requete = f.requetes[0]!;
    expect(requete.headers.get("content-type")).toBe("application/json");
    expect(await requete.json()).toEqual({ televersements: ["t1"], declarationCochee: true });
  });

  it("avec exiger : les données, ou l'erreur de l'API", async () => {
    const ok = creerClientTrousse({
      api: "https://t.test",
      fetch: fetchEnregistreur(200, { nonLus: 2 }).fetch,
    });
    expect(await exiger(ok.GET("/v1/rappels"))).toEqual({ nonLus: 2 });
    const refus = creerClientTrousse({
      api: "https://t.test",
      fetch: fetchEnregistreur(401, { erreur: { code: "non-connecte", message: "Connectez-vous." } }).fetch,
    });
    await expect(exiger(refus.GET("/v1/rappels"))).rejects.toMatchObject({
      code: "non-connecte",
      statut: 401,
    });
  });
});
