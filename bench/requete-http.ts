// Une requête HTTP des bancs, sur l'agent de connexions du banc : statut, corps entier et en-têtes.
import http from "node:http";

/** Ce que rend {@link requeteHttp}. */
export interface Reponse {
  status: number;
  corps: Buffer;
  entetes: http.IncomingHttpHeaders;
}

/**
 * Envoie une requête par `agent` et lit toute la réponse ; rejette sur une erreur réseau.
 *
 * @example
 * const r = await requeteHttp(agent, `${base}/v1/devoirs`, { methode: "GET", entetes: { authorization } });
 * r.status; // 200
 */
export function requeteHttp(
  agent: http.Agent,
  url: string,
  options: { methode: string; entetes?: Record<string, string>; corps?: Buffer | string },
): Promise<Reponse> {
  return new Promise((ok, ko) => {
    const r = http.request(url, { method: options.methode, agent, headers: options.entetes }, (res) => {
      const morceaux: Buffer[] = [];
      res.on("data", (m: Buffer) => morceaux.push(m));
      res.on("end", () =>
        ok({ status: res.statusCode ?? 0, corps: Buffer.concat(morceaux), entetes: res.headers }),
      );
      res.on("error", ko);
    });
    r.on("error", ko);
    r.end(options.corps);
  });
}
