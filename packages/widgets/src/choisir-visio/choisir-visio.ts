import type { Catalogue } from "@trousse/catalogue";
import { PARTICIPANTS_MAX, type BesoinVisio, type Recommandation, type ResultatVisio } from "@trousse/rules";
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { OrigineCatalogue } from "../shared/catalogue-distant.js";
import { emettre } from "../shared/evenement.js";
import { langueDeElement } from "../shared/i18n/langue.js";
import { chargerMessages, messages, type Messages } from "../shared/i18n/messages.js";
import { themeStyles } from "../shared/theme.js";
import { urlSure } from "../shared/url-sure.js";
import { choisirVisioStyles } from "./choisir-visio.styles.js";
import {
  besoinsAPoser,
  construireBesoin,
  erreurEtape,
  etapesAPoser,
  type Etape,
  type ErreurEtape,
  type Reponses,
} from "./etapes.js";
import {
  ENTS,
  INTERLOCUTEURS,
  lirePreselection,
  NIVEAUX,
  OBJETS,
  ORGANISATEURS,
  type CleBesoin,
  type Preselection,
} from "./preselection.js";
import type * as ModuleResultatsStatique from "./resultats.js";

type ModuleResultats = typeof ModuleResultatsStatique;

/** The results module (rules, bundled catalogue, results view), once loaded. */
let resultats: ModuleResultats | undefined;
let chargementResultats: Promise<ModuleResultats> | undefined;

/**
 * Loads the results module once (a separate chunk in the CDN bundle); a failed download is retried at
 * the next call.
 */
function chargerResultats(): Promise<ModuleResultats> {
  chargementResultats ??= import("./resultats.js").then(
    (module) => (resultats = module),
    (erreur: unknown) => {
      chargementResultats = undefined;
      throw erreur;
    },
  );
  return chargementResultats;
}

/** Detail of `trousse-outil-choisi`. */
export interface DetailOutilChoisi {
  outilId: string;
  nom: string;
  /** Only `http(s)` addresses; absent when the catalogue gives none. */
  url?: string;
  rang: number;
}

/** Detail of `trousse-recommandation`: the chooser's result and where the catalogue came from. */
export interface DetailRecommandation extends ResultatVisio {
  origineCatalogue: OrigineCatalogue;
}

/** Name of the element. */
export const NOM_CHOISIR_VISIO = "trousse-choisir-visio";

/** A console warning for the webmaster: stable code, French message; never an exception. */
const avertir = (code: string, message: string): void =>
  console.warn(`[${NOM_CHOISIR_VISIO}] ${code} : ${message}`);

