import { PLAFOND_TAILLE_OCTETS } from "@trousse/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erreurDe, metadonneesTus, problemesDe } from "./test-support/controles.js";
import { requeteBrute, type ReponseBrute } from "./test-support/requete-brute.js";
import { demarrerServeurReel, type ServeurReel } from "./test-support/serveur-reel.js";

// Les envois tus vus sur le fil : l'API entière sur un vrai serveur Node, des requêtes HTTP écrites à la main
// et lues octet par octet (un Content-Length faux s'y voit, ce que `fetch` cache en tronquant le corps).

let s: ServeurReel;
beforeAll(async () => {
  s = await demarrerServeurReel();
}, 120_000);
afterAll(async () => s?.arreter());

const TUS = { "Tus-Resumable": "1.0.0" };
const auth = () => ({ Authorization: `Bearer ${s.jeton}` });
const meta = () => metadonneesTus({ filename: "copie.pdf", devoir: s.devoirId });
const ID_INCONNU = "0123456789abcdef0123456789abcdef";

function creation(entetes: Record<string, string>): Promise<ReponseBrute> {
  return requeteBrute(s.port, "POST", "/v1/televersements", { ...auth(), ...entetes });
}

/** L'erreur d'une réponse, après avoir vérifié sa forme, sa langue et sa longueur. */
function erreurVerifiee(
  r: ReponseBrute,
  methode = "POST",
): { status: number; code: string; message: string } {
  expect(problemesDe(r, methode)).toEqual([]);
  expect(r.entetes["content-type"]).toMatch(/^application\/json/);
  return { status: r.status, ...erreurDe(r) };
}

