import type { Role } from "@trousse/db";

/**
 * Which attributes (OIDC claims or CAS attributes) an ENT sends for each part of an identity, in order of
 * preference: the first attribute holding a non-empty value wins. `valeursProfil` maps a profile value
 * (compared upper-cased) to a Trousse role; other profiles are refused.
 */
export interface Correspondance {
  /** `entcore`, `sdet`, or `explicite` (an `attributs` object in ents.json). */
  nom: string;
  profil: readonly string[];
  valeursProfil: Readonly<Record<string, Role>>;
  nomAffiche: readonly string[];
  prenom: readonly string[];
  nomFamille: readonly string[];
  login: readonly string[];
  uai: readonly string[];
  structure: readonly string[];
  nomEtablissement: readonly string[];
  classes: readonly string[];
  groupes: readonly string[];
  /** The children's ids of a parent: a list, an object keyed by child id, or LDAP DNs `uid=<id>,…`. */
  enfants: readonly string[];
}

/**
 * entcore's names (ODE), read in the entcore sources (repository edificeio/entcore):
 * `session/.../AuthManager.java` `generateSessionInfos` (`classNames`, `classes` = class ids, `structures` =
 * structure ids, `structureNames`, `uai` array, `type`, `username`, `login`, `childrenIds`, `children`) and
 * `auth/.../UserInfoAdapterV1_0Json.java` (userinfo of a client application: `type` ELEVE / ENSEIGNANT /
 * PERSRELELEVE / PERSEDUCNAT, `classId` = first class name, `schoolName`, `uai` kept; `classNames`,
 * `structures`, `structureNames`, `children` removed). See `mapping.ts`.
 */
export const CORRESPONDANCE_ENTCORE: Correspondance = {
  nom: "entcore",
  profil: ["type", "profile", "profiles"],
  valeursProfil: {
    ELEVE: "eleve",
    ENSEIGNANT: "enseignant",
    PERSRELELEVE: "parent",
    PERSEDUCNAT: "personnel",
    // entcore profile names (HEAD(n.profiles)), sent as is by some adapters and CAS mappings.
    STUDENT: "eleve",
    TEACHER: "enseignant",
    RELATIVE: "parent",
    PERSONNEL: "personnel",
  },
  nomAffiche: ["username", "displayName", "name"],
  prenom: ["firstName", "given_name"],
  nomFamille: ["lastName", "family_name"],
  login: ["login", "preferred_username"],
  uai: ["uai"],
  structure: ["structures"],
  nomEtablissement: ["schoolName", "structureNames"],
  // classNames (names) first; `classes` holds ids on entcore, names on other ENTs: last.
  classes: ["classNames", "classId", "classes"],
  groupes: ["groupNames"],
  enfants: ["childrenIds", "children"],
};

/**
 * The national ENT specification's names (SDET, Schéma Directeur des Espaces numériques de Travail,
 * annexe opérationnelle « annuaire ENT ») as ENTs release them over CAS. The annexe opérationnelle itself
 * (DNE, version 6.0, mai 2016, « 2. Authentification–Autorisation–SSO ») was located (a copy at
 * fdocuments.fr) but its attribute tables could not be read in the sources searched; the names below are
 * those that ENT implementations and their published data dictionaries release, read in:
 * - Edifice's data dictionary « Enveloppe de données normalisée » (edifice-community.atlassian.net,
 *   « AAF1D/AAF2D | Champs Edifice | Nomenclatures SDET | Réponses CAS »): `ENTPersonIdentifiant` (cas:user),
 *   `ENTPersonNomAffichage` (displayName), `ENTPersonLogin` (login), `ENTPersonNom`, `ENTPersonPrenom`,
 *   `ENTPersonStructRattach` (schools), `ENTStructureUAI` and `ENTStructureNomCourant` (a school's UAI and
 *   name), `ENTProfil`;
 * - the AAF import study of the EOLE project (dev-eole.ac-dijon.fr, tâche #30366, SDET V6.3):
 *   `ENTEleveClasses` written `<structure>$<class>` (« 4931$3C »), `ENTEleveGroupes`, `ENTPersonStructRattach`;
 * - edificeio/entcore `cas/src/main/java/org/entcore/cas/services/KneRegisteredService.java`:
 *   `ENTPersonProfils` (holding `ENTPersonProfil` values `National_ELV`, `National_ENS`, `National_TUT`,
 *   `National_DOC`), `ENTPersonStructRattachUAI`, `ENTEleveClasses`/`ENTEleveClasse`,
 *   `ENTEleveGroupes`/`ENTEleveGroupe`, `ENTAuxEnsClasses`/`ENTAuxEnsClasse`, `ENTAuxEnsGroupes`,
 *   `ENTPersonNom`, `ENTPersonPrenom`; class and group values written `<structure>$<name>`;
 * - edificeio/entcore `…/ExplorateurDeMetiersRegisteredService.java`: `ENTPersonStructRattachRNE` (the
 *   UAI, formerly RNE; sent there as a JSON array text) and the numbered profiles `National_1` (pupil),
 *   `National_2` (parent), `National_3` (teacher), `National_4` (staff);
 * - edificeio/entcore `…/EnglishAttackRegisteredService.java`: `ENTPersonStructRattach` (the structure the
 *   person belongs to), `ENTPersonStructRattachRNE`, `ENTPersonStructRattachName`, `ENTPersonProfils`;
 * - the national profile codes `National_ELV`, `National_ENS`, `National_TUT` (« responsable d'un élève »),
 *   `National_DIR`, `National_ETA`, `National_EVS`, `National_DOC`, `National_COL`, `National_ACA`, as listed
 *   by laclasse.com from « la FAQ de l'annuaire ENT du SDET » (eduscol.education.fr/cid57076) and by
 *   ENT exports (`National_5` = CPE/AED/EVS, `National_6` = ETA, `National_7` = ACA).
 * Inferred, not read in an implementation that releases them over CAS: `ENTAuxPersRelEleveEleve` (a
 * parent's children, LDAP DNs `uid=<id>,…`: read by annuaire importers) and LDAP's
 * `displayName`/`cn`/`sn`/`givenName` fallbacks.
 * `National_DOC` (librarian teacher) maps to `personnel`: it does not give a teacher's rights on classes.
 */
