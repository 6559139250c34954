import { ErreurRegle } from "../dates/erreur-regle.js";
import { formaterDateParis } from "../dates/formater-date.js";
import { type InstantEntree, analyserInstant } from "../dates/instant.js";

/**
 * Les dates d'un devoir, saisies par l'enseignant (instants ISO-8601 avec décalage, ou `Date`).
 * - `ouverture` : à partir de quand l'élève peut rendre (inclus) ;
 * - `echeance` : date de rendu ; un rendu à cet instant exact est à l'heure ;
 * - `dateLimite` (facultative) : entre l'échéance (exclue) et la date limite (incluse), le rendu est accepté
 *   et marqué en retard ; après, plus rien n'est accepté. Sans date limite, rien n'est accepté après l'échéance ;
 * - `publicationCorrige` (facultative) : à partir de cet instant (inclus), le corrigé est visible.
 */
export interface DatesDevoir {
  ouverture: InstantEntree;
  echeance: InstantEntree;
  dateLimite?: InstantEntree | null;
  publicationCorrige?: InstantEntree | null;
}

/** Les dates d'un devoir après validation : des `Date`, `null` pour une date facultative absente. */
export interface DatesDevoirValides {
  ouverture: Date;
  echeance: Date;
  dateLimite: Date | null;
  publicationCorrige: Date | null;
}

/** Codes stables des erreurs de {@link validerDatesDevoir}. */
export type CodeErreurDatesDevoir =
  | "dates-manquantes"
  | "date-manquante"
  | "date-invalide"
  | "echeance-avant-ouverture"
  | "date-limite-avant-echeance"
  | "corrige-avant-echeance"
  | "corrige-avant-date-limite";

/** Une erreur sur les dates d'un devoir : quel champ, quel code, quel message (fr puis en). */
export interface ErreurDatesDevoir {
  code: CodeErreurDatesDevoir;
  champ: keyof DatesDevoir | "";
  message: string;
  messageEn: string;
}

/** Résultat de {@link validerDatesDevoir}. */
export type ResultatDatesDevoir =
  { ok: true; dates: DatesDevoirValides } | { ok: false; erreurs: ErreurDatesDevoir[] };

const NOMS_CHAMPS: Record<keyof DatesDevoir, [string, string]> = {
  ouverture: ["la date d'ouverture", "the opening date"],
  echeance: ["l'échéance", "the due date"],
  dateLimite: ["la date limite", "the cut-off date"],
  publicationCorrige: ["la date de publication du corrigé", "the answer key release date"],
};

const majuscule = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function lireChamp(
  source: Record<string, unknown>,
  champ: keyof DatesDevoir,
  obligatoire: boolean,
  erreurs: ErreurDatesDevoir[],
): Date | null {
  const valeur = source[champ];
  const [fr, en] = NOMS_CHAMPS[champ];
  if (valeur === undefined || valeur === null || valeur === "") {
    if (obligatoire) {
      erreurs.push({
        code: "date-manquante",
        champ,
        message: `${majuscule(fr)} est obligatoire.`,
        messageEn: `${majuscule(en)} is required.`,
      });
    }
    return null;
  }
  const r = analyserInstant(valeur);
  if (!r.ok) {
    erreurs.push({
      code: "date-invalide",
      champ,
      message: `${majuscule(fr)} est invalide : ${r.message}`,
      messageEn: `${majuscule(en)} is invalid: ${r.messageEn}`,
    });
    return null;
  }
  return r.date;
}

/**
 * Valide les dates d'un devoir et les convertit en `Date`. Ne lève jamais : rend toutes les erreurs trouvées.
 * Règles : échéance strictement après l'ouverture ; date limite ≥ échéance ; publication du corrigé ≥
 * échéance et ≥ date limite (sinon un élève en retard pourrait recopier le corrigé).
 *
 * @example
 * validerDatesDevoir({ ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:59:00+02:00" });
 * // { ok: true, dates: { ouverture: Date, echeance: Date, dateLimite: null, publicationCorrige: null } }
 * validerDatesDevoir({ ouverture: "2026-04-01T08:00:00+02:00", echeance: "2026-03-31T23:59:00+02:00" });
 * // { ok: false, erreurs: [{ code: "echeance-avant-ouverture", champ: "echeance", message: "L'échéance (…) doit être après …" }] }
 */
