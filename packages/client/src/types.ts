// Short names over the generated types (src/genere/api.ts): a route's JSON answer and JSON body, from its
// path and method as the OpenAPI document writes them. A path or a field that leaves the document makes the
// code that uses it fail to compile.
import type { components, paths } from "./genere/api.js";

/** An HTTP method as the generated `paths` name it. */
export type Methode = "get" | "put" | "post" | "delete" | "options" | "head" | "patch";

/** The operation of `paths[P]` for the method M (`never` when the path has no such method). */
export type Operation<P extends keyof paths, M extends Methode> = Exclude<paths[P][M], undefined>;

/** The paths of the document that answer the method M, e.g. `CheminAvec<"post">`. */
export type CheminAvec<M extends Methode> = {
  [P in keyof paths]: [Operation<P, M>] extends [never] ? never : P;
}[keyof paths];

type ContenuJson<R> = R extends { content: { "application/json": infer C } } ? C : never;
type StatutSucces = 200 | 201 | 202 | 203 | 206;
type Reponses<P extends keyof paths, M extends Methode> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/**
 * The JSON body of a route's success answers (2xx), e.g.
 * `ReponseJson<"/v1/devoirs/{id}/mon-rendu", "get">`.
 */
export type ReponseJson<P extends CheminAvec<M>, M extends Methode = "get"> = ContenuJson<
  Reponses<P, M>[Extract<keyof Reponses<P, M>, StatutSucces>]
>;

/** The JSON request body of a route, e.g. `CorpsJson<"/v1/devoirs/{id}/rendre", "post">`. */
export type CorpsJson<P extends CheminAvec<M>, M extends Methode> =
  Operation<P, M> extends { requestBody?: infer B } ? ContenuJson<NonNullable<B>> : never;

/** A named schema of the document, e.g. `Schema<"Profil">`. */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

/** The body of every error answer: `{ erreur: { code, message, details? } }`. */
export type CorpsErreur = Schema<"Erreur">;
