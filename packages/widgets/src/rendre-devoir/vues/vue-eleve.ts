import {
  formaterDateParis,
  formaterTaille,
  formaterTempsRestant,
  listerFamilles,
  tempsRestant,
} from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import type { EleveControleur } from "../controleurs/eleve.js";
import type { Devoir } from "../types-api.js";
import { boutonFichier, texteAvecLiens, type ContexteVue } from "./commun.js";
import { phraseDelai, type DatesPourDelai, type DelaiVu } from "./delai.js";
import { recuDepuisAccuse, recuDepuisVersion, vueAccuse } from "./vue-accuse.js";

/** Statuses in which the pupil may (still) hand in; the server decides in the end. */
const OUVERTS = new Set(["a-rendre", "rendu", "rendu-en-retard"]);

/**
 * The pupil's side of `<trousse-rendre-devoir>`, rendering only (state and API work:
 * {@link EleveControleur}): reminders, the assignments with their due dates (a countdown in the last 24
 * hours), one assignment's instructions, subject files, answer key and feedback once released, the drop
 * zone (drag-and-drop, file picker, camera), one progress bar per file, the hand-in and its printable
 * receipt.
 *
 * @example
 * ```ts
 * html`${vueEleve({ hote, api }, eleve)}`;
 * ```
 */
export function vueEleve(c: ContexteVue, eleve: EleveControleur): TemplateResult {
  return new VueEleve(c, eleve).rendu();
}

/** One render of the pupil's view (a short-lived object: nothing is kept between renders). */
class VueEleve {
  private readonly t;
  private readonly langue;
  constructor(
    private readonly c: ContexteVue,
    private readonly e: EleveControleur,
  ) {
    this.t = c.hote.t;
    this.langue = c.hote.langueUi;
  }

  rendu(): TemplateResult {
    return html`${this.vueRappels()}${this.e.courant ? this.vueDevoir() : this.vueListe()}`;
  }

