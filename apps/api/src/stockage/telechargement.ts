import { Readable } from "node:stream";
import { journalAudit, type TrousseDb } from "@trousse/db";
import type { StockageFichiers } from "./stockage-fichiers.js";

/**
 * En-tête `Content-Disposition: attachment` sûr : nom ASCII de repli et nom UTF-8 (RFC 6266 / 5987).
 *
 * @example
 * dispositionPieceJointe("réponse.pdf"); // 'attachment; filename="reponse.pdf"; filename*=UTF-8\'\'r%C3%A9ponse.pdf'
 */
export function dispositionPieceJointe(nom: string): string {
  const ascii = nom
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nom).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** En-têtes communs à tout fichier servi : pièce jointe, pas de devinette de type, pas de cache partagé. */
export function entetesFichier(nom: string, mime: string, taille?: number): Record<string, string> {
  const h: Record<string, string> = {
    "Content-Type": mime,
    "Content-Disposition": dispositionPieceJointe(nom),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  if (taille !== undefined) h["Content-Length"] = String(taille);
  return h;
}

/**
 * En-têtes d'une vignette servie en ligne : le type d'image matricielle reconnu par ses octets (jamais
 * celui qu'annonçait l'envoi), `nosniff`, une CSP `sandbox`, pas de cache partagé.
 *
 * @example
 * new Response(octets, { headers: entetesApercu("image/png", octets.length) });
 */
export function entetesApercu(type: string, taille: number): Record<string, string> {
  return {
    "Content-Type": type,
    "Content-Disposition": "inline",
    "Content-Length": String(taille),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-site",
  };
}

/**
 * Lit un flux entier en mémoire, `null` s'il dépasse `max` octets (le flux est alors détruit).
 *
 * @example
 * const octets = await lireEntier(await stockage.lire(chemin), TAILLE_APERCU_MAX);
 */
export async function lireEntier(flux: Readable, max: number): Promise<Uint8Array | null> {
  const morceaux: Buffer[] = [];
  let total = 0;
  for await (const m of flux as AsyncIterable<Buffer>) {
    total += m.length;
    if (total > max) {
      flux.destroy();
      return null;
    }
    morceaux.push(m);
  }
  return new Uint8Array(Buffer.concat(morceaux));
}

/**
 * Inscrit un téléchargement au journal d'audit (qui, quoi, quand).
 *
 * @example
 * await journaliser(db, { utilisateurId, action: "telechargement-rendu", devoirId, renduId, details: { fichierId } });
 */
export async function journaliser(
  db: TrousseDb,
  entree: {
    utilisateurId: string;
    action: string;
    devoirId?: string | null;
    renduId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(journalAudit).values({
    utilisateurId: entree.utilisateurId,
    action: entree.action,
    devoirId: entree.devoirId ?? null,
    renduId: entree.renduId ?? null,
    details: entree.details ?? {},
  });
}

/**
 * Réponse HTTP qui sert un fichier conservé en flux, en pièce jointe avec `nosniff`.
 *
 * @example
 * return await servirFichier(stockage, { nom, mime, taille, chemin });
 */
export async function servirFichier(
  stockage: StockageFichiers,
  f: { nom: string; mime: string; taille: number; chemin: string },
): Promise<Response> {
  const flux = Readable.toWeb(await stockage.lire(f.chemin)) as unknown as ReadableStream<Uint8Array>;
  return new Response(flux, { status: 200, headers: entetesFichier(f.nom, f.mime, f.taille) });
}
