import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerBaseDeTest, creerBaseVide } from "./base-de-test.js";
import { createDb, type DbHandle } from "./client.js";
import { enregistrerIdentite, groupesDe } from "./identites.js";
import { devoirs, fichiersRendu, rendus, televersementsEnAttente } from "./schema/index.js";
import {
  adopterTeleversements,
  libererTeleversements,
  octetsUtilises,
  oublierTeleversementsAbsents,
  reserverTeleversement,
  televersementsConsommes,
  televersementsEnAttenteDe,
} from "./televersements.js";

// The same suite runs on PGlite (default) and on PostgreSQL when DATABASE_URL is set.
let base: DbHandle;
/** PostgreSQL: the test database's address (a second pool opens it as a second process would). */
let urlBase: string | undefined;
let fermerBase: () => Promise<void>;
let eleve: string;
let devoirA: string;
let devoirB: string;
beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const vide = await creerBaseVide(process.env.DATABASE_URL);
    urlBase = vide.url;
    base = await createDb({ url: vide.url, poolMax: 4 });
    await base.migrate();
    fermerBase = async () => {
      await base.close();
      await vide.supprimer();
    };
  } else {
    base = await creerBaseDeTest();
    fermerBase = () => base.close();
  }
  const etablissement = { uai: "0750001A", nom: "Collège Jean Moulin" };
  const prof = await enregistrerIdentite(base.db, {
    entId: "ent-q",
    uid: "prof",
    nomAffiche: "Mme Prof",
    role: "enseignant",
    etablissement,
    classes: ["3A"],
    groupes: [],
  });
  eleve = (
    await enregistrerIdentite(base.db, {
      entId: "ent-q",
      uid: "eleve",
      nomAffiche: "Léa",
      role: "eleve",
      etablissement,
      classes: ["3A"],
      groupes: [],
    })
  ).id;
  const [groupe] = await groupesDe(base.db, prof.id);
  const nouveau = async () => {
    const [d] = await base.db
      .insert(devoirs)
      .values({
        groupeId: groupe!.id,
        enseignantId: prof.id,
        titre: "Devoir",
        ouverture: new Date("2026-03-01T00:00:00Z"),
        echeance: new Date("2026-04-01T00:00:00Z"),
        familles: ["document"],
        tailleMaxOctets: 1_000_000,
        nombreMaxFichiers: 3,
      })
      .returning();
    return d!.id;
  };
  devoirA = await nouveau();
  devoirB = await nouveau();
});
afterAll(() => fermerBase());

const idTus = () => randomBytes(16).toString("hex");
const reserver = (devoirId: string, taille: number, quotaOctets: number | null = 10_000, id = idTus()) =>
  reserverTeleversement(base.db, { id, devoirId, proprietaireId: eleve, taille, nombreMax: 3, quotaOctets });

