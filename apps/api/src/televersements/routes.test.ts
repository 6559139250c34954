import { televersementsEnAttenteDe } from "@trousse/db";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono, type MiddlewareHandler } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../auth/deps.js";
import { creerModuleRendus } from "../rendre-un-devoir.js";
import { StoreTeleversements } from "./store-televersements.js";
import { executable, pdf, png } from "../rendus/test-support/echantillons.js";
import {
  creerDevoir,
  creerMonde,
  metadonneesTus,
  televerser,
  type Monde,
} from "../rendus/test-support/monde.js";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const TUS = { "Tus-Resumable": "1.0.0" };

let monde: Monde;
let devoirId: string;
beforeAll(async () => {
  monde = await creerMonde();
  monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
  devoirId = await creerDevoir(monde, {
    contraintes: { familles: ["document"], tailleMaxOctets: 100_000, nombreMax: 2 },
  });
});
afterAll(async () => monde.fermer());

async function erreur(r: Response): Promise<{ status: number; code: string; message: string }> {
  const corps = (await r.json()) as { erreur: { code: string; message: string } };
  return { status: r.status, ...corps.erreur };
}

async function creer(profil: "eleve" | "eleve2", metadata: string, taille: number) {
  return monde.requete("/v1/televersements", {
    method: "POST",
    profil,
    headers: { ...TUS, "Upload-Length": String(taille), "Upload-Metadata": metadata },
  });
}

