import { gabarit } from "../pages/html.js";
import { pageComplete } from "./pages-embed.js";

const option = (v: string, libelle: string) => gabarit`<option value="${v}">${libelle}</option>`;

/**
 * The configurator `/integrer`: pick a widget and its options, see it live in an iframe, copy the
 * script-tag snippet (versioned URL + `integrity` + `crossorigin`, and `modulepreload` hints for the files
 * the widget's first render needs) or the iframe snippet (+ the optional host script for automatic
 * height). The ENT to sign in with is chosen among the configured ones; the address of the host page is
 * checked against the configured origins (a script-tag widget elsewhere cannot sign in). The page's
 * script is `/embed/integrer.js`.
 *
 * @example
 * c.html(pageIntegrer(true, { ents: [{ id: "ode-paris", nom: "ODE Paris" }], origines: ["https://ent.exemple.fr"] }));
 */
export function pageIntegrer(
  demo: boolean,
  config: { ents?: readonly { id: string; nom: string }[]; origines?: readonly string[] } = {},
): string {
  const ents = [...(demo ? [{ id: "demo", nom: "Démonstration" }] : []), ...(config.ents ?? [])];
  const bandeauDemo = demo
    ? gabarit`<p class="bandeau-demo" role="status" data-trousse-demo>Mode démonstration : comptes et données fictifs.</p>`
    : "";
  return pageComplete({
    titre: "Intégrer un widget Trousse",
    scripts: ["/embed/integrer.js", "/embed/hote.js"],
    corps: gabarit`${bandeauDemo}<main>
<h1>Intégrer un widget Trousse</h1>
<p>Choisissez un widget et ses options, vérifiez l'aperçu, puis copiez l'extrait dans votre page. Dans une page
ODE (qui retire les balises <code>&lt;script&gt;</code>), utilisez l'iframe.</p>
<section aria-labelledby="t-securite" id="securite"><h2 id="t-securite">Balise script ou iframe : la sécurité du jeton</h2>
<p>Avec la <strong>balise script</strong>, le widget vit dans votre page : tout script de cette page peut écouter
les messages de la fenêtre de connexion et y lire le jeton de l'élève, envelopper <code>fetch</code> pour lire
l'en-tête <code>Authorization</code> des requêtes du widget, ou cliquer ses boutons — et agir au nom de l'élève
jusqu'à l'expiration du jeton. Le widget ne l'expose plus par ses propriétés (champ privé), mais ne peut pas
fermer ces chemins-là. Avec l'<strong>iframe</strong>, rien de cela : votre page ne voit ni les messages, ni les
requêtes, ni le contenu du widget.</p>
<p><strong>Si votre page porte des scripts tiers</strong> (statistiques, publicité, modules d'autres éditeurs),
<strong>utilisez l'iframe</strong>. Sur un poste partagé, le widget se déconnecte après 30 minutes sans activité
(attribut <code>delai-inactivite</code>, en minutes).</p></section>
<div class="integrer">
<form id="options" aria-label="Options du widget" data-origines="${JSON.stringify(config.origines ?? [])}" data-demo="${demo ? "1" : ""}">
<p class="champ"><label for="i-widget">Widget</label><select id="i-widget" name="widget">${option("choisir-visio", "Choisir un outil de visioconférence")}${option("rendre-devoir", "Rendre un devoir")}</select></p>
<p class="champ" data-pour="choisir-visio"><label for="i-ent">Type d'ENT de l'établissement</label><select id="i-ent" name="ent">${option("", "(demander)")}${option("ode", "ODE (Open Digital Education)")}${option("sn62", "SN62 (collèges du Pas-de-Calais)")}${option("autre", "Un autre ENT")}${option("aucun", "Pas d'ENT")}</select></p>
<p class="champ" data-pour="rendre-devoir"><label for="i-ent-connexion">ENT de connexion</label><select id="i-ent-connexion" name="ent-connexion">${option("", "(l'utilisateur choisit)")}${ents.map((e) => option(e.id, `${e.nom} (${e.id})`))}</select></p>
<p class="champ" data-pour="choisir-visio rendre-devoir"><label for="i-page">Adresse de la page qui accueillera le widget (facultatif)</label><input id="i-page" name="page" type="url" placeholder="https://ent.exemple.fr/ma-page" aria-describedby="avis-origine"></p>
<p id="avis-origine" class="avis-origine" role="status"></p>
<p class="champ" data-pour="rendre-devoir"><label for="i-devoir">Devoir (identifiant, facultatif)</label><input id="i-devoir" name="devoir"></p>
<p class="champ" data-pour="choisir-visio"><label for="i-organisateur">Rôle de l'organisateur</label><select id="i-organisateur" name="organisateur">${option("", "(demander)")}${option("enseignant", "Enseignant")}${option("personnel-direction", "Personnel de direction")}${option("personnel-administratif", "Personnel administratif")}${option("inspection-formation", "Inspection, formation")}</select></p>
<p class="champ" data-pour="choisir-visio"><label for="i-niveau">Niveau</label><select id="i-niveau" name="niveau">${option("", "(demander)")}${option("1d", "1er degré")}${option("2d", "2d degré")}</select></p>
<p class="champ" data-pour="choisir-visio rendre-devoir"><label for="i-lang">Langue</label><select id="i-lang" name="lang">${option("", "Français")}${option("en", "English")}</select></p>
<p class="champ" data-pour="choisir-visio rendre-devoir"><label for="i-theme">Thème</label><select id="i-theme" name="theme">${option("", "Neutre")}${option("ode", "ODE")}${option("sn62", "SN62")}</select></p>
</form>
<div>
<h2>Aperçu</h2>
<iframe id="apercu" class="apercu" data-trousse title="Aperçu du widget" width="100%" height="520"></iframe>
<h2>Balise script (version figée, intégrité SRI)</h2>
<label for="extrait-script" class="visuellement-cache">Extrait balise script</label>
<textarea id="extrait-script" rows="6" readonly></textarea>
<button type="button" data-cible="extrait-script">Copier l'extrait script</button>
<h2>Iframe (pages ODE)</h2>
<label for="extrait-iframe" class="visuellement-cache">Extrait iframe</label>
<textarea id="extrait-iframe" rows="6" readonly></textarea>
<button type="button" data-cible="extrait-iframe">Copier l'extrait iframe</button>
<p id="statut-copie" role="status"></p>
</div>
</div>
</main>`,
  });
}
