import { spawn } from "node:child_process";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { creerBaseVide, type BaseVide } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "./rendus/test-support/echantillons.js";

// The launcher: `TROUSSE_PROCESSUS=2` on PostgreSQL starts two API processes sharing one port; one killed
// with -9 is restarted; SIGTERM stops accepting, lets an in-flight PATCH finish (204, every byte), then exits 0.

const SERVEUR = fileURLToPath(new URL("./server.ts", import.meta.url));
let vide: BaseVide;
let dossier: string;

beforeAll(async () => {
  vide = await creerBaseVide(process.env.DATABASE_URL!);
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-i13-grappe-"));
});
afterAll(async () => {
  await vide?.supprimer();
  await rm(dossier, { recursive: true, force: true });
});

function lancer(env: Record<string, string>) {
  const enfant = spawn(process.execPath, ["--import", "tsx", SERVEUR], {
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let sortie = "";
  enfant.stdout.on("data", (d: Buffer) => (sortie += d.toString()));
  enfant.stderr.on("data", (d: Buffer) => (sortie += d.toString()));
  const fin = new Promise<number | null>((ok) => enfant.once("exit", (code) => ok(code)));
  const attendre = async (motif: RegExp, ms = 100_000): Promise<RegExpMatchArray> => {
    const limite = Date.now() + ms;
    while (Date.now() < limite) {
      const m = motif.exec(sortie);
      if (m) return m;
      if (enfant.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`motif ${String(motif)} absent de : ${sortie}`);
  };
  return { enfant, fin, attendre, sortie: () => sortie };
}

const b64 = (t: string) => Buffer.from(t).toString("base64");

describe("TROUSSE_PROCESSUS", () => {
  it("deux processus sur un port ; un processus tué est relancé ; SIGTERM laisse finir le PATCH en cours, puis sort en 0", async () => {
    const s = lancer({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: vide.url,
      TROUSSE_DATA_DIR: dossier,
      TROUSSE_DEMO: "1",
      TROUSSE_SESSION_SECRET: "g".repeat(48),
      TROUSSE_PROCESSUS: "2",
    });
    try {
      await s.attendre(/Grappe Trousse prête : 2 processus/);
      await s.attendre(/API Trousse prête[\s\S]*API Trousse prête/);
      const ports = [...s.sortie().matchAll(/"ecoute":"http:\/\/127\.0\.0\.1:(\d+)"/g)].map((m) => m[1]);
      expect(ports).toHaveLength(2);
      expect(new Set(ports).size).toBe(1);
      const base = `http://127.0.0.1:${ports[0]}`;
      const pids = [...s.sortie().matchAll(/"demarrage","pid":(\d+)/g)].map((m) => Number(m[1]));
      const travailleurs = [...new Set(pids)].filter((p) => p !== s.enfant.pid);
      expect(travailleurs.length).toBeGreaterThanOrEqual(2);

      // kill -9 of one process: the launcher starts another, the port keeps answering.
      process.kill(travailleurs[0]!, "SIGKILL");
      await s.attendre(/processus-perdu/);
      await s.attendre(
        /API Trousse prête[\s\S]*API Trousse prête[\s\S]*processus-perdu[\s\S]*API Trousse prête/,
      );
      expect((await fetch(`${base}/health`)).status).toBe(200);

      const { jeton } = (await (
        await fetch(`${base}/v1/auth/demo`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ login: "lea.martin" }),
        })
      ).json()) as { jeton: string };
      const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
      const { devoirs } = (await (await fetch(`${base}/v1/devoirs`, { headers: auth })).json()) as {
        devoirs: { id: string; statut: string }[];
      };
      const devoirId = devoirs.find((d) => d.statut === "a-rendre")!.id;
      const taille = 1024 * 1024;
      const creation = await fetch(`${base}/v1/televersements`, {
        method: "POST",
        headers: {
          ...auth,
          "Upload-Length": String(taille),
          "Upload-Metadata": `filename ${b64("copie.pdf")},devoir ${b64(devoirId)}`,
        },
      });
      const id = creation.headers.get("location")!.split("/").pop()!;
      const corps = pdf(taille, 3);
      // A PATCH lasting ~1.5 s; SIGTERM arrives 300 ms after it started.
      const patch = new Promise<{ status: number; offset: string }>((ok, ko) => {
        const req = http.request(
          `${base}/v1/televersements/${id}`,
          {
            method: "PATCH",
            headers: {
              ...auth,
              "Upload-Offset": "0",
              "Content-Type": "application/offset+octet-stream",
              "Content-Length": String(taille),
            },
          },
          (res) => {
            res.resume();
            ok({ status: res.statusCode ?? 0, offset: String(res.headers["upload-offset"]) });
          },
        );
        req.once("error", ko);
        let position = 0;
        const suite = () => {
          if (position >= taille) return void req.end();
          req.write(corps.subarray(position, position + 32_768));
          position += 32_768;
          setTimeout(suite, 45);
        };
        suite();
      });
      await new Promise((r) => setTimeout(r, 300));
      s.enfant.kill("SIGTERM");
      await s.attendre(/arret-demande/, 10_000);
      // No new connection is accepted while the PATCH finishes.
      await expect(fetch(`${base}/health`)).rejects.toThrow();
      expect(await patch).toEqual({ status: 204, offset: String(taille) });
      expect(await s.fin).toBe(0);
      expect(s.sortie()).toContain("Grappe Trousse arrêtée");
    } finally {
      if (s.enfant.exitCode === null) s.enfant.kill("SIGKILL");
    }
  }, 240_000);
});
