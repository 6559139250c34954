import { preparerModelePglite } from "./base-de-test.js";

/** vitest global setup of this package: one migrated PGlite template for every test database (PGlite). */
export default () => preparerModelePglite();
