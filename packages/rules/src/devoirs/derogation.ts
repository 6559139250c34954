import { formaterDateParis } from "../dates/formater-date.js";
import { type InstantEntree, analyserInstant, versDate } from "../dates/instant.js";
import {
  type DatesDevoir,
  type DatesDevoirValides,
  exigerDatesDevoir,
  finDesRendus,
} from "./dates-devoir.js";

/**
 * Le délai accordé à UN élève pour un devoir (dérogation : maladie, emploi du temps aménagé), donné par
 * l'enseignant auteur. Chaque date est facultative, au moins une est donnée :
 * - `echeance` : l'échéance de cet élève (un rendu jusqu'à cet instant **inclus** est à l'heure) ;
 * - `dateLimite` : sa date limite (rendu accepté en retard jusqu'à cet instant **inclus**).
 */
export interface Derogation {
  echeance?: InstantEntree | null;
  dateLimite?: InstantEntree | null;
}

/** Une dérogation validée : des `Date`, `null` pour la date non accordée. */
export interface DerogationValide {
  echeance: Date | null;
  dateLimite: Date | null;
}

/** Codes stables des refus de {@link validerDerogation}. */
export type CodeErreurDerogation =
  | "delai-vide"
  | "date-invalide"
  | "delai-echeance-trop-tot"
  | "delai-date-limite-avant-echeance"
  | "delai-date-limite-trop-tot";

/** Un refus : quel champ, quel code, quel message (fr puis en, dates en heure de Paris). */
export interface ErreurDerogation {
  code: CodeErreurDerogation;
  champ: keyof Derogation | "";
  message: string;
  messageEn: string;
}

/** Résultat de {@link validerDerogation}. */
export type ResultatDerogation =
  { ok: true; derogation: DerogationValide } | { ok: false; erreurs: ErreurDerogation[] };

const vide = (v: unknown): boolean => v === undefined || v === null || v === "";
const plusTard = (a: Date, b: Date | null): Date => (b && b.getTime() > a.getTime() ? b : a);

/**
 * Valide le délai qu'un enseignant accorde à un élève, au regard des dates du devoir. Ne lève jamais (sauf
 * dates du devoir invalides : `ErreurRegle`) ; rend toutes les erreurs trouvées. Un délai **ne retire
 * jamais de temps** à l'élève, il en donne :
 * - au moins une date (`delai-vide`), chacune lisible (`date-invalide`) ;
 * - l'échéance accordée est strictement après celle du devoir (`delai-echeance-trop-tot` : pour
 *   raccourcir, c'est le devoir qu'on modifie) ;
 * - la date limite accordée n'est pas avant l'échéance de l'élève, accordée ou celle du devoir
 *   (`delai-date-limite-avant-echeance`) ;
 * - la date limite accordée est strictement après la fin des rendus du devoir, sa date limite ou à défaut
 *   son échéance (`delai-date-limite-trop-tot` : elle ne ferait rien gagner).
 * Un délai peut dépasser la publication du corrigé : le corrigé attend alors, pour cet élève, la fin de
 * son délai (voir {@link datesEffectives}).
 *
 * @example
 * const devoir = { ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:59:00+02:00" };
 * validerDerogation(devoir, { echeance: "2026-04-07T23:59:00+02:00" });
 * // { ok: true, derogation: { echeance: Date, dateLimite: null } }
 * validerDerogation(devoir, { echeance: "2026-03-30T23:59:00+02:00" });
 * // { ok: false, erreurs: [{ code: "delai-echeance-trop-tot", champ: "echeance", … }] }
 */
export function validerDerogation(devoir: DatesDevoir, derogation: unknown): ResultatDerogation {
  const d = exigerDatesDevoir(devoir);
  const source =
    typeof derogation === "object" && derogation !== null && !Array.isArray(derogation)
      ? (derogation as Record<string, unknown>)
      : {};
  if (vide(source.echeance) && vide(source.dateLimite)) {
    return {
      ok: false,
      erreurs: [
        {
          code: "delai-vide",
          champ: "",
          message: "Indiquez l'échéance ou la date limite accordée à l'élève (au moins l'une des deux).",
          messageEn: "Give the due date or the cut-off date granted to the pupil (at least one of them).",
        },
      ],
    };
  }
  const erreurs: ErreurDerogation[] = [];
  const lire = (champ: keyof Derogation, fr: string, en: string): Date | null => {
    const valeur = source[champ];
    if (vide(valeur)) return null;
    const r = analyserInstant(valeur);
    if (r.ok) return r.date;
    erreurs.push({
      code: "date-invalide",
      champ,
      message: `${fr} est invalide : ${r.message}`,
      messageEn: `${en} is invalid: ${r.messageEn}`,
    });
    return null;
  };
  const echeance = lire("echeance", "L'échéance accordée", "The granted due date");
  const dateLimite = lire("dateLimite", "La date limite accordée", "The granted cut-off date");
  if (erreurs.length > 0) return { ok: false, erreurs };
  const fr = (x: Date): string => formaterDateParis(x, "fr");
  const en = (x: Date): string => formaterDateParis(x, "en");

  if (echeance && echeance.getTime() <= d.echeance.getTime()) {
    erreurs.push({
      code: "delai-echeance-trop-tot",
      champ: "echeance",
      message: `L'échéance accordée (${fr(echeance)}) doit être après celle du devoir (${fr(d.echeance)}).`,
      messageEn: `The granted due date (${en(echeance)}) must be after the assignment's (${en(d.echeance)}).`,
    });
  }
  const echeanceEleve = echeance ?? d.echeance;
  const fin = finDesRendus(d);
  if (dateLimite && dateLimite.getTime() < echeanceEleve.getTime()) {
    erreurs.push({
      code: "delai-date-limite-avant-echeance",
      champ: "dateLimite",
      message: `La date limite accordée (${fr(dateLimite)}) ne peut pas précéder l'échéance de l'élève (${fr(echeanceEleve)}).`,
      messageEn: `The granted cut-off date (${en(dateLimite)}) cannot be before the pupil's due date (${en(echeanceEleve)}).`,
    });
  } else if (dateLimite && dateLimite.getTime() <= fin.getTime()) {
    erreurs.push({
      code: "delai-date-limite-trop-tot",
      champ: "dateLimite",
      message: `La date limite accordée (${fr(dateLimite)}) doit être après la fin des rendus du devoir (${fr(fin)}) : sinon elle ne donne aucun temps de plus.`,
      messageEn: `The granted cut-off date (${en(dateLimite)}) must be after the assignment's last hand-in time (${en(fin)}): otherwise it gives no extra time.`,
    });
  }
  if (erreurs.length > 0) return { ok: false, erreurs };
  return { ok: true, derogation: { echeance, dateLimite } };
}

