import { formaterDateParis, nomFamille } from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import { FAMILLES, valeursInitiales } from "../formulaire-devoir.js";
import type { Suivi } from "../types-api.js";
import type { ContexteVue } from "../vues/commun.js";
import type { EnseignantControleur } from "./enseignant-controleur.js";
import { vignette } from "./apercus.js";
import { celluleDelai, vueDelai } from "./vue-delai.js";
import { vueChargeEcheance } from "./charge-echeance.js";

export { EnseignantControleur } from "./enseignant-controleur.js";

/**
 * The teacher's side of `<trousse-rendre-devoir>`, rendering only (state and API work:
 * {@link EnseignantControleur}): the assignments set, a form to create or edit one (dates in Paris time,
 * file constraints, honesty statement), and the follow-up of one assignment (vu, rendu, en retard, non
 * rendu), with downloads (each file, or everything as a ZIP), a reminder and feedback. This module and the
 * controller are one chunk, downloaded after a teacher signs in (pupils never load it).
 *
 * @example
 * ```ts
 * const { EnseignantControleur, vueEnseignant } = await import("./enseignant/vue-enseignant.js");
 * html`${vueEnseignant({ hote, api }, new EnseignantControleur(hote, api))}`;
 * ```
 */
export function vueEnseignant(c: ContexteVue, enseignant: EnseignantControleur): TemplateResult {
  return new VueEnseignant(c, enseignant).rendu();
}

/** One render of the teacher's view. */
class VueEnseignant {
  private readonly t;
  private readonly langue;
  constructor(
    private readonly c: ContexteVue,
    private readonly e: EnseignantControleur,
  ) {
    this.t = c.hote.t;
    this.langue = c.hote.langueUi;
  }

  private vueFichiersDevoir(): TemplateResult | typeof nothing {
    const d = this.e.devoirSuivi;
    if (!d) return nothing;
    const t = this.t;
    const liste = (titre: string, fichiers: { nom: string; url?: string }[] | null) =>
      fichiers?.length
        ? html`<p>
            ${titre} :
            ${fichiers.map(
              (f) =>
                html`<button
                  type="button"
                  part="bouton"
                  class="lien"
                  @click=${() => void this.c.api.telechargerFichier(f.url ?? "", f.nom)}
                >
                  ${t.telecharger(f.nom)}
                </button>`,
            )}
          </p>`
        : nothing;
    const ajout = (nature: "sujet" | "corrige", libelle: string) =>
      html`<label class="bouton-fichier" part="bouton"
        >${libelle}<input
          type="file"
          multiple
          ?disabled=${this.c.api.enCours}
          @change=${(e: Event) => void this.e.joindre(nature, e.target as HTMLInputElement)}
      /></label>`;
    return html`<section aria-labelledby="titre-fichiers-devoir">
      <h4 id="titre-fichiers-devoir">${t.fichiersDevoir}</h4>
      ${liste(t.sujets, d.sujets)} ${liste(t.corrige, d.corriges)}
      ${d.datesAffichees.publicationCorrige ? html`<p class="aide">${t.publicationCorrige} : ${d.datesAffichees.publicationCorrige}</p>` : nothing}
      <div class="choix">${ajout("sujet", t.ajouterSujet)} ${ajout("corrige", t.ajouterCorrige)}</div>
    </section>`;
  }

  rendu(): TemplateResult {
    if (this.e.edition !== undefined) return this.vueFormulaire();
    if (this.e.suivi) return this.vueSuivi(this.e.suivi);
    return this.vueListe();
  }

