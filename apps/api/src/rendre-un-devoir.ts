import path from "node:path";
import type { Hono, MiddlewareHandler } from "hono";
import type { TrousseDb } from "@trousse/db";
import type { Session } from "./auth/deps.js";
import type { DepsDevoirs } from "./devoirs/deps.js";
import { routesDerogations } from "./derogations/routes.js";
import { routesDevoirs } from "./devoirs/routes.js";
import { routesRappels } from "./rappels/routes.js";
import { routesRendus } from "./rendus/routes.js";
import { creerTeleversements } from "./televersements/module.js";
import type { EnvTeleversements } from "./televersements/routes.js";
import type { StoreTeleversements } from "./televersements/store-televersements.js";
import { StockageFichiers } from "./stockage/stockage-fichiers.js";

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
  /** Taille maximale d'un fichier de l'enseignant (sujet, corrigé, retour) ; défaut : plafond des règles (2 Gio). */
  tailleMaxEnseignant?: number;
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
    .route("/", televersements);
}

export interface ModuleRendus {
  /** Résolue quand le magasin a retrouvé les envois en cours sur le disque (les requêtes tus l'attendent). */
  pret: Promise<void>;
  /** À monter sous `/v1` : devoirs, rendus, rappels, téléversements tus (typé : `hc` voit ses routes). */
  app: AppRendus;
  store: StoreTeleversements;
  stockage: StockageFichiers;
  /** Supprime une fois les envois expirés ; renvoie leur nombre. */
  nettoyer(): Promise<number>;
  /** Arrête le nettoyage périodique. */
  arreter(): void;
}

/**
 * Assemble « Rendre un devoir » : magasin tus (dans `<dossierDonnees>/televersements`), fichiers conservés
 * (`<dossierDonnees>/fichiers`), serveur tus, routes des devoirs, rendus, rappels et téléversements, et le
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
  });
  const { store, pret } = televersements;
  const stockage = new StockageFichiers(path.join(options.dossierDonnees, "fichiers"));
  const deps = {
    db: options.db,
    exigerSession: options.exigerSession,
    store,
    stockage,
    maintenant: options.maintenant,
  };
  const app = routesDuModule(deps, televersements.routes);
  const nettoyer = () => store.deleteExpired();
  const periode = options.periodeNettoyageMs ?? 60 * 60 * 1000;
  const minuterie = periode > 0 ? setInterval(() => void nettoyer().catch(() => undefined), periode) : null;
  minuterie?.unref();
  return {
    pret,
    app,
    store,
    stockage,
    nettoyer,
    arreter: () => {
      if (minuterie) clearInterval(minuterie);
    },
  };
}
