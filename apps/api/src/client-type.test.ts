// `hc<AppType>` sees the hand-in routes too (they are chained, so their paths, parameters and JSON answers
// are in the app's type), and their JSON bodies are declared from the routes' schemas (`corpsAttendu`):
// a developer gets a typed client for devoirs, rendus and rappels.
import { hc } from "hono/client";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { AppType } from "./app.js";
import { creerDevoir, creerMonde, type Monde } from "./rendus/test-support/monde.js";

let monde: Monde;
let devoirId: string;
beforeAll(async () => {
  monde = await creerMonde();
  monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
  devoirId = await creerDevoir(monde);
});
afterAll(async () => monde.fermer());

/** A typed client over the test world's app (mounted under /v1 like the real one), as `profil`. */
function client(profil: "eleve" | "enseignant") {
  return hc<AppType>("http://trousse.test", {
    fetch: ((entree, init) => monde.app.request(entree, init)) as typeof fetch,
    headers: { authorization: `Bearer ${monde.jetons[profil]}` },
  });
}

describe(`client typé hc<AppType> sur les routes des rendus (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("élève : liste des devoirs, mon rendu et rappels, réponses typées", async () => {
    const eleve = client("eleve");
    const liste = await eleve.v1.devoirs.$get();
    expect(liste.status).toBe(200);
    const corps = await liste.json();
    if (!("devoirs" in corps)) throw new Error("un élève reçoit « devoirs »");
    expect(corps.devoirs.map((d) => d.id)).toContain(devoirId);

    const monRendu = await eleve.v1.devoirs[":id"]["mon-rendu"].$get({ param: { id: devoirId } });
    expect(monRendu.status).toBe(200);
    // Error answers are typed too: a client narrows on `ok` (or the status) before reading the body.
    if (!monRendu.ok) {
      expectTypeOf((await monRendu.json()).erreur.code).toEqualTypeOf<string>();
      throw new Error("mon-rendu aurait dû répondre 200");
    }
    const rendu = await monRendu.json();
    expectTypeOf(rendu.versionRetenue).toEqualTypeOf<number | null>();
    expect(rendu.versionRetenue).toBeNull();
    expect(rendu.versions).toEqual([]);

    const rappels = await eleve.v1.rappels.$get();
    if (!rappels.ok) throw new Error("rappels aurait dû répondre 200");
    const { nonLus } = await rappels.json();
    expectTypeOf(nonLus).toEqualTypeOf<number>();
    expect(nonLus).toBe(0);
  });

  it("enseignant : suivi du devoir, typé élève par élève", async () => {
    const suivi = await client("enseignant").v1.devoirs[":id"].suivi.$get({ param: { id: devoirId } });
    expect(suivi.status).toBe(200);
    if (!suivi.ok) throw new Error("suivi aurait dû répondre 200");
    const corps = await suivi.json();
    expectTypeOf(corps.devoir.titre).toEqualTypeOf<string>();
    expect(corps.devoir.titre).toBe("Rédaction : mon voyage");
    expect(corps.eleves.length).toBeGreaterThan(0);
    expect(corps.eleves.every((e) => typeof e.statut === "string")).toBe(true);

    // Bodies are typed from the routes' own zod schemas: a reminder with its message.
    const rappel = await client("enseignant").v1.devoirs[":id"].rappels.$post({
      param: { id: devoirId },
      json: { message: "Pensez à rendre votre rédaction." },
    });
    expect(rappel.status).toBe(201);
  });

  it("les corps d'entrée ont le type des schémas des routes", () => {
    const rendre = client("eleve").v1.devoirs[":id"].rendre.$post;
    expectTypeOf(rendre).parameter(0).toHaveProperty("json").toEqualTypeOf<{
      televersements: string[];
      declarationCochee?: boolean | undefined;
    }>();
    const creer = client("enseignant").v1.devoirs.$post;
    expectTypeOf(creer).parameter(0).toHaveProperty("json").toHaveProperty("titre").toEqualTypeOf<string>();
  });
});
