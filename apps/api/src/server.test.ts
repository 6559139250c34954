import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { adresseEcoute, demarrer } from "./server.js";

const dossiers: string[] = [];
function dossier(): string {
  const d = mkdtempSync(join(tmpdir(), "trousse-api-"));
  dossiers.push(d);
  return d;
}
afterAll(() => {
  for (const d of dossiers) rmSync(d, { recursive: true, force: true });
});

const SERVEUR = fileURLToPath(new URL("./server.ts", import.meta.url));

/** Runs the server in a child process until `attendre` matches its output. */
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

describe("demarrer", () => {
  it("a rush's burst of connections waits in the kernel's queue: listen backlog TROUSSE_FILE_CONNEXIONS (default 4096), not Node's 511", async () => {
    /** The backlog of the socket listening on `port`, as the kernel reports it (`ss`: Send-Q). */
    const fileDe = (port: number) =>
      Number(
        execFileSync("ss", ["-Hltn", `sport = :${port}`], { encoding: "utf8" })
          .trim()
          .split(/\s+/)[2],
      );
    const plafond = Number(execFileSync("sysctl", ["-n", "net.core.somaxconn"], { encoding: "utf8" }));
    for (const [variable, attendu] of [
      [undefined, Math.min(4096, plafond)],
      ["50", 50],
    ] as const) {
      const s = await demarrer({
        PORT: "0",
        HOST: "127.0.0.1",
        TROUSSE_DATA_DIR: dossier(),
        TROUSSE_DEMO: "1",
        LOG_LEVEL: "silent",
        ...(variable ? { TROUSSE_FILE_CONNEXIONS: variable } : {}),
      });
      try {
        expect(fileDe(s.port)).toBe(attendu);
      } finally {
        await s.arreter();
      }
    }
  }, 120_000);

  it("TROUSSE_ENVOI_EXPIRATION_HEURES sets how long an unfinished upload lives (Upload-Expires)", async () => {
    const s = await demarrer({
      PORT: "0",
      HOST: "127.0.0.1",
      TROUSSE_DATA_DIR: dossier(),
      TROUSSE_DEMO: "1",
      TROUSSE_ENVOI_EXPIRATION_HEURES: "2",
      LOG_LEVEL: "silent",
    });
    try {
      const base = `http://127.0.0.1:${s.port}`;
      const { jeton } = (await (
        await fetch(`${base}/v1/auth/demo`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ login: "lea.martin" }),
        })
      ).json()) as { jeton: string };
      const auth = { authorization: `Bearer ${jeton}` };
      const { devoirs } = (await (await fetch(`${base}/v1/devoirs`, { headers: auth })).json()) as {
        devoirs: { id: string; statut: string }[];
      };
      const ouvert = devoirs.find((d) => d.statut === "a-rendre")!;
      const b64 = (t: string) => Buffer.from(t).toString("base64");
      const avant = Date.now();
      const r = await fetch(`${base}/v1/televersements`, {
        method: "POST",
        headers: {
          ...auth,
          "Tus-Resumable": "1.0.0",
          "Upload-Length": "1000",
          "Upload-Metadata": `filename ${b64("exposé.pdf")},devoir ${b64(ouvert.id)}`,
        },
      });
      expect(r.status).toBe(201);
      const expire = Date.parse(r.headers.get("upload-expires") ?? "");
      // HTTP dates have one-second precision.
      expect(expire).toBeGreaterThanOrEqual(avant + 2 * 3_600_000 - 1000);
      expect(expire).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);
    } finally {
      await s.arreter();
    }
  });

  it("serves on PGlite in demo mode, refuses a second process on the same folder, stops cleanly", async () => {
    const dir = dossier();
    const env = {
      PORT: "0",
      HOST: "127.0.0.1",
      TROUSSE_DATA_DIR: dir,
      TROUSSE_DEMO: "1",
      LOG_LEVEL: "silent",
    };
    const s = await demarrer(env);
    try {
      const r = await fetch(`http://127.0.0.1:${s.port}/ready`);
      expect(await r.json()).toEqual({ statut: "ok" });
      await expect(demarrer(env)).rejects.toMatchObject({ code: "donnees-verrouillees" });
    } finally {
      await s.arreter();
    }
    expect(existsSync(join(dir, "trousse.lock"))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${s.port}/health`)).rejects.toThrow();
  }, 120_000);
});

describe("node entry (child process)", () => {
  it("starts, logs demo mode, and on SIGTERM closes the server and the database", async () => {
    const dir = dossier();
    // PGlite explicitly (an empty DATABASE_URL counts as unset): this test is about its folder lock.
    const p = lancer({
      PORT: "0",
      HOST: "127.0.0.1",
      TROUSSE_DATA_DIR: dir,
      TROUSSE_DEMO: "1",
      DATABASE_URL: "",
      TROUSSE_BASE_URL: "https://trousse.exemple.fr",
    });
    try {
      // The real listening address and the public base URL, not « localhost » whatever HOST says.
      const [, port] = await p.attendre(
        /prête : écoute sur http:\/\/127\.0\.0\.1:(\d+), adresse publique https:\/\/trousse\.exemple\.fr/,
      );
      expect(p.sortie()).toContain(`"ecoute":"http://127.0.0.1:${port}"`);
      expect(p.sortie()).toContain('"adressePublique":"https://trousse.exemple.fr"');
      expect(p.sortie()).not.toContain("localhost");
      expect(p.sortie()).toContain("MODE DÉMONSTRATION");
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      expect(existsSync(join(dir, "trousse.lock"))).toBe(true);
      p.enfant.kill("SIGTERM");
      expect(await p.fin).toBe(0);
      expect(existsSync(join(dir, "trousse.lock"))).toBe(false);
    } finally {
      if (p.enfant.exitCode === null) p.enfant.kill("SIGKILL");
    }
  }, 120_000);

  it("exits 1 with a message naming the bad variable", async () => {
    const p = lancer({ PORT: "port-inconnu" });
    expect(await p.fin).toBe(1);
    expect(p.sortie()).toContain("Trousse ne peut pas démarrer : PORT invalide");
  }, 60_000);

  it("refuses demo mode in production", async () => {
    const p = lancer({
      NODE_ENV: "production",
      TROUSSE_DEMO: "1",
      TROUSSE_BASE_URL: "https://t.fr",
      TROUSSE_SESSION_SECRET: "x".repeat(40),
    });
    expect(await p.fin).toBe(1);
    expect(p.sortie()).toContain("TROUSSE_DEMO=1 est refusé avec NODE_ENV=production");
  }, 60_000);
});

describe("adresseEcoute", () => {
  it("names the bound address, IPv6 in brackets", () => {
    expect(adresseEcoute({ address: "0.0.0.0", family: "IPv4", port: 8787 }, "0.0.0.0", 8787)).toBe(
      "http://0.0.0.0:8787",
    );
    expect(adresseEcoute({ address: "::1", family: "IPv6", port: 80 }, "::1", 80)).toBe("http://[::1]:80");
    expect(adresseEcoute(null, "127.0.0.1", 3000)).toBe("http://127.0.0.1:3000");
  });
});
