/** Where an upload stands, for the progress bar. */
export interface ProgresEnvoi {
  envoyes: number;
  total: number;
}

export interface OptionsEnvoi {
  api: string;
  jeton: () => string | undefined;
  devoirId: string;
  fichier: File;
  onProgres: (p: ProgresEnvoi) => void;
  /** Called when the connection drops and tus-js-client retries (the UI says "reprise…"). */
  onReprise?: (tentative: number) => void;
  /** Called when the server is busy (503 + `Retry-After`): the upload resumes by itself in `secondes`. */
  onOccupe?: (secondes: number) => void;
  /** Random source of the jitter (tests). */
  aleatoire?: () => number;
}

/** How many busy answers (503) in a row an upload waits through before giving up (about an hour at most). */
export const OCCUPE_MAX = 40;

/**
 * How long to wait after a busy answer (503), in ms: never less than the server's `Retry-After`, growing
 * with the busy answers in a row (5 s, 10 s, 20 s… up to 2 min) when that is longer, plus up to 25 % of
 * random jitter, so that the pupils shed together do not all come back in the same second.
 *
 * @example
 * ```ts
 * delaiOccupe(20, 1, () => 0); // 20 000
 * delaiOccupe(20, 4, () => 0); // 40 000 (5 s × 2³)
 * delaiOccupe(null, 1, () => 0.5); // 5 625
 * ```
 */
export function delaiOccupe(retryAfter: number | null, tentative: number, aleatoire = Math.random): number {
  const progressif = Math.min(120, 5 * 2 ** Math.max(0, tentative - 1));
  const secondes = Math.max(retryAfter ?? 0, progressif);
  return Math.round(secondes * 1000 * (1 + 0.25 * aleatoire()));
}

/** Delays between automatic retries after a lost connection (ms): about two minutes in all. */
export const DELAIS_REPRISE = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000];

/**
 * The upload id the API expects in `televersements` (last segment of the tus upload URL).
 *
 * @example
 * ```ts
 * idDepuisUrl("https://trousse.example.fr/v1/televersements/3f2a…"); // "3f2a…"
 * ```
 */
export function idDepuisUrl(url: string): string {
  return new URL(url).pathname.split("/").filter(Boolean).pop() ?? "";
}

/**
 * Uploads one file with the tus resumable protocol to `<api>/v1/televersements` and resolves with its upload
 * id. `tus-js-client` is imported HERE, dynamically: it is downloaded only once a file is picked. After a
 * lost connection it retries by itself ({@link DELAIS_REPRISE}) and resumes from the server's offset; a
 * page reload resumes from the fingerprint stored by tus-js-client (file name, size, type, endpoint).
 * A busy server (503 with `Retry-After`, the API's admission control) is not a lost connection: the upload
 * waits what the server asks, with back-off and jitter ({@link delaiOccupe}), tells `onOccupe`, and starts
 * again by itself from where the server is (HEAD), up to {@link OCCUPE_MAX} times in a row.
 *
 * @example
 * ```ts
 * const id = await televerser({ api, jeton: () => s.jeton, devoirId, fichier, onProgres: console.log });
 * ```
 */
export async function televerser(o: OptionsEnvoi): Promise<string> {
  const { Upload } = await import("tus-js-client");
  let occupes = 0;
  return new Promise((ok, ko) => {
    const upload = new Upload(o.fichier, {
      endpoint: `${o.api}/v1/televersements`,
      retryDelays: DELAIS_REPRISE,
      chunkSize: 5 * 1024 * 1024,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      metadata: { devoir: o.devoirId, filename: o.fichier.name, filetype: o.fichier.type },
      onBeforeRequest(req) {
        const jeton = o.jeton();
        if (jeton) req.setHeader("Authorization", `Bearer ${jeton}`);
      },
      onProgress: (envoyes, total) => o.onProgres({ envoyes, total }),
      onChunkComplete: () => void (occupes = 0),
      onShouldRetry(err, tentative) {
        const status = err.originalResponse?.getStatus() ?? 0;
        // Busy: handled in onError, by the server's Retry-After rather than the fixed delays.
        if (status === 503) return false;
        // 4xx are the server's answers (refused file, closed assignment…): retrying changes nothing.
        const reessayer = status === 0 || status === 409 || status === 423 || status >= 500;
        if (reessayer) o.onReprise?.(tentative + 1);
        return reessayer;
      },
      onError(err) {
        const reponse = "originalResponse" in err ? err.originalResponse : null;
        if (reponse?.getStatus() === 503 && occupes < OCCUPE_MAX) {
          occupes++;
          const apres = Number.parseInt(reponse.getHeader("Retry-After") ?? "", 10);
          const ms = delaiOccupe(Number.isFinite(apres) ? apres : null, occupes, o.aleatoire);
          o.onOccupe?.(Math.round(ms / 1000));
          setTimeout(() => upload.start(), ms);
          return;
        }
        ko(new Error(messageErreurEnvoi(err)));
      },
      onSuccess() {
        ok(idDepuisUrl(upload.url ?? ""));
      },
    });
    upload
      .findPreviousUploads()
      .then((precedents) => {
        if (precedents[0]) upload.resumeFromPreviousUpload(precedents[0]);
        upload.start();
      })
      .catch(() => upload.start());
  });
}

/**
 * The French message of a failed upload: the API's own message (`{ erreur: { message } }`) when it gave
 * one, else a plain explanation.
 *
 * @example
 * ```ts
 * messageErreurEnvoi(new Error("tus: failed to upload chunk")); // "L'envoi a échoué : …"
 * ```
 */
export function messageErreurEnvoi(err: Error & { originalResponse?: { getBody(): string } | null }): string {
  try {
    const corps = JSON.parse(err.originalResponse?.getBody() ?? "") as { erreur?: { message?: string } };
    if (corps.erreur?.message) return corps.erreur.message;
  } catch {
    /* not JSON: fall through */
  }
  return "L'envoi a échoué après plusieurs tentatives : vérifiez la connexion puis réessayez.";
}
