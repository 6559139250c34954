import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { catalogue } from "@trousse/catalogue";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  catalogueDepuisReponse,
  chargerCatalogue,
  urlOutils,
  viderCacheCatalogue,
} from "./catalogue-distant.js";

const plusRecent = { ...catalogue, version: "2099-01-01", outils: catalogue.outils.slice(0, 3) };
const corpsRecent = JSON.stringify(plusRecent);
const ETAG = '"v-2099"';

let serveur: Server;
let base: string;
const requetes: { chemin: string; ifNoneMatch: string | undefined }[] = [];

function repondre(req: IncomingMessage, res: ServerResponse): void {
  const chemin = new URL(req.url ?? "/", "http://x").pathname;
  requetes.push({ chemin, ifNoneMatch: req.headers["if-none-match"] });
  if (chemin === "/api/v1/outils") {
    if (req.headers["if-none-match"] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
    return void res.writeHead(200, { "content-type": "application/json", etag: ETAG }).end(corpsRecent);
  }
  if (chemin === "/liste/v1/outils")
    return void res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ outils: plusRecent.outils }));
  if (chemin === "/html/v1/outils")
    return void res.writeHead(200, { "content-type": "text/html" }).end("<html>oups</html>");
  if (chemin === "/vide/v1/outils")
    return void res.writeHead(200, { "content-type": "application/json" }).end('{"outils":[]}');
  res.writeHead(500).end("panne");
}

beforeAll(async () => {
  serveur = createServer(repondre);
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => serveur.close(() => ok())));
beforeEach(() => {
  viderCacheCatalogue();
  requetes.length = 0;
});

describe("urlOutils", () => {
  it("ajoute v1/outils à la base, avec ou sans barre finale, relative à la page", () => {
    expect(urlOutils("https://trousse.example.fr/api")).toBe("https://trousse.example.fr/api/v1/outils");
    expect(urlOutils("https://trousse.example.fr/api/")).toBe("https://trousse.example.fr/api/v1/outils");
    expect(urlOutils("/api", "https://ent.example.fr/page")).toBe("https://ent.example.fr/api/v1/outils");
  });
});

describe("chargerCatalogue (vrai serveur HTTP local)", () => {
  it("charge le catalogue de l'API puis réutilise sa copie sur 304 (If-None-Match)", async () => {
    const premier = await chargerCatalogue(`${base}/api`, { parDefaut: catalogue });
    expect(premier.origine).toBe("api");
    expect(premier.erreur).toBeUndefined();
    expect(premier.catalogue.version).toBe("2099-01-01");
    expect(premier.catalogue.outils).toHaveLength(3);

    const second = await chargerCatalogue(`${base}/api`, { parDefaut: catalogue });
    expect(second.origine).toBe("api");
    expect(second.catalogue).toBe(premier.catalogue);
    expect(requetes.map((r) => r.ifNoneMatch)).toEqual([undefined, ETAG]);
  });

  it("accepte { outils } seul et complète avec les sources embarquées", async () => {
    const r = await chargerCatalogue(`${base}/liste`, { parDefaut: catalogue });
    expect(r.origine).toBe("api");
    expect(r.catalogue.outils).toHaveLength(3);
    expect(r.catalogue.sources).toBe(catalogue.sources);
  });

  it("retombe en silence sur le catalogue embarqué : statut 500, HTML, liste vide, serveur absent", async () => {
    const panne = await chargerCatalogue(`${base}/panne`, { parDefaut: catalogue });
    expect(panne).toMatchObject({ catalogue, origine: "embarque", erreur: { code: "api-injoignable" } });
    expect(panne.erreur?.message).toContain("500");

    const html = await chargerCatalogue(`${base}/html`, { parDefaut: catalogue });
    expect(html).toMatchObject({ catalogue, origine: "embarque", erreur: { code: "api-reponse-invalide" } });

    const vide = await chargerCatalogue(`${base}/vide`, { parDefaut: catalogue });
    expect(vide).toMatchObject({ catalogue, origine: "embarque", erreur: { code: "api-reponse-invalide" } });

    const absent = await chargerCatalogue("http://127.0.0.1:1/api", { parDefaut: catalogue });
    expect(absent).toMatchObject({ catalogue, origine: "embarque", erreur: { code: "api-injoignable" } });
  });
});

describe("catalogueDepuisReponse", () => {
  it("refuse un outil sans les champs dont les règles ont besoin", () => {
    expect(catalogueDepuisReponse([{ id: "x", nom: "X" }], catalogue)).toBeUndefined();
    expect(catalogueDepuisReponse(null, catalogue)).toBeUndefined();
    expect(catalogueDepuisReponse(plusRecent.outils, catalogue)?.outils).toHaveLength(3);
  });
});