/**
 * Les dates qui valent pour UN élève : celles du devoir, prolongées par son délai accordé s'il en a un.
 * Bornes incluses comme pour le devoir (un rendu à l'instant exact de l'échéance effective est à l'heure).
 * Un délai ne raccourcit jamais (chaque date est la plus tardive des deux, même si le devoir a été modifié
 * depuis) ; totale, elle ne lève que si les dates du devoir sont invalides (`ErreurRegle`) :
 * - `ouverture` : celle du devoir ;
 * - `echeance` : la plus tardive de l'échéance du devoir et de l'échéance accordée ;
 * - `dateLimite` : la plus tardive de la date limite accordée, de celle du devoir et de l'échéance
 *   effective (s'il y en a une des deux) ; sinon aucune ;
 * - `publicationCorrige` : pour l'élève, **pas avant la fin de son délai** : un élève qui peut encore
 *   rendre ne doit pas pouvoir recopier le corrigé (même raison que `corrige-avant-date-limite`).
 *
 * @example
 * const devoir = { ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:59:00+02:00",
 *                  dateLimite: "2026-04-02T23:59:00+02:00", publicationCorrige: "2026-04-03T08:00:00+02:00" };
 * datesEffectives(devoir, null);
 * // les dates du devoir : échéance 31 mars, date limite 2 avril, corrigé 3 avril
 * datesEffectives(devoir, { echeance: "2026-04-07T23:59:00+02:00" });
 * // échéance 7 avril, date limite 7 avril (celle du devoir est passée), corrigé 7 avril 23 h 59
 * datesEffectives(devoir, { dateLimite: "2026-04-05T23:59:00+02:00" });
 * // échéance 31 mars, date limite 5 avril (en retard jusque-là), corrigé 5 avril 23 h 59
 */
export function datesEffectives(devoir: DatesDevoir, derogation?: Derogation | null): DatesDevoirValides {
  const d = exigerDatesDevoir(devoir);
  if (!derogation) return d;
  const accordee = (v: InstantEntree | null | undefined): Date | null => (vide(v) ? null : versDate(v!));
  const echeanceAccordee = accordee(derogation.echeance);
  const limiteAccordee = accordee(derogation.dateLimite);
  if (!echeanceAccordee && !limiteAccordee) return d;
  const echeance = plusTard(d.echeance, echeanceAccordee);
  const limite = limiteAccordee ?? d.dateLimite;
  const dateLimite = limite ? plusTard(plusTard(limite, d.dateLimite), echeance) : null;
  const fin = dateLimite ?? echeance;
  const publicationCorrige = d.publicationCorrige ? plusTard(d.publicationCorrige, fin) : null;
  return { ouverture: d.ouverture, echeance, dateLimite, publicationCorrige };
}

/**
 * Le délai de cet élève est-il en cours : a-t-il un délai accordé et peut-il encore rendre grâce à lui
 * (`maintenant` ≤ fin de ses rendus, **incluse**) ? Sert à ne pas lui envoyer les rappels de la classe.
 *
 * @example
 * delaiEnCours({ devoir, derogation: { echeance: "2026-04-07T23:59:00+02:00" }, maintenant: "2026-04-01T10:00:00+02:00" }); // true
 * delaiEnCours({ devoir, derogation: null, maintenant: "2026-04-01T10:00:00+02:00" }); // false
 */
export function delaiEnCours(entree: {
  devoir: DatesDevoir;
  derogation?: Derogation | null;
  maintenant: InstantEntree;
}): boolean {
  if (!entree.derogation) return false;
  const fin = finDesRendus(datesEffectives(entree.devoir, entree.derogation));
  return versDate(entree.maintenant).getTime() <= fin.getTime();
}
