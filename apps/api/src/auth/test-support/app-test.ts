import { randomBytes } from "node:crypto";
import { createDb, creerBaseDeTest, type DbHandle } from "@trousse/db";
import { Hono } from "hono";
import { repondreAuxErreurs } from "../../erreurs/repondre.js";
import { pino } from "pino";
import type { AuthConfig } from "../ent-config.js";
import type { AuthDeps, Session } from "../deps.js";
import { exigerSession } from "../exiger-session.js";
import { routesApiAuth } from "../routes-api-auth.js";
import { routesAuth } from "../routes-auth.js";

/** Base URL of the API under test (requests to it never leave the process). */
export const BASE_API = "http://trousse.test";
export const SECRET_TEST = "secret-de-test-assez-long-pour-hs256-0123456789";

/**
 * A fresh, migrated database for one test file: when `DATABASE_URL` is set, a new PostgreSQL database
 * created on that server and dropped by `close()` (runs never collide nor leave tables behind); else PGlite
 * in memory.
 *
 * @example
 * const base = await ouvrirBaseDeTest(); afterAll(() => base.close());
 */
export async function ouvrirBaseDeTest(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return creerBaseDeTest();
  const nom = `trousse_auth_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = await createDb({ url, poolMax: 1 });
  try {
    await admin.db.execute(`create database "${nom}"`);
  } finally {
    await admin.close();
  }
  const cible = new URL(url);
  cible.pathname = `/${nom}`;
  const handle = await createDb({ url: cible.href, poolMax: 4 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = await createDb({ url, poolMax: 1 });
      try {
        await a.db.execute(`drop database if exists "${nom}" with (force)`);
      } finally {
        await a.close();
      }
    },
  };
}

/** An app with the sign-in mounted as the API core mounts it, plus a protected probe route. */
export interface AppTest {
  app: Hono;
  deps: AuthDeps;
  /** Every log line written (JSON), to check nothing secret is logged. */
  journal: string[];
  requete(url: string, init?: RequestInit): Promise<Response>;
}

/**
 * Builds the test app: `/auth` and `/v1/auth` routes, and `GET /v1/protege` behind `exigerSession`.
 *
 * @example
 * const t = creerAppTest(base.db, { ents: [], sessionSecret: SECRET_TEST, sessionDureeMinutes: 60 }, { demo: true });
 */
export function creerAppTest(
  db: DbHandle["db"],
  config: AuthConfig,
  options: { demo?: boolean } = {},
): AppTest {
  const journal: string[] = [];
  const logger = pino({ level: "debug" }, { write: (ligne: string) => void journal.push(ligne) });
  const deps: AuthDeps = { db, config, logger, demo: options.demo ?? false, baseUrl: BASE_API };
  const app = new Hono();
  app.route("/auth", routesAuth(deps));
  app.route("/v1/auth", routesApiAuth(deps));
  app.get("/v1/protege", exigerSession(deps), (c) =>
    c.json({ moi: (c.get("session") as Session).utilisateur.id }),
  );
  // The API's one onError, as createApp mounts it.
  app.onError(repondreAuxErreurs(logger));
  return { app, deps, journal, requete: async (url, init) => app.request(url, init) };
}

/**
 * Reads the data attributes of the sign-in page (`data-jeton`, `data-origine`, …).
 *
 * @example
 * const { jeton, origine } = lireDonneesPage(html);
 */
export function lireDonneesPage(html: string): Record<string, string> {
  const donnees: Record<string, string> = {};
  for (const m of html.matchAll(/data-([a-z-]+)="([^"]*)"/g)) {
    const cle = (m[1] ?? "").replace(/-([a-z])/g, (_, l: string) => l.toUpperCase());
    donnees[cle] = (m[2] ?? "")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  }
  return donnees;
}
