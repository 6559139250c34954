import { gabarit } from "../pages/html.js";
import { bandeau, pageComplete } from "./pages-embed.js";

/**
 * Demo host pages (demo mode only), our own neutral look-alikes — no logo, no copied asset — to try the
 * widgets end to end with the demo accounts:
 * - `/demo/ode`: a page styled like an ODE ENT page, widgets in iframes (ODE strips scripts);
 * - `/demo/sn62`: a page styled like an SN62 ENT page, widgets by script tag;
 * - `/demo/site-ecole`: a school's public website, script tag.
 *
 * @example
 * c.html(pageDemo("ode"));
 */
export function pageDemo(type: "ode" | "sn62" | "site-ecole"): string {
  if (type === "ode")
    return pageComplete({
      titre: "ENT (démonstration, aspect ODE) — Rendre un devoir",
      classe: "ode",
      scripts: ["/embed/hote.js"],
      corps: gabarit`${bandeau(true)}<header class="barre"><strong>Mon ENT</strong><span>Collège de démonstration Jules-Ferry</span><a href="/">Accueil Trousse</a></header>
<div class="page">
<nav aria-label="Applications"><ul><li><a href="#devoirs">Devoirs</a></li><li><a href="#visio">Visioconférence</a></li><li><a href="/integrer">Intégrer</a></li></ul></nav>
<main>
<h1>Cahier de textes — rendre un devoir</h1>
<section class="carte" id="devoirs" aria-labelledby="t-devoirs"><h2 id="t-devoirs">Devoirs</h2>
<iframe data-trousse src="/embed/rendre-devoir?theme=ode" title="Rendre un devoir" width="100%" height="600"></iframe></section>
<section class="carte" id="visio" aria-labelledby="t-visio"><h2 id="t-visio">Choisir un outil de visioconférence</h2>
<iframe data-trousse src="/embed/choisir-visio?ent=ode&amp;theme=ode" title="Choisir un outil de visioconférence" width="100%" height="600"></iframe></section>
</main></div>`,
    });
  if (type === "sn62")
    return pageComplete({
      titre: "ENT (démonstration, aspect SN62) — Devoirs",
      classe: "sn62",
      scripts: ["/widgets/trousse.js"],
      corps: gabarit`${bandeau(true)}<header><strong>Espace numérique (démonstration)</strong><a href="/">Accueil Trousse</a></header>
<nav class="fil" aria-label="Fil d'Ariane">Accueil › Vie scolaire › Devoirs</nav>
<div class="colonnes"><main><h1>Devoirs à rendre</h1>
<section><trousse-rendre-devoir theme="sn62"></trousse-rendre-devoir></section></main>
<aside><section aria-labelledby="t-visio"><h2 id="t-visio">Visioconférence</h2><trousse-choisir-visio ent="sn62" theme="sn62"></trousse-choisir-visio></section></aside></div>`,
    });
  return pageComplete({
    titre: "Collège Jules-Ferry (démonstration) — Travail à distance",
    classe: "ecole",
    scripts: ["/widgets/trousse.js"],
    corps: gabarit`${bandeau(true)}<header><strong>Collège Jules-Ferry</strong><p>Site de démonstration d'un établissement</p></header>
<nav aria-label="Menu du site"><a href="#devoirs">Devoirs</a><a href="#visio">Classe virtuelle</a><a href="/">Trousse</a></nav>
<main><article><h1>Travailler à distance</h1>
<p>Élèves, rendez vos devoirs ici ; enseignants, suivez les rendus.</p>
<section id="devoirs"><trousse-rendre-devoir></trousse-rendre-devoir></section>
<section id="visio"><h2>Choisir un outil de visioconférence</h2><trousse-choisir-visio niveau="2d"></trousse-choisir-visio></section>
</article></main><footer>Site fictif de démonstration.</footer>`,
  });
}
