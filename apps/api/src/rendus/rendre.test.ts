import { and, eq } from "drizzle-orm";
import { fichiersRendu, rendus } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "./test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "./test-support/monde.js";

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
}, 120_000);
afterAll(async () => monde.fermer());

async function envoi(devoirId: string, graine: number): Promise<string> {
  const r = await televerser(monde, "eleve", devoirId, `copie-${graine}.pdf`, pdf(4000, graine));
  if (!r.ok) throw new Error(`envoi : ${r.reponse.status} ${await r.reponse.text()}`);
  return r.id;
}

const rendre = (devoirId: string, ids: string[]) =>
  monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ televersements: ids }),
  });

describe(`« rendre » en une instruction SQL (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("écrit la version et tous ses fichiers ensemble, dans l'ordre d'envoi", async () => {
    const devoirId = await creerDevoir(monde);
    const ids = [await envoi(devoirId, 1), await envoi(devoirId, 2), await envoi(devoirId, 3)];
    const r = await rendre(devoirId, ids);
    expect(r.status).toBe(201);
    const { accuseReception: a } = (await r.json()) as {
      accuseReception: { renduId: string; version: number; fichiers: { id: string; sha256: string }[] };
    };
    expect(a.version).toBe(1);
    const lignes = await monde.base.db
      .select()
      .from(fichiersRendu)
      .where(eq(fichiersRendu.renduId, a.renduId))
      .orderBy(fichiersRendu.ordre);
    expect(lignes.map((l) => l.id)).toEqual(a.fichiers.map((f) => f.id));
    expect(lignes.map((l) => l.sha256)).toEqual(a.fichiers.map((f) => f.sha256));
    expect(lignes.map((l) => l.ordre)).toEqual([0, 1, 2]);
    expect(lignes[0]!.taille).toBe(4000);
  });

  it("deux « rendre » simultanés du même élève : jamais deux fois la même version, aucun fichier sans sa version", async () => {
    const devoirId = await creerDevoir(monde);
    const [a, b] = [await envoi(devoirId, 4), await envoi(devoirId, 5)];
    const reponses = await Promise.all([rendre(devoirId, [a]), rendre(devoirId, [b])]);
    const statuts = reponses.map((r) => r.status).sort();
    expect(statuts[0]).toBe(201);
    expect([201, 409]).toContain(statuts[1]);
    for (const r of reponses.filter((x) => x.status === 409)) {
      expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("rendu-concurrent");
    }
    const versions = await monde.base.db
      .select({ id: rendus.id, version: rendus.version })
      .from(rendus)
      .where(and(eq(rendus.devoirId, devoirId), eq(rendus.eleveId, monde.utilisateurs.eleve.id)));
    expect(versions.map((v) => v.version).sort()).toEqual(statuts[1] === 201 ? [1, 2] : [1]);
    for (const v of versions) {
      const f = await monde.base.db.select().from(fichiersRendu).where(eq(fichiersRendu.renduId, v.id));
      expect(f).toHaveLength(1);
    }
  });
});