  private vueRappels(): TemplateResult | typeof nothing {
    if (this.e.rappels.length === 0) return nothing;
    return html`<section class="rappels non-imprime" aria-labelledby="titre-rappels">
      <h3 id="titre-rappels">${this.t.rappels}</h3>
      <ul>
        ${this.e.rappels.map(
          (r) =>
            html`<li>
              <strong>${r.titreDevoir}</strong> — ${r.message} <small>(${r.envoyeLeAffiche})</small>
              <button type="button" part="bouton" class="secondaire" @click=${() => void this.e.marquerLu(r)}>
                ${this.t.marquerLu}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private compteARebours(echeance: string): TemplateResult | typeof nothing {
    const reste = tempsRestant(echeance, new Date());
    return reste.moinsDe24h
      ? html`<span class="urgent">${this.t.resteMoins(formaterTempsRestant(reste, this.langue))}</span>`
      : nothing;
  }

  private vueListe(): TemplateResult {
    const t = this.t;
    const langue = this.langue;
    return html`<section
      class="non-imprime"
      aria-labelledby="titre-liste"
      aria-busy=${this.e.chargement ? "true" : "false"}
    >
      <h3 id="titre-liste" tabindex="-1">${t.mesDevoirs}</h3>
      ${
        this.e.chargement
          ? html`<p class="chargement" role="status">${t.chargement}</p>`
          : this.e.devoirs.length === 0
            ? html`<p>${t.aucunDevoir}</p>`
            : html`<ul class="devoirs">
                ${this.e.devoirs.map(
                  (d) =>
                    html`<li class="carte" data-statut=${d.statut ?? ""}>
                      <span class="titre-devoir">${d.titre}</span>
                      <span class="statut" data-statut=${d.statut ?? ""}>${d.libelle}</span>
                      <span>${t.echeance} : ${formaterDateParis(d.echeance, langue)}</span>
                      ${this.delai(d, d.delaiAccorde)}
                      ${this.compteARebours(d.delaiAccorde?.echeance ?? d.echeance)}
                      <button
                        type="button"
                        part="bouton"
                        class="secondaire"
                        data-devoir=${d.id}
                        @click=${() => void this.e.ouvrir(d.id)}
                      >
                        ${t.ouvrir}<span class="visuellement-cache"> : ${d.titre}</span>
                      </button>
                    </li>`,
                )}
              </ul>`
      }
    </section>`;
  }

  private vueDevoir(): TemplateResult {
    const t = this.t;
    const { devoir, statut, libelle, delaiAccorde } = this.e.courant!;
    const retenue = this.e.monRendu?.versions.find((v) => v.retenue);
    return html`<article aria-labelledby="titre-devoir">
      <div class="non-imprime">
        <button type="button" part="bouton" class="lien" @click=${() => void this.e.fermer()}>
          ← ${t.retourListe}
        </button>
        <h3 id="titre-devoir" tabindex="-1">${devoir.titre}</h3>
        <p>
          <span class="statut" data-statut=${statut}>${libelle}</span>
          ${this.compteARebours(delaiAccorde?.echeance ?? devoir.dates.echeance)}
        </p>
        ${this.delai(devoir.dates, delaiAccorde, "p")}
        <dl class="dates">
          <dt>${t.echeance}</dt>
          <dd>${devoir.datesAffichees.echeance}</dd>
          ${
            devoir.datesAffichees.dateLimite
              ? html`<dt>${t.dateLimite}</dt>
                  <dd>${devoir.datesAffichees.dateLimite}</dd>`
              : nothing
          }
        </dl>
        ${
          devoir.consignes
            ? html`<h4>${t.consignes}</h4>
                <p class="consignes">${texteAvecLiens(devoir.consignes, t.nouvelleFenetre)}</p>`
            : nothing
        }
        ${this.listeFichiers(t.sujets, devoir.sujets)}
        ${devoir.corriges?.length ? this.listeFichiers(t.corrige, devoir.corriges) : nothing}
        ${
          this.e.monRendu?.retour
            ? html`<section class="retour" aria-labelledby="titre-retour">
                <h4 id="titre-retour">${t.retour}</h4>
                <p class="consignes">
                  ${texteAvecLiens(this.e.monRendu.retour.commentaire, t.nouvelleFenetre)}
                </p>
                <small>${this.e.monRendu.retour.retourneLeAffiche}</small> ${
                  this.e.monRendu.retour.fichier
                    ? boutonFichier(
                        this.c,
                        this.e.monRendu.retour.fichier.url,
                        this.e.monRendu.retour.fichier.nom,
                      )
                    : nothing
                }
              </section>`
            : nothing
        }
        ${this.mesRendus()}
      </div>
      ${this.accuse(devoir)}
      ${
        statut === "ferme"
          ? html`<p class="avis non-imprime">${t.ferme}</p>`
          : statut === "a-venir"
            ? html`<p class="avis non-imprime">${t.aVenir}</p>`
            : OUVERTS.has(statut)
              ? this.zoneDepot(devoir, !!retenue)
              : nothing
      }
    </article>`;
  }

  /** « Délai accordé jusqu'au … » when the teacher gave this pupil an extension. */
  private delai(
    dates: DatesPourDelai,
    delai: DelaiVu | null | undefined,
    balise: "span" | "p" = "span",
  ): TemplateResult | typeof nothing {
    const phrase = phraseDelai(dates, delai, this.langue);
    if (!phrase) return nothing;
    return balise === "p" ? html`<p class="delai">${phrase}</p>` : html`<span class="delai">${phrase}</span>`;
  }

  private listeFichiers(
    titre: string,
    fichiers: { nom: string; url?: string; taille: number }[],
  ): TemplateResult | typeof nothing {
    if (fichiers.length === 0) return nothing;
    return html`<h4>${titre}</h4>
      <ul>
        ${fichiers.map((f) => html`<li>${f.url ? boutonFichier(this.c, f.url, f.nom) : f.nom} (${formaterTaille(f.taille, this.langue)})</li>`)}
      </ul>`;
  }

  /** « Mes rendus »: every version, the one that counts marked, each with its receipt a click away. */
  private mesRendus(): TemplateResult | typeof nothing {
    const versions = this.e.monRendu?.versions ?? [];
    if (versions.length === 0) return nothing;
    const t = this.t;
    return html`<h4>${t.mesRendus}</h4>
      <ul class="versions">
        ${[...versions]
          .sort((a, b) => b.version - a.version)
          .map(
            (v) =>
              html`<li>
                <span
                  >${t.version}
                  ${v.version}${v.retenue ? html` <strong>(${t.versionRetenue})</strong>` : nothing} —
                  ${t.renduLe} ${v.renduLeAffiche} : ${v.fichiers.map((f) => f.nom).join(", ")}</span
                >
                <button
                  type="button"
                  part="bouton"
                  class="lien"
                  data-accuse=${v.version}
                  @click=${() => void this.e.voirAccuse(v.version)}
                >
                  ${t.voirAccuse(v.version)}
                </button>
              </li>`,
          )}
      </ul>`;
  }

  /** The receipt shown: the one just answered, or an earlier version's asked for again. */
  private accuse(devoir: Devoir): TemplateResult | typeof nothing {
    const nom = this.c.api.profil?.nomAffiche ?? "";
    const fermer = () => void this.e.fermerAccuse();
    const duRecu = { titre: devoir.titre, ...devoir.dates };
    if (this.e.accuse) return vueAccuse(this.c, recuDepuisAccuse(this.e.accuse, duRecu, this.langue), fermer);
    const v = this.e.monRendu?.versions.find((x) => x.version === this.e.versionAccuse);
    return v ? vueAccuse(this.c, recuDepuisVersion(v, nom, duRecu, this.langue), fermer) : nothing;
  }

  private zoneDepot(devoir: Devoir, dejaRendu: boolean): TemplateResult {
    const t = this.t;
    const langue = this.langue;
    const c = devoir.contraintes;
    // The pupil's own due date when the teacher gave an extension.
    const enRetard = Date.parse(this.e.courant?.delaiAccorde?.echeance ?? devoir.dates.echeance) < Date.now();
    // « Rendre » may be pressed while files are still going up: it time-stamps the hand-in at once (the
    // commitment), then hands the files in when they are all on the server.
    const actifs = this.e.envois.actifs();
    const declarationManque = !!devoir.declarationHonneur && !this.e.declarationCochee;
    const manques = [
      ...(actifs.length === 0 ? [t.manqueFichier] : []),
      ...(declarationManque ? [t.manqueDeclaration] : []),
    ];
    const deposer = (e: DragEvent) => {
      e.preventDefault();
      (e.currentTarget as HTMLElement).classList.remove("survol");
      void this.e.envois.ajouter(e.dataTransfer?.files, devoir);
    };
    const choisir = (e: Event) => {
      const input = e.target as HTMLInputElement;
      void this.e.envois.ajouter(input.files, devoir).then(() => (input.value = ""));
    };
    return html`<section class="depot non-imprime" aria-labelledby="titre-depot">
      <h4 id="titre-depot">${dejaRendu ? t.remplacer : t.rendre}</h4>
      ${enRetard ? html`<p class="avis">${t.enRetard}</p>` : nothing}
      <div
        part="zone-depot"
        class="zone"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          (e.currentTarget as HTMLElement).classList.add("survol");
        }}
        @dragleave=${(e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove("survol")}
        @drop=${deposer}
      >
        <p id="aide-depot">
          ${t.accepte(listerFamilles(c.familles, langue), formaterTaille(c.tailleMaxOctets, langue), c.nombreMax)}
        </p>
        <p class="glisser">${t.deposer}</p>
        <div class="choix">
          <label class="bouton-fichier" part="bouton"
            >${t.choisirFichiers}<input type="file" multiple aria-describedby="aide-depot" @change=${choisir}
          /></label>
          ${
            c.familles.includes("image")
              ? html`<label class="bouton-fichier" part="bouton"
                  >${t.photo}<input type="file" accept="image/*" capture="environment" @change=${choisir}
                /></label>`
              : nothing
          }
          ${
            c.familles.includes("document")
              ? html`<button
                  type="button"
                  part="bouton"
                  class="secondaire"
                  aria-expanded="false"
                  @click=${(e: Event) => {
                    // The button, taken now: once the event is dispatched, its target is retargeted to the widget.
                    const b = e.currentTarget as HTMLElement;
                    void import("../scan/scan-copie.js").then((m) =>
                      m.ouvrirScan(b, devoir, langue, (f) => void this.e.envois.ajouter([f], devoir)),
                    );
                  }}
                >
                  ${t.photographierCopie}
                </button>`
              : nothing
          }
        </div>
      </div>
      ${
        this.e.envois.envois.length
          ? html`<ul class="envois">
              ${this.e.envois.envois.map(
                (e) =>
                  html`<li data-etat=${e.etat}>
                    ${e.apercu ? html`<img class="apercu" src=${e.apercu} alt=${t.apercu(e.nom)} />` : nothing}
                    <span class="nom">${e.nom}</span>
                    ${
                      e.etat === "refuse" || e.etat === "erreur"
                        ? html`<span class="erreur">${e.message}</span>`
                        : e.etat === "attente"
                          ? html`<span class="occupe">${e.message}</span>`
                          : html`<progress
                                part="progression"
                                max="100"
                                .value=${e.pourcent}
                                aria-label=${e.nom}
                              ></progress>
                              <span
                                >${e.etat === "termine" ? t.etatTermine : e.etat === "reprise" ? t.etatReprise : `${e.pourcent} %`}</span
                              >`
                    }
                    ${
                      e.etat === "envoi" || e.etat === "reprise" || e.etat === "attente"
                        ? nothing
                        : html`<button
                            type="button"
                            part="bouton"
                            class="secondaire"
                            @click=${() => this.e.envois.retirer(e)}
                          >
                            ${t.retirer("")}<span class="visuellement-cache">${e.nom}</span>
                          </button>`
                    }
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        devoir.declarationHonneur
          ? html`<p class="declaration">
              <label
                ><input
                  type="checkbox"
                  .checked=${this.e.declarationCochee}
                  @change=${(e: Event) => this.e.cocherDeclaration((e.target as HTMLInputElement).checked)}
                />
                ${t.declaration} <span>${devoir.declarationHonneur}</span></label
              >
            </p>`
          : nothing
      }
      <button
        type="button"
        part="bouton bouton-principal"
        class="principal"
        aria-describedby=${manques.length ? "raison-rendre" : nothing}
        ?disabled=${actifs.length === 0 || declarationManque || this.c.api.enCours || this.e.rendreEnCours}
        @click=${() => void this.e.rendre()}
      >
        ${dejaRendu ? t.remplacer : t.rendre}
      </button>
      ${manques.length ? html`<p id="raison-rendre" class="aide raison">${t.pourRendre(manques)}</p>` : nothing}
      ${this.e.engagement ? html`<p class="engagement" role="status">${this.e.engagement.message}</p>` : nothing}
    </section>`;
  }
}
