/** A session received from the ENT sign-in popup. Kept in memory only (see README). */
export interface SessionTrousse {
  jeton: string;
  expireLe: Date;
}

/** What the sign-in popup posted: a session, an error, or nothing for us. */
export type MessageConnexion =
  { type: "session"; session: SessionTrousse } | { type: "erreur"; code: string; message: string } | null;

/**
 * Reads a `message` event from the sign-in popup. Accepted only when `event.origin` is EXACTLY the API's
 * origin and the data has the expected `type` and fields; anything else (another window, a forged message)
 * returns `null` and is ignored.
 *
 * @example
 * ```ts
 * lireMessageConnexion({ origin: "https://trousse.example.fr", data: { type: "trousse:session", jeton: "…", expireLe: "2026-03-31T12:00:00Z" } }, "https://trousse.example.fr");
 * // { type: "session", session: { jeton: "…", expireLe: Date } }
 * ```
 */
export function lireMessageConnexion(
  evenement: { origin: string; data: unknown },
  origineApi: string,
): MessageConnexion {
  if (evenement.origin !== origineApi) return null;
  const d = evenement.data as Record<string, unknown> | null;
  if (typeof d !== "object" || d === null) return null;
  if (
    d.type === "trousse:session" &&
    typeof d.jeton === "string" &&
    d.jeton &&
    typeof d.expireLe === "string"
  ) {
    const expireLe = new Date(d.expireLe);
    if (Number.isNaN(expireLe.getTime())) return null;
    return { type: "session", session: { jeton: d.jeton, expireLe } };
  }
  if (d.type === "trousse:erreur")
    return {
      type: "erreur",
      code: typeof d.code === "string" ? d.code : "connexion-impossible",
      message: typeof d.message === "string" ? d.message : "La connexion a échoué.",
    };
  return null;
}

/**
 * The address of the sign-in popup: `<api>/auth/connexion?ent=<ent>&origine=<page origin>`; without `ent`
 * the API lets the user choose the ENT (and the demo accounts in demo mode).
 *
 * @example
 * ```ts
 * urlConnexion("https://trousse.example.fr", "ode-paris", "https://ent.example.fr");
 * // "https://trousse.example.fr/auth/connexion?ent=ode-paris&origine=https%3A%2F%2Fent.example.fr"
 * ```
 */
export function urlConnexion(api: string, ent: string | null | undefined, origine: string): string {
  const u = new URL(`${api}/auth/connexion`);
  if (ent) u.searchParams.set("ent", ent);
  u.searchParams.set("origine", origine);
  return u.href;
}

/**
 * A window name unique to one sign-in (`trousse-connexion-<random>`).
 *
 * @example
 * ```ts
 * nomFenetreConnexion(); // "trousse-connexion-4f1c…"
 * ```
 */
export function nomFenetreConnexion(): string {
  const hasard =
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `trousse-connexion-${hasard.replace(/[^a-z0-9]/gi, "")}`;
}

/** True while the session can still be used (with a one-minute margin). */
export const sessionValide = (s: SessionTrousse | undefined, maintenant = Date.now()): s is SessionTrousse =>
  !!s && s.expireLe.getTime() - 60_000 > maintenant;

/**
 * Opens the ENT sign-in popup and resolves with the session it posts back, or rejects with the French error
 * it posts, or when the popup is blocked. Must be called from a click (popup blockers). The popup's
 * `closed` flag is not watched: an ENT page with its own `Cross-Origin-Opener-Policy` makes it read `true`
 * too early; the sign-in button stays available instead.
 *
 * @example
 * ```ts
 * const session = await ouvrirConnexion("https://trousse.example.fr", "ode-paris");
 * ```
 */
export function ouvrirConnexion(
  api: string,
  ent: string | null,
  fenetre: Window = window,
): Promise<SessionTrousse> {
  const origineApi = new URL(api).origin;
  // A window name of its own per sign-in: two widgets on one page (a script-tag one and an iframe one)
  // sharing « trousse-connexion » would reuse one popup, and the second sign-in would never answer.
  const popup = fenetre.open(
    urlConnexion(api, ent, fenetre.location.origin),
    nomFenetreConnexion(),
    "popup,width=520,height=680",
  );
  return new Promise((ok, ko) => {
    if (!popup) {
      ko(
        new Error(
          "La fenêtre de connexion a été bloquée : autorisez les fenêtres surgissantes pour ce site, puis réessayez.",
        ),
      );
      return;
    }
    const ecouter = (e: MessageEvent) => {
      // Only this widget's own popup: another widget's sign-in on the same page is not ours.
      if (e.source !== null && e.source !== popup) return;
      const m = lireMessageConnexion(e, origineApi);
      if (!m) return;
      fenetre.removeEventListener("message", ecouter);
      if (m.type === "session") ok(m.session);
      else ko(new Error(m.message));
    };
    fenetre.addEventListener("message", ecouter);
  });
}
