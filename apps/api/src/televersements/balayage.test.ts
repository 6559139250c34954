import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erreurDe, metadonneesTus, problemesDe } from "./test-support/controles.js";
import { requeteBrute, type ReponseBrute } from "./test-support/requete-brute.js";
import { demarrerServeurReel, type ServeurReel } from "./test-support/serveur-reel.js";

// Balayage de requêtes tus mal formées sur l'API entière (vrai serveur Node, HTTP brut) : chaque méthode ×
// chaque forme d'adresse × chaque en-tête abîmé. Aucune ne doit donner un 5xx, un message anglais, un
// Content-Length faux, ni le code générique « requete-invalide » (chaque situation connue a le sien).

let s: ServeurReel;
let idReel: string;
beforeAll(async () => {
  s = await demarrerServeurReel();
  const r = await requeteBrute(s.port, "POST", "/v1/televersements", {
    Authorization: `Bearer ${s.jeton}`,
    "Tus-Resumable": "1.0.0",
    "Upload-Length": "5000",
    "Upload-Metadata": metadonneesTus({ filename: "balayage.pdf", devoir: s.devoirId }),
  });
  expect(r.status).toBe(201);
  idReel = r.entetes.location!.split("/").pop()!;
}, 120_000);
afterAll(async () => s?.arreter());

const METHODES = ["GET", "HEAD", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "TRACE"];
const ENORME = "x".repeat(8000);

function chemins(): string[] {
  return [
    "/v1/televersements",
    `/v1/televersements/${idReel}`,
    "/v1/televersements/0123456789abcdef0123456789abcdef",
    "/v1/televersements/zzz",
    "/v1/televersements/3f2a9c0d-4b1e-4f6a-8c7d-5e3b2a1f0e9d",
    `/v1/televersements/${idReel}0`,
    `/v1/televersements/${"a".repeat(4000)}`,
    "/v1/televersements/%E0%A4%A",
    "/v1/televersements/..%2F..%2Fetc%2Fpasswd",
    "/v1/televersements/%00",
  ];
}

/** Des en-têtes justes pour chaque méthode, à abîmer un par un. */
function justes(methode: string): Record<string, string> {
  const base: Record<string, string> = { Authorization: `Bearer ${s.jeton}`, "Tus-Resumable": "1.0.0" };
  if (methode === "POST") {
    base["Upload-Length"] = "3000";
    base["Upload-Metadata"] = metadonneesTus({ filename: "b.pdf", devoir: s.devoirId });
  }
  if (methode === "PATCH") {
    base["Upload-Offset"] = "0";
    base["Content-Type"] = "application/offset+octet-stream";
  }
  return base;
}

const SANS = Symbol("sans");
type Variante = [nom: string, valeur: string | typeof SANS];
const variantes = (): Variante[] => [
  ["Authorization", SANS],
  ["Authorization", "Bearer pas-un-jeton"],
  ["Authorization", `Bearer ${ENORME}`],
  ["Tus-Resumable", SANS],
  ["Tus-Resumable", ""],
  ["Tus-Resumable", "0.2.2"],
  ["Tus-Resumable", "1.0.0 "],
  ["Tus-Resumable", ENORME],
  ...["-1", "abc", "10.5", "1e3", "0x10", "007", "", "18446744073709551616", "9".repeat(4000)].map(
    (v): Variante => ["Upload-Length", v],
  ),
  ["Upload-Length", SANS],
  ["Upload-Defer-Length", "1"],
  ["Upload-Defer-Length", "abc"],
  ...[
    "filename @@@",
    "",
    ",",
    "a b c",
    "a YQ==,a YQ==",
    "é YQ==",
    ` filename YQ==`,
    `filename ${ENORME}`,
  ].map((v): Variante => ["Upload-Metadata", v]),
  ["Upload-Metadata", metadonneesTus({ filename: "../../etc/passwd", devoir: s.devoirId })],
  ["Upload-Metadata", metadonneesTus({ filename: "a.pdf", devoir: "pas-un-devoir" })],
  ...["-1", "abc", "1.5", "", "99999999999999999999", ENORME].map((v): Variante => ["Upload-Offset", v]),
  ["Upload-Offset", SANS],
  ...[
    "text/plain",
    "application/json",
    "application/offset+octet-stream; charset=utf-8",
    "multipart/form-data; boundary=x",
    ENORME,
  ].map((v): Variante => ["Content-Type", v]),
  ["Content-Type", SANS],
  ["Upload-Concat", "partial"],
  ["Upload-Concat", "final;/v1/televersements/a /v1/televersements/b"],
  ["Upload-Checksum", "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0="],
  ["Upload-Checksum", "md5 ???"],
  ["X-HTTP-Method-Override", "DELETE"],
  ["X-Forwarded-Proto", "ftp"],
  ["X-Forwarded-Host", ENORME],
  ["Upload-Length", "100"],
];

