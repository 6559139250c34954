import { televersementsEnAttenteDe } from "@trousse/db";
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Server } from "@tus/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executable, pdf } from "../rendus/test-support/echantillons.js";
import {
  creerDevoir,
  creerMonde,
  metadonneesTus,
  type Monde,
  type Profil,
} from "../rendus/test-support/monde.js";

// Le PATCH tus servi directement sur la requête Node : un vrai serveur HTTP (@hono/node-server), de vraies
// connexions (coupure comprise), et la preuve que le serveur tus (flux web) n'est pas appelé pour les PATCH.

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
let monde: Monde;
let devoirId: string;
let serveur: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  monde = await creerMonde();
  devoirId = await creerDevoir(monde, {
    contraintes: { familles: ["document"], tailleMaxOctets: 5_000_000, nombreMax: 10 },
  });
  serveur = await new Promise((ok) => {
    const s = serve({ fetch: monde.app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s));
  });
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((ok) => serveur.close(() => ok()));
  await monde.fermer();
});

interface Reponse {
  status: number;
  entetes: http.IncomingHttpHeaders;
  corps: string;
}

function envoyer(
  methode: string,
  chemin: string,
  entetes: Record<string, string>,
  corps?: Buffer,
  options: { couperApres?: number; chunked?: boolean } = {},
): Promise<Reponse | null> {
  return new Promise((ok, ko) => {
    const r = http.request(`${base}${chemin}`, { method: methode, headers: entetes, agent: false }, (res) => {
      let texte = "";
      res.setEncoding("utf8");
      res.on("data", (m: string) => (texte += m));
      res.on("end", () => ok({ status: res.statusCode ?? 0, entetes: res.headers, corps: texte }));
    });
    r.on("error", (e) => (options.couperApres !== undefined ? ok(null) : ko(e)));
    if (!corps) return void r.end();
    if (options.couperApres !== undefined) {
      // Envoie le début puis coupe la connexion net, comme un téléphone qui perd le réseau.
      r.write(corps.subarray(0, options.couperApres), () => setTimeout(() => r.destroy(), 200));
      return;
    }
    if (options.chunked) {
      r.write(corps.subarray(0, corps.length >> 1));
      r.end(corps.subarray(corps.length >> 1));
      return;
    }
    r.end(corps);
  });
}

const auth = (profil: Profil) => ({
  authorization: `Bearer ${monde.jetons[profil]}`,
  "Tus-Resumable": "1.0.0",
});
const entetesPatch = (profil: Profil, offset: number, extra: Record<string, string> = {}) => ({
  ...auth(profil),
  "Upload-Offset": String(offset),
  "Content-Type": "application/offset+octet-stream",
  ...extra,
});

async function creer(profil: Profil, nom: string, taille: number): Promise<string> {
  const r = await envoyer("POST", "/v1/televersements", {
    ...auth(profil),
    "Upload-Length": String(taille),
    "Upload-Metadata": metadonneesTus({ filename: nom, devoir: devoirId }),
  });
  expect(r?.status).toBe(201);
  return String(r!.entetes.location).split("/").pop()!;
}

async function offset(profil: Profil, id: string): Promise<number> {
  const r = await envoyer("HEAD", `/v1/televersements/${id}`, auth(profil));
  expect(r?.status).toBe(200);
  return Number(r!.entetes["upload-offset"]);
}

const codeDe = (r: Reponse | null) => (JSON.parse(r!.corps) as { erreur: { code: string } }).erreur.code;

