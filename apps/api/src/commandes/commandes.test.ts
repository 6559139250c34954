import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { enregistrerIdentite, rendus } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../rendus/test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "../rendus/test-support/monde.js";
import { ErreurOptions, lireOptions } from "./cli.js";
import { commandeExporter } from "./exporter.js";
import { commandePurger } from "./purger.js";
import { exporterEtablissement } from "./exporter-etablissement.js";
import { purgerRendus } from "./purger-rendus.js";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
let monde: Monde;
let devoirId: string;
let renduId: string;
const fichier = pdf(4000, 4);
let sortie: string;

beforeAll(async () => {
  monde = await creerMonde();
  sortie = await mkdtemp(path.join(tmpdir(), "export-"));
  monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
  devoirId = await creerDevoir(monde);
  const t = await televerser(monde, "eleve", devoirId, "copie.pdf", fichier);
  if (!t.ok) throw new Error("envoi");
  const r = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ televersements: [t.id] }),
  });
  renduId = ((await r.json()) as { accuseReception: { renduId: string } }).accuseReception.renduId;
});
afterAll(async () => {
  await monde.fermer();
  await rm(sortie, { recursive: true, force: true });
});

describe(`commandes d'exploitation (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("exporte les données d'un établissement : JSON + fichiers vérifiés par sha256", async () => {
    const r = await exporterEtablissement(
      monde.base.db,
      monde.module.stockage,
      { id: monde.utilisateurs.eleve.etablissementId! },
      sortie,
    );
    expect(r.fichiers).toBe(1);
    expect(r.compte.rendus).toBe(1);
    expect(r.compte.utilisateurs).toBe(6);
    const donnees = JSON.parse(await readFile(path.join(sortie, "donnees.json"), "utf8")) as {
      fichiersRendu: { chemin: string; sha256: string; fichierExporte: string }[];
      utilisateurs: Record<string, unknown>[];
    };
    const f = donnees.fichiersRendu[0]!;
    // A readable name with its extension (not the store's UUID), under the assignment and the pupil.
    expect(f.fichierExporte).toMatch(/^fichiers\/rendus\/[^/]+\/[^/]+\/copie\.pdf$/);
    expect(f.fichierExporte).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(sha(await readFile(path.join(sortie, ...f.fichierExporte.split("/"))))).toBe(sha(fichier));
    const exportes = await readdir(path.join(sortie, "fichiers"), { recursive: true, withFileTypes: true });
    const noms = exportes.filter((e) => e.isFile()).map((e) => e.name);
    expect(noms).toEqual(["copie.pdf"]);
    // Seulement ce qui est nécessaire : ids ENT, nom affiché, rôle — pas d'adresse électronique.
    expect(Object.keys(donnees.utilisateurs[0]!).sort()).toEqual(
      ["creeLe", "entId", "etablissementId", "id", "login", "majLe", "nomAffiche", "role", "uid"].sort(),
    );
    await expect(
      exporterEtablissement(monde.base.db, monde.module.stockage, { uai: "INCONNU" }, sortie),
    ).rejects.toThrow(/introuvable/);
  });

  it("une UAI que portent deux établissements (un par ENT) est refusée : l'export demande l'id, rien n'est mêlé", async () => {
    const uai = `09${String(Date.now() % 100000).padStart(5, "0")}Z`;
    for (const entId of ["ent-ambigu-a", "ent-ambigu-b"])
      await enregistrerIdentite(monde.base.db, {
        entId: `${entId}-${uai}`,
        uid: "el-ambigu",
        nomAffiche: "Élève ambigu",
        role: "eleve",
        etablissement: { uai, nom: "Collège ambigu" },
        classes: ["6A"],
        groupes: [],
      });
    const dehors = await mkdtemp(path.join(tmpdir(), "export-ambigu-"));
    try {
      await expect(
        exporterEtablissement(monde.base.db, monde.module.stockage, { uai }, dehors),
      ).rejects.toThrow(/UAI ambiguë : 2 établissements .*--etablissement/);
      // Nothing was written for the refused export.
      expect(await readdir(dehors)).toEqual([]);
    } finally {
      await rm(dehors, { recursive: true, force: true });
    }
  });

  it("purge : simulation d'abord, rien avant la date de purge, tout (base et fichiers) après", async () => {
    const avant = await purgerRendus(monde.base.db, monde.module.stockage, {
      appliquer: true,
      maintenant: new Date("2026-09-30T21:59:00Z"),
    });
    expect(avant.devoirs.map((d) => d.id)).not.toContain(devoirId);
    const simulation = await purgerRendus(monde.base.db, monde.module.stockage, {
      appliquer: false,
      maintenant: new Date("2026-10-01T00:00:00+02:00"),
    });
    const cible = simulation.devoirs.find((d) => d.id === devoirId);
    expect(cible?.purgeLe).toBe("2026-09-30T22:00:00.000Z");
    expect(await monde.base.db.select().from(rendus).where(eq(rendus.id, renduId))).toHaveLength(1);
    const reel = await purgerRendus(monde.base.db, monde.module.stockage, {
      appliquer: true,
      maintenant: new Date("2026-10-01T00:00:00+02:00"),
    });
    expect(reel.devoirs.map((d) => d.id)).toContain(devoirId);
    expect(await monde.base.db.select().from(rendus).where(eq(rendus.id, renduId))).toHaveLength(0);
    expect(await monde.module.stockage.groupes("rendus")).not.toContain(devoirId);
  });

  it("purge : le délai accordé à un élève jusque dans l'année scolaire suivante reporte la purge du devoir d'un an", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const id = await creerDevoir(monde, { titre: "Devoir avec un délai d'été" });
    const delai = await monde.requete(`/v1/devoirs/${id}/derogations/${monde.utilisateurs.eleve.id}`, {
      method: "PUT",
      profil: "enseignant",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ dateLimite: "2026-09-10T23:59:00+02:00", motif: "Hospitalisation" }),
    });
    expect(delai.status).toBe(201);
    const octobre = await purgerRendus(monde.base.db, monde.module.stockage, {
      appliquer: true,
      maintenant: new Date("2026-10-01T00:00:00+02:00"),
    });
    expect(octobre.devoirs.map((d) => d.id)).not.toContain(id);
    const anSuivant = await purgerRendus(monde.base.db, monde.module.stockage, {
      appliquer: false,
      maintenant: new Date("2027-10-01T00:00:00+02:00"),
    });
    expect(anSuivant.devoirs.find((d) => d.id === id)?.purgeLe).toBe("2027-09-30T22:00:00.000Z");
  });

  it("conservation réglable : fin d'année au 14 juillet, sans délai", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const id = await creerDevoir(monde);
    const r = await purgerRendus(monde.base.db, monde.module.stockage, {
      appliquer: false,
      maintenant: new Date("2026-07-15T00:00:00+02:00"),
      conservation: { finAnneeScolaire: { mois: 7, jour: 14 }, delaiMois: 0 },
    });
    expect(r.devoirs.map((d) => d.id)).toContain(id);
  });

  it("lit les options de la ligne de commande (parseArgs), et nomme en français une option fausse", () => {
    const options = {
      uai: { type: "string" },
      sortie: { type: "string" },
      appliquer: { type: "boolean" },
    } as const;
    expect({ ...lireOptions(["--uai", "0759999X", "--appliquer", "--sortie", "x"], options, "U") }).toEqual({
      uai: "0759999X",
      appliquer: true,
      sortie: "x",
    });
    expect(() => lireOptions(["--uia", "X"], options, "Usage : u")).toThrow(
      new ErreurOptions("Option inconnue : --uia.\nUsage : u"),
    );
    expect(() => lireOptions(["--uai"], options, "U")).toThrow(/^L'option --uai attend une valeur\./);
    expect(() => lireOptions(["--appliquer=oui"], options, "U")).toThrow(
      /^L'option --appliquer ne prend pas de valeur\./,
    );
    expect(() => lireOptions(["0759999X"], options, "U")).toThrow(/^Argument inattendu : 0759999X/);
  });

  it("exporter --aide affiche l'usage sans ouvrir la base ; sans --sortie, code 2 et l'usage", async () => {
    const lignes: string[] = [];
    const sorties = { sortie: (t: string) => lignes.push(t), erreurs: (t: string) => lignes.push(t) };
    expect(await commandeExporter(["--aide"], {}, sorties)).toBe(0);
    expect(lignes.join("")).toContain("Usage : exporter");
    lignes.length = 0;
    expect(await commandeExporter(["--uai", "X"], {}, sorties)).toBe(2);
    expect(lignes.join("")).toMatch(/^Donnez --sortie et un seul de --uai ou --etablissement\.\nUsage : /);
    lignes.length = 0;
    expect(await commandePurger(["--delai-mois", "un"], {}, sorties)).toBe(2);
    expect(lignes.join("")).toMatch(/^Réglage invalide : /);
  });
});
