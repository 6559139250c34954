import { OpenAPIHono } from "@hono/zod-openapi";
import type { DbHandle } from "@trousse/db";
import type { Logger } from "pino";
import type { Locker } from "@tus/server";
import { exigerSession, routesApiAuth, routesAuth, type AuthDeps } from "./auth/index.js";
import { horodaterArrivee } from "./engagements/arrivee.js";
import type { Config } from "./config.js";
import { installerCarteZod } from "./erreurs/carte-zod.js";
import { crochetValidation } from "./erreurs/crochet-validation.js";
import { ErreurApi, reponseErreur } from "./erreurs/erreur-api.js";
import { repondreAuxErreurs } from "./erreurs/repondre.js";
import { journalRequetes } from "./journal-requetes.js";
import { methodesPermisesDe } from "./methodes-permises.js";
import { documenterAuth } from "./openapi/routes-auth-doc.js";
import { declarerPubliques, nommerOperations } from "./openapi/nommer-operations.js";
import { documenterTeleversements, ETIQUETTE_TELEVERSEMENTS } from "./televersements/documentation.js";
import { bandeauDemo } from "./pages/bandeau-demo.js";
import { routesAccueil } from "./pages/accueil.js";
import { limiterDebit } from "./protection/limiter-debit.js";
import { SeauxDeJetons, type MagasinLimites } from "./protection/seau-jetons.js";
import { limiterCorps } from "./protection/limiter-corps.js";
import { creerControleAdmission, type ControleAdmission } from "./protection/admission.js";
import { corsListe, entetesSecurite, originesPermises } from "./protection/securite.js";
import { routesDocs } from "./docs/routes.js";
import { routesOutils } from "./outils/routes.js";
import { routesRecommandations } from "./recommandations/routes.js";
import { routesSante } from "./sante/routes.js";
import { creerModuleRendus } from "./rendre-un-devoir.js";
import { creerStockage } from "./stockage/creer-stockage.js";
import type { StockageFichiers } from "./stockage/stockage-fichiers.js";
import { routesEmbed } from "./embed/routes-embed.js";

/** What the app needs: settings, an open database, a logger, and where rate limits are counted. */
export interface AppDeps {
  config: Config;
  base: Pick<DbHandle, "db" | "ping">;
  logger: Logger;
  /** Defaults to in-process token buckets. */
  limites?: MagasinLimites;
  /** Where kept files live; defaults to what `config.stockage` says (the data folder, or S3). */
  stockage?: StockageFichiers;
  /** Admission control of uploads; defaults to one built from `config.admission`. */
  admission?: ControleAdmission;
  /** The upload lock shared by several processes (PostgreSQL advisory locks); defaults to in-process. */
  verrouEnvois?: Locker;
}

const VERSION_API = "0.1.0";

