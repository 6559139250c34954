import { and, eq } from "drizzle-orm";
import { derogations, rappels, rendus } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../rendus/test-support/echantillons.js";
import {
  creerDevoir,
  creerMonde,
  televerser,
  type Monde,
  type Profil,
} from "../rendus/test-support/monde.js";

const json = { "content-type": "application/json" };
type Erreur = { erreur: { code: string; message: string; details?: { champ: string; code: string }[] } };
type Delai = {
  echeance: string;
  echeanceAffichee: string;
  dateLimite: string | null;
  dateLimiteAffichee: string | null;
  libelle: string;
};

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
}, 120_000);
afterAll(async () => monde.fermer());

const accorder = (devoirId: string, eleve: Profil, corps: unknown, profil: Profil = "enseignant") =>
  monde.requete(`/v1/devoirs/${devoirId}/derogations/${monde.utilisateurs[eleve].id}`, {
    method: "PUT",
    profil,
    headers: json,
    body: JSON.stringify(corps),
  });
const retirer = (devoirId: string, eleve: Profil) =>
  monde.requete(`/v1/devoirs/${devoirId}/derogations/${monde.utilisateurs[eleve].id}`, {
    method: "DELETE",
    profil: "enseignant",
  });
async function rendre(devoirId: string, profil: Profil, graine = 1) {
  const t = await televerser(monde, profil, devoirId, `copie-${graine}.pdf`, pdf(3000, graine));
  if (!t.ok) return t.reponse;
  return monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil,
    headers: json,
    body: JSON.stringify({ televersements: [t.id] }),
  });
}
const code = async (r: Response) => ((await r.json()) as Erreur).erreur.code;
const a = (iso: string) => new Date(iso);

