import { ERRORS } from "@tus/server";
import { describe, expect, it } from "vitest";
import {
  reponseErreurTeleversement,
  traduireErreurTus,
  versErreurTeleversement,
} from "./erreur-televersement.js";

describe("base de données injoignable pendant un envoi", () => {
  // Measured by src/grappe-reelle (PostgreSQL restarted under load): a tus creation whose pending-upload
  // count met a cut connection answered 500 erreur-interne instead of 503 with Retry-After.
  it("une erreur de connexion PostgreSQL devient 503 base-indisponible avec Retry-After, pas 500", async () => {
    for (const cause of [
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      new Error("Failed query: select count(*)", {
        cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      }),
    ]) {
      const e = versErreurTeleversement(cause);
      expect([e.status_code, e.code]).toEqual([503, "base-indisponible"]);
      const r = reponseErreurTeleversement(cause);
      expect(r.status).toBe(503);
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await r.json()) as { erreur: { message: string } }).erreur.message).toMatch(/base de données/);
    }
  });
});

describe("traduction des erreurs de @tus/server", () => {
  it("chaque erreur de tus a son code, pas un code deviné par son statut", () => {
    const cas: [unknown, number, string][] = [
      // tus répond 403 à ces deux-là : ni une interdiction, ni « ce téléversement ne vous appartient pas ».
      [ERRORS.MISSING_OFFSET, 400, "decalage-invalide"],
      [ERRORS.INVALID_CONTENT_TYPE, 415, "type-contenu-invalide"],
      [ERRORS.ABORTED, 409, "envoi-interrompu"],
      [ERRORS.ERR_LOCK_TIMEOUT, 423, "televersement-verrouille"],
      [ERRORS.INVALID_LENGTH, 400, "taille-requise"],
      [ERRORS.INVALID_METADATA, 400, "metadonnees-invalides"],
      [ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION, 400, "concatenation-non-prise-en-charge"],
      [ERRORS.UNSUPPORTED_CREATION_DEFER_LENGTH_EXTENSION, 400, "taille-requise"],
      [ERRORS.FILE_NO_LONGER_EXISTS, 410, "televersement-expire"],
      [ERRORS.FILE_WRITE_ERROR, 500, "erreur-interne"],
    ];
    for (const [e, status, code] of cas) {
      expect(versErreurTeleversement(e)).toMatchObject({ status_code: status, code });
    }
    // Les refus d'extensions ne disent pas de réessayer (la même requête échouerait encore).
    expect(versErreurTeleversement(ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION).message).not.toMatch(
      /réessayez/i,
    );
  });

  it("un statut 4xx inconnu reste un 4xx (requete-invalide), jamais un 5xx", () => {
    expect(traduireErreurTus({ status_code: 418 })).toMatchObject({ status_code: 418 });
    expect(JSON.parse(traduireErreurTus({ status_code: 418 }).body).erreur.code).toBe("requete-invalide");
  });

  it("la réponse porte la longueur exacte de son corps en octets UTF-8", async () => {
    const r = reponseErreurTeleversement(ERRORS.INVALID_OFFSET, { "Content-Length": "23", "X-Garde": "oui" });
    const octets = Buffer.from(await r.arrayBuffer());
    expect(r.headers.get("content-length")).toBe(String(octets.length));
    expect(r.headers.get("x-garde")).toBe("oui");
    expect(r.headers.get("tus-resumable")).toBe("1.0.0");
    expect(JSON.parse(octets.toString("utf8")).erreur.code).toBe("decalage-incorrect");
  });
});
