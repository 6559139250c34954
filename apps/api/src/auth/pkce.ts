import { createHash } from "node:crypto";

/**
 * The PKCE S256 challenge of a code verifier (RFC 7636 §4.2): BASE64URL(SHA256(verifier)).
 *
 * @example
 * defiPkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"); // "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
 */
export function defiPkce(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}
