import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseApi, creerClientApi, ErreurApiTrousse } from "./client-api.js";
import { saisieDepuisFormulaire, valeursInitiales } from "./formulaire-devoir.js";

let serveur: Server;
let base = "";
const recues: { methode: string; chemin: string; auth: string | undefined; corps: string }[] = [];

beforeAll(async () => {
  // A real local HTTP server answering like the API.
  serveur = createServer((req: IncomingMessage, res) => {
    let corps = "";
    req.on("data", (c: Buffer) => (corps += c.toString()));
    req.on("end", () => {
      recues.push({
        methode: req.method ?? "",
        chemin: req.url ?? "",
        auth: req.headers.authorization,
        corps,
      });
      const json = (status: number, v: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(v));
      if (req.url === "/v1/devoirs" && req.method === "GET")
        return json(200, { devoirs: [{ id: "d1", titre: "T" }] });
      if (req.url === "/v1/devoirs/d1/rendre")
        return json(422, {
          erreur: { code: "type-non-accepte", message: "Ce type de fichier n'est pas accepté." },
        });
      if (req.url === "/v1/devoirs/a%2Fb%20c" && req.method === "PATCH") return json(200, { devoir: {} });
      if (req.url === "/v1/rappels/r%3F1/lu" && req.method === "POST") return res.writeHead(204).end();
      if (req.url === "/v1/auth/moi")
        return json(401, { erreur: { code: "session-expiree", message: "Session expirée." } });
      res.writeHead(500, { "content-type": "text/html" }).end("<h1>panne</h1>");
    });
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => serveur.close(() => ok())));

describe("creerClientApi (vrai serveur HTTP local)", () => {
  it("envoie le jeton en Bearer et lit le JSON", async () => {
    const client = creerClientApi({ api: base, jeton: () => "jeton-1" });
    expect(await client.devoirs()).toEqual({ devoirs: [{ id: "d1", titre: "T" }] });
    expect(recues.at(-1)).toMatchObject({ methode: "GET", chemin: "/v1/devoirs", auth: "Bearer jeton-1" });
  });

  it("poste le corps JSON et rend l'erreur de l'API avec son code, son message et son statut", async () => {
    const client = creerClientApi({ api: base, jeton: () => "j" });
    const e = await client.rendre("d1", ["t1"], true).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurApiTrousse);
    expect(e).toMatchObject({
      code: "type-non-accepte",
      message: "Ce type de fichier n'est pas accepté.",
      status: 422,
    });
    expect(JSON.parse(recues.at(-1)!.corps)).toEqual({ televersements: ["t1"], declarationCochee: true });
  });

  it("signale 401 (session expirée), une réponse non JSON et un serveur injoignable", async () => {
    const client = creerClientApi({ api: base, jeton: () => undefined });
    await expect(client.moi()).rejects.toMatchObject({ code: "session-expiree", status: 401 });
    expect(recues.at(-1)!.auth).toBeUndefined();
    await expect(client.suivi("x")).rejects.toMatchObject({ code: "reponse-invalide", status: 500 });
    const absent = creerClientApi({ api: "http://127.0.0.1:1", jeton: () => "j" });
    await expect(absent.devoirs()).rejects.toMatchObject({ code: "reseau-indisponible" });
  });
});

describe("creerClientApi : chemins documentés", () => {
  it("remplit les {…} du chemin avec les identifiants encodés, avec la méthode en majuscules (PATCH)", async () => {
    const client = creerClientApi({ api: base, jeton: () => "j" });
    const saisie = saisieDepuisFormulaire(valeursInitiales(undefined, new Date("2026-03-02T08:00:00Z")));
    expect(await client.modifierDevoir("a/b c", { ...saisie, titre: "Rédaction" })).toEqual({ devoir: {} });
    expect(recues.at(-1)).toMatchObject({ methode: "PATCH", chemin: "/v1/devoirs/a%2Fb%20c" });
    expect(JSON.parse(recues.at(-1)!.corps)).toMatchObject({ titre: "Rédaction" });
    await client.marquerLu("r?1");
    expect(recues.at(-1)).toMatchObject({ methode: "POST", chemin: "/v1/rappels/r%3F1/lu", corps: "" });
  });
});

describe("baseApi", () => {
  it("résout l'adresse relative à la page et retire la barre finale", () => {
    expect(baseApi("https://trousse.example.fr/")).toBe("https://trousse.example.fr");
    expect(baseApi("/trousse/", "https://ent.example.fr/page")).toBe("https://ent.example.fr/trousse");
  });
});
