import { formaterTaille } from "@trousse/rules";
import { html, LitElement, nothing, svg, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { ref } from "lit/directives/ref.js";
import { styleMap } from "lit/directives/style-map.js";
import { definirElement } from "../../shared/definir-element.js";
import { textesScan, type MessagesScan } from "../../shared/i18n/scan.js";
import {
  borner,
  coinsValides,
  PAGE_ENTIERE,
  tournerCoins,
  type Coins,
  type QuartsDeTour,
} from "./geometrie.js";
import { effacerPages, garderPages, lirePages, type PageGardee } from "./magasin.js";
import { deplacer, nomDuPdf } from "./ordre.js";
import { ecrirePdf } from "./pdf.js";
import { scanCopieStyles } from "./scan-copie.styles.js";
import { coinsProbables, decoder, faireLaPage, PhotoIllisible, tourner } from "./traiter.js";

/** Name of the element. */
export const NOM_SCAN_COPIE = "trousse-scan-copie";

/** A page on screen: what is kept, plus its thumbnail. */
interface PageVue extends PageGardee {
  vignette?: ImageBitmap;
}

/** The corner being edited. */
interface Recadrage {
  id: string;
  coins: Coins;
  apercu: HTMLCanvasElement | OffscreenCanvas;
}

const nouvelId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * `<trousse-scan-copie>` — « Photographier ma copie », inside the pupil's view of `<trousse-rendre-devoir>`
 * (a chunk loaded only when the pupil opens the mode). Photos (camera, picked, or dropped on the panel:
 * they stop there, not in the drop zone around it) become pages: EXIF orientation honoured, corners
 * guessed, straightened to A4, « document » look; the pupil reorders (drag,
 * or « Monter »/« Descendre »), rotates, crops by four corners, retakes, deletes. The pages are kept in
 * IndexedDB per assignment until handed in or discarded, and make one PDF, sized before sending.
 *
 * @fires trousse-scan-pdf - (not bubbling) `{ fichier: File }`: the PDF the pupil chose to send.
 * @fires trousse-scan-fermer - (not bubbling) the pupil closed the mode.
 * Marks `trousse-scan-copie:photos` (photos chosen) and `trousse-scan-copie:pdf-pret` (PDF rebuilt) with
 * `performance.mark`, for the bench.
 */
export class TrousseScanCopie extends LitElement {
  static override styles = scanCopieStyles;

  @property({ attribute: "devoir-id" }) devoirId = "";
  @property() titre = "";
  @property({ attribute: "taille-max", type: Number }) tailleMax = Infinity;
  @property() langue = "fr";

  @state() pages: PageVue[] = [];
  @state() document = true;
  @state() enCours = 0;
  @state() pdf: File | undefined;
  @state() erreur = "";
  @state() annonce = "";
  @state() recadrage: Recadrage | undefined;
  @state() glisse: number | undefined;

  private file: Promise<unknown> = Promise.resolve();
  private aReprendre: string | undefined;
  private versionPdf = 0;

  get t(): MessagesScan {
    return textesScan.messages(this.langue === "en" ? "en" : "fr");
  }

  private get taille(): string {
    return formaterTaille(this.pdf?.size ?? 0, this.langue === "en" ? "en" : "fr");
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.langue === "en") void textesScan.charger("en").then(() => this.requestUpdate());
    void this.restaurer();
  }

  /** Brings back the pages kept for this assignment (after a reload, or a camera that reloaded the page). */
  private async restaurer(): Promise<void> {
    const gardees = await lirePages(this.devoirId).catch(() => undefined);
    if (!gardees?.pages.length) return;
    this.document = gardees.document;
    this.pages = gardees.pages;
    this.annonce = this.t.retrouvees(this.pages.length);
    await Promise.all(this.pages.map((p) => this.vignette(p)));
    this.requestUpdate();
    await this.refairePdf();
  }

  /** The thumbnail, from the page just made (no decoding) or, after a reload, from its JPEG. */
  private async vignette(p: PageVue, source: ImageBitmapSource | undefined = p.jpeg): Promise<void> {
    if (source) p.vignette = await createImageBitmap(source, { resizeWidth: 144, resizeQuality: "medium" });
  }

  private async garder(modifiees: PageVue[] = []): Promise<void> {
    const sansVignette = (p: PageVue): PageGardee => {
      const { vignette: _v, ...reste } = p;
      return reste;
    };
    await garderPages(this.devoirId, this.pages, this.document, modifiees.map(sansVignette)).catch(() => {
      this.erreur = this.t.memoirePleine;
    });
  }

  /** Queues one page's making (one at a time: memory stays low on a phone). */
  private faire(p: PageVue): Promise<unknown> {
    this.enCours++;
    this.file = this.file.then(async () => {
      let image: ImageBitmap | undefined;
      try {
        image = await decoder(p.photo);
        if (p.coins === PAGE_ENTIERE) p.coins = coinsProbables(image, p.rotation);
        const { toile: faite, ...page } = await faireLaPage(image, p.rotation, p.coins, this.document);
        Object.assign(p, page);
        await this.vignette(p, faite);
        await this.garder([p]);
      } catch (e) {
        this.pages = this.pages.filter((x) => x !== p);
        this.erreur =
          e instanceof PhotoIllisible ? (e.heic ? this.t.heic : this.t.illisible(p.nom)) : String(e);
        await this.garder();
      } finally {
        image?.close();
        this.enCours--;
        this.requestUpdate();
      }
    });
    return this.file.then(() => this.refairePdf());
  }

  /** Adds the photos taken or picked (or replaces the page being retaken). */
  private async ajouter(fichiers: FileList | null): Promise<void> {
    this.erreur = "";
    globalThis.performance?.mark?.(`${NOM_SCAN_COPIE}:photos`);
    const liste = Array.from(fichiers ?? []);
    const remplacee = this.aReprendre;
    this.aReprendre = undefined;
    const travaux: Promise<unknown>[] = [];
    for (const photo of liste) {
      const p: PageVue = {
        id: nouvelId(),
        devoirId: this.devoirId,
        photo,
        nom: photo.name,
        rotation: 0,
        coins: PAGE_ENTIERE,
      };
      const i = remplacee ? this.pages.findIndex((x) => x.id === remplacee) : -1;
      this.pages = i >= 0 ? this.pages.map((x, j) => (j === i ? p : x)) : [...this.pages, p];
      this.annonce = this.t.traitement(this.pages.indexOf(p) + 1);
      travaux.push(
        this.faire(p).then(() => {
          const n = this.pages.indexOf(p);
          if (n >= 0) this.annonce = this.t.ajoutee(n + 1, this.pages.length);
        }),
      );
    }
    await Promise.all(travaux);
  }

  /** Rebuilds the PDF from the finished pages (cheap: the JPEGs are embedded as they are). */
  private async refairePdf(): Promise<void> {
    const version = ++this.versionPdf;
    const pretes = this.pages.filter((p) => p.jpeg);
    if (pretes.length === 0 || this.enCours > 0) {
      if (pretes.length === 0) this.pdf = undefined;
      return;
    }
    const pages = await Promise.all(
      pretes.map(async (p) => ({
        jpeg: new Uint8Array(await p.jpeg!.arrayBuffer()),
        largeur: p.largeur!,
        hauteur: p.hauteur!,
      })),
    );
    if (version !== this.versionPdf) return;
    this.pdf = new File(ecrirePdf(pages, this.titre) as BlobPart[], nomDuPdf(this.titre), {
      type: "application/pdf",
    });
    globalThis.performance?.mark?.(`${NOM_SCAN_COPIE}:pdf-pret`);
  }

  private async deplacer(i: number, vers: number, bouton?: "monter" | "descendre"): Promise<void> {
    const p = this.pages[i]!;
    this.pages = deplacer(this.pages, i, vers);
    const n = this.pages.indexOf(p);
    this.annonce = this.t.deplacee(n + 1, this.pages.length);
    if (bouton) {
      // Focus follows the page as soon as it is drawn at its new place (moving its item drops the focus),
      // before the pages are saved on the device: a quick second press must find its button.
      await this.updateComplete;
      const li = this.renderRoot.querySelector(`li[data-id="${p.id}"]`);
      const vise = li?.querySelector<HTMLButtonElement>(`[data-action="${bouton}"]`);
      (vise && !vise.disabled
        ? vise
        : li?.querySelector<HTMLButtonElement>("[data-action]:not(:disabled)")
      )?.focus();
    }
    await this.garder();
    void this.refairePdf();
  }

  private async pivoter(p: PageVue): Promise<void> {
    p.rotation = ((p.rotation + 1) % 4) as QuartsDeTour;
    p.coins = tournerCoins(p.coins, 1);
    p.jpeg = undefined;
    this.requestUpdate();
    await this.faire(p);
    this.annonce = this.t.pivotee(this.pages.indexOf(p) + 1, this.pages.length);
  }

  private async supprimer(p: PageVue): Promise<void> {
    this.pages = this.pages.filter((x) => x !== p);
    this.annonce = this.t.supprimee(0, this.pages.length);
    await this.garder();
    await this.refairePdf();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("[data-action]:not(:disabled), #prendre")?.focus();
  }

  private reprendre(p: PageVue): void {
    this.aReprendre = p.id;
    this.renderRoot.querySelector<HTMLInputElement>("#reprise")?.click();
  }

  private async ouvrirRecadrage(p: PageVue): Promise<void> {
    const image = await decoder(p.photo);
    const apercu = tourner(image, p.rotation, 480);
    image.close();
    this.recadrage = { id: p.id, coins: p.coins.map((c) => ({ ...c })) as Coins, apercu };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(".coin")?.focus();
  }

  private async fermerRecadrage(valider: boolean, coins?: Coins): Promise<void> {
    const r = this.recadrage;
    if (!r) return;
    const p = this.pages.find((x) => x.id === r.id);
    const nouveaux = coins ?? r.coins;
    if (valider && !coinsValides(nouveaux)) {
      this.erreur = this.t.coinsInvalides;
      return;
    }
    this.erreur = "";
    this.recadrage = undefined;
    if (valider && p) {
      // A chosen crop is kept as is, even the whole picture (no new guess).
      p.coins = nouveaux === PAGE_ENTIERE ? (PAGE_ENTIERE.map((c) => ({ ...c })) as Coins) : nouveaux;
      p.jpeg = undefined;
      await this.faire(p);
      this.annonce = this.t.recadree(this.pages.indexOf(p) + 1, this.pages.length);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-id="${r.id}"] [data-action="recadrer"]`)?.focus();
  }

  private async changerDocument(oui: boolean): Promise<void> {
    this.document = oui;
    for (const p of this.pages) p.jpeg = undefined;
    this.requestUpdate();
    await Promise.all(this.pages.map((p) => this.faire(p)));
  }

  private async abandonner(): Promise<void> {
    await effacerPages(this.devoirId).catch(() => undefined);
    this.pages = [];
    this.pdf = undefined;
    this.dispatchEvent(new CustomEvent("trousse-scan-fermer"));
  }

  private envoyer(): void {
    if (!this.pdf) return;
    if (this.pdf.size > this.tailleMax) {
      this.erreur = this.t.tropGros(
        this.taille,
        formaterTaille(this.tailleMax, this.langue === "en" ? "en" : "fr"),
      );
      return;
    }
    this.dispatchEvent(new CustomEvent("trousse-scan-pdf", { detail: { fichier: this.pdf } }));
  }

  // Dragging a thumbnail (touch or mouse) over another page's row moves it there.
  private glisser(e: PointerEvent, i: number): void {
    const cible = e.currentTarget as HTMLElement;
    if (e.type === "pointerdown") {
      cible.setPointerCapture(e.pointerId);
      this.glisse = i;
      return;
    }
    if (this.glisse === undefined) return;
    const sous = (this.renderRoot as ShadowRoot).elementFromPoint(e.clientX, e.clientY)?.closest("li");
    const vers = sous ? Number(sous.dataset.index) : NaN;
    if (e.type === "pointermove" && Number.isInteger(vers) && vers !== this.glisse) {
      this.pages = deplacer(this.pages, this.glisse, vers);
      this.glisse = vers;
    } else if (e.type === "pointerup" || e.type === "pointercancel") {
      const fin = this.glisse;
      this.glisse = undefined;
      void this.deplacer(fin, fin);
    }
  }

  private dessiner(
    c: Element | undefined,
    source: ImageBitmap | HTMLCanvasElement | OffscreenCanvas | undefined,
  ): void {
    if (!(c instanceof HTMLCanvasElement) || !source) return;
    if (c.width !== source.width || c.height !== source.height)
      [c.width, c.height] = [source.width, source.height];
    c.getContext("2d")?.drawImage(source, 0, 0);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const n = this.pages.length;
    const choisir = (e: Event) => {
      const input = e.target as HTMLInputElement;
      void this.ajouter(input.files).finally(() => (input.value = ""));
    };
    // Files dragged onto the open panel are photos for the scan: they stop here, the drop zone around
    // (the panel sits inside it) neither takes them nor lights up.
    const survoler = (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const deposer = (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation();
      void this.ajouter(e.dataTransfer?.files ?? null);
    };
    return html`<section
      aria-labelledby="titre-scan"
      @dragenter=${survoler}
      @dragover=${survoler}
      @drop=${deposer}
    >
      <h4 id="titre-scan" tabindex="-1">${t.titre}</h4>
      <p>${t.intro}</p>
      <p class="visuellement-cache" role="status" aria-live="polite">${this.annonce}</p>
      <p role="alert" class="erreur" ?hidden=${!this.erreur}>${this.erreur}</p>
      <div class="actions">
        <label class="bouton principal"
          >${t.prendre}<input
            id="prendre"
            type="file"
            accept="image/*"
            capture="environment"
            @change=${choisir}
        /></label>
        <label class="bouton"
          >${t.choisir}<input type="file" accept="image/*" multiple @change=${choisir}
        /></label>
        <input id="reprise" type="file" accept="image/*" capture="environment" hidden @change=${choisir} />
      </div>
      <p>
        <label
          ><input
            type="checkbox"
            .checked=${this.document}
            @change=${(e: Event) => void this.changerDocument((e.target as HTMLInputElement).checked)}
          />
          ${t.document}</label
        >
      </p>
      <h5 id="titre-pages">${t.pages}</h5>
      ${
        n === 0
          ? html`<p>${t.aucunePage}</p>`
          : html`<ol aria-labelledby="titre-pages">
              ${this.pages.map((p, i) => this.vuePage(p, i, n))}
            </ol>`
      }
      ${this.recadrage ? this.vueRecadrage(this.recadrage) : nothing}
      ${this.enCours > 0 ? html`<p aria-hidden="true">${t.traitement(n - this.enCours + 1)}</p>` : nothing}
      ${this.pdf && this.enCours === 0 ? html`<p class="resume"><strong>${t.resume(n, this.taille)}</strong> (${this.pdf.name})</p>` : nothing}
      <div class="actions">
        <button
          type="button"
          class="principal"
          ?disabled=${!this.pdf || this.enCours > 0}
          @click=${() => this.envoyer()}
        >
          ${t.envoyer}
        </button>
        ${n ? html`<button type="button" @click=${() => void this.abandonner()}>${t.abandonner}</button>` : nothing}
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent("trousse-scan-fermer"))}>
          ${t.fermer}
        </button>
      </div>
    </section>`;
  }

  private vuePage(p: PageVue, i: number, n: number): TemplateResult {
    const t = this.t;
    const libelle = t.page(i + 1, n);
    const pret = !!p.jpeg;
    const bouton = (action: string, texte: string, faire: () => unknown, inactif = false) =>
      html`<button type="button" data-action=${action} ?disabled=${inactif || !pret} @click=${faire}>
        ${texte}<span class="visuellement-cache"> : ${libelle}</span>
      </button>`;
    return html`<li data-id=${p.id} data-index=${i} class=${this.glisse === i ? "glisse" : ""}>
      <canvas
        role="img"
        aria-label=${libelle}
        ${ref((c) => this.dessiner(c, p.vignette))}
        @pointerdown=${(e: PointerEvent) => this.glisser(e, i)}
        @pointermove=${(e: PointerEvent) => this.glisser(e, i)}
        @pointerup=${(e: PointerEvent) => this.glisser(e, i)}
        @pointercancel=${(e: PointerEvent) => this.glisser(e, i)}
      ></canvas>
      <div>
        <p><strong>${libelle}</strong>${pret ? nothing : html` — ${t.traitement(i + 1)}`}</p>
        <div class="outils">
          ${bouton("monter", t.monter, () => void this.deplacer(i, i - 1, "monter"), i === 0)}
          ${bouton("descendre", t.descendre, () => void this.deplacer(i, i + 1, "descendre"), i === n - 1)}
          ${bouton("pivoter", t.pivoter, () => void this.pivoter(p))}
          ${bouton("recadrer", t.recadrer, () => void this.ouvrirRecadrage(p))}
          ${bouton("reprendre", t.reprendre, () => this.reprendre(p))}
          ${bouton("supprimer", t.supprimer, () => void this.supprimer(p))}
        </div>
      </div>
    </li>`;
  }

  private vueRecadrage(r: Recadrage): TemplateResult {
    const t = this.t;
    const n = this.pages.findIndex((p) => p.id === r.id) + 1;
    const pc = (v: number) => Math.round(v * 100);
    const deplacerCoin = (k: number, x: number, y: number) => {
      const coins = r.coins.map((c, j) => (j === k ? { x: borner(x), y: borner(y) } : c)) as Coins;
      this.recadrage = { ...r, coins };
    };
    const clavier = (e: KeyboardEvent, k: number) => {
      const pas = e.shiftKey ? 0.05 : 0.01;
      const d = { ArrowLeft: [-pas, 0], ArrowRight: [pas, 0], ArrowUp: [0, -pas], ArrowDown: [0, pas] }[
        e.key
      ];
      if (!d) return;
      e.preventDefault();
      deplacerCoin(k, r.coins[k]!.x + d[0]!, r.coins[k]!.y + d[1]!);
    };
    const pointeur = (e: PointerEvent, k: number) => {
      const bouton = e.currentTarget as HTMLElement;
      if (e.type === "pointerdown") bouton.setPointerCapture(e.pointerId);
      else if (!bouton.hasPointerCapture(e.pointerId)) return;
      const cadre = bouton.parentElement!.getBoundingClientRect();
      deplacerCoin(k, (e.clientX - cadre.left) / cadre.width, (e.clientY - cadre.top) / cadre.height);
    };
    return html`<section class="recadrage-panneau" aria-labelledby="titre-recadrage">
      <h5 id="titre-recadrage">${t.recadrage(n)}</h5>
      <p id="aide-recadrage">${t.aideRecadrage}</p>
      <div class="recadrage">
        <canvas aria-hidden="true" ${ref((c) => this.dessiner(c, r.apercu))}></canvas>
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
          ${svg`<polygon points=${r.coins.map((c) => `${c.x * 100},${c.y * 100}`).join(" ")} fill="rgb(0 0 145 / 0.12)" stroke="#000091" stroke-width="0.6" />`}
        </svg>
        ${r.coins.map(
          (c, k) =>
            html`<button
              type="button"
              class="coin"
              aria-label="${t.coins[k]} : ${t.position(pc(c.x), pc(c.y))}"
              aria-describedby="aide-recadrage"
              style=${styleMap({ left: `${c.x * 100}%`, top: `${c.y * 100}%` })}
              @keydown=${(e: KeyboardEvent) => clavier(e, k)}
              @pointerdown=${(e: PointerEvent) => pointeur(e, k)}
              @pointermove=${(e: PointerEvent) => pointeur(e, k)}
            ></button>`,
        )}
      </div>
      <div class="actions">
        <button type="button" class="principal" @click=${() => void this.fermerRecadrage(true)}>
          ${t.valider}
        </button>
        <button type="button" @click=${() => void this.fermerRecadrage(true, PAGE_ENTIERE)}>
          ${t.pageEntiere}
        </button>
        <button type="button" @click=${() => void this.fermerRecadrage(false)}>${t.annuler}</button>
      </div>
    </section>`;
  }
}

definirElement(NOM_SCAN_COPIE, TrousseScanCopie);

const ecoutes = new WeakSet<Element>();

/**
 * Opens (or shows again) the mode under the pupil view's « Photographier ma copie » button: the element is
 * placed right after the button's row, keeps its pages while hidden, and hands the PDF to `envoyer` (the
 * view's usual upload). The button's `aria-expanded` follows.
 *
 * @example
 * (await import("./scan/scan-copie.js")).ouvrirScan(bouton, devoir, "fr", (f) => void vue.ajouter([f]));
 */
export function ouvrirScan(
  bouton: HTMLElement,
  devoir: { id: string; titre: string; contraintes: { tailleMaxOctets: number } },
  langue: string,
  envoyer: (fichier: File) => void,
): void {
  const rangee = bouton.parentElement!;
  // Handed in: the pages kept on this device are no longer needed (listened on the widget, which outlives
  // this element and the view's re-renders).
  const hote = (bouton.getRootNode() as ShadowRoot).host;
  if (hote && !ecoutes.has(hote)) {
    ecoutes.add(hote);
    hote.addEventListener("trousse-rendu", (e) => {
      const id = (e as CustomEvent<{ devoirId?: string }>).detail?.devoirId;
      if (id) void effacerPages(id).catch(() => undefined);
    });
  }
  let scan = rangee.nextElementSibling;
  const basculer = (ouvert: boolean) => {
    (scan as HTMLElement).hidden = !ouvert;
    bouton.setAttribute("aria-expanded", String(ouvert));
    if (ouvert)
      void (scan as TrousseScanCopie).updateComplete.then(() =>
        (scan as TrousseScanCopie).renderRoot.querySelector<HTMLElement>("h4")?.focus(),
      );
    else bouton.focus();
  };
  if (!(scan instanceof TrousseScanCopie) || scan.devoirId !== devoir.id) {
    if (scan?.localName === NOM_SCAN_COPIE) scan.remove();
    const nouveau = Object.assign(document.createElement(NOM_SCAN_COPIE) as TrousseScanCopie, {
      devoirId: devoir.id,
      titre: devoir.titre,
      tailleMax: devoir.contraintes.tailleMaxOctets,
      langue,
    });
    nouveau.addEventListener("trousse-scan-pdf", (e) => {
      basculer(false);
      envoyer((e as CustomEvent<{ fichier: File }>).detail.fichier);
    });
    nouveau.addEventListener("trousse-scan-fermer", () => basculer(false));
    rangee.after(nouveau);
    scan = nouveau;
    basculer(true);
    return;
  }
  basculer((scan as HTMLElement).hidden);
}
