import { televersementsEnAttenteDe } from "@trousse/db";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lireZip } from "../rendus/test-support/lire-zip.js";
import { pdf, pdfDePages, png } from "../rendus/test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "../rendus/test-support/monde.js";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const json = { "content-type": "application/json" };

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
});
afterAll(async () => monde.fermer());

describe(`rendre un devoir, de bout en bout (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("enseignant crée, élève téléverse et rend, reçoit un accusé de réception exact", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, {
      declarationHonneur: "J'atteste avoir fait ce travail seul.",
    });
    const fichier = pdf(50_000);
    const t = await televerser(monde, "eleve", devoirId, "ma rédaction.pdf", fichier, { morceaux: 4 });
    expect(t.ok).toBe(true);
    if (!t.ok) return;

    const sansDeclaration = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      profil: "eleve",
      headers: json,
      body: JSON.stringify({ televersements: [t.id] }),
    });
    expect(sansDeclaration.status).toBe(422);
    expect(((await sansDeclaration.json()) as { erreur: { code: string } }).erreur.code).toBe(
      "declaration-requise",
    );

    const r = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      profil: "eleve",
      headers: json,
      body: JSON.stringify({ televersements: [t.id], declarationCochee: true }),
    });
    expect(r.status).toBe(201);
    const { accuseReception: a } = (await r.json()) as {
      accuseReception: Record<string, unknown> & {
        fichiers: { nom: string; taille: number; sha256: string }[];
      };
    };
    expect(a.version).toBe(1);
    expect(a.versionRetenue).toBe(1);
    expect(a.enRetard).toBe(false);
    expect(a.ponctualite).toBe("a-l-heure");
    expect(a.renduLe).toBe("2026-03-25T09:00:00.000Z");
    expect(a.renduLeAffiche).toBe("mercredi 25 mars 2026 à 10\u00a0h\u00a000");
    expect(a.fichiers).toEqual([
      expect.objectContaining({
        nom: "ma rédaction.pdf",
        taille: fichier.length,
        sha256: sha(fichier),
        mime: "application/pdf",
      }),
    ]);

    // Le fichier conservé sur le disque est exactement celui envoyé.
    const surDisque = await readFile(
      monde.module.stockage.absolu(`rendus/${devoirId}/${(a.fichiers[0] as unknown as { id: string }).id}`),
    );
    expect(sha(surDisque)).toBe(sha(fichier));
    // L'envoi tus a été consommé : on ne peut pas le rendre deux fois.
    expect(await televersementsEnAttenteDe(monde.base.db, devoirId, monde.utilisateurs.eleve.id)).toEqual([]);
  });

  it("remplacer avant l'échéance garde les versions ; l'accusé dit laquelle compte ; après l'échéance, refusé", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const rendre = async (contenu: Buffer) => {
      const t = await televerser(monde, "eleve", devoirId, "copie.pdf", contenu);
      if (!t.ok) throw new Error(await t.reponse.text());
      return monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
        method: "POST",
        profil: "eleve",
        headers: json,
        body: JSON.stringify({ televersements: [t.id] }),
      });
    };
    expect((await rendre(pdf(3000, 1))).status).toBe(201);
    monde.horloge.maintenant = new Date("2026-03-30T18:00:00+02:00");
    const r2 = await rendre(pdf(3000, 2));
    expect(r2.status).toBe(201);
    const a2 = (
      (await r2.json()) as {
        accuseReception: { version: number; versionsPrecedentes: number; message: string };
      }
    ).accuseReception;
    expect(a2.version).toBe(2);
    expect(a2.versionsPrecedentes).toBe(1);
    expect(a2.message).toMatch(/version 2 remplace la précédente/);

    const mon = await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" });
    const corps = (await mon.json()) as {
      versionRetenue: number;
      versions: { version: number; retenue: boolean }[];
    };
    expect(corps.versionRetenue).toBe(2);
    expect(corps.versions.map((v) => [v.version, v.retenue])).toEqual([
      [2, true],
      [1, false],
    ]);

    monde.horloge.maintenant = new Date("2026-04-01T08:00:00+02:00");
    const r3 = await rendre(pdf(3000, 3));
    expect(r3.status).toBe(409);
    expect(((await r3.json()) as { erreur: { code: string } }).erreur.code).toBe("echeance-depassee");
  });

  it("entre l'échéance et la date limite : accepté et marqué en retard ; après la date limite : plus aucun envoi", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    monde.horloge.maintenant = new Date("2026-04-01T10:00:00+02:00");
    const t = await televerser(monde, "eleve2", devoirId, "retard.pdf", pdf(2000));
    if (!t.ok) throw new Error(await t.reponse.text());
    const r = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      profil: "eleve2",
      headers: json,
      body: JSON.stringify({ televersements: [t.id] }),
    });
    const a = (
      (await r.json()) as { accuseReception: { enRetard: boolean; ponctualite: string; statut: string } }
    ).accuseReception;
    expect(a).toMatchObject({ enRetard: true, ponctualite: "en-retard", statut: "rendu-en-retard" });

    monde.horloge.maintenant = new Date("2026-04-03T00:00:01+02:00");
    const trop = await televerser(monde, "eleve", devoirId, "trop-tard.pdf", pdf(2000));
    expect(trop.ok).toBe(false);
    if (!trop.ok) {
      expect(trop.reponse.status).toBe(409);
      expect(((await trop.reponse.json()) as { erreur: { code: string } }).erreur.code).toBe(
        "date-limite-depassee",
      );
    }
  });

  it("le suivi donne le nombre de pages de chaque PDF, lu dans le fichier conservé (null sinon)", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const copie = pdfDePages(4);
    const t1 = await televerser(monde, "eleve", devoirId, "copie.pdf", copie);
    const t2 = await televerser(monde, "eleve", devoirId, "sans-arbre.pdf", pdf(3000));
    const t3 = await televerser(monde, "eleve", devoirId, "schéma.png", png());
    if (!t1.ok || !t2.ok || !t3.ok) throw new Error("envoi");
    const r = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      profil: "eleve",
      headers: json,
      body: JSON.stringify({ televersements: [t1.id, t2.id, t3.id] }),
    });
    expect(r.status).toBe(201);
    const suivi = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/suivi`, { profil: "enseignant" })
    ).json()) as { eleves: { rendu: { fichiers: { nom: string; pages: number | null }[] } | null }[] };
    const fichiers = suivi.eleves.flatMap((e) => e.rendu?.fichiers ?? []);
    expect(fichiers.map((f) => [f.nom, f.pages])).toEqual([
      ["copie.pdf", 4],
      ["sans-arbre.pdf", null],
      ["schéma.png", null],
    ]);
  });

  it("suivi, archive ZIP, rappel, retour : l'enseignant suit et l'élève voit le retour", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    // Zoé ouvre le devoir (« vu le … ») sans rendre ; Léa rend deux fichiers.
    expect((await monde.requete(`/v1/devoirs/${devoirId}`, { profil: "eleve2" })).status).toBe(200);
    const f1 = pdf(4000, 5);
    const f2 = png();
    const t1 = await televerser(monde, "eleve", devoirId, "partie 1.pdf", f1);
    const t2 = await televerser(monde, "eleve", devoirId, "schéma.png", f2);
    if (!t1.ok || !t2.ok) throw new Error("envoi");
    const rendu = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      profil: "eleve",
      headers: json,
      body: JSON.stringify({ televersements: [t1.id, t2.id] }),
    });
    const { renduId } = ((await rendu.json()) as { accuseReception: { renduId: string } }).accuseReception;

    const suivi = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/suivi`, { profil: "enseignant" })
    ).json()) as {
      eleves: {
        eleve: { nomAffiche: string };
        statut: string;
        vuLeAffiche: string | null;
        rendu: { fichiers: { nom: string; sha256: string }[] } | null;
      }[];
    };
    const parNom = Object.fromEntries(suivi.eleves.map((e) => [e.eleve.nomAffiche, e]));
    expect(Object.keys(parNom).sort()).toEqual(["Léa Dupont", "Zoé Bernard"]);
    expect(parNom["Léa Dupont"]!.statut).toBe("rendu");
    expect(parNom["Léa Dupont"]!.rendu!.fichiers.map((f) => f.sha256)).toEqual([sha(f1), sha(f2)]);
    expect(parNom["Zoé Bernard"]!.statut).toBe("vu");
    expect(parNom["Zoé Bernard"]!.vuLeAffiche).toBe("mercredi 25 mars 2026 à 10\u00a0h\u00a000");

    const zip = await monde.requete(`/v1/devoirs/${devoirId}/rendus.zip`, { profil: "enseignant" });
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(zip.headers.get("x-content-type-options")).toBe("nosniff");
    const { entrees } = lireZip(Buffer.from(await zip.arrayBuffer()));
    expect(entrees.map((e) => e.nom)).toEqual([
      "manifeste.csv",
      "Léa Dupont/partie 1.pdf",
      "Léa Dupont/schéma.png",
    ]);
    expect(entrees[1]!.contenu.equals(f1)).toBe(true);
    const manifeste = entrees[0]!.contenu.toString("utf8");
    expect(manifeste).toContain(sha(f1));
    expect(manifeste).toContain(sha(f2));
    expect(manifeste).toContain("Zoé Bernard;3A;Vu");

    const rappel = await monde.requete(`/v1/devoirs/${devoirId}/rappels`, {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: "{}",
    });
    expect(((await rappel.json()) as { envoyes: number }).envoyes).toBe(1);
    const rappelsZoe = (await (await monde.requete("/v1/rappels", { profil: "eleve2" })).json()) as {
      rappels: { devoirId: string; message: string }[];
      nonLus: number;
    };
    expect(rappelsZoe.rappels.filter((r) => r.devoirId === devoirId)).toHaveLength(1);
    expect(rappelsZoe.rappels[0]!.message).toMatch(/Rédaction : mon voyage/);
    const rappelsLea = (await (await monde.requete("/v1/rappels", { profil: "eleve" })).json()) as {
      rappels: { devoirId: string }[];
    };
    expect(rappelsLea.rappels.filter((r) => r.devoirId === devoirId)).toHaveLength(0);

    // Pas de retour visible avant qu'il soit rendu.
    const avant = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" })
    ).json()) as { retour: unknown };
    expect(avant.retour).toBeNull();
    const fichierRetour = pdf(2500, 9);
    const tr = await televerser(monde, "enseignant", devoirId, "copie annotée.pdf", fichierRetour);
    if (!tr.ok) throw new Error(await tr.reponse.text());
    const retour = await monde.requete(`/v1/rendus/${renduId}/retour`, {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: JSON.stringify({ commentaire: "Très bien construit.", televersement: tr.id }),
    });
    expect(retour.status).toBe(201);
    const apres = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" })
    ).json()) as { retour: { commentaire: string; fichier: { url: string; sha256: string } } };
    expect(apres.retour.commentaire).toBe("Très bien construit.");
    expect(apres.retour.fichier.sha256).toBe(sha(fichierRetour));
    const telecharge = await monde.requete(apres.retour.fichier.url, { profil: "eleve" });
    expect(Buffer.from(await telecharge.arrayBuffer()).equals(fichierRetour)).toBe(true);
  });

  it("le parent voit les statuts de son enfant, en lecture seule", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { titre: "Devoir vu par le parent" });
    const r = (await (await monde.requete("/v1/devoirs", { profil: "parent" })).json()) as {
      lectureSeule: boolean;
      enfants: {
        eleve: { nomAffiche: string };
        devoirs: { id: string; statut: string; libelle: string }[];
      }[];
    };
    expect(r.lectureSeule).toBe(true);
    expect(r.enfants.map((e) => e.eleve.nomAffiche)).toEqual(["Léa Dupont"]);
    expect(r.enfants[0]!.devoirs.find((d) => d.id === devoirId)).toMatchObject({ statut: "a-rendre" });
    const envoi = await televerser(monde, "parent", devoirId, "x.pdf", pdf());
    expect(envoi.ok).toBe(false);
  });

  it("chaque téléchargement est inscrit au journal d'audit", async () => {
    const { journalAudit } = await import("@trousse/db");
    const { eq } = await import("drizzle-orm");
    const lignes = await monde.base.db
      .select()
      .from(journalAudit)
      .where(eq(journalAudit.utilisateurId, monde.utilisateurs.enseignant.id));
    expect(lignes.map((l) => l.action)).toContain("telechargement-archive");
    const lignesEleve = await monde.base.db
      .select()
      .from(journalAudit)
      .where(eq(journalAudit.utilisateurId, monde.utilisateurs.eleve.id));
    expect(lignesEleve.map((l) => l.action)).toContain("telechargement-retour");
  });
});
