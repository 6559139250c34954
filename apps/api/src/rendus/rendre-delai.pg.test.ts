import { QUOTAS_PAR_DEFAUT } from "@trousse/rules";
import { and, eq, sql } from "drizzle-orm";
import { derogations, rendus } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargerDevoir } from "../devoirs/acces.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";
import { rendreDevoir } from "./rendre.js";
import { pdf } from "./test-support/echantillons.js";
import { creerDevoir, creerMonde, televerser, type Monde } from "./test-support/monde.js";

// PostgreSQL only (two connections): a withdrawal whose DELETE has run but not committed when « rendre »'s
// statement starts. The statement's `for share` waits for it, then sees the row gone and inserts nothing;
// « rendre » re-judges without the extension. (Without the lock, its snapshot would still see the row.)
// Then a replacement by another connection during each of the statement's 3 tries: 409 `delai-modifie`.

let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
}, 120_000);
afterAll(async () => monde.fermer());

describe("« rendre » attend un retrait de délai en cours (PostgreSQL)", () => {
  it("le retrait non encore validé l'emporte : le rendu est jugé sans le délai", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde); // échéance 31 mars, date limite 2 avril
    const eleve = monde.utilisateurs.eleve;
    const accord = await monde.requete(`/v1/devoirs/${devoirId}/derogations/${eleve.id}`, {
      method: "PUT",
      profil: "enseignant",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ echeance: "2026-04-07T23:59" }),
    });
    expect(accord.status).toBe(201);
    monde.horloge.maintenant = new Date("2026-04-01T10:00:00+02:00");
    const t = await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(3000, 3));
    if (!t.ok) throw new Error(await t.reponse.text());

    let valider!: () => void;
    const validation = new Promise<void>((ok) => (valider = ok));
    let retraitFait!: () => void;
    const retraitExecute = new Promise<void>((ok) => (retraitFait = ok));
    let retrait: Promise<unknown> | null = null;
    const reel = monde.module.stockage;
    const stockage = Object.create(reel) as StockageFichiers;
    stockage.conserver = async (...args: Parameters<StockageFichiers["conserver"]>) => {
      if (!retrait) {
        // Another connection deletes the extension and keeps its transaction open.
        retrait = monde.base.db.transaction(async (tx) => {
          await tx
            .delete(derogations)
            .where(and(eq(derogations.devoirId, devoirId), eq(derogations.eleveId, eleve.id)));
          retraitFait();
          await validation;
        });
        await retraitExecute;
      }
      return reel.conserver(...args);
    };
    const devoir = await chargerDevoir(monde.base.db, devoirId);
    const rendu = rendreDevoir(
      {
        db: monde.base.db,
        store: monde.module.store,
        stockage,
        registre: monde.module.registre,
        maintenant: () => monde.horloge.maintenant,
        versionsMax: QUOTAS_PAR_DEFAUT.versionsMax,
      },
      devoir,
      eleve,
      { televersements: [t.id], declarationCochee: false },
    );
    // Give the statement time to reach the locked row, then commit the withdrawal.
    await new Promise((ok) => setTimeout(ok, 500));
    const enAttente = await monde.base.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
    );
    expect((enAttente as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(1);
    valider();
    await retrait;
    const accuse = await rendu;
    expect(accuse).toMatchObject({ enRetard: true, statut: "rendu-en-retard", delaiAccorde: null });
    const [v] = await monde.base.db
      .select()
      .from(rendus)
      .where(and(eq(rendus.devoirId, devoirId), eq(rendus.eleveId, eleve.id)));
    expect(v).toMatchObject({ enRetard: true, delaiEcheance: null });
  });

  it("remplacé par une autre connexion pendant chacune des 3 instructions : 3 jugements, puis 409 delai-modifie", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde);
    const eleve = monde.utilisateurs.eleve;
    const accord = await monde.requete(`/v1/devoirs/${devoirId}/derogations/${eleve.id}`, {
      method: "PUT",
      profil: "enseignant",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ echeance: "2026-04-07T23:59" }),
    });
    expect(accord.status).toBe(201);
    monde.horloge.maintenant = new Date("2026-04-01T10:00:00+02:00");
    const t = await televerser(monde, "eleve", devoirId, "copie.pdf", pdf(3000, 5));
    if (!t.ok) throw new Error(await t.reponse.text());

    /** Resolves once a backend of this database waits for a lock (the statement's `for share`). */
    const attendreVerrou = async () => {
      for (let i = 0; i < 400; i++) {
        const r = (await monde.base.db.execute(
          sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
        )) as unknown as { rows: { n: number }[] };
        if (r.rows[0]!.n >= 1) return;
        await new Promise((ok) => setTimeout(ok, 25));
      }
      throw new Error("l'instruction de « rendre » n'a jamais attendu le verrou du délai");
    };
    const essais: number[] = [];
    let verrousVus = 0;
    const concurrentes: Promise<unknown>[] = [];
    const devoir = await chargerDevoir(monde.base.db, devoirId);
    const resultat = await rendreDevoir(
      {
        db: monde.base.db,
        store: monde.module.store,
        stockage: monde.module.stockage,
        registre: monde.module.registre,
        maintenant: () => monde.horloge.maintenant,
        versionsMax: QUOTAS_PAR_DEFAUT.versionsMax,
        // Before each try, another connection replaces the extension and keeps its transaction open; it
        // commits only once « rendre »'s statement waits for the row.
        avantInsertion: async (essai) => {
          essais.push(essai);
          let valider!: () => void;
          const validation = new Promise<void>((ok) => (valider = ok));
          let execute!: () => void;
          const miseAJour = new Promise<void>((ok) => (execute = ok));
          concurrentes.push(
            monde.base.db.transaction(async (tx) => {
              await tx
                .update(derogations)
                .set({
                  echeance: new Date(Date.parse("2026-04-07T21:59:00Z") + essai * 86_400_000),
                  version: sql`${derogations.version} + 1`,
                  majLe: new Date(),
                })
                .where(and(eq(derogations.devoirId, devoirId), eq(derogations.eleveId, eleve.id)));
              execute();
              await validation;
            }),
          );
          await miseAJour;
          void attendreVerrou().then(() => {
            verrousVus++;
            valider();
          }, valider);
        },
      },
      devoir,
      eleve,
      { televersements: [t.id], declarationCochee: false },
    ).catch((e: unknown) => e);
    await Promise.all(concurrentes);
    expect(resultat).toBeInstanceOf(ErreurApi);
    expect(resultat).toMatchObject({ status: 409, code: "delai-modifie" });
    expect(essais).toEqual([1, 2, 3]);
    expect(verrousVus).toBe(3); // each try really waited for the other connection's change
    const [delai] = await monde.base.db
      .select()
      .from(derogations)
      .where(and(eq(derogations.devoirId, devoirId), eq(derogations.eleveId, eleve.id)));
    expect(delai?.version).toBe(4);
    expect(
      await monde.base.db
        .select()
        .from(rendus)
        .where(and(eq(rendus.devoirId, devoirId), eq(rendus.eleveId, eleve.id))),
    ).toEqual([]);
  });
});
