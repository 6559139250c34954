import { Worker } from "node:worker_threads";
import type { QueryOptions, Results, Row } from "@electric-sql/pglite";

/** The file the worker runs: plain JavaScript beside `src/` and `dist/`, so both reach it. */
const FICHIER_FIL = new URL("../fil/pglite-fil.mjs", import.meta.url);

type Analyseurs = NonNullable<QueryOptions["parsers"]>;
interface Attente {
  ok: (r: unknown) => void;
  ko: (e: Error) => void;
}
type Message =
  | { op: "query"; sql: string; params: unknown[]; rowMode: "array" | "object"; texte: number[] }
  | { op: "exec"; sql: string }
  | { op: "dump"; compression: "auto" | "gzip" | "none" }
  | { op: "close" };

/** What a transaction's callback receives: the PGlite calls drizzle makes, inside the transaction. */
export interface TransactionSurFil {
  query<T = Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** The worker's error, rebuilt with PostgreSQL's fields (SQLSTATE `code`, `constraint`…): cloning keeps only the message. */
function erreurDuFil(e: Record<string, unknown>): Error {
  const erreur = new Error(String(e.message));
  if (typeof e.name === "string") erreur.name = e.name;
  for (const [k, v] of Object.entries(e))
    if (k !== "message" && k !== "name") Object.assign(erreur, { [k]: v });
  return erreur;
}

/**
 * Embedded PGlite in a worker thread, behind the part of PGlite's interface that drizzle uses (`query` with
 * `rowMode` and `parsers`, `exec`, `transaction`, `close`, `dumpDataDir`). Why: PGlite runs every statement
 * on the thread that calls it — its WebAssembly, its wire protocol and its row parsing were about half of the
 * API's event loop under a rush, so a pupil's « Rendre » waited behind other pupils' queries before its body
 * was even read. Here the event loop only posts a message and gets rows back; the database computes on the
 * machine's other core.
 *
 * Same semantics as PGlite in process: statements run one at a time, in the order they were called (the
 * worker hands them to PGlite's own queue in message order), and a transaction owns the database from
 * `BEGIN` to `COMMIT`/`ROLLBACK` — calls made outside it meanwhile wait their turn, as with PGlite's
 * transaction lock (so, as there, a callback that calls the database outside its transaction deadlocks).
 * `parsers` are functions and do not cross threads: their types come back as text and the functions run here.
 * If the worker dies, every pending and later call fails with SQLSTATE `57P02` (crash_shutdown), which the API
 * answers 503 `base-indisponible`.
 *
 * @example
 * const pg = await PgliteSurFil.ouvrir({ dataDir: "./.trousse-data/pgdata" });
 * const { rows } = await pg.query<{ n: number }>("select $1::int as n", [1]); // rows[0].n === 1
 * await pg.transaction(async (tx) => { await tx.query("insert into t values ($1)", [2]); });
 * await pg.close();
 */
export class PgliteSurFil {
  readonly #fil: Worker;
  #n = 0;
  readonly #attentes = new Map<number, Attente>();
  /** The FIFO turn: a call takes it to post its message; a transaction keeps it until its end. */
  #tour: Promise<void> = Promise.resolve();
  #mort: Error | null = null;
  #ferme = false;
  #fermeture: Promise<void> | null = null;

