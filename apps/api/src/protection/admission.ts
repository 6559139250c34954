import type { IncomingMessage } from "node:http";
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import type { Context, MiddlewareHandler } from "hono";
import { erreurTeleversement, reponseErreurTeleversement } from "../televersements/erreur-televersement.js";

/** The bounds of admission control (`TROUSSE_ADMISSION_*`, see the API README). */
export interface BornesAdmission {
  /** Upload requests (tus POST/PATCH) in flight at once. */
  envoisMax: number;
  /** Bytes of the PATCH bodies in flight at once (their Content-Length). */
  octetsEnVolMax: number;
  /** Event-loop delay (p99 of the last window) beyond which new uploads are shed, in ms; 0: not watched. */
  delaiBoucleMaxMs: number;
  /** Base of `Retry-After`, in seconds; jitter adds up to half of it. */
  reessaiSecondes: number;
  /**
   * Other API requests (« engager », « rendre », sign-in, reads) in flight beyond which new uploads are shed:
   * they wait for the same event loop and the same database (PGlite runs one query at a time), a queue the
   * event-loop delay does not show. Optional: no bound when absent.
   */
  prioritairesMax?: number;
}

/** What the admission control sees now (for `/ready`, logs and tests). */
export interface EtatAdmission {
  envoisEnCours: number;
  octetsEnVol: number;
  /** Other API requests in flight (counted by `prioritaires`). */
  prioritairesEnCours: number;
  delaiBoucleMs: number;
  refuses: number;
  admis: number;
  /** Uploads created (admitted POST) whose first PATCH is still expected: it will not be shed. */
  reservations: number;
}

/** Why an upload was shed. */
export type RaisonRefus = "envois" | "octets" | "boucle" | "prioritaires";

export interface ControleAdmission {
  /** The middleware for the upload paths: `/v1/televersements/*` (in Hono it also matches `/v1/televersements`). */
  middleware: MiddlewareHandler;
  /**
   * Counts the other API requests in flight (mount on `/v1/*`; upload paths are skipped): while more than
   * `prioritairesMax` wait, new uploads are shed so that commitments and hand-ins go first.
   */
  prioritaires: MiddlewareHandler;
  etat(): EtatAdmission;
  /** Stops the event-loop watch (tests, shutdown). */
  arreter(): void;
}

/**
 * Admission control of uploads. The API bounds the upload requests and the bytes in flight, and watches its
 * event-loop delay (`perf_hooks.monitorEventLoopDelay`: the larger p99 of the last two windows of `fenetreMs`): beyond
 * any bound, a NEW upload request — tus POST (create) or PATCH (bytes) — is answered 503 `serveur-occupe`
 * with `Retry-After` (the base plus random jitter up to 50 %, so that shed clients do not come back together),
 * before its session is even read. Everything else keeps priority because it never goes through here:
 * reads, sign-in, HEAD (where to resume), and the small JSON calls « engager » and « rendre » — a pupil's
 * commitment is recorded even when uploads are shed, and its time is what counts (`ponctualiteEngagement`).
 * An admitted creation (POST) reserves its slot for its first PATCH during `reservationMs`: the bytes of an
 * upload the server has just accepted are not shed (a shed PATCH wastes the pupil's upload of the body, 24 s
 * for 3 MB at 1 Mbit/s); new creations count the reserved slots, so shedding happens at the cheap POST.
 * A shed request that carries a body (a PATCH) is answered only once its body has been read and dropped
 * (at most `corpsJeteMaxOctets`, else the connection is closed): closing a socket under bytes still unread
 * sends a TCP reset, and the client — a browser's tus-js-client — then sees a lost connection instead of
 * the 503 and its `Retry-After`, and retries at once; on a kept-alive connection, the next request is lost
 * with it.
 * When no upload is in flight one always passes, whatever the bounds: a single upload larger than
 * `octetsEnVolMax` is still possible, and a lone teacher's upload on a machine slowed by other work (a late
 * event loop that uploads did not cause) is not refused; under a rush, uploads are in flight and every
 * bound applies.
 *
 * @example
 * const admission = creerControleAdmission(config.admission);
 * app.use("/v1/televersements/*", admission.middleware);
 */
