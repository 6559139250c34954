import { defineConfig } from "vitest/config";

// PostgreSQL-only tests (`*.pg.test.ts`) run when DATABASE_URL is set (root `pnpm test:pg`, CI);
// the shared database suite runs on PGlite by default and on PostgreSQL with DATABASE_URL.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // `*.pglite.test.ts` are about PGlite itself (the test template): they run without DATABASE_URL.
    exclude: process.env.DATABASE_URL ? ["src/**/*.pglite.test.ts"] : ["src/**/*.pg.test.ts"],
    // One migrated PGlite template, dumped once: each test database starts from it (base-de-test.ts).
    globalSetup: ["./src/modele-pglite.global.ts"],
    // PGlite boots a WebAssembly PostgreSQL: a few seconds on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
