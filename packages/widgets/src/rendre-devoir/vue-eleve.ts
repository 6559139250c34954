import {
  formaterDateParis,
  formaterTaille,
  formaterTempsRestant,
  listerFamilles,
  tempsRestant,
} from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import { emettre } from "../shared/evenement.js";
import { langueDeElement } from "../shared/i18n/langue.js";
import type { TrousseRendreDevoir } from "./rendre-devoir.js";
import { televerser } from "./televerser.js";
import type { AccuseReception, Devoir, MonRendu, Rappel, ResumeDevoir } from "./types-api.js";
import { palierAnnonce, verifierAvantEnvoi } from "./verifier-avant-envoi.js";
import { jetonDe } from "./coffre-session.js";

/** One picked file and where its upload stands. */
export interface Envoi {
  cle: number;
  nom: string;
  pourcent: number;
  etat: "envoi" | "reprise" | "termine" | "refuse" | "erreur";
  message?: string;
  id?: string;
  dernierPalier: number;
}

/** Statuses in which the pupil may (still) hand in; the server decides in the end. */
const OUVERTS = new Set(["a-rendre", "rendu", "rendu-en-retard"]);

/**
 * The pupil's side of `<trousse-rendre-devoir>`: reminders, the assignments with their due dates (a
 * countdown in the last 24 hours), one assignment's instructions, subject files, answer key and feedback
 * once released, the drop zone (drag-and-drop, file picker, camera), one progress bar per file, the
 * hand-in and its printable receipt.
 *
 * @example
 * ```ts
 * const vue = new VueEleve(element);
 * await vue.charger(null);
 * vue.rendu(); // a Lit template
 * ```
 */
export class VueEleve {
  devoirs: ResumeDevoir[] = [];
  rappels: Rappel[] = [];
  courant: { devoir: Devoir; statut: string; libelle: string } | undefined;
  monRendu: MonRendu | undefined;
  envois: Envoi[] = [];
  accuse: AccuseReception | undefined;
  declarationCochee = false;
  private cle = 0;

  constructor(private readonly el: TrousseRendreDevoir) {}

  private maj(): void {
    this.el.requestUpdate();
  }

  reinitialiser(): void {
    this.devoirs = [];
    this.rappels = [];
    this.courant = undefined;
    this.monRendu = undefined;
    this.envois = [];
    this.accuse = undefined;
  }

  async charger(devoirId: string | null): Promise<void> {
    const [liste, rappels] = await Promise.all([
      this.el.agir(() => this.el.client.devoirs()),
      this.el.client.rappels().catch(() => undefined),
    ]);
    this.devoirs = liste?.devoirs ?? [];
    this.rappels = rappels?.rappels.filter((r) => !r.lu) ?? [];
    this.maj();
    if (devoirId) await this.ouvrir(devoirId);
  }

  async ouvrir(id: string): Promise<void> {
    const [d, r] = await Promise.all([
      this.el.agir(() => this.el.client.devoir(id)),
      this.el.client.monRendu(id).catch(() => undefined),
    ]);
    if (!d) return;
    this.courant = { devoir: d.devoir, statut: d.statut ?? "", libelle: d.libelle ?? "" };
    this.monRendu = r;
    this.envois = [];
    this.accuse = undefined;
    this.declarationCochee = false;
    this.maj();
    await this.el.updateComplete;
    this.el.renderRoot.querySelector<HTMLElement>("#titre-devoir")?.focus();
  }

  private async fermer(): Promise<void> {
    const id = this.courant?.devoir.id;
    this.courant = undefined;
    await this.charger(null);
    await this.el.updateComplete;
    if (id) this.el.renderRoot.querySelector<HTMLElement>(`[data-devoir="${id}"]`)?.focus();
  }

  private async marquerLu(r: Rappel): Promise<void> {
    await this.el.agir(() => this.el.client.marquerLu(r.id));
    this.rappels = this.rappels.filter((x) => x.id !== r.id);
    this.maj();
  }

