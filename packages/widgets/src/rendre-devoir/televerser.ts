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
 *
 * @example
 * ```ts
 * const id = await televerser({ api, jeton: () => s.jeton, devoirId, fichier, onProgres: console.log });
 * ```
 */
export async function televerser(o: OptionsEnvoi): Promise<string> {
  const { Upload } = await import("tus-js-client");
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
      onShouldRetry(err, tentative) {
        const status = err.originalResponse?.getStatus() ?? 0;
        // 4xx are the server's answers (refused file, closed assignment…): retrying changes nothing.
        const reessayer = status === 0 || status === 409 || status === 423 || status >= 500;
        if (reessayer) o.onReprise?.(tentative + 1);
        return reessayer;
      },
      onError(err) {
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
