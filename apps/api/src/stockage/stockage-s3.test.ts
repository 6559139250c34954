import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import { fichiersRendu, rendus } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exporterEtablissement } from "../commandes/exporter-etablissement.js";
import { purgerRendus } from "../commandes/purger-rendus.js";
import { pdf, png } from "../rendus/test-support/echantillons.js";
import { lireZip } from "../rendus/test-support/lire-zip.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "../rendus/test-support/monde.js";
import { StockageS3 } from "./stockage-s3.js";
import { demarrerS3Local, type S3Local } from "./test-support/s3-local.js";

// The whole « rendre un devoir » module on an S3 store (s3rver on loopback): hand-ins, subjects and
// corrigés, feedback files, downloads, the streamed ZIP, export and purge; and the store cut → « rendre »
// answers 503 stockage-indisponible with Retry-After, nothing is acknowledged, and it works once back.

const json = { "content-type": "application/json" };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let s3: S3Local;
let stockage: StockageS3;
let monde: Monde;
beforeAll(async () => {
  s3 = await demarrerS3Local({ prefixe: "academie/" });
  stockage = new StockageS3(s3.config);
  monde = await creerMonde({ stockage });
});
afterAll(async () => {
  await monde.fermer();
  await s3.fermer();
});

const rendre = (devoirId: string, ids: string[]) =>
  monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: json,
    body: JSON.stringify({ televersements: ids }),
  });

