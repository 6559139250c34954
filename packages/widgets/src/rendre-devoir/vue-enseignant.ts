import { formaterDateParis, nomFamille } from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import { emettre } from "../shared/evenement.js";
import { langueDeElement } from "../shared/i18n/langue.js";
import { FAMILLES, lireFormulaire, saisieDepuisFormulaire, valeursInitiales } from "./formulaire-devoir.js";
import type { TrousseRendreDevoir } from "./rendre-devoir.js";
import { televerser } from "./televerser.js";
import type { Devoir, Groupe, LigneSuivi, ResumeDevoir, Suivi } from "./types-api.js";
import { palierAnnonce } from "./verifier-avant-envoi.js";
import { jetonDe } from "./coffre-session.js";

/**
 * The teacher's side of `<trousse-rendre-devoir>`: the assignments set, a form to create or edit one (dates
 * in Paris time, file constraints, honesty statement), and the follow-up of one assignment (vu, rendu, en
 * retard, non rendu), with downloads (each file, or everything as a ZIP), a reminder and feedback.
 *
 * @example
 * ```ts
 * const vue = new VueEnseignant(element);
 * await vue.charger(null);
 * ```
 */
export class VueEnseignant {
  devoirs: ResumeDevoir[] = [];
  groupes: Groupe[] = [];
  /** `null`: a new assignment; a Devoir: editing it; undefined: no form. */
  edition: Devoir | null | undefined;
  suivi: Suivi | undefined;
  /** The assignment followed, for its subject and answer-key files. */
  devoirSuivi: Devoir | undefined;

  constructor(private readonly el: TrousseRendreDevoir) {}

  private maj(): void {
    this.el.requestUpdate();
  }

  reinitialiser(): void {
    this.devoirs = [];
    this.devoirSuivi = undefined;
    this.edition = undefined;
    this.suivi = undefined;
  }

  async charger(devoirId: string | null): Promise<void> {
    const [liste, groupes] = await Promise.all([
      this.el.agir(() => this.el.client.devoirs()),
      this.el.client.groupes().catch(() => undefined),
    ]);
    this.devoirs = liste?.devoirs ?? [];
    this.groupes = groupes?.groupes ?? [];
    this.maj();
    if (devoirId) await this.ouvrirSuivi(devoirId);
  }

  private async focaliser(selecteur: string): Promise<void> {
    await this.el.updateComplete;
    this.el.renderRoot.querySelector<HTMLElement>(selecteur)?.focus();
  }

  private async nouveau(): Promise<void> {
    this.edition = null;
    this.suivi = undefined;
    this.maj();
    await this.focaliser("#titre-formulaire");
  }

  private async modifier(id: string): Promise<void> {
    const r = await this.el.agir(() => this.el.client.devoir(id));
    if (!r) return;
    this.edition = r.devoir;
    this.suivi = undefined;
    this.maj();
    await this.focaliser("#titre-formulaire");
  }

  private async enregistrer(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const saisie = saisieDepuisFormulaire(lireFormulaire(new FormData(e.target as HTMLFormElement)));
    const edite = this.edition;
    const r = await this.el.agir(() =>
      edite ? this.el.client.modifierDevoir(edite.id, saisie) : this.el.client.creerDevoir(saisie),
    );
    if (!r) return;
    this.edition = undefined;
    this.el.annoncer(this.el.t.devoirCree);
    emettre(this.el, "trousse-devoir-enregistre", { id: r.devoir.id, titre: r.devoir.titre });
    await this.charger(null);
    await this.focaliser(`[data-suivi="${r.devoir.id}"]`);
  }

  async ouvrirSuivi(id: string): Promise<void> {
    const [s, d] = await Promise.all([
      this.el.agir(() => this.el.client.suivi(id)),
      this.el.client.devoir(id).catch(() => undefined),
    ]);
    if (!s) return;
    this.suivi = s;
    this.devoirSuivi = d?.devoir;
    this.edition = undefined;
    this.maj();
    await this.focaliser("#titre-suivi");
  }

  /** Uploads subject or answer-key files (tus, resumable) then attaches them to the assignment. */
  private async joindre(nature: "sujet" | "corrige", input: HTMLInputElement): Promise<void> {
    const devoirId = this.suivi?.devoir.id;
    const fichiers = Array.from(input.files ?? []);
    if (!devoirId || fichiers.length === 0) return;
    const t = this.el.t;
    const ok = await this.el.agir(async () => {
      const ids: string[] = [];
      for (const fichier of fichiers) {
        let palier = 0;
        ids.push(
          await televerser({
            api: this.el.baseApi,
            jeton: () => jetonDe(this.el),
            devoirId,
            fichier,
            onProgres: ({ envoyes, total }) => {
              const p = palierAnnonce(total ? (envoyes / total) * 100 : 0, palier);
              if (p !== null) this.el.annoncer(t.envoi(fichier.name, (palier = p)));
            },
            onReprise: () => this.el.annoncer(t.reprise(fichier.name)),
          }),
        );
      }
      return this.el.client.attacherFichiers(devoirId, nature, ids);
    });
    input.value = "";
    if (!ok) return;
    this.el.annoncer(t.fichiersAjoutes(ok.fichiers.length));
    await this.ouvrirSuivi(devoirId);
  }

