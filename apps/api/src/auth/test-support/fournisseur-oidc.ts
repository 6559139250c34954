import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { Provider } from "oidc-provider";
import { lireFormulaire } from "./lire-corps.js";

/** An ENT account of the test provider: login/password and the userinfo claims entcore would give. */
export interface CompteOde {
  /** `sub` (entcore user id). */
  id: string;
  login: string;
  motDePasse: string;
  /** entcore-like claims: type, username, classId, schoolName, uai, childrenIds… */
  claims: Record<string, unknown>;
}

export interface ClientOde {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /**
   * OpenID Connect back-channel logout URI of the client: the provider then puts a `sid` in its id_tokens
   * and, when the user signs out at `<issuer>/session/end`, POSTs a signed `logout_token` there.
   */
  backchannelLogoutUri?: string;
}

/** The claims of a logout token the test may set or spoil (see `envoyerDeconnexion`). */
export interface ContenuDeconnexion {
  sub?: string;
  sid?: string;
  aud?: string;
  iss?: string;
  /** Seconds since the epoch (default: now). */
  iat?: number;
  /** Default: the back-channel logout event. */
  events?: unknown;
  nonce?: string;
}

/** A running entcore-like OpenID provider. */
export interface FournisseurOde {
  /** `http://127.0.0.1:<port>/auth/openid` — as ODE serves it. */
  issuer: string;
  /** Query of every authorization request received (to check PKCE, state, nonce…). */
  demandesAutorisation: URLSearchParams[];
  /** Authorization headers received at the token endpoint. */
  authentificationsJeton: string[];
  /**
   * Sends a back-channel `logout_token` (OpenID Connect Back-Channel Logout 1.0) to `uri`, signed with the
   * provider's own key (the one its JWKS publishes) — or, with `cleEtrangere`, with a key it never
   * published; through `envoyer` (default: fetch). The claims default to a valid token for the first client.
   */
  envoyerDeconnexion(
    uri: string,
    contenu: ContenuDeconnexion,
    options?: { cleEtrangere?: boolean; envoyer?: (url: string, init: RequestInit) => Promise<Response> },
  ): Promise<Response>;
  close(): Promise<void>;
}

const PREFIXE = "/auth/openid";

/**
 * What `oidc-provider` says that does not apply to a test peer, dropped from the test output:
 * - « Unsupported runtime »: on import, version 9 warns on any Node.js older than 22 LTS. It is only the
 *   test peer here; Trousse supports Node ≥ 20.19 and these very tests prove the flow on it;
 * - « in-memory adapter »: a provider living for one test file needs nothing else.
 * Any other warning of the package still shows.
 */
const AVERTISSEMENTS_SANS_OBJET = [
  "oidc-provider WARNING: Unsupported runtime",
  "oidc-provider WARNING: a quick start development-only in-memory adapter is used",
];

/** Calls `f` with those warnings dropped (they are printed on import and on the first provider). */
async function sansAvertissementsSansObjet<T>(f: () => Promise<T> | T): Promise<T> {
  const avertir = console.warn;
  console.warn = (...args: unknown[]) => {
    const texte = args[0];
    if (typeof texte === "string" && AVERTISSEMENTS_SANS_OBJET.some((a) => texte.includes(a))) return;
    avertir(...args);
  };
  try {
    return await f();
  } finally {
    console.warn = avertir;
  }
}

/** Imports `oidc-provider` without its « Unsupported runtime » line (see above). */
function chargerProvider(): Promise<typeof Provider> {
  return sansAvertissementsSansObjet(async () => (await import("oidc-provider")).Provider);
}

/** The claims an ODE client application reads from userinfo (see ../mapping.ts for the entcore sources). */
const CLAIMS_USERINFO = [
  "type",
  "login",
  "username",
  "userId",
  "externalId",
  "firstName",
  "lastName",
  "classId",
  "classNames",
  "classes",
  "schoolName",
  "structureNames",
  "uai",
  "childrenIds",
  "children",
  "level",
];

function page(res: ServerResponse, statut: number, html: string): void {
  res.statusCode = statut;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(`<!doctype html><html lang="fr"><body>${html}</body></html>`);
}

/**
 * Starts, on a random localhost port, a real OpenID provider (the `oidc-provider` package) configured like
 * an ODE/entcore ENT: issuer and discovery under `/auth/openid`, confidential clients authenticating with
 * `client_secret_basic`, PKCE S256 offered (and required when `pkceRequis`), RS256 id_tokens, userinfo
 * claims as entcore gives them to client applications (scope `userinfo`). Its login and consent
 * interactions are plain HTML forms a test can submit with fetch:
 * `POST <issuer>/interaction/<uid>/login` (login, motDePasse), `…/confirm`, `…/abort`.
 *
 * @example
 * const ode = await demarrerFournisseurOde({ comptes, clients: [{ clientId: "trousse", clientSecret: "s", redirectUris }] });
 * // … sign in …
 * await ode.close();
 */
