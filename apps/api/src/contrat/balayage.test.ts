import { serve, type ServerType } from "@hono/node-server";
import type { DbHandle } from "@trousse/db";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { semerDemo } from "../demo/seed.js";
import { semerDemoRendus } from "../rendus/demo-rendus.js";
import { appDeTest, baseDeTest } from "../test-support/app-api.js";

// A sweep of malformed requests over every operation of the OpenAPI document, on a real node server (so
// that Content-Length is what the wire carries): wrong ids, bad percent-encodings, huge strings, bad JSON,
// wrong types, wrong content types, wrong methods, as an anonymous caller, a pupil and a teacher. Every
// answer must be < 500, every error a JSON `{ erreur: { code, message } }` in French with an exact
// Content-Length, and every code met must be listed in the document.

type Operation = { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const ANGLAIS =
  /\b(invalid|expected|required|received|must be|unrecognized|too (big|small)|not found|unsupported|malformed|internal server error|bad request|method not allowed|payload too large)\b/i;
const METHODES = ["get", "post", "put", "patch", "delete"] as const;

let base: DbHandle;
let serveur: ServerType;
let url: string;
let doc: Document;
let texteDoc: string;
const jetons: Record<string, string | null> = { anonyme: null };
let devoirId: string;

beforeAll(async () => {
  base = await baseDeTest();
  await semerDemo(base.db);
  devoirId = (await semerDemoRendus(base.db, { eleves: 0 })).devoirDemo!;
  const { app } = appDeTest(base, {
    TROUSSE_DEMO: "1",
    TROUSSE_LIMITE_IP_MINUTE: "100000000",
    TROUSSE_LIMITE_UTILISATEUR_MINUTE: "100000000",
  });
  serveur = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((ok) => serveur.once("listening", ok));
  url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  texteDoc = await (await fetch(`${url}/v1/openapi.json`)).text();
  doc = JSON.parse(texteDoc) as Document;
  for (const [profil, login] of [
    ["eleve", "lea.martin"],
    ["enseignant", "claire.durand"],
  ] as const) {
    const r = await fetch(`${url}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login }),
    });
    jetons[profil] = ((await r.json()) as { jeton: string }).jeton;
  }
});
afterAll(async () => {
  await new Promise((ok) => serveur.close(ok));
  await base.close();
});

/** The JSON body's properties of an operation, to send each one with a wrong type. */
function proprietes(op: Operation): string[] {
  const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref;
  const nom = ref?.split("/").pop();
  return Object.keys((nom && doc.components.schemas[nom]?.properties) || {});
}

function corpsMalformes(op: Operation): { type?: string; corps?: string }[] {
  const cas: { type?: string; corps?: string }[] = [
    {},
    { type: "application/json", corps: "{" },
    { type: "application/json", corps: "" },
    { type: "application/json", corps: "null" },
    { type: "application/json", corps: "[]" },
    { type: "application/json", corps: '"texte"' },
    { type: "application/json", corps: '{"inconnu":1}' },
    { type: "text/plain", corps: "{}" },
    { type: "application/x-www-form-urlencoded", corps: "a=1" },
  ];
  for (const p of proprietes(op)) {
    for (const v of [123, "x".repeat(30_000), null, [], {}, true, -1, 1e308])
      cas.push({ type: "application/json", corps: JSON.stringify({ [p]: v }) });
  }
  return cas;
}

const IDS = (chemin: string) => [
  chemin.startsWith("/v1/devoirs") ? devoirId : "00000000-0000-4000-8000-000000000000",
  "pas-un-id",
  "%E0%A4%A",
  "x".repeat(3000),
  "00000000-0000-0000-0000-000000000000",
];

interface Vu {
  requete: string;
  statut: number;
  code: string | null;
  probleme: string | null;
}

async function envoyer(
  methode: string,
  chemin: string,
  profil: string,
  corps: { type?: string; corps?: string },
): Promise<Vu> {
  const entetes: Record<string, string> = {};
  if (jetons[profil]) entetes.authorization = `Bearer ${jetons[profil]}`;
  if (corps.type) entetes["content-type"] = corps.type;
  const r = await fetch(`${url}${chemin}`, {
    method: methode.toUpperCase(),
    headers: entetes,
    body: corps.corps,
  });
  const octets = new Uint8Array(await r.arrayBuffer());
  const requete = `${methode.toUpperCase()} ${chemin.slice(0, 120)} (${profil}, ${corps.type ?? "sans corps"} ${String(corps.corps).slice(0, 40)})`;
  const longueur = r.headers.get("content-length");
  let probleme: string | null = null;
  let code: string | null = null;
  if (r.status >= 500) probleme = `statut ${r.status}`;
  if (longueur !== null && Number(longueur) !== octets.byteLength)
    probleme = `Content-Length ${longueur} pour ${octets.byteLength} octets`;
  if (r.status >= 400 && methode !== "head") {
    try {
      const e = JSON.parse(new TextDecoder().decode(octets)) as {
        erreur?: { code?: unknown; message?: unknown; details?: { code?: unknown; message?: unknown }[] };
      };
      if (typeof e.erreur?.code !== "string" || typeof e.erreur.message !== "string")
        probleme = "corps d'erreur sans code ni message";
      else {
        code = e.erreur.code;
        const textes = [e.erreur.message, ...(e.erreur.details ?? []).map((d) => String(d.message))];
        const anglais = textes.find((t) => ANGLAIS.test(t));
        if (anglais) probleme = `message anglais : ${anglais}`;
        if ((e.erreur.details ?? []).some((d) => typeof d.code !== "string")) probleme = "détail sans code";
      }
    } catch {
      probleme = `erreur ${r.status} qui n'est pas du JSON : ${new TextDecoder().decode(octets).slice(0, 60)}`;
    }
  }
  return { requete, statut: r.status, code, probleme };
}

/** Order of the sweep: what destroys its own fixtures goes last. */
function rang(o: { chemin: string; methode: string }): number {
  if (o.chemin.endsWith("/deconnexion")) return 2;
  return o.methode === "delete" ? 1 : 0;
}

describe(`balayage de requêtes malformées sur toute l'API (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("aucune 5xx, aucun message anglais, aucun Content-Length faux, chaque code documenté", async () => {
    const vus: Vu[] = [];
    const operations = Object.entries(doc.paths)
      .filter(([chemin]) => chemin.startsWith("/v1/") || chemin === "/health" || chemin === "/ready")
      .flatMap(([chemin, item]) => METHODES.map((m) => ({ chemin, methode: m, op: item[m] })))
      // Deletions, then signing out, last: the sweep's own DELETE of the demo assignment, or its own
      // sign-out (which revokes the token), must not turn every later case into a 404 or a 401.
      .sort((a, b) => rang(a) - rang(b));
    for (const { chemin, methode, op } of operations) {
      const chemins = chemin.includes("{")
        ? IDS(chemin).map((id) => chemin.replace(/\{[^}]+\}/g, id))
        : [chemin];
      for (const c of chemins) {
        for (const profil of ["anonyme", "eleve", "enseignant"]) {
          // A documented operation gets every malformed body; an undocumented method, a plain request.
          const cas = op && methode !== "get" ? corpsMalformes(op) : [{}];
          for (const corps of cas) vus.push(await envoyer(methode, c, profil, corps));
        }
      }
    }
    expect(vus.length).toBeGreaterThan(3000);
    const statuts = new Map<number, number>();
    for (const v of vus) statuts.set(v.statut, (statuts.get(v.statut) ?? 0) + 1);
    console.info(
      `balayage : ${vus.length} requêtes, statuts ${[...statuts]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(" ")}`,
    );
    expect(vus.filter((v) => v.probleme).map((v) => `${v.requete} → ${v.probleme}`)).toEqual([]);
    const codes = [...new Set(vus.map((v) => v.code).filter((c): c is string => c !== null))].sort();
    // The sweep does reach the validation and the rules, not only the doors: most signed-in requests get
    // past the session check.
    const auth = vus.filter((v) => !v.requete.includes("(anonyme"));
    expect(auth.filter((v) => v.statut === 401).length).toBeLessThan(auth.length / 10);
    expect(codes).toEqual(expect.arrayContaining(["requete-invalide", "json-invalide", "non-authentifie"]));
    expect(codes.filter((c) => !texteDoc.includes(`\`${c}\``))).toEqual([]);
  }, 600_000);
});
