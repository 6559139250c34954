import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { pino } from "pino";
import { creerBaseDeTest, enregistrerIdentite, type DbHandle, type UtilisateurConnecte } from "@trousse/db";
import type { AuthDeps } from "../../auth/deps.js";
import { exigerSession } from "../../auth/exiger-session.js";
import { emettreJeton } from "../../auth/session.js";
import { creerModuleRendus, type ModuleRendus } from "../../rendre-un-devoir.js";
import { repondreAuxErreurs } from "../../erreurs/repondre.js";
import type { StockageFichiers } from "../../stockage/stockage-fichiers.js";

export const SECRET = "secret-de-test-rendus-assez-long-pour-hs256-0123456789";

/** Les six profils de la matrice d'autorisation. */
export type Profil = "enseignant" | "autreEnseignant" | "eleve" | "eleve2" | "eleveAutreClasse" | "parent";
/** Les profils du second établissement (même ENT, même nom d'établissement, même nom de classe « 3A »). */
export type ProfilB = "enseignantB" | "eleveB" | "parentB";

/**
 * How the two schools of a world are identified: by their UAI, or by the ENT's structure id only (then
 * both bear the same name: a Trousse keying schools by name would merge them).
 */
export type IdentificationEtablissement = "uai" | "structure";

export interface Monde {
  base: DbHandle;
  app: Hono;
  module: ModuleRendus;
  dossier: string;
  groupe3A: string;
  groupe3B: string;
  utilisateurs: Record<Profil, UtilisateurConnecte>;
  jetons: Record<Profil, string>;
  /** Horloge réglable du serveur de test. */
  horloge: { maintenant: Date };
  /** The second school, when asked for (`creerMonde({ deuxiemeEtablissement })`). */
  b?: {
    groupe3A: string;
    utilisateurs: Record<ProfilB, UtilisateurConnecte>;
    jetons: Record<ProfilB, string>;
  };
  requete(url: string, init?: RequestInit & { profil?: Profil | ProfilB | null }): Promise<Response>;
  fermer(): Promise<void>;
}

/**
 * Base migrée et propre au monde (une base PostgreSQL neuve si `DATABASE_URL`, sinon PGlite en mémoire), dossier de données temporaire,
 * module des rendus monté sous `/v1` (fichiers conservés dans le dossier de données, ou le `stockage` donné) derrière le vrai `exigerSession`, et six utilisateurs ENT réels
 * (enregistrés par `enregistrerIdentite`) dans un ENT propre au fichier de test.
 */
