import { preparerModelePglite } from "@trousse/db";

/**
 * vitest global setup: one migrated PGlite template, dumped once for the run; every `creerBaseDeTest()` on
 * PGlite (the test worlds, `baseDeTest`) starts from it instead of booting and migrating an empty PGlite.
 *
 * @example
 * // vitest.config.ts
 * test: { globalSetup: ["./src/test-support/modele-pglite.global.ts"] }
 */
export default () => preparerModelePglite();
