/**
 * The JSON the Trousse API answers to the hand-in routes, as the widget reads it: thin aliases of the types
 * `@trousse/client` generates from the API's OpenAPI document (type-only imports: no byte in the bundle).
 * Each alias starts from a documented path (`ReponseJson<path, method>`), so a path, or a field the widget
 * reads, that leaves the document makes the widget fail to compile. Regenerate the types with
 * `npx -y pnpm@12.20.0 --filter @trousse/client generate`.
 */
import type { CorpsJson, ReponseJson } from "@trousse/client";

type ClesDe<U> = U extends unknown ? keyof U : never;
type ValeurDe<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : undefined) : never;
/**
 * One object type for an answer documented as one variant per role (`anyOf`): the keys every variant has
 * stay as they are, the others become optional.
 */
export type VueDe<U> = { [K in keyof U]: U[K] } & { [K in Exclude<ClesDe<U>, keyof U>]?: ValeurDe<U, K> };

export type Profil = ReponseJson<"/v1/auth/moi">;
export type Role = Profil["role"];

export type Groupe = ReponseJson<"/v1/groupes">["groupes"][number];

/** `GET /v1/devoirs`: `devoirs` (pupil, teacher) or `enfants` and `lectureSeule` (parent). */
export type ListeDevoirs = VueDe<ReponseJson<"/v1/devoirs">>;
/** One line of `GET /v1/devoirs` (statut and libelle for a pupil or a parent's child). */
export type ResumeDevoir = VueDe<NonNullable<ListeDevoirs["devoirs"]>[number]>;
export type EnfantStatuts = NonNullable<ListeDevoirs["enfants"]>[number];

/** `GET /v1/devoirs/{id}`: the assignment, and for a pupil its statut and libelle. */
export type LectureDevoir = VueDe<ReponseJson<"/v1/devoirs/{id}">>;
export type Devoir = LectureDevoir["devoir"];
export type FamilleFichier = Devoir["contraintes"]["familles"][number];
export type FichierVu = Devoir["sujets"][number];

export type MonRendu = ReponseJson<"/v1/devoirs/{id}/mon-rendu">;
export type Retour = NonNullable<MonRendu["retour"]>;

export type AccuseReception = ReponseJson<"/v1/devoirs/{id}/rendre", "post">["accuseReception"];

/** The provisional receipt of a commitment (`POST /v1/devoirs/{id}/engager`): not a hand-in. */
export type AccuseEngagement = ReponseJson<"/v1/devoirs/{id}/engager", "post">["engagement"];

/** `GET /v1/etablissement/charge-echeances`: the school's hand-ins due within the hour, quieter slots. */
export type ChargeEcheances = ReponseJson<"/v1/etablissement/charge-echeances">;

export type Suivi = ReponseJson<"/v1/devoirs/{id}/suivi">;
export type LigneSuivi = Suivi["eleves"][number];

export type Rappel = ReponseJson<"/v1/rappels">["rappels"][number];

type CreationDevoir = CorpsJson<"/v1/devoirs", "post">;
/**
 * What the assignment form gives, the body of `POST /v1/devoirs` and of `PATCH /v1/devoirs/{id}` (dates:
 * Paris wall-clock time `AAAA-MM-JJTHH:MM`): every field, `groupeId` only when one is chosen (the API answers
 * a clear 400 when a new assignment has none).
 */
export type SaisieDevoir = Required<Omit<CreationDevoir, "groupeId">> &
  Partial<Pick<CreationDevoir, "groupeId">>;