/**
 * `<trousse-choisir-visio>` — a short step-by-step form that recommends the ministry's video-conferencing
 * tools for a need (who organises, with whom, how many, what for, level, ENT, needs), with each tool's
 * reasons, limits, access and GDPR facts, what Trousse deduces (labelled as such), its next step from the
 * documents, a link to open it when a document gives its address, and — folded — the tools ruled out and why.
 * Runs entirely in the browser from the bundled catalogue and rules.
 *
 * @attr role - ENT role of the user, preset as the organiser (`enseignant`, `personnel-direction`,
 *   `direction`, `personnel-administratif`, `inspection-formation`…); skips the first step. The attribute
 *   is moved off the element once read, since `role` is an ARIA attribute (same as `organisateur`).
 * @attr organisateur - same as `role`, without the ARIA clash (preferred).
 * @attr avec - presets "with whom": comma-separated `eleves`, `familles`, `personnels-internes`, `partenaires-externes`.
 * @attr participants - presets the number of participants (integer from 2 to 500, organiser included).
 * @attr objet - presets the purpose: `cours`, `reunion`, `conseil-de-classe`, `formation`, `audioconference`.
 * @attr niveau - presets the level: `1d` or `2d` (case-insensitive).
 * @attr ent - presets the school's ENT: `ode`, `sn62`, `autre`, `aucun`.
 * @attr besoins - presets the yes/no needs (space- or comma-separated, empty = none; a need not listed is
 *   « no »): `eleves-identifies`, `reservation-possible`, `web-conference-ent-en-cours`. Without it, the
 *   form asks them: pupil identification only when pupils take part, the reservation as a real yes/no.
 * @attr api - base address of the Trousse API; the latest catalogue is fetched from `<api>/v1/outils`
 *   (ETag-aware); on failure the bundled catalogue is used silently.
 * @attr lang - `en` for the English interface (the documents' facts stay in French); French by default.
 * @attr theme - `ode` or `sn62` to blend into those ENT pages; neutral by default.
 *
 * @event trousse-recommandation - results are shown; `detail`: {@link DetailRecommandation}.
 * @event trousse-outil-choisi - the user picks a tool ("Choisir cet outil" or its link);
 *   `detail`: {@link DetailOutilChoisi}. Both events bubble and cross the Shadow DOM (`composed`).
 *
 * @csspart base - the outer frame.
 * @csspart titre - the heading.
 * @csspart formulaire - the step form.
 * @csspart progression - "Étape n sur N".
 * @csspart etape - the fieldset of the current step.
 * @csspart option - each radio/checkbox choice.
 * @csspart erreur - a step's error message.
 * @csspart bouton - every button; also `bouton-principal` / `bouton-secondaire`.
 * @csspart resultats - the results.
 * @csspart recommandation - one recommended tool.
 * @csspart rang - its rank badge.
 * @csspart lien - the link that opens a tool.
 * @csspart confirmation - shown under a chosen tool: what to do next.
 * @csspart exclusions - the folded list of ruled-out tools.
 *
 * @cssproperty --trousse-couleur-principale - accent colour (buttons, selection). Default `#000091`.
 * @cssproperty --trousse-couleur-sur-principale - text on the accent colour. Default `#ffffff`.
 * @cssproperty --trousse-couleur-texte - text colour. Default `#1e1e1e`.
 * @cssproperty --trousse-couleur-texte-secondaire - secondary text. Default `#525252`.
 * @cssproperty --trousse-couleur-fond - background. Default `#ffffff`.
 * @cssproperty --trousse-couleur-fond-alt - selected option / folded list background. Default `#f4f4f7`.
 * @cssproperty --trousse-couleur-bordure - borders. Default `#767676`.
 * @cssproperty --trousse-couleur-focus - focus outline. Default `#0a5fd0`.
 * @cssproperty --trousse-couleur-erreur - error text. Default `#c10500`.
 * @cssproperty --trousse-police - font family. Default Marianne, then the system font.
 * @cssproperty --trousse-taille-texte - base font size. Default `1rem`.
 * @cssproperty --trousse-rayon - corner radius. Default `0.25rem`.
 * @cssproperty --trousse-espacement - inner spacing. Default `1rem`.
 * @cssproperty --trousse-largeur-max - maximum width. Default `48rem`.
 */
export class TrousseChoisirVisio extends LitElement {
  static override styles = [themeStyles, choisirVisioStyles];

  @property({ attribute: "role" }) roleEnt: string | null = null;
  @property({ reflect: true }) organisateur: string | null = null;
  @property() avec: string | null = null;
  @property() participants: string | null = null;
  @property() objet: string | null = null;
  @property() niveau: string | null = null;
  @property() ent: string | null = null;
  @property() besoins: string | null = null;
  @property() api: string | null = null;
  @property({ attribute: "lang" }) langue: string | null = null;
  @property({ reflect: true }) theme: string | null = null;

  @state() private reponses: Reponses = {};
  @state() private index = 0;
  @state() private erreur: ErreurEtape | null = null;
  @state() private resultat: ResultatVisio | undefined;
  /** The API's catalogue once fetched; undefined: the bundled one. */
  @state() private catalogue: Catalogue | undefined;
  @state() private origineCatalogue: OrigineCatalogue = "embarque";
  @state() private choisi: string | undefined;
  @state() private annonce = "";
  /** The results module could not be downloaded (shown on the last step; the next try retries). */
  @state() private echecChargement = false;

