import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The prefix of the data folders that `appDeTest` makes during one vitest run (one per app). */
export const PREFIXE_VARIABLE = "TROUSSE_TEST_DOSSIERS";

/**
 * vitest global setup: names this run's temporary data folders (`trousse-app-<run>-…`, see `appDeTest`)
 * and removes them once every test file is done — an app under test has no close of its own, and each
 * left a folder in /tmp before (130 after a few runs).
 *
 * @example
 * // vitest.config.ts
 * test: { globalSetup: ["./src/test-support/dossiers-temporaires.global.ts"] }
 */
export default function preparer(): () => Promise<void> {
  const prefixe = `trousse-app-${process.pid}-`;
  process.env[PREFIXE_VARIABLE] = prefixe;
  return async () => {
    const noms = await readdir(tmpdir()).catch(() => [] as string[]);
    await Promise.all(
      noms
        .filter((n) => n.startsWith(prefixe))
        .map((n) => rm(join(tmpdir(), n), { recursive: true, force: true })),
    );
  };
}
