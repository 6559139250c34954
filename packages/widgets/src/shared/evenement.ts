/**
 * Dispatches a documented widget event: bubbling and `composed`, so a host page listening on `document`
 * receives it through the Shadow DOM boundary.
 *
 * @example
 * ```ts
 * emettre(this, "trousse-outil-choisi", { outilId: "renavisio", nom: "RENAVISIO", url: "https://renavisio.renater.fr/" });
 * ```
 */
export function emettre<T>(source: EventTarget, type: string, detail: T): boolean {
  return source.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