  private preselection: Preselection = {};
  private etapes: Etape[] = [];
  private focaliserApresRendu: "etape" | "resultats" | null = null;
  private chargementApi: AbortController | undefined;
  /** Bumped whenever a pending computation (waiting for the results module) must be dropped. */
  private jetonCalcul = 0;

  private get m(): Messages {
    return messages(langueDeElement(this));
  }

  /**
   * Holds the first render (and any render after a `lang` change) until the UI texts of the language are
   * loaded, so an English page never flashes French.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const langue = langueDeElement(this);
    if (messages(langue) === messages("fr") && langue !== "fr")
      await chargerMessages(langue).catch(() => undefined);
    // Every answer given as attributes: the results are the first render, hold it for their module.
    if (!resultats && etapesAPoser(this.lirePreselection().preselection).length === 0)
      await chargerResultats().catch(() => undefined);
    super.scheduleUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chargementApi?.abort();
  }

  protected override willUpdate(changes: PropertyValues<this>): void {
    if (changes.has("roleEnt") && this.roleEnt != null) {
      // `role` is an ARIA attribute: keep its value as the organiser and take it off the element.
      this.organisateur = this.roleEnt;
      this.removeAttribute("role");
    }
    const attributs = ["organisateur", "avec", "participants", "objet", "niveau", "ent", "besoins"] as const;
    if (attributs.some((a) => changes.has(a))) this.relirePreselection();
    if (changes.has("api")) this.chargerDepuisApi();
  }

  protected override firstUpdated(): void {
    globalThis.performance?.mark?.(`${NOM_CHOISIR_VISIO}:premier-rendu`);
    // The results module downloads while the user fills the form: at the first interaction or when the
    // browser is idle, whichever comes first.
    const precharger = (): void => void chargerResultats().catch(() => undefined);
    for (const type of ["pointerdown", "focusin"]) this.addEventListener(type, precharger, { once: true });
    (globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200)))(precharger);
  }

  protected override updated(): void {
    const cible = this.focaliserApresRendu;
    this.focaliserApresRendu = null;
    if (cible === "resultats") this.renderRoot.querySelector<HTMLElement>("#titre-resultats")?.focus();
    if (cible === "etape") this.focaliserPremierChamp();
  }

  private lirePreselection(): ReturnType<typeof lirePreselection> {
    return lirePreselection({
      role: this.organisateur,
      avec: this.avec,
      participants: this.participants,
      objet: this.objet,
      niveau: this.niveau,
      ent: this.ent,
      besoins: this.besoins,
    });
  }

  private relirePreselection(): void {
    const { preselection, ignores } = this.lirePreselection();
    for (const i of ignores) avertir(i.code, i.message);
    this.preselection = preselection;
    this.etapes = etapesAPoser(preselection);
    this.index = Math.min(this.index, Math.max(0, this.etapes.length - 1));
    if (this.etapes.length === 0) this.calculer(false);
    else if (this.resultat) this.calculer(false);
  }

  private chargerDepuisApi(): void {
    this.chargementApi?.abort();
    if (!this.api) {
      this.catalogue = undefined;
      this.origineCatalogue = "embarque";
      return;
    }
    const controleur = new AbortController();
    this.chargementApi = controleur;
    const api = this.api;
    // The fetching code is loaded only when an `api` is given (smaller bundle for everyone else).
    void Promise.all([import("../shared/catalogue-distant.js"), chargerResultats()])
      .then(([{ chargerCatalogue }, { catalogueEmbarque }]) =>
        chargerCatalogue(api, { parDefaut: catalogueEmbarque, signal: controleur.signal }),
      )
      .catch((e: unknown) => ({
        catalogue: undefined,
        origine: "embarque" as const,
        erreur: { code: "api-injoignable", message: e instanceof Error ? e.message : String(e) },
      }))
      .then((charge) => {
        if (controleur.signal.aborted) return;
        if (charge.erreur) avertir(charge.erreur.code, charge.erreur.message);
        this.catalogue = charge.origine === "embarque" ? undefined : charge.catalogue;
        this.origineCatalogue = charge.origine;
        if (this.resultat) this.calculer(false);
      });
  }

  /**
   * Runs the chooser; a catalogue from the API that breaks the rules falls back to the bundled one. Until
   * the results module is loaded, waits for it (dropped if the user goes back meanwhile).
   */
  private calculer(focaliser: boolean): void {
    const besoin = construireBesoin(this.preselection, this.reponses);
    if (!besoin) return;
    if (!resultats) {
      const jeton = ++this.jetonCalcul;
      void chargerResultats().then(
        () => {
          if (jeton === this.jetonCalcul) this.calculer(focaliser);
        },
        (e: unknown) => {
          if (jeton !== this.jetonCalcul) return;
          avertir("chargement-impossible", e instanceof Error ? e.message : String(e));
          this.echecChargement = true;
        },
      );
      return;
    }
    this.echecChargement = false;
    const resultat = this.recommander(resultats, besoin);
    if (!resultat) return;
    this.resultat = resultat;
    this.annonce = this.m.choisirVisio.resume(
      this.resultat.recommandations.length,
      this.resultat.exclusions.length,
    );
    if (focaliser) this.focaliserApresRendu = "resultats";
    emettre<DetailRecommandation>(this, "trousse-recommandation", {
      ...this.resultat,
      origineCatalogue: this.origineCatalogue,
    });
  }

