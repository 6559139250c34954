import { defineConfig } from "vitest/config";

// npm install et tsc dans des projets neufs : délais généreux, un seul fichier lourd à la fois.
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
