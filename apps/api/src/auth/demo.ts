import { listerUtilisateurs, trouverParLogin, type Role, type UtilisateurListe } from "@trousse/db";
import { Hono } from "hono";
import type { AuthDeps } from "./deps.js";
import { gabarit } from "../pages/html.js";
import { ErreurAuth } from "./erreurs.js";
import { pageHtml } from "./html.js";
import { messageOrigineRefusee, normaliserOrigine, origineAutorisee } from "./origines.js";
import { envoyerPage, envoyerPageErreur } from "./pages-reponse.js";
import { pageSession } from "./popup.js";
import { ouvrirSession } from "./terminer-connexion.js";

/** ENT id of the demo users (seeded by the API core through `enregistrerIdentite`). */
export const ENT_DEMO = "demo";

const LIBELLES_ROLES: Record<Role, string> = {
  eleve: "Élèves",
  enseignant: "Enseignants",
  parent: "Parents",
  personnel: "Personnels",
};

export const introuvable = () =>
  new ErreurAuth("introuvable", "Cette adresse n'existe pas sur ce serveur Trousse.", 404);

/** Origins allowed to receive a demo session: the API itself and every configured ENT's allowed origins. */
function originesDemo(deps: AuthDeps): string[] {
  return deps.config.ents.flatMap((e) => e.originesAutorisees);
}

/** The page asking for a demo session: any http(s) origin (demo mode: fictitious accounts, said on every page). */
function origineDemo(deps: AuthDeps, origine: string | undefined): string | undefined {
  if (origine === undefined || origine === "") return undefined;
  if (!origineAutorisee(origine, originesDemo(deps), deps.baseUrl, { demo: deps.demo })) {
    throw new ErreurAuth("origine-non-autorisee", messageOrigineRefusee(origine), 403);
  }
  return normaliserOrigine(origine) ?? undefined;
}

function pageListe(deps: AuthDeps, utilisateurs: UtilisateurListe[], origine: string | undefined) {
  const champOrigine = origine ? gabarit`<input type="hidden" name="origine" value="${origine}">` : "";
  const sections = (Object.keys(LIBELLES_ROLES) as Role[]).flatMap((role) => {
    const membres = utilisateurs.filter((u) => u.role === role && u.login);
    if (membres.length === 0) return [];
    const items = membres.map(
      (u) => gabarit`<li><form method="post" action="/auth/demo">
<input type="hidden" name="login" value="${u.login ?? ""}">${champOrigine}
<button type="submit">Se connecter en tant que ${u.nomAffiche}</button> <small>(${u.login ?? ""})</small>
</form></li>
`,
    );
    return [
      gabarit`<section aria-labelledby="role-${role}"><h2 id="role-${role}">${LIBELLES_ROLES[role]}</h2><ul>${items}</ul></section>
`,
    ];
  });
  const corps = gabarit`<h1>Connexion de démonstration</h1>
<p>Choisissez un compte fictif : la connexion se termine comme une vraie connexion ENT.</p>
${sections.length > 0 ? sections : gabarit`<p>Aucun compte de démonstration n'a été créé.</p>`}`;
  return pageHtml({
    titre: "Connexion de démonstration",
    corps,
    demo: true,
    frameAncestors: originesDemo(deps),
  });
}

/**
 * Demo sign-in pages, mounted at `/auth/demo` (404 when demo mode is off): `GET` lists the demo users by
 * role, each with a button (a plain form POST, no JavaScript); `POST` (`login`, optional `origine`) signs in
 * and ends like a real sign-in (postMessage to `origine`, or the token shown).
 *
 * @example
 * app.route("/auth/demo", routesDemo(deps));
 */
export function routesDemo(deps: AuthDeps): Hono {
  const app = new Hono();
  app.get("/", async (c) => {
    try {
      if (!deps.demo) throw introuvable();
      const origine = origineDemo(deps, c.req.query("origine"));
      return envoyerPage(c, pageListe(deps, await listerUtilisateurs(deps.db, ENT_DEMO), origine));
    } catch (e) {
      return envoyerPageErreur(c, deps, e, { entId: ENT_DEMO });
    }
  });
  app.post("/", async (c) => {
    let origine: string | undefined;
    try {
      if (!deps.demo) throw introuvable();
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      origine = origineDemo(deps, typeof form.origine === "string" ? form.origine : undefined);
      const login = typeof form.login === "string" ? form.login : "";
      const utilisateur = login ? await trouverParLogin(deps.db, ENT_DEMO, login) : null;
      if (!utilisateur)
        throw new ErreurAuth("utilisateur-demo-inconnu", "Ce compte de démonstration n'existe pas.", 404);
      const { jeton, expireLe } = await ouvrirSession(deps, utilisateur, "demo");
      return envoyerPage(
        c,
        pageSession({
          jeton,
          expireLe,
          origine,
          utilisateur,
          frameAncestors: originesDemo(deps),
          demo: true,
        }),
      );
    } catch (e) {
      return envoyerPageErreur(c, deps, e, { entId: ENT_DEMO, origine });
    }
  });
  return app;
}