/** Les codes vus, par opération documentable (`post /v1/televersements`, `patch /v1/televersements/{id}`…). */
const vus = new Map<string, Set<string>>();
function noterCode(methode: string, chemin: string, r: ReponseBrute): void {
  if (methode === "HEAD" || r.status < 400 || !r.corps.length) return;
  const modele =
    chemin === "/v1/televersements"
      ? chemin
      : /^\/v1\/televersements\/[^/]+$/.test(chemin)
        ? "/v1/televersements/{id}"
        : null;
  if (!modele) return;
  const cle = `${methode.toLowerCase()} ${modele} ${r.status}`;
  const codes = vus.get(cle) ?? new Set<string>();
  codes.add(erreurDe(r).code);
  vus.set(cle, codes);
}

describe("balayage des requêtes tus mal formées (API entière, HTTP brut)", () => {
  it("0 × 5xx, 0 message anglais, 0 Content-Length faux", async () => {
    const problemes: string[] = [];
    const statuts = new Map<number, number>();
    let n = 0;
    // Le corps d'un PATCH : le début d'un PDF (et un corps JSON cassé pour les autres méthodes).
    const corpsDe = (m: string) =>
      m === "PATCH" ? Buffer.from("%PDF-1.4\n") : m === "POST" || m === "PUT" ? Buffer.from("{") : undefined;
    for (const methode of METHODES) {
      for (const chemin of chemins()) {
        for (const [nom, valeur] of [["(aucune)", SANS] as Variante, ...variantes()]) {
          const entetes = justes(methode);
          if (valeur === SANS) delete entetes[nom];
          else entetes[nom] = valeur;
          const r = await requeteBrute(s.port, methode, chemin, entetes, corpsDe(methode));
          n++;
          statuts.set(r.status, (statuts.get(r.status) ?? 0) + 1);
          noterCode(methode, chemin, r);
          const generique = r.status >= 400 && r.corps.includes('"requete-invalide"');
          for (const p of [
            ...problemesDe(r, methode),
            ...(generique ? ["code générique requete-invalide"] : []),
          ]) {
            problemes.push(
              `${methode} ${chemin.slice(0, 60)} ${nom}=${String(valeur).slice(0, 30)} → ${r.status} ${p}`,
            );
          }
        }
      }
    }
    expect(problemes.slice(0, 30)).toEqual([]);
    // Garde-fou : le balayage atteint bien les refus tus, pas seulement la session ou le routage.
    expect(n).toBeGreaterThan(3000);
    for (const attendu of [400, 401, 404, 405, 412, 415])
      expect(statuts.get(attendu) ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it("chaque code vu par le balayage est listé dans le document OpenAPI, sous son opération et son statut", async () => {
    expect(vus.size).toBeGreaterThan(10);
    const doc = (await (await fetch(`http://127.0.0.1:${s.port}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>>;
    };
    const absents: string[] = [];
    for (const [cle, codes] of vus) {
      const [methode, modele, status] = cle.split(" ") as [string, string, string];
      const operation = doc.paths[modele]?.[methode];
      // PUT, TRACE… : pas d'opération à documenter (la session d'abord, puis 405 methode-non-permise).
      if (!operation) {
        const permis = ["methode-non-permise", "non-authentifie", "session-expiree", "session-revoquee"];
        expect([...codes].filter((c) => !permis.includes(c))).toEqual([]);
        continue;
      }
      const description = operation.responses[status]?.description ?? "";
      for (const code of codes) if (!description.includes(`\`${code}\``)) absents.push(`${cle} ${code}`);
    }
    expect(absents).toEqual([]);
  });
});
