import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { journalAudit } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { png, pdf } from "./test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde, type Profil } from "./test-support/monde.js";

// Teacher-side thumbnails (issue 10, defect 9): `GET /v1/rendus/{id}/fichiers/{fichierId}/apercu` serves a
// handed-in image INLINE only when its stored bytes are a raster image, with that type, `nosniff` and a
// sandboxed CSP; never SVG or HTML, whatever the row says.

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
}, 120_000);
afterAll(async () => monde.fermer());

const json = { "content-type": "application/json" };

async function rendre(devoirId: string, fichiers: [string, Buffer][]) {
  const ids: string[] = [];
  for (const [nom, contenu] of fichiers) {
    const t = await televerser(monde, "eleve", devoirId, nom, contenu);
    if (!t.ok) throw new Error(await t.reponse.text());
    ids.push(t.id);
  }
  const r = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: json,
    body: JSON.stringify({ televersements: ids }),
  });
  expect(r.status).toBe(201);
  const { accuseReception } = (await r.json()) as {
    accuseReception: { renduId: string; fichiers: { id: string; nom: string }[] };
  };
  return accuseReception;
}

const apercu = (renduId: string, fichierId: string, profil: Profil = "enseignant") =>
  monde.requete(`/v1/rendus/${renduId}/fichiers/${fichierId}/apercu`, { profil });

async function fichierSurDisque(id: string, dossier = monde.dossier): Promise<string | null> {
  for (const e of await readdir(dossier, { withFileTypes: true })) {
    const p = path.join(dossier, e.name);
    if (e.isDirectory()) {
      const trouve = await fichierSurDisque(id, p);
      if (trouve) return trouve;
    } else if (e.name === id) return p;
  }
  return null;
}

describe(`vignettes des images rendues (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("une image PNG : servie en ligne, type image/png, nosniff, CSP sandbox, les octets exacts ; pas de journal d'audit", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const a = await rendre(devoirId, [["image.png", png()]]);
    const r = await apercu(a.renduId, a.fichiers[0]!.id);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/png");
    expect(r.headers.get("content-disposition")).toBe("inline");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await r.arrayBuffer()).equals(png())).toBe(true);
    const journal = await monde.base.db
      .select()
      .from(journalAudit)
      .where(eq(journalAudit.renduId, a.renduId));
    expect(journal).toEqual([]);
    // The pupil who handed it in sees it too; another pupil does not learn it exists.
    expect((await apercu(a.renduId, a.fichiers[0]!.id, "eleve")).status).toBe(200);
    const autre = await apercu(a.renduId, a.fichiers[0]!.id, "eleve2");
    expect(autre.status).toBe(404);
    expect(((await autre.json()) as { erreur: { code: string } }).erreur.code).toBe("rendu-introuvable");
  });

  it("un PDF : 415 apercu-indisponible, en français, et le téléchargement reste", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const a = await rendre(devoirId, [["copie.pdf", pdf(3000)]]);
    const r = await apercu(a.renduId, a.fichiers[0]!.id);
    expect(r.status).toBe(415);
    const { erreur } = (await r.json()) as { erreur: { code: string; message: string } };
    expect(erreur.code).toBe("apercu-indisponible");
    expect(erreur.message).toContain("« copie.pdf » n'a pas de vignette");
    const telecharge = await monde.requete(`/v1/rendus/${a.renduId}/fichiers/${a.fichiers[0]!.id}`, {
      profil: "enseignant",
    });
    expect(telecharge.status).toBe(200);
    expect(telecharge.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("des octets SVG ou HTML sous une ligne « image/png » : jamais servis en ligne (415)", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const a = await rendre(devoirId, [["image.png", png()]]);
    const chemin = await fichierSurDisque(a.fichiers[0]!.id);
    expect(chemin).not.toBeNull();
    for (const hostile of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
      "<!doctype html><script>alert(document.domain)</script>",
    ]) {
      await writeFile(chemin!, hostile);
      const r = await apercu(a.renduId, a.fichiers[0]!.id);
      expect(r.status).toBe(415);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await r.text()).not.toContain("<script>");
    }
  });

  it("un fichier inconnu de ce rendu : 404 fichier-introuvable", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const a = await rendre(devoirId, [["image.png", png()]]);
    const r = await apercu(a.renduId, "00000000-0000-4000-8000-000000000000");
    expect(r.status).toBe(404);
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("fichier-introuvable");
  });
});
