import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerDevoir, creerMonde, televerser, type Monde } from "./test-support/monde.js";
import { pdf } from "./test-support/echantillons.js";

const json = { "content-type": "application/json" };
type LigneSuivi = {
  eleve: { nomAffiche: string };
  statut: string;
  libelle: string;
  rendu: null | { enRetard: boolean; horodatageLibelle: string | null };
};

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
}, 120_000);
afterAll(async () => monde.fermer());

async function rendre(devoirId: string) {
  const t = await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(3000, 7));
  if (!t.ok) throw new Error(`téléversement : ${t.reponse.status}`);
  const r = await monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: json,
    body: JSON.stringify({ televersements: [t.id] }),
  });
  expect(r.status).toBe(201);
}
async function ligneDeLEleve(devoirId: string): Promise<LigneSuivi> {
  const r = await monde.requete(`/v1/devoirs/${devoirId}/suivi`, { profil: "enseignant" });
  expect(r.status).toBe(200);
  const { eleves } = (await r.json()) as { eleves: LigneSuivi[] };
  return eleves.find((e) => e.eleve.nomAffiche === monde.utilisateurs.eleve.nomAffiche)!;
}
const deplacerEcheance = async (devoirId: string, echeance: string, dateLimite: string) => {
  const r = await monde.requete(`/v1/devoirs/${devoirId}`, {
    method: "PATCH",
    profil: "enseignant",
    headers: json,
    body: JSON.stringify({ echeance, dateLimite }),
  });
  expect(r.status).toBe(200);
};

// The follow-up judges a hand-in against the assignment's dates as they are now (statutSuivi of the rules):
// its `enRetard` flag must say the same thing as its status, whatever was stored when it was handed in.
describe(`suivi après un changement d'échéance (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("rendu en retard, puis échéance repoussée : la ligne dit « rendu » et n'est plus en retard", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde); // échéance 31 mars 23 h 59, date limite 2 avril 23 h 59
    monde.horloge.maintenant = new Date("2026-04-01T09:00:00+02:00");
    await rendre(devoirId);
    expect(await ligneDeLEleve(devoirId)).toMatchObject({
      statut: "rendu-en-retard",
      rendu: { enRetard: true },
    });

    await deplacerEcheance(devoirId, "2026-04-03T23:59", "2026-04-05T23:59");
    const apres = await ligneDeLEleve(devoirId);
    expect(apres.statut).toBe("rendu");
    expect(apres.rendu?.enRetard).toBe(false);
  });

  it("rendu à l'heure, puis échéance avancée avant lui : la ligne dit « en retard », comme son statut", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    monde.horloge.maintenant = new Date("2026-03-30T18:00:00+02:00");
    await rendre(devoirId);
    expect(await ligneDeLEleve(devoirId)).toMatchObject({ statut: "rendu", rendu: { enRetard: false } });

    monde.horloge.maintenant = new Date("2026-03-30T19:00:00+02:00");
    await deplacerEcheance(devoirId, "2026-03-30T12:00", "2026-04-02T23:59");
    const apres = await ligneDeLEleve(devoirId);
    expect(apres.statut).toBe("rendu-en-retard");
    expect(apres.rendu?.enRetard).toBe(true);
  });
});
