import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { corsListe } from "./securite.js";

function app(demo: boolean) {
  const a = new Hono();
  a.use("/v1/*", corsListe(["https://ent.exemple.fr"], { demo }));
  a.get("/v1/x", (c) => c.json({ ok: true }));
  return a;
}

describe("corsListe", () => {
  it("hors démonstration : seules les origines de la liste reçoivent Access-Control-Allow-Origin", async () => {
    const connue = await app(false).request("/v1/x", { headers: { origin: "https://ent.exemple.fr" } });
    expect(connue.headers.get("access-control-allow-origin")).toBe("https://ent.exemple.fr");
    const inconnue = await app(false).request("/v1/x", { headers: { origin: "https://site.exemple.fr" } });
    expect(inconnue.headers.get("access-control-allow-origin")).toBeNull();
    const preVol = await app(false).request("/v1/x", {
      method: "OPTIONS",
      headers: { origin: "https://site.exemple.fr", "access-control-request-method": "GET" },
    });
    expect(preVol.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("en démonstration : un widget collé sur toute page peut appeler l'API (jamais de credentials)", async () => {
    const r = await app(true).request("/v1/x", { headers: { origin: "https://site.exemple.fr" } });
    expect(r.headers.get("access-control-allow-origin")).toBe("https://site.exemple.fr");
    expect(r.headers.get("access-control-allow-credentials")).toBeNull();
    const preVol = await app(true).request("/v1/x", {
      method: "OPTIONS",
      headers: { origin: "https://site.exemple.fr", "access-control-request-method": "GET" },
    });
    expect(preVol.headers.get("access-control-allow-origin")).toBe("https://site.exemple.fr");
  });
});
