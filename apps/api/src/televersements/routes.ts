import type { IncomingMessage } from "node:http";
import type { Server } from "@tus/server";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import type { Session } from "../auth/deps.js";
import { corpsErreur } from "../erreurs/erreur-api.js";
import { VERSION_TUS, verifierEntetesTus } from "./entetes-tus.js";
import {
  erreurTeleversement,
  reponseErreurTeleversement,
  reponseJsonTus,
  traduireErreurTus,
} from "./erreur-televersement.js";
import { patchNatif } from "./patch-natif.js";
import type { UtilisateurTeleversement } from "./serveur-tus.js";
import type { StoreTeleversements } from "./store-televersements.js";

/** Les variables Hono posées par le middleware de session. */
export type EnvTeleversements = { Variables: { session: Session } };

/** Les utilisateurs des requêtes tus en cours, posés par la route pour le serveur tus. */
export type RegistreSessions = WeakMap<Request, UtilisateurTeleversement>;

export interface OptionsRoutesTeleversements {
  /** Le middleware de session (`exigerSession` de l'authentification ENT). */
  exigerSession: MiddlewareHandler<EnvTeleversements>;
  store: StoreTeleversements;
  serveur: Server;
  registre: RegistreSessions;
  /** Plafond absolu d'un fichier (octets), annoncé en `Tus-Max-Size`. */
  tailleMax: number;
  /** Résolue quand le magasin a retrouvé les envois en cours (les requêtes tus l'attendent). */
  pret?: Promise<void>;
}

const ID_ENVOI = /^[0-9a-f]{32}$/;
const PERMISES_COLLECTION = "OPTIONS, POST";
const PERMISES_ENVOI = "DELETE, HEAD, OPTIONS, PATCH";

/**
 * Les routes du protocole tus 1.0 sous `/televersements` — le seul endroit qui les sert :
 * `OPTIONS` (découverte : `Tus-Version`, `Tus-Extension`, `Tus-Max-Size`, sans session), `POST` (créer),
 * `HEAD` (où reprendre), `PATCH` (la suite des octets : lue sur la requête Node quand elle existe, sinon
 * par `@tus/server`), `DELETE` (annuler). Toutes les autres exigent la session ; leurs en-têtes sont
 * vérifiés une fois (`verifierEntetesTus`) avant tus ; toute erreur est `{ erreur: { code, message } }` en
 * français avec un `Content-Length` exact. Une autre méthode répond 405 `methode-non-permise` avec `Allow`.
 *
 * @example
 * const registre: RegistreSessions = new WeakMap();
 * const serveur = creerServeurTus({ …, utilisateurDe: (r) => registre.get(r) });
 * app.route("/v1", routesTeleversements({ exigerSession, store, serveur, registre, tailleMax: 2 ** 31 }));
 */
export function routesTeleversements(options: OptionsRoutesTeleversements): Hono<EnvTeleversements> {
  const { exigerSession, store, serveur, registre, tailleMax } = options;
  const pret = options.pret ?? Promise.resolve();

  const decouverte = (): Response =>
    new Response(null, {
      status: 204,
      headers: {
        "Tus-Resumable": VERSION_TUS,
        "Tus-Version": VERSION_TUS,
        "Tus-Extension": store.extensions.join(","),
        "Tus-Max-Size": String(tailleMax),
      },
    });

  const entetesValides: MiddlewareHandler<EnvTeleversements> = async (c, next) => {
    const e = verifierEntetesTus(c.req.method, (n) => c.req.header(n), { tailleMax });
    if (e) return reponseErreurTeleversement(e);
    await next();
  };

  // Un identifiant qui n'est pas celui d'un envoi : même réponse que « n'existe pas ».
  const idValide: MiddlewareHandler<EnvTeleversements> = async (c, next) => {
    if (!ID_ENVOI.test(c.req.param("id") ?? "")) {
      return reponseErreurTeleversement(
        erreurTeleversement(
          404,
          "televersement-introuvable",
          "Ce téléversement n'existe pas ou a été supprimé.",
        ),
      );
    }
    await next();
  };

  const parTus = async (c: Context<EnvTeleversements>): Promise<Response> => {
    await pret;
    const u = c.get("session").utilisateur;
    registre.set(c.req.raw, { id: u.id, role: u.role });
    const reponse = await serveur.handleWeb(c.req.raw);
    if (reponse.status < 400) return reponse;
    // Nos erreurs (et celles de tus, traduites par `onResponseError`) sont déjà en JSON ; un texte anglais
    // écrit par tus lui-même est traduit par son statut. Longueur recalculée dans les deux cas.
    const corps = await reponse.text();
    const entetes = new Headers(reponse.headers);
    // tus keeps only status and body of our errors (`onResponseError`): a 503 says when to retry.
    if (reponse.status === 503 && !entetes.has("retry-after")) entetes.set("Retry-After", "5");
    return corps.startsWith('{"erreur"')
      ? reponseJsonTus(reponse.status, corps, entetes)
      : reponseErreurTeleversement(traduireErreurTus({ status_code: reponse.status }), entetes);
  };

  const methodeNonPermise = (c: Context, permises: string): Response => {
    const indice =
      c.req.method === "GET" && permises === PERMISES_ENVOI
        ? " Un envoi ne se télécharge pas : le fichier rendu se télécharge par les routes des rendus."
        : "";
    const corps = corpsErreur(
      "methode-non-permise",
      `La méthode ${c.req.method} n'est pas permise à l'adresse ${c.req.path} (méthodes permises : ${permises}).${indice}`,
    );
    return reponseJsonTus(405, JSON.stringify(corps), { Allow: permises });
  };

  return (
    new Hono<EnvTeleversements>()
      // Découverte tus, sans session : aucune donnée n'est révélée. Les en-têtes CORS d'un pré-vol sont
      // ajoutés par la liste CORS de l'API.
      .options("/televersements", decouverte)
      .options("/televersements/:id", decouverte)
      .post("/televersements", exigerSession, entetesValides, parTus)
      // Hono route HEAD comme GET : HEAD (où reprendre ?) va à tus, GET est refusé.
      .get(
        "/televersements/:id",
        exigerSession,
        async (c, next) => (c.req.method === "HEAD" ? next() : methodeNonPermise(c, PERMISES_ENVOI)),
        entetesValides,
        idValide,
        parTus,
      )
      // PATCH (les octets) : lu directement sur la requête Node quand le serveur Node la donne
      // (`c.env.incoming`), sans conversion en flux web ; sinon (requête web, tests), par le serveur tus.
      .patch("/televersements/:id", exigerSession, entetesValides, idValide, async (c) => {
        const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
        if (!incoming || incoming.readableDidRead || c.req.raw.bodyUsed) return parTus(c);
        await pret;
        return patchNatif({ store, serveur }, incoming, c.req.param("id"), c.get("session").utilisateur.id);
      })
      .delete("/televersements/:id", exigerSession, entetesValides, idValide, parTus)
      .all("/televersements", exigerSession, (c) => methodeNonPermise(c, PERMISES_COLLECTION))
      .all("/televersements/:id", exigerSession, (c) => methodeNonPermise(c, PERMISES_ENVOI))
  );
}
