// Vitest global setup of the `navigateur` project: builds the CDN bundles the browser tests load when
// they are older than their sources, so `vitest` always tests the current sources. Under `pnpm test`,
// turbo has built the package just before (widgets#test depends on widgets#build): no rebuild, so
// dist/cdn is never emptied while the API's tests or demo server read it.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cdnAJour } from "../scripts/cdn-a-jour.js";

export default function construireCdn(): void {
  const racine = fileURLToPath(new URL("..", import.meta.url));
  if (cdnAJour(racine)) return;
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
