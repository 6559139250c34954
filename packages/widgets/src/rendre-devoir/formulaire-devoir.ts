import { instantVersHeureParis } from "@trousse/rules";
import type { Devoir, FamilleFichier, SaisieDevoir } from "./types-api.js";

const MO = 1024 * 1024;

/** The families a teacher can accept, in display order. */
export const FAMILLES: readonly FamilleFichier[] = ["document", "image", "audio", "video"];

/** The values of the assignment form, as the inputs hold them (dates in Paris wall-clock time). */
export interface ValeursFormulaire {
  groupeId: string;
  titre: string;
  consignes: string;
  ouverture: string;
  echeance: string;
  dateLimite: string;
  publicationCorrige: string;
  familles: FamilleFichier[];
  tailleMaxMo: string;
  nombreMax: string;
  declarationHonneur: string;
}

/**
 * The form's starting values: an assignment to edit (its instants shown in Paris time, as
 * `<input type="datetime-local">` expects), or a new one opening now, due in a week at 18:00.
 *
 * @example
 * ```ts
 * valeursInitiales(undefined, new Date("2026-03-23T08:00:00Z")).echeance; // "2026-03-30T18:00"
 * ```
 */
export function valeursInitiales(devoir: Devoir | undefined, maintenant = new Date()): ValeursFormulaire {
  const paris = (iso: string | null) => (iso ? instantVersHeureParis(new Date(iso)) : "");
  if (devoir)
    return {
      groupeId: devoir.groupe.id,
      titre: devoir.titre,
      consignes: devoir.consignes,
      ouverture: paris(devoir.dates.ouverture),
      echeance: paris(devoir.dates.echeance),
      dateLimite: paris(devoir.dates.dateLimite),
      publicationCorrige: paris(devoir.dates.publicationCorrige),
      familles: [...devoir.contraintes.familles],
      tailleMaxMo: String(Math.round(devoir.contraintes.tailleMaxOctets / MO)),
      nombreMax: String(devoir.contraintes.nombreMax),
      declarationHonneur: devoir.declarationHonneur ?? "",
    };
  const ouverture = instantVersHeureParis(maintenant);
  const dans7 = instantVersHeureParis(new Date(maintenant.getTime() + 7 * 86_400_000));
  return {
    groupeId: "",
    titre: "",
    consignes: "",
    ouverture,
    echeance: `${dans7.slice(0, 10)}T18:00`,
    dateLimite: "",
    publicationCorrige: "",
    familles: ["document", "image"],
    tailleMaxMo: "20",
    nombreMax: "3",
    declarationHonneur: "",
  };
}

/**
 * Reads the form into the body of `POST /v1/devoirs` / `PATCH /v1/devoirs/:id`. Dates stay in Paris
 * wall-clock time (`AAAA-MM-JJTHH:MM`): the API converts them with the rules, DST included. The API checks
 * everything again; this only shapes the values (empty optional dates → `null`).
 *
 * @example
 * ```ts
 * saisieDepuisFormulaire({ ...valeurs, tailleMaxMo: "10" }).contraintes.tailleMaxOctets; // 10485760
 * ```
 */
export function saisieDepuisFormulaire(v: ValeursFormulaire): SaisieDevoir {
  return {
    ...(v.groupeId ? { groupeId: v.groupeId } : {}),
    titre: v.titre.trim(),
    consignes: v.consignes.trim(),
    ouverture: v.ouverture,
    echeance: v.echeance,
    dateLimite: v.dateLimite || null,
    publicationCorrige: v.publicationCorrige || null,
    contraintes: {
      familles: FAMILLES.filter((f) => v.familles.includes(f)),
      tailleMaxOctets: Math.round(Number(v.tailleMaxMo) * MO),
      nombreMax: Math.trunc(Number(v.nombreMax)),
    },
    declarationHonneur: v.declarationHonneur.trim() || null,
  };
}

/**
 * Reads a `<form>`'s fields into {@link ValeursFormulaire} (checkboxes named `familles`).
 *
 * @example
 * ```ts
 * const valeurs = lireFormulaire(new FormData(form));
 * ```
 */
export function lireFormulaire(donnees: FormData): ValeursFormulaire {
  const s = (k: string) => {
    const v = donnees.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    groupeId: s("groupeId"),
    titre: s("titre"),
    consignes: s("consignes"),
    ouverture: s("ouverture"),
    echeance: s("echeance"),
    dateLimite: s("dateLimite"),
    publicationCorrige: s("publicationCorrige"),
    familles: donnees
      .getAll("familles")
      .filter((f): f is FamilleFichier => FAMILLES.includes(f as FamilleFichier)),
    tailleMaxMo: s("tailleMaxMo"),
    nombreMax: s("nombreMax"),
    declarationHonneur: s("declarationHonneur"),
  };
}
