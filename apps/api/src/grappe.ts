import cluster, { type Worker } from "node:cluster";
import { createDb } from "@trousse/db";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { preparerBase } from "./preparer-base.js";

/** Set by the primary for its processes: the database is migrated (and the demo seeded) already. */
export const VARIABLE_PREPAREE = "TROUSSE_PROCESSUS_PREPARE";

/**
 * The launcher of `TROUSSE_PROCESSUS` API processes on one machine (`node:cluster`, one port shared by the
 * processes): the primary migrates the database (and seeds the demo) once, forks the processes, restarts one
 * that dies (1 s later), and on SIGTERM or SIGINT forwards SIGTERM to every process — each stops accepting,
 * finishes its in-flight requests (PATCH, « rendre »), then exits — and exits when the last one has.
 * Requires PostgreSQL (`DATABASE_URL`): the embedded database serves one process only.
 *
 * @example
 * if (config.processus > 1 && cluster.isPrimary) await lancerGrappe(config, process.env, logger);
 */
export async function lancerGrappe(
  config: Config,
  env: Record<string, string | undefined>,
  logger: Logger,
): Promise<void> {
  const base = await createDb({ url: config.databaseUrl!, poolMax: 2 });
  try {
    await preparerBase(base, config, env, logger);
  } finally {
    await base.close();
  }
  let arret = false;
  let prets = 0;
  const lancer = (): Worker => {
    const w = cluster.fork({ [VARIABLE_PREPAREE]: "1" });
    w.once("listening", () => {
      prets++;
      if (prets === config.processus)
        logger.info(
          { evenement: "grappe-prete", processus: config.processus, port: config.port },
          `Grappe Trousse prête : ${config.processus} processus`,
        );
    });
    return w;
  };
  for (let i = 0; i < config.processus; i++) lancer();
  const vivants = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  cluster.on("exit", (w, code, signal) => {
    if (arret) {
      if (vivants().length === 0) {
        logger.info({ evenement: "grappe-arretee" }, "Grappe Trousse arrêtée");
        process.exit(0);
      }
      return;
    }
    logger.error(
      { evenement: "processus-perdu", pid: w.process.pid, code, signal },
      "Un processus de l'API s'est arrêté : il est relancé dans 1 s",
    );
    setTimeout(() => {
      if (!arret) lancer();
    }, 1_000).unref();
  });
  const arreter = (signal: string) => {
    if (arret) return;
    arret = true;
    logger.warn({ evenement: "grappe-arret", signal }, `Signal ${signal} reçu : arrêt propre des processus…`);
    const restants = vivants();
    if (restants.length === 0) process.exit(0);
    for (const w of restants) w!.process.kill("SIGTERM");
  };
  process.on("SIGTERM", () => arreter("SIGTERM"));
  process.on("SIGINT", () => arreter("SIGINT"));
}
