import { createHash } from "node:crypto";
import { QUOTAS_PAR_DEFAUT } from "@trousse/rules";
import { and, eq, sql } from "drizzle-orm";
import { engagements, rendus } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargerDevoir } from "../devoirs/acces.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { rendreDevoir } from "../rendus/rendre.js";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";
import { pdf } from "../rendus/test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "../rendus/test-support/monde.js";

// The commitment (« engager ») then « rendre », through the real routes, on PGlite or PostgreSQL
// (DATABASE_URL): matching bytes take the commitment's time, other bytes and an expired commitment are
// refused and closed, a new commitment replaces the old one, and a commitment alone is never a hand-in.

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
}, 120_000);
afterAll(async () => monde.fermer());

const json = { "content-type": "application/json" };
const a = (iso: string) => new Date(iso);
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const sansInsecables = (s: string | null | undefined) => s?.replace(/\u00a0/g, " ");

function engager(devoirId: string, fichiers: { contenu: Buffer; nom: string }[], profil = "eleve" as const) {
  return monde.requete(`/v1/devoirs/${devoirId}/engager`, {
    method: "POST",
    profil,
    headers: json,
    body: JSON.stringify({
      fichiers: fichiers.map((f) => ({ sha256: sha256(f.contenu), taille: f.contenu.length, nom: f.nom })),
    }),
  });
}

async function rendre(devoirId: string, contenus: Buffer[]) {
  const ids: string[] = [];
  for (const [i, c] of contenus.entries()) {
    const t = await televerser(monde, "eleve", devoirId, `copie-${i}.pdf`, c);
    if (!t.ok) throw new Error(await t.reponse.text());
    ids.push(t.id);
  }
  return monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: json,
    body: JSON.stringify({ televersements: ids }),
  });
}

const ouverts = (devoirId: string) =>
  monde.base.db
    .select()
    .from(engagements)
    .where(and(eq(engagements.devoirId, devoirId), eq(engagements.eleveId, monde.utilisateurs.eleve.id)));

type Accuse = {
  accuseReception: {
    renduLe: string;
    recuLe: string | null;
    enRetard: boolean;
    horodatageLibelle: string | null;
    message: string;
  };
};

