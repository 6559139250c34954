import path from "node:path";
import type { Hono, MiddlewareHandler } from "hono";
import type { Locker } from "@tus/server";
import type { TrousseDb } from "@trousse/db";
import type { Session } from "./auth/deps.js";
import type { DepsDevoirs } from "./devoirs/deps.js";
import { routesDerogations } from "./derogations/routes.js";
import { routesDevoirs } from "./devoirs/routes.js";
import { routesEngagements } from "./engagements/routes.js";
import { routesEtablissement } from "./etablissement/routes.js";
import { routesRappels } from "./rappels/routes.js";
import { routesRendus } from "./rendus/routes.js";
import { QUOTAS_PAR_DEFAUT } from "@trousse/rules";
import { creerTeleversements } from "./televersements/module.js";
import { reconcilierTeleversements } from "./televersements/reconcilier.js";
import type { RegistreTeleversements } from "./televersements/registre.js";
import type { EnvTeleversements } from "./televersements/routes.js";
import type { StoreTeleversements } from "./televersements/store-televersements.js";
import { StockageDossier } from "./stockage/stockage-dossier.js";
import type { StockageFichiers } from "./stockage/stockage-fichiers.js";

export interface OptionsModuleRendus {
  db: TrousseDb;
  exigerSession: MiddlewareHandler<{ Variables: { session: Session } }>;
  /** Dossier de données : `televersements/` (tus) et `fichiers/` (fichiers conservés) y sont créés. */
  dossierDonnees: string;
  /** Horloge (tests). */
  maintenant?: () => Date;
  /** Expiration d'un envoi inachevé (défaut 24 h). */
  expirationMs?: number;
  /** Période du nettoyage des envois expirés (défaut 1 h ; 0 : pas de nettoyage automatique). */
  periodeNettoyageMs?: number;
  /** Où vivent les fichiers conservés ; défaut : le dossier `<dossierDonnees>/fichiers`. */
  stockage?: StockageFichiers;
  /** Le verrou des envois partagé entre processus (PostgreSQL) ; défaut : celui du processus. */
  verrouEnvois?: Locker;
  /** Taille maximale d'un fichier de l'enseignant (sujet, corrigé, retour) ; défaut : plafond des règles (2 Gio). */
  tailleMaxEnseignant?: number;
  /** Délai de grâce d'un engagement, en ms (défaut des règles : 24 h). */
  graceEngagementMs?: number;
  /** Versions par élève et par devoir, octets par élève (défaut : `QUOTAS_PAR_DEFAUT` des règles). */
  quotas?: { versionsMax: number; octetsParEleve: number };
}

/** Les routes du module, avec leurs types (chemins, paramètres, réponses JSON) : `hc<AppType>` les voit. */
export type AppRendus = ReturnType<typeof routesDuModule>;

/** Chaîne les routes du module (chaînées, leur type porte chaque route). */
function routesDuModule(deps: DepsDevoirs, televersements: Hono<EnvTeleversements>) {
  // Commencée par une route (pas par un `.route()` sur une app vide) : `hc` garde le type de chaque route.
  return routesDevoirs(deps)
    .route("/", routesRendus(deps))
    .route("/", routesRappels(deps))
    .route("/", routesDerogations(deps))
    .route("/", routesEngagements(deps))
    .route("/", routesEtablissement(deps))
    .route("/", televersements);
}

export interface ModuleRendus {
  /** Résolue quand le magasin a retrouvé les envois en cours sur le disque (les requêtes tus l'attendent). */
  pret: Promise<void>;
  /** À monter sous `/v1` : devoirs, rendus, rappels, téléversements tus (typé : `hc` voit ses routes). */
  app: AppRendus;
  store: StoreTeleversements;
  stockage: StockageFichiers;
  /** Les envois en attente, comptés en base (quotas, limites de fichiers). */
  registre: RegistreTeleversements;
  /** Supprime une fois les envois expirés ; renvoie leur nombre. */
  nettoyer(): Promise<number>;
  /** Arrête le nettoyage périodique. */
  arreter(): void;
}

/**
 * Assemble « Rendre un devoir » : magasin tus (dans `<dossierDonnees>/televersements`), fichiers conservés
 * (`<dossierDonnees>/fichiers` ou le stockage donné), serveur tus, routes des devoirs, rendus, rappels et téléversements, et le
 * nettoyage périodique des envois expirés.
 *
 * @example
 * const rendus = creerModuleRendus({ db, exigerSession: exigerSession(authDeps), dossierDonnees: "./.trousse-data" });
 * app.route("/v1", rendus.app);
 */
export function creerModuleRendus(options: OptionsModuleRendus): ModuleRendus {
  const televersements = creerTeleversements({
    db: options.db,
    exigerSession: options.exigerSession,
    dossier: path.join(options.dossierDonnees, "televersements"),
    expirationMs: options.expirationMs,
    maintenant: options.maintenant,
    tailleMaxEnseignant: options.tailleMaxEnseignant,
    quotas: options.quotas,
    graceEngagementMs: options.graceEngagementMs,
    verrou: options.verrouEnvois,
  });
  const { store, pret, registre } = televersements;
  const stockage = options.stockage ?? new StockageDossier(path.join(options.dossierDonnees, "fichiers"));
  const deps = {
    db: options.db,
    exigerSession: options.exigerSession,
    store,
    stockage,
    registre,
    maintenant: options.maintenant,
    versionsMax: options.quotas?.versionsMax ?? QUOTAS_PAR_DEFAUT.versionsMax,
    graceEngagementMs: options.graceEngagementMs,
  };
  const app = routesDuModule(deps, televersements.routes);
  // Le nettoyage périodique remet aussi d'accord le disque et la base (restes d'un arrêt brutal).
  const nettoyer = async () => {
    const expires = await store.deleteExpired();
    const bilan = await reconcilierTeleversements(store, registre);
    return expires + bilan.restesSupprimes;
  };
  const periode = options.periodeNettoyageMs ?? 60 * 60 * 1000;
  const minuterie = periode > 0 ? setInterval(() => void nettoyer().catch(() => undefined), periode) : null;
  minuterie?.unref();
  return {
    pret,
    app,
    store,
    stockage,
    registre,
    nettoyer,
    arreter: () => {
      if (minuterie) clearInterval(minuterie);
    },
  };
}
