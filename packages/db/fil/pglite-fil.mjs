// @ts-check
// Le fil (worker thread) qui porte PGlite pour `PgliteSurFil` (../src/pglite-sur-fil.ts) : la base embarquée
// calcule hors de la boucle d'événements de l'API. Un message par requête, traité dans l'ordre d'arrivée (la
// file de PGlite) ; la réponse porte le même numéro `n`. JavaScript simple : le même fichier sert à `src/`
// (tests) et à `dist/`.
import process from "node:process";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
/** Les champs d'une erreur de PostgreSQL que l'autre côté peut lire (le clonage n'en garde que le message). */
const CHAMPS = [
  "code",
  "detail",
  "hint",
  "position",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "severity",
  "where",
  "routine",
];
/** @param {unknown} e */
const versMessage = (e) => {
  const o = /** @type {Record<string, unknown>} */ ({
    message: String(/** @type {Error} */ (e)?.message ?? e),
    name: /** @type {Error} */ (e)?.name,
  });
  for (const k of CHAMPS) {
    const v = /** @type {Record<string, unknown>} */ (e)?.[k];
    if (v !== undefined) o[k] = v;
  }
  return o;
};
/** Garder le texte de ces types (l'analyseur demandé s'applique de l'autre côté : une fonction ne se clone pas). */
const TEXTE = (/** @type {unknown} */ v) => v;

/** @type {PGlite} */
let pg;
try {
  const { dataDir, loadDataDir } = /** @type {{ dataDir?: string, loadDataDir?: Blob }} */ (workerData ?? {});
  pg = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  port.postMessage({ pret: true });
} catch (e) {
  port.postMessage({ pret: false, erreur: versMessage(e) });
  process.exit(1);
}

port.on(
  "message",
  async (
    /** @type {{ n: number, op: string, sql?: string, params?: unknown[], rowMode?: "array" | "object", texte?: number[], compression?: "auto" | "gzip" | "none" }} */ m,
  ) => {
    try {
      let r;
      if (m.op === "query") {
        const parsers = m.texte?.length ? Object.fromEntries(m.texte.map((oid) => [oid, TEXTE])) : undefined;
        r = await pg.query(/** @type {string} */ (m.sql), m.params, { rowMode: m.rowMode, parsers });
      } else if (m.op === "exec") r = await pg.exec(/** @type {string} */ (m.sql));
      else if (m.op === "dump") r = await pg.dumpDataDir(m.compression);
      else if (m.op === "close") {
        await pg.close();
        r = null;
      } else throw new Error(`opération inconnue : ${m.op}`);
      port.postMessage({ n: m.n, r });
    } catch (e) {
      port.postMessage({ n: m.n, erreur: versMessage(e) });
    }
  },
);
