import { extraitScript } from "./extrait-script.js";
/**
 * Scripts of the embed pages, served as files by the API (`/embed/*.js`) so every page keeps a CSP without
 * 'unsafe-inline'. Plain ES5-style JavaScript, no dependency.
 */

/** `/embed/hauteur.js`, inside the iframe: tells the host page its height (`trousse:hauteur`) on each resize. */
export const SCRIPT_HAUTEUR = `"use strict";
(function () {
  if (window.parent === window) return;
  var derniere = 0;
  function envoyer() {
    var hauteur = Math.ceil(document.body.getBoundingClientRect().height);
    if (hauteur === derniere) return;
    derniere = hauteur;
    // The height is not a secret: any host may read it.
    window.parent.postMessage({ type: "trousse:hauteur", hauteur: hauteur }, "*");
  }
  new ResizeObserver(envoyer).observe(document.body);
  envoyer();
})();
`;

/**
 * \`/embed/hote.js\`, on the host page (optional): sizes each \`<iframe data-trousse>\` to the height its page
 * reports. Only messages from that iframe's own window and origin are used; loading it twice is harmless.
 */
export const SCRIPT_HOTE = `"use strict";
(function () {
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d.type !== "trousse:hauteur" || typeof d.hauteur !== "number" || !isFinite(d.hauteur)) return;
    var cadres = document.querySelectorAll("iframe[data-trousse]");
    for (var i = 0; i < cadres.length; i++) {
      var f = cadres[i];
      if (f.contentWindow !== e.source) continue;
      if (new URL(f.src, location.href).origin !== e.origin) return;
      f.style.height = Math.max(80, Math.min(d.hauteur, 20000)) + "px";
    }
  });
})();
`;

/**
 * \`/embed/integrer.js\`: the configurator — options → live preview and snippets (versioned + SRI +
 * modulepreload, built by {@link extraitScript} itself), and a warning when the host page's origin is not
 * configured for sign-in.
 */
export const SCRIPT_INTEGRER = `"use strict";
(function () {
  var extraitScript = ${extraitScript.toString()};
  var form = document.getElementById("options");
  var apercu = document.getElementById("apercu");
  var zoneScript = document.getElementById("extrait-script");
  var zoneIframe = document.getElementById("extrait-iframe");
  var statut = document.getElementById("statut-copie");
  var origine = location.origin;
  var manifeste = null;
  var ENTITES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function echapper(v) { return String(v).replace(/[&<>"']/g, function (c) { return ENTITES[c]; }); }
  function valeurs() {
    var donnees = new FormData(form), res = {};
    donnees.forEach(function (v, k) { if (typeof v === "string" && v.trim() !== "") res[k] = v.trim(); });
    return res;
  }
  function actualiser() {
    var v = valeurs(), widget = v.widget === "rendre-devoir" ? "rendre-devoir" : "choisir-visio";
    var permis = widget === "rendre-devoir" ? ["ent-connexion", "devoir", "lang", "theme"] : ["organisateur", "avec", "participants", "objet", "niveau", "ent", "besoins", "lang", "theme"];
    for (var i = 0; i < form.elements.length; i++) {
      var champ = form.elements[i], bloc = champ.closest("[data-pour]");
      if (bloc) bloc.hidden = bloc.getAttribute("data-pour").split(" ").indexOf(widget) < 0;
    }
    var params = new URLSearchParams(), attributs = "";
    permis.forEach(function (k) { if (v[k]) { params.set(k, v[k]); attributs += " " + k + '="' + echapper(v[k]) + '"'; } });
    var src = origine + "/embed/" + widget + (params.toString() ? "?" + params.toString() : "");
    if (apercu.getAttribute("src") !== src) apercu.setAttribute("src", src);
    zoneScript.value = extraitScript(manifeste, origine, widget, attributs);
    avertirOrigine(v.page);
    zoneIframe.value = '<iframe data-trousse src="' + echapper(src) + '" title="' + (widget === "rendre-devoir" ? "Rendre un devoir" : "Choisir un outil de visioconférence") +
      '" width="100%" height="700" loading="lazy"></iframe>\\n' +
      "<!-- Hauteur automatique (facultatif, si la page accepte les scripts) : -->\\n" +
      '<script src="' + origine + '/embed/hote.js" async></' + "script>";
  }
  var origines = JSON.parse(form.getAttribute("data-origines") || "[]");
  var demo = form.getAttribute("data-demo") === "1";
  var avis = document.getElementById("avis-origine");
  function avertirOrigine(page) {
    var o = null;
    try { o = page ? new URL(page).origin : null; } catch (e) { o = null; }
    if (!page) { avis.textContent = ""; return; }
    if (!o || !/^https?:/.test(o)) { avis.textContent = "Adresse invalide : indiquez l'adresse complète de la page (https://…)."; return; }
    if (o === origine || origines.indexOf(o) >= 0) { avis.textContent = "« " + o + " » est configurée : la connexion y fonctionnera."; return; }
    avis.textContent = "Attention : « " + o + " » n'est dans les originesAutorisees d'aucun ENT de ce serveur" +
      (demo ? " ; en démonstration la connexion y fonctionne quand même, mais en production elle sera refusée" : " : la connexion y sera refusée") +
      ". L'administrateur doit l'ajouter (variable TROUSSE_ENTS ou fichier TROUSSE_ENTS_FILE), ou utilisez l'iframe.";
  }
  function copier(e) {
    var zone = document.getElementById(e.currentTarget.getAttribute("data-cible"));
    var fait = function () { statut.textContent = "Extrait copié dans le presse-papiers."; };
    if (navigator.clipboard) navigator.clipboard.writeText(zone.value).then(fait, function () { zone.select(); statut.textContent = "Copie refusée par le navigateur : l'extrait est sélectionné, copiez-le avec Ctrl+C."; });
    else { zone.select(); statut.textContent = "L'extrait est sélectionné : copiez-le avec Ctrl+C."; }
  }
  form.addEventListener("input", actualiser);
  form.addEventListener("change", actualiser);
  form.addEventListener("submit", function (e) { e.preventDefault(); actualiser(); });
  document.querySelectorAll("[data-cible]").forEach(function (b) { b.addEventListener("click", copier); });
  fetch("/widgets/manifest.json").then(function (r) { return r.ok ? r.json() : null; }).then(function (m) { manifeste = m; actualiser(); }, actualiser);
  actualiser();
})();
`;