  private vueListe(): TemplateResult {
    const t = this.t;
    const langue = this.langue;
    return html`<section aria-labelledby="titre-liste" aria-busy=${this.e.chargement ? "true" : "false"}>
      <h3 id="titre-liste" tabindex="-1">${t.mesDevoirsEnseignant}</h3>
      <button
        type="button"
        part="bouton bouton-principal"
        class="principal"
        @click=${() => void this.e.nouveau()}
      >
        ${t.nouveauDevoir}
      </button>
      ${
        this.e.chargement
          ? html`<p class="chargement" role="status">${t.chargement}</p>`
          : this.e.devoirs.length === 0
            ? html`<p>${t.aucunDevoir}</p>`
            : html`<ul class="devoirs">
                ${this.e.devoirs.map(
                  (d) =>
                    html`<li class="carte">
                      <span class="titre-devoir">${d.titre}</span>
                      <span>${t.echeance} : ${formaterDateParis(d.echeance, langue)}</span>
                      <span class="actions">
                        <button
                          type="button"
                          part="bouton"
                          class="secondaire"
                          data-suivi=${d.id}
                          @click=${() => void this.e.ouvrirSuivi(d.id)}
                        >
                          ${t.suivi}<span class="visuellement-cache"> : ${d.titre}</span>
                        </button>
                        <button
                          type="button"
                          part="bouton"
                          class="secondaire"
                          @click=${() => void this.e.modifier(d.id)}
                        >
                          ${t.modifier}<span class="visuellement-cache"> : ${d.titre}</span>
                        </button>
                      </span>
                    </li>`,
                )}
              </ul>`
      }
    </section>`;
  }

  private vueFormulaire(): TemplateResult {
    const t = this.t;
    const langue = this.langue;
    const v = valeursInitiales(this.e.edition ?? undefined);
    const date = (nom: keyof typeof v & string, libelle: string, requis: boolean) =>
      html`<p class="champ">
        <label for="f-${nom}">${libelle} <small>(${t.heureParis})</small></label>
        <input
          id="f-${nom}"
          name=${nom}
          type="datetime-local"
          .value=${v[nom] as string}
          ?required=${requis}
          @change=${nom === "echeance" ? (e: Event) => void this.e.charge.verifier((e.target as HTMLInputElement).value, this.e.edition?.id) : nothing}
        />
      </p>`;
    return html`<form
      class="formulaire"
      aria-labelledby="titre-formulaire"
      @submit=${(e: SubmitEvent) => void this.e.enregistrer(e)}
    >
      <h3 id="titre-formulaire" tabindex="-1">
        ${this.e.edition ? `${t.modifier} : ${this.e.edition.titre}` : t.nouveauDevoir}
      </h3>
      ${
        this.e.edition
          ? nothing
          : html`<p class="champ">
              <label for="f-groupe">${t.groupe}</label>
              <select id="f-groupe" name="groupeId" required>
                ${this.e.groupes.map((g) => html`<option value=${g.id}>${g.nom}</option>`)}
              </select>
            </p>`
      }
      <p class="champ">
        <label for="f-titre">${t.titreDevoir}</label>
        <input id="f-titre" name="titre" required maxlength="200" .value=${v.titre} />
      </p>
      <p class="champ">
        <label for="f-consignes">${t.consignes}</label>
        <textarea
          id="f-consignes"
          name="consignes"
          rows="4"
          maxlength="20000"
          .value=${v.consignes}
        ></textarea>
      </p>
      ${date("ouverture", t.ouverture, true)} ${date("echeance", t.echeance, true)}
      ${vueChargeEcheance(t, this.e.charge, "f-echeance")} ${date("dateLimite", t.dateLimite, false)}
      ${date("publicationCorrige", t.publicationCorrige, false)}
      <fieldset>
        <legend>${t.familles}</legend>
        ${FAMILLES.map(
          (f) =>
            html`<label class="case"
              ><input type="checkbox" name="familles" value=${f} .checked=${v.familles.includes(f)} />
              ${nomFamille(f, langue, true)}</label
            >`,
        )}
      </fieldset>
      <p class="champ">
        <label for="f-taille">${t.tailleMax}</label>
        <input
          id="f-taille"
          name="tailleMaxMo"
          type="number"
          min="1"
          max="2048"
          required
          .value=${v.tailleMaxMo}
        />
      </p>
      <p class="champ">
        <label for="f-nombre">${t.nombreMax}</label>
        <input id="f-nombre" name="nombreMax" type="number" min="1" max="20" required .value=${v.nombreMax} />
      </p>
      <p class="champ">
        <label for="f-declaration">${t.declarationHonneur}</label>
        <textarea
          id="f-declaration"
          name="declarationHonneur"
          rows="2"
          maxlength="1000"
          .value=${v.declarationHonneur}
        ></textarea>
      </p>
      <p class="actions">
        <button
          type="submit"
          part="bouton bouton-principal"
          class="principal"
          ?disabled=${this.c.api.enCours}
        >
          ${t.enregistrer}
        </button>
        <button type="button" part="bouton" class="secondaire" @click=${() => this.e.fermer()}>
          ${t.annuler}
        </button>
      </p>
    </form>`;
  }