  private constructor(fil: Worker) {
    this.#fil = fil;
    fil.on("message", (m: { n: number; r?: unknown; erreur?: Record<string, unknown> }) => {
      const attente = this.#attentes.get(m.n);
      if (!attente) return;
      this.#attentes.delete(m.n);
      if (this.#attentes.size === 0) fil.unref();
      if (m.erreur) attente.ko(erreurDuFil(m.erreur));
      else attente.ok(m.r);
    });
    const mourir = (cause: unknown) => {
      this.#mort ??= Object.assign(
        new Error("La base embarquée (PGlite, dans son fil) s'est arrêtée : not queryable", { cause }),
        { code: "57P02" },
      );
      for (const a of this.#attentes.values()) a.ko(this.#mort);
      this.#attentes.clear();
    };
    fil.on("error", mourir);
    fil.on("exit", (code) => mourir(new Error(`fil arrêté (code ${code})`)));
    // An idle worker does not keep the process alive (a command that forgot `close()` still ends); a
    // pending call does (see #envoyer).
    fil.unref();
  }

  /**
   * Starts the worker and PGlite in it: on `dataDir` (a PGlite data folder), or in memory from a dumped
   * folder (`loadDataDir`), or empty in memory.
   *
   * @example
   * const pg = await PgliteSurFil.ouvrir({ dataDir: "/srv/trousse/pgdata" });
   */
  static async ouvrir(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PgliteSurFil> {
    const fil = new Worker(FICHIER_FIL, { workerData: options });
    await new Promise<void>((ok, ko) => {
      const surMessage = (m: { pret?: boolean; erreur?: Record<string, unknown> }) => {
        if (m.pret === undefined) return;
        fil.off("message", surMessage);
        fil.off("error", ko);
        if (m.pret) ok();
        else ko(erreurDuFil(m.erreur ?? { message: "PGlite n'a pas démarré" }));
      };
      fil.on("message", surMessage);
      fil.once("error", ko);
    });
    return new PgliteSurFil(fil);
  }

  /** True once `close()` was called (as PGlite's `closed`). */
  get closed(): boolean {
    return this.#ferme;
  }

  #envoyer<T>(message: Message): Promise<T> {
    if (this.#mort) return Promise.reject(this.#mort);
    if (this.#ferme && message.op !== "close")
      return Promise.reject(new Error("PGlite is closed: not queryable"));
    const n = ++this.#n;
    return new Promise<T>((ok, ko) => {
      this.#attentes.set(n, { ok: ok as (r: unknown) => void, ko });
      this.#fil.ref();
      this.#fil.postMessage({ n, ...message });
    });
  }

  /** Waits for the turn; returns the function that hands it on. */
  #prendreTour(): Promise<() => void> {
    const avant = this.#tour;
    let rendre!: () => void;
    this.#tour = new Promise<void>((r) => (rendre = r));
    return avant.then(() => rendre);
  }

  /**
   * Posts one call at its turn and hands the turn on once it is posted (not answered): the worker keeps the
   * order from there, and the next caller may post behind it.
   */
  async #aSonTour<T>(poster: () => Promise<T>): Promise<T> {
    const rendre = await this.#prendreTour();
    try {
      return poster();
    } finally {
      rendre();
    }
  }

  #query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<T>> {
    if (options.blob || options.serializers || options.paramTypes)
      return Promise.reject(
        new Error("PgliteSurFil : blob, serializers et paramTypes ne sont pas pris en charge"),
      );
    const analyseurs: Analyseurs = options.parsers ?? {};
    const texte = Object.keys(analyseurs).map(Number);
    const reponse = this.#envoyer<Results<T>>({
      op: "query",
      sql,
      params,
      rowMode: options.rowMode ?? "object",
      texte,
    });
    if (texte.length === 0) return reponse;
    return reponse.then((r) => appliquerAnalyseurs(r, analyseurs, options.rowMode ?? "object"));
  }

  /**
   * One statement, with its parameters (PGlite's `query`).
   *
   * @example
   * await pg.query("select now()");
   */
  query<T = Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#aSonTour(() => this.#query<T>(sql, params, options));
  }

  /**
   * Statements without parameters, separated by `;` (PGlite's `exec`).
   *
   * @example
   * await pg.exec("create table t (n int); insert into t values (1);");
   */
  exec(sql: string): Promise<Results[]> {
    return this.#aSonTour(() => this.#envoyer<Results[]>({ op: "exec", sql }));
  }

  /**
   * Runs `fn` in a transaction: `COMMIT` when it resolves, `ROLLBACK` when it throws (or calls `rollback()`).
   *
   * @example
   * await pg.transaction(async (tx) => { await tx.query("update t set n = n + 1"); });
   */
  async transaction<T>(fn: (tx: TransactionSurFil) => Promise<T>): Promise<T> {
    const rendre = await this.#prendreTour();
    let close = false;
    const ouverte = () => {
      if (close) throw new Error("Transaction is closed");
    };
    const tx: TransactionSurFil = {
      query: async <U = Row>(sql: string, params?: unknown[], options?: QueryOptions) => {
        ouverte();
        return this.#query<U>(sql, params, options);
      },
      exec: async (sql: string) => {
        ouverte();
        return this.#envoyer<Results[]>({ op: "exec", sql });
      },
      rollback: async () => {
        ouverte();
        await this.#envoyer({ op: "exec", sql: "ROLLBACK" });
        close = true;
      },
      get closed() {
        return close;
      },
    };
    try {
      await this.#envoyer({ op: "exec", sql: "BEGIN" });
      try {
        const resultat = await fn(tx);
        if (!close) await this.#envoyer({ op: "exec", sql: "COMMIT" });
        return resultat;
      } catch (e) {
        if (!close) await this.#envoyer({ op: "exec", sql: "ROLLBACK" }).catch(() => undefined);
        throw e;
      } finally {
        close = true;
      }
    } finally {
      rendre();
    }
  }

  /**
   * The data folder as a tarball (PGlite's `dumpDataDir`).
   *
   * @example
   * const copie = await pg.dumpDataDir("none");
   */
  dumpDataDir(compression: "auto" | "gzip" | "none" = "auto"): Promise<File | Blob> {
    return this.#aSonTour(() => this.#envoyer<Blob>({ op: "dump", compression }));
  }

  /**
   * Stops the worker now, without closing PGlite or waiting for the calls in flight, which fail with SQLSTATE
   * `57P02` like every later call: a forced stop (what a crash of the database thread looks like). PGlite's
   * files are left as after a power cut, which it recovers from at the next start.
   *
   * @example
   * await pg.interrompre();
   */
  async interrompre(): Promise<void> {
    await this.#fil.terminate();
  }

  /**
   * Closes PGlite (after the calls already made), then stops the worker. Idempotent.
   *
   * @example
   * await pg.close();
   */
  close(): Promise<void> {
    this.#fermeture ??= (async () => {
      // Its turn comes after the calls and the transaction already under way, which end normally.
      const rendre = await this.#prendreTour();
      this.#ferme = true;
      try {
        if (!this.#mort) await this.#envoyer({ op: "close" });
      } finally {
        rendre();
        await this.#fil.terminate();
      }
    })();
    return this.#fermeture;
  }
}

/** Runs the callers' `parsers` on the columns the worker left as text. */
function appliquerAnalyseurs<T>(r: Results<T>, analyseurs: Analyseurs, mode: "array" | "object"): Results<T> {
  const colonnes = r.fields
    .map((f, i) => ({ i, nom: f.name, oid: f.dataTypeID, analyser: analyseurs[f.dataTypeID] }))
    .filter((c) => c.analyser);
  if (colonnes.length === 0) return r;
  for (const ligne of r.rows as unknown as Record<string | number, unknown>[])
    for (const c of colonnes) {
      const cle = mode === "array" ? c.i : c.nom;
      const v = ligne[cle];
      if (v !== null && v !== undefined)
        ligne[cle] = (c.analyser as (valeur: string, type: number) => unknown)(v as string, c.oid);
    }
  return r;
}
