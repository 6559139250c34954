import { link, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { televersementsEnAttenteDe } from "@trousse/db";
import { exigerSession } from "../auth/exiger-session.js";
import { repondreAuxErreurs } from "../erreurs/repondre.js";
import { creerModuleRendus } from "../rendre-un-devoir.js";
import { idTusVersUuid } from "../televersements/identifiant.js";
import { pdf } from "./test-support/echantillons.js";
import {
  creerDevoir,
  creerMonde,
  SECRET,
  televerser,
  type Monde,
  type Profil,
} from "./test-support/monde.js";
import { StockageDossier } from "../stockage/stockage-dossier.js";

// Issue 9, constat 12. L'état qu'un arrêt brutal laisse entre le COMMIT de « rendre » et le ménage de ses
// envois est construit exactement : la base après l'instruction (rendu et fichiers enregistrés), et sur le
// disque les envois tus encore là — le fichier de l'envoi est le MÊME inode que celui conservé (lien physique),
// et sa description `.json` est celle d'avant le ménage.
const json = { "content-type": "application/json" };
let monde: Monde;
beforeAll(async () => {
  monde = await creerMonde();
  monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
});
afterAll(async () => monde.fermer());

const rendre = (devoirId: string, televersements: string[]) =>
  monde.requete(`/v1/devoirs/${devoirId}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: json,
    body: JSON.stringify({ televersements }),
  });

/** Rend [A, B] puis remet sur le disque leurs envois, comme si le processus était mort avant le ménage. */
async function rendreSansMenage(devoirId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const t = await televerser(monde, "eleve", devoirId, `page${n}.pdf`, pdf(800, n));
    if (!t.ok) throw new Error(await t.reponse.text());
    ids.push(t.id);
  }
  const dossier = monde.module.store.dossier;
  const descriptions = await Promise.all(ids.map((id) => readFile(path.join(dossier, `${id}.json`))));
  expect((await rendre(devoirId, ids)).status).toBe(201);
  // The state a crash leaves is rebuilt on the folder store (hard links back into the spool).
  const stockage = monde.module.stockage;
  if (!(stockage instanceof StockageDossier)) throw new Error("ce test attend le stockage dossier");
  for (const [i, id] of ids.entries()) {
    await link(stockage.absolu(`rendus/${devoirId}/${idTusVersUuid(id)}`), path.join(dossier, id));
    await writeFile(path.join(dossier, `${id}.json`), descriptions[i]!);
  }
  return ids;
}

const surLeDisque = async (ids: string[]) =>
  (await readdir(monde.module.store.dossier)).filter((n) => ids.some((id) => n.startsWith(id)));

describe(`restes d'un arrêt entre le rendu et le ménage (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("rendre un seul des envois déjà rendus : 404 comme sans arrêt (pas « rendu-concurrent »), restes supprimés", async () => {
    const devoirId = await creerDevoir(monde);
    const [a, b] = await rendreSansMenage(devoirId);
    expect(await surLeDisque([a!, b!])).toHaveLength(4);
    const r = await rendre(devoirId, [a!]);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("televersement-introuvable");
    expect(await surLeDisque([a!])).toEqual([]);
  });

  it("le rejeu de la même demande renvoie l'accusé et supprime les restes", async () => {
    const devoirId = await creerDevoir(monde);
    const ids = await rendreSansMenage(devoirId);
    const r = await rendre(devoirId, ids);
    expect(r.status).toBe(200);
    expect(r.headers.get("idempotent-replayed")).toBe("true");
    expect(await surLeDisque(ids)).toEqual([]);
    // Les fichiers conservés du rendu sont intacts (même inode que les restes supprimés).
    for (const id of ids)
      expect(await monde.module.stockage.present(`rendus/${devoirId}/${idTusVersUuid(id)}`, 800)).toBe(true);
  });

  it("au démarrage, les restes sont supprimés et ne comptent plus : 3 nouveaux envois passent (limite 3)", async () => {
    const devoirId = await creerDevoir(monde); // nombreMax : 3
    const ids = await rendreSansMenage(devoirId);
    // Un redémarrage : un nouveau module sur la même base et le même dossier de données.
    const logger = pino({ level: "silent" });
    const redemarre = creerModuleRendus({
      db: monde.base.db,
      exigerSession: exigerSession({
        db: monde.base.db,
        config: { ents: [], sessionSecret: SECRET, sessionDureeMinutes: 60 },
        logger,
        demo: false,
        baseUrl: "http://trousse.test",
      }),
      dossierDonnees: monde.dossier,
      maintenant: () => monde.horloge.maintenant,
      periodeNettoyageMs: 0,
    });
    await redemarre.pret;
    redemarre.arreter();
    expect(await surLeDisque(ids)).toEqual([]);
    const app = new Hono().route("/v1", redemarre.app);
    app.onError(repondreAuxErreurs(logger));
    const envoyes = [];
    for (let n = 0; n < 3; n++) {
      const t = await televerser(
        { ...monde, requete: requeteSur(app) },
        "eleve",
        devoirId,
        "v2.pdf",
        pdf(500, n),
      );
      envoyes.push(t.ok);
    }
    expect(envoyes).toEqual([true, true, true]);
    expect(
      await televersementsEnAttenteDe(monde.base.db, devoirId, monde.utilisateurs.eleve.id),
    ).toHaveLength(3);
  });
});

function requeteSur(app: Hono): Monde["requete"] {
  return async (chemin, init = {}) => {
    const { profil, ...reste } = init;
    const entetes = new Headers(reste.headers);
    if (profil) {
      const jeton = profil in monde.jetons ? monde.jetons[profil as Profil] : undefined;
      if (!jeton) throw new Error(`profil ${profil} absent de ce monde`);
      entetes.set("authorization", `Bearer ${jeton}`);
    }
    return app.request(`http://trousse.test${chemin}`, { ...reste, headers: entetes });
  };
}