describe(`PATCH tus natif sur un vrai serveur Node (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("reçoit le fichier sans passer par le serveur tus (flux web), sha256 et type enregistrés", async () => {
    const espion = vi.spyOn(Server.prototype, "handleWeb");
    try {
      const contenu = pdf(300_000, 7);
      const id = await creer("eleve", "rédaction.pdf", contenu.length);
      const appelsApresCreation = espion.mock.calls.length;
      expect(appelsApresCreation).toBeGreaterThan(0); // POST passe bien par tus
      const r = await envoyer("PATCH", `/v1/televersements/${id}`, entetesPatch("eleve", 0), contenu);
      expect(r?.status).toBe(204);
      expect(r?.entetes["upload-offset"]).toBe(String(contenu.length));
      expect(r?.entetes["tus-resumable"]).toBe("1.0.0");
      expect(espion.mock.calls.length).toBe(appelsApresCreation);
      const termine = await monde.module.store.lireTermine(id);
      expect(termine).toMatchObject({
        sha256: sha(contenu),
        taille: contenu.length,
        mime: "application/pdf",
      });
    } finally {
      espion.mockRestore();
    }
  });

  it("connexion coupée au milieu : l'offset reçu est gardé, la reprise termine avec le bon sha256", async () => {
    const contenu = pdf(2_000_000, 8);
    const id = await creer("eleve", "gros.pdf", contenu.length);
    const coupe = await envoyer(
      "PATCH",
      `/v1/televersements/${id}`,
      entetesPatch("eleve", 0, { "Content-Length": String(contenu.length) }),
      contenu,
      { couperApres: 1_000_000 },
    );
    expect(coupe === null || coupe.status === 204).toBe(true);
    let recu = 0;
    for (let i = 0; i < 50 && recu === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      recu = await offset("eleve", id);
    }
    expect(recu).toBeGreaterThan(0);
    expect(recu).toBeLessThanOrEqual(1_000_000);
    // Une reprise avec un mauvais offset est refusée sans rien modifier.
    const faux = await envoyer(
      "PATCH",
      `/v1/televersements/${id}`,
      entetesPatch("eleve", recu + 1),
      contenu.subarray(recu + 1),
    );
    expect(faux?.status).toBe(409);
    expect(codeDe(faux)).toBe("decalage-incorrect");
    const suite = await envoyer(
      "PATCH",
      `/v1/televersements/${id}`,
      entetesPatch("eleve", recu),
      contenu.subarray(recu),
    );
    expect(suite?.status).toBe(204);
    expect(suite?.entetes["upload-offset"]).toBe(String(contenu.length));
    expect((await monde.module.store.lireTermine(id))?.sha256).toBe(sha(contenu));
  });

  it("l'envoi d'un autre élève répond 404 (son existence n'est pas révélée) ; sans jeton 401", async () => {
    const contenu = pdf(10_000, 9);
    const id = await creer("eleve", "a-moi.pdf", contenu.length);
    const autre = await envoyer("PATCH", `/v1/televersements/${id}`, entetesPatch("eleve2", 0), contenu);
    expect(autre?.status).toBe(404);
    expect(codeDe(autre)).toBe("televersement-introuvable");
    const sansJeton = await envoyer(
      "PATCH",
      `/v1/televersements/${id}`,
      { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
      contenu,
    );
    expect(sansJeton?.status).toBe(401);
    expect(await offset("eleve", id)).toBe(0);
  });

  it("refuse un mauvais type de contenu (415), un offset absent (400), un corps plus long que la taille (413)", async () => {
    const contenu = pdf(20_000, 10);
    const id = await creer("eleve", "controles.pdf", contenu.length);
    const type = await envoyer(
      "PATCH",
      `/v1/televersements/${id}`,
      entetesPatch("eleve", 0, { "Content-Type": "text/plain" }),
      contenu,
    );
    expect(type?.status).toBe(415);
    expect(codeDe(type)).toBe("type-contenu-invalide");
    const { "Upload-Offset": _o, ...sansOffset } = entetesPatch("eleve", 0);
    const absent = await envoyer("PATCH", `/v1/televersements/${id}`, sansOffset, contenu);
    expect(absent?.status).toBe(400);
    expect(codeDe(absent)).toBe("decalage-invalide");
    const tropLong = Buffer.concat([contenu, Buffer.alloc(10)]);
    const annonce = await envoyer("PATCH", `/v1/televersements/${id}`, entetesPatch("eleve", 0), tropLong);
    expect(annonce?.status).toBe(413);
    expect(codeDe(annonce)).toBe("fichier-trop-gros");
    // Sans Content-Length (chunked) : coupé au-delà de la taille annoncée, rien de plus n'est écrit.
    const chunked = await envoyer("PATCH", `/v1/televersements/${id}`, entetesPatch("eleve", 0), tropLong, {
      chunked: true,
    });
    expect(chunked?.status).toBe(413);
    expect(await offset("eleve", id)).toBeLessThanOrEqual(contenu.length);
  });

  it("un exécutable renommé en .pdf est refusé dès les premiers octets (415) et l'envoi supprimé", async () => {
    const contenu = executable();
    const id = await creer("eleve2", "devoir.pdf", contenu.length);
    const r = await envoyer("PATCH", `/v1/televersements/${id}`, entetesPatch("eleve2", 0), contenu);
    expect(r?.status).toBe(415);
    expect(codeDe(r)).toBe("fichier-executable");
    expect(
      await televersementsEnAttenteDe(monde.base.db, devoirId, monde.utilisateurs.eleve2.id),
    ).not.toContain(id);
  });
});
