import { request as requeteHttp } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limiterCorps } from "./limiter-corps.js";

function app() {
  const a = new Hono();
  a.use("*", limiterCorps(1024));
  a.post("/json", async (c) => c.json({ recu: await c.req.json() }));
  a.post("/brut", async (c) =>
    c.json({ octets: (await new Response(c.req.raw.body).arrayBuffer()).byteLength }),
  );
  a.get("/", (c) => c.text("ok"));
  return a;
}

/** One HTTP request on the real Node server; `morceaux` are sent chunked (no Content-Length). */
function envoyer(
  port: number,
  chemin: string,
  options: { corps?: string; morceaux?: string[]; methode?: string },
): Promise<{ status: number; corps: string }> {
  return new Promise((ok, ko) => {
    const r = requeteHttp(
      {
        host: "127.0.0.1",
        port,
        path: chemin,
        method: options.methode ?? "POST",
        headers: {
          "content-type": "application/json",
          ...(options.corps !== undefined ? { "content-length": Buffer.byteLength(options.corps) } : {}),
        },
      },
      (res) => {
        let corps = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (corps += d));
        res.on("end", () => ok({ status: res.statusCode ?? 0, corps }));
      },
    );
    r.on("error", ko);
    if (options.morceaux) for (const m of options.morceaux) r.write(m);
    r.end(options.corps);
  });
}

describe("limiterCorps sous @hono/node-server", () => {
  let serveur: ServerType;
  let port: number;
  beforeAll(async () => {
    await new Promise<void>((ok) => {
      serveur = serve({ fetch: app().fetch, port: 0, hostname: "127.0.0.1" }, () => ok());
    });
    port = (serveur.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => serveur.close(() => ok())));

  it("Content-Length sous la limite : la route lit le JSON", async () => {
    const r = await envoyer(port, "/json", { corps: JSON.stringify({ a: "é".repeat(10) }) });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.corps)).toEqual({ recu: { a: "é".repeat(10) } });
  });

  it("Content-Length au-delà : 413 corps-trop-volumineux, message en français", async () => {
    const r = await envoyer(port, "/json", { corps: JSON.stringify({ a: "x".repeat(2000) }) });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.corps)).toEqual({
      erreur: {
        code: "corps-trop-volumineux",
        message: "Le corps de la requête dépasse la taille permise (1 Kio).",
      },
    });
  });

  it("corps en morceaux (sans Content-Length) sous la limite : lu une fois, servi au JSON et au flux brut", async () => {
    const json = await envoyer(port, "/json", { morceaux: ['{"a":', '"b', 'c"}'] });
    expect(json.status).toBe(200);
    expect(JSON.parse(json.corps)).toEqual({ recu: { a: "bc" } });
    const brut = await envoyer(port, "/brut", { morceaux: ["x".repeat(500), "y".repeat(500)] });
    expect(JSON.parse(brut.corps)).toEqual({ octets: 1000 });
  });

  it("corps en morceaux au-delà de la limite : 413, même sans Content-Length", async () => {
    const r = await envoyer(port, "/json", { morceaux: ["x".repeat(600), "y".repeat(600)] });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.corps).erreur.code).toBe("corps-trop-volumineux");
  });

  it("GET passe sans lire de corps", async () => {
    const r = await envoyer(port, "/", { methode: "GET" });
    expect(r).toEqual({ status: 200, corps: "ok" });
  });
});

describe("limiterCorps sans requête Node (app.request)", () => {
  it("compte aussi le corps et répond 413", async () => {
    const a = app();
    const petit = await a.request("/json", {
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
    expect(await petit.json()).toEqual({ recu: { a: 1 } });
    const gros = await a.request("/json", { method: "POST", body: "x".repeat(2000) });
    expect(gros.status).toBe(413);
    expect(((await gros.json()) as { erreur: { code: string } }).erreur.code).toBe("corps-trop-volumineux");
  });
});
