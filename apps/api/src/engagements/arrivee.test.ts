import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { horodaterArrivee, type EnvArrivee } from "./arrivee.js";

// The stamp is taken once the whole body has arrived (not at the headers: a client could send them before
// the due date and the sha256 later), before anything slow, and the first stamp of a request is kept.

const a = (iso: string) => new Date(iso);

function application(horloge: { maintenant: Date }) {
  const app = new Hono<EnvArrivee>();
  app.use(
    "*",
    horodaterArrivee(() => horloge.maintenant),
  );
  app.post(
    "/engager",
    horodaterArrivee(() => a("2030-01-01T00:00:00Z")),
    async (c) => {
      const corps = (await c.req.json()) as { sha256: string };
      return c.json({ arriveeLe: c.get("arriveeLe")?.toISOString(), sha256: corps.sha256 });
    },
  );
  return app;
}

describe("horodaterArrivee", () => {
  it("prend l'heure quand le corps entier est arrivé, pas à l'arrivée des en-têtes", async () => {
    const horloge = { maintenant: a("2026-03-31T23:58:00+02:00") };
    let envoyer!: () => void;
    const corps = new ReadableStream<Uint8Array>({
      start(controleur) {
        envoyer = () => {
          controleur.enqueue(new TextEncoder().encode(JSON.stringify({ sha256: "ab".repeat(32) })));
          controleur.close();
        };
      },
    });
    const reponse = application(horloge).request("/engager", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: corps,
      duplex: "half",
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 50));
    horloge.maintenant = a("2026-04-01T00:05:00+02:00"); // the body comes after the due date
    envoyer();
    const r = await reponse;
    expect(r.status).toBe(200);
    // The validator still reads the body Hono cached, and the route's own (second) stamp did not replace it.
    expect(await r.json()).toEqual({
      arriveeLe: a("2026-04-01T00:05:00+02:00").toISOString(),
      sha256: "ab".repeat(32),
    });
  });

  it("un corps déjà là : l'heure d'arrivée, même si la suite attend", async () => {
    const horloge = { maintenant: a("2026-03-31T23:59:59+02:00") };
    const app = new Hono<EnvArrivee>();
    app.use(
      "*",
      horodaterArrivee(() => horloge.maintenant),
    );
    app.post("/engager", async (c) => {
      horloge.maintenant = a("2026-04-01T00:00:30+02:00"); // slow lookups
      await new Promise((r) => setTimeout(r, 10));
      return c.json({ arriveeLe: c.get("arriveeLe")?.toISOString() });
    });
    const r = await app.request("/engager", { method: "POST", body: "{}" });
    expect(await r.json()).toEqual({ arriveeLe: a("2026-03-31T23:59:59+02:00").toISOString() });
  });
});