describe(`téléversements tus (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("refuse un exécutable renommé en .pdf dès les premiers octets, et supprime l'envoi", async () => {
    const r = await televerser(monde, "eleve2", devoirId, "devoir.pdf", executable());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = await erreur(r.reponse);
    expect(e).toMatchObject({ status: 415, code: "fichier-executable" });
    expect(e.message).toMatch(/devoir\.pdf/);
    expect(await televersementsEnAttenteDe(monde.base.db, devoirId, monde.utilisateurs.eleve2.id)).toEqual(
      [],
    );
  });

  it("refuse un fichier d'une famille non autorisée (image pour un devoir « documents »)", async () => {
    const r = await televerser(monde, "eleve2", devoirId, "photo.pdf", png());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(await erreur(r.reponse)).toMatchObject({ status: 415, code: "type-non-autorise" });
  });

  it("refuse un fichier vide et un fichier trop gros avant de recevoir un seul octet", async () => {
    const vide = await creer("eleve2", metadonneesTus({ filename: "vide.pdf", devoir: devoirId }), 0);
    expect(await erreur(vide)).toMatchObject({ status: 400, code: "fichier-vide" });
    const gros = await creer("eleve2", metadonneesTus({ filename: "gros.pdf", devoir: devoirId }), 100_001);
    const e = await erreur(gros);
    expect(e).toMatchObject({ status: 413, code: "fichier-trop-gros" });
    expect(e.message).toMatch(/gros\.pdf/);
  });

  it("refuse un nom avec traversée de dossier et un nom qui n'est pas de l'UTF-8", async () => {
    const traverse = await creer(
      "eleve2",
      metadonneesTus({ filename: "../../etc/passwd.pdf", devoir: devoirId }),
      10,
    );
    expect(await erreur(traverse)).toMatchObject({ status: 400, code: "nom-invalide" });
    const latin1 = await creer(
      "eleve2",
      metadonneesTus({
        filename: new Uint8Array([0x45, 0x78, 0x70, 0x6f, 0x73, 0xe9, 0x2e, 0x70, 0x64, 0x66]),
        devoir: devoirId,
      }),
      10,
    );
    const e = await erreur(latin1);
    expect(e).toMatchObject({ status: 400, code: "nom-invalide" });
    expect(e.message).toMatch(/UTF-8/);
  });

  it("refuse un nom qui cache un contrôle de direction ou un caractère invisible (issue 9, constat 9)", async () => {
    // « facture\u202Egpj.exe » s'affiche « factureexe.jpg » : refusé avant tout octet, message sans le piège.
    const bidi = await creer(
      "eleve2",
      metadonneesTus({ filename: "facture\u202Egpj.exe", devoir: devoirId }),
      10,
    );
    const e = await erreur(bidi);
    expect(e).toMatchObject({ status: 400, code: "nom-invalide" });
    expect(e.message).toMatch(/sens d'écriture/);
    expect(e.message).not.toContain("\u202E");
    const invisible = await creer(
      "eleve2",
      metadonneesTus({ filename: "dev\u200Boir.pdf", devoir: devoirId }),
      10,
    );
    const e2 = await erreur(invisible);
    expect(e2).toMatchObject({ status: 400, code: "nom-invalide" });
    expect(e2.message).toMatch(/caractère invisible/);
    expect(await televersementsEnAttenteDe(monde.base.db, devoirId, monde.utilisateurs.eleve2.id)).toEqual(
      [],
    );
  });

  it("refuse un contenu inerte sous une extension active, et un contenu actif caché (issue 9, constat 10)", async () => {
    const images = await creerDevoir(monde, {
      contraintes: { familles: ["document", "image"], tailleMaxOctets: 100_000, nombreMax: 3 },
    });
    // Octets magiques JPEG puis HTML, nommé .html : une image pour l'API, une page pour le disque.
    const polyglotte = Buffer.concat([
      Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"),
      Buffer.from("<html><script>alert(1)</script></html>"),
    ]);
    const r = await televerser(monde, "eleve2", images, "photo.html", polyglotte);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = await erreur(r.reponse);
    expect(e).toMatchObject({ status: 415, code: "extension-incoherente" });
    expect(e.message).toMatch(/est en réalité une image \(JPG\).*Renommez-le en «\u00a0photo\.jpg\u00a0»/);
    // Un fragment HTML dont le script est au-delà des octets examinés (5 000 espaces).
    const html = Buffer.from(`<p>${" ".repeat(5000)}<html><script>alert(1)</script></html>`);
    const r2 = await televerser(monde, "eleve2", images, "notes.txt", html);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(await erreur(r2.reponse)).toMatchObject({ status: 415, code: "fichier-executable" });
    expect(await televersementsEnAttenteDe(monde.base.db, images, monde.utilisateurs.eleve2.id)).toEqual([]);
    // Le même JPEG, bien nommé, passe.
    expect((await televerser(monde, "eleve2", images, "photo.jpg", polyglotte)).ok).toBe(true);
  });

  it("exige la taille annoncée, un devoir et un nom ; refuse des métadonnées mal formées", async () => {
    const sansTaille = await monde.requete("/v1/televersements", {
      method: "POST",
      profil: "eleve2",
      headers: {
        ...TUS,
        "Upload-Defer-Length": "1",
        "Upload-Metadata": metadonneesTus({ filename: "a.pdf", devoir: devoirId }),
      },
    });
    expect(await erreur(sansTaille)).toMatchObject({ status: 400, code: "taille-requise" });
    expect(await erreur(await creer("eleve2", metadonneesTus({ filename: "a.pdf" }), 10))).toMatchObject({
      code: "devoir-requis",
    });
    expect(await erreur(await creer("eleve2", metadonneesTus({ devoir: devoirId }), 10))).toMatchObject({
      code: "nom-requis",
    });
    // Le code dit ce qui ne va pas (il était le générique « requete-invalide »).
    expect(await erreur(await creer("eleve2", "filename @@@", 10))).toMatchObject({
      status: 400,
      code: "metadonnees-invalides",
    });
  });

  it("limite le nombre de fichiers pendant l'envoi (nombreMax = 2)", async () => {
    const a = await televerser(monde, "eleve2", devoirId, "a.pdf", pdf(1000));
    const b = await televerser(monde, "eleve2", devoirId, "b.pdf", pdf(1000));
    expect(a.ok && b.ok).toBe(true);
    const c = await creer("eleve2", metadonneesTus({ filename: "c.pdf", devoir: devoirId }), 1000);
    expect(await erreur(c)).toMatchObject({ status: 422, code: "trop-de-fichiers" });
    // Annuler un envoi libère une place.
    if (a.ok)
      expect(
        (
          await monde.requete(`/v1/televersements/${a.id}`, {
            method: "DELETE",
            profil: "eleve2",
            headers: TUS,
          })
        ).status,
      ).toBe(204);
    expect(
      (await creer("eleve2", metadonneesTus({ filename: "c.pdf", devoir: devoirId }), 1000)).status,
    ).toBe(201);
  });

  it("refuse plus d'octets que la taille annoncée", async () => {
    const r = await televerser(monde, "eleve", devoirId, "menteur.pdf", pdf(3000), { tailleAnnoncee: 2000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reponse.status).toBe(413);
  });

  it("reprend un envoi interrompu là où il s'est arrêté, sha256 exact, même après un redémarrage", async () => {
    const devoirId = await creerDevoir(monde, {
      contraintes: { familles: ["document"], tailleMaxOctets: 100_000, nombreMax: 2 },
    });
    const fichier = pdf(60_000, 3);
    const creation = await creer(
      "eleve",
      metadonneesTus({ filename: "long.pdf", devoir: devoirId }),
      fichier.length,
    );
    expect(creation.status).toBe(201);
    const id = creation.headers.get("location")!.split("/").pop()!;
    const patch = (offset: number, morceau: Buffer) =>
      monde.requete(`/v1/televersements/${id}`, {
        method: "PATCH",
        profil: "eleve",
        headers: {
          ...TUS,
          "Upload-Offset": String(offset),
          "Content-Type": "application/offset+octet-stream",
        },
        body: morceau,
      });
    // Un premier morceau plus court que les octets d'examen : écrit, examiné à la reprise.
    expect((await patch(0, fichier.subarray(0, 1000))).status).toBe(204);
    expect((await patch(1000, fichier.subarray(1000, 54_000))).status).toBe(204);
    // « Redémarrage » : l'état du hash en mémoire est perdu, le préfixe est relu du disque.
    monde.module.store.empreintes.oublier(id);
    const head = await monde.requete(`/v1/televersements/${id}`, {
      method: "HEAD",
      profil: "eleve",
      headers: TUS,
    });
    expect(head.headers.get("upload-offset")).toBe("54000");
    const mauvaisDecalage = await patch(1000, fichier.subarray(1000));
    expect(mauvaisDecalage.status).toBe(409);
    const relusAvant = monde.module.store.empreintes.octetsRelus;
    expect((await patch(54_000, fichier.subarray(54_000))).status).toBe(204);
    expect(monde.module.store.empreintes.octetsRelus - relusAvant).toBe(54_000);
    const termine = await monde.module.store.lireTermine(id);
    expect(termine).toMatchObject({ sha256: sha(fichier), taille: fichier.length, mime: "application/pdf" });
    expect(sha(await readFile(termine!.chemin))).toBe(sha(fichier));
    // Un nouveau magasin sur le même dossier (redémarrage réel) retrouve l'envoi terminé et l'index.
    const redemarre = new StoreTeleversements({ dossier: monde.module.store.dossier });
    await redemarre.initialiser();
    expect(await redemarre.lireTermine(id)).toMatchObject({ sha256: sha(fichier) });
    expect(await televersementsEnAttenteDe(monde.base.db, devoirId, monde.utilisateurs.eleve.id)).toContain(
      id,
    );
  });

  it("un envoi n'est visible que de son auteur ; GET refusé ; session exigée", async () => {
    const devoirId = await creerDevoir(monde);
    const t = await televerser(monde, "eleve", devoirId, "moi.pdf", pdf(1000));
    if (!t.ok) throw new Error("envoi");
    const autre = await monde.requete(`/v1/televersements/${t.id}`, {
      method: "HEAD",
      profil: "eleve2",
      headers: TUS,
    });
    expect(autre.status).toBe(404);
    const supprimer = await monde.requete(`/v1/televersements/${t.id}`, {
      method: "DELETE",
      profil: "eleve2",
      headers: TUS,
    });
    expect(supprimer.status).toBe(404);
    expect(
      (await monde.requete(`/v1/televersements/${t.id}`, { method: "GET", profil: "eleve" })).status,
    ).toBe(405);
    expect((await monde.requete(`/v1/televersements/${t.id}`, { method: "HEAD", headers: TUS })).status).toBe(
      401,
    );
    expect(
      (
        await monde.requete("/v1/televersements", {
          method: "POST",
          headers: { ...TUS, "Upload-Length": "10" },
        })
      ).status,
    ).toBe(401);
    // Un élève d'une autre classe ne peut pas envoyer pour ce devoir.
    const dehors = await televerser(monde, "eleveAutreClasse" as "eleve", devoirId, "x.pdf", pdf(1000));
    expect(dehors.ok).toBe(false);
    if (!dehors.ok) expect(dehors.reponse.status).toBe(404);
  });

  it("un rendu ne peut pas utiliser l'envoi d'un autre élève ni un envoi inachevé", async () => {
    const devoirId = await creerDevoir(monde);
    const t = await televerser(monde, "eleve", devoirId, "a-moi.pdf", pdf(1000));
    if (!t.ok) throw new Error("envoi");
    const vol = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      profil: "eleve2",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ televersements: [t.id] }),
    });
    expect(await erreur(vol)).toMatchObject({ status: 404, code: "televersement-introuvable" });
    const partiel = await creer("eleve", metadonneesTus({ filename: "partiel.pdf", devoir: devoirId }), 5000);
    const idPartiel = partiel.headers.get("location")!.split("/").pop()!;
    const r = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      profil: "eleve",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ televersements: [idPartiel] }),
    });
    expect(await erreur(r)).toMatchObject({ status: 409, code: "televersement-inacheve" });
  });
});

describe("CORS des envois", () => {
  it("tus n'ouvre jamais l'envoi à toutes les origines (« * ») : la liste de l'API décide", async () => {
    const m = await creerMonde();
    try {
      m.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
      const d = await creerDevoir(m);
      const r = await m.requete("/v1/televersements", {
        method: "POST",
        profil: "eleve",
        headers: {
          ...TUS,
          Origin: "https://site-inconnu.example",
          "Upload-Length": "1000",
          "Upload-Metadata": metadonneesTus({ filename: "a.pdf", devoir: d }),
        },
      });
      expect(r.status).toBe(201);
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await m.fermer();
    }
  });
});

describe("un seul endroit répond à PATCH /v1/televersements/:id", () => {
  it("la session est vérifiée une fois par requête, le PATCH web reçoit le fichier", async () => {
    const devoir = await creerDevoir(monde);
    const dossier = await mkdtemp(path.join(tmpdir(), "trousse-tus-une-route-"));
    let verifications = 0;
    const session: Session = {
      utilisateur: monde.utilisateurs.eleve,
      jti: "jti-de-test",
      expireLe: new Date(Date.now() + 3_600_000),
    };
    const exigerSession: MiddlewareHandler<{ Variables: { session: Session } }> = async (c, next) => {
      verifications++;
      c.set("session", session);
      await next();
    };
    const module = creerModuleRendus({
      db: monde.base.db,
      exigerSession,
      dossierDonnees: dossier,
      maintenant: () => monde.horloge.maintenant,
      periodeNettoyageMs: 0,
    });
    try {
      await module.pret;
      const app = new Hono().route("/v1", module.app);
      const fichier = pdf(2000);
      const creation = await app.request("http://trousse.test/v1/televersements", {
        method: "POST",
        headers: {
          ...TUS,
          "Upload-Length": String(fichier.length),
          "Upload-Metadata": metadonneesTus({ filename: "une.pdf", devoir }),
        },
      });
      expect(creation.status).toBe(201);
      const chemin = creation.headers.get("location")!;
      verifications = 0;
      const patch = await app.request(`http://trousse.test${chemin}`, {
        method: "PATCH",
        headers: { ...TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
        body: fichier,
      });
      expect(patch.status).toBe(204);
      expect(patch.headers.get("upload-offset")).toBe(String(fichier.length));
      expect(verifications).toBe(1);
    } finally {
      module.arreter();
      await rm(dossier, { recursive: true, force: true });
    }
  });

  it("le chemin web (sans requête Node) refuse les mêmes en-têtes avec les mêmes codes que le chemin natif", async () => {
    const t = await televerser(monde, "eleve", devoirId, "web.pdf", pdf(1000), { morceaux: 1 });
    if (!t.ok) throw new Error("envoi");
    const patch = (entetes: Record<string, string>) =>
      monde.requete(`/v1/televersements/${t.id}`, {
        method: "PATCH",
        profil: "eleve",
        headers: {
          ...TUS,
          "Content-Type": "application/offset+octet-stream",
          "Upload-Offset": "0",
          ...entetes,
        },
        body: Buffer.from("%PDF"),
      });
    expect(await erreur(await patch({ "Upload-Offset": "-1" }))).toMatchObject({
      status: 400,
      code: "decalage-invalide",
    });
    expect(await erreur(await patch({ "Content-Type": "text/plain" }))).toMatchObject({
      status: 415,
      code: "type-contenu-invalide",
    });
    expect(await erreur(await patch({ "Upload-Length": "1000" }))).toMatchObject({
      status: 400,
      code: "taille-deja-annoncee",
    });
    expect(
      await erreur(await patch({ "Upload-Checksum": "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=" })),
    ).toMatchObject({
      status: 400,
      code: "somme-controle-non-prise-en-charge",
    });
    expect(await erreur(await patch({ "Tus-Resumable": "0.2.2" }))).toMatchObject({
      status: 412,
      code: "version-tus-non-prise-en-charge",
    });
    const get = await monde.requete(`/v1/televersements/${t.id}`, { method: "GET", profil: "eleve" });
    expect(await erreur(get)).toMatchObject({ status: 405, code: "methode-non-permise" });
    expect(get.headers.get("allow")).toBe("DELETE, HEAD, OPTIONS, PATCH");
  });
});
