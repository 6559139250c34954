import { defineConfig } from "vitest/config";

// Property tests (fast-check, hundreds of runs) share 2 CPU cores with the rest of the CI run:
// a generous per-test time limit; the assertions and run counts stay as they are.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
