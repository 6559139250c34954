import { QUOTAS_PAR_DEFAUT } from "@trousse/rules";
import { and, eq } from "drizzle-orm";
import { derogations, rendus } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargerDevoir } from "../devoirs/acces.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";
import { rendreDevoir } from "./rendre.js";
import { pdf } from "./test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "./test-support/monde.js";

// « rendre » reads the pupil's extension, lets the rules judge, keeps the files, then inserts in one
// statement. Here the teacher withdraws, replaces or grants the extension exactly between the read and the
// statement (while the files are being kept): the version must never be stored under the old extension.

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
}, 120_000);
afterAll(async () => monde.fermer());

const json = { "content-type": "application/json" };
const a = (iso: string) => new Date(iso);

async function accorder(devoirId: string, corps: Record<string, string>) {
  const r = await monde.requete(`/v1/devoirs/${devoirId}/derogations/${monde.utilisateurs.eleve.id}`, {
    method: "PUT",
    profil: "enseignant",
    headers: json,
    body: JSON.stringify(corps),
  });
  if (r.status >= 300) throw new Error(await r.text());
}

/** « rendre » for Léa, running `pendant` once while its files are being kept (after the rules judged). */
async function rendrePendant(devoirId: string, pendant: () => Promise<unknown>) {
  const t = await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(3000, 7));
  if (!t.ok) throw new Error(await t.reponse.text());
  const reel = monde.module.stockage;
  let fait = false;
  const stockage = Object.create(reel) as StockageFichiers;
  stockage.conserver = async (...args: Parameters<StockageFichiers["conserver"]>) => {
    if (!fait) {
      fait = true;
      await pendant();
    }
    return reel.conserver(...args);
  };
  const devoir = await chargerDevoir(monde.base.db, devoirId);
  return rendreDevoir(
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
  );
}

const retirer = (devoirId: string) =>
  monde.base.db
    .delete(derogations)
    .where(and(eq(derogations.devoirId, devoirId), eq(derogations.eleveId, monde.utilisateurs.eleve.id)));
const versions = (devoirId: string) =>
  monde.base.db
    .select()
    .from(rendus)
    .where(and(eq(rendus.devoirId, devoirId), eq(rendus.eleveId, monde.utilisateurs.eleve.id)));

