import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EntOidc } from "./ent-config.js";
import { decouvrirOidc, pkceOffert, terminerConnexionOidc, urlAutorisation } from "./oidc.js";
import { lireFormulaire } from "./test-support/lire-corps.js";

/**
 * A hand-written OpenID provider peer whose answers each test can bend (wrong nonce, audience, key…),
 * to check that the client refuses them. The happy path against a real provider is in connexion-oidc.test.ts.
 */
let serveur: Server;
let base = "";
let cle: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
let autreCle: typeof cle;
let jwkPublique: JWK;
const comportement = {
  decouverte: {} as Record<string, unknown>,
  claimsIdToken: {} as Record<string, unknown>,
  signerAvecAutreCle: false,
  statutJeton: 200,
  userinfo: {} as Record<string, unknown>,
  derniereRequeteJeton: { authorization: "", corps: new URLSearchParams() },
};

function ent(issuer: string): EntOidc {
  return {
    id: "ode",
    nom: "ODE",
    type: "oidc",
    issuer,
    clientId: "trousse",
    clientSecret: "secret",
    originesAutorisees: [],
  };
}

beforeAll(async () => {
  const paire = await generateKeyPair("RS256");
  cle = paire.privateKey;
  autreCle = (await generateKeyPair("RS256")).privateKey;
  jwkPublique = { ...(await exportJWK(paire.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  // Any prefix works: `<p>/.well-known/openid-configuration`, `<p>/token`, `<p>/jwks`, `<p>/me`, with
  // issuer `<base><p>` — so that each test can use a fresh issuer despite the per-process discovery cache.
  serveur = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", base);
      const [, prefixe = "", fin = ""] =
        /^(.*?)(\/\.well-known\/openid-configuration|\/token|\/jwks|\/me)$/.exec(url.pathname) ?? [];
      const issuer = `${base}${prefixe}`;
      res.setHeader("content-type", "application/json");
      if (fin === "/.well-known/openid-configuration") {
        if (comportement.decouverte.statut === 404) {
          res.statusCode = 404;
          return res.end("{}");
        }
        return res.end(
          JSON.stringify({
            issuer,
            authorization_endpoint: `${issuer}/auth`,
            token_endpoint: `${issuer}/token`,
            jwks_uri: `${issuer}/jwks`,
            userinfo_endpoint: `${issuer}/me`,
            id_token_signing_alg_values_supported: ["RS256"],
            ...comportement.decouverte,
          }),
        );
      }
      if (fin === "/jwks") return res.end(JSON.stringify({ keys: [jwkPublique] }));
      if (fin === "/token") {
        comportement.derniereRequeteJeton = {
          authorization: req.headers.authorization ?? "",
          corps: await lireFormulaire(req),
        };
        if (comportement.statutJeton !== 200) {
          res.statusCode = comportement.statutJeton;
          return res.end(JSON.stringify({ error: "invalid_grant" }));
        }
        const idToken = await new SignJWT({ nonce: "n1", ...comportement.claimsIdToken })
          .setProtectedHeader({ alg: "RS256", kid: "k1" })
          .setIssuer(issuer)
          .setAudience((comportement.claimsIdToken.aud as string | undefined) ?? "trousse")
          .setSubject("u1")
          .setIssuedAt()
          .setExpirationTime((comportement.claimsIdToken.exp as number | undefined) ?? "5m")
          .sign(comportement.signerAvecAutreCle ? autreCle : cle);
        return res.end(JSON.stringify({ access_token: "at", token_type: "Bearer", id_token: idToken }));
      }
      if (fin === "/me")
        return res.end(JSON.stringify({ sub: "u1", type: "ELEVE", ...comportement.userinfo }));
      res.statusCode = 404;
      res.end("{}");
    })();
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((ok) => serveur.close(() => ok())));

beforeEach(() => {
  comportement.decouverte = {};
  comportement.claimsIdToken = {};
  comportement.signerAvecAutreCle = false;
  comportement.statutJeton = 200;
  comportement.userinfo = {};
});

/** The ENT's redirect back with a code and this sign-in's state. */
function retour(extra: Record<string, string> = {}) {
  return { parametres: new URLSearchParams({ code: "c", state: "e1", ...extra }), etat: "e1" };
}

let n = 0;
/** A fresh issuer (never in the discovery cache). */
function issuerNeuf(): string {
  n += 1;
  return `${base}/ent-${n}/auth/openid`;
}

describe("client OpenID Connect", () => {
  it("lit la découverte ODE, n'envoie pas PKCE si S256 n'est pas offert", async () => {
    const d = await decouvrirOidc(issuerNeuf());
    expect(pkceOffert(d)).toBe(false);
    const url = new URL(
      await urlAutorisation(ent(base), d, { redirectUri: "http://t/cb", etat: "e", nonce: "n" }),
    );
    expect(url.searchParams.get("code_challenge")).toBeNull();
    expect(url.searchParams.get("scope")).toBe("openid");
    expect(pkceOffert({ ...d, code_challenge_methods_supported: ["plain", "S256"] })).toBe(true);
  });

  it("termine la connexion : client_secret_basic, id_token vérifié, userinfo fusionné", async () => {
    const r = await terminerConnexionOidc(ent(issuerNeuf()), {
      ...retour(),
      redirectUri: "http://t/cb",
      nonce: "n1",
      verifier: "v",
    });
    expect(r.uid).toBe("u1");
    expect(r.claims.type).toBe("ELEVE");
    expect(comportement.derniereRequeteJeton.authorization).toBe(
      `Basic ${Buffer.from("trousse:secret").toString("base64")}`,
    );
    expect(comportement.derniereRequeteJeton.corps.get("code_verifier")).toBe("v");
    expect(comportement.derniereRequeteJeton.corps.get("client_secret")).toBeNull();
  });

  it.each([
    ["un nonce différent", () => (comportement.claimsIdToken = { nonce: "autre" })],
    ["une autre audience", () => (comportement.claimsIdToken = { aud: "un-autre-client" })],
    ["une signature d'une autre clé", () => (comportement.signerAvecAutreCle = true)],
    [
      "un id_token expiré",
      () => (comportement.claimsIdToken = { exp: Math.floor(Date.now() / 1000) - 3600 }),
    ],
  ])("refuse un id_token avec %s (jeton-fournisseur-invalide)", async (_cas, preparer) => {
    preparer();
    await expect(
      terminerConnexionOidc(ent(issuerNeuf()), { ...retour(), redirectUri: "http://t/cb", nonce: "n1" }),
    ).rejects.toMatchObject({ code: "jeton-fournisseur-invalide" });
  });

  it("refuse un userinfo d'un autre utilisateur que l'id_token", async () => {
    comportement.userinfo = { sub: "u2" };
    await expect(
      terminerConnexionOidc(ent(issuerNeuf()), { ...retour(), redirectUri: "http://t/cb", nonce: "n1" }),
    ).rejects.toMatchObject({ code: "reponse-fournisseur-invalide" });
  });

  it("explique un code refusé par l'ENT", async () => {
    comportement.statutJeton = 400;
    await expect(
      terminerConnexionOidc(ent(issuerNeuf()), { ...retour(), redirectUri: "http://t/cb", nonce: "n1" }),
    ).rejects.toMatchObject({
      code: "jeton-fournisseur-invalide",
      message: expect.stringMatching(/déjà utilisé ou expiré/) as string,
    });
  });

  it("refuse une découverte dont l'issuer n'est pas celui configuré, et une découverte absente", async () => {
    comportement.decouverte = { issuer: "https://ailleurs.example/auth/openid" };
    await expect(decouvrirOidc(issuerNeuf())).rejects.toMatchObject({ code: "reponse-fournisseur-invalide" });
    comportement.decouverte = { statut: 404 };
    await expect(decouvrirOidc(issuerNeuf())).rejects.toMatchObject({ code: "fournisseur-indisponible" });
    comportement.decouverte = { authorization_endpoint: "pas une url" };
    await expect(decouvrirOidc(issuerNeuf())).rejects.toMatchObject({ code: "reponse-fournisseur-invalide" });
  });

  it("passe à client_secret_post quand l'ENT n'annonce que cette méthode", async () => {
    comportement.decouverte = { token_endpoint_auth_methods_supported: ["client_secret_post"] };
    await terminerConnexionOidc(ent(issuerNeuf()), { ...retour(), redirectUri: "http://t/cb", nonce: "n1" });
    expect(comportement.derniereRequeteJeton.authorization).toBe("");
    expect(comportement.derniereRequeteJeton.corps.get("client_secret")).toBe("secret");
  });

  it("vérifie le retour de l'ENT : state de cette connexion, iss de l'ENT attendu, erreur de l'ENT, code présent", async () => {
    const issuer = issuerNeuf();
    const essai = (parametres: Record<string, string>) =>
      terminerConnexionOidc(ent(issuer), {
        parametres: new URLSearchParams(parametres),
        etat: "e1",
        redirectUri: "http://t/cb",
        nonce: "n1",
      });
    await expect(essai({ code: "c", state: "autre" })).rejects.toMatchObject({
      code: "reponse-fournisseur-invalide",
    });
    await expect(essai({ code: "c", state: "e1", iss: "https://ailleurs.example" })).rejects.toMatchObject({
      code: "reponse-fournisseur-invalide",
      message: "La réponse ne vient pas de l'ENT attendu.",
    });
    await expect(essai({ error: "access_denied", state: "e1" })).rejects.toMatchObject({
      code: "acces-refuse",
    });
    await expect(essai({ error: "server_error", state: "e1" })).rejects.toMatchObject({
      code: "reponse-fournisseur-invalide",
    });
    await expect(essai({ state: "e1" })).rejects.toMatchObject({ code: "parametre-invalide" });
    // The right issuer in `iss` is accepted.
    await expect(essai({ code: "c", state: "e1", iss: issuer })).resolves.toMatchObject({ uid: "u1" });
  });

  it("accepte un userinfo sans sub, comme entcore peut le servir (l'identité reste le sub de l'id_token)", async () => {
    comportement.userinfo = { sub: undefined, type: "ENSEIGNANT" };
    const r = await terminerConnexionOidc(ent(issuerNeuf()), {
      ...retour(),
      redirectUri: "http://t/cb",
      nonce: "n1",
    });
    expect(r).toMatchObject({ uid: "u1", claims: { sub: "u1", type: "ENSEIGNANT" } });
  });

  it("n'accepte http que sur la boucle locale, et jamais en production", async () => {
    await expect(decouvrirOidc("http://ent.exemple.fr/auth/openid")).rejects.toMatchObject({
      code: "fournisseur-indisponible",
      message: expect.stringMatching(/exige https/) as string,
    });
    const avant = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(decouvrirOidc(issuerNeuf())).rejects.toMatchObject({ code: "fournisseur-indisponible" });
    } finally {
      process.env.NODE_ENV = avant;
    }
  });
});
