import type { Server } from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerControleAdmission } from "./admission.js";

// Admission control on the wire: a shed PATCH is answered 503 with Retry-After on a connection that stays
// sound. Closing a socket under body bytes still unread sends a TCP reset: the client (tus-js-client in a
// browser) then sees a lost connection instead of the 503, and on a kept-alive connection the next request
// is lost with it. Raw sockets, so that a reset shows as what it is.

const BORNES = { envoisMax: 1, octetsEnVolMax: 1 << 30, delaiBoucleMaxMs: 0, reessaiSecondes: 20 };
const TAILLE = 3_000_000;

let serveur: ReturnType<typeof serve>;
let port: number;
const liberations: (() => void)[] = [];
const controle = creerControleAdmission(BORNES);

beforeAll(async () => {
  const app = new Hono();
  app.use("/v1/televersements/*", controle.middleware);
  // The upload in flight holds the one slot until the end.
  app.post(
    "/v1/televersements",
    () => new Promise<Response>((ok) => liberations.push(() => ok(new Response(null, { status: 204 })))),
  );
  app.patch("/v1/televersements/:id", () => new Response(null, { status: 204 }));
  app.get("/health", (c) => c.text("ok"));
  serveur = await new Promise((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s));
  });
  port = (serveur.address() as AddressInfo).port;
  const tenu = net.connect(port, "127.0.0.1");
  tenu.write("POST /v1/televersements HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
  for (let i = 0; i < 100 && controle.etat().envoisEnCours === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  expect(controle.etat().envoisEnCours).toBe(1);
});

afterAll(async () => {
  liberations.splice(0).forEach((f) => f());
  (serveur as Server).closeAllConnections();
  await new Promise((r) => serveur.close(r));
  controle.arreter();
});

/**
 * Sends a PATCH of TAILLE bytes in slices over about `dureeMs`, then `suite` on the same connection;
 * resolves with everything read until the server closes, or the socket's error.
 */
function envoyer(
  connexion: "close" | "keep-alive",
  dureeMs: number,
  suite = "",
): Promise<{ lu: string; erreur: string | null; ecrit: number }> {
  return new Promise((ok) => {
    const s = net.connect(port, "127.0.0.1");
    let lu = "";
    let ecrit = 0;
    let erreur: string | null = null;
    s.on("data", (m: Buffer) => {
      lu += m.toString("latin1");
      // Both answers read: close from our side.
      if (suite && (lu.match(/HTTP\/1\.1 /g) ?? []).length >= 2 && lu.endsWith("ok")) s.end();
    });
    s.on("error", (e: NodeJS.ErrnoException) => (erreur = e.code ?? e.message));
    s.on("close", () => ok({ lu, erreur, ecrit }));
    s.write(
      `PATCH /v1/televersements/abc HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n` +
        `Content-Type: application/offset+octet-stream\r\nContent-Length: ${TAILLE}\r\nConnection: ${connexion}\r\n\r\n`,
    );
    const tranches = 10;
    const tranche = Buffer.alloc(TAILLE / tranches, 0x61);
    let n = 0;
    const suivante = () => {
      if (s.destroyed) return;
      s.write(tranche, (e) => {
        if (!e) ecrit += tranche.length;
      });
      if (++n < tranches) setTimeout(suivante, dureeMs / tranches);
      else if (suite) s.write(suite);
    };
    suivante();
  });
}

describe("contrôle d'admission sur le fil", () => {
  it("PATCH délesté, Connection: close : un 503 entier avec Retry-After, tout le corps accepté, jamais de reset", async () => {
    const r = await envoyer("close", 300);
    expect(r.erreur).toBeNull();
    expect(r.lu).toMatch(/^HTTP\/1\.1 503 /);
    expect(r.lu).toMatch(/\r\nretry-after: \d+\r\n/i);
    expect(r.lu).toContain('"code":"serveur-occupe"');
    expect(r.ecrit).toBe(TAILLE);
  });

  it("PATCH délesté sur une connexion gardée ouverte, corps lent (plus d'une seconde) : la requête suivante est servie", async () => {
    const r = await envoyer("keep-alive", 1200, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(r.erreur).toBeNull();
    const reponses = r.lu.split(/(?=HTTP\/1\.1 )/);
    expect(reponses.map((x) => x.slice(0, 12))).toEqual(["HTTP/1.1 503", "HTTP/1.1 200"]);
    expect(reponses[0]).toMatch(/\r\nretry-after: \d+\r\n/i);
    expect(reponses[1]).toMatch(/ok$/);
  });
});
