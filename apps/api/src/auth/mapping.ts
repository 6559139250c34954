import type { IdentiteEnt, Role } from "@trousse/db";
import { ErreurAuth } from "./erreurs.js";

/**
 * What ODE / entcore really returns, read in the entcore sources (repository edificeio/entcore,
 * formerly opendigitaleducation/entcore):
 *
 * - `session/src/main/java/org/entcore/session/AuthManager.java`, `generateSessionInfos`: the user infos are
 *   `classNames` (`n.classes`, class names), `classes` (`COLLECT(distinct c.id)`: class IDS, not names),
 *   `structureNames` (`COLLECT(distinct s.name)`), `uai` (`COLLECT(distinct s.UAI)`: an ARRAY),
 *   `type` (`HEAD(n.profiles)`: Student, Teacher, Relative, Personnel…), `username` (`n.displayName`),
 *   `login`, `firstName`, `lastName`, `externalId`, `userId`, `childrenIds` (the children's user ids) and
 *   `children` (an object keyed by child id → `{ lastName, firstName }`).
 * - `auth/src/main/java/org/entcore/auth/adapter/UserInfoAdapterV1_0Json.java`: the OAuth2 userinfo maps
 *   `type` Teacher→ENSEIGNANT, Student→ELEVE, Relative→PERSRELELEVE, Personnel→PERSEDUCNAT,
 *   SuperAdmin→SUPERADMIN; for a client application it REMOVES `classNames`, `structureNames`, `classes`,
 *   `structures`, `children`, `groupsIds` and puts `classId` = the first class NAME and `schoolName` = the
 *   first structure name (`childrenIds` and `uai` are kept).
 * - `auth/src/main/java/org/entcore/auth/adapter/UserInfoAdapterOpenIdConnectV1_0.java`: the standard
 *   OpenID claims, `sub` = `externalId`, `name`/`preferred_username` = `username`, `given_name`, `family_name`.
 *
 * So we read, in this order: classes from `classNames`, else `classId`, else `classes` (other ENTs put names
 * there; on entcore it only holds ids, which is why it comes last); the school name from `schoolName`, else
 * the first of `structureNames`; the UAI from `uai` (array or string); the children from `childrenIds`, else
 * the keys of `children`. The same mapping serves CAS attributes (every value may be an array there).
 * ODE does not give teaching group names to client applications, so `groupes` is empty unless a
 * `groupNames` claim is present.
 */
export type ClaimsEnt = Record<string, unknown>;

const ROLES_PAR_TYPE: Record<string, Role> = {
  ELEVE: "eleve",
  ENSEIGNANT: "enseignant",
  PERSRELELEVE: "parent",
  PERSEDUCNAT: "personnel",
  // entcore profile names (HEAD(n.profiles)), sent as is by some adapters and CAS mappings.
  STUDENT: "eleve",
  TEACHER: "enseignant",
  RELATIVE: "parent",
  PERSONNEL: "personnel",
};

function premiereChaine(valeur: unknown): string | undefined {
  if (typeof valeur === "string") return valeur.trim() === "" ? undefined : valeur.trim();
  if (typeof valeur === "number") return String(valeur);
  if (Array.isArray(valeur)) {
    for (const v of valeur) {
      const s = premiereChaine(v);
      if (s !== undefined) return s;
    }
  }
  return undefined;
}

function chaines(valeur: unknown): string[] {
  if (valeur === undefined || valeur === null) return [];
  const liste = Array.isArray(valeur) ? valeur : [valeur];
  const resultat: string[] = [];
  for (const v of liste) {
    const s = premiereChaine(v);
    if (s !== undefined && !resultat.includes(s)) resultat.push(s);
  }
  return resultat;
}

/** entcore stores some class names as `<structure externalId>$<class name>`: keep the class name only. */
function nomDeClasse(brut: string): string {
  const i = brut.lastIndexOf("$");
  return i >= 0 && i < brut.length - 1 ? brut.slice(i + 1) : brut;
}

