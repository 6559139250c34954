import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "./test-support/echantillons.js";
import { creerDevoir, creerMonde, metadonneesTus, televerser, type Monde } from "./test-support/monde.js";

const json = { "content-type": "application/json" };
// Quotas réduits pour le test (les défauts : 10 versions, 2 Go par élève — QUOTAS_PAR_DEFAUT des règles).
let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde({ quotas: { versionsMax: 2, octetsParEleve: 20_000 } });
  monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
});
afterAll(async () => monde.fermer());

async function erreur(r: Response): Promise<{ status: number; code: string; message: string }> {
  const corps = (await r.json()) as { erreur: { code: string; message: string } };
  return { status: r.status, ...corps.erreur };
}

const rendre = (devoirId: string, televersements: string[]) =>
  monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve2",
    headers: json,
    body: JSON.stringify({ televersements }),
  });

const creation = (devoirId: string, taille: number, profil: "eleve" | "eleve2" | "enseignant" = "eleve") =>
  monde.requete("/v1/televersements", {
    method: "POST",
    profil,
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(taille),
      "Upload-Metadata": metadonneesTus({ filename: "copie.pdf", devoir: devoirId }),
    },
  });

describe(`quotas de stockage (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("versions par élève et par devoir : la 2e passe, la 3e est refusée à l'envoi comme au rendu", async () => {
    const devoirId = await creerDevoir(monde);
    const envoi = async () => {
      const t = await televerser(monde, "eleve2", devoirId, "copie.pdf", pdf(500));
      if (!t.ok) throw new Error(await t.reponse.text());
      return t.id;
    };
    expect((await rendre(devoirId, [await envoi()])).status).toBe(201);
    const enReserve = await envoi(); // envoyé avant la 2e version : il tentera d'être la 3e
    expect((await rendre(devoirId, [await envoi()])).status).toBe(201);
    const refus = await erreur(await rendre(devoirId, [enReserve]));
    expect(refus).toMatchObject({ status: 422, code: "trop-de-versions" });
    expect(refus.message).toContain("déjà rendu 2 versions de ce devoir");
    // Un nouvel envoi est refusé dès sa création : l'élève n'envoie pas pour rien.
    const t = await televerser(monde, "eleve2", devoirId, "copie.pdf", pdf(500));
    expect(t.ok).toBe(false);
    if (!t.ok) expect(await erreur(t.reponse)).toMatchObject({ status: 422, code: "trop-de-versions" });
  });

  it("octets par élève : envois en cours + toutes les versions rendues, borne incluse, refus en français", async () => {
    const a = await creerDevoir(monde);
    const b = await creerDevoir(monde);
    const t = await televerser(monde, "eleve", a, "copie.pdf", pdf(12_000));
    if (!t.ok) throw new Error(await t.reponse.text());
    const r = await monde.requete(`/v1/devoirs/${a}/rendre`, {
      method: "POST",
      profil: "eleve",
      headers: json,
      body: JSON.stringify({ televersements: [t.id] }),
    });
    expect(r.status).toBe(201);
    // 12 000 rendus sur un autre devoir comptent aussi : 8 001 octets de plus dépassent 20 000.
    const trop = await erreur(await creation(b, 8_001));
    expect(trop).toMatchObject({ status: 422, code: "quota-depasse" });
    expect(trop.message).toMatch(
      /^Cet envoi de 7,8\u00a0Ko dépasse votre espace de stockage : 11,7\u00a0Ko déjà utilisés sur 19,5\u00a0Ko/,
    );
    expect((await creation(b, 8_000)).status).toBe(201);
    // Un autre élève a son propre espace ; l'enseignant n'a pas ce quota.
    expect((await creation(b, 15_000, "eleve2")).status).toBe(201);
    expect((await creation(b, 50_000, "enseignant")).status).toBe(201);
  });

  it("des envois simultanés ne dépassent jamais le quota", async () => {
    const devoirId = await creerDevoir(monde, {
      contraintes: { familles: ["document"], tailleMaxOctets: 100_000, nombreMax: 10 },
    });
    // eleve2 occupe 16 500 octets : 2 versions rendues de 500, 500 + 15 000 en attente ; il en reste 3 500.
    const reponses = await Promise.all(Array.from({ length: 6 }, () => creation(devoirId, 1_000, "eleve2")));
    expect(reponses.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422]);
  });
});
