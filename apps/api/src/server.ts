import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { createDb, ErreurDb, type DbHandle } from "@trousse/db";
import { createApp } from "./app.js";
import { chargerConfig, ConfigError, type Config } from "./config.js";
import { semerDemo } from "./demo/seed.js";
import { semerDemoRendus } from "./rendus/demo-rendus.js";
import { creerJournal } from "./journal.js";
import { LimitesRedis } from "./protection/limites-redis.js";
import { SeauxDeJetons, type MagasinLimites } from "./protection/seau-jetons.js";
import { VerrouEnvoisPostgres } from "./televersements/verrou-postgres.js";

/** A started API process. */
export interface ServeurDemarre {
  port: number;
  config: Config;
  /** Stops accepting connections, ends the open ones, closes the rate limit store and the database. */
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
export async function demarrer(env: Record<string, string | undefined>): Promise<ServeurDemarre> {
  const config = chargerConfig(env);
  const logger = creerJournal({ niveau: config.logLevel });
  const debut = performance.now();
  const base: DbHandle = await createDb(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  let limites: MagasinLimites | undefined;
  let verrouEnvois: VerrouEnvoisPostgres | undefined;
  try {
    await base.migrate();
    if (config.demo) {
      const demo = await semerDemo(base.db);
      await semerDemoRendus(base.db, { eleves: Number(env.TROUSSE_DEMO_ELEVES_RUSH ?? 0) || 0 });
      logger.warn(
        { evenement: "mode-demonstration", comptes: demo.length, secretEphemere: config.secretEphemere },
        "MODE DÉMONSTRATION : comptes fictifs créés, connexion de démonstration ouverte sur /auth/demo. Jamais en production.",
      );
    }
    limites = config.redisUrl
      ? new LimitesRedis(config.redisUrl, "trousse:limite:", (e) =>
          logger.error(
            { err: { type: (e as Error).name } },
            "Redis injoignable : limites de débit non appliquées",
          ),
        )
      : new SeauxDeJetons();
    // Several processes on one PostgreSQL database: one upload is written by one of them at a time.
    verrouEnvois = config.databaseUrl ? new VerrouEnvoisPostgres(config.databaseUrl) : undefined;
    const app = createApp({ config, base, logger, limites, verrouEnvois });
    const serveur = await new Promise<ReturnType<typeof serve>>((ok, ko) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => ok(s));
      s.once("error", ko);
    });
    const adresse = serveur.address();
    const port = typeof adresse === "object" && adresse ? adresse.port : config.port;
    const ecoute = adresseEcoute(adresse, config.host, port);
    // Without TROUSSE_BASE_URL, the configured default names PORT (maybe 0): name the port really bound.
    const adressePublique = env.TROUSSE_BASE_URL ? config.baseUrl : `http://localhost:${port}`;
    logger.info(
      {
        evenement: "demarrage",
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
    let arret: Promise<void> | null = null;
    const magasin = limites;
    return {
      port,
      config,
      arreter: () => {
        arret ??= (async () => {
          await new Promise<void>((ok) => {
            serveur.close(() => ok());
            // Idle keep-alive connections would hold close() open.
            if ("closeIdleConnections" in serveur) serveur.closeIdleConnections();
            setTimeout(() => {
              if ("closeAllConnections" in serveur) serveur.closeAllConnections();
            }, 5_000).unref();
          });
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
  let serveur: ServeurDemarre;
  try {
    serveur = await demarrer(process.env);
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
