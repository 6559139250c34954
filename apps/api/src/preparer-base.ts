import type { DbHandle } from "@trousse/db";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { semerDemo } from "./demo/seed.js";
import { semerDemoRendus } from "./rendus/demo-rendus.js";

/**
 * Migrates the database and, in demo mode, seeds the demo accounts: once per start (the launcher does it in
 * its primary before forking its processes).
 *
 * @example
 * await preparerBase(base, config, process.env, logger);
 */
export async function preparerBase(
  base: DbHandle,
  config: Config,
  env: Record<string, string | undefined>,
  logger: Logger,
): Promise<void> {
  await base.migrate();
  if (config.demo) {
    const demo = await semerDemo(base.db);
    await semerDemoRendus(base.db, { eleves: Number(env.TROUSSE_DEMO_ELEVES_RUSH ?? 0) || 0 });
    logger.warn(
      { evenement: "mode-demonstration", comptes: demo.length, secretEphemere: config.secretEphemere },
      "MODE DÉMONSTRATION : comptes fictifs créés, connexion de démonstration ouverte sur /auth/demo. Jamais en production.",
    );
  }
}
