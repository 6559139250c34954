import { readFileSync } from "node:fs";

/** The package version, injected into the bundles as `__TROUSSE_VERSION__`. */
export const version: string = (
  JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Build-time constants shared by every Vite/Vitest config of the package. */
export const define = { __TROUSSE_VERSION__: JSON.stringify(version) };
