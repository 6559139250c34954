import { terminerSessionsEnt, type CritereSessionsEnt, type IdentiteEnt } from "@trousse/db";
import { Hono, type Context } from "hono";
import type { AuthDeps } from "./deps.js";
import { baseSansBarre } from "./deps.js";
import { trouverEnt, type EntCas, type EntConfig, type EntOidc } from "./ent-config.js";
import { ErreurAuth } from "./erreurs.js";
import {
  consommerEtatConnexion,
  enregistrerEtatConnexion,
  valeurAleatoire,
  type EtatConnexion,
} from "./etat-connexion.js";
import { gabarit } from "../pages/html.js";
import { pageHtml } from "./html.js";
import { resoudreCorrespondance, type AttributsEnt } from "./correspondances.js";
import { identiteDepuisClaims } from "./mapping.js";
import { decouvrirOidc, pkceOffert, terminerConnexionOidc, urlAutorisation } from "./oidc.js";
import { urlConnexionCas, validerTicketCas } from "./cas.js";
import { messageOrigineRefusee, normaliserOrigine, origineAutorisee } from "./origines.js";
import { envoyerPage, envoyerPageErreur } from "./pages-reponse.js";
import { pageSession, SCRIPT_POPUP } from "./popup.js";
import { cacheSessionsDe } from "./cache-sessions.js";
import { hacherTicketCas, lireDemandeDeconnexionCas } from "./deconnexion-cas.js";
import { verifierJetonDeconnexion } from "./deconnexion-oidc.js";
import { connecterIdentite, type SessionEntOuverte } from "./terminer-connexion.js";
import { routesDemo } from "./demo.js";

/** Redirect URI registered at the ENT for an OIDC ENT: `<baseUrl>/auth/oidc/<entId>/retour`. */
export function urlRetourOidc(deps: AuthDeps, ent: EntOidc): string {
  return `${baseSansBarre(deps)}/auth/oidc/${ent.id}/retour`;
}

/** CAS service URL of one sign-in: `<baseUrl>/auth/cas/<entId>/retour?etat=<state>` (sent to login and serviceValidate alike). */
export function urlServiceCas(deps: AuthDeps, ent: EntCas, etat: string): string {
  return `${baseSansBarre(deps)}/auth/cas/${ent.id}/retour?etat=${encodeURIComponent(etat)}`;
}

/**
 * Checks the origin asking for the session: it must be one of the ENT's `originesAutorisees` or the API's own
 * origin (any origin in demo mode, see {@link origineAutorisee}). Returns it normalised, `undefined` when none was given; throws `origine-non-autorisee` otherwise.
 *
 * @example
 * const origine = verifierOrigine(deps, ent, c.req.query("origine"));
 */
export function verifierOrigine(
  deps: AuthDeps,
  ent: EntConfig,
  origine: string | undefined,
): string | undefined {
  if (origine === undefined || origine === "") return undefined;
  if (!origineAutorisee(origine, ent.originesAutorisees, deps.baseUrl, { demo: deps.demo })) {
    throw new ErreurAuth("origine-non-autorisee", messageOrigineRefusee(origine, ent.nom), 403);
  }
  return normaliserOrigine(origine) ?? undefined;
}

function entOuErreur(deps: AuthDeps, entId: string | undefined): EntConfig {
  const ent = entId ? trouverEnt(deps.config, entId) : undefined;
  if (!ent) throw new ErreurAuth("ent-inconnu", "Cet ENT n'est pas configuré sur ce serveur Trousse.", 404);
  return ent;
}

function pageChoixEnt(deps: AuthDeps, origine: string | undefined) {
  const suffixe = origine ? `&origine=${encodeURIComponent(origine)}` : "";
  const liens = deps.config.ents.map(
    (e, n) =>
      gabarit`${n > 0 ? "\n" : ""}<li><a href="/auth/connexion?ent=${encodeURIComponent(e.id)}${suffixe}">${e.nom}</a></li>`,
  );
  const demo = deps.demo
    ? gabarit`<li><a href="/auth/demo${origine ? `?origine=${encodeURIComponent(origine)}` : ""}">Comptes de démonstration</a></li>`
    : "";
  const corps =
    liens.length > 0 || demo
      ? gabarit`<h1>Se connecter à Trousse</h1><p>Choisissez votre ENT :</p><ul>${liens}${demo}</ul>`
      : gabarit`<h1>Se connecter à Trousse</h1><p>Aucun ENT n'est configuré sur ce serveur.</p>`;
  return pageHtml({ titre: "Choisir son ENT", corps, demo: deps.demo });
}

