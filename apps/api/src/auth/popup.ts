import type { UtilisateurConnecte } from "@trousse/db";
import type { ErreurAuth } from "./erreurs.js";
import { gabarit } from "../pages/html.js";
import { pageHtml, type PageHtml } from "./html.js";

/**
 * The script of the sign-in pages, served at `/auth/popup.js` (no inline script, so a strict CSP holds).
 * It posts `{ type: "trousse:session", jeton, expireLe }` (or `{ type: "trousse:erreur", code, message }`)
 * to `window.opener` — or to the parent when the page runs inside an iframe — with `targetOrigin` set to
 * the ALREADY CHECKED origin written by the server in `data-origine`: no other origin can read it.
 */
export const SCRIPT_POPUP = `"use strict";
(function () {
  var el = document.querySelector("[data-trousse-message]");
  if (!el) return;
  var origine = el.getAttribute("data-origine");
  var statut = document.getElementById("statut");
  var message = el.getAttribute("data-trousse-message") === "session"
    ? { type: "trousse:session", jeton: el.getAttribute("data-jeton"), expireLe: el.getAttribute("data-expire-le") }
    : { type: "trousse:erreur", code: el.getAttribute("data-code"), message: el.getAttribute("data-message") };
  var cible = window.opener || (window.parent !== window ? window.parent : null);
  if (!origine || !cible) {
    if (statut && message.type === "trousse:session") statut.textContent = "Connexion réussie, mais la page qui l'a demandée n'est plus ouverte : revenez-y et recommencez.";
    return;
  }
  try {
    cible.postMessage(message, origine);
  } catch (e) {
    if (statut) statut.textContent = "Impossible de transmettre la connexion à la page d'origine : recommencez.";
    return;
  }
  if (message.type === "trousse:session") {
    if (statut) statut.textContent = "Connexion transmise. Vous pouvez fermer cette fenêtre.";
    if (window.opener) setTimeout(function () { window.close(); }, 400);
  }
})();
`;

/**
 * The page ending a successful sign-in. With an `origine` (already checked against the ENT's allowed
 * origins), its script posts the session to the widget; without one, it shows the token and how to use
 * it (scripts, developers).
 *
 * @example
 * const { html, entetes } = pageSession({ jeton, expireLe, origine: "https://ent.exemple.fr", utilisateur, frameAncestors: [] });
 */
export function pageSession(p: {
  jeton: string;
  expireLe: Date;
  origine?: string;
  utilisateur: Pick<UtilisateurConnecte, "nomAffiche">;
  frameAncestors: readonly string[];
  demo?: boolean;
}): PageHtml {
  const nom = p.utilisateur.nomAffiche;
  const expire = p.expireLe.toISOString();
  const heure = p.expireLe.toLocaleTimeString("fr-FR", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  });
  const corps = p.origine
    ? gabarit`<section data-trousse-message="session" data-jeton="${p.jeton}" data-expire-le="${expire}" data-origine="${p.origine}">
<h1>Connexion réussie</h1>
<p id="statut" role="status">Bonjour ${nom}. Transmission de votre connexion à la page…</p>
<noscript><p class="erreur">JavaScript est nécessaire pour transmettre la connexion à la page d'origine.</p></noscript>
</section>`
    : gabarit`<section>
<h1>Connexion réussie</h1>
<p id="statut" role="status">Bonjour ${nom}. Votre jeton de session est valable jusqu'à ${heure} (heure de Paris) :</p>
<p><code id="jeton">${p.jeton}</code></p>
<p>Pour l'utiliser, envoyez-le dans l'en-tête de chaque requête à l'API :</p>
<p><code>Authorization: Bearer &lt;jeton&gt;</code></p>
<p>Par exemple : <code>curl -H "Authorization: Bearer &lt;jeton&gt;" /v1/auth/moi</code></p>
<p>Ne le partagez pas : il donne accès à votre compte jusqu'à son expiration ou votre déconnexion (<code>POST /v1/auth/deconnexion</code>).</p>
</section>`;
  return pageHtml({
    titre: "Connexion réussie",
    corps,
    script: p.origine !== undefined,
    frameAncestors: p.frameAncestors,
    demo: p.demo,
  });
}

/**
 * The French error page of a failed sign-in. When the (checked) requesting origin is known, its script also
 * tells the widget with `{ type: "trousse:erreur", code, message }`.
 *
 * @example
 * const { html, entetes } = pageErreur(new ErreurAuth("ent-inconnu", "Cet ENT n'est pas configuré.", 404));
 */
export function pageErreur(
  erreur: ErreurAuth,
  p: { origine?: string; frameAncestors?: readonly string[]; demo?: boolean } = {},
): PageHtml {
  const donnees = p.origine
    ? gabarit` data-trousse-message="erreur" data-origine="${p.origine}" data-code="${erreur.code}" data-message="${erreur.message}"`
    : "";
  const corps = gabarit`<section class="erreur"${donnees}>
<h1>Connexion impossible</h1>
<p id="statut" role="alert">${erreur.message}</p>
<p>Code de l'erreur : <code>${erreur.code}</code></p>
</section>`;
  return pageHtml({
    titre: "Connexion impossible",
    corps,
    script: p.origine !== undefined,
    frameAncestors: p.frameAncestors ?? [],
    demo: p.demo,
  });
}
