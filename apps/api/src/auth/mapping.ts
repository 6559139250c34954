import type { IdentiteEnt, Role } from "@trousse/db";
import { CORRESPONDANCE_ENTCORE, type Correspondance } from "./correspondances.js";
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
 * These names are the `entcore` correspondence (`correspondances.ts`), the default; an ENT may use the SDET
 * names (`sdet`) or an explicit map (`attributs` in ents.json). With entcore's, we read, in this order: classes from `classNames`, else `classId`, else `classes` (other ENTs put names
 * there; on entcore it only holds ids, which is why it comes last); the school name from `schoolName`, else
 * the first of `structureNames`; the UAI from `uai` (array or string); the children from `childrenIds`, else
 * the keys of `children`. The same mapping serves CAS attributes (every value may be an array there).
 * ODE does not give teaching group names to client applications, so `groupes` is empty unless a
 * `groupNames` claim is present.
 */
export type ClaimsEnt = Record<string, unknown>;

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

/** A CAS attribute may carry a JSON array as text (`["0751234A"]`): its items then. */
function deplier(valeur: unknown): unknown {
  if (typeof valeur === "string" && valeur.startsWith("[") && valeur.endsWith("]")) {
    try {
      const lu: unknown = JSON.parse(valeur);
      if (Array.isArray(lu)) return lu;
    } catch {
      // Not JSON: the text itself.
    }
  }
  if (Array.isArray(valeur)) return valeur.flatMap((v) => deplier(v) as unknown[]);
  return [valeur];
}

function chaines(valeur: unknown): string[] {
  if (valeur === undefined || valeur === null) return [];
  const resultat: string[] = [];
  for (const v of deplier(valeur) as unknown[]) {
    const s = premiereChaine(v);
    if (s !== undefined && !resultat.includes(s)) resultat.push(s);
  }
  return resultat;
}

/** The value of the first attribute of `noms` that holds a non-empty value, and its name. */
function lire(claims: ClaimsEnt, noms: readonly string[]): { nom: string; valeur: unknown } | undefined {
  for (const nom of noms) {
    const valeur = claims[nom];
    if (valeur === undefined || valeur === null) continue;
    const vide =
      typeof valeur === "object" && !Array.isArray(valeur)
        ? Object.keys(valeur).length === 0
        : chaines(valeur).length === 0;
    if (!vide) return { nom, valeur };
  }
  return undefined;
}

const premier = (claims: ClaimsEnt, noms: readonly string[]) => chaines(lire(claims, noms)?.valeur)[0];

/** entcore stores some class names as `<structure externalId>$<class name>`: keep the class name only. */
function nomDeClasse(brut: string): string {
  const i = brut.lastIndexOf("$");
  return i >= 0 && i < brut.length - 1 ? brut.slice(i + 1) : brut;
}

/** An LDAP DN `uid=<id>,ou=people,…` (SDET): the id; anything else as is. */
function idDepuisDn(brut: string): string {
  const m = /^uid=([^,]+),/i.exec(brut);
  return m?.[1] ?? brut;
}

/**
 * Maps a profile value to a Trousse role with the given correspondence (entcore's by default: ELEVE,
 * ENSEIGNANT, PERSRELELEVE, PERSEDUCNAT or the entcore profile name; SDET's: National_ELV…); `undefined`
 * for the others (SUPERADMIN, Guest…). The first value that maps wins (a multi-valued profile).
 *
 * @example
 * roleDepuisType("PERSRELELEVE"); // "parent"
 * roleDepuisType(["National_TUT"], CORRESPONDANCE_SDET); // "parent"
 * roleDepuisType("SUPERADMIN"); // undefined
 */
export function roleDepuisType(
  type: unknown,
  correspondance: Correspondance = CORRESPONDANCE_ENTCORE,
): Role | undefined {
  for (const t of chaines(type)) {
    const role = correspondance.valeursProfil[t.toUpperCase()];
    if (role !== undefined) return role;
  }
  return undefined;
}

/** Roles whose classes belong to a school: they need one (UAI or structure id). */
const ROLES_D_ETABLISSEMENT: ReadonlySet<Role> = new Set(["eleve", "enseignant"]);

const guillemets = (noms: readonly string[]) => noms.map((n) => `« ${n} »`).join(", ");

