import { creerBaseDeTest, type DbHandle } from "@trousse/db";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createApp } from "../app.js";
import { chargerConfig, type Config } from "../config.js";
import type { MagasinLimites } from "../protection/seau-jetons.js";
import { PREFIXE_VARIABLE } from "./dossiers-temporaires.global.js";

export const SECRET_TEST = "secret-de-test-assez-long-pour-hs256-0123456789";
export const ORIGINE_ENT = "https://ent.exemple.fr";

/** A fresh migrated database: PostgreSQL (a new database) when DATABASE_URL is set, else PGlite in memory. */
export function baseDeTest(): Promise<DbHandle> {
  return creerBaseDeTest(process.env.DATABASE_URL);
}

/** The whole API over a test database, with its log lines captured. */
export function appDeTest(
  base: Pick<DbHandle, "db" | "ping">,
  env: Record<string, string | undefined> = {},
  limites?: MagasinLimites,
) {
  const config: Config = chargerConfig({
    NODE_ENV: "test",
    TROUSSE_BASE_URL: "http://trousse.test",
    TROUSSE_SESSION_SECRET: SECRET_TEST,
    // Named after this vitest run, removed when it ends (dossiers-temporaires.global.ts).
    TROUSSE_DATA_DIR: mkdtempSync(join(tmpdir(), process.env[PREFIXE_VARIABLE] ?? "trousse-app-")),
    TROUSSE_ENTS: JSON.stringify([
      {
        id: "ode-test",
        nom: "ENT de test",
        type: "cas",
        casUrl: "https://ent.exemple.fr/cas",
        originesAutorisees: [ORIGINE_ENT],
      },
    ]),
    ...env,
  });
  const journal: string[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => void journal.push(l) });
  const app = createApp({ config, base, logger, ...(limites ? { limites } : {}) });
  return { app, config, journal };
}
