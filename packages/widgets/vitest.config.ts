// Two projects: `unitaire` (pure modules, Node) and `navigateur` (real Chromium through playwright-core,
// against the CDN bundles built once by test/construire-cdn.ts). `vitest run` runs both.
import { defineConfig } from "vitest/config";
import { define } from "./vite.shared.js";

export default defineConfig({
  define,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unitaire",
          environment: "node",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["src/**/*.browser.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "navigateur",
          environment: "node",
          include: ["src/**/*.browser.test.ts"],
          globalSetup: ["test/construire-cdn.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium per file; files one after the other (2 shared CPU cores).
          fileParallelism: false,
        },
      },
    ],
  },
});
