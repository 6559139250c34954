import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rendus } from "@trousse/db";
import { pdf, png } from "./test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde, type Profil } from "./test-support/monde.js";

const json = { "content-type": "application/json" };

interface Accuse {
  renduId: string;
  version: number;
  versionRetenue: number;
  enRetard: boolean;
  fichiers: { id: string; nom: string }[];
  message: string;
}

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
});
afterAll(async () => monde.fermer());

const envoyer = async (profil: Profil, devoirId: string, nom: string, contenu: Buffer): Promise<string> => {
  const t = await televerser(monde, profil, devoirId, nom, contenu);
  if (!t.ok) throw new Error(`envoi : ${t.reponse.status} ${await t.reponse.text()}`);
  return t.id;
};

const rendre = (devoirId: string, televersements: string[], profil: Profil = "eleve") =>
  monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil,
    headers: json,
    body: JSON.stringify({ televersements, declarationCochee: true }),
  });

const accuse = async (r: Response): Promise<Accuse> =>
  ((await r.json()) as { accuseReception: Accuse }).accuseReception;

const code = async (r: Response): Promise<string> =>
  ((await r.json()) as { erreur: { code: string } }).erreur.code;

const versions = async (devoirId: string, eleveId: string) =>
  monde.base.db
    .select({ version: rendus.version })
    .from(rendus)
    .where(and(eq(rendus.devoirId, devoirId), eq(rendus.eleveId, eleveId)));

describe(`« rendre » rejouable (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("la même demande renvoyée (accusé perdu) redonne le même accusé en 200, sans seconde version", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const ids = [
      await envoyer("eleve", devoirId, "copie.pdf", pdf(4000, 1)),
      await envoyer("eleve", devoirId, "schéma.png", png()),
    ];
    const premier = await rendre(devoirId, ids);
    expect(premier.status).toBe(201);
    expect(premier.headers.get("idempotent-replayed")).toBeNull();
    const a1 = await accuse(premier);

    monde.horloge.maintenant = new Date("2026-03-25T10:00:07+01:00");
    const second = await rendre(devoirId, ids);
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await accuse(second)).toEqual(a1);
    expect((await versions(devoirId, monde.utilisateurs.eleve.id)).length).toBe(1);
  });

  it("rejoué après la date limite, le rendu fait à l'heure reste accusé « à l'heure »", async () => {
    monde.horloge.maintenant = new Date("2026-03-31T23:58:00+02:00");
    const devoirId = await creerDevoir(monde);
    const ids = [await envoyer("eleve", devoirId, "copie.pdf", pdf(3000, 2))];
    const a1 = await accuse(await rendre(devoirId, ids));
    expect(a1.enRetard).toBe(false);

    monde.horloge.maintenant = new Date("2026-04-03T09:00:00+02:00");
    const second = await rendre(devoirId, ids);
    expect(second.status).toBe(200);
    expect(await accuse(second)).toEqual(a1);
  });

  it("une partie des envois d'un rendu, ou les envois d'un autre élève, ne sont pas un rejeu : 404", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const ids = [
      await envoyer("eleve", devoirId, "page 1.pdf", pdf(3000, 3)),
      await envoyer("eleve", devoirId, "page 2.pdf", pdf(3000, 4)),
    ];
    expect((await rendre(devoirId, ids)).status).toBe(201);

    const partiel = await rendre(devoirId, [ids[0]!]);
    expect(partiel.status).toBe(404);
    expect(await code(partiel)).toBe("televersement-introuvable");

    const autreEleve = await rendre(devoirId, ids, "eleve2");
    expect(autreEleve.status).toBe(404);
    expect(await code(autreEleve)).toBe("televersement-introuvable");
    expect((await versions(devoirId, monde.utilisateurs.eleve2.id)).length).toBe(0);
  });

  it("rejouer la version 1 après une version 2 redonne l'accusé de la 1 et dit que la 2 compte", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const v1 = [await envoyer("eleve", devoirId, "brouillon.pdf", pdf(3000, 5))];
    const a1 = await accuse(await rendre(devoirId, v1));
    const v2 = [await envoyer("eleve", devoirId, "propre.pdf", pdf(3000, 6))];
    expect((await accuse(await rendre(devoirId, v2))).version).toBe(2);

    const rejeu = await rendre(devoirId, v1);
    expect(rejeu.status).toBe(200);
    expect(await accuse(rejeu)).toEqual({ ...a1, versionRetenue: 2 });
    expect((await versions(devoirId, monde.utilisateurs.eleve.id)).length).toBe(2);
  });

  it("deux demandes identiques simultanées (double appui) : un seul rendu, le même accusé pour les deux", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const ids = [await envoyer("eleve", devoirId, "copie.pdf", pdf(20_000, 7))];
    const [r1, r2] = await Promise.all([rendre(devoirId, ids), rendre(devoirId, ids)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    const [a1, a2] = [await accuse(r1), await accuse(r2)];
    expect(a2).toEqual(a1);
    expect((await versions(devoirId, monde.utilisateurs.eleve.id)).length).toBe(1);
  });
});
