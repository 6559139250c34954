import { type InstantEntree, versDate } from "../dates/instant.js";

/** Un rendu d'élève, vu par les règles : l'instant de sa dernière version (horloge du serveur). */
export interface RenduDevoir {
  renduLe: InstantEntree;
  /**
   * L'échéance accordée à l'élève (son délai, voir `datesEffectives`) quand cette version a été rendue,
   * telle que le serveur l'a enregistrée avec elle. Un rendu à l'heure sous un délai le reste si le délai
   * est retiré ou raccourci ensuite : l'accusé de réception n'est jamais démenti.
   */
  echeanceAccordee?: InstantEntree | null;
}

/**
 * L'instant du rendu s'il existe et n'est pas postérieur à `maintenant`, sinon `null` : un rendu daté après
 * `maintenant` est ignoré, ce qui permet de rejouer l'historique (« quel était le statut à telle heure ? »).
 *
 * @example
 * renduConnu({ renduLe: "2026-03-30T10:00Z" }, new Date("2026-03-31T00:00Z")); // Date 2026-03-30T10:00Z
 * renduConnu({ renduLe: "2026-03-30T10:00Z" }, new Date("2026-03-29T00:00Z")); // null
 */
export function renduConnu(rendu: RenduDevoir | null | undefined, maintenant: Date): Date | null {
  if (!rendu) return null;
  const le = versDate(rendu.renduLe);
  return le.getTime() <= maintenant.getTime() ? le : null;
}

/**
 * Un rendu est en retard s'il arrive strictement après l'échéance (un rendu à l'instant exact de l'échéance
 * est à l'heure).
 *
 * @example
 * estEnRetard(new Date("2026-03-31T21:59:00Z"), new Date("2026-03-31T21:59:00Z")); // false
 */
export function estEnRetard(renduLe: Date, echeance: Date): boolean {
  return renduLe.getTime() > echeance.getTime();
}

/**
 * L'échéance qui juge un rendu : la plus tardive de l'échéance effective actuelle de l'élève et de celle qui
 * lui était accordée quand il a rendu (`echeanceAccordee`).
 *
 * @example
 * echeanceDuRendu({ renduLe, echeanceAccordee: "2026-04-07T21:59Z" }, new Date("2026-03-31T21:59Z")); // 7 avril
 */
export function echeanceDuRendu(rendu: RenduDevoir, echeance: Date): Date {
  const accordee = rendu.echeanceAccordee;
  if (accordee === null || accordee === undefined || accordee === "") return echeance;
  const a = versDate(accordee);
  return a.getTime() > echeance.getTime() ? a : echeance;
}