export const CORRESPONDANCE_SDET: Correspondance = {
  nom: "sdet",
  profil: ["ENTPersonProfils", "ENTPersonProfil"],
  valeursProfil: {
    NATIONAL_ELV: "eleve",
    NATIONAL_1: "eleve",
    NATIONAL_ENS: "enseignant",
    NATIONAL_3: "enseignant",
    NATIONAL_TUT: "parent",
    NATIONAL_2: "parent",
    NATIONAL_DOC: "personnel",
    NATIONAL_DIR: "personnel",
    NATIONAL_ETA: "personnel",
    NATIONAL_EVS: "personnel",
    NATIONAL_COL: "personnel",
    NATIONAL_ACA: "personnel",
    NATIONAL_4: "personnel",
    NATIONAL_5: "personnel",
    NATIONAL_6: "personnel",
    NATIONAL_7: "personnel",
  },
  nomAffiche: ["ENTPersonNomAffichage", "displayName", "cn"],
  prenom: ["ENTPersonPrenom", "givenName"],
  nomFamille: ["ENTPersonNom", "sn"],
  login: ["ENTPersonLogin", "uid"],
  uai: ["ENTPersonStructRattachRNE", "ENTPersonStructRattachUAI"],
  structure: ["ENTPersonStructRattach"],
  nomEtablissement: ["ENTPersonStructRattachName", "ENTStructureNomCourant"],
  classes: ["ENTEleveClasses", "ENTEleveClasse", "ENTAuxEnsClasses", "ENTAuxEnsClasse"],
  groupes: ["ENTEleveGroupes", "ENTEleveGroupe", "ENTAuxEnsGroupes", "ENTAuxEnsGroupe"],
  enfants: ["ENTAuxPersRelEleveEleve"],
};

/** The named profiles of `attributs` in ents.json. */
export const CORRESPONDANCES = { entcore: CORRESPONDANCE_ENTCORE, sdet: CORRESPONDANCE_SDET } as const;

/** The fields an explicit `attributs` map may set (each a list of attribute names). */
export const CHAMPS_CORRESPONDANCE = [
  "profil",
  "nomAffiche",
  "prenom",
  "nomFamille",
  "login",
  "uai",
  "structure",
  "nomEtablissement",
  "classes",
  "groupes",
  "enfants",
] as const;

/** `attributs` of one ENT in ents.json: a named profile, or a map over a base profile. */
export type AttributsEnt =
  | keyof typeof CORRESPONDANCES
  | ({ base?: keyof typeof CORRESPONDANCES; valeursProfil?: Record<string, Role> } & Partial<
      Record<(typeof CHAMPS_CORRESPONDANCE)[number], string[]>
    >);

/**
 * The correspondence of one ENT: `entcore` by default, `sdet`, or an explicit map whose fields replace
 * those of its `base` profile (`entcore` unless said) and whose `valeursProfil` are added to the base's.
 *
 * @example
 * resoudreCorrespondance("sdet").uai; // ["ENTPersonStructRattachRNE", "ENTPersonStructRattachUAI"]
 * resoudreCorrespondance({ base: "sdet", classes: ["maClasse"] }).classes; // ["maClasse"]
 */
export function resoudreCorrespondance(attributs: AttributsEnt | undefined): Correspondance {
  if (attributs === undefined) return CORRESPONDANCE_ENTCORE;
  if (typeof attributs === "string") return CORRESPONDANCES[attributs];
  const base = CORRESPONDANCES[attributs.base ?? "entcore"];
  const resultat: Correspondance = { ...base, nom: "explicite" };
  for (const champ of CHAMPS_CORRESPONDANCE) {
    const liste = attributs[champ];
    if (liste !== undefined) resultat[champ] = liste;
  }
  if (attributs.valeursProfil) {
    const ajout = Object.fromEntries(
      Object.entries(attributs.valeursProfil).map(([v, r]) => [v.toUpperCase(), r]),
    );
    resultat.valeursProfil = { ...base.valeursProfil, ...ajout };
  }
  return resultat;
}
