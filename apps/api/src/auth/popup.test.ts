import { describe, expect, it } from "vitest";
import { ErreurAuth } from "./erreurs.js";
import { pageErreur, pageSession, SCRIPT_POPUP } from "./popup.js";

const EXPIRE = new Date("2026-03-02T09:00:00Z");

describe("page de fin de connexion", () => {
  it("donne au script le jeton et l'origine vérifiée, sans script en ligne, avec une CSP stricte", () => {
    const { html, entetes } = pageSession({
      jeton: "a.b.c",
      expireLe: EXPIRE,
      origine: "https://ent.exemple.fr",
      utilisateur: { nomAffiche: "Léa <Martin>" },
      frameAncestors: ["https://ent.exemple.fr"],
    });
    expect(html).toContain('lang="fr"');
    expect(html).toContain('data-trousse-message="session"');
    expect(html).toContain('data-origine="https://ent.exemple.fr"');
    expect(html).toContain('data-expire-le="2026-03-02T09:00:00.000Z"');
    expect(html).toContain("Léa &lt;Martin&gt;");
    expect(html).toContain('<script src="/auth/popup.js" defer></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const csp = entetes["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'self' https://ent.exemple.fr");
    expect(html).toContain(`nonce="${/nonce-([^']+)/.exec(csp)?.[1]}"`);
    expect(entetes["cross-origin-opener-policy"]).toBe("unsafe-none");
    expect(entetes["cache-control"]).toBe("no-store");
  });

  it("sans origine, montre le jeton et comment s'en servir, sans script", () => {
    const { html } = pageSession({
      jeton: "a.b.c",
      expireLe: EXPIRE,
      utilisateur: { nomAffiche: "Léa" },
      frameAncestors: [],
    });
    expect(html).toContain('<code id="jeton">a.b.c</code>');
    expect(html).toContain("Authorization: Bearer &lt;jeton&gt;");
    expect(html).toContain("10:00"); // 09:00 UTC = 10:00 à Paris en mars
    expect(html).not.toContain("<script");
  });

  it("la page d'erreur explique en français et ne transmet rien sans origine vérifiée", () => {
    const erreur = new ErreurAuth("origine-non-autorisee", "Cette page n'est pas autorisée.", 403);
    const sans = pageErreur(erreur);
    expect(sans.html).toContain("Connexion impossible");
    expect(sans.html).toContain("origine-non-autorisee");
    expect(sans.html).not.toContain("data-trousse-message");
    const avec = pageErreur(new ErreurAuth("acces-refuse", "Refusé.", 403), {
      origine: "https://ent.exemple.fr",
    });
    expect(avec.html).toContain(
      'data-trousse-message="erreur" data-origine="https://ent.exemple.fr" data-code="acces-refuse"',
    );
  });
});

describe("script de la fenêtre de connexion", () => {
  function executer(options: { opener: boolean; parent?: boolean; origine?: string }) {
    const envois: { message: unknown; origine: string }[] = [];
    const cible = { postMessage: (message: unknown, origine: string) => envois.push({ message, origine }) };
    const statut = { textContent: "" };
    const attributs: Record<string, string | undefined> = {
      "data-trousse-message": "session",
      "data-origine": options.origine,
      "data-jeton": "a.b.c",
      "data-expire-le": "2026-03-02T09:00:00.000Z",
    };
    let ferme = false;
    const fenetre: Record<string, unknown> = {
      opener: options.opener ? cible : null,
      close: () => {
        ferme = true;
      },
    };
    fenetre.parent = options.parent ? cible : fenetre;
    const document = {
      querySelector: () => ({ getAttribute: (n: string) => attributs[n] ?? null }),
      getElementById: () => statut,
    };
    new Function("window", "document", "setTimeout", SCRIPT_POPUP)(fenetre, document, (f: () => void) => f());
    return { envois, statut: statut.textContent, ferme: () => ferme };
  }

  it("poste la session à window.opener avec l'origine cible exacte, puis ferme la fenêtre", () => {
    const r = executer({ opener: true, origine: "https://ent.exemple.fr" });
    expect(r.envois).toEqual([
      {
        message: { type: "trousse:session", jeton: "a.b.c", expireLe: "2026-03-02T09:00:00.000Z" },
        origine: "https://ent.exemple.fr",
      },
    ]);
    expect(r.ferme()).toBe(true);
  });

  it("poste au parent quand la page tourne dans une iframe", () => {
    const r = executer({ opener: false, parent: true, origine: "http://trousse.test" });
    expect(r.envois[0]?.origine).toBe("http://trousse.test");
    expect(r.ferme()).toBe(false);
  });

  it("ne poste rien sans origine ni fenêtre d'origine", () => {
    expect(executer({ opener: true }).envois).toEqual([]);
    const seule = executer({ opener: false, origine: "https://ent.exemple.fr" });
    expect(seule.envois).toEqual([]);
    expect(seule.statut).toMatch(/n'est plus ouverte/);
  });
});
