import { createHash } from "node:crypto";
import type { Context } from "hono";

/** A precomputed answer: its bytes, strong ETag and content type. */
export interface ReponseFigee {
  corps: Uint8Array<ArrayBuffer>;
  etag: string;
  type: string;
}

/**
 * Catalogue answers change only with a new version of the data, i.e. a deploy: shared caches may keep them
 * 5 minutes, after which clients revalidate cheaply with `If-None-Match` (304, no body).
 */
export const CACHE_CONTROL_CATALOGUE = "public, max-age=300";

const encodeur = new TextEncoder();

/**
 * Freezes a body once: UTF-8 bytes and a strong ETag (sha-256 of the bytes).
 *
 * @example
 * const r = figer(JSON.stringify({ a: 1 }), "application/json; charset=utf-8");
 * r.etag; // "\"q1MKE-RZ…\""
 */
export function figer(texte: string, type: string): ReponseFigee {
  const corps = encodeur.encode(texte) as Uint8Array<ArrayBuffer>;
  const etag = `"${createHash("sha256").update(corps).digest("base64url").slice(0, 32)}"`;
  return { corps, etag, type };
}

/**
 * True when `If-None-Match` names this ETag (or `*`); weak comparison, as RFC 9110 asks for this header.
 *
 * @example
 * correspond('W/"abc", "def"', '"abc"'); // true
 */
export function correspond(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const brut = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((v) => {
    const t = v.trim();
    return t === "*" || t.replace(/^W\//, "") === brut;
  });
}

/**
 * Answers a frozen body with its ETag and Cache-Control, or 304 when the client already has it.
 *
 * @example
 * return envoyerFige(c, reponse, { "Content-Disposition": 'attachment; filename="outils.csv"' });
 */
export function envoyerFige(c: Context, r: ReponseFigee, entetes: Record<string, string> = {}): Response {
  const communs = {
    ETag: r.etag,
    "Cache-Control": CACHE_CONTROL_CATALOGUE,
    Vary: "Accept-Encoding",
    ...entetes,
  };
  if (correspond(c.req.header("if-none-match"), r.etag)) return c.body(null, 304, communs);
  return c.body(r.corps, 200, { "Content-Type": r.type, ...communs });
}

/**
 * A small bounded map (oldest entry dropped first) for answers computed on demand.
 *
 * @example
 * const cache = new CacheBorne<ReponseFigee>(500);
 * const r = cache.obtenir("categorie=visioconference", () => figer("…", "application/json"));
 */
export class CacheBorne<T> {
  private readonly m = new Map<string, T>();
  constructor(private readonly max: number) {}
  obtenir(cle: string, calculer: () => T): T {
    const v = this.m.get(cle);
    if (v !== undefined) return v;
    const nouveau = calculer();
    if (this.m.size >= this.max) this.m.delete(this.m.keys().next().value as string);
    this.m.set(cle, nouveau);
    return nouveau;
  }
  get taille(): number {
    return this.m.size;
  }
}
