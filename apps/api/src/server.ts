import type { IncomingMessage, ServerResponse } from "node:http";
import cluster from "node:cluster";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { createDb, ErreurDb, type DbHandle } from "@trousse/db";
import { createApp } from "./app.js";
import { chargerConfig, ConfigError, type Config } from "./config.js";
import { creerJournal } from "./journal.js";
import { lancerGrappe, VARIABLE_PREPAREE } from "./grappe.js";
import { preparerBase } from "./preparer-base.js";
import { LimitesRedis } from "./protection/limites-redis.js";
import { SeauxDeJetons, type MagasinLimites } from "./protection/seau-jetons.js";
import { VerrouEnvoisPostgres } from "./televersements/verrou-postgres.js";

/** A started API process. */
export interface ServeurDemarre {
  port: number;
  config: Config;
  /** Requests being served now. */
  enCours(): number;
  /**
   * Stops accepting connections, lets in-flight requests finish (at most `TROUSSE_ARRET_MAX_SECONDES`), then
   * closes the remaining connections, the rate limit store, the upload lock and the database.
   */
  arreter(): Promise<void>;
}

/**
 * Starts the API from an environment: validates the configuration, opens the database (PGlite in
 * TROUSSE_DATA_DIR or PostgreSQL via DATABASE_URL), migrates, seeds the demo in demo mode, listens on PORT.
 *
 * @example
 * const s = await demarrer({ ...process.env, PORT: "0", TROUSSE_DEMO: "1" });
 * await s.arreter();
 */
export async function demarrer(
  env: Record<string, string | undefined>,
  options: { dejaPreparee?: boolean } = {},
): Promise<ServeurDemarre> {
  const config = chargerConfig(env);
  const logger = creerJournal({ niveau: config.logLevel });
  const debut = performance.now();
  const base: DbHandle = await createDb(
    config.databaseUrl
      ? { url: config.databaseUrl }
      : { dataDir: config.dataDir, filPglite: config.pgliteFil },
  );
  let limites: MagasinLimites | undefined;
  let verrouEnvois: VerrouEnvoisPostgres | undefined;
  try {
    // Under the launcher (`TROUSSE_PROCESSUS` > 1), the primary migrated and seeded once before forking.
    if (!options.dejaPreparee) await preparerBase(base, config, env, logger);
    limites = config.redisUrl
      ? new LimitesRedis(config.redisUrl, config.redisPrefixe, (e) =>
          logger.error(
            { err: { type: (e as Error).name } },
            "Redis injoignable : limites de débit non appliquées",
          ),
        )
      : new SeauxDeJetons();
    // Several processes on one PostgreSQL database: one upload is written by one of them at a time.
    verrouEnvois = config.databaseUrl ? new VerrouEnvoisPostgres(config.databaseUrl) : undefined;
    const app = createApp({ config, base, logger, limites, verrouEnvois });
    // The listen backlog: a rush opens thousands of connections at once; while the event loop is busy, those
    // it has not accepted yet wait in the kernel's queue (Node's default, 511, dropped the others' SYNs: their
    // clients waited 1, 3, 7… s to retry, and « engager » with them). The kernel caps it at net.core.somaxconn.
    const serveur = createAdaptorServer({ fetch: app.fetch, hostname: config.host });
    await new Promise<void>((ok, ko) => {
      serveur.once("error", ko);
      serveur.listen({ port: config.port, host: config.host, backlog: config.fileConnexions }, () => {
        serveur.off("error", ko);
        ok();
      });
    });
    const adresse = serveur.address();
    const port = typeof adresse === "object" && adresse ? adresse.port : config.port;
    const ecoute = adresseEcoute(adresse, config.host, port);
    // Without TROUSSE_BASE_URL, the configured default names PORT (maybe 0): name the port really bound.
    const adressePublique = env.TROUSSE_BASE_URL ? config.baseUrl : `http://localhost:${port}`;
    logger.info(
      {
        evenement: "demarrage",
        pid: process.pid,
        port,
        ecoute,
        adressePublique,
        base: base.driver,
        demo: config.demo,
        limites: config.redisUrl ? "redis" : "processus",
        ms: Math.round(performance.now() - debut),
      },
      `API Trousse prête : écoute sur ${ecoute}, adresse publique ${adressePublique}${config.demo ? " (mode démonstration)" : ""}`,
    );
    // In-flight requests (a PATCH, a « rendre »): SIGTERM lets them finish before closing.
    const enCours = new Set<ServerResponse>();
    let arretDemande = false;
    serveur.on("request", (_req: IncomingMessage, res: ServerResponse) => {
      enCours.add(res);
      // Once stopping, a request on a kept-alive connection is served, then the connection closes.
      if (arretDemande && !res.headersSent) res.setHeader("Connection", "close");
      res.once("close", () => enCours.delete(res));
    });
    let arret: Promise<void> | null = null;
    const magasin = limites;
    return {
      port,
      config,
      enCours: () => enCours.size,
      arreter: () => {
        arret ??= (async () => {
          arretDemande = true;
          logger.info(
            { evenement: "arret-demande", enCours: enCours.size },
            `Arrêt : plus de nouvelle connexion, ${enCours.size} requête(s) en cours terminée(s) d'abord`,
          );
          const ferme = new Promise<void>((ok) => serveur.close(() => ok()));
          // Idle keep-alive connections would hold close() open.
          if ("closeIdleConnections" in serveur) serveur.closeIdleConnections();
          const limite = Date.now() + config.arretMaxMs;
          while (enCours.size > 0 && Date.now() < limite) {
            await new Promise((r) => setTimeout(r, 50));
            if ("closeIdleConnections" in serveur) serveur.closeIdleConnections();
          }
          if (enCours.size > 0)
            logger.warn(
              { evenement: "arret-force", enCours: enCours.size },
              "Arrêt : délai dépassé, les requêtes restantes sont coupées (les envois reprendront)",
            );
          if ("closeAllConnections" in serveur) serveur.closeAllConnections();
          await ferme;
          await magasin.fermer();
          await verrouEnvois?.fermer();
          await base.close();
          logger.info({ evenement: "arret" }, "API Trousse arrêtée");
        })();
        return arret;
      },
    };
  } catch (e) {
    await limites?.fermer();
    await verrouEnvois?.fermer();
    await base.close();
    throw e;
  }
}

