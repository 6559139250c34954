/**
 * A tiny scripted "browser" for sign-in tests: keeps cookies per origin, follows redirects by hand
 * (so every hop can be inspected), and sends requests to the API under test in-process
 * (`app.request`) or over the network to the ENT servers.
 */
export interface Etape {
  url: string;
  status: number;
  location?: string;
}

export interface Navigateur {
  /** Requests `url`, following redirects; returns the final response, its URL and the hops. */
  aller(url: string, init?: RequestInit): Promise<{ reponse: Response; url: string; etapes: Etape[] }>;
  /** Submits an urlencoded form (POST) then follows redirects. */
  soumettre(
    url: string,
    champs: Record<string, string>,
  ): Promise<{ reponse: Response; url: string; etapes: Etape[] }>;
  /** Cookies currently held for an origin. */
  cookies(origine: string): Map<string, string>;
}

/**
 * Creates a scripted browser. Requests to `baseApi` go through `requeteApi` (e.g. Hono's `app.request`).
 *
 * @example
 * const nav = creerNavigateur("http://trousse.test", (url, init) => app.request(url, init));
 * const { reponse } = await nav.aller("http://trousse.test/auth/connexion?ent=ode");
 */
export function creerNavigateur(
  baseApi: string,
  requeteApi: (url: string, init: RequestInit) => Response | Promise<Response>,
): Navigateur {
  const pots = new Map<string, Map<string, string>>();
  const pot = (origine: string) => {
    let p = pots.get(origine);
    if (!p) pots.set(origine, (p = new Map()));
    return p;
  };

  async function une(url: string, init: RequestInit): Promise<Response> {
    const origine = new URL(url).origin;
    const entetes = new Headers(init.headers);
    const cookies = [...pot(origine)].map(([n, v]) => `${n}=${v}`).join("; ");
    if (cookies) entetes.set("cookie", cookies);
    const finale = { ...init, headers: entetes, redirect: "manual" as const };
    const reponse =
      origine === new URL(baseApi).origin ? await requeteApi(url, finale) : await fetch(url, finale);
    for (const ligne of reponse.headers.getSetCookie()) {
      const [paire, ...attributs] = ligne.split(";");
      const i = (paire ?? "").indexOf("=");
      const nom = (paire ?? "").slice(0, i).trim();
      const valeur = (paire ?? "").slice(i + 1).trim();
      const expire = attributs.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expire || valeur === "") pot(origine).delete(nom);
      else pot(origine).set(nom, valeur);
    }
    return reponse;
  }

  async function aller(url: string, init: RequestInit = {}) {
    const etapes: Etape[] = [];
    let courant = url;
    let reponse = await une(courant, init);
    for (let i = 0; i < 20; i++) {
      const location = reponse.headers.get("location");
      etapes.push({ url: courant, status: reponse.status, ...(location ? { location } : {}) });
      if (reponse.status < 300 || reponse.status >= 400 || !location)
        return { reponse, url: courant, etapes };
      await reponse.arrayBuffer();
      courant = new URL(location, courant).href;
      reponse = await une(courant, {});
    }
    throw new Error("trop de redirections");
  }

  return {
    aller,
    soumettre: (url, champs) =>
      aller(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(champs).toString(),
      }),
    cookies: (origine) => pot(origine),
  };
}