describe("« Rendre un devoir » sur un stockage S3", () => {
  it("le rendu va dans le bucket (taille et sha256 relus), le dossier d'attente est vidé, ZIP et téléchargements lisent S3", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const f1 = pdf(200_000, 3);
    const f2 = png();
    const t1 = await televerser(monde, "eleve", devoirId, "copie.pdf", f1, { morceaux: 3 });
    const t2 = await televerser(monde, "eleve", devoirId, "schéma.png", f2);
    if (!t1.ok || !t2.ok) throw new Error("envoi");
    const r = await rendre(devoirId, [t1.id, t2.id]);
    expect(r.status).toBe(201);
    const accuse = (
      (await r.json()) as { accuseReception: { renduId: string; fichiers: { id: string; sha256: string }[] } }
    ).accuseReception;
    // In the database: the sha256 of the receipt; in the store: the same bytes under the same path.
    const lignes = await monde.base.db
      .select()
      .from(fichiersRendu)
      .where(eq(fichiersRendu.renduId, accuse.renduId));
    expect(lignes.map((l) => l.sha256).sort()).toEqual([sha(f1), sha(f2)].sort());
    for (const l of lignes) {
      const objet = await stockage.client.statObject(s3.config.bucket, `academie/${l.chemin}`);
      expect(objet.size).toBe(l.taille);
      expect(objet.metaData.sha256).toBe(l.sha256);
      expect(sha(await buffer(await stockage.lire(l.chemin)))).toBe(l.sha256);
    }
    // The spool no longer holds the uploads: only finished files went to the store, and they left the spool.
    await expect(readFile(monde.module.store.chemin(t1.id))).rejects.toMatchObject({ code: "ENOENT" });

    const zip = await monde.requete(`/v1/devoirs/${devoirId}/rendus.zip`, { profil: "enseignant" });
    expect(zip.status).toBe(200);
    const { entrees } = lireZip(Buffer.from(await zip.arrayBuffer()));
    expect(entrees.map((e) => e.nom)).toEqual([
      "manifeste.csv",
      "Léa Dupont/copie.pdf",
      "Léa Dupont/schéma.png",
    ]);
    expect(entrees[1]!.contenu.equals(f1)).toBe(true);
    expect(entrees[2]!.contenu.equals(f2)).toBe(true);

    const mien = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" })
    ).json()) as {
      versions: { fichiers: { url: string; sha256: string }[] }[];
    };
    const url = mien.versions[0]!.fichiers.find((f) => f.sha256 === sha(f1))!.url;
    const dl = await monde.requete(url, { profil: "eleve" });
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(f1)).toBe(true);

    // Feedback file from the teacher, read back by the pupil from S3.
    const fr = pdf(5000, 11);
    const tr = await televerser(monde, "enseignant", devoirId, "annotée.pdf", fr);
    if (!tr.ok) throw new Error(await tr.reponse.text());
    const retour = await monde.requete(`/v1/rendus/${accuse.renduId}/retour`, {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: JSON.stringify({ commentaire: "Bien.", televersement: tr.id }),
    });
    expect(retour.status).toBe(201);
    const apres = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" })
    ).json()) as {
      retour: { fichier: { url: string } };
    };
    const dlRetour = await monde.requete(apres.retour.fichier.url, { profil: "eleve" });
    expect(Buffer.from(await dlRetour.arrayBuffer()).equals(fr)).toBe(true);
  });

  it("sujet et corrigé : joints, téléchargés, retirés (l'objet disparaît du bucket)", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const id = await creerDevoir(monde, { titre: "Sujet sur S3" });
    const sujet = pdf(9000, 4);
    const t = await televerser(monde, "enseignant", id, "sujet.pdf", sujet);
    if (!t.ok) throw new Error(await t.reponse.text());
    const ajout = await monde.requete(`/v1/devoirs/${id}/fichiers`, {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: JSON.stringify({ nature: "sujet", televersements: [t.id] }),
    });
    expect(ajout.status).toBe(201);
    const fichierId = ((await ajout.json()) as { fichiers: { id: string }[] }).fichiers[0]!.id;
    const dl = await monde.requete(`/v1/devoirs/${id}/fichiers/${fichierId}`, { profil: "eleve" });
    expect(Buffer.from(await dl.arrayBuffer()).equals(sujet)).toBe(true);
    expect(await stockage.present(`sujets/${id}/${fichierId}`, sujet.length)).toBe(true);
    const retrait = await monde.requete(`/v1/devoirs/${id}/fichiers/${fichierId}`, {
      method: "DELETE",
      profil: "enseignant",
    });
    expect(retrait.status).toBe(204);
    expect(await stockage.present(`sujets/${id}/${fichierId}`, sujet.length)).toBe(false);
  });

  it("stockage coupé : « rendre » répond 503 stockage-indisponible avec Retry-After, rien n'est accusé ; puis le même envoi se rend", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { titre: "Panne du stockage" });
    const f = pdf(50_000, 8);
    const t = await televerser(monde, "eleve", devoirId, "copie.pdf", f);
    if (!t.ok) throw new Error("envoi");
    await s3.couper();
    let r: Response;
    try {
      r = await rendre(devoirId, [t.id]);
    } finally {
      await s3.retablir();
    }
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("5");
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("stockage-indisponible");
    expect(await monde.base.db.select().from(rendus).where(eq(rendus.devoirId, devoirId))).toEqual([]);
    // The upload is still in the spool, whole: the same « rendre » succeeds once the store is back.
    const encore = await rendre(devoirId, [t.id]);
    expect(encore.status).toBe(201);
  });

  it("export (copie vérifiée par sha256 depuis S3) et purge (les objets des devoirs purgés disparaissent)", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { titre: "Devoir à exporter puis purger" });
    const f = pdf(30_000, 2);
    const t = await televerser(monde, "eleve", devoirId, "copie.pdf", f);
    if (!t.ok) throw new Error("envoi");
    expect((await rendre(devoirId, [t.id])).status).toBe(201);
    const sortie = await mkdtemp(path.join(tmpdir(), "trousse-export-s3-"));
    try {
      const resume = await exporterEtablissement(
        monde.base.db,
        stockage,
        { id: monde.utilisateurs.eleve.etablissementId! },
        sortie,
      );
      expect(resume.fichiers).toBeGreaterThanOrEqual(1);
      const donnees = JSON.parse(await readFile(path.join(sortie, "donnees.json"), "utf8")) as {
        fichiersRendu: { sha256: string; fichierExporte: string }[];
      };
      const exporte = donnees.fichiersRendu.find((x) => x.sha256 === sha(f))!;
      expect(sha(await readFile(path.join(sortie, ...exporte.fichierExporte.split("/"))))).toBe(sha(f));
    } finally {
      await rm(sortie, { recursive: true, force: true });
    }
    expect(await stockage.groupes("rendus")).toContain(devoirId);
    const purge = await purgerRendus(monde.base.db, stockage, {
      appliquer: true,
      maintenant: new Date("2026-10-01T00:00:00+02:00"),
    });
    expect(purge.devoirs.map((d) => d.id)).toContain(devoirId);
    expect(await stockage.groupes("rendus")).not.toContain(devoirId);
  });
});