describe("erreurs tus : un corps JSON français à code précis, et sa vraie longueur", () => {
  it.each([
    ["sans Tus-Resumable", { "Upload-Length": "100" }, 412, "version-tus-requise"],
    [
      "Tus-Resumable 0.2.2",
      { "Tus-Resumable": "0.2.2", "Upload-Length": "100" },
      412,
      "version-tus-non-prise-en-charge",
    ],
    ["Upload-Length -1", { ...TUS, "Upload-Length": "-1" }, 400, "taille-invalide"],
    ["Upload-Length abc", { ...TUS, "Upload-Length": "abc" }, 400, "taille-invalide"],
    ["Upload-Length 10.5", { ...TUS, "Upload-Length": "10.5" }, 400, "taille-invalide"],
    ["Upload-Length 2^64", { ...TUS, "Upload-Length": "2^64" }, 400, "taille-invalide"],
    [
      "Upload-Length 18446744073709551616",
      { ...TUS, "Upload-Length": "18446744073709551616" },
      413,
      "fichier-trop-gros",
    ],
    [
      "Upload-Length au-delà du plafond",
      { ...TUS, "Upload-Length": String(PLAFOND_TAILLE_OCTETS + 1) },
      413,
      "fichier-trop-gros",
    ],
    [
      "métadonnées pas en base64",
      { ...TUS, "Upload-Length": "100", "Upload-Metadata": "filename @@@" },
      400,
      "metadonnees-invalides",
    ],
    [
      "métadonnées vides",
      { ...TUS, "Upload-Length": "100", "Upload-Metadata": "" },
      400,
      "metadonnees-invalides",
    ],
  ])("POST %s", async (_cas, entetes, status, code) => {
    const e = erreurVerifiee(await creation({ "Upload-Metadata": meta(), ...entetes }));
    expect(e).toMatchObject({ status, code });
  });

  it("DELETE, PATCH et HEAD sans Tus-Resumable : 412 version-tus-requise", async () => {
    const supprimer = await requeteBrute(s.port, "DELETE", `/v1/televersements/${ID_INCONNU}`, auth());
    expect(erreurVerifiee(supprimer, "DELETE")).toMatchObject({ status: 412, code: "version-tus-requise" });
    const patch = await requeteBrute(
      s.port,
      "PATCH",
      `/v1/televersements/${ID_INCONNU}`,
      { ...auth(), "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
      Buffer.from("%PDF"),
    );
    expect(erreurVerifiee(patch, "PATCH")).toMatchObject({ status: 412, code: "version-tus-requise" });
    const head = await requeteBrute(s.port, "HEAD", `/v1/televersements/${ID_INCONNU}`, auth());
    expect(head.status).toBe(412);
  });
});

describe("extensions tus non proposées : un refus clair (4xx), pas une erreur du serveur", () => {
  it.each([
    [
      "Upload-Concat: partial",
      { "Upload-Length": "100", "Upload-Concat": "partial" },
      "concatenation-non-prise-en-charge",
    ],
    [
      "Upload-Concat: final",
      { "Upload-Concat": `final;/v1/televersements/${ID_INCONNU} /v1/televersements/${ID_INCONNU}` },
      "concatenation-non-prise-en-charge",
    ],
    ["Upload-Defer-Length: 1", { "Upload-Defer-Length": "1" }, "taille-requise"],
    [
      "Upload-Checksum",
      { "Upload-Length": "100", "Upload-Checksum": "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=" },
      "somme-controle-non-prise-en-charge",
    ],
    [
      "X-HTTP-Method-Override",
      { "Upload-Length": "100", "X-HTTP-Method-Override": "PATCH" },
      "surcharge-methode-non-prise-en-charge",
    ],
  ])("POST avec %s", async (_cas, entetes, code) => {
    const e = erreurVerifiee(await creation({ ...TUS, "Upload-Metadata": meta(), ...entetes }));
    expect(e).toMatchObject({ status: 400, code });
    expect(e.message).not.toMatch(/réessayez/i);
  });

  it("un PATCH avec Upload-Checksum est refusé de même, sans rien écrire", async () => {
    const creee = await creation({ ...TUS, "Upload-Length": "100", "Upload-Metadata": meta() });
    expect(creee.status).toBe(201);
    const chemin = creee.entetes.location!;
    const patch = await requeteBrute(
      s.port,
      "PATCH",
      chemin,
      {
        ...auth(),
        ...TUS,
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=",
      },
      Buffer.from("%PDF-1.4\n"),
    );
    expect(erreurVerifiee(patch, "PATCH")).toMatchObject({
      status: 400,
      code: "somme-controle-non-prise-en-charge",
    });
    const head = await requeteBrute(s.port, "HEAD", chemin, { ...auth(), ...TUS });
    expect(head.entetes["upload-offset"]).toBe("0");
  });
});

describe("OPTIONS : découverte tus et pré-vol CORS", () => {
  const decouverte = {
    "tus-resumable": "1.0.0",
    "tus-version": "1.0.0",
    "tus-extension": "creation,creation-with-upload,termination,expiration",
    "tus-max-size": String(PLAFOND_TAILLE_OCTETS),
  };

  it("sans Origin : les en-têtes de découverte tus, sans session", async () => {
    for (const chemin of ["/v1/televersements", `/v1/televersements/${ID_INCONNU}`]) {
      const r = await requeteBrute(s.port, "OPTIONS", chemin);
      expect(r.status).toBe(204);
      expect(r.entetes).toMatchObject(decouverte);
      expect(r.entetes["access-control-allow-origin"]).toBeUndefined();
    }
  });

  it("pré-vol d'une origine permise : les en-têtes CORS de l'API et ceux de tus", async () => {
    const r = await requeteBrute(s.port, "OPTIONS", "/v1/televersements", {
      Origin: s.origine,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization,tus-resumable,upload-length,upload-metadata",
    });
    expect(r.status).toBe(204);
    expect(r.entetes).toMatchObject(decouverte);
    expect(r.entetes["access-control-allow-origin"]).toBe(s.origine);
    expect(r.entetes["access-control-allow-methods"]).toMatch(/PATCH/);
    expect(r.entetes["access-control-allow-headers"]).toMatch(/Upload-Offset/);
    expect(r.entetes["access-control-max-age"]).toBe("600");
  });

  it("pré-vol d'une origine inconnue : la liste de l'API décide, pas tus (démonstration : toute origine)", async () => {
    // This server runs in demo mode, where a widget pasted on any page may call the API (issue 10); the
    // refusal of an unknown origin outside demo mode is corsListe's own test (protection/securite.test.ts).
    const r = await requeteBrute(s.port, "OPTIONS", `/v1/televersements/${ID_INCONNU}`, {
      Origin: "https://site-inconnu.example",
      "Access-Control-Request-Method": "PATCH",
    });
    expect(r.status).toBe(204);
    expect(r.entetes["access-control-allow-origin"]).toBe("https://site-inconnu.example");
    expect(r.entetes["access-control-allow-credentials"]).toBeUndefined();
    expect(r.entetes["tus-version"]).toBe("1.0.0");
  });

  it("les autres chemins gardent le pré-vol CORS de l'API, sans en-têtes tus", async () => {
    const r = await requeteBrute(s.port, "OPTIONS", "/v1/outils", {
      Origin: s.origine,
      "Access-Control-Request-Method": "GET",
    });
    expect(r.status).toBe(204);
    expect(r.entetes["access-control-allow-origin"]).toBe(s.origine);
    expect(r.entetes["tus-version"]).toBeUndefined();
  });
});

describe("405 : une seule code, methode-non-permise, avec Allow", () => {
  it.each([
    ["GET", `/v1/televersements/${ID_INCONNU}`, "DELETE, HEAD, OPTIONS, PATCH"],
    ["PUT", `/v1/televersements/${ID_INCONNU}`, "DELETE, HEAD, OPTIONS, PATCH"],
    ["POST", `/v1/televersements/${ID_INCONNU}`, "DELETE, HEAD, OPTIONS, PATCH"],
    ["GET", "/v1/televersements", "OPTIONS, POST"],
    ["DELETE", "/v1/televersements", "OPTIONS, POST"],
  ])("%s %s", async (methode, chemin, permises) => {
    const r = await requeteBrute(s.port, methode, chemin, { ...auth(), ...TUS });
    expect(erreurVerifiee(r, methode)).toMatchObject({ status: 405, code: "methode-non-permise" });
    expect(r.entetes.allow).toBe(permises);
  });
});