describe(`engagement puis rendu (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("mêmes octets reçus après l'échéance : rendu à l'heure de l'engagement, les deux heures montrées", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { dateLimite: null }); // échéance 31 mars 23 h 59, rien après
    const copie = pdf(4000, 11);
    monde.horloge.maintenant = a("2026-03-31T23:58:50+02:00");
    const e = await engager(devoirId, [{ contenu: copie, nom: "copie.pdf" }]);
    expect(e.status).toBe(201);
    const { engagement } = (await e.json()) as {
      engagement: { provisoire: boolean; ponctualitePrevue: string; message: string; remplace: boolean };
    };
    expect(engagement).toMatchObject({ provisoire: true, ponctualitePrevue: "a-l-heure", remplace: false });
    expect(sansInsecables(engagement.message)).toMatch(
      /horodaté à 23 h 58 min 50 s : ce n'est pas encore un rendu/,
    );

    // Un engagement seul n'est pas un rendu : le suivi et « mon rendu » n'en montrent aucun.
    const suiviAvant = await monde.requete(`/v1/devoirs/${devoirId}/suivi`, { profil: "enseignant" });
    const lea = (
      (await suiviAvant.json()) as { eleves: { eleve: { id: string }; rendu: unknown }[] }
    ).eleves.find((l) => l.eleve.id === monde.utilisateurs.eleve.id);
    expect(lea?.rendu).toBeNull();

    monde.horloge.maintenant = a("2026-04-01T00:04:12+02:00"); // après l'échéance, sans date limite
    const r = await rendre(devoirId, [copie]);
    expect(r.status).toBe(201);
    const { accuseReception } = (await r.json()) as Accuse;
    expect(accuseReception).toMatchObject({
      renduLe: "2026-03-31T21:58:50.000Z",
      recuLe: "2026-03-31T22:04:12.000Z",
      enRetard: false,
    });
    expect(sansInsecables(accuseReception.horodatageLibelle)).toBe(
      "engagé à 23 h 58 min 50 s, reçu à 0 h 04 min 12 s — rendu à l'heure",
    );
    expect(sansInsecables(accuseReception.message)).toMatch(
      /Engagé à 23 h 58 min 50 s, reçu à 0 h 04 min 12 s/,
    );
    expect(await ouverts(devoirId)).toEqual([]); // consommé par la même instruction

    const suivi = await monde.requete(`/v1/devoirs/${devoirId}/suivi`, { profil: "enseignant" });
    const ligne = (
      (await suivi.json()) as {
        eleves: {
          eleve: { id: string };
          statut: string;
          rendu: { horodatageLibelle: string | null } | null;
        }[];
      }
    ).eleves.find((l) => l.eleve.id === monde.utilisateurs.eleve.id);
    expect(ligne?.statut).toBe("rendu");
    expect(sansInsecables(ligne?.rendu?.horodatageLibelle)).toMatch(
      /^engagé à 23 h 58 min 50 s, reçu à 0 h 04/,
    );
    const mien = await monde.requete(`/v1/devoirs/${devoirId}/mon-rendu`, { profil: "eleve" });
    const versions = ((await mien.json()) as { versions: { recuLe: string | null }[] }).versions;
    expect(versions[0]?.recuLe).toBe("2026-03-31T22:04:12.000Z");
  });

  it("autres octets : 409 empreinte-differente, l'engagement est fermé, le rendu suivant est daté de maintenant", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    monde.horloge.maintenant = a("2026-03-31T23:58:00+02:00");
    expect((await engager(devoirId, [{ contenu: pdf(4000, 1), nom: "copie.pdf" }])).status).toBe(201);
    monde.horloge.maintenant = a("2026-04-01T00:10:00+02:00");
    const autre = pdf(4000, 2);
    const r = await rendre(devoirId, [autre]);
    expect(r.status).toBe(409);
    const corps = (await r.json()) as { erreur: { code: string; message: string } };
    expect(corps.erreur.code).toBe("empreinte-differente");
    expect(corps.erreur.message).toMatch(/empreinte diffère/);
    expect(await ouverts(devoirId)).toEqual([]);
    const versions = await monde.base.db.select().from(rendus).where(eq(rendus.devoirId, devoirId));
    expect(versions).toEqual([]);
    const encore = await rendre(devoirId, [autre]);
    expect(encore.status).toBe(201);
    const { accuseReception } = (await encore.json()) as Accuse;
    expect(accuseReception).toMatchObject({
      renduLe: "2026-03-31T22:10:00.000Z",
      recuLe: null,
      enRetard: true,
    });
    expect(accuseReception.horodatageLibelle).toBeNull();
  });

  it("délai de grâce dépassé : 409 engagement-expire, puis rendu à l'heure courante", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { dateLimite: "2026-04-09T23:59" });
    const copie = pdf(4000, 3);
    monde.horloge.maintenant = a("2026-03-31T20:00:00+02:00");
    expect((await engager(devoirId, [{ contenu: copie, nom: "copie.pdf" }])).status).toBe(201);
    monde.horloge.maintenant = a("2026-04-01T20:00:01+02:00"); // 24 h + 1 s
    const r = await rendre(devoirId, [copie]);
    expect(r.status).toBe(409);
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("engagement-expire");
    expect(await ouverts(devoirId)).toEqual([]);
    const encore = await rendre(devoirId, [copie]);
    expect(encore.status).toBe(201);
    expect(((await encore.json()) as Accuse).accuseReception).toMatchObject({ enRetard: true, recuLe: null });
  });

  it("un nouvel engagement remplace le précédent : les octets du premier sont refusés, ceux du second à son heure", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { dateLimite: null });
    const premier = pdf(4000, 4);
    const second = pdf(4000, 5);
    monde.horloge.maintenant = a("2026-03-31T23:00:00+02:00");
    expect((await engager(devoirId, [{ contenu: premier, nom: "a.pdf" }])).status).toBe(201);
    monde.horloge.maintenant = a("2026-03-31T23:30:00+02:00");
    const e2 = await engager(devoirId, [{ contenu: second, nom: "b.pdf" }]);
    expect(((await e2.json()) as { engagement: { remplace: boolean } }).engagement.remplace).toBe(true);
    expect(await ouverts(devoirId)).toHaveLength(1);
    monde.horloge.maintenant = a("2026-04-01T00:05:00+02:00");
    const r = await rendre(devoirId, [second]);
    expect(r.status).toBe(201);
    expect(((await r.json()) as Accuse).accuseReception).toMatchObject({
      renduLe: "2026-03-31T21:30:00.000Z",
      enRetard: false,
    });
  });

  it("engagement remplacé pendant le rendu (entre la lecture et l'instruction) : rejugé avec le nouveau", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const copie = pdf(4000, 6);
    monde.horloge.maintenant = a("2026-03-31T23:50:00+02:00");
    expect((await engager(devoirId, [{ contenu: copie, nom: "copie.pdf" }])).status).toBe(201);
    monde.horloge.maintenant = a("2026-04-01T00:05:00+02:00");
    const t = await televerser(monde, "eleve", devoirId, "copie.pdf", copie);
    if (!t.ok) throw new Error(await t.reponse.text());
    const reel = monde.module.stockage;
    let fait = false;
    const stockage = Object.create(reel) as StockageFichiers;
    stockage.conserver = async (...args: Parameters<StockageFichiers["conserver"]>) => {
      if (!fait) {
        fait = true;
        // Another device of the pupil commits to other files while this « rendre » keeps its files.
        const e = await engager(devoirId, [{ contenu: pdf(4000, 7), nom: "autre.pdf" }]);
        if (e.status !== 201) throw new Error(await e.text());
      }
      return reel.conserver(...args);
    };
    const devoir = await chargerDevoir(monde.base.db, devoirId);
    const erreur = await rendreDevoir(
      {
        db: monde.base.db,
        store: monde.module.store,
        stockage,
        registre: monde.module.registre,
        maintenant: () => monde.horloge.maintenant,
        versionsMax: QUOTAS_PAR_DEFAUT.versionsMax,
      },
      devoir,
      monde.utilisateurs.eleve,
      { televersements: [t.id], declarationCochee: false },
    ).catch((e: unknown) => e);
    expect(erreur).toBeInstanceOf(ErreurApi);
    expect(erreur).toMatchObject({ status: 409, code: "empreinte-differente" });
    expect(await monde.base.db.select().from(rendus).where(eq(rendus.devoirId, devoirId))).toEqual([]);
  });

  it("engagement arrivé avant l'échéance mais traité après (base occupée) : daté de son arrivée, à l'heure", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde, { dateLimite: null }); // échéance 31 mars 23 h 59, rien après
    const copie = pdf(4000, 31);
    // The rush: the database is held (a table lock on PostgreSQL; on PGlite any transaction holds the only
    // connection), so the commitment's lookups wait, and the clock passes the due date meanwhile.
    let liberer!: () => void;
    const liberation = new Promise<void>((r) => (liberer = r));
    let tenue!: () => void;
    const estTenue = new Promise<void>((r) => (tenue = r));
    const verrou = monde.base.db.transaction(async (tx) => {
      await tx.execute(sql`lock table devoirs in access exclusive mode`);
      tenue();
      await liberation;
    });
    await estTenue;
    monde.horloge.maintenant = a("2026-03-31T23:58:30+02:00");
    const reponse = engager(devoirId, [{ contenu: copie, nom: "copie.pdf" }]);
    await new Promise((r) => setTimeout(r, 300));
    monde.horloge.maintenant = a("2026-03-31T23:59:40+02:00");
    liberer();
    await verrou;
    const e = await reponse;
    expect(e.status).toBe(201);
    const { engagement } = (await e.json()) as {
      engagement: { engageLe: string; ponctualitePrevue: string };
    };
    expect(engagement.engageLe).toBe(a("2026-03-31T23:58:30+02:00").toISOString());
    expect(engagement.ponctualitePrevue).toBe("a-l-heure");
    // The same bytes, received later: on time, at the commitment's time.
    monde.horloge.maintenant = a("2026-04-01T00:03:00+02:00");
    const r = await rendre(devoirId, [copie]);
    expect(r.status).toBe(201);
    const { accuseReception } = (await r.json()) as Accuse;
    expect(accuseReception.enRetard).toBe(false);
    expect(accuseReception.renduLe).toBe(a("2026-03-31T23:58:30+02:00").toISOString());
  });

  it("engager : réservé aux élèves, empreinte invalide en français, fermé après la date limite, bornes du devoir", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const prof = await engager(devoirId, [{ contenu: pdf(100, 1), nom: "a.pdf" }], "enseignant" as "eleve");
    expect(prof.status).toBe(403);
    const invalide = await monde.requete(`/v1/devoirs/${devoirId}/engager`, {
      method: "POST",
      profil: "eleve",
      headers: json,
      body: JSON.stringify({ fichiers: [{ sha256: "zz", taille: 10, nom: "a.pdf" }] }),
    });
    expect(invalide.status).toBe(400);
    expect(await invalide.text()).toMatch(/64 chiffres hexadécimaux/);
    const trop = await engager(
      devoirId,
      [1, 2, 3, 4].map((i) => ({ contenu: pdf(100, i), nom: `${i}.pdf` })),
    );
    expect(trop.status).toBe(422);
    expect(((await trop.json()) as { erreur: { code: string } }).erreur.code).toBe("trop-de-fichiers");
    monde.horloge.maintenant = a("2026-04-03T00:00:00+02:00");
    const ferme = await engager(devoirId, [{ contenu: pdf(100, 1), nom: "a.pdf" }]);
    expect(ferme.status).toBe(409);
    expect(((await ferme.json()) as { erreur: { code: string } }).erreur.code).toBe("date-limite-depassee");
    expect(await ouverts(devoirId)).toEqual([]);
  });
});
