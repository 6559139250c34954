import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import { ERRORS, type Locker, type Server } from "@tus/server";
import { VERSION_TUS } from "./entetes-tus.js";
import { erreurTeleversement, reponseErreurTeleversement } from "./erreur-televersement.js";
import type { StoreTeleversements } from "./store-televersements.js";

const ENTIER = /^\d{1,16}$/;

/** Ce qu'il faut pour servir un PATCH tus directement depuis la requête Node. */
export interface OptionsPatchNatif {
  store: StoreTeleversements;
  /** Le serveur tus : son verrou (`locker`) est partagé, un PATCH natif et un HEAD/DELETE tus s'excluent. */
  serveur: Server;
}

function erreur(e: unknown): Response {
  return reponseErreurTeleversement(e);
}

/**
 * Sert un `PATCH /v1/televersements/:id` (tus 1.0, extension expiration ; en-têtes déjà vérifiés par
 * `verifierEntetesTus`) en lisant le corps directement sur
 * la requête Node (`IncomingMessage`), sans passer par les flux web (`Request.body` puis `Readable.fromWeb`)
 * de `@hono/node-server` et `@tus/server` : mêmes contrôles que le `PatchHandler` de tus (en-têtes, auteur
 * de l'envoi, verrou partagé, expiration, décalage, taille), même écriture (`store.write` : sha256, octets
 * magiques, fsync à la fin). Un client qui coupe, ou un nouveau PATCH qui demande le verrou, arrête l'écriture
 * proprement : ce qui est arrivé est gardé et l'envoi reprendra là.
 *
 * @example
 * app.patch("/televersements/:id", exigerSession, (c) =>
 *   patchNatif({ store, serveur }, c.env.incoming, c.req.param("id"), c.get("session").utilisateur.id));
 */
export async function patchNatif(
  options: OptionsPatchNatif,
  requete: IncomingMessage,
  id: string,
  proprietaireId: string,
): Promise<Response> {
  const { store, serveur } = options;
  const entetes = requete.headers;
  // Tus-Resumable, Upload-Offset, Content-Type, Upload-Length : vérifiés avant, par la route
  // (`verifierEntetesTus`, la même vérification que pour les requêtes servies par tus).
  const offset = Number(entetes["upload-offset"]);
  // Même réponse pour « n'existe pas » et « pas à vous » : on ne révèle pas les envois des autres.
  const info = /^[0-9a-f]{32}$/.test(id) ? await store.configstore.get(id).catch(() => undefined) : undefined;
  if (!info || info.metadata?.proprietaire !== proprietaireId) {
    return erreur(
      erreurTeleversement(
        404,
        "televersement-introuvable",
        "Ce téléversement n'existe pas ou a été supprimé.",
      ),
    );
  }

  // La source : les octets de la requête Node, relayés (avec contre-pression) dans un PassThrough qu'on
  // termine proprement — client coupé, verrou demandé par un autre PATCH, corps trop long — sans détruire
  // la requête : ce qui est déjà passé est écrit et haché, l'envoi reprendra là.
  const source = new PassThrough({ highWaterMark: 1 << 20 });
  source.on("error", () => undefined);
  let termine = false;
  let depasse = false;
  let recus = 0;
  let reste = 0;
  const surDonnees = (morceau: Buffer) => {
    if (termine) return;
    recus += morceau.length;
    if (recus > reste) {
      // Plus d'octets que la taille annoncée (corps sans Content-Length) : rien au-delà n'est écrit.
      depasse = true;
      arreter();
      return;
    }
    if (!source.write(morceau)) {
      requete.pause();
      source.once("drain", () => requete.resume());
    }
  };
  const arreter = () => {
    if (termine) return;
    termine = true;
    requete.off("data", surDonnees);
    source.end();
    // Le reste éventuel du corps est lu et jeté : la connexion reste utilisable pour la réponse.
    requete.resume();
  };
  const arret = new AbortController();
  const locker = (
    typeof serveur.options.locker === "function"
      ? await (serveur.options.locker as (r: unknown) => Locker | Promise<Locker>)(requete)
      : serveur.options.locker
  ) as Locker;
  const verrou = locker.newLock(id);
  try {
    await verrou.lock(arret.signal, async () => arreter());
  } catch (e) {
    return erreur(e);
  }
  try {
    const upload = await store.getUpload(id);
    const expiration = store.getExpiration();
    const creation = upload.creation_date ? new Date(upload.creation_date).getTime() : Date.now();
    if (expiration > 0 && Date.now() > creation + expiration) return erreur(ERRORS.FILE_NO_LONGER_EXISTS);
    if (upload.offset !== offset) return erreur(ERRORS.INVALID_OFFSET);
    const taille = upload.size ?? 0;
    const longueur = entetes["content-length"];
    if (longueur !== undefined && (!ENTIER.test(longueur) || Number(longueur) > taille - offset)) {
      return erreur(ERRORS.ERR_SIZE_EXCEEDED);
    }
    reste = taille - offset;
    requete.on("data", surDonnees);
    requete.once("end", arreter);
    requete.once("aborted", arreter);
    // L'écouteur d'erreur reste posé : une erreur de socket après la réponse ne doit pas tuer le processus.
    requete.on("error", arreter);
    requete.once("close", arreter);
    if (requete.destroyed) arreter();
    let nouvelOffset: number;
    try {
      nouvelOffset = await store.write(source, id, offset, upload);
    } finally {
      arreter();
      requete.off("end", arreter);
      requete.off("aborted", arreter);
      requete.off("close", arreter);
    }
    if (depasse) return erreur(ERRORS.ERR_SIZE_EXCEEDED);
    const reponseEntetes: Record<string, string> = { "Upload-Offset": String(nouvelOffset) };
    if (expiration > 0 && upload.creation_date && nouvelOffset < taille) {
      reponseEntetes["Upload-Expires"] = new Date(creation + expiration).toUTCString();
    }
    return new Response(null, {
      status: 204,
      headers: { "Tus-Resumable": VERSION_TUS, ...reponseEntetes },
    });
  } catch (e) {
    return erreur(e);
  } finally {
    await verrou.unlock().catch(() => undefined);
  }
}
