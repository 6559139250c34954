import type { Hono, MiddlewareHandler } from "hono";
import { MemoryLocker, type Locker } from "@tus/server";
import type { TrousseDb } from "@trousse/db";
import { PLAFOND_TAILLE_OCTETS, QUOTAS_PAR_DEFAUT } from "@trousse/rules";
import { politiqueDevoirs } from "./politique-devoirs.js";
import { reconcilierTeleversements } from "./reconcilier.js";
import { registreEnBase, type RegistreTeleversements } from "./registre.js";
import { routesTeleversements, type EnvTeleversements, type RegistreSessions } from "./routes.js";
import { creerServeurTus } from "./serveur-tus.js";
import { StoreTeleversements } from "./store-televersements.js";

export interface OptionsTeleversements {
  db: TrousseDb;
  exigerSession: MiddlewareHandler<EnvTeleversements>;
  /** Dossier des envois tus (dans le dossier de données : `<TROUSSE_DATA_DIR>/televersements`). */
  dossier: string;
  /** Expiration d'un envoi inachevé (défaut 24 h). */
  expirationMs?: number;
  /** Horloge (tests). */
  maintenant?: () => Date;
  /** Taille maximale d'un fichier de l'enseignant (sujet, corrigé, retour) ; défaut : plafond des règles. */
  tailleMaxEnseignant?: number;
  /** Versions par élève et par devoir, octets par élève (défaut : `QUOTAS_PAR_DEFAUT` des règles). */
  quotas?: { versionsMax: number; octetsParEleve: number };
  /** Délai de grâce d'un engagement, en ms (défaut des règles : 24 h). */
  graceEngagementMs?: number;
  /** Le verrou des envois partagé entre processus (PostgreSQL) ; défaut : celui du processus. */
  verrou?: Locker;
}

/** Les téléversements tus assemblés : le magasin (lu par « rendre »), les routes à monter sous `/v1`. */
export interface Televersements {
  store: StoreTeleversements;
  /** Où les envois en attente sont comptés (en base). */
  registre: RegistreTeleversements;
  /** Résolue quand le magasin est prêt et que les restes d'un arrêt brutal sont nettoyés. */
  pret: Promise<void>;
  /** `OPTIONS`/`POST /televersements`, `HEAD`/`PATCH`/`DELETE /televersements/:id` : à monter sous `/v1`. */
  routes: Hono<EnvTeleversements>;
}

/**
 * Assemble les envois reprenables (tus 1.0) : magasin sur disque, serveur `@tus/server` et sa politique
 * (qui peut envoyer pour quel devoir), et leurs routes — le seul endroit qui sert `/v1/televersements`.
 *
 * @example
 * const tus = creerTeleversements({ db, exigerSession, dossier: "./.trousse-data/televersements" });
 * app.route("/v1", tus.routes);
 */
export function creerTeleversements(options: OptionsTeleversements): Televersements {
  const envois = registreEnBase(options.db);
  // One lock for tus and the store: the store finishes, under it, an upload its process died finishing.
  const verrou = options.verrou ?? new MemoryLocker();
  const store = new StoreTeleversements({
    dossier: options.dossier,
    expirationMs: options.expirationMs,
    registre: envois,
    verrou,
  });
  // Au démarrage : les envois qu'un « rendre » a conservés avant que son processus ne meure sont supprimés,
  // ceux d'avant le comptage en base sont inscrits (voir reconcilier.ts).
  const pret = store.initialiser().then(async () => {
    await reconcilierTeleversements(store, envois);
  });
  pret.catch(() => undefined);
  const registre: RegistreSessions = new WeakMap();
  const serveur = creerServeurTus({
    store,
    chemin: "/v1/televersements",
    politique: politiqueDevoirs(options.db, {
      tailleMaxEnseignant: options.tailleMaxEnseignant ?? PLAFOND_TAILLE_OCTETS,
      maintenant: options.maintenant,
      quotas: options.quotas ?? QUOTAS_PAR_DEFAUT,
      graceEngagementMs: options.graceEngagementMs,
    }),
    registre: envois,
    utilisateurDe: (r) => registre.get(r),
    tailleMaxAbsolue: PLAFOND_TAILLE_OCTETS,
    verrou,
  });
  const routes = routesTeleversements({
    exigerSession: options.exigerSession,
    store,
    serveur,
    registre,
    tailleMax: PLAFOND_TAILLE_OCTETS,
    pret,
  });
  return { store, registre: envois, pret, routes };
}
