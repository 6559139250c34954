import type { ReactiveController } from "lit";
import type { EnfantStatuts } from "../types-api.js";
import type { ApiControleur } from "./api.js";
import type { HoteRendreDevoir } from "./hote.js";

/**
 * The parent's state in `<trousse-rendre-devoir>`: each child's assignments and statuses (read-only).
 *
 * @example
 * ```ts
 * const parent = new ParentControleur(element, api);
 * await parent.charger();
 * parent.enfants; // [{ eleve, devoirs }]
 * ```
 */
export class ParentControleur implements ReactiveController {
  /** Undefined until loaded. */
  enfants: EnfantStatuts[] | undefined;

  constructor(
    private readonly hote: HoteRendreDevoir,
    private readonly api: ApiControleur,
  ) {
    hote.addController(this);
  }

  hostConnected(): void {}

  reinitialiser(): void {
    this.enfants = undefined;
  }

  async charger(): Promise<void> {
    const r = await this.api.agir(() => this.api.client.devoirs());
    this.enfants = r?.enfants ?? [];
    this.hote.requestUpdate();
  }
}