  /** Checks then uploads the picked files, each with its own progress bar. */
  async ajouter(fichiers: FileList | File[] | null | undefined): Promise<void> {
    const devoir = this.courant?.devoir;
    if (!devoir || !fichiers) return;
    const t = this.el.t;
    for (const fichier of Array.from(fichiers)) {
      const envoi: Envoi = {
        cle: ++this.cle,
        nom: fichier.name,
        pourcent: 0,
        etat: "envoi",
        dernierPalier: 0,
      };
      const actifs = this.envois.filter((e) => e.etat !== "refuse" && e.etat !== "erreur").length;
      this.envois = [...this.envois, envoi];
      const refus =
        actifs >= devoir.contraintes.nombreMax
          ? `Ce devoir accepte au plus ${devoir.contraintes.nombreMax} fichier${devoir.contraintes.nombreMax > 1 ? "s" : ""}.`
          : (await verifierAvantEnvoi(fichier, devoir.contraintes))?.message;
      if (refus) {
        Object.assign(envoi, { etat: "refuse", message: refus });
        this.el.annoncer(refus);
        this.maj();
        continue;
      }
      this.maj();
      televerser({
        api: this.el.baseApi,
        jeton: () => jetonDe(this.el),
        devoirId: devoir.id,
        fichier,
        onProgres: ({ envoyes, total }) => {
          envoi.pourcent = total ? Math.floor((envoyes / total) * 100) : 0;
          envoi.etat = "envoi";
          const palier = palierAnnonce(envoi.pourcent, envoi.dernierPalier);
          if (palier !== null) {
            envoi.dernierPalier = palier;
            this.el.annoncer(t.envoi(envoi.nom, palier));
          }
          this.maj();
        },
        onReprise: () => {
          envoi.etat = "reprise";
          this.el.annoncer(t.reprise(envoi.nom));
          this.maj();
        },
      }).then(
        (id) => {
          Object.assign(envoi, { id, etat: "termine", pourcent: 100 });
          this.el.annoncer(t.envoiTermine(envoi.nom));
          this.maj();
        },
        (e: unknown) => {
          Object.assign(envoi, { etat: "erreur", message: e instanceof Error ? e.message : String(e) });
          this.el.annoncer(envoi.message ?? "");
          this.maj();
        },
      );
    }
  }

  private retirer(e: Envoi): void {
    this.envois = this.envois.filter((x) => x !== e);
    this.maj();
  }

  private async rendre(): Promise<void> {
    const devoir = this.courant?.devoir;
    if (!devoir) return;
    const ids = this.envois.filter((e) => e.etat === "termine" && e.id).map((e) => e.id!);
    const r = await this.el.agir(() => this.el.client.rendre(devoir.id, ids, this.declarationCochee));
    if (!r) return;
    this.accuse = r.accuseReception;
    this.envois = [];
    this.el.annoncer(`${this.el.t.accuse} : ${r.accuseReception.message}`);
    emettre(this.el, "trousse-rendu", r.accuseReception);
    const [d, m] = await Promise.all([
      this.el.client.devoir(devoir.id).catch(() => undefined),
      this.el.client.monRendu(devoir.id).catch(() => undefined),
    ]);
    if (d && this.courant) Object.assign(this.courant, { statut: d.statut ?? "", libelle: d.libelle ?? "" });
    this.monRendu = m;
    this.maj();
    await this.el.updateComplete;
    this.el.renderRoot.querySelector<HTMLElement>("#titre-accuse")?.focus();
  }

  rendu(): TemplateResult {
    return html`${this.vueRappels()}${this.courant ? this.vueDevoir() : this.vueListe()}`;
  }

