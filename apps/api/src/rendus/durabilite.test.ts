import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { creerBaseVide, type BaseVide } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Un vrai processus serveur (src/server.ts, mode démonstration, PGlite ou DATABASE_URL) tué par SIGKILL
// pendant des envois et des « rendre », puis redémarré sur le même dossier de données.
const dossierApi = fileURLToPath(new URL("../..", import.meta.url));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const MIO = 1024 * 1024;

let enfant: ChildProcess | null = null;
let dossier = "";
// Sur PostgreSQL, une base neuve pour ce fichier : les rendus d'autres exécutions ne faussent pas l'invariant.
let basePg: BaseVide | null = null;
beforeAll(async () => {
  if (process.env.DATABASE_URL) basePg = await creerBaseVide(process.env.DATABASE_URL);
});
afterAll(async () => {
  enfant?.kill("SIGKILL");
  if (dossier) await rm(dossier, { recursive: true, force: true });
  await basePg?.supprimer();
});

async function demarrer(donnees: string): Promise<string> {
  const e = spawn(process.execPath, ["--import", "tsx", path.join(dossierApi, "src/server.ts")], {
    cwd: dossierApi,
    env: {
      ...process.env,
      PORT: "0",
      TROUSSE_DEMO: "1",
      TROUSSE_DATA_DIR: donnees,
      ...(basePg ? { DATABASE_URL: basePg.url } : {}),
      LOG_LEVEL: "info",
      TROUSSE_LIMITE_IP_MINUTE: "100000",
      TROUSSE_SESSION_SECRET: "secret-de-test-durabilite-assez-long-0123456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  enfant = e;
  let journal = "";
  const port = await new Promise<number>((ok, ko) => {
    const lire = (b: Buffer) => {
      journal = (journal + b.toString()).slice(-10_000);
      const m = /localhost:(\d+)/.exec(journal);
      if (m) ok(Number(m[1]));
    };
    e.stdout!.on("data", lire);
    e.stderr!.on("data", lire);
    e.once("exit", (code) => ko(new Error(`serveur arrêté (${code}) : ${journal}`)));
  });
  return `http://127.0.0.1:${port}`;
}

function tuer(): Promise<void> {
  const e = enfant!;
  enfant = null;
  return new Promise((ok) => {
    e.once("exit", () => ok());
    e.kill("SIGKILL");
  });
}

async function appel(
  url: string,
  methode: string,
  entetes: Record<string, string>,
  corps?: Buffer | string,
): Promise<{ status: number; texte: string; entetes: http.IncomingHttpHeaders }> {
  return new Promise((ok, ko) => {
    const r = http.request(url, { method: methode, headers: entetes, agent: false }, (res) => {
      let texte = "";
      res.on("data", (m: Buffer) => (texte += m.toString()));
      res.on("end", () => ok({ status: res.statusCode ?? 0, texte, entetes: res.headers }));
    });
    r.on("error", ko);
    r.end(corps);
  });
}

const jeton = async (base: string, login: string) =>
  (
    JSON.parse(
      (
        await appel(
          `${base}/v1/auth/demo`,
          "POST",
          { "content-type": "application/json" },
          JSON.stringify({ login }),
        )
      ).texte,
    ) as { jeton: string }
  ).jeton;

const pdf = (taille: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(taille - 9)]);

describe(`durabilité : SIGKILL pendant les envois et les rendus (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it(
    "aucun rendu sans ses fichiers synchronisés ; l'envoi interrompu reprend où il en était",
    { timeout: 300_000 },
    async () => {
      dossier = await mkdtemp(path.join(tmpdir(), "trousse-kill9-"));
      const donnees = path.join(dossier, "donnees");
      let base = await demarrer(donnees);
      const [lea, hugo, ines, prof] = (await Promise.all(
        ["lea.martin", "hugo.bernard", "ines.dubois", "claire.durand"].map((l) => jeton(base, l)),
      )) as [string, string, string, string];
      const liste = JSON.parse(
        (await appel(`${base}/v1/devoirs`, "GET", { authorization: `Bearer ${lea}` })).texte,
      ) as { devoirs: { id: string; titre: string }[] };
      const devoirId = liste.devoirs.find((d) => d.titre.startsWith("Rédaction"))!.id;
      const tus = (j: string) => ({ authorization: `Bearer ${j}`, "Tus-Resumable": "1.0.0" });
      const meta = (nom: string) =>
        `filename ${Buffer.from(nom).toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
      const creer = async (j: string, nom: string, taille: number) => {
        const r = await appel(`${base}/v1/televersements`, "POST", {
          ...tus(j),
          "Upload-Length": String(taille),
          "Upload-Metadata": meta(nom),
        });
        expect(r.status).toBe(201);
        return String(r.entetes.location).split("/").pop()!;
      };

      // Hugo et Inès ont fini leurs envois ; Léa envoie 8 Mio qui seront coupés par le SIGKILL.
      const fHugo = pdf(2 * MIO);
      const fInes = pdf(2 * MIO);
      const fLea = pdf(8 * MIO);
      const idHugo = await creer(hugo, "hugo.pdf", fHugo.length);
      const idInes = await creer(ines, "ines.pdf", fInes.length);
      const patch = (j: string, id: string, offset: number, corps: Buffer) =>
        appel(
          `${base}/v1/televersements/${id}`,
          "PATCH",
          { ...tus(j), "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
          corps,
        );
      expect((await patch(hugo, idHugo, 0, fHugo)).status).toBe(204);
      expect((await patch(ines, idInes, 0, fInes)).status).toBe(204);
      const idLea = await creer(lea, "léa.pdf", fLea.length);

      // PATCH de Léa en cours (5 Mio écrits, la requête n'est pas terminée)…
      const enCours = http.request(`${base}/v1/televersements/${idLea}`, {
        method: "PATCH",
        agent: false,
        headers: {
          ...tus(lea),
          "Upload-Offset": "0",
          "Content-Type": "application/offset+octet-stream",
          "Content-Length": String(fLea.length),
        },
      });
      enCours.on("error", () => undefined);
      enCours.write(fLea.subarray(0, 5 * MIO));
      const fichierLea = path.join(donnees, "televersements", idLea);
      for (let i = 0; i < 200 && (await stat(fichierLea)).size < MIO; i++)
        await new Promise((r) => setTimeout(r, 25));
      // … et les « rendre » de Hugo et Inès partent au même moment : SIGKILL pendant tout cela.
      const rendre = (j: string, id: string) =>
        appel(
          `${base}/v1/devoirs/${devoirId}/rendre`,
          "POST",
          { authorization: `Bearer ${j}`, "content-type": "application/json" },
          JSON.stringify({ televersements: [id] }),
        ).catch(() => null);
      const rendus = [rendre(hugo, idHugo), rendre(ines, idInes)];
      await new Promise((r) => setTimeout(r, 15));
      await tuer();
      const reponses = await Promise.all(rendus);

      base = await demarrer(donnees);
      // Invariant : chaque rendu en base a ses fichiers sur le disque, avec le sha256 enregistré.
      const suivi = JSON.parse(
        (await appel(`${base}/v1/devoirs/${devoirId}/suivi`, "GET", { authorization: `Bearer ${prof}` }))
          .texte,
      ) as {
        eleves: {
          eleve: { nomAffiche: string };
          rendu: { id: string; fichiers: { id: string; sha256: string; taille: number }[] } | null;
        }[];
      };
      for (const e of suivi.eleves) {
        for (const f of e.rendu?.fichiers ?? []) {
          const contenu = await readFile(path.join(donnees, "fichiers", "rendus", devoirId, f.id));
          expect(contenu.length).toBe(f.taille);
          expect(sha(contenu)).toBe(f.sha256);
        }
      }
      // Un accusé reçu avant le SIGKILL est en base.
      for (const r of reponses) {
        if (r?.status === 201) {
          const a = (JSON.parse(r.texte) as { accuseReception: { renduId: string } }).accuseReception;
          expect(suivi.eleves.some((e) => e.rendu?.id === a.renduId)).toBe(true);
        }
      }
      // Un rendu non accusé peut être refait : l'envoi terminé a survécu (ou le rendu existe déjà).
      for (const [j, id, f, nom] of [
        [hugo, idHugo, fHugo, "Hugo Bernard"],
        [ines, idInes, fInes, "Inès Dubois"],
      ] as const) {
        const deja = suivi.eleves.find((e) => e.eleve.nomAffiche === nom)?.rendu;
        if (deja) {
          expect(deja.fichiers[0]!.sha256).toBe(sha(f));
          continue;
        }
        const r = await rendre(j, id);
        expect(r?.status).toBe(201);
        expect(
          (JSON.parse(r!.texte) as { accuseReception: { fichiers: { sha256: string }[] } }).accuseReception
            .fichiers[0]!.sha256,
        ).toBe(sha(f));
      }
      // L'envoi de Léa reprend à l'octet près où le disque s'est arrêté, et le sha256 final est exact.
      const head = await appel(`${base}/v1/televersements/${idLea}`, "HEAD", tus(lea));
      expect(head.status).toBe(200);
      const offset = Number(head.entetes["upload-offset"]);
      expect(offset).toBeGreaterThanOrEqual(MIO);
      expect(offset).toBeLessThanOrEqual(5 * MIO);
      expect((await patch(lea, idLea, offset, fLea.subarray(offset))).status).toBe(204);
      const r = await rendre(lea, idLea);
      expect(r?.status).toBe(201);
      expect(
        (JSON.parse(r!.texte) as { accuseReception: { fichiers: { sha256: string }[] } }).accuseReception
          .fichiers[0]!.sha256,
      ).toBe(sha(fLea));
      await tuer();
    },
  );
});