export async function demarrerFournisseurOde(options: {
  comptes: CompteOde[];
  clients: ClientOde[];
  pkceRequis?: boolean;
  /**
   * How the provider sends its own requests (back-channel logout tokens): by default `fetch` — without
   * oidc-provider's guard against special-use addresses, this test peer's clients living on the loopback
   * interface; a test passes the API under test's `app.request`.
   */
  envoyer?: (url: string, init: RequestInit) => Promise<Response>;
}): Promise<FournisseurOde> {
  const serveur: Server = createServer();
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const { port } = serveur.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}${PREFIXE}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const etrangere = await generateKeyPair("RS256");
  const backchannel = options.clients.some((c) => c.backchannelLogoutUri);
  const jwk = { ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "ode-test" };
  const demandesAutorisation: URLSearchParams[] = [];
  const authentificationsJeton: string[] = [];

  const Fournisseur = await chargerProvider();
  const provider = await sansAvertissementsSansObjet(
    () =>
      new Fournisseur(issuer, {
        clients: options.clients.map((c) => ({
          client_id: c.clientId,
          client_secret: c.clientSecret,
          redirect_uris: c.redirectUris,
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_basic",
          ...(c.backchannelLogoutUri
            ? { backchannel_logout_uri: c.backchannelLogoutUri, backchannel_logout_session_required: true }
            : {}),
        })),
        findAccount: (_ctx, sub) => {
          const compte = options.comptes.find((c) => c.id === sub);
          if (!compte) return undefined;
          return { accountId: compte.id, claims: () => ({ ...compte.claims, sub: compte.id }) };
        },
        scopes: ["openid", "profile", "userinfo"],
        claims: {
          openid: ["sub"],
          profile: ["name", "given_name", "family_name", "preferred_username"],
          userinfo: CLAIMS_USERINFO,
        },
        features: { devInteractions: { enabled: false }, backchannelLogout: { enabled: backchannel } },
        fetch: (url: string | URL, init: RequestInit & { dispatcher?: unknown }) => {
          const { dispatcher: _garde, ...reste } = init;
          return (options.envoyer ?? globalThis.fetch)(String(url), reste);
        },
        interactions: { url: (_ctx, interaction) => `${PREFIXE}/interaction/${interaction.uid}` },
        pkce: { required: () => options.pkceRequis ?? false },
        cookies: { keys: [randomBytes(32).toString("base64url")] },
        jwks: { keys: [jwk] },
        ttl: {
          AuthorizationCode: 60,
          AccessToken: 600,
          IdToken: 600,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
        },
      }),
  );

  const rappel = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, chemin: string): Promise<void> {
    const [, uid, action] = /^\/interaction\/([^/]+)(?:\/(login|confirm|abort))?$/.exec(chemin) ?? [];
    if (!uid) return page(res, 404, "<p>Introuvable</p>");
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET") {
      if (details.prompt.name === "login") {
        return page(
          res,
          200,
          `<h1>Connexion à l'ENT</h1><form method="post" action="${PREFIXE}/interaction/${uid}/login">
<label>Identifiant <input name="login"></label><label>Mot de passe <input name="motDePasse" type="password"></label>
<button>Se connecter</button></form>`,
        );
      }
      return page(
        res,
        200,
        `<h1>Autoriser Trousse ?</h1><form method="post" action="${PREFIXE}/interaction/${uid}/confirm"><button>Autoriser</button></form>
<form method="post" action="${PREFIXE}/interaction/${uid}/abort"><button>Refuser</button></form>`,
      );
    }
    if (action === "login") {
      const form = await lireFormulaire(req);
      const compte = options.comptes.find(
        (c) => c.login === form.get("login") && c.motDePasse === form.get("motDePasse"),
      );
      if (!compte) return page(res, 401, "<p>Identifiant ou mot de passe incorrect.</p>");
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: compte.id } },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === "confirm") {
      const accountId = details.session?.accountId;
      if (!accountId) return page(res, 400, "<p>Session absente.</p>");
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      const d = details.prompt.details;
      if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(" "));
      if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
      for (const [indicateur, scopes] of Object.entries(d.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicateur, scopes.join(" "));
      }
      const grantId = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    }
    if (action === "abort") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "L'utilisateur a refusé." },
        { mergeWithLastSubmission: false },
      );
    }
    return page(res, 405, "<p>Méthode non prise en charge.</p>");
  }

  serveur.on("request", (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (!url.startsWith(PREFIXE)) return page(res, 404, "<p>Introuvable</p>");
    const chemin = url.slice(PREFIXE.length) || "/";
    if (chemin.startsWith("/interaction/")) {
      interaction(req, res, chemin.split("?")[0] ?? chemin).catch(() => page(res, 500, "<p>Erreur</p>"));
      return;
    }
    if (chemin.startsWith("/auth?") || chemin === "/auth") {
      demandesAutorisation.push(new URLSearchParams(chemin.split("?")[1] ?? ""));
    }
    if (chemin.startsWith("/token")) authentificationsJeton.push(req.headers.authorization ?? "");
    req.originalUrl = url;
    req.url = chemin;
    rappel(req, res);
  });

  return {
    issuer,
    demandesAutorisation,
    authentificationsJeton,
    envoyerDeconnexion: async (uri, contenu, opts = {}) => {
      const { aud, iss, iat, events, ...reste } = contenu;
      const jwt = await new SignJWT({
        events: events ?? { "http://schemas.openid.net/event/backchannel-logout": {} },
        ...reste,
      })
        .setProtectedHeader({ alg: "RS256", kid: "ode-test", typ: "logout+jwt" })
        .setIssuer(iss ?? issuer)
        .setAudience(aud ?? options.clients[0]?.clientId ?? "")
        .setIssuedAt(iat ?? Math.floor(Date.now() / 1000))
        .setJti(randomBytes(12).toString("hex"))
        .sign(opts.cleEtrangere ? etrangere.privateKey : privateKey);
      return (opts.envoyer ?? fetch)(uri, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ logout_token: jwt }).toString(),
      });
    },
    close: () =>
      new Promise<void>((ok) => {
        serveur.closeAllConnections();
        serveur.close(() => ok());
      }),
  };
}