/**
 * The browser side of the ENT sign-in, mounted at `/auth`:
 * - `GET /auth/connexion?ent=<entId>&origine=<origin>`: starts the sign-in in the popup (OIDC or CAS);
 *   without `ent`, lists the configured ENTs;
 * - `GET /auth/oidc/<entId>/retour`: OIDC redirect URI (code → tokens → id_token → userinfo);
 * - `GET /auth/cas/<entId>/connexion`, `GET /auth/cas/<entId>/retour`: CAS 2.0 login and service URL;
 * - `POST /auth/cas/<entId>/retour`: CAS single logout (SAML LogoutRequest);
 * - `POST /auth/oidc/<entId>/deconnexion`: OpenID Connect back-channel logout (signed `logout_token`);
 * - `GET /auth/oidc/<entId>/deconnexion-front?iss=…&sid=…`: OpenID Connect front-channel logout (the ENT's
 *   sign-out page frames it);
 * - `GET /auth/popup.js`: the script posting the session to the widget;
 * - `GET|POST /auth/demo`: demo sign-in page (demo mode only, 404 otherwise).
 *
 * @example
 * app.route("/auth", routesAuth(deps));
 */
export function routesAuth(deps: AuthDeps): Hono {
  const app = new Hono();
  const secret = { secret: deps.config.sessionSecret, baseUrl: deps.baseUrl, db: deps.db };

  app.get("/popup.js", (c) =>
    c.body(SCRIPT_POPUP, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    }),
  );

  app.get("/connexion", async (c) => {
    const entId = c.req.query("ent");
    let ent: EntConfig | undefined;
    try {
      if (entId === undefined || entId === "") {
        const origine = c.req.query("origine");
        return envoyerPage(
          c,
          pageChoixEnt(deps, origine && normaliserOrigine(origine) ? normaliserOrigine(origine)! : undefined),
        );
      }
      ent = entOuErreur(deps, entId);
      const origine = verifierOrigine(deps, ent, c.req.query("origine"));
      const donnees: Omit<EtatConnexion, "etat"> = { entId: ent.id };
      if (origine) donnees.origine = origine;
      if (ent.type === "oidc") {
        const decouverte = await decouvrirOidc(ent.issuer);
        const nonce = valeurAleatoire();
        const verifier = pkceOffert(decouverte) ? valeurAleatoire() : undefined;
        donnees.nonce = nonce;
        if (verifier) donnees.verifier = verifier;
        const etat = await enregistrerEtatConnexion(c, donnees, secret);
        return c.redirect(
          await urlAutorisation(ent, decouverte, {
            redirectUri: urlRetourOidc(deps, ent),
            etat,
            nonce,
            verifier,
          }),
          302,
        );
      }
      const etat = await enregistrerEtatConnexion(c, donnees, secret);
      return c.redirect(urlConnexionCas(ent, urlServiceCas(deps, ent, etat)), 302);
    } catch (e) {
      return envoyerPageErreur(c, deps, e, { entId: ent?.id ?? entId });
    }
  });

  app.get("/oidc/:entId/retour", async (c) => {
    const entId = c.req.param("entId");
    let origine: string | undefined;
    try {
      const ent = entOuErreur(deps, entId);
      if (ent.type !== "oidc")
        throw new ErreurAuth("ent-inconnu", "Cet ENT ne se connecte pas par OpenID Connect.", 404);
      const etat = await consommerEtatConnexion(c, c.req.query("state"), ent.id, secret);
      origine = etat.origine;
      if (!etat.nonce)
        throw new ErreurAuth(
          "parametre-invalide",
          "Le code de connexion manque dans la réponse de l'ENT.",
          400,
        );
      // error, iss, state and code of the ENT's redirect are checked by oauth4webapi (oidc.ts).
      const { uid, claims, sid } = await terminerConnexionOidc(ent, {
        parametres: new URL(c.req.url).searchParams,
        etat: etat.etat,
        redirectUri: urlRetourOidc(deps, ent),
        nonce: etat.nonce,
        verifier: etat.verifier,
      });
      return await repondreSession(
        c,
        deps,
        ent,
        identiteDepuisClaims(ent.id, uid, claims, resoudreCorrespondance(ent.attributs as AttributsEnt)),
        "oidc",
        origine,
        { sujet: uid, ...(sid ? { sidOidc: sid } : {}) },
      );
    } catch (e) {
      return repondreEchec(c, deps, e, entId, origine);
    }
  });

  app.get("/cas/:entId/connexion", (c) => {
    const params = new URLSearchParams({ ent: c.req.param("entId") });
    const origine = c.req.query("origine");
    if (origine) params.set("origine", origine);
    return c.redirect(`/auth/connexion?${params.toString()}`, 302);
  });

  app.get("/cas/:entId/retour", async (c) => {
    const entId = c.req.param("entId");
    let origine: string | undefined;
    try {
      const ent = entOuErreur(deps, entId);
      if (ent.type !== "cas") throw new ErreurAuth("ent-inconnu", "Cet ENT ne se connecte pas par CAS.", 404);
      const etat = await consommerEtatConnexion(c, c.req.query("etat"), ent.id, secret);
      origine = etat.origine;
      const ticket = c.req.query("ticket");
      if (!ticket)
        throw new ErreurAuth(
          "ticket-invalide",
          "L'ENT n'a pas transmis de ticket de connexion : recommencez.",
          400,
        );
      const { utilisateur: uid, attributs } = await validerTicketCas(
        ent,
        urlServiceCas(deps, ent, etat.etat),
        ticket,
      );
      return await repondreSession(
        c,
        deps,
        ent,
        identiteDepuisClaims(ent.id, uid, attributs, resoudreCorrespondance(ent.attributs as AttributsEnt)),
        "cas",
        origine,
        { sujet: uid, ticketCas: hacherTicketCas(ticket) },
      );
    } catch (e) {
      return repondreEchec(c, deps, e, entId, origine);
    }
  });

  // CAS single logout: the CAS server POSTs a SAML LogoutRequest to the service URL of the sign-in.
  app.post("/cas/:entId/retour", async (c) => {
    const ent = trouverEnt(deps.config, c.req.param("entId"));
    if (ent?.type !== "cas") throw new ErreurAuth("ent-inconnu", "Cet ENT ne se connecte pas par CAS.", 404);
    const demande = lireDemandeDeconnexionCas(await c.req.text());
    if (!demande)
      throw new ErreurAuth(
        "parametre-invalide",
        "Demande de déconnexion CAS attendue : champ « logoutRequest » (LogoutRequest SAML avec SessionIndex).",
        400,
      );
    await terminerSessionsDeLEnt(
      deps,
      ent.id,
      { ticketCas: hacherTicketCas(demande.sessionIndex) },
      demande.nameId,
      "cas",
    );
    return c.body(null, 200, { "cache-control": "no-store" });
  });

  // OpenID Connect back-channel logout: the ENT POSTs a signed logout_token (sid and/or sub).
  app.post("/oidc/:entId/deconnexion", async (c) => {
    const ent = trouverEnt(deps.config, c.req.param("entId"));
    if (ent?.type !== "oidc")
      throw new ErreurAuth("ent-inconnu", "Cet ENT ne se connecte pas par OpenID Connect.", 404);
    const jeton = new URLSearchParams(await c.req.text()).get("logout_token") ?? "";
    const { sid, sub } = await verifierJetonDeconnexion(ent, jeton);
    await terminerSessionsDeLEnt(
      deps,
      ent.id,
      sid ? { sidOidc: sid } : { sujet: sub! },
      sid ? sub : undefined,
      "oidc",
    );
    return c.body(null, 200, { "cache-control": "no-store" });
  });

  // OpenID Connect front-channel logout (Front-Channel Logout 1.0 § 2–4): the ENT's sign-out page loads this
  // URL in a hidden iframe with `iss` and `sid`. Trousse keeps no cookie to clear: the `sid` (known only from
  // this ENT's id_tokens) names the sessions to end, so it is required (`frontchannel_logout_session_required`),
  // and `iss` must be this ENT's issuer. The answer may be framed by the ENT only, and is never cached.
  app.get("/oidc/:entId/deconnexion-front", async (c) => {
    const ent = trouverEnt(deps.config, c.req.param("entId"));
    if (ent?.type !== "oidc")
      throw new ErreurAuth("ent-inconnu", "Cet ENT ne se connecte pas par OpenID Connect.", 404);
    const iss = c.req.query("iss") ?? "";
    const sid = c.req.query("sid") ?? "";
    if (!iss || !sid)
      throw new ErreurAuth(
        "parametre-invalide",
        "Déconnexion par canal avant : paramètres « iss » et « sid » attendus (déclarez frontchannel_logout_session_required chez le fournisseur OpenID Connect).",
        400,
      );
    if (iss.replace(/\/+$/, "") !== ent.issuer.replace(/\/+$/, ""))
      throw new ErreurAuth(
        "parametre-invalide",
        "Déconnexion par canal avant : « iss » n'est pas l'émetteur configuré pour cet ENT.",
        400,
      );
    await terminerSessionsDeLEnt(deps, ent.id, { sidOidc: sid }, undefined, "oidc");
    return envoyerPage(
      c,
      pageHtml({
        titre: "Déconnexion",
        corps: gabarit`<h1>Déconnecté de Trousse</h1><p>Votre session Trousse ouverte depuis cet ENT est fermée.</p>`,
        frameAncestors: [new URL(ent.issuer).origin],
      }),
    );
  });

  app.route("/demo", routesDemo(deps));
  return app;
}

