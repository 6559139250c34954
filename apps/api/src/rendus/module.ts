import type { IncomingMessage } from "node:http";
import path from "node:path";
import type { Server } from "@tus/server";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { TrousseDb } from "@trousse/db";
import { PLAFOND_TAILLE_OCTETS } from "@trousse/rules";
import type { Session } from "../auth/deps.js";
import type { DepsDevoirs, EnvSession } from "../devoirs/deps.js";
import { routesDevoirs } from "../devoirs/routes.js";
import { routesRappels } from "../rappels/routes.js";
import { routesRendus } from "./routes.js";
import { routesTeleversements, type RegistreSessions } from "../routes/televersements.js";
import { patchNatif } from "../televersements/patch-natif.js";
import { politiqueDevoirs } from "../televersements/politique-devoirs.js";
import { creerServeurTus } from "../televersements/serveur-tus.js";
import { StoreTeleversements } from "../televersements/store-televersements.js";
import { StockageFichiers } from "../stockage/stockage-fichiers.js";

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

/** Ce que les routes du module partagent avec le serveur tus. */
interface PartTus {
  store: StoreTeleversements;
  serveur: Server;
  registre: RegistreSessions;
  pret: Promise<void>;
}

/** Chaîne les routes du module (chaînées, leur type porte chaque route). */
function routesDuModule(deps: DepsDevoirs, { store, serveur, registre, pret }: PartTus) {
  return (
    new OpenAPIHono<EnvSession>()
      // PATCH tus (les octets d'un fichier) : lu directement sur la requête Node quand le serveur Node la
      // donne (`c.env.incoming`), sans conversion en flux web ; sinon (requête web, tests), le serveur tus.
      .on("PATCH", "/televersements/:id", deps.exigerSession, async (c, next) => {
        const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
        if (!incoming || incoming.readableDidRead || c.req.raw.bodyUsed) return next();
        await pret;
        return patchNatif({ store, serveur }, incoming, c.req.param("id"), c.get("session").utilisateur.id);
      })
      .route("/", routesTeleversements(deps, serveur, registre, pret))
      .route("/", routesDevoirs(deps))
      .route("/", routesRendus(deps))
      .route("/", routesRappels(deps))
  );
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
  const store = new StoreTeleversements({
    dossier: path.join(options.dossierDonnees, "televersements"),
    expirationMs: options.expirationMs,
  });
  const pret = store.initialiser();
  pret.catch(() => undefined);
  const stockage = new StockageFichiers(path.join(options.dossierDonnees, "fichiers"));
  const registre: RegistreSessions = new WeakMap();
  const serveur = creerServeurTus({
    store,
    chemin: "/v1/televersements",
    politique: politiqueDevoirs(options.db, {
      tailleMaxEnseignant: options.tailleMaxEnseignant ?? PLAFOND_TAILLE_OCTETS,
      maintenant: options.maintenant,
    }),
    utilisateurDe: (r) => registre.get(r),
    tailleMaxAbsolue: PLAFOND_TAILLE_OCTETS,
  });
  const deps = {
    db: options.db,
    exigerSession: options.exigerSession,
    store,
    stockage,
    maintenant: options.maintenant,
  };
  const app = routesDuModule(deps, { store, serveur, registre, pret });
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