export function validerDatesDevoir(dates: unknown): ResultatDatesDevoir {
  if (typeof dates !== "object" || dates === null || Array.isArray(dates)) {
    return {
      ok: false,
      erreurs: [
        {
          code: "dates-manquantes",
          champ: "",
          message:
            "Les dates du devoir sont manquantes : attendu { ouverture, echeance, dateLimite?, publicationCorrige? }.",
          messageEn:
            "The assignment dates are missing: expected { ouverture, echeance, dateLimite?, publicationCorrige? }.",
        },
      ],
    };
  }
  const source = dates as Record<string, unknown>;
  const erreurs: ErreurDatesDevoir[] = [];
  const ouverture = lireChamp(source, "ouverture", true, erreurs);
  const echeance = lireChamp(source, "echeance", true, erreurs);
  const dateLimite = lireChamp(source, "dateLimite", false, erreurs);
  const publicationCorrige = lireChamp(source, "publicationCorrige", false, erreurs);
  const fr = (d: Date): string => formaterDateParis(d, "fr");
  const en = (d: Date): string => formaterDateParis(d, "en");

  if (ouverture && echeance && echeance.getTime() <= ouverture.getTime()) {
    erreurs.push({
      code: "echeance-avant-ouverture",
      champ: "echeance",
      message: `L'échéance (${fr(echeance)}) doit être après la date d'ouverture (${fr(ouverture)}).`,
      messageEn: `The due date (${en(echeance)}) must be after the opening date (${en(ouverture)}).`,
    });
  }
  if (echeance && dateLimite && dateLimite.getTime() < echeance.getTime()) {
    erreurs.push({
      code: "date-limite-avant-echeance",
      champ: "dateLimite",
      message: `La date limite (${fr(dateLimite)}) ne peut pas précéder l'échéance (${fr(echeance)}).`,
      messageEn: `The cut-off date (${en(dateLimite)}) cannot be before the due date (${en(echeance)}).`,
    });
  }
  if (echeance && publicationCorrige && publicationCorrige.getTime() < echeance.getTime()) {
    erreurs.push({
      code: "corrige-avant-echeance",
      champ: "publicationCorrige",
      message: `Le corrigé (${fr(publicationCorrige)}) ne peut pas être publié avant l'échéance (${fr(echeance)}).`,
      messageEn: `The answer key (${en(publicationCorrige)}) cannot be released before the due date (${en(echeance)}).`,
    });
  } else if (dateLimite && publicationCorrige && publicationCorrige.getTime() < dateLimite.getTime()) {
    erreurs.push({
      code: "corrige-avant-date-limite",
      champ: "publicationCorrige",
      message: `Le corrigé (${fr(publicationCorrige)}) ne peut pas être publié avant la date limite (${fr(dateLimite)}) : un élève en retard pourrait le recopier.`,
      messageEn: `The answer key (${en(publicationCorrige)}) cannot be released before the cut-off date (${en(dateLimite)}): a late pupil could copy it.`,
    });
  }
  if (erreurs.length > 0 || !ouverture || !echeance) return { ok: false, erreurs };
  return { ok: true, dates: { ouverture, echeance, dateLimite, publicationCorrige } };
}

/**
 * Valide les dates ou lève une {@link ErreurRegle} portant le code de la première erreur. Utilisé par les
 * règles de statut, qui supposent un devoir valide.
 *
 * @example
 * exigerDatesDevoir({ ouverture: "2026-03-23T08:00Z", echeance: "2026-03-31T21:59Z" }).echeance; // Date
 */
export function exigerDatesDevoir(dates: DatesDevoir): DatesDevoirValides {
  const r = validerDatesDevoir(dates);
  if (!r.ok) {
    const premiere = r.erreurs[0] as ErreurDatesDevoir;
    throw new ErreurRegle(premiere.code, premiere.message, premiere.messageEn);
  }
  return r.dates;
}

/**
 * Le dernier instant où un rendu est accepté : la date limite si elle existe, sinon l'échéance (inclus).
 *
 * @example
 * finDesRendus({ ouverture, echeance, dateLimite: null, publicationCorrige: null }) === echeance; // true
 */
export function finDesRendus(dates: DatesDevoirValides): Date {
  return dates.dateLimite ?? dates.echeance;
}

/**
 * Les seules dates d'un devoir, prises dans un objet qui en porte d'autres (une ligne de base de données,
 * une réponse d'API) : ce que les règles de statut, de rendu et de purge attendent.
 *
 * @example
 * datesDuDevoir({ id: "…", titre: "Exposé", ouverture, echeance, dateLimite: null, publicationCorrige: null });
 * // { ouverture, echeance, dateLimite: null, publicationCorrige: null }
 */
export function datesDuDevoir(devoir: DatesDevoir): DatesDevoir {
  return {
    ouverture: devoir.ouverture,
    echeance: devoir.echeance,
    dateLimite: devoir.dateLimite ?? null,
    publicationCorrige: devoir.publicationCorrige ?? null,
  };
}