  private vueRappels(): TemplateResult | typeof nothing {
    if (this.rappels.length === 0) return nothing;
    return html`<section class="rappels non-imprime" aria-labelledby="titre-rappels">
      <h3 id="titre-rappels">${this.el.t.rappels}</h3>
      <ul>
        ${this.rappels.map(
          (r) =>
            html`<li>
              <strong>${r.titreDevoir}</strong> — ${r.message} <small>(${r.envoyeLeAffiche})</small>
              <button type="button" part="bouton" class="secondaire" @click=${() => void this.marquerLu(r)}>
                ${this.el.t.marquerLu}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private compteARebours(echeance: string): TemplateResult | typeof nothing {
    const reste = tempsRestant(echeance, new Date());
    return reste.moinsDe24h
      ? html`<span class="urgent"
          >${this.el.t.resteMoins(formaterTempsRestant(reste, langueDeElement(this.el)))}</span
        >`
      : nothing;
  }

  private vueListe(): TemplateResult {
    const t = this.el.t;
    const langue = langueDeElement(this.el);
    return html`<section class="non-imprime" aria-labelledby="titre-liste">
      <h3 id="titre-liste">${t.mesDevoirs}</h3>
      ${
        this.devoirs.length === 0
          ? html`<p>${t.aucunDevoir}</p>`
          : html`<ul class="devoirs">
              ${this.devoirs.map(
                (d) =>
                  html`<li class="carte" data-statut=${d.statut ?? ""}>
                    <span class="titre-devoir">${d.titre}</span>
                    <span class="statut" data-statut=${d.statut ?? ""}>${d.libelle}</span>
                    <span>${t.echeance} : ${formaterDateParis(d.echeance, langue)}</span>
                    ${this.compteARebours(d.echeance)}
                    <button
                      type="button"
                      part="bouton"
                      class="secondaire"
                      data-devoir=${d.id}
                      @click=${() => void this.ouvrir(d.id)}
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
    const t = this.el.t;
    const { devoir, statut, libelle } = this.courant!;
    const retenue = this.monRendu?.versions.find((v) => v.retenue);
    return html`<article aria-labelledby="titre-devoir">
      <div class="non-imprime">
        <button type="button" part="bouton" class="lien" @click=${() => void this.fermer()}>
          ← ${t.retourListe}
        </button>
        <h3 id="titre-devoir" tabindex="-1">${devoir.titre}</h3>
        <p>
          <span class="statut" data-statut=${statut}>${libelle}</span>
          ${this.compteARebours(devoir.dates.echeance)}
        </p>
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
                <p class="consignes">${devoir.consignes}</p>`
            : nothing
        }
        ${this.listeFichiers(t.sujets, devoir.sujets)}
        ${devoir.corriges?.length ? this.listeFichiers(t.corrige, devoir.corriges) : nothing}
        ${
          this.monRendu?.retour
            ? html`<section class="retour" aria-labelledby="titre-retour">
                <h4 id="titre-retour">${t.retour}</h4>
                <p class="consignes">${this.monRendu.retour.commentaire}</p>
                <small>${this.monRendu.retour.retourneLeAffiche}</small> ${
                  this.monRendu.retour.fichier
                    ? this.boutonFichier(this.monRendu.retour.fichier.url, this.monRendu.retour.fichier.nom)
                    : nothing
                }
              </section>`
            : nothing
        }
        ${
          retenue && !this.accuse
            ? html`<h4>${t.monRendu}</h4>
                <p>
                  ${t.version} ${retenue.version} — ${t.renduLe} ${retenue.renduLeAffiche} :
                  ${retenue.fichiers.map((f) => f.nom).join(", ")}
                </p>`
            : nothing
        }
      </div>
      ${this.accuse ? this.vueAccuse(this.accuse, devoir) : nothing}
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

  private boutonFichier(url: string, nom: string): TemplateResult {
    return html`<button
      type="button"
      part="bouton"
      class="lien"
      @click=${() => void this.el.telechargerFichier(url, nom)}
    >
      ${this.el.t.telecharger(nom)}
    </button>`;
  }

  private listeFichiers(
    titre: string,
    fichiers: { nom: string; url?: string; taille: number }[],
  ): TemplateResult | typeof nothing {
    if (fichiers.length === 0) return nothing;
    return html`<h4>${titre}</h4>
      <ul>
        ${fichiers.map((f) => html`<li>${f.url ? this.boutonFichier(f.url, f.nom) : f.nom} (${formaterTaille(f.taille, langueDeElement(this.el))})</li>`)}
      </ul>`;
  }

  private zoneDepot(devoir: Devoir, dejaRendu: boolean): TemplateResult {
    const t = this.el.t;
    const langue = langueDeElement(this.el);
    const c = devoir.contraintes;
    const enRetard = Date.parse(devoir.dates.echeance) < Date.now();
    const envoisFinis = this.envois.filter((e) => e.etat === "termine");
    const enAttente = this.envois.some((e) => e.etat === "envoi" || e.etat === "reprise");
    const declarationManque = !!devoir.declarationHonneur && !this.declarationCochee;
    const deposer = (e: DragEvent) => {
      e.preventDefault();
      (e.currentTarget as HTMLElement).classList.remove("survol");
      void this.ajouter(e.dataTransfer?.files);
    };
    const choisir = (e: Event) => {
      const input = e.target as HTMLInputElement;
      void this.ajouter(input.files).then(() => (input.value = ""));
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
        <p>${t.deposer}</p>
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
        </div>
      </div>
      ${
        this.envois.length
          ? html`<ul class="envois">
              ${this.envois.map(
                (e) =>
                  html`<li data-etat=${e.etat}>
                    <span class="nom">${e.nom}</span>
                    ${
                      e.etat === "refuse" || e.etat === "erreur"
                        ? html`<span class="erreur">${e.message}</span>`
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
                      e.etat === "envoi" || e.etat === "reprise"
                        ? nothing
                        : html`<button
                            type="button"
                            part="bouton"
                            class="secondaire"
                            @click=${() => this.retirer(e)}
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
                  .checked=${this.declarationCochee}
                  @change=${(e: Event) => {
                    this.declarationCochee = (e.target as HTMLInputElement).checked;
                    this.maj();
                  }}
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
        ?disabled=${envoisFinis.length === 0 || enAttente || declarationManque || this.el.enCours}
        @click=${() => void this.rendre()}
      >
        ${dejaRendu ? t.remplacer : t.rendre}
      </button>
      ${enAttente ? html`<p class="aide">${t.attendreEnvois}</p>` : nothing}
    </section>`;
  }

  private vueAccuse(a: AccuseReception, devoir: Devoir): TemplateResult {
    const t = this.el.t;
    const langue = langueDeElement(this.el);
    return html`<section part="accuse" class="accuse" aria-labelledby="titre-accuse">
      <h3 id="titre-accuse" tabindex="-1">${t.accuse}</h3>
      <p class="message">${a.message}</p>
      <dl>
        <dt>${t.eleve}</dt>
        <dd>${a.eleve.nomAffiche}</dd>
        <dt>${t.titreDevoir}</dt>
        <dd>${devoir.titre}</dd>
        <dt>${t.renduLe}</dt>
        <dd>${a.renduLeAffiche} — ${a.ponctualiteLibelle}</dd>
        <dt>${t.version}</dt>
        <dd>${a.version}</dd>
      </dl>
      <h4>${t.fichiers}</h4>
      <ul>
        ${a.fichiers.map(
          (f) =>
            html`<li>
              ${f.nom} (${formaterTaille(f.taille, langue)})<br /><small
                >${t.empreinte} : <code>${f.sha256}</code></small
              >
            </li>`,
        )}
      </ul>
      <button type="button" part="bouton" class="secondaire non-imprime" @click=${() => globalThis.print()}>
        ${t.imprimer}
      </button>
    </section>`;
  }
}