describe(`« rendre » et un délai qui change pendant le rendu (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("délai retiré après la date limite de la classe : refusé, rien d'enregistré", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde); // échéance 31 mars, date limite 2 avril
    await accorder(devoirId, { echeance: "2026-04-07T23:59" });
    monde.horloge.maintenant = a("2026-04-05T10:00:00+02:00");
    const erreur = await rendrePendant(devoirId, () => retirer(devoirId)).catch((e: unknown) => e);
    expect(erreur).toBeInstanceOf(ErreurApi);
    expect(erreur).toMatchObject({ status: 409, code: "date-limite-depassee" });
    expect(await versions(devoirId)).toEqual([]);
  });

  it("délai retiré pendant le délai de retard de la classe : enregistré, mais en retard et sans délai", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    await accorder(devoirId, { echeance: "2026-04-07T23:59" });
    monde.horloge.maintenant = a("2026-04-01T10:00:00+02:00");
    const accuse = await rendrePendant(devoirId, () => retirer(devoirId));
    expect(accuse).toMatchObject({ enRetard: true, statut: "rendu-en-retard", delaiAccorde: null });
    const [v] = await versions(devoirId);
    expect(v).toMatchObject({ enRetard: true, delaiEcheance: null, delaiDateLimite: null });
  });

  it("délai remplacé par un plus court (déjà passé) : jugé sur le nouveau", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    await accorder(devoirId, { echeance: "2026-04-07T23:59" });
    monde.horloge.maintenant = a("2026-04-01T10:00:00+02:00");
    const accuse = await rendrePendant(devoirId, () => accorder(devoirId, { echeance: "2026-04-01T08:00" }));
    expect(accuse.enRetard).toBe(true);
    expect(accuse.delaiAccorde?.echeance).toBe("2026-04-01T06:00:00.000Z");
    const [v] = await versions(devoirId);
    expect(v?.delaiEcheance?.toISOString()).toBe("2026-04-01T06:00:00.000Z");
  });

  it("délai accordé pendant le rendu : l'instruction le voit et le rendu est jugé avec lui", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    monde.horloge.maintenant = a("2026-04-01T10:00:00+02:00"); // en retard pour la classe
    const accuse = await rendrePendant(devoirId, () => accorder(devoirId, { echeance: "2026-04-07T23:59" }));
    expect(accuse).toMatchObject({ enRetard: false, statut: "rendu" });
    expect(accuse.delaiAccorde?.echeance).toBe("2026-04-07T21:59:00.000Z");
  });
});

/**
 * « rendre » for Léa, the teacher replacing her extension for real (PUT of the route) right before each of
 * the statement's tries, after the rules judged: `changements` times at most.
 */
async function rendreEnChangeantLeDelai(devoirId: string, changements: string[]) {
  const t = await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(3000, 11));
  if (!t.ok) throw new Error(await t.reponse.text());
  const essais: number[] = [];
  const devoir = await chargerDevoir(monde.base.db, devoirId);
  const resultat = await rendreDevoir(
    {
      db: monde.base.db,
      store: monde.module.store,
      stockage: monde.module.stockage,
      registre: monde.module.registre,
      maintenant: () => monde.horloge.maintenant,
      versionsMax: QUOTAS_PAR_DEFAUT.versionsMax,
      avantInsertion: async (essai) => {
        essais.push(essai);
        const echeance = changements[essai - 1];
        if (echeance) await accorder(devoirId, { echeance });
      },
    },
    devoir,
    monde.utilisateurs.eleve,
    { televersements: [t.id], declarationCochee: false },
  ).catch((e: unknown) => e);
  return { resultat, essais, televersement: t.id };
}

const versionDuDelai = async (devoirId: string) =>
  (
    await monde.base.db
      .select({ version: derogations.version })
      .from(derogations)
      .where(and(eq(derogations.devoirId, devoirId), eq(derogations.eleveId, monde.utilisateurs.eleve.id)))
  )[0]?.version;

describe(`« rendre » quand le délai change à chaque essai (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("changé avant chacun des 3 essais : 3 jugements, puis 409 delai-modifie ; rien d'enregistré, l'envoi reste utilisable", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    await accorder(devoirId, { echeance: "2026-04-07T23:59" });
    monde.horloge.maintenant = a("2026-04-01T10:00:00+02:00");
    const { resultat, essais, televersement } = await rendreEnChangeantLeDelai(devoirId, [
      "2026-04-08T23:59",
      "2026-04-09T23:59",
      "2026-04-10T23:59",
    ]);
    expect(resultat).toBeInstanceOf(ErreurApi);
    expect(resultat).toMatchObject({ status: 409, code: "delai-modifie" });
    expect((resultat as ErreurApi).message).toMatch(/vient d'être modifié par l'enseignant/);
    expect(essais).toEqual([1, 2, 3]);
    expect(await versionDuDelai(devoirId)).toBe(4); // granted, then replaced 3 times
    expect(await versions(devoirId)).toEqual([]);
    // The upload was not consumed: the pupil hands in again with it, under the latest extension.
    expect(await monde.module.store.lireTermine(televersement)).not.toBeNull();
    const devoir = await chargerDevoir(monde.base.db, devoirId);
    const accuse = await rendreDevoir(
      {
        db: monde.base.db,
        store: monde.module.store,
        stockage: monde.module.stockage,
        registre: monde.module.registre,
        maintenant: () => monde.horloge.maintenant,
        versionsMax: QUOTAS_PAR_DEFAUT.versionsMax,
      },
      devoir,
      monde.utilisateurs.eleve,
      { televersements: [televersement], declarationCochee: false },
    );
    expect(accuse.delaiAccorde?.echeance).toBe("2026-04-10T21:59:00.000Z");
  });

  it("changé avant les 2 premiers essais : le 3e enregistre, sous le dernier délai", async () => {
    monde.horloge.maintenant = a("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    await accorder(devoirId, { echeance: "2026-04-07T23:59" });
    monde.horloge.maintenant = a("2026-04-01T10:00:00+02:00");
    const { resultat, essais } = await rendreEnChangeantLeDelai(devoirId, [
      "2026-04-08T23:59",
      "2026-04-09T23:59",
    ]);
    expect(essais).toEqual([1, 2, 3]);
    expect(resultat).toMatchObject({ enRetard: false, statut: "rendu", version: 1 });
    const [v] = await versions(devoirId);
    expect(v?.delaiEcheance?.toISOString()).toBe("2026-04-09T21:59:00.000Z");
  });
});
