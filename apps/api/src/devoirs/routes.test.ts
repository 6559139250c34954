import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../rendus/test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "../rendus/test-support/monde.js";

const json = { "content-type": "application/json" };
let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
});
afterAll(async () => monde.fermer());

const corps = (m: Monde, extra: Record<string, unknown>) =>
  JSON.stringify({
    groupeId: m.groupe3A,
    titre: "T",
    ouverture: "2026-03-23T08:00",
    echeance: "2026-03-31T23:59",
    ...extra,
  });

describe(`devoirs (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("lit les dates en heure de Paris, changement d'heure compris, et les rend en ISO et en français", async () => {
    monde.horloge.maintenant = new Date("2026-03-20T10:00:00+01:00");
    const r = await monde.requete("/v1/devoirs", {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: corps(monde, { ouverture: "2026-03-29T02:30", echeance: "2026-03-31T23:59" }),
    });
    expect(r.status).toBe(201);
    const { devoir } = (await r.json()) as {
      devoir: {
        dates: Record<string, string | null>;
        datesAffichees: Record<string, string | null>;
        contraintes: unknown;
      };
    };
    // 02 h 30 n'existe pas le 29 mars 2026 (passage à l'heure d'été) : avancée à 03 h 30 CEST = 01 h 30 UTC.
    expect(devoir.dates.ouverture).toBe("2026-03-29T01:30:00.000Z");
    expect(devoir.dates.echeance).toBe("2026-03-31T21:59:00.000Z");
    expect(devoir.datesAffichees.echeance).toBe("mardi 31 mars 2026 à 23\u00a0h\u00a059");
    expect(devoir.dates.dateLimite).toBeNull();
    // Contraintes par défaut des règles.
    expect(devoir.contraintes).toEqual({
      familles: ["document", "image"],
      tailleMaxOctets: 100 * 1024 * 1024,
      nombreMax: 5,
    });
  });

  it("refuse des dates incohérentes et des contraintes invalides avec un code stable et un message français", async () => {
    const avant = await monde.requete("/v1/devoirs", {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: corps(monde, { echeance: "2026-03-20T10:00" }),
    });
    expect(avant.status).toBe(400);
    expect(((await avant.json()) as { erreur: { code: string } }).erreur.code).toBe(
      "echeance-avant-ouverture",
    );
    const limite = await monde.requete("/v1/devoirs", {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: corps(monde, { dateLimite: "2026-03-30T10:00" }),
    });
    expect(((await limite.json()) as { erreur: { code: string } }).erreur.code).toBe(
      "date-limite-avant-echeance",
    );
    const contraintes = await monde.requete("/v1/devoirs", {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: corps(monde, { contraintes: { familles: [], nombreMax: 50 } }),
    });
    const e = (await contraintes.json()) as { erreur: { code: string; message: string } };
    expect(e.erreur.code).toBe("contraintes-invalides");
    expect(e.erreur.message).toMatch(/famille/);
    const groupe = await monde.requete("/v1/devoirs", {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: JSON.stringify({
        groupeId: monde.groupe3B,
        titre: "x",
        ouverture: "2026-03-23T08:00",
        echeance: "2026-03-31T23:59",
      }),
    });
    expect(((await groupe.json()) as { erreur: { code: string } }).erreur.code).toBe("groupe-non-autorise");
    const malforme = await monde.requete("/v1/devoirs", {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: "{pas du json",
    });
    expect(((await malforme.json()) as { erreur: { code: string } }).erreur.code).toBe("json-invalide");
  });

  it("modifie, puis supprime un devoir sans rendu", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const id = await creerDevoir(monde);
    const p = await monde.requete(`/v1/devoirs/${id}`, {
      method: "PATCH",
      profil: "enseignant",
      headers: json,
      body: JSON.stringify({ titre: "Nouveau titre", dateLimite: null }),
    });
    expect(p.status).toBe(200);
    const d = ((await p.json()) as { devoir: { titre: string; dates: { dateLimite: string | null } } })
      .devoir;
    expect(d).toMatchObject({ titre: "Nouveau titre", dates: { dateLimite: null } });
    expect(
      (await monde.requete(`/v1/devoirs/${id}`, { method: "DELETE", profil: "enseignant" })).status,
    ).toBe(204);
    expect((await monde.requete(`/v1/devoirs/${id}`, { profil: "enseignant" })).status).toBe(404);
  });

  it("le corrigé n'est visible des élèves qu'à sa date de publication", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const id = await creerDevoir(monde, { publicationCorrige: "2026-04-03T08:00" });
    const t = await televerser(monde, "enseignant", id, "corrigé.pdf", pdf(3000));
    if (!t.ok) throw new Error(await t.reponse.text());
    const ajout = await monde.requete(`/v1/devoirs/${id}/fichiers`, {
      method: "POST",
      profil: "enseignant",
      headers: json,
      body: JSON.stringify({ nature: "corrige", televersements: [t.id] }),
    });
    const fichierId = ((await ajout.json()) as { fichiers: { id: string }[] }).fichiers[0]!.id;
    const vue = async () =>
      (await (await monde.requete(`/v1/devoirs/${id}`, { profil: "eleve" })).json()) as {
        devoir: { corriges: unknown[] | null };
        statut: string;
      };
    expect((await vue()).devoir.corriges).toBeNull();
    expect((await monde.requete(`/v1/devoirs/${id}/fichiers/${fichierId}`, { profil: "eleve" })).status).toBe(
      404,
    );
    monde.horloge.maintenant = new Date("2026-04-03T08:00:00+02:00");
    const apres = await vue();
    expect(apres.devoir.corriges).toHaveLength(1);
    expect(apres.statut).toBe("corrige-disponible");
    const dl = await monde.requete(`/v1/devoirs/${id}/fichiers/${fichierId}`, { profil: "eleve" });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-disposition")).toContain("filename*=UTF-8''corrig%C3%A9.pdf");
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
