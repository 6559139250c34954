import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    // The drift check loads the whole API from its dist (seconds on 2 shared cores) and runs
    // openapi-typescript: generous time limits, same assertions.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