export async function creerMonde(
  options: {
    quotas?: { versionsMax: number; octetsParEleve: number };
    stockage?: StockageFichiers;
    /** Adds a second school of the same ENT (teacher, pupil of its own « 3A », parent), identified so. */
    deuxiemeEtablissement?: IdentificationEtablissement;
  } = {},
): Promise<Monde> {
  // Its own database on PostgreSQL (created, then dropped on `fermer`), as on PGlite: test files run side by
  // side, and operator commands (export by UAI, purge) walk the whole database.
  const base = await creerBaseDeTest(process.env.DATABASE_URL);
  const dossier = await mkdtemp(path.join(tmpdir(), "trousse-rendus-"));
  const entId = `test-${randomUUID()}`;
  const parStructure = options.deuxiemeEtablissement === "structure";
  const etab = parStructure
    ? { structureId: "structure-a", nom: "Collège de test" }
    : { uai: "0620001A", nom: "Collège de test" };
  const etabB = parStructure
    ? { structureId: "structure-b", nom: "Collège de test" }
    : { uai: "0620002B", nom: "Collège de test" };
  const ident = (
    uid: string,
    nomAffiche: string,
    role: UtilisateurConnecte["role"],
    classes: string[],
    enfantsUids?: string[],
    etablissement: { uai?: string; structureId?: string; nom: string } = etab,
  ) =>
    enregistrerIdentite(base.db, {
      entId,
      uid,
      nomAffiche,
      role,
      etablissement,
      classes,
      groupes: [],
      enfantsUids,
    });
  const utilisateurs: Record<Profil, UtilisateurConnecte> = {
    enseignant: await ident("ens-1", "Mme Martin", "enseignant", ["3A"]),
    autreEnseignant: await ident("ens-2", "M. Durand", "enseignant", ["3A", "3B"]),
    eleve: await ident("el-1", "Léa Dupont", "eleve", ["3A"]),
    eleve2: await ident("el-2", "Zoé Bernard", "eleve", ["3A"]),
    eleveAutreClasse: await ident("el-3", "Hugo Petit", "eleve", ["3B"]),
    parent: await ident("par-1", "Mme Dupont", "parent", [], ["el-1"]),
  };
  const jetons = {} as Record<Profil, string>;
  for (const [p, u] of Object.entries(utilisateurs))
    jetons[p as Profil] = (await emettreJeton(u, { secret: SECRET, dureeMinutes: 60 })).jeton;
  const { groupesDe } = await import("@trousse/db");
  const g = await groupesDe(base.db, utilisateurs.autreEnseignant.id);
  const groupe3A = g.find((x) => x.nom === "3A")!.id;
  const groupe3B = g.find((x) => x.nom === "3B")!.id;
  let b: Monde["b"];
  if (options.deuxiemeEtablissement) {
    const utilisateursB: Record<ProfilB, UtilisateurConnecte> = {
      enseignantB: await ident("b-ens-1", "M. Leroy", "enseignant", ["3A"], undefined, etabB),
      eleveB: await ident("b-el-1", "Jade Moreau", "eleve", ["3A"], undefined, etabB),
      parentB: await ident("b-par-1", "M. Moreau", "parent", [], ["b-el-1"], etabB),
    };
    const jetonsB = {} as Record<ProfilB, string>;
    for (const [p, u] of Object.entries(utilisateursB))
      jetonsB[p as ProfilB] = (await emettreJeton(u, { secret: SECRET, dureeMinutes: 60 })).jeton;
    const gB = await groupesDe(base.db, utilisateursB.enseignantB.id);
    b = { groupe3A: gB.find((x) => x.nom === "3A")!.id, utilisateurs: utilisateursB, jetons: jetonsB };
  }
  const horloge = { maintenant: new Date("2026-03-25T10:00:00+01:00") };
  const authDeps: AuthDeps = {
    db: base.db,
    config: { ents: [], sessionSecret: SECRET, sessionDureeMinutes: 60 },
    logger: pino({ level: "silent" }),
    demo: false,
    baseUrl: "http://trousse.test",
  };
  const module = creerModuleRendus({
    db: base.db,
    exigerSession: exigerSession(authDeps),
    dossierDonnees: dossier,
    stockage: options.stockage,
    maintenant: () => horloge.maintenant,
    periodeNettoyageMs: 0,
    quotas: options.quotas,
  });
  await module.pret;
  const app = new Hono();
  app.route("/v1", module.app);
  // The API's one onError, as createApp mounts it: every error leaves with its stable code.
  app.onError(repondreAuxErreurs(authDeps.logger));
  return {
    base,
    app,
    module,
    dossier,
    groupe3A,
    groupe3B,
    utilisateurs,
    jetons,
    horloge,
    b,
    requete: async (chemin, init = {}) => {
      const { profil, ...reste } = init;
      const entetes = new Headers(reste.headers);
      const jeton = !profil
        ? undefined
        : profil in jetons
          ? jetons[profil as Profil]
          : b?.jetons[profil as ProfilB];
      if (profil && !jeton) throw new Error(`profil ${profil} absent de ce monde`);
      if (jeton) entetes.set("authorization", `Bearer ${jeton}`);
      return app.request(`http://trousse.test${chemin}`, { ...reste, headers: entetes });
    },
    fermer: async () => {
      module.arreter();
      await base.close();
      await rm(dossier, { recursive: true, force: true });
    },
  };
}

/** Encode une métadonnée tus (clé + valeur base64). */
export function metadonneesTus(valeurs: Record<string, string | Uint8Array>): string {
  return Object.entries(valeurs)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString("base64")}`)
    .join(",");
}

/**
 * Téléverse un fichier par le protocole tus (POST puis un ou plusieurs PATCH) ; renvoie l'id de l'envoi,
 * ou la réponse en erreur.
 */
export async function televerser(
  monde: Monde,
  profil: Profil | ProfilB,
  devoirId: string,
  nom: string | Uint8Array,
  contenu: Buffer,
  options: { morceaux?: number; tailleAnnoncee?: number } = {},
): Promise<{ ok: true; id: string } | { ok: false; reponse: Response }> {
  const creation = await monde.requete("/v1/televersements", {
    method: "POST",
    profil,
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(options.tailleAnnoncee ?? contenu.length),
      "Upload-Metadata": metadonneesTus({ filename: nom, devoir: devoirId }),
    },
  });
  if (creation.status !== 201) return { ok: false, reponse: creation };
  const location = creation.headers.get("location")!;
  const id = location.split("/").pop()!;
  const n = options.morceaux ?? 1;
  const pas = Math.ceil(contenu.length / n) || 1;
  for (let offset = 0; offset < contenu.length; offset += pas) {
    const r = await monde.requete(`/v1/televersements/${id}`, {
      method: "PATCH",
      profil,
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      },
      body: contenu.subarray(offset, offset + pas),
    });
    if (r.status !== 204) return { ok: false, reponse: r };
  }
  return { ok: true, id };
}

/** Crée un devoir pour la 3A (par l'enseignant), avec des dates autour de l'horloge du monde. */
export async function creerDevoir(monde: Monde, corps: Record<string, unknown> = {}): Promise<string> {
  const r = await monde.requete("/v1/devoirs", {
    method: "POST",
    profil: "enseignant",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      groupeId: monde.groupe3A,
      titre: "Rédaction : mon voyage",
      consignes: "Deux pages.",
      ouverture: "2026-03-23T08:00",
      echeance: "2026-03-31T23:59",
      dateLimite: "2026-04-02T23:59",
      contraintes: { familles: ["document", "image"], tailleMaxOctets: 5_000_000, nombreMax: 3 },
      ...corps,
    }),
  });
  if (r.status !== 201) throw new Error(`création du devoir : ${r.status} ${await r.text()}`);
  return ((await r.json()) as { devoir: { id: string } }).devoir.id;
}
