import { formaterDateParis } from "../dates/formater-date.js";
import { type InstantEntree, versDate } from "../dates/instant.js";
import { type DatesDevoir } from "./dates-devoir.js";
import { type Derogation, datesEffectives } from "./derogation.js";
import { type RenduDevoir, renduConnu } from "./rendu.js";

/** Pourquoi un rendu (ou un remplacement) est refusé. */
export type CodeRefusRendu =
  "pas-encore-ouvert" | "echeance-depassee" | "date-limite-depassee" | "aucun-rendu";

/** Un refus : code stable et messages (fr, en) qui donnent la date en cause, en heure de Paris. */
export interface RefusRendu {
  ok: false;
  code: CodeRefusRendu;
  message: string;
  messageEn: string;
}

/** Résultat de {@link peutRendre}. */
export type ResultatPeutRendre = { ok: true; enRetard: boolean } | RefusRendu;

/** Résultat de {@link peutRemplacer}. */
export type ResultatPeutRemplacer = { ok: true } | RefusRendu;

function refus(code: CodeRefusRendu, fr: string, en: string): RefusRendu {
  return { ok: false, code, message: fr, messageEn: en };
}

function pasEncoreOuvert(ouverture: Date): RefusRendu {
  return refus(
    "pas-encore-ouvert",
    `Ce devoir ouvre le ${formaterDateParis(ouverture)} : il ne peut pas encore être rendu.`,
    `This assignment opens on ${formaterDateParis(ouverture, "en")}: it cannot be handed in yet.`,
  );
}

/**
 * Le serveur peut-il accepter un rendu maintenant ? Ouverture incluse ; jusqu'à l'échéance incluse le rendu
 * est à l'heure ; après l'échéance et jusqu'à la date limite incluse il est accepté **en retard** ; après,
 * refusé (`date-limite-depassee`, ou `echeance-depassee` s'il n'y a pas de date limite).
 * Avec un délai accordé à l'élève (`derogation`), ce sont ses dates effectives (`datesEffectives`) qui
 * décident, et les messages donnent ses dates à lui.
 * Lève `ErreurRegle` si les dates du devoir sont invalides.
 *
 * @example
 * const devoir = { ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:59:00+02:00",
 *                  dateLimite: "2026-04-02T23:59:00+02:00" };
 * peutRendre({ devoir, maintenant: "2026-03-31T23:00:00+02:00" }); // { ok: true, enRetard: false }
 * peutRendre({ devoir, maintenant: "2026-04-01T10:00:00+02:00" }); // { ok: true, enRetard: true }
 * peutRendre({ devoir, maintenant: "2026-04-03T00:00:00+02:00" }); // { ok: false, code: "date-limite-depassee", … }
 * peutRendre({ devoir, derogation: { echeance: "2026-04-07T23:59:00+02:00" }, maintenant: "2026-04-03T00:00:00+02:00" });
 * // { ok: true, enRetard: false }
 */
export function peutRendre(entree: {
  devoir: DatesDevoir;
  /** Le délai accordé à cet élève, s'il en a un. */
  derogation?: Derogation | null;
  maintenant: InstantEntree;
}): ResultatPeutRendre {
  const d = datesEffectives(entree.devoir, entree.derogation);
  const t = versDate(entree.maintenant).getTime();
  if (t < d.ouverture.getTime()) return pasEncoreOuvert(d.ouverture);
  if (t <= d.echeance.getTime()) return { ok: true, enRetard: false };
  if (d.dateLimite && t <= d.dateLimite.getTime()) return { ok: true, enRetard: true };
  if (d.dateLimite) {
    return refus(
      "date-limite-depassee",
      `La date limite était le ${formaterDateParis(d.dateLimite)} : ce devoir ne peut plus être rendu.`,
      `The cut-off date was ${formaterDateParis(d.dateLimite, "en")}: this assignment can no longer be handed in.`,
    );
  }
  return refus(
    "echeance-depassee",
    `L'échéance était le ${formaterDateParis(d.echeance)} : ce devoir ne peut plus être rendu.`,
    `The due date was ${formaterDateParis(d.echeance, "en")}: this assignment can no longer be handed in.`,
  );
}

/**
 * L'élève peut-il remplacer son rendu ? Seulement s'il a déjà rendu et **jusqu'à l'échéance incluse** :
 * pendant le délai de retard, un rendu se dépose mais ne se remplace plus. L'échéance est celle de l'élève
 * s'il a un délai accordé (`derogation`).
 *
 * @example
 * peutRemplacer({ devoir, rendu: { renduLe: "2026-03-30T18:00:00+02:00" }, maintenant: "2026-03-31T20:00:00+02:00" });
 * // { ok: true }
 * peutRemplacer({ devoir, rendu: null, maintenant: "2026-03-31T20:00:00+02:00" });
 * // { ok: false, code: "aucun-rendu", … }
 */
export function peutRemplacer(entree: {
  devoir: DatesDevoir;
  rendu?: RenduDevoir | null;
  /** Le délai accordé à cet élève, s'il en a un. */
  derogation?: Derogation | null;
  maintenant: InstantEntree;
}): ResultatPeutRemplacer {
  const d = datesEffectives(entree.devoir, entree.derogation);
  const maintenant = versDate(entree.maintenant);
  const t = maintenant.getTime();
  if (t < d.ouverture.getTime()) return pasEncoreOuvert(d.ouverture);
  if (!renduConnu(entree.rendu, maintenant)) {
    return refus(
      "aucun-rendu",
      "Il n'y a pas encore de rendu à remplacer : rendez d'abord le devoir.",
      "There is no hand-in to replace yet: hand the assignment in first.",
    );
  }
  if (t > d.echeance.getTime()) {
    return refus(
      "echeance-depassee",
      `L'échéance était le ${formaterDateParis(d.echeance)} : le rendu ne peut plus être remplacé.`,
      `The due date was ${formaterDateParis(d.echeance, "en")}: the hand-in can no longer be replaced.`,
    );
  }
  return { ok: true };
}
