import type { IncomingMessage } from "node:http";

/**
 * Reads a small urlencoded request body (test servers only; capped at 64 KiB).
 *
 * @example
 * const form = await lireFormulaire(req); // URLSearchParams
 */
export async function lireFormulaire(req: IncomingMessage): Promise<URLSearchParams> {
  const morceaux: Buffer[] = [];
  let taille = 0;
  for await (const morceau of req) {
    taille += (morceau as Buffer).length;
    if (taille > 65_536) throw new Error("corps trop volumineux");
    morceaux.push(morceau as Buffer);
  }
  return new URLSearchParams(Buffer.concat(morceaux).toString("utf8"));
}
