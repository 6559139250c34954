import {
  analyserHeureParis,
  validerContraintesFichiers,
  validerDatesDevoir,
  type DatesDevoirValides,
} from "@trousse/rules";
import { detailsZod } from "../erreurs/details-zod.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { crochetValidation, type ResultatValidation } from "../erreurs/crochet-validation.js";

const HEURE_MURALE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * Lit une date saisie : instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure murale de
 * Paris sans décalage (`2026-03-31T23:59`, convertie par les règles, changements d'heure compris).
 * Renvoie la valeur telle quelle si elle n'est ni l'un ni l'autre : `validerDatesDevoir` dira pourquoi.
 *
 * @example
 * lireDateSaisie("2026-03-31T23:59"); // Date 2026-03-31T21:59:00.000Z
 */
export function lireDateSaisie(valeur: unknown): unknown {
  if (typeof valeur === "string" && HEURE_MURALE.test(valeur.trim())) {
    const r = analyserHeureParis(valeur);
    return r.ok ? r.date : valeur;
  }
  return valeur;
}

/**
 * Valide les dates d'un devoir avec les règles (ouverture ≤ échéance ≤ date limite, corrigé après
 * l'échéance) ; 400 avec le code de la première erreur des règles et un détail par erreur sinon.
 *
 * @example
 * const dates = validerDates({ ouverture: "2026-03-23T08:00", echeance: "2026-03-31T23:59" });
 */
export function validerDates(d: {
  ouverture: unknown;
  echeance: unknown;
  dateLimite?: unknown;
  publicationCorrige?: unknown;
}): DatesDevoirValides {
  const facultative = (v: unknown) => (v == null || v === "" ? null : lireDateSaisie(v));
  const r = validerDatesDevoir({
    ouverture: lireDateSaisie(d.ouverture),
    echeance: lireDateSaisie(d.echeance),
    dateLimite: facultative(d.dateLimite),
    publicationCorrige: facultative(d.publicationCorrige),
  });
  if (r.ok) return r.dates;
  throw new ErreurApi(
    400,
    r.erreurs[0]!.code,
    r.erreurs.map((e) => e.message).join(" "),
    r.erreurs.map((e) => ({ champ: e.champ || "(dates)", code: e.code, message: e.message })),
  );
}

/**
 * Validation hook of the assignment bodies: the file constraints are the rules' (`contraintesFichiersSchema`),
 * so their problems carry the rules' codes (`nombre-max-invalide`…) and, when they are the only problems,
 * the answer's code is `contraintes-invalides`. Anything else: 400 `requete-invalide`.
 *
 * @example
 * app.openapi(route, handler, crochetDevoir);
 */
export function crochetDevoir(resultat: ResultatValidation & { data?: unknown }): undefined {
  if (resultat.success) return undefined;
  const corps = resultat.data as { contraintes?: unknown } | undefined;
  const regles =
    resultat.target === "json" && corps && typeof corps === "object" && "contraintes" in corps
      ? validerContraintesFichiers(corps.contraintes)
      : null;
  if (!regles || regles.ok) return crochetValidation(resultat);
  const autres = detailsZod(resultat.error).filter(
    (d) => d.champ !== "contraintes" && !d.champ.startsWith("contraintes."),
  );
  const tous = [
    ...autres,
    ...regles.erreurs.map((e) => ({
      champ: e.champ ? `contraintes.${e.champ}` : "contraintes",
      code: e.code,
      message: e.message,
    })),
  ];
  throw new ErreurApi(
    400,
    autres.length === 0 ? "contraintes-invalides" : "requete-invalide",
    tous.map((d) => d.message).join(" "),
    tous,
  );
}