/**
 * Builds the Trousse identity from ODE userinfo claims or CAS attributes, read with the ENT's
 * correspondence (`entcore` by default, `sdet`, or explicit). `uid` is the stable external id (OIDC `sub`,
 * CAS user). Throws `ErreurAuth` `profil-non-pris-en-charge` (unknown profile), `identite-invalide` (no
 * display name) or `identite-sans-etablissement` (a pupil, a teacher or anyone with classes, without UAI
 * nor structure id: the message names the attributes the operator must have the ENT send).
 *
 * @example
 * identiteDepuisClaims("ode-paris", "f1c2", {
 *   type: "ELEVE", username: "Léa Martin", login: "lea.martin", classId: "3A",
 *   schoolName: "Collège Jean Moulin", uai: ["0750001A"],
 * });
 * // { entId: "ode-paris", uid: "f1c2", role: "eleve", classes: ["3A"],
 * //   etablissement: { uai: "0750001A", nom: "Collège Jean Moulin" }, … }
 */
export function identiteDepuisClaims(
  entId: string,
  uid: string,
  claims: ClaimsEnt,
  correspondance: Correspondance = CORRESPONDANCE_ENTCORE,
): IdentiteEnt {
  const c = correspondance;
  const role = roleDepuisType(lire(claims, c.profil)?.valeur, c);
  if (role === undefined) {
    throw new ErreurAuth(
      "profil-non-pris-en-charge",
      "Votre profil ENT n'est pas pris en charge par Trousse (seuls élèves, enseignants, parents et personnels le sont).",
      403,
    );
  }
  const prenomNom = [premier(claims, c.prenom), premier(claims, c.nomFamille)]
    .filter((s) => s !== undefined)
    .join(" ");
  const login = premier(claims, c.login);
  const nomAffiche = premier(claims, c.nomAffiche) ?? (prenomNom === "" ? undefined : prenomNom) ?? login;
  if (nomAffiche === undefined || uid.trim() === "") {
    throw new ErreurAuth(
      "identite-invalide",
      "L'ENT n'a pas transmis d'identifiant ou de nom pour votre compte.",
      502,
    );
  }

  const classes = chaines(lire(claims, c.classes)?.valeur)
    .map(nomDeClasse)
    .filter((x, i, t) => t.indexOf(x) === i);
  const groupes = chaines(lire(claims, c.groupes)?.valeur)
    .map(nomDeClasse)
    .filter((x, i, t) => t.indexOf(x) === i);

  const uai = premier(claims, c.uai)?.toUpperCase();
  const structureId = premier(claims, c.structure);
  const nomEtablissement = premier(claims, c.nomEtablissement);
  if (
    uai === undefined &&
    structureId === undefined &&
    (ROLES_D_ETABLISSEMENT.has(role) || classes.length + groupes.length > 0)
  ) {
    throw new ErreurAuth(
      "identite-sans-etablissement",
      `L'ENT n'a transmis ni l'UAI ni l'identifiant de structure de votre établissement : Trousse ne peut pas vous rattacher à vos classes sans les mêler à celles d'un autre établissement. Prévenez l'administrateur de Trousse : aucun des attributs ${guillemets(c.uai)} (UAI) ou ${guillemets(c.structure)} (structure) n'est rempli pour ce compte (correspondance « ${c.nom} » de l'ENT « ${entId} ») ; l'ENT doit les transmettre, ou « attributs » doit les nommer dans la configuration des ENT.`,
      502,
    );
  }
  const identite: IdentiteEnt = { entId, uid: uid.trim(), nomAffiche, role, classes, groupes };
  if (login !== undefined) identite.login = login;
  if (uai !== undefined || structureId !== undefined) {
    identite.etablissement = { nom: nomEtablissement ?? `Établissement ${uai ?? structureId}` };
    if (uai !== undefined) identite.etablissement.uai = uai;
    if (structureId !== undefined) identite.etablissement.structureId = structureId;
  }
  if (role === "parent") {
    const source = lire(claims, c.enfants)?.valeur;
    const enfants =
      source !== null && typeof source === "object" && !Array.isArray(source)
        ? Object.keys(source)
        : chaines(source).map(idDepuisDn);
    if (enfants.length > 0) identite.enfantsUids = enfants;
  }
  return identite;
}
