import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import type { MiddlewareHandler } from "hono";
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
}

/** What the admission control sees now (for `/ready`, logs and tests). */
export interface EtatAdmission {
  envoisEnCours: number;
  octetsEnVol: number;
  delaiBoucleMs: number;
  refuses: number;
  admis: number;
}

/** Why an upload was shed. */
export type RaisonRefus = "envois" | "octets" | "boucle";

export interface ControleAdmission {
  /** The middleware for the upload paths: `/v1/televersements/*` (in Hono it also matches `/v1/televersements`). */
  middleware: MiddlewareHandler;
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
  } = {},
): ControleAdmission {
  const aleatoire = options.aleatoire ?? Math.random;
  let envoisEnCours = 0;
  let octetsEnVol = 0;
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

  const raisonDeRefus = (octets: number): RaisonRefus | null => {
    if (envoisEnCours === 0) return null;
    if (envoisEnCours >= bornes.envoisMax) return "envois";
    if (octetsEnVol + octets > bornes.octetsEnVolMax) return "octets";
    if (bornes.delaiBoucleMaxMs > 0 && delaiBoucle() > bornes.delaiBoucleMaxMs) return "boucle";
    return null;
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    const m = c.req.method;
    if (m !== "POST" && m !== "PATCH") return next();
    const octets = m === "PATCH" ? Number(c.req.header("content-length") ?? 0) || 0 : 0;
    const raison = raisonDeRefus(octets);
    if (raison) {
      refuses++;
      const base = bornes.reessaiSecondes;
      const secondes = base + Math.floor(aleatoire() * (base / 2 + 1));
      return reponseErreurTeleversement(
        erreurTeleversement(
          503,
          "serveur-occupe",
          `Beaucoup d'élèves envoient leur devoir en ce moment : réessayez dans ${secondes} s. ` +
            "Un devoir déjà horodaté (« Rendre » appuyé) garde son heure.",
          { "Retry-After": String(secondes), "X-Trousse-Refus": raison },
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
  };

  return {
    middleware,
    etat: () => ({ envoisEnCours, octetsEnVol, delaiBoucleMs: delaiBoucle(), refuses, admis }),
    arreter: () => {
      if (minuterie) clearInterval(minuterie);
      histogramme?.disable();
    },
  };
}
