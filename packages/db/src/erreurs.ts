/** Stable codes of the errors raised by `@trousse/db`. */
export type CodeErreurDb =
  "donnees-verrouillees" | "options-base-invalides" | "identite-invalide" | "identite-sans-etablissement";

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

/** Error codes (Node's and PostgreSQL's SQLSTATE) that mean "the database cannot be reached now". */
const CODES_INDISPONIBLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
  "53300", // too_many_connections
]);

const MESSAGES_INDISPONIBLE =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Connection refused|not queryable/i;

/**
 * True when an error (or one of its causes: drizzle wraps the driver's error) says the database cannot be
 * reached right now — refused or dropped connection, server starting or shutting down, pool timeout —
 * rather than a bad query. The API answers those 503 `base-indisponible` with `Retry-After`.
 *
 * @example
 * estBaseIndisponible(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })); // true
 * estBaseIndisponible(new Error("duplicate key value violates unique constraint")); // false
 */
export function estBaseIndisponible(e: unknown): boolean {
  for (let n = e, profondeur = 0; n && profondeur < 8; profondeur++) {
    if (typeof n !== "object") return false;
    const code = (n as { code?: unknown }).code;
    if (typeof code === "string" && (CODES_INDISPONIBLE.has(code) || code.startsWith("08"))) return true;
    const message = (n as { message?: unknown }).message;
    if (typeof message === "string" && MESSAGES_INDISPONIBLE.test(message)) return true;
    if (n instanceof AggregateError && n.errors.some((x) => estBaseIndisponible(x))) return true;
    n = (n as { cause?: unknown }).cause;
  }
  return false;
}