/**
 * Maps an ODE `type` (ELEVE, ENSEIGNANT, PERSRELELEVE, PERSEDUCNAT — or the entcore profile name) to a
 * Trousse role; `undefined` for the others (SUPERADMIN, Guest…).
 *
 * @example
 * roleDepuisType("PERSRELELEVE"); // "parent"
 * roleDepuisType("SUPERADMIN"); // undefined
 */
export function roleDepuisType(type: unknown): Role | undefined {
  const t = premiereChaine(type);
  return t === undefined ? undefined : ROLES_PAR_TYPE[t.toUpperCase()];
}

/**
 * Builds the Trousse identity from ODE userinfo claims (or CAS attributes). `uid` is the stable external id
 * (OIDC `sub`, CAS user). Throws `ErreurAuth` `profil-non-pris-en-charge` (unknown `type`) or
 * `identite-invalide` (no display name).
 *
 * @example
 * identiteDepuisClaims("ode-paris", "f1c2", {
 *   type: "ELEVE", username: "Léa Martin", login: "lea.martin", classId: "3A",
 *   schoolName: "Collège Jean Moulin", uai: ["0750001A"],
 * });
 * // { entId: "ode-paris", uid: "f1c2", role: "eleve", classes: ["3A"],
 * //   etablissement: { uai: "0750001A", nom: "Collège Jean Moulin" }, … }
 */
export function identiteDepuisClaims(entId: string, uid: string, claims: ClaimsEnt): IdentiteEnt {
  const role = roleDepuisType(claims.type ?? claims.profile ?? claims.profiles);
  if (role === undefined) {
    throw new ErreurAuth(
      "profil-non-pris-en-charge",
      "Votre profil ENT n'est pas pris en charge par Trousse (seuls élèves, enseignants, parents et personnels le sont).",
      403,
    );
  }
  const prenomNom = [
    premiereChaine(claims.firstName ?? claims.given_name),
    premiereChaine(claims.lastName ?? claims.family_name),
  ]
    .filter((s) => s !== undefined)
    .join(" ");
  const login = premiereChaine(claims.login ?? claims.preferred_username);
  const nomAffiche =
    premiereChaine(claims.username) ??
    premiereChaine(claims.displayName) ??
    premiereChaine(claims.name) ??
    (prenomNom === "" ? undefined : prenomNom) ??
    login;
  if (nomAffiche === undefined || uid.trim() === "") {
    throw new ErreurAuth(
      "identite-invalide",
      "L'ENT n'a pas transmis d'identifiant ou de nom pour votre compte.",
      502,
    );
  }

  const sourceClasses = claims.classNames ?? claims.classId ?? claims.classes;
  const classes = chaines(sourceClasses)
    .map(nomDeClasse)
    .filter((c, i, t) => t.indexOf(c) === i);

  const nomEtablissement = premiereChaine(claims.schoolName) ?? premiereChaine(claims.structureNames);
  const uai = premiereChaine(claims.uai)?.toUpperCase();
  const identite: IdentiteEnt = {
    entId,
    uid: uid.trim(),
    nomAffiche,
    role,
    classes,
    groupes: chaines(claims.groupNames),
  };
  if (login !== undefined) identite.login = login;
  if (nomEtablissement !== undefined || uai !== undefined) {
    identite.etablissement = { nom: nomEtablissement ?? `Établissement ${uai}` };
    if (uai !== undefined) identite.etablissement.uai = uai;
  }
  if (role === "parent") {
    const enfants =
      claims.childrenIds !== undefined
        ? chaines(claims.childrenIds)
        : claims.children !== null && typeof claims.children === "object" && !Array.isArray(claims.children)
          ? Object.keys(claims.children)
          : chaines(claims.children);
    if (enfants.length > 0) identite.enfantsUids = enfants;
  }
  return identite;
}
