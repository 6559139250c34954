import net from "node:net";

/** Une réponse HTTP lue octet par octet sur la socket, sans client HTTP qui la corrige. */
export interface ReponseBrute {
  status: number;
  /** En-têtes en minuscules (valeurs répétées jointes par « , »). */
  entetes: Record<string, string>;
  /** Les octets du corps tels qu'ils sont arrivés (déchunkés si `Transfer-Encoding: chunked`). */
  corps: Buffer;
  /** `Content-Length` annoncé, ou null. */
  longueurAnnoncee: number | null;
}

function dechunker(brut: Buffer): Buffer {
  const morceaux: Buffer[] = [];
  let i = 0;
  while (i < brut.length) {
    const fin = brut.indexOf("\r\n", i);
    if (fin < 0) break;
    const taille = Number.parseInt(brut.subarray(i, fin).toString("latin1"), 16);
    if (!Number.isFinite(taille) || taille === 0) break;
    morceaux.push(brut.subarray(fin + 2, fin + 2 + taille));
    i = fin + 2 + taille + 2;
  }
  return Buffer.concat(morceaux);
}

/**
 * Envoie une requête HTTP/1.1 brute (`Connection: close`) et lit tout ce que le serveur écrit jusqu'à la
 * fermeture : un `Content-Length` faux se voit (le corps reçu n'a pas la longueur annoncée).
 *
 * @example
 * const r = await requeteBrute(port, "POST", "/v1/televersements", { authorization: "Bearer …" });
 * expect(r.corps.length).toBe(r.longueurAnnoncee);
 */
export function requeteBrute(
  port: number,
  methode: string,
  chemin: string,
  entetes: Record<string, string> = {},
  corps?: Buffer,
): Promise<ReponseBrute> {
  return new Promise((ok, ko) => {
    const socket = net.connect(port, "127.0.0.1");
    const recus: Buffer[] = [];
    socket.on("data", (d: Buffer) => recus.push(d));
    socket.on("error", ko);
    socket.on("close", () => {
      const tout = Buffer.concat(recus);
      const separation = tout.indexOf("\r\n\r\n");
      if (separation < 0) return ko(new Error(`réponse incomplète : ${tout.toString("latin1")}`));
      const [ligne, ...lignes] = tout.subarray(0, separation).toString("latin1").split("\r\n");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(ligne ?? "")?.[1] ?? 0);
      const h: Record<string, string> = {};
      for (const l of lignes) {
        const deux = l.indexOf(":");
        const nom = l.slice(0, deux).trim().toLowerCase();
        const valeur = l.slice(deux + 1).trim();
        h[nom] = h[nom] === undefined ? valeur : `${h[nom]}, ${valeur}`;
      }
      const brut = tout.subarray(separation + 4);
      const corpsRecu = /chunked/i.test(h["transfer-encoding"] ?? "") ? dechunker(brut) : brut;
      const annonce = h["content-length"];
      ok({
        status,
        entetes: h,
        corps: methode === "HEAD" ? Buffer.alloc(0) : corpsRecu,
        longueurAnnoncee: annonce === undefined ? null : Number(annonce),
      });
    });
    const lignes = [`${methode} ${chemin} HTTP/1.1`, `Host: 127.0.0.1:${port}`, "Connection: close"];
    const avecLongueur = { ...entetes };
    if (corps && !Object.keys(avecLongueur).some((k) => k.toLowerCase() === "content-length")) {
      avecLongueur["Content-Length"] = String(corps.length);
    }
    for (const [k, v] of Object.entries(avecLongueur)) lignes.push(`${k}: ${v}`);
    socket.write(`${lignes.join("\r\n")}\r\n\r\n`, "latin1");
    if (corps) socket.write(corps);
  });
}
