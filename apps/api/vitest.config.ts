import { defineConfig } from "vitest/config";

// `*.redis.test.ts` need a Redis server: they run when REDIS_URL is set (root `pnpm test:pg`, CI);
// `*.pg.test.ts` need PostgreSQL itself: they run when DATABASE_URL is set.
// Database tests run on PGlite by default and on PostgreSQL when DATABASE_URL is set.
// `*.grappe.test.ts` (src/grappe-reelle) start real parts — API processes, nginx, redis-server, a throw-away
// PostgreSQL cluster: they run only in their own step (`pnpm test:grappe`, TROUSSE_GRAPPE_REELLE=1).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Removes the data folders the apps under test made in /tmp once the run ends,
    // and hands the workers one migrated PGlite template that every test database starts from (@trousse/db).
    globalSetup: [
      "./src/test-support/dossiers-temporaires.global.ts",
      "./src/test-support/modele-pglite.global.ts",
    ],
    exclude: [
      ...(process.env.TROUSSE_GRAPPE_REELLE === "1" ? [] : ["src/**/*.grappe.test.ts"]),
      ...(process.env.REDIS_URL ? [] : ["src/**/*.redis.test.ts"]),
      // PostgreSQL-only tests (a real server to cut and restore) run when DATABASE_URL is set.
      ...(process.env.DATABASE_URL ? [] : ["src/**/*.pg.test.ts"]),
    ],
    // PGlite boots a WebAssembly PostgreSQL: a few seconds on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