/**
 * The address the server really listens on, as a URL (`http://0.0.0.0:8787` means every interface; an
 * IPv6 address goes in brackets).
 *
 * @example
 * adresseEcoute({ address: "::", family: "IPv6", port: 8787 }, "::", 8787); // "http://[::]:8787"
 */
export function adresseEcoute(adresse: AddressInfo | string | null, host: string, port: number): string {
  if (typeof adresse === "string") return adresse;
  const hote = adresse?.address ?? host;
  return `http://${hote.includes(":") ? `[${hote}]` : hote}:${port}`;
}

async function principal(): Promise<void> {
  let config: Config;
  try {
    config = chargerConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Trousse ne peut pas démarrer : ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  if (config.processus > 1 && cluster.isPrimary) {
    try {
      await lancerGrappe(config, process.env, creerJournal({ niveau: config.logLevel }));
    } catch (e) {
      if (e instanceof ErreurDb) {
        console.error(`Trousse ne peut pas démarrer : ${e.message}`);
        process.exit(1);
      }
      throw e;
    }
    return;
  }
  let serveur: ServeurDemarre;
  try {
    serveur = await demarrer(process.env, {
      dejaPreparee: cluster.isWorker && process.env[VARIABLE_PREPAREE] === "1",
    });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof ErreurDb) {
      console.error(`Trousse ne peut pas démarrer : ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const arreter = (signal: string) => {
    console.warn(`Signal ${signal} reçu : arrêt propre de l'API Trousse…`);
    serveur.arreter().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error("Arrêt incomplet :", (e as Error).message);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => arreter("SIGINT"));
  process.once("SIGTERM", () => arreter("SIGTERM"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await principal();
}
