import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerDevoir, creerMonde, type Monde } from "../rendus/test-support/monde.js";

// GET /v1/etablissement/charge-echeances through the real routes (PGlite, or PostgreSQL with DATABASE_URL):
// the school's hand-ins due within the hour, quieter slots, only the teacher's school.

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde({ deuxiemeEtablissement: "uai" });
}, 120_000);
afterAll(async () => monde.fermer());

type Charge = {
  rendusMemeHeure: number;
  devoirsMemeHeure: number;
  suggestions: { echeance: string; rendus: number; decalageMinutes: number; libelle: string }[];
  message: string;
};

const lire = (
  autour: string,
  profil: "enseignant" | "autreEnseignant" | "eleve" | "enseignantB" = "enseignant",
  plus = "",
) =>
  monde.requete(`/v1/etablissement/charge-echeances?autour=${encodeURIComponent(autour)}${plus}`, { profil });

describe(`charge des échéances (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("compte les rendus attendus dans l'heure et suggère un créneau plus calme ; un autre établissement ne voit rien", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const premier = await creerDevoir(monde, { echeance: "2026-03-31T22:00", dateLimite: null });
    await creerDevoir(monde, { echeance: "2026-03-31T22:10", dateLimite: null });
    await creerDevoir(monde, { echeance: "2026-04-02T22:10", dateLimite: null }); // un autre jour
    const suivi = await monde.requete(`/v1/devoirs/${premier}/suivi`, { profil: "enseignant" });
    const eleves = ((await suivi.json()) as { eleves: unknown[] }).eleves.length;
    expect(eleves).toBeGreaterThan(0);

    const r = await lire("2026-03-31T22:00");
    expect(r.status).toBe(200);
    const charge = (await r.json()) as Charge;
    expect(charge).toMatchObject({ rendusMemeHeure: 2 * eleves, devoirsMemeHeure: 2 });
    expect(charge.suggestions.length).toBeGreaterThan(0);
    expect(charge.suggestions[0]!.rendus).toBe(0);
    expect(charge.message).toMatch(/rendus sont déjà attendus dans l'établissement .* Plus calme : /);

    // A colleague of the same school sees the same load; the assignment being edited is not counted.
    const collegue = (await (await lire("2026-03-31T22:00", "autreEnseignant")).json()) as Charge;
    expect(collegue.devoirsMemeHeure).toBe(2);
    const sansLui = (await (
      await lire("2026-03-31T22:00", "enseignant", `&devoir=${premier}`)
    ).json()) as Charge;
    expect(sansLui).toMatchObject({ rendusMemeHeure: eleves, devoirsMemeHeure: 1 });
    // Another school: nothing.
    const ailleurs = (await (await lire("2026-03-31T22:00", "enseignantB")).json()) as Charge;
    expect(ailleurs).toMatchObject({ rendusMemeHeure: 0, devoirsMemeHeure: 0, suggestions: [] });
  });

  it("réservé aux enseignants ; date illisible : 400 en français", async () => {
    expect((await lire("2026-03-31T22:00", "eleve")).status).toBe(403);
    const r = await lire("pas une date");
    expect(r.status).toBe(400);
    expect(((await r.json()) as { erreur: { code: string; message: string } }).erreur).toMatchObject({
      code: "date-invalide",
    });
  });
});
