import type { DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appDeTest, baseDeTest } from "../test-support/app-api.js";

type Operation = {
  operationId?: string;
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  tags?: string[];
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
};

const METHODES = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Pages HTML et fichiers statiques : hors de la référence de l'API. */
const HORS_API = [
  /^\/$/,
  /^\/docs(\/|$)/,
  /^\/auth\//,
  /^\/embed\//,
  /^\/widgets\//,
  /^\/demo\//,
  /^\/integrer$/,
  /^\/v1\/openapi\.json$/,
];

let base: DbHandle;
let app: ReturnType<typeof appDeTest>["app"];
let doc: Document;

beforeAll(async () => {
  base = await baseDeTest();
  app = appDeTest(base).app;
  const r = await app.request("/v1/openapi.json");
  expect(r.status).toBe(200);
  doc = (await r.json()) as Document;
});
afterAll(async () => base.close());

/** Les routes vraiment montées dans l'app (pas les middlewares `ALL`), au format OpenAPI (`{id}`). */
function routesMontees(): { methode: string; chemin: string }[] {
  const vues = new Map<string, { methode: string; chemin: string }>();
  for (const r of app.routes) {
    if (r.method === "ALL" || HORS_API.some((x) => x.test(r.path))) continue;
    const chemin = r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const methode = r.method.toLowerCase();
    vues.set(`${methode} ${chemin}`, { methode, chemin });
  }
  return [...vues.values()];
}

function operations(): { methode: string; chemin: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([chemin, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODES.includes(m))
      .map(([methode, op]) => ({ methode, chemin, op })),
  );
}

function pointeur(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let noeud: unknown = doc;
  for (const brut of ref.slice(2).split("/")) {
    const cle = brut.replace(/~1/g, "/").replace(/~0/g, "~");
    if (noeud === null || typeof noeud !== "object" || !(cle in noeud)) return undefined;
    noeud = (noeud as Record<string, unknown>)[cle];
  }
  return noeud;
}

function refs(noeud: unknown, acc: string[] = []): string[] {
  if (Array.isArray(noeud)) for (const n of noeud) refs(n, acc);
  else if (noeud && typeof noeud === "object") {
    for (const [k, v] of Object.entries(noeud)) {
      if (k === "$ref" && typeof v === "string") acc.push(v);
      else refs(v, acc);
    }
  }
  return acc;
}

describe("le document OpenAPI décrit toute l'API", () => {
  it("chaque route montée (hors pages HTML et fichiers statiques) y figure avec sa méthode", () => {
    const montees = routesMontees();
    // Garde-fou : la marche des routes voit bien les routes des rendus et des téléversements.
    expect(montees).toContainEqual({ methode: "post", chemin: "/v1/devoirs/{id}/rendre" });
    expect(montees).toContainEqual({ methode: "patch", chemin: "/v1/televersements/{id}" });
    expect(montees.length).toBeGreaterThan(30);
    const manquantes = montees
      .filter(({ methode, chemin }) => !doc.paths[chemin]?.[methode])
      .map(({ methode, chemin }) => `${methode.toUpperCase()} ${chemin}`);
    expect(manquantes).toEqual([]);
  });

  it("décrit aussi HEAD des téléversements (reprise tus), que Hono route comme GET", () => {
    expect(doc.paths["/v1/televersements/{id}"]?.head?.responses).toHaveProperty("200");
  });

  it("n'invente pas de route : chaque opération documentée sous /v1 existe dans l'app", () => {
    const montees = new Set(routesMontees().map((r) => `${r.methode} ${r.chemin}`));
    const inventees = operations()
      .filter(({ chemin }) => chemin.startsWith("/v1/"))
      .filter(({ methode, chemin }) => !montees.has(`${methode === "head" ? "get" : methode} ${chemin}`))
      .map(({ methode, chemin }) => `${methode} ${chemin}`);
    expect(inventees).toEqual([]);
  });
});

describe("le document est un OpenAPI 3.1 bien formé", () => {
  it("version, titre, version de l'API", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("chaque $ref se résout", () => {
    const toutes = refs(doc);
    expect(toutes.length).toBeGreaterThan(10);
    expect(toutes.filter((r) => pointeur(r) === undefined)).toEqual([]);
  });

  it("chaque opération a des réponses et un operationId unique", () => {
    const ops = operations();
    expect(ops.filter(({ op }) => !op.responses || Object.keys(op.responses).length === 0)).toEqual([]);
    const sansId = ops
      .filter(({ op }) => !op.operationId)
      .map(({ methode, chemin }) => `${methode} ${chemin}`);
    expect(sansId).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("chaque paramètre de chemin {x} est déclaré « in: path »", () => {
    const oublis = operations().flatMap(({ methode, chemin, op }) =>
      [...chemin.matchAll(/\{([^}]+)\}/g)]
        .map((m) => m[1]!)
        .filter((nom) => !op.parameters?.some((p) => p.in === "path" && p.name === nom))
        .map((nom) => `${methode} ${chemin} : ${nom}`),
    );
    expect(oublis).toEqual([]);
  });

  it("les routes protégées des rendus déclarent le jeton Bearer et leurs erreurs 401 et 429", () => {
    const schema = doc.components?.securitySchemes?.jetonSession as { type: string; scheme: string };
    expect(schema).toMatchObject({ type: "http", scheme: "bearer" });
    const rendre = doc.paths["/v1/devoirs/{id}/rendre"]!.post! as Operation & {
      security?: unknown[];
    };
    expect(rendre.security).toEqual([{ jetonSession: [] }]);
    expect(Object.keys(rendre.responses!)).toEqual(
      expect.arrayContaining(["200", "201", "400", "401", "403", "404", "409", "413", "422", "429"]),
    );
    expect(rendre.tags).toEqual(["Rendus"]);
  });

  it("le corps de « rendre » est le schéma même de la route (televersements, declarationCochee)", () => {
    const corps = (
      doc.paths["/v1/devoirs/{id}/rendre"]!.post as unknown as {
        requestBody: { content: { "application/json": { schema: { $ref: string } } } };
      }
    ).requestBody.content["application/json"].schema;
    const schema = pointeur(corps.$ref) as {
      properties: Record<string, { type?: string; maxItems?: number }>;
    };
    expect(schema.properties.televersements).toMatchObject({ type: "array", maxItems: 20 });
    expect(schema.properties.declarationCochee).toMatchObject({ type: "boolean" });
  });

  it("les métadonnées tus attendues (filename, devoir) et Upload-Length sont décrites", () => {
    const creation = doc.paths["/v1/televersements"]!.post! as Operation & {
      description: string;
      parameters: { name: string; in: string; required?: boolean }[];
    };
    expect(creation.description).toMatch(/`filename`/);
    expect(creation.description).toMatch(/`devoir`/);
    expect(creation.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Upload-Length", in: "header", required: true }),
        expect.objectContaining({ name: "Upload-Metadata", in: "header", required: true }),
        expect.objectContaining({ name: "Tus-Resumable", in: "header", required: true }),
      ]),
    );
  });
});