export function creerControleAdmission(
  bornes: BornesAdmission,
  options: {
    /** Random source for the jitter (tests). */
    aleatoire?: () => number;
    /** Reads the current event-loop delay in ms (tests); default: the histogram below. */
    delaiBoucle?: () => number;
    fenetreMs?: number;
    /** How long an admitted creation keeps a slot for its first PATCH (ms, default 30 s). */
    reservationMs?: number;
    /** The largest body of a shed request read and dropped before answering (default 16 MiB). */
    corpsJeteMaxOctets?: number;
    maintenant?: () => number;
  } = {},
): ControleAdmission {
  const aleatoire = options.aleatoire ?? Math.random;
  let envoisEnCours = 0;
  let octetsEnVol = 0;
  let prioritairesEnCours = 0;
  let refuses = 0;
  let admis = 0;
  let histogramme: IntervalHistogram | null = null;
  let minuterie: NodeJS.Timeout | null = null;
  let delaiMesure = 0;
  let fenetrePrecedente = 0;
  if (!options.delaiBoucle && bornes.delaiBoucleMaxMs > 0) {
    histogramme = monitorEventLoopDelay({ resolution: 10 });
    histogramme.enable();
    // The delay seen is the larger p99 of the last two windows: a stall is recorded by the histogram's own
    // timer, which may run just after this one (then it lands in the next window), and stays visible ~2 windows.
    minuterie = setInterval(() => {
      const courant = histogramme!.percentile(99) / 1e6;
      delaiMesure = Math.max(courant, fenetrePrecedente);
      fenetrePrecedente = courant;
      histogramme!.reset();
    }, options.fenetreMs ?? 500);
    minuterie.unref();
  }
  const delaiBoucle = options.delaiBoucle ?? (() => delaiMesure);
  const maintenant = options.maintenant ?? Date.now;
  const reservationMs = options.reservationMs ?? 30_000;
  const corpsJeteMaxOctets = options.corpsJeteMaxOctets ?? 16 * 1024 * 1024;
  /** Upload id → end of its reservation (ms), in creation order. */
  const reservations = new Map<string, number>();
  const purger = () => {
    const t = maintenant();
    for (const [id, fin] of reservations) {
      if (fin > t) break;
      reservations.delete(id);
    }
  };

  const raisonDeRefus = (octets: number): RaisonRefus | null => {
    purger();
    const occupes = envoisEnCours + reservations.size;
    if (occupes === 0) return null;
    if (occupes >= bornes.envoisMax) return "envois";
    if (octetsEnVol + octets > bornes.octetsEnVolMax) return "octets";
    if (bornes.prioritairesMax !== undefined && prioritairesEnCours > bornes.prioritairesMax)
      return "prioritaires";
    if (bornes.delaiBoucleMaxMs > 0 && delaiBoucle() > bornes.delaiBoucleMaxMs) return "boucle";
    return null;
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    const m = c.req.method;
    if (m !== "POST" && m !== "PATCH") return next();
    const octets = m === "PATCH" ? Number(c.req.header("content-length") ?? 0) || 0 : 0;
    const id = m === "PATCH" ? c.req.path.split("/").pop() : undefined;
    // The first PATCH of an upload admitted at its creation keeps that admission.
    const reserve = id !== undefined && reservations.delete(id);
    const raison = reserve ? null : raisonDeRefus(octets);
    if (raison) {
      refuses++;
      const base = bornes.reessaiSecondes;
      const secondes = base + Math.floor(aleatoire() * (base / 2 + 1));
      const jete = await jeterCorps(c, corpsJeteMaxOctets);
      return reponseErreurTeleversement(
        erreurTeleversement(
          503,
          "serveur-occupe",
          `Beaucoup d'élèves envoient leur devoir en ce moment : réessayez dans ${secondes} s. ` +
            "Un devoir déjà horodaté (« Rendre » appuyé) garde son heure.",
          {
            "Retry-After": String(secondes),
            "X-Trousse-Refus": raison,
            ...(jete ? {} : { Connection: "close" }),
          },
        ),
      );
    }
    admis++;
    envoisEnCours++;
    octetsEnVol += octets;
    try {
      await next();
    } finally {
      envoisEnCours--;
      octetsEnVol -= octets;
    }
    if (m === "POST" && c.res.status === 201) {
      const cree = c.res.headers.get("location")?.split("/").pop();
      if (cree) reservations.set(cree, maintenant() + reservationMs);
    }
  };

  const prioritaires: MiddlewareHandler = async (c, next) => {
    if (c.req.path.startsWith("/v1/televersements")) return next();
    prioritairesEnCours++;
    try {
      await next();
    } finally {
      prioritairesEnCours--;
    }
  };

  return {
    middleware,
    prioritaires,
    etat: () => {
      purger();
      return {
        envoisEnCours,
        octetsEnVol,
        prioritairesEnCours,
        delaiBoucleMs: delaiBoucle(),
        refuses,
        admis,
        reservations: reservations.size,
      };
    },
    arreter: () => {
      if (minuterie) clearInterval(minuterie);
      histogramme?.disable();
    },
  };
}

/**
 * Reads and drops the body of a request about to be shed, so that the connection is not closed under bytes
 * still unread (a TCP reset loses the answer). Under Node (`@hono/node-server`) it drains the socket's
 * request directly, without buffering; elsewhere (tests, `app.request`) the web body. Returns false, without
 * reading, when the body is larger than `max` (declared or read so far): the answer then closes the connection.
 */
async function jeterCorps(c: Context, max: number): Promise<boolean> {
  const longueur = c.req.header("content-length");
  const annonce = longueur === undefined ? 0 : Number(longueur);
  if (!c.req.header("transfer-encoding") && !(annonce > 0)) return true;
  if (annonce > max) return false;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.on === "function") {
    if (incoming.readableEnded) return true;
    return new Promise<boolean>((ok) => {
      let lus = 0;
      const fin = (jete: boolean) => {
        incoming.off("data", donnees);
        incoming.off("end", termine);
        incoming.off("error", erreur);
        incoming.off("close", erreur);
        if (!jete) incoming.pause();
        ok(jete);
      };
      const donnees = (m: Buffer) => {
        lus += m.length;
        if (lus > max) fin(false);
      };
      const termine = () => fin(true);
      const erreur = () => fin(false);
      incoming.on("data", donnees);
      incoming.once("end", termine);
      incoming.once("error", erreur);
      incoming.once("close", erreur);
      incoming.resume();
    });
  }
  const corps = c.req.raw.body;
  if (!corps) return true;
  let lus = 0;
  try {
    for await (const m of corps as unknown as AsyncIterable<Uint8Array>) {
      lus += m.length;
      if (lus > max) return false;
    }
    return true;
  } catch {
    return false;
  }
}