  private recommander(
    { recommanderVisio, catalogueEmbarque }: ModuleResultats,
    besoin: BesoinVisio,
  ): ResultatVisio | undefined {
    if (this.catalogue) {
      try {
        return recommanderVisio(besoin, this.catalogue);
      } catch (e) {
        avertir("catalogue-invalide", e instanceof Error ? e.message : String(e));
        this.catalogue = undefined;
        this.origineCatalogue = "embarque";
      }
    }
    try {
      return recommanderVisio(besoin, catalogueEmbarque);
    } catch (e) {
      // Never reached with the form's own answers (they match the rules' validation); never crash.
      avertir("besoin-invalide", e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }

  private focaliserPremierChamp(): void {
    const champs = [...this.renderRoot.querySelectorAll<HTMLInputElement>("fieldset input")];
    (champs.find((c) => c.checked) ?? champs[0])?.focus();
  }

  private suivant(evenement: Event): void {
    evenement.preventDefault();
    const etape = this.etapes[this.index];
    if (!etape) return;
    this.erreur = erreurEtape(etape, this.reponses, this.preselection);
    if (this.erreur) {
      this.annonce = "";
      this.focaliserApresRendu = "etape";
      return;
    }
    if (this.index < this.etapes.length - 1) {
      this.index += 1;
      this.focaliserApresRendu = "etape";
    } else {
      this.calculer(true);
    }
  }

  private precedent(): void {
    this.jetonCalcul++;
    this.echecChargement = false;
    this.erreur = null;
    this.index = Math.max(0, this.index - 1);
    this.focaliserApresRendu = "etape";
  }

  private modifier(): void {
    this.jetonCalcul++;
    this.resultat = undefined;
    this.choisi = undefined;
    this.erreur = null;
    this.index = 0;
    this.annonce = "";
    this.focaliserApresRendu = "etape";
  }

  private choisir(r: Recommandation): void {
    this.choisi = r.outilId;
    this.annonce = this.m.choisirVisio.choisi(r.nom);
    const url = urlSure(r.url);
    emettre<DetailOutilChoisi>(this, "trousse-outil-choisi", {
      outilId: r.outilId,
      nom: r.nom,
      ...(url ? { url } : {}),
      rang: r.rang,
    });
  }

  private repondre<K extends keyof Reponses>(cle: K, valeur: Reponses[K]): void {
    this.reponses = { ...this.reponses, [cle]: valeur };
    if (this.erreur) this.erreur = null;
  }

  private basculerAvec(valeur: (typeof INTERLOCUTEURS)[number], coche: boolean): void {
    const actuels = new Set(this.reponses.avec ?? []);
    if (coche) actuels.add(valeur);
    else actuels.delete(valeur);
    this.repondre(
      "avec",
      INTERLOCUTEURS.filter((i) => actuels.has(i)),
    );
  }

  override render(): TemplateResult {
    const m = this.m.choisirVisio;
    return html`<section class="cadre" part="base" aria-labelledby="titre">
      <h2 id="titre" part="titre">${m.titre}</h2>
      ${
        this.resultat && resultats
          ? resultats.renderResultats({
              m: this.m,
              resultat: this.resultat,
              choisi: this.choisi,
              modifiable: this.etapes.length > 0,
              choisir: (r) => this.choisir(r),
              modifier: () => this.modifier(),
            })
          : this.renderFormulaire()
      }
      <div class="visuellement-cache" role="status" aria-live="polite" aria-atomic="true">
        ${this.annonce}
      </div>
    </section>`;
  }

  private renderFormulaire(): TemplateResult {
    const { commun, choisirVisio: m } = this.m;
    const etape = this.etapes[this.index];
    if (!etape) return html``;
    const derniere = this.index === this.etapes.length - 1;
    return html`<p class="introduction">${m.introduction}</p>
      <form part="formulaire" novalidate @submit=${this.suivant}>
        <p class="progression" part="progression">${commun.etape(this.index + 1, this.etapes.length)}</p>
        ${this.renderEtape(etape)}
        ${
          this.echecChargement
            ? html`<p class="erreur" part="erreur" role="alert">${m.erreurChargement}</p>`
            : nothing
        }
        <div class="actions">
          ${
            this.index > 0
              ? html`<button
                  type="button"
                  class="secondaire"
                  part="bouton bouton-secondaire"
                  @click=${this.precedent}
                >
                  ${commun.precedent}
                </button>`
              : nothing
          }
          <button type="submit" class="principal" part="bouton bouton-principal">
            ${derniere ? m.voirResultats : commun.suivant}
          </button>
        </div>
      </form>`;
  }

  private renderErreur(): TemplateResult | typeof nothing {
    if (!this.erreur) return nothing;
    const { commun, choisirVisio: m } = this.m;
    const texte =
      this.erreur === "participants-invalide"
        ? m.erreurParticipants
        : this.erreur === "participants-trop-nombreux"
          ? m.erreurParticipantsMax
          : this.erreur === "choix-multiple-requis"
            ? commun.erreurChoixMultiple
            : commun.erreurChoixUnique;
    return html`<p id="erreur" class="erreur" part="erreur" role="alert">${texte}</p>`;
  }

  private renderRadios<K extends "organisateur" | "objet" | "niveau" | "ent">(
    cle: K,
    legende: string,
    valeurs: readonly NonNullable<Reponses[K]>[],
    libelles: Record<string, string>,
  ): TemplateResult {
    const choisi = this.reponses[cle];
    return html`<fieldset part="etape" aria-describedby=${this.erreur ? "erreur" : nothing}>
      <legend>${legende}</legend>
      <div class="choix">
        ${valeurs.map(
          (v) =>
            html`<label class="option" part="option">
              <input
                type="radio"
                name=${cle}
                .value=${v}
                .checked=${choisi === v}
                aria-invalid=${this.erreur ? "true" : "false"}
                @change=${() => this.repondre(cle, v as Reponses[K])}
              />
              <span>${libelles[v]}</span>
            </label>`,
        )}
      </div>
      ${this.renderErreur()}
    </fieldset>`;
  }

  private renderEtape(etape: Etape): TemplateResult {
    const m = this.m.choisirVisio;
    const q = m.questions;
    switch (etape) {
      case "organisateur":
        return this.renderRadios("organisateur", q.organisateur, ORGANISATEURS, m.organisateurs);
      case "objet":
        return this.renderRadios("objet", q.objet, OBJETS, m.objets);
      case "niveau":
        return this.renderRadios("niveau", q.niveau, NIVEAUX, m.niveaux);
      case "ent":
        return this.renderRadios("ent", q.ent, ENTS, m.ents);
      case "avec": {
        const choisis = this.reponses.avec ?? [];
        return html`<fieldset part="etape" aria-describedby=${this.erreur ? "aide-avec erreur" : "aide-avec"}>
          <legend>${q.avec}</legend>
          <p class="aide" id="aide-avec">${q.avecAide}</p>
          <div class="choix">
            ${INTERLOCUTEURS.map(
              (v) =>
                html`<label class="option" part="option">
                  <input
                    type="checkbox"
                    name="avec"
                    .value=${v}
                    .checked=${choisis.includes(v)}
                    @change=${(e: Event) => this.basculerAvec(v, (e.target as HTMLInputElement).checked)}
                  />
                  <span>${m.interlocuteurs[v]}</span>
                </label>`,
            )}
          </div>
          ${this.renderErreur()}
        </fieldset>`;
      }
      case "participants":
        return html`<fieldset part="etape">
          <legend id="question-participants">${q.participants}</legend>
          <p class="aide" id="aide-participants">${q.participantsAide}</p>
          <input
            id="participants"
            name="participants"
            type="number"
            inputmode="numeric"
            min="2"
            max=${PARTICIPANTS_MAX}
            step="1"
            autocomplete="off"
            aria-labelledby="question-participants"
            aria-describedby=${this.erreur ? "aide-participants erreur" : "aide-participants"}
            aria-invalid=${this.erreur ? "true" : "false"}
            .value=${this.reponses.participants ?? ""}
            @input=${(e: Event) => this.repondre("participants", (e.target as HTMLInputElement).value)}
          />
          ${this.renderErreur()}
        </fieldset>`;
      case "besoins":
        return html`<fieldset part="etape" aria-describedby="aide-besoins">
          <legend>${q.besoins}</legend>
          <p class="aide" id="aide-besoins">${q.besoinsAide}</p>
          <div class="choix">
            ${besoinsAPoser(this.preselection, this.reponses).map((b: CleBesoin) =>
              b === "reservationPossible"
                ? this.renderReservation()
                : html`<label class="option" part="option">
                    <input
                      type="checkbox"
                      name=${b}
                      .checked=${this.reponses[b] ?? false}
                      @change=${(e: Event) => this.repondre(b, (e.target as HTMLInputElement).checked)}
                    />
                    <span>${m.besoins[b]}</span>
                  </label>`,
            )}
          </div>
        </fieldset>`;
    }
  }

  /** The reservation as a real yes/no (an unanswered question is never taken as « no »). */
  private renderReservation(): TemplateResult {
    const m = this.m.choisirVisio;
    const choisi = this.reponses.reservationPossible;
    return html`<fieldset class="choix" aria-describedby=${this.erreur ? "erreur" : nothing}>
      <legend>${m.questions.reservation}</legend>
      ${[true, false].map(
        (v) =>
          html`<label class="option" part="option">
            <input
              type="radio"
              name="reservationPossible"
              .checked=${choisi === v}
              aria-invalid=${this.erreur ? "true" : "false"}
              @change=${() => this.repondre("reservationPossible", v)}
            />
            <span>${v ? m.oui : m.non}</span>
          </label>`,
      )}
      ${this.renderErreur()}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "trousse-choisir-visio": TrousseChoisirVisio;
  }
  interface HTMLElementEventMap {
    "trousse-outil-choisi": CustomEvent<DetailOutilChoisi>;
    "trousse-recommandation": CustomEvent<DetailRecommandation>;
  }
}