  private vueFichiersDevoir(): TemplateResult | typeof nothing {
    const d = this.devoirSuivi;
    if (!d) return nothing;
    const t = this.el.t;
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
                  @click=${() => void this.el.telechargerFichier(f.url ?? "", f.nom)}
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
          ?disabled=${this.el.enCours}
          @change=${(e: Event) => void this.joindre(nature, e.target as HTMLInputElement)}
      /></label>`;
    return html`<section aria-labelledby="titre-fichiers-devoir">
      <h4 id="titre-fichiers-devoir">${t.fichiersDevoir}</h4>
      ${liste(t.sujets, d.sujets)} ${liste(t.corrige, d.corriges)}
      ${d.datesAffichees.publicationCorrige ? html`<p class="aide">${t.publicationCorrige} : ${d.datesAffichees.publicationCorrige}</p>` : nothing}
      <div class="choix">${ajout("sujet", t.ajouterSujet)} ${ajout("corrige", t.ajouterCorrige)}</div>
    </section>`;
  }

  private async rappeler(): Promise<void> {
    const id = this.suivi?.devoir.id;
    if (!id) return;
    const r = await this.el.agir(() => this.el.client.rappeler(id));
    if (r) this.el.annoncer(this.el.t.rappelEnvoye(r.envoyes));
  }

  private async retourner(e: SubmitEvent, ligne: LigneSuivi): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const commentaire = String(new FormData(form).get("commentaire") ?? "");
    if (!ligne.rendu) return;
    const ok = await this.el.agir(() => this.el.client.retourner(ligne.rendu!.id, commentaire));
    if (ok === undefined) return;
    this.el.annoncer(this.el.t.retourEnvoye);
    await this.ouvrirSuivi(this.suivi!.devoir.id);
  }

  rendu(): TemplateResult {
    if (this.edition !== undefined) return this.vueFormulaire();
    if (this.suivi) return this.vueSuivi(this.suivi);
    return this.vueListe();
  }

  private vueListe(): TemplateResult {
    const t = this.el.t;
    const langue = langueDeElement(this.el);
    return html`<section aria-labelledby="titre-liste">
      <h3 id="titre-liste">${t.mesDevoirsEnseignant}</h3>
      <button
        type="button"
        part="bouton bouton-principal"
        class="principal"
        @click=${() => void this.nouveau()}
      >
        ${t.nouveauDevoir}
      </button>
      ${
        this.devoirs.length === 0
          ? html`<p>${t.aucunDevoir}</p>`
          : html`<ul class="devoirs">
              ${this.devoirs.map(
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
                        @click=${() => void this.ouvrirSuivi(d.id)}
                      >
                        ${t.suivi}<span class="visuellement-cache"> : ${d.titre}</span>
                      </button>
                      <button
                        type="button"
                        part="bouton"
                        class="secondaire"
                        @click=${() => void this.modifier(d.id)}
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
    const t = this.el.t;
    const langue = langueDeElement(this.el);
    const v = valeursInitiales(this.edition ?? undefined);
    const date = (nom: keyof typeof v & string, libelle: string, requis: boolean) =>
      html`<p class="champ">
        <label for="f-${nom}">${libelle} <small>(${t.heureParis})</small></label>
        <input
          id="f-${nom}"
          name=${nom}
          type="datetime-local"
          .value=${v[nom] as string}
          ?required=${requis}
        />
      </p>`;
    return html`<form
      class="formulaire"
      aria-labelledby="titre-formulaire"
      @submit=${(e: SubmitEvent) => void this.enregistrer(e)}
    >
      <h3 id="titre-formulaire" tabindex="-1">
        ${this.edition ? `${t.modifier} : ${this.edition.titre}` : t.nouveauDevoir}
      </h3>
      ${
        this.edition
          ? nothing
          : html`<p class="champ">
              <label for="f-groupe">${t.groupe}</label>
              <select id="f-groupe" name="groupeId" required>
                ${this.groupes.map((g) => html`<option value=${g.id}>${g.nom}</option>`)}
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
      ${date("dateLimite", t.dateLimite, false)} ${date("publicationCorrige", t.publicationCorrige, false)}
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
        <button type="submit" part="bouton bouton-principal" class="principal" ?disabled=${this.el.enCours}>
          ${t.enregistrer}
        </button>
        <button
          type="button"
          part="bouton"
          class="secondaire"
          @click=${() => {
            this.edition = undefined;
            this.maj();
          }}
        >
          ${t.annuler}
        </button>
      </p>
    </form>`;
  }

  private vueSuivi(s: Suivi): TemplateResult {
    const t = this.el.t;
    const id = s.devoir.id;
    const nomZip = `rendus ${s.devoir.groupe.nom} ${s.devoir.titre}.zip`;
    return html`<section aria-labelledby="titre-suivi">
      <button
        type="button"
        part="bouton"
        class="lien"
        @click=${() => {
          this.suivi = undefined;
          this.maj();
        }}
      >
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
          @click=${() => void this.el.telechargerFichier(`/v1/devoirs/${id}/rendus.zip`, nomZip)}
        >
          ${t.telechargerTout}
        </button>
        <button type="button" part="bouton" class="secondaire" @click=${() => void this.rappeler()}>
          ${t.envoyerRappel}
        </button>
      </p>
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
                  </td>
                  <td role="cell">
                    ${
                      l.rendu
                        ? html`${l.rendu.fichiers.map(
                              (f) =>
                                html`<button
                                  type="button"
                                  part="bouton"
                                  class="lien"
                                  @click=${() => void this.el.telechargerFichier(f.url ?? "", f.nom)}
                                >
                                  ${t.telecharger(f.nom)}
                                </button> `,
                            )}
                            <form class="retour" @submit=${(e: SubmitEvent) => void this.retourner(e, l)}>
                              <label for="r-${l.eleve.id}">${t.commentaire(l.eleve.nomAffiche)}</label>
                              <textarea id="r-${l.eleve.id}" name="commentaire" rows="2" required></textarea>
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
