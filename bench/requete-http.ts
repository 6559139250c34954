// Une requête HTTP des bancs, sur l'agent de connexions du banc : statut, corps entier et en-têtes.
import http from "node:http";

/** Ce que rend {@link requeteHttp}. */
export interface Reponse {
  status: number;
  corps: Buffer;
  entetes: http.IncomingHttpHeaders;
}

/**
 * Envoie une requête par `agent` et lit toute la réponse ; rejette sur une erreur réseau, ou quand la réponse
 * n'est pas lue en entier après `delaiMs` (si donné). Un corps en plusieurs morceaux part sans être recopié,
 * avec sa longueur totale.
 *
 * @example
 * const r = await requeteHttp(agent, `${base}/v1/devoirs`, { methode: "GET", entetes: { authorization } });
 * r.status; // 200
 */
export function requeteHttp(
  agent: http.Agent,
  url: string,
  options: {
    methode: string;
    entetes?: Record<string, string>;
    corps?: Buffer | string | Buffer[];
    delaiMs?: number;
  },
): Promise<Reponse> {
  return new Promise((ok, ko) => {
    const morceauxCorps = Array.isArray(options.corps) ? options.corps : null;
    const entetes = morceauxCorps
      ? {
          ...options.entetes,
          "Content-Length": String(morceauxCorps.reduce((n, m) => n + m.length, 0)),
        }
      : options.entetes;
    const r = http.request(url, { method: options.methode, agent, headers: entetes }, (res) => {
      const morceaux: Buffer[] = [];
      res.on("data", (m: Buffer) => morceaux.push(m));
      res.on("end", () =>
        ok({ status: res.statusCode ?? 0, corps: Buffer.concat(morceaux), entetes: res.headers }),
      );
      res.on("error", ko);
    });
    r.on("error", ko);
    if (options.delaiMs)
      r.setTimeout(options.delaiMs, () => r.destroy(new Error(`pas de réponse après ${options.delaiMs} ms`)));
    if (morceauxCorps) {
      for (const m of morceauxCorps.slice(0, -1)) r.write(m);
      r.end(morceauxCorps.at(-1));
    } else r.end(options.corps);
  });
}
