import type { ReactiveControllerHost } from "lit";
import type { MessagesRendreDevoir } from "../../shared/i18n/rendre-devoir.js";
import type { Langue } from "../../shared/i18n/langue.js";

/**
 * What the controllers of `<trousse-rendre-devoir>` need from their element (and nothing more): re-render,
 * its shadow root (to move the focus), its texts and language, the API's address. The element implements
 * it; controllers and views import this interface, never the element (no import loop).
 */
export interface HoteRendreDevoir extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The texts in the element's language. */
  readonly t: MessagesRendreDevoir;
  /** The UI language (the element's `lang`, else the closest ancestor's). */
  readonly langueUi: Langue;
  /** The API's base address, no trailing slash. */
  readonly baseApi: string;
}

/**
 * Moves the focus, once the host has rendered, to the element matching `selecteur` in its shadow root
 * (a view's title after a change of view: WCAG 2.4.3).
 *
 * @example
 * ```ts
 * await focaliserApresRendu(hote, "#titre-devoir");
 * ```
 */
export async function focaliserApresRendu(hote: HoteRendreDevoir, selecteur: string): Promise<void> {
  await hote.updateComplete;
  hote.renderRoot.querySelector<HTMLElement>(selecteur)?.focus();
}
