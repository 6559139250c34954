import type { ReponseBrute } from "./requete-brute.js";

const ANGLAIS =
  /\b(the|is|are|was|not|invalid|required|missing|must|found|exceeded|supported|error|failed|something|header|conflict|expected|received|request|upload's|please|retry)\b/i;
const FRANCAIS = /[éèêàçù]|\b(le|la|les|de|du|des|un|une|est|doit|ne|pas|au|aux|ce|cet|cette)\b|\b[ldn]'/i;

/**
 * Vrai si un message a l'air anglais (mots anglais courants des erreurs, ou aucun mot français).
 *
 * @example
 * messageAnglais("Upload-Offset conflict"); // true
 * messageAnglais("La position d'envoi ne correspond pas."); // false
 */
export function messageAnglais(message: string): boolean {
  return ANGLAIS.test(message) || !FRANCAIS.test(message);
}

/**
 * Ce qui ne va pas dans une réponse vue sur le fil : un 5xx, un `Content-Length` différent du corps reçu,
 * et pour une erreur un corps qui n'est pas exactement `{ erreur: { code, message } }` (code kebab-case,
 * message français). Vide si tout va bien.
 *
 * @example
 * expect(problemesDe(await requeteBrute(port, "GET", "/v1/televersements"), "GET")).toEqual([]);
 */
export function problemesDe(r: ReponseBrute, methode: string): string[] {
  const p: string[] = [];
  if (r.status >= 500 || r.status < 100) p.push(`statut ${r.status}`);
  if (methode !== "HEAD" && r.longueurAnnoncee !== null && r.longueurAnnoncee !== r.corps.length) {
    p.push(`Content-Length ${r.longueurAnnoncee} pour ${r.corps.length} octets reçus`);
  }
  if (methode === "HEAD" || r.status < 400) return p;
  let corps: unknown;
  try {
    corps = JSON.parse(r.corps.toString("utf8"));
  } catch {
    return [...p, `corps non JSON : ${r.corps.toString("utf8").slice(0, 80)}`];
  }
  const erreur = (corps as { erreur?: { code?: unknown; message?: unknown } }).erreur;
  if (
    !erreur ||
    Object.keys(corps as object).length !== 1 ||
    Object.keys(erreur).join(",") !== "code,message" ||
    typeof erreur.code !== "string" ||
    typeof erreur.message !== "string"
  ) {
    return [...p, `corps d'erreur mal formé : ${r.corps.toString("utf8").slice(0, 120)}`];
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(erreur.code)) p.push(`code pas en kebab-case : ${erreur.code}`);
  if (messageAnglais(erreur.message)) p.push(`message anglais : ${erreur.message}`);
  return p;
}

/**
 * Le `{ code, message }` d'une réponse d'erreur brute.
 *
 * @example
 * erreurDe(r).code; // "taille-invalide"
 */
export function erreurDe(r: ReponseBrute): { code: string; message: string } {
  return (JSON.parse(r.corps.toString("utf8")) as { erreur: { code: string; message: string } }).erreur;
}

/**
 * Encode l'en-tête tus `Upload-Metadata` (clé + valeur base64).
 *
 * @example
 * metadonneesTus({ filename: "a.pdf", devoir: id }); // "filename YS5wZGY=,devoir …"
 */
export function metadonneesTus(valeurs: Record<string, string>): string {
  return Object.entries(valeurs)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString("base64")}`)
    .join(",");
}
