import { createHash } from "node:crypto";
import { ErreurXml, lireXml, nomLocal } from "./cas-xml.js";

/**
 * What a CAS single logout request says (CAS protocol 3.0 § 2.3.3 and appendix C: the CAS server POSTs
 * `logoutRequest=<samlp:LogoutRequest …><saml:NameID>user</saml:NameID><samlp:SessionIndex>ST-…
 * </samlp:SessionIndex></samlp:LogoutRequest>` to the service URL the ticket was issued for).
 */
export interface DemandeDeconnexionCas {
  /** The service ticket of the sign-in to end. */
  sessionIndex: string;
  /** The CAS user, when given. */
  nameId?: string;
}

/**
 * Reads the `logoutRequest` form field of a CAS single logout POST; `null` when the body is not one (no
 * field, not XML, no `SessionIndex`). The XML reader refuses any DTD: no entity is expanded.
 *
 * @example
 * lireDemandeDeconnexionCas("logoutRequest=" + encodeURIComponent(
 *   '<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="1" Version="2.0" IssueInstant="…">' +
 *   '<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">u1</saml:NameID>' +
 *   "<samlp:SessionIndex>ST-1</samlp:SessionIndex></samlp:LogoutRequest>"));
 * // { sessionIndex: "ST-1", nameId: "u1" }
 */
export function lireDemandeDeconnexionCas(corps: string): DemandeDeconnexionCas | null {
  const xml = new URLSearchParams(corps).get("logoutRequest");
  if (!xml) return null;
  let racine;
  try {
    racine = lireXml(xml);
  } catch (e) {
    if (e instanceof ErreurXml) return null;
    throw e;
  }
  if (nomLocal(racine.nom) !== "LogoutRequest") return null;
  const sessionIndex = racine.enfants.find((e) => nomLocal(e.nom) === "SessionIndex")?.texte.trim();
  if (!sessionIndex) return null;
  const nameId = racine.enfants.find((e) => nomLocal(e.nom) === "NameID")?.texte.trim();
  return nameId ? { sessionIndex, nameId } : { sessionIndex };
}

/**
 * The SHA-256 (hex) of a CAS service ticket: what Trousse records of it at sign-in, to find the sessions a
 * single logout request ends (the ticket itself is never stored).
 *
 * @example
 * hacherTicketCas("ST-1"); // "5c2f…" (64 hex digits)
 */
export function hacherTicketCas(ticket: string): string {
  return createHash("sha256").update(ticket, "utf8").digest("hex");
}