describe(`délais accordés à un élève (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("accorder, remplacer, lister, retirer ; dates en heure de Paris ; erreurs des règles en français", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde); // échéance 31 mars 23 h 59, date limite 2 avril 23 h 59
    const r = await accorder(devoirId, "eleve", { echeance: "2026-04-07T23:59", motif: "  Hospitalisée  " });
    expect(r.status).toBe(201);
    const { derogation } = (await r.json()) as {
      derogation: {
        version: number;
        echeance: string;
        dateLimite: string | null;
        motif: string;
        delaiAccorde: Delai;
      };
    };
    expect(derogation).toMatchObject({
      version: 1,
      echeance: "2026-04-07T21:59:00.000Z",
      dateLimite: null,
      motif: "Hospitalisée",
      delaiAccorde: {
        echeance: "2026-04-07T21:59:00.000Z",
        echeanceAffichee: "mardi 7 avril 2026 à 23\u00a0h\u00a059",
        dateLimite: null,
        libelle: "Délai accordé jusqu'au mardi 7 avril 2026 à 23\u00a0h\u00a059.",
      },
    });

    const remplace = await accorder(devoirId, "eleve", {
      echeance: "2026-04-07T23:59",
      dateLimite: "2026-04-09T18:00",
    });
    expect(remplace.status).toBe(200);
    const r2 = (
      (await remplace.json()) as { derogation: { version: number; motif: null; delaiAccorde: Delai } }
    ).derogation;
    expect(r2.version).toBe(2);
    expect(r2.motif).toBeNull();
    expect(r2.delaiAccorde.dateLimiteAffichee).toBe("jeudi 9 avril 2026 à 18\u00a0h\u00a000");

    const liste = await monde.requete(`/v1/devoirs/${devoirId}/derogations`, { profil: "enseignant" });
    const corps = (await liste.json()) as { derogations: { eleve: { nomAffiche: string } }[] };
    expect(corps.derogations.map((d) => d.eleve.nomAffiche)).toEqual(["Léa Dupont"]);

    expect((await retirer(devoirId, "eleve")).status).toBe(204);
    const encore = await retirer(devoirId, "eleve");
    expect(encore.status).toBe(404);
    expect(await code(encore)).toBe("derogation-introuvable");
  });

  it.each([
    [{}, "delai-vide"],
    [{ echeance: "2026-03-30T23:59" }, "delai-echeance-trop-tot"],
    [{ echeance: "2026-03-31T23:59" }, "delai-echeance-trop-tot"],
    [{ echeance: "2026-04-07T23:59", dateLimite: "2026-04-06T23:59" }, "delai-date-limite-avant-echeance"],
    [{ dateLimite: "2026-04-02T23:59" }, "delai-date-limite-trop-tot"],
    [{ echeance: "bientôt" }, "date-invalide"],
    [{ echeance: 12 }, "requete-invalide"],
    [{ echeance: "2026-04-07T23:59", motif: "x".repeat(201) }, "requete-invalide"],
  ])("refusé : %j → 400 %s, rien n'est enregistré", async (corps, attendu) => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const r = await accorder(devoirId, "eleve", corps);
    expect(r.status).toBe(400);
    const e = (await r.json()) as Erreur;
    expect(e.erreur.code).toBe(attendu);
    expect(e.erreur.message).not.toMatch(/\b(invalid|expected|must be|required)\b/i);
    const lignes = await monde.base.db.select().from(derogations).where(eq(derogations.devoirId, devoirId));
    expect(lignes).toEqual([]);
  });

  it("seulement pour un élève du groupe du devoir", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    for (const p of ["eleveAutreClasse", "parent", "autreEnseignant"] as const) {
      const r = await accorder(devoirId, p, { echeance: "2026-04-07T23:59" });
      expect(r.status, p).toBe(404);
      expect(await code(r)).toBe("eleve-hors-groupe");
    }
  });

  it("l'élève rend après la date limite de la classe, à l'heure selon son délai ; l'autre élève est refusé", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    expect((await accorder(devoirId, "eleve", { echeance: "2026-04-07T23:59", motif: "PAP" })).status).toBe(
      201,
    );
    monde.horloge.maintenant = a("2026-04-05T10:00:00+02:00");

    const vue = (await (await monde.requete(`/v1/devoirs/${devoirId}`, { profil: "eleve" })).json()) as {
      statut: string;
      delaiAccorde: Delai | null;
      devoir: { tempsRestant: { depasse: boolean; jours: number } };
    };
    expect(vue.statut).toBe("a-rendre");
    expect(vue.delaiAccorde?.libelle).toBe("Délai accordé jusqu'au mardi 7 avril 2026 à 23\u00a0h\u00a059.");
    expect(vue.devoir.tempsRestant).toMatchObject({ depasse: false, jours: 2 });
    const autre = (await (await monde.requete(`/v1/devoirs/${devoirId}`, { profil: "eleve2" })).json()) as {
      statut: string;
      delaiAccorde: Delai | null;
    };
    expect(autre).toMatchObject({ statut: "ferme", delaiAccorde: null });

    const refuse = await rendre(devoirId, "eleve2");
    expect(refuse.status).toBe(409);
    expect(await code(refuse)).toBe("date-limite-depassee");

    const r = await rendre(devoirId, "eleve");
    expect(r.status).toBe(201);
    const { accuseReception: accuse } = (await r.json()) as {
      accuseReception: {
        enRetard: boolean;
        statut: string;
        delaiAccorde: Delai | null;
        message: string;
        renduId: string;
      };
    };
    expect(accuse).toMatchObject({ enRetard: false, statut: "rendu" });
    expect(accuse.delaiAccorde?.echeance).toBe("2026-04-07T21:59:00.000Z");
    expect(accuse.message).toContain("Délai accordé jusqu'au mardi 7 avril 2026 à 23\u00a0h\u00a059.");

    const liste = (await (await monde.requete("/v1/devoirs", { profil: "eleve" })).json()) as {
      devoirs: { id: string; statut: string; delaiAccorde: Delai | null }[];
    };
    expect(liste.devoirs.find((d) => d.id === devoirId)).toMatchObject({ statut: "rendu" });
    expect(liste.devoirs.find((d) => d.id === devoirId)?.delaiAccorde?.echeance).toBe(
      "2026-04-07T21:59:00.000Z",
    );
    const mon = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" })
    ).json()) as {
      statut: string;
      delaiAccorde: Delai | null;
    };
    expect(mon.statut).toBe("rendu");
    expect(mon.delaiAccorde?.echeance).toBe("2026-04-07T21:59:00.000Z");
    const parent = (await (await monde.requete(`/v1/devoirs/${devoirId}`, { profil: "parent" })).json()) as {
      enfants: { statut: string; delaiAccorde: Delai | null }[];
    };
    expect(parent.enfants[0]).toMatchObject({ statut: "rendu" });
    expect(parent.enfants[0]?.delaiAccorde?.echeance).toBe("2026-04-07T21:59:00.000Z");

    const suivi = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/suivi`, { profil: "enseignant" })
    ).json()) as {
      eleves: {
        eleve: { nomAffiche: string };
        statut: string;
        delaiAccorde: (Delai & { motif: string }) | null;
      }[];
    };
    const parNom = Object.fromEntries(suivi.eleves.map((e) => [e.eleve.nomAffiche, e]));
    expect(parNom["Léa Dupont"]).toMatchObject({ statut: "rendu", delaiAccorde: { motif: "PAP" } });
    expect(parNom["Zoé Bernard"]).toMatchObject({ statut: "non-rendu", delaiAccorde: null });

    // Retirer le délai ensuite ne dément pas l'accusé : la version reste à l'heure, partout.
    expect((await retirer(devoirId, "eleve")).status).toBe(204);
    const apres = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/suivi`, { profil: "enseignant" })
    ).json()) as {
      eleves: { eleve: { nomAffiche: string }; statut: string; delaiAccorde: unknown }[];
    };
    expect(apres.eleves.find((e) => e.eleve.nomAffiche === "Léa Dupont")).toMatchObject({
      statut: "rendu",
      delaiAccorde: null,
    });
    const monApres = (await (
      await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" })
    ).json()) as {
      statut: string;
      delaiAccorde: Delai | null;
      versions: { version: number; delaiAccorde: Delai | null }[];
    };
    expect(monApres.statut).toBe("rendu");
    // Its receipt, found again from « Mes rendus », still says the extension it was accepted under.
    expect(monApres.delaiAccorde).toBeNull();
    expect(monApres.versions[0]?.delaiAccorde?.echeance).toBe("2026-04-07T21:59:00.000Z");
    expect(monApres.versions[0]?.delaiAccorde?.libelle).toBe(
      "Délai accordé jusqu'au mardi 7 avril 2026 à 23\u00a0h\u00a059.",
    );
  });

  it("le rejeu de « rendre » redonne l'accusé avec le délai sous lequel il a été accepté, même retiré depuis", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    await accorder(devoirId, "eleve", { dateLimite: "2026-04-05T23:59" });
    monde.horloge.maintenant = a("2026-04-04T10:00:00+02:00");
    const t = await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(3000, 9));
    if (!t.ok) throw new Error(await t.reponse.text());
    const demande = {
      method: "POST",
      profil: "eleve" as const,
      headers: json,
      body: JSON.stringify({ televersements: [t.id] }),
    };
    const r1 = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, demande);
    expect(r1.status).toBe(201);
    const a1 = ((await r1.json()) as { accuseReception: { enRetard: boolean; delaiAccorde: Delai } })
      .accuseReception;
    expect(a1.enRetard).toBe(true);
    expect(a1.delaiAccorde.libelle).toBe(
      "Délai accordé : rendu en retard accepté jusqu'au dimanche 5 avril 2026 à 23\u00a0h\u00a059.",
    );
    await retirer(devoirId, "eleve");
    const r2 = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, demande);
    expect(r2.status).toBe(200);
    expect(((await r2.json()) as { accuseReception: unknown }).accuseReception).toEqual(a1);
  });

  it("le corrigé reste caché à l'élève (et à son parent) tant que son délai court", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { publicationCorrige: "2026-04-03T08:00" });
    const envoi = await televerser(monde, "enseignant", devoirId, "corrigé.pdf", pdf(1500, 4));
    if (!envoi.ok) throw new Error("corrigé");
    const ajout = await monde.requete(`/v1/devoirs/${devoirId}/fichiers`, {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: JSON.stringify({ nature: "corrige", televersements: [envoi.id] }),
    });
    const corrigeId = ((await ajout.json()) as { fichiers: { id: string }[] }).fichiers[0]!.id;
    await accorder(devoirId, "eleve", { echeance: "2026-04-07T23:59" });
    monde.horloge.maintenant = a("2026-04-05T10:00:00+02:00");

    const lire = async (p: Profil) =>
      (await (await monde.requete(`/v1/devoirs/${devoirId}`, { profil: p })).json()) as {
        devoir: { corriges: unknown[] | null };
        statut?: string;
      };
    expect((await lire("eleve2")).devoir.corriges).toHaveLength(1);
    expect((await lire("eleve2")).statut).toBe("corrige-disponible");
    expect((await lire("eleve")).devoir.corriges).toBeNull();
    expect((await lire("eleve")).statut).toBe("a-rendre");
    expect((await lire("parent")).devoir.corriges).toBeNull();
    const telecharger = (p: Profil) =>
      monde.requete(`/v1/devoirs/${devoirId}/fichiers/${corrigeId}`, { profil: p });
    expect((await telecharger("eleve")).status).toBe(404);
    expect((await telecharger("parent")).status).toBe(404);
    expect((await telecharger("eleve2")).status).toBe(200);

    monde.horloge.maintenant = a("2026-04-07T23:59:00+02:00"); // fin du délai, incluse
    expect((await telecharger("eleve")).status).toBe(200);
    expect((await lire("eleve")).statut).toBe("corrige-disponible");
  });

  it("les rappels de la classe épargnent l'élève dont le délai court, puis le rattrapent", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    await accorder(devoirId, "eleve", { echeance: "2026-04-07T23:59" });
    const envoyer = async () =>
      (await (
        await monde.requete(`/v1/devoirs/${devoirId}/rappels`, {
          method: "POST",
          profil: "enseignant",
          headers: json,
          body: "{}",
        })
      ).json()) as { envoyes: number; eleves: { nomAffiche: string }[]; enDelai: { nomAffiche: string }[] };
    monde.horloge.maintenant = a("2026-03-31T08:00:00+02:00");
    const r = await envoyer();
    expect(r.eleves.map((e) => e.nomAffiche)).toEqual(["Zoé Bernard"]);
    expect(r.enDelai.map((e) => e.nomAffiche)).toEqual(["Léa Dupont"]);
    const recus = await monde.base.db
      .select()
      .from(rappels)
      .where(and(eq(rappels.devoirId, devoirId), eq(rappels.eleveId, monde.utilisateurs.eleve.id)));
    expect(recus).toEqual([]);
    monde.horloge.maintenant = a("2026-04-08T08:00:00+02:00");
    const apres = await envoyer();
    expect(apres.eleves.map((e) => e.nomAffiche).sort()).toEqual(["Léa Dupont", "Zoé Bernard"]);
    expect(apres.enDelai).toEqual([]);
  });

  it("un délai accordé après la date limite rouvre l'envoi (tus) pour cet élève seulement", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    monde.horloge.maintenant = a("2026-04-04T10:00:00+02:00");
    const avant = await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(2000));
    expect(avant.ok).toBe(false);
    await accorder(devoirId, "eleve", { dateLimite: "2026-04-06T23:59" });
    expect((await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(2000))).ok).toBe(true);
    expect((await televerser(monde, "eleve2", devoirId, "copie.pdf", pdf(2000))).ok).toBe(false);
    const lignes = await monde.base.db.select().from(rendus).where(eq(rendus.devoirId, devoirId));
    expect(lignes).toEqual([]);
  });
});
