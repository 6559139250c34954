/** Stable codes of the errors raised by `@trousse/db`. */
export type CodeErreurDb = "donnees-verrouillees" | "options-base-invalides" | "identite-invalide";

/**
 * An error of the database layer: a stable `code` and a French `message` meant for the operator.
 *
 * @example
 * try { await createDb({ dataDir: "./.trousse-data" }); }
 * catch (e) { if (e instanceof ErreurDb && e.code === "donnees-verrouillees") console.error(e.message); }
 */
export class ErreurDb extends Error {
  override readonly name = "ErreurDb";
  constructor(
    readonly code: CodeErreurDb,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