describe(`réservation des envois en base (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("compte les envois en attente par devoir, limite incluse, et les libère", async () => {
    const ids = [idTus(), idTus(), idTus()];
    for (const id of ids) expect(await reserver(devoirA, 10, null, id)).toEqual({ ok: true });
    expect(await reserver(devoirA, 10, null)).toEqual({ ok: false, raison: "nombre", enAttente: 3 });
    // Un autre devoir a sa propre limite ; la même réservation redemandée passe sans compter deux fois.
    const autre = idTus();
    expect(await reserver(devoirB, 10, null, autre)).toEqual({ ok: true });
    expect(await reserver(devoirB, 10, null, autre)).toEqual({ ok: true });
    expect(await televersementsEnAttenteDe(base.db, devoirB, eleve)).toEqual([autre]);
    await libererTeleversements(base.db, [...ids, autre]);
    expect(await televersementsEnAttenteDe(base.db, devoirA, eleve)).toEqual([]);
  });

  it("quota d'octets : envois en attente + fichiers de toutes les versions rendues, borne incluse", async () => {
    const [r] = await base.db
      .insert(rendus)
      .values({ devoirId: devoirB, eleveId: eleve, version: 1, renduLe: new Date(), enRetard: false })
      .returning();
    const fichier = idTus();
    await base.db.insert(fichiersRendu).values({
      id: fichier,
      renduId: r!.id,
      nom: "a.pdf",
      taille: 6_000,
      sha256: "0".repeat(64),
      mime: "application/pdf",
      chemin: `rendus/${devoirB}/${fichier}`,
      ordre: 0,
    });
    const en = idTus();
    expect(await reserver(devoirA, 3_000, 10_000, en)).toEqual({ ok: true });
    expect(await octetsUtilises(base.db, eleve)).toBe(9_000);
    expect(await reserver(devoirA, 1_001, 10_000)).toEqual({ ok: false, raison: "quota", utilises: 9_000 });
    const juste = idTus();
    expect(await reserver(devoirA, 1_000, 10_000, juste)).toEqual({ ok: true });
    // Le fichier rendu garde l'id de son envoi : il est « consommé ».
    expect(await televersementsConsommes(base.db, [fichier, en, "pas-un-id"])).toEqual([fichier]);
    await libererTeleversements(base.db, [en, juste]);
    await base.db.delete(rendus);
  });

  it("des réservations simultanées ne dépassent jamais la limite (deux connexions sur PostgreSQL)", async () => {
    // Sur PostgreSQL, un second pool sur la même base : deux « processus » qui réservent en même temps.
    const second = urlBase ? await createDb({ url: urlBase, poolMax: 4 }) : base;
    try {
      const essais = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          reserverTeleversement((i % 2 ? second : base).db, {
            id: idTus(),
            devoirId: devoirA,
            proprietaireId: eleve,
            taille: 100,
            nombreMax: 3,
            quotaOctets: 1_000,
          }),
        ),
      );
      expect(essais.filter((e) => e.ok)).toHaveLength(3);
      const quota = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          reserverTeleversement((i % 2 ? second : base).db, {
            id: idTus(),
            devoirId: devoirB,
            proprietaireId: eleve,
            taille: 400,
            nombreMax: 20,
            quotaOctets: 1_000,
          }),
        ),
      );
      // 300 octets déjà réservés sur le devoir A : 700 restent, une seule réservation de 400 passe.
      expect(quota.filter((e) => e.ok)).toHaveLength(1);
    } finally {
      if (second !== base) await second.close();
      await base.db.delete(televersementsEnAttente);
    }
  });

  it("adopte les envois trouvés sur le disque, oublie les lignes sans fichier", async () => {
    const a = idTus();
    const b = idTus();
    const ancien = new Date(Date.now() - 3_600_000);
    await adopterTeleversements(base.db, [
      { id: a, devoirId: devoirA, proprietaireId: eleve, taille: 10, creeLe: ancien },
      { id: b, devoirId: devoirA, proprietaireId: eleve, taille: 10, creeLe: ancien },
      // Devoir supprimé depuis : ignoré, sans erreur.
      { id: idTus(), devoirId: crypto.randomUUID(), proprietaireId: eleve, taille: 10, creeLe: ancien },
    ]);
    await adopterTeleversements(base.db, [
      { id: a, devoirId: devoirA, proprietaireId: eleve, taille: 99, creeLe: ancien },
    ]);
    expect((await televersementsEnAttenteDe(base.db, devoirA, eleve)).sort()).toEqual([a, b].sort());
    const recent = idTus();
    expect(await reserver(devoirA, 10, null, recent)).toEqual({ ok: true });
    // Seul « a » est encore sur le disque ; « recent » vient d'être réservé (délai de grâce) : gardé.
    expect(await oublierTeleversementsAbsents(base.db, [a], new Date(Date.now() - 60_000))).toBe(1);
    expect((await televersementsEnAttenteDe(base.db, devoirA, eleve)).sort()).toEqual([a, recent].sort());
    await libererTeleversements(base.db, [a, recent]);
  });
});
