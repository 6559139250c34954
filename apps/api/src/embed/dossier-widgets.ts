import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Where the widgets' built CDN bundles are: `TROUSSE_WIDGETS_DIR` if set, else `packages/widgets/dist/cdn`
 * of the monorepo, found from this module (same depth in `src/embed` and `dist/embed`).
 *
 * @example
 * dossierWidgets({}); // "/srv/trousse/packages/widgets/dist/cdn"
 */
export function dossierWidgets(env: Record<string, string | undefined> = process.env): string {
  const dossier =
    env.TROUSSE_WIDGETS_DIR ??
    fileURLToPath(new URL("../../../../packages/widgets/dist/cdn", import.meta.url));
  return dossier.replace(/\/+$/, "");
}

/** True when the bundles have been built (the loader is there). */
export const widgetsConstruits = (dossier: string): boolean => existsSync(`${dossier}/trousse.js`);
