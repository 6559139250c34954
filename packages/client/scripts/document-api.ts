// Builds the API's OpenAPI 3.1 document from apps/api's built `dist/` (createApp, asked `/v1/openapi.json`),
// with a minimal configuration and no database: building the document touches neither the database nor the
// network. No package dependency on @trousse/api (private, and it would tie this package's build to it):
// the API is loaded by path, and turbo builds it before this package's test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The built API, from the monorepo root. */
export const DIST_API = join(import.meta.dirname, "..", "..", "..", "apps", "api", "dist");

/** The part of the built API this script uses (loaded by path: its types are not a dependency). */
interface ApiConstruite {
  createApp(deps: { config: unknown; base: { db: unknown; ping: () => Promise<void> }; logger: unknown }): {
    request(chemin: string): Response | Promise<Response>;
  };
  chargerConfig(env: Record<string, string>): unknown;
  creerJournal(options: { niveau: string }): unknown;
}

async function chargerApi(dist: string): Promise<ApiConstruite> {
  const charger = (fichier: string) => import(pathToFileURL(join(dist, fichier)).href);
  try {
    const [{ createApp }, { chargerConfig }, { creerJournal }] = await Promise.all([
      charger("app.js"),
      charger("config.js"),
      charger("journal.js"),
    ]);
    return { createApp, chargerConfig, creerJournal } as ApiConstruite;
  } catch (e) {
    throw new Error(
      `L'API construite est introuvable ou incomplète dans ${dist} : lancez d'abord ` +
        "`npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api`.",
      { cause: e },
    );
  }
}

/**
 * The OpenAPI document the API serves at `/v1/openapi.json`, built in memory from `apps/api/dist`.
 * The configuration is fixed (base URL `https://trousse.exemple.fr`, one test ENT) so the document
 * depends only on the API's code.
 *
 * @example
 * const doc = await documentApi();
 * doc.openapi; // "3.1.0"
 */
export async function documentApi(dist: string = DIST_API): Promise<Record<string, unknown>> {
  const api = await chargerApi(dist);
  const dossier = mkdtempSync(join(tmpdir(), "trousse-client-"));
  try {
    const config = api.chargerConfig({
      NODE_ENV: "test",
      TROUSSE_BASE_URL: "https://trousse.exemple.fr",
      TROUSSE_SESSION_SECRET: "secret-de-generation-du-client-0123456789-abcdef",
      TROUSSE_DATA_DIR: dossier,
      TROUSSE_ENTS: JSON.stringify([
        {
          id: "ent-exemple",
          nom: "ENT d'exemple",
          type: "cas",
          casUrl: "https://ent.exemple.fr/cas",
          originesAutorisees: ["https://ent.exemple.fr"],
        },
      ]),
    });
    const app = api.createApp({
      config,
      // Never called while building the document.
      base: { db: {}, ping: () => Promise.reject(new Error("pas de base pendant la génération")) },
      logger: api.creerJournal({ niveau: "silent" }),
    });
    const reponse = await app.request("/v1/openapi.json");
    if (reponse.status !== 200) {
      throw new Error(`/v1/openapi.json a répondu ${reponse.status} : ${await reponse.text()}`);
    }
    return (await reponse.json()) as Record<string, unknown>;
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
}
