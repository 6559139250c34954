import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demarrer } from "../../server.js";

/** L'API entière sur un vrai serveur Node (démonstration, PGlite), avec une élève connectée. */
export interface ServeurReel {
  port: number;
  /** Jeton de session de l'élève de démonstration (Léa, 3eA). */
  jeton: string;
  /** Un devoir ouvert aux rendus de cette élève. */
  devoirId: string;
  /** L'origine permise par la liste CORS de l'API (son adresse publique). */
  origine: string;
  arreter(): Promise<void>;
}

/**
 * Démarre l'API comme en production (`demarrer`, port 0 sur 127.0.0.1), en mode démonstration, limites de
 * débit larges ; connecte l'élève de démonstration et trouve son devoir à rendre.
 *
 * @example
 * const s = await demarrerServeurReel();
 * await requeteBrute(s.port, "OPTIONS", "/v1/televersements");
 * await s.arreter();
 */
export async function demarrerServeurReel(): Promise<ServeurReel> {
  const dossier = mkdtempSync(join(tmpdir(), "trousse-tus-"));
  const origine = "http://trousse.test";
  const s = await demarrer({
    PORT: "0",
    HOST: "127.0.0.1",
    TROUSSE_DATA_DIR: dossier,
    TROUSSE_DEMO: "1",
    TROUSSE_BASE_URL: origine,
    TROUSSE_LIMITE_IP_MINUTE: "100000",
    TROUSSE_LIMITE_UTILISATEUR_MINUTE: "100000",
    LOG_LEVEL: "silent",
  });
  const base = `http://127.0.0.1:${s.port}`;
  const { jeton } = (await (
    await fetch(`${base}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "lea.martin" }),
    })
  ).json()) as { jeton: string };
  const { devoirs } = (await (
    await fetch(`${base}/v1/devoirs`, { headers: { authorization: `Bearer ${jeton}` } })
  ).json()) as { devoirs: { id: string; statut: string }[] };
  const devoir = devoirs.find((d) => d.statut === "a-rendre");
  if (!devoir) throw new Error("aucun devoir à rendre dans la démonstration");
  return {
    port: s.port,
    jeton,
    devoirId: devoir.id,
    origine,
    arreter: async () => {
      await s.arreter();
      rmSync(dossier, { recursive: true, force: true });
    },
  };
}
