// Vitest global setup of the `navigateur` project: builds the CDN bundles the browser tests load, so
// `pnpm test` always tests the current sources.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function construireCdn(): void {
  const racine = fileURLToPath(new URL("..", import.meta.url));
  const vite = fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url));
  // Vitest runs with NODE_ENV=test: the bundles must be the production ones (Lit's production build).
  const options = {
    cwd: racine,
    stdio: ["ignore", "ignore", "inherit"] as ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  };
  execFileSync(process.execPath, [vite, "build", "-c", "vite.cdn.config.ts", "--logLevel", "error"], options);
  execFileSync(
    process.execPath,
    [vite, "build", "-c", "vite.rendre-devoir.config.ts", "--logLevel", "error"],
    options,
  );
  execFileSync(
    process.execPath,
    [vite, "build", "-c", "vite.chargeur.config.ts", "--logLevel", "error"],
    options,
  );
  execFileSync(process.execPath, ["scripts/manifeste-cdn.mjs"], options);
}
