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
