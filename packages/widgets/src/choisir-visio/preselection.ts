import { NIVEAUX } from "@trousse/catalogue";
import {
  ENTS_ECOLE as ENTS,
  INTERLOCUTEURS,
  OBJETS_VISIO as OBJETS,
  ORGANISATEURS,
  PARTICIPANTS_MAX,
  type BesoinVisio,
  type Organisateur,
} from "@trousse/rules";

/** The answers preset by the element's attributes (each one skips its step). */
export type Preselection = Partial<BesoinVisio>;

/** An attribute value that could not be used (the step is then asked, nothing crashes). */
export interface AttributIgnore {
  attribut: string;
  valeur: string;
  code: "attribut-invalide";
  message: string;
}

/** Raw attribute values, as read from the element (`null` = absent). */
export interface AttributsVisio {
  role?: string | null;
  avec?: string | null;
  participants?: string | null;
  objet?: string | null;
  niveau?: string | null;
  ent?: string | null;
  besoins?: string | null;
}

/** The allowed values, from the rules and the catalogue (one source of truth). */
export { ORGANISATEURS, INTERLOCUTEURS, OBJETS, NIVEAUX, ENTS };

/** The three yes/no needs, in the order of the form. */
export const BESOINS = ["elevesIdentifies", "reservationPossible", "webConferenceEntEnCours"] as const;
export type CleBesoin = (typeof BESOINS)[number];
/** Kebab-case spelling of each need in the `besoins` attribute. */
const BESOIN_ATTRIBUT: Record<string, CleBesoin> = {
  "eleves-identifies": "elevesIdentifies",
  "reservation-possible": "reservationPossible",
  "web-conference-ent-en-cours": "webConferenceEntEnCours",
};

/** Other ENT role names and short forms accepted by `role` (besides the organisers' own ids). */
const ALIAS_ROLES: Record<string, Organisateur> = {
  enseignante: "enseignant",
  professeur: "enseignant",
  direction: "personnel-direction",
  administratif: "personnel-administratif",
  inspection: "inspection-formation",
  formation: "inspection-formation",
};

const sansAccent = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const cle = (s: string): string => sansAccent(s.trim().toLowerCase()).replace(/[\s_]+/g, "-");

/**
 * Reads the preset answers from the element's attributes. Values are case- and accent-insensitive
 * (`niveau="2d"`, `ent="ODE"`, `avec="élèves, familles"`); `role` is the ENT role of the user, mapped to
 * the organiser. Unusable values are returned in `ignores` (French message, stable code) and their step is
 * asked as usual.
 *
 * @example
 * ```ts
 * lirePreselection({ ent: "ode", niveau: "2d", role: "enseignant" });
 * // { preselection: { ent: "ode", niveau: "2D", organisateur: "enseignant" }, ignores: [] }
 * ```
 */
export function lirePreselection(attributs: AttributsVisio): {
  preselection: Preselection;
  ignores: AttributIgnore[];
} {
  const preselection: Preselection = {};
  const ignores: AttributIgnore[] = [];
  const ignorer = (attribut: string, valeur: string, attendu: string): void => {
    ignores.push({
      attribut,
      valeur,
      code: "attribut-invalide",
      message: `Attribut ${attribut}="${valeur}" ignoré : valeur attendue ${attendu}.`,
    });
  };

  const { role, avec, participants, objet, niveau, ent, besoins } = attributs;
  if (role != null) {
    const valeur = cle(role);
    const organisateur = ORGANISATEURS.find((o) => o === valeur) ?? ALIAS_ROLES[valeur];
    if (organisateur) preselection.organisateur = organisateur;
    else ignorer("role", role, [...ORGANISATEURS, ...Object.keys(ALIAS_ROLES)].join(", "));
  }
  if (avec != null) {
    const valeurs = avec
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(cle);
    const connus = INTERLOCUTEURS.filter((i) => valeurs.includes(i));
    if (valeurs.length > 0 && connus.length === valeurs.length) preselection.avec = [...connus];
    else ignorer("avec", avec, `une liste parmi ${INTERLOCUTEURS.join(", ")}`);
  }
  if (participants != null) {
    const n = /^\s*\d+\s*$/.test(participants) ? Number(participants) : NaN;
    if (Number.isSafeInteger(n) && n >= 2 && n <= PARTICIPANTS_MAX) preselection.participants = n;
    else ignorer("participants", participants, `un nombre entier de 2 à ${PARTICIPANTS_MAX}`);
  }
  if (objet != null) {
    const o = OBJETS.find((x) => x === cle(objet));
    if (o) preselection.objet = o;
    else ignorer("objet", objet, OBJETS.join(", "));
  }
  if (niveau != null) {
    const n = NIVEAUX.find((x) => x === niveau.trim().toUpperCase());
    if (n) preselection.niveau = n;
    else ignorer("niveau", niveau, "1d ou 2d");
  }
  if (ent != null) {
    const e = ENTS.find((x) => x === cle(ent));
    if (e) preselection.ent = e;
    else ignorer("ent", ent, ENTS.join(", "));
  }
  if (besoins != null) {
    const valeurs = besoins
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(cle);
    const inconnus = valeurs.filter((v) => !(v in BESOIN_ATTRIBUT));
    if (inconnus.length === 0) {
      for (const b of BESOINS) preselection[b] = false;
      for (const v of valeurs) preselection[BESOIN_ATTRIBUT[v] as CleBesoin] = true;
    } else
      ignorer("besoins", besoins, `une liste parmi ${Object.keys(BESOIN_ATTRIBUT).join(", ")} (ou vide)`);
  }
  return { preselection, ignores };
}
