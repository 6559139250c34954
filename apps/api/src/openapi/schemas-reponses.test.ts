import { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../rendus/test-support/echantillons.js";
import {
  creerDevoir,
  creerMonde,
  televerser,
  type Monde,
  type Profil,
} from "../rendus/test-support/monde.js";
import { devoirReponseSchema, lectureDevoirSchema, listeDevoirsSchema } from "../devoirs/schemas.js";
import { derogationReponseSchema, listeDerogationsSchema } from "../derogations/schemas.js";
import { mesRappelsSchema, rappelEnvoyeSchema } from "../rappels/schemas.js";
import { accuseReceptionSchema, monRenduSchema, retourVueSchema, suiviSchema } from "../rendus/schemas.js";

// Les schémas de réponse du document OpenAPI sont stricts (aucun champ non décrit) : ce test les confronte
// à de vraies réponses des routes, pour qu'une réponse ne puisse pas changer sans sa description.

const json = { "content-type": "application/json" };
let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
});
afterAll(async () => monde.fermer());

async function conforme(schema: z.ZodType, r: Response, statut: number): Promise<void> {
  expect(r.status).toBe(statut);
  const corps: unknown = await r.json();
  const res = schema.safeParse(corps);
  expect(res.success ? [] : res.error.issues).toEqual([]);
}

const get = (url: string, profil: Profil) => monde.requete(url, { profil });
const post = (url: string, profil: Profil, corps: unknown) =>
  monde.requete(url, { method: "POST", profil, headers: json, body: JSON.stringify(corps) });

describe(`les réponses réelles suivent leur description OpenAPI (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("devoir, listes, rendre, mon rendu, suivi, retour, rappels", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const creation = await post("/v1/devoirs", "enseignant", {
      groupeId: monde.groupe3A,
      titre: "Exposé",
      consignes: "Trois pages.",
      ouverture: "2026-03-23T08:00",
      echeance: "2026-03-31T23:59",
      declarationHonneur: "J'atteste avoir fait ce travail seul.",
    });
    await conforme(devoirReponseSchema, creation.clone(), 201);
    const devoirId = ((await creation.json()) as { devoir: { id: string } }).devoir.id;
    const autre = await creerDevoir(monde, { dateLimite: null });
    // Léa a un délai accordé pour « autre » : ses vues, son accusé et le suivi portent `delaiAccorde`.
    const delai = (corps: unknown) =>
      monde.requete(`/v1/devoirs/${autre}/derogations/${monde.utilisateurs.eleve.id}`, {
        method: "PUT",
        profil: "enseignant",
        headers: json,
        body: JSON.stringify(corps),
      });
    await conforme(derogationReponseSchema, await delai({ echeance: "2026-04-07T23:59", motif: "PAP" }), 201);
    await conforme(derogationReponseSchema, await delai({ dateLimite: "2026-04-09T23:59" }), 200);
    await conforme(listeDerogationsSchema, await get(`/v1/devoirs/${autre}/derogations`, "enseignant"), 200);

    for (const profil of ["enseignant", "eleve", "parent"] as const) {
      await conforme(listeDevoirsSchema, await get("/v1/devoirs", profil), 200);
      await conforme(lectureDevoirSchema, await get(`/v1/devoirs/${devoirId}`, profil), 200);
    }
    await conforme(lectureDevoirSchema, await get(`/v1/devoirs/${autre}`, "eleve"), 200);
    await conforme(listeDevoirsSchema, await get("/v1/devoirs", "eleve"), 200);

    const t = await televerser(monde, "eleve", devoirId, "exposé.pdf", pdf(5000, 9));
    if (!t.ok) throw new Error(await t.reponse.text());
    const rendu = await post(`/v1/devoirs/${devoirId}/rendre`, "eleve", {
      televersements: [t.id],
      declarationCochee: true,
    });
    await conforme(accuseReceptionSchema, rendu.clone(), 201);
    const renduId = ((await rendu.json()) as { accuseReception: { renduId: string } }).accuseReception
      .renduId;
    await conforme(
      accuseReceptionSchema,
      await post(`/v1/devoirs/${devoirId}/rendre`, "eleve", {
        televersements: [t.id],
        declarationCochee: true,
      }),
      200,
    );

    await conforme(monRenduSchema, await get(`/v1/devoirs/${devoirId}/mon-rendu`, "eleve"), 200);
    await conforme(monRenduSchema, await get(`/v1/devoirs/${autre}/mon-rendu`, "eleve"), 200);
    const t2 = await televerser(monde, "eleve", autre, "exposé.pdf", pdf(5000, 10));
    if (!t2.ok) throw new Error(await t2.reponse.text());
    await conforme(
      accuseReceptionSchema,
      await post(`/v1/devoirs/${autre}/rendre`, "eleve", { televersements: [t2.id] }),
      201,
    );
    await conforme(lectureDevoirSchema, await get(`/v1/devoirs/${autre}`, "parent"), 200);
    await conforme(listeDevoirsSchema, await get("/v1/devoirs", "parent"), 200);
    await get(`/v1/devoirs/${autre}`, "eleve2");
    await conforme(suiviSchema, await get(`/v1/devoirs/${devoirId}/suivi`, "enseignant"), 200);
    await conforme(suiviSchema, await get(`/v1/devoirs/${autre}/suivi`, "enseignant"), 200);

    const retour = await post(`/v1/rendus/${renduId}/retour`, "enseignant", { commentaire: "Très bien." });
    await conforme(z.strictObject({ retour: retourVueSchema }), retour, 201);
    await conforme(monRenduSchema, await get(`/v1/devoirs/${devoirId}/mon-rendu`, "eleve"), 200);

    await conforme(rappelEnvoyeSchema, await post(`/v1/devoirs/${autre}/rappels`, "enseignant", {}), 201);
    await conforme(mesRappelsSchema, await get("/v1/rappels", "eleve"), 200);
  });
});
