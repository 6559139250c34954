// Liens lents (issue 14) : ELEVES élèves (défaut 100) qui envoient leur fichier à DEBIT_KBITS kbit/s (défaut
// 1 000) avec LATENCE_MS ms de latence (défaut 200), rythmés côté client (chaque requête attend la latence avant
// de partir et avant d'être lue ; le corps du PATCH part par tranches de 100 ms au débit donné), contre la
// commande principale du README (vrai serveur, mode démonstration, PGlite). Chaque élève s'engage (« Rendre »)
// avant l'échéance ; l'échéance tombe pendant les envois, le dernier octet arrive après : tous doivent être
// « rendu à l'heure ». Affiche aussi la charge de la machine (os.loadavg).
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api && node --import tsx bench/liens-lents.ts`
// Variables : ELEVES (100), TAILLE_OCTETS (3 000 000), DEBIT_KBITS (1000), LATENCE_MS (200), PORT_BENCH (42600).
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { demarrerServeurApi } from "./serveur-api.js";
import { centile as centileTrie } from "./statistiques.js";

const ELEVES = Number(process.env.ELEVES ?? 100);
const TAILLE = Number(process.env.TAILLE_OCTETS ?? 3_000_000);
const DEBIT = (Number(process.env.DEBIT_KBITS ?? 1000) * 1000) / 8; // octets par seconde
const LATENCE = Number(process.env.LATENCE_MS ?? 200);
const PORT = Number(process.env.PORT_BENCH ?? 42_600);
const agent = new http.Agent({ keepAlive: false, maxSockets: 1024 });
const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reponse {
  status: number;
  corps: Buffer;
  entetes: http.IncomingHttpHeaders;
}

/** One request over a « slow link »: latency before sending and before reading, body paced at DEBIT. */
async function requeteLente(
  url: string,
  options: { methode: string; entetes?: Record<string, string>; corps?: Buffer | string; rythme?: boolean },
): Promise<Reponse & { dernierOctet: number }> {
  await attendre(LATENCE / 2);
  let dernierOctet = Date.now();
  const r = await new Promise<Reponse>((ok, ko) => {
    const req = http.request(url, { method: options.methode, agent, headers: options.entetes }, (res) => {
      const morceaux: Buffer[] = [];
      res.on("data", (m: Buffer) => morceaux.push(m));
      res.on("end", () =>
        ok({ status: res.statusCode ?? 0, corps: Buffer.concat(morceaux), entetes: res.headers }),
      );
      res.on("error", ko);
    });
    req.on("error", ko);
    const corps = options.corps === undefined ? undefined : Buffer.from(options.corps);
    if (!corps || !options.rythme) {
      req.end(corps);
      return;
    }
    req.setHeader("Content-Length", String(corps.length));
    const tranche = Math.max(1, Math.round(DEBIT / 10));
    void (async () => {
      for (let i = 0; i < corps.length; i += tranche) {
        req.write(corps.subarray(i, i + tranche));
        await attendre(100);
      }
      dernierOctet = Date.now();
      req.end();
    })();
  });
  await attendre(LATENCE / 2);
  return { ...r, dernierOctet };
}

const dossier = await mkdtemp(path.join(tmpdir(), "bench-liens-lents-"));
const { enfant, base } = await demarrerServeurApi({
  PORT: String(PORT),
  TROUSSE_DATA_DIR: dossier,
  TROUSSE_DEMO_ELEVES_RUSH: String(ELEVES),
});
try {
  const json = { "content-type": "application/json" };
  const connexion = async (login: string) => {
    const r = await requeteLente(`${base}/v1/auth/demo`, {
      methode: "POST",
      entetes: json,
      corps: JSON.stringify({ login }),
    });
    if (r.status !== 200) throw new Error(`connexion ${login} : ${r.status} ${r.corps}`);
    return (JSON.parse(r.corps.toString()) as { jeton: string }).jeton;
  };
  const jetons = await Promise.all(
    Array.from({ length: ELEVES }, (_, i) => connexion(`rush.eleve${String(i + 1).padStart(4, "0")}`)),
  );
  const prof = await connexion("rush.prof");
  const { groupes } = JSON.parse(
    (
      await requeteLente(`${base}/v1/groupes`, {
        methode: "GET",
        entetes: { authorization: `Bearer ${prof}` },
      })
    ).corps.toString(),
  ) as { groupes: { id: string }[] };
  // The due date (kept to the minute by the API) falls a few seconds after everyone has committed.
  const echeance = new Date(Math.ceil((Date.now() + 8000) / 60_000) * 60_000);
  const creation = await requeteLente(`${base}/v1/devoirs`, {
    methode: "POST",
    entetes: { ...json, authorization: `Bearer ${prof}` },
    corps: JSON.stringify({
      groupeId: groupes[0]!.id,
      titre: "Rendu sur liens lents",
      ouverture: new Date(Date.now() - 3_600_000).toISOString(),
      echeance: echeance.toISOString(),
      dateLimite: null,
      contraintes: { familles: ["document"], tailleMaxOctets: 10 * 1024 * 1024, nombreMax: 3 },
    }),
  });
  if (creation.status !== 201) throw new Error(`devoir : ${creation.status} ${creation.corps}`);
  const devoirId = (JSON.parse(creation.corps.toString()) as { devoir: { id: string } }).devoir.id;
  const dureeEnvoi = TAILLE / DEBIT;
  // Each pupil presses « Rendre » in the last seconds before the due date (so that the upload ends after it).
  const departMax = Math.max(0, echeance.getTime() - Date.now() - 3000);
  const resultats = await Promise.all(
    jetons.map(async (jeton, i) => {
      await attendre(departMax * (0.5 + Math.random() / 2));
      const contenu = Buffer.concat([Buffer.from("%PDF-1.7\n", "latin1"), randomBytes(TAILLE - 9)]);
      const sha = createHash("sha256").update(contenu).digest("hex");
      const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
      const t0 = performance.now();
      const e = await requeteLente(`${base}/v1/devoirs/${devoirId}/engager`, {
        methode: "POST",
        entetes: { ...json, authorization: `Bearer ${jeton}` },
        corps: JSON.stringify({ fichiers: [{ sha256: sha, taille: TAILLE, nom: `copie ${i + 1}.pdf` }] }),
      });
      const latEngager = performance.now() - t0;
      if (e.status !== 201)
        return { ok: false, raison: `engager ${e.status} ${e.corps.toString().slice(0, 120)}` };
      const engageLe = Date.parse(
        (JSON.parse(e.corps.toString()) as { engagement: { engageLe: string } }).engagement.engageLe,
      );
      const meta = `filename ${Buffer.from(`copie ${i + 1}.pdf`).toString("base64")},devoir ${Buffer.from(devoirId).toString("base64")}`;
      let post = await requeteLente(`${base}/v1/televersements`, {
        methode: "POST",
        entetes: { ...auth, "Upload-Length": String(TAILLE), "Upload-Metadata": meta },
      });
      for (let n = 1; post.status === 503 && n < 60; n++) {
        await attendre(Number(post.entetes["retry-after"] ?? 5) * 1000 * (1 + Math.random() / 4));
        post = await requeteLente(`${base}/v1/televersements`, {
          methode: "POST",
          entetes: { ...auth, "Upload-Length": String(TAILLE), "Upload-Metadata": meta },
        });
      }
      if (post.status !== 201) return { ok: false, raison: `POST ${post.status}` };
      const url = new URL(String(post.entetes.location), base).href;
      let patch = await requeteLente(url, {
        methode: "PATCH",
        entetes: { ...auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
        corps: contenu,
        rythme: true,
      });
      for (let n = 1; patch.status === 503 && n < 60; n++) {
        await attendre(Number(patch.entetes["retry-after"] ?? 5) * 1000 * (1 + Math.random() / 4));
        patch = await requeteLente(url, {
          methode: "PATCH",
          entetes: { ...auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
          corps: contenu,
          rythme: true,
        });
      }
      if (patch.status !== 204)
        return { ok: false, raison: `PATCH ${patch.status} ${patch.corps.toString().slice(0, 120)}` };
      const rendre = await requeteLente(`${base}/v1/devoirs/${devoirId}/rendre`, {
        methode: "POST",
        entetes: { ...json, authorization: `Bearer ${jeton}` },
        corps: JSON.stringify({ televersements: [url.split("/").pop()] }),
      });
      if (rendre.status !== 201)
        return { ok: false, raison: `rendre ${rendre.status} ${rendre.corps.toString().slice(0, 120)}` };
      const a = (
        JSON.parse(rendre.corps.toString()) as { accuseReception: { enRetard: boolean; sha?: string } }
      ).accuseReception;
      return {
        ok: true,
        engageAvant: engageLe <= echeance.getTime(),
        dernierApres: patch.dernierOctet > echeance.getTime(),
        aLHeure: !a.enRetard,
        latEngager,
      };
    }),
  );
  const reussis = resultats.filter((r) => r.ok) as {
    engageAvant: boolean;
    dernierApres: boolean;
    aLHeure: boolean;
    latEngager: number;
  }[];
  const cibles = reussis.filter((r) => r.engageAvant && r.dernierApres);
  const lat = reussis.map((r) => r.latEngager).sort((a, b) => a - b);
  const echecs = resultats.filter((r) => !r.ok) as { raison: string }[];
  console.log(
    `\nLiens lents — ${ELEVES} élèves × ${(TAILLE / 1e6).toFixed(1)} Mo à ${((DEBIT * 8) / 1000).toFixed(0)} kbit/s (${dureeEnvoi.toFixed(0)} s d'envoi), latence ${LATENCE} ms, PGlite (commande principale du README)`,
  );
  console.log(
    `  rendus : ${reussis.length}/${ELEVES}${
      echecs.length
        ? ` — échecs : ${echecs
            .slice(0, 3)
            .map((e) => e.raison)
            .join(" | ")}`
        : ""
    }`,
  );
  console.log(
    `  engagés avant l'échéance ET dernier octet après : ${cibles.length} ; dont « rendu à l'heure » : ${cibles.filter((r) => r.aLHeure).length} (cible : tous)`,
  );
  console.log(
    `  engagement (latence du lien comprise) : p50 ${centileTrie(lat, 50).toFixed(0)} ms, p99 ${centileTrie(lat, 99).toFixed(0)} ms`,
  );
  console.log(
    `  charge de la machine (1/5/15 min) : ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ")}`,
  );
  if (cibles.some((r) => !r.aLHeure) || reussis.length !== ELEVES) process.exitCode = 1;
} finally {
  enfant.kill("SIGTERM");
  await new Promise((r) => enfant.once("exit", r));
  agent.destroy();
  await rm(dossier, { recursive: true, force: true });
}
