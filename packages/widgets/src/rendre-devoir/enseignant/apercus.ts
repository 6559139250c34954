import { apercuPossible, TYPES_APERCU } from "@trousse/rules";
import { html, nothing, type ReactiveController, type TemplateResult } from "lit";
import type { ApiControleur } from "../controleurs/api.js";
import { vignette as redessiner } from "../controleurs/envois.js";
import type { HoteRendreDevoir } from "../controleurs/hote.js";

/** A handed-in file as the follow-up lists it. */
export interface FichierAvecApercu {
  url: string;
  mime: string;
  taille: number;
}

/** Thumbnails fetched at once, at most (the API counts requests per user). */
const EN_PARALLELE = 3;

/**
 * Thumbnails of the handed-in images in the teacher's follow-up. The files are served as attachments under
 * a sandboxed CSP and the token never goes in a URL, so an `<img>` cannot point at them: each image that
 * the rules allow ({@link apercuPossible}: PNG, JPEG, GIF, WebP, never SVG) is fetched from the API's
 * thumbnail route (`…/apercu`: inline, type from the stored bytes, `nosniff`), kept only if the answer's
 * type is one of {@link TYPES_APERCU}, then decoded and drawn again 96 px wide as a JPEG `data:` address,
 * as the pupil's side does from the local file before upload: the page never shows the pupil's bytes
 * themselves, and a host page whose CSP allows `img-src data:` shows both. A file without a thumbnail keeps
 * its download button only. At most {@link EN_PARALLELE} requests at once.
 *
 * @example
 * ```ts
 * const apercus = new ApercusControleur(element, api);
 * html`${vignette(apercus, fichier, t.apercu(fichier.nom))}`;
 * ```
 */
export class ApercusControleur implements ReactiveController {
  readonly #adresses = new Map<string, string>();
  readonly #demandes = new Set<string>();
  readonly #file: FichierAvecApercu[] = [];
  #actifs = 0;

  constructor(
    private readonly hote: HoteRendreDevoir,
    private readonly api: ApiControleur,
  ) {
    hote.addController(this);
  }

  hostConnected(): void {}

  /** The thumbnail's address once fetched (undefined before, or without one); asks for it the first time. */
  pour(f: FichierAvecApercu): string | undefined {
    if (!apercuPossible(f)) return undefined;
    const adresse = this.#adresses.get(f.url);
    if (adresse || this.#demandes.has(f.url)) return adresse;
    this.#demandes.add(f.url);
    this.#file.push(f);
    this.#suivant();
    return undefined;
  }

  #suivant(): void {
    while (this.#actifs < EN_PARALLELE && this.#file.length > 0) {
      const f = this.#file.shift()!;
      this.#actifs++;
      void this.#charger(f).finally(() => {
        this.#actifs--;
        this.#suivant();
      });
    }
  }

  async #charger(f: FichierAvecApercu): Promise<void> {
    try {
      const image = await this.api.client.telecharger(`${f.url}/apercu`);
      if (!(TYPES_APERCU as readonly string[]).includes(image.type)) return;
      const adresse = await redessiner(image);
      if (!adresse || !this.#demandes.has(f.url)) return; // not decodable, or emptied meanwhile
      this.#adresses.set(f.url, adresse);
      this.hote.requestUpdate();
    } catch {
      // No thumbnail (refused, network): the download button stays, nothing else to say.
    }
  }

  /** Forgets every thumbnail. */
  vider(): void {
    this.#adresses.clear();
    this.#demandes.clear();
    this.#file.length = 0;
  }
}

/**
 * A file's thumbnail in the follow-up, once fetched (nothing before, or without one).
 *
 * @example
 * ```ts
 * html`${vignette(enseignant.apercus, fichier, t.apercu(fichier.nom))}`;
 * ```
 */
export function vignette(
  apercus: ApercusControleur,
  f: FichierAvecApercu,
  alt: string,
): TemplateResult | typeof nothing {
  const src = apercus.pour(f);
  return src ? html`<img class="apercu" src=${src} alt=${alt} width="48" height="48" />` : nothing;
}