/**
 * Builds the Trousse API: `/v1` (catalogue, recommendations, sign-in API), `/auth` (ENT sign-in pages),
 * `/docs`, `/health`, `/ready` and the home page, behind CORS, secure headers, body limits, rate limits and
 * request logs. Errors are always `{ erreur: { code, message, details? } }`, from one `onError`.
 *
 * @example
 * const app = createApp({ config, base: handle, logger });
 * serve({ fetch: app.fetch, port: config.port });
 */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  // No English default of zod ever reaches a client: every issue its schema does not word is worded in French.
  installerCarteZod();
  const authDeps: AuthDeps = {
    db: deps.base.db,
    config: config.auth,
    logger,
    demo: config.demo,
    baseUrl: config.baseUrl,
  };
  const origines = originesPermises(config.auth.ents, config.baseUrl);
  const debit = limiterDebit({
    magasin: deps.limites ?? new SeauxDeJetons(),
    parIpParMinute: config.limites.parIpParMinute,
    parUtilisateurParMinute: config.limites.parUtilisateurParMinute,
    secretSession: config.auth.sessionSecret,
    trustProxy: config.trustProxy,
  });

  const app = new OpenAPIHono({ defaultHook: crochetValidation });
  app.use("*", journalRequetes(logger));
  app.use("*", entetesSecurite(origines));
  if (config.demo) app.use("*", bandeauDemo());
  app.use("/v1/*", corsListe(origines, { demo: config.demo }));
  app.use("/v1/*", debit);
  app.use("/auth/*", debit);
  // Admission control: under overload, new uploads (tus POST/PATCH) get 503 + Retry-After before anything
  // else is done for them; reads, sign-in, « engager » and « rendre » never pass here and keep priority.
  const admission = deps.admission ?? creerControleAdmission(config.admission);
  app.use("/v1/*", admission.prioritaires);
  app.use("/v1/televersements/*", admission.middleware);
  // Les envois tus (PATCH) portent des fichiers : leur taille est bornée par le devoir, pas par cette limite.
  const limiteCorps = limiterCorps(config.limites.corpsOctets);
  app.use("/v1/*", (c, next) =>
    c.req.path.startsWith("/v1/televersements") ? next() : limiteCorps(c, next),
  );
  // A commitment's time is when its whole request arrived: before the session and the assignment are read,
  // which may wait behind a rush (see engagements/arrivee.ts). After the body-size limit, which it relies on.
  app.use(
    "/v1/devoirs/:id/engager",
    horodaterArrivee(() => new Date()),
  );
  const session = exigerSession(authDeps);
  // The session comes first on the signed-in paths, whatever the method: an anonymous caller learns nothing
  // from a 405 or a 404 about a route (each route checks it again as its own middleware, at no cost).
  for (const chemin of [
    "/v1/devoirs",
    "/v1/devoirs/*",
    "/v1/rendus/*",
    "/v1/rappels",
    "/v1/rappels/*",
    "/v1/groupes",
    "/v1/etablissement/*",
  ])
    app.use(chemin, session);
  const rendus = creerModuleRendus({
    db: deps.base.db,
    exigerSession: session,
    dossierDonnees: config.dataDir,
    stockage: deps.stockage ?? creerStockage(config.stockage, config.dataDir),
    verrouEnvois: deps.verrouEnvois,
    expirationMs: config.expirationEnvoiMs,
    quotas: config.quotas,
    graceEngagementMs: config.graceEngagementMs,
  });
  app.use("/auth/*", limiterCorps(config.limites.corpsOctets));

  const routes = app
    .route("/", routesSante({ ping: () => deps.base.ping() }))
    .route("/v1", routesOutils())
    .route("/v1", routesRecommandations())
    .route("/v1/auth", routesApiAuth(authDeps))
    .route("/v1", rendus.app)
    .route("/auth", routesAuth(authDeps))
    .route("/docs", routesDocs({ titre: "API Trousse" }))
    .route("/", routesAccueil({ demo: config.demo, ents: config.auth.ents }))
    .route(
      "/",
      routesEmbed({
        demo: config.demo,
        origines,
        logger,
        ents: config.auth.ents.map((e) => ({ id: e.id, nom: e.nom })),
      }),
    );

  documenterAuth(app);
  documenterTeleversements(app);
  nommerOperations(app);
  declarerPubliques(app);
  app.doc31("/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "API Trousse",
      version: VERSION_API,
      description:
        "La boîte à outils numérique de l'Éducation nationale dans les ENT : catalogue des outils (documents du ministère), " +
        "recommandation d'outil de visioconférence, connexion ENT, devoirs et rendus (envois reprenables tus, accusés de " +
        "réception, suivi, retours, rappels, délais accordés à un élève).\n\n" +
        'Erreurs : toujours `{ "erreur": { "code", "message", "details"? } }`, codes stables, messages en français ; ' +
        "`details` : un `{ champ, code, message }` par champ en défaut (codes des règles, ou `champ-obligatoire`, " +
        "`type-invalide`, `valeur-invalide`, `format-invalide`, `texte-trop-long`, `texte-trop-court`, `liste-trop-longue`, " +
        "`liste-trop-courte`, `trop-grand`, `trop-petit`, `champ-inconnu`). Codes communs à toute adresse : " +
        "`introuvable` (404), `methode-non-permise` (405, avec `Allow`), `adresse-invalide` (400, encodage %… invalide), " +
        "`base-indisponible` et `stockage-indisponible` (503, avec `Retry-After`), `erreur-interne` (500).",
      license: {
        name: "EUPL-1.2",
        url: "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
      },
    },
    servers: [{ url: config.baseUrl }],
    tags: [
      { name: "Catalogue", description: "Les outils des documents du ministère" },
      { name: "Recommandations" },
      { name: "Connexion ENT" },
      { name: "Démonstration", description: "Seulement en mode démonstration (404 sinon)" },
      { name: "Devoirs", description: "Devoirs donnés par les enseignants à leurs classes et groupes" },
      { name: "Rendus", description: "Rendre un devoir, accusé de réception, mes versions" },
      { name: "Suivi", description: "Qui a vu, rendu, rendu en retard ; archive des rendus" },
      { name: "Rappels" },
      {
        name: "Délais accordés",
        description:
          "Dérogations : l'enseignant donne à un élève une échéance ou une date limite plus tardive ; ses statuts, ses rendus et son corrigé suivent ses propres dates",
      },
      { name: "Retours", description: "Commentaire et fichier de l'enseignant sur un rendu" },
      ETIQUETTE_TELEVERSEMENTS,
      { name: "Exploitation" },
    ],
  });

  const methodesPermises = methodesPermisesDe(app.routes);
  app.notFound((c) => {
    // A known path asked with another method: 405 with Allow, as HTTP says, rather than "not found".
    const permises = methodesPermises(c.req.path);
    if (permises.length > 0 && !permises.includes(c.req.method)) {
      const liste = permises.join(", ");
      return reponseErreur(
        new ErreurApi(
          405,
          "methode-non-permise",
          `La méthode ${c.req.method} n'est pas permise à l'adresse ${c.req.path} (méthodes permises : ${liste}).`,
          undefined,
          { Allow: liste },
        ),
      );
    }
    return reponseErreur(
      new ErreurApi(
        404,
        "introuvable",
        `Aucune ressource à l'adresse ${c.req.path} : voir la référence de l'API sur /docs.`,
      ),
    );
  });
  app.onError(repondreAuxErreurs(logger));

  return routes;
}

/** The type of the API, for a typed client: `hc<AppType>("https://trousse.exemple.fr")`. */
export type AppType = ReturnType<typeof createApp>;