  private vueSuivi(s: Suivi): TemplateResult {
    const t = this.t;
    const id = s.devoir.id;
    const nomZip = `rendus ${s.devoir.groupe.nom} ${s.devoir.titre}.zip`;
    return html`<section aria-labelledby="titre-suivi">
      <button type="button" part="bouton" class="lien" @click=${() => this.e.fermer()}>
        ← ${t.retourListe}
      </button>
      <h3 id="titre-suivi" tabindex="-1">
        ${t.suivi} : ${s.devoir.titre} <small>(${s.devoir.groupe.nom})</small>
      </h3>
      ${this.vueFichiersDevoir()}
      <p class="compte">
        ${Object.entries(s.compte).map(([k, n]) => html`<span class="statut" data-statut=${k}>${s.eleves.find((e) => e.statut === k)?.libelle ?? k} : ${n}</span> `)}
      </p>
      <p class="actions">
        <button
          type="button"
          part="bouton"
          class="secondaire"
          @click=${() => void this.c.api.telechargerFichier(`/v1/devoirs/${id}/rendus.zip`, nomZip)}
        >
          ${t.telechargerTout}
        </button>
      </p>
      <form class="rappel" @submit=${(e: SubmitEvent) => void this.e.rappeler(e)}>
        <label for="f-rappel">${t.messageRappel}</label>
        <textarea id="f-rappel" name="message" rows="2" maxlength="1000"></textarea>
        <button type="submit" part="bouton" class="secondaire" ?disabled=${this.c.api.enCours}>
          ${t.envoyerRappel}
        </button>
      </form>
      ${this.e.confirmation ? html`<p class="confirmation" part="confirmation">${this.e.confirmation}</p>` : nothing}
      ${vueDelai(this.c, this.e.delai, s, this.e.devoirSuivi)}
      <div class="defilement" tabindex="0" role="region" aria-label=${t.tableauSuivi}>
        <table part="tableau" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${t.eleve}</th>
              <th scope="col" role="columnheader">${t.statut}</th>
              <th scope="col" role="columnheader">${t.fichiers}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${s.eleves.map(
              (l) =>
                html`<tr role="row" data-eleve=${l.eleve.id}>
                  <th scope="row" role="rowheader">${l.eleve.nomAffiche}</th>
                  <td role="cell">
                    <span class="statut" data-statut=${l.statut}>${l.libelle}</span>
                    ${l.rendu ? html`<br /><small>${l.rendu.renduLeAffiche}${l.rendu.retourne ? ` — ${t.retourne}` : ""}</small>` : nothing}
                    ${celluleDelai(this.c, this.e.delai, l, this.e.devoirSuivi)}
                  </td>
                  <td role="cell">
                    ${
                      l.rendu
                        ? html`${l.rendu.fichiers.map(
                              (f) =>
                                html`${vignette(this.e.apercus, f, t.apercu(f.nom))}<button
                                    type="button"
                                    part="bouton"
                                    class="lien"
                                    @click=${() => void this.c.api.telechargerFichier(f.url ?? "", f.nom)}
                                  >
                                    ${t.telecharger(f.nom)}</button
                                  >${f.pages ? html` <small class="pages">(${t.pages(f.pages)})</small>` : nothing} `,
                            )}
                            <form class="retour" @submit=${(e: SubmitEvent) => void this.e.retourner(e, l)}>
                              <label for="r-${l.eleve.id}">${t.commentaire(l.eleve.nomAffiche)}</label>
                              <textarea id="r-${l.eleve.id}" name="commentaire" rows="2"></textarea>
                              <label for="rf-${l.eleve.id}">${t.fichierRetour}</label>
                              <input id="rf-${l.eleve.id}" name="fichier" type="file" />
                              <button type="submit" part="bouton" class="secondaire">
                                ${t.envoyerRetour}
                              </button>
                            </form>`
                        : nothing
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}