/**
 * Ends a successful ENT sign-in: stores the identity, opens the session and answers the popup page that
 * hands the token to the widget (at the requested origin only).
 *
 * @example
 * return await repondreSession(c, deps, ent, identite, "oidc", origine, { sujet: uid, sidOidc: sid });
 */
async function repondreSession(
  c: Context,
  deps: AuthDeps,
  ent: EntConfig,
  identite: IdentiteEnt,
  methode: "oidc" | "cas",
  origine: string | undefined,
  sessionEnt: SessionEntOuverte,
): Promise<Response> {
  const { jeton, expireLe, utilisateur } = await connecterIdentite(deps, identite, methode, sessionEnt);
  return envoyerPage(
    c,
    pageSession({
      jeton,
      expireLe,
      origine,
      utilisateur,
      frameAncestors: ent.originesAutorisees,
      demo: deps.demo,
    }),
  );
}

/**
 * Ends the Trousse sessions an ENT sign-in opened, as the ENT signed the user out: they are revoked like a
 * sign-out (`session-revoquee`) and dropped from the session cache. Logged by ids and counts only.
 *
 * @example
 * await terminerSessionsDeLEnt(deps, ent.id, { ticketCas: hacherTicketCas(sessionIndex) }, nameId, "cas");
 */
async function terminerSessionsDeLEnt(
  deps: AuthDeps,
  entId: string,
  critere: CritereSessionsEnt,
  sujet: string | undefined,
  methode: "cas" | "oidc",
): Promise<void> {
  const jtis = await terminerSessionsEnt(deps.db, entId, critere, sujet);
  const cache = cacheSessionsDe(deps.db);
  for (const jti of jtis) cache?.oublier(jti);
  deps.logger.info(
    { evenement: "deconnexion-ent", methode, entId, sessions: jtis.length, jtis },
    "déconnexion depuis l'ENT",
  );
}

/**
 * Answers a failed sign-in with the French error page, framed like the ENT's pages.
 *
 * @example
 * return repondreEchec(c, deps, e, entId, origine);
 */
function repondreEchec(c: Context, deps: AuthDeps, e: unknown, entId: string, origine: string | undefined) {
  return envoyerPageErreur(c, deps, e, {
    entId,
    origine,
    frameAncestors: trouverEnt(deps.config, entId)?.originesAutorisees,
  });
}
