import { decoderNomFichier, peutStocker, validerNomFichier } from "@trousse/rules";
import { controlerAnnonce } from "./controle-contenu.js";
import { ERRORS, Server } from "@tus/server";
import { erreurTeleversement, traduireErreurTus, versErreurTeleversement } from "./erreur-televersement.js";
import { lireMetadonneesBrutes } from "./metadonnees-brutes.js";
import type { RegistreTeleversements } from "./registre.js";
import type { StoreTeleversements } from "./store-televersements.js";
import type { ContraintesTeleversement } from "./types.js";

/** L'utilisateur connecté qui téléverse (celui de la session). */
export interface UtilisateurTeleversement {
  id: string;
  role: string;
}

/**
 * Décide si un utilisateur peut déposer un fichier pour un devoir, et avec quelles contraintes.
 * Lève une `ErreurTeleversement` (403, 404, 409…) sinon. Fournie par la couche des devoirs.
 */
export interface PolitiqueTeleversement {
  autoriser(utilisateur: UtilisateurTeleversement, devoirId: string): Promise<ContraintesTeleversement>;
}

export interface OptionsServeurTus {
  store: StoreTeleversements;
  /** Chemin d'API où le protocole tus est monté, ex. `/v1/televersements`. */
  chemin: string;
  politique: PolitiqueTeleversement;
  /** Où les envois en attente sont comptés (en base : le même compte pour tous les processus). */
  registre: RegistreTeleversements;
  /** Retrouve l'utilisateur de la session pour une requête (posé par le middleware de session). */
  utilisateurDe: (requete: Request) => UtilisateurTeleversement | undefined;
  /** Plafond absolu d'un fichier, quelle que soit la consigne (octets). */
  tailleMaxAbsolue: number;
}

function texte(octets: Uint8Array | undefined): string {
  return octets ? Buffer.from(octets).toString("utf8") : "";
}

/**
 * Crée le serveur tus des rendus : à la création d'un envoi, il vérifie la session, le nom (UTF-8 strict,
 * pas de traversée de dossier), la taille annoncée (`Upload-Length`, obligatoire), puis compte l'envoi **en
 * base** contre le nombre de fichiers du devoir et le quota d'octets de l'élève (`registre.reserver`, sûr
 * entre processus), avant qu'un seul octet ne soit reçu ; seul l'auteur d'un envoi peut le reprendre ou l'annuler.
 *
 * @example
 * const serveur = creerServeurTus({ store, chemin: "/v1/televersements", politique, utilisateurDe, tailleMaxAbsolue: 2 ** 31 });
 * app.all("/v1/televersements/*", (c) => serveur.handleWeb(c.req.raw));
 */
export function creerServeurTus(options: OptionsServeurTus): Server {
  const { store, politique, registre, utilisateurDe } = options;
  const exigerUtilisateur = (req: Request): UtilisateurTeleversement => {
    const utilisateur = utilisateurDe(req);
    if (!utilisateur)
      throw erreurTeleversement(401, "non-authentifie", "Connectez-vous pour envoyer un fichier.");
    return utilisateur;
  };
  return new Server({
    path: options.chemin,
    datastore: store,
    relativeLocation: true,
    maxSize: options.tailleMaxAbsolue,
    exposedHeaders: ["Upload-Offset", "Location", "Upload-Length", "Upload-Expires"],
    // CORS : décidé par la liste des origines de l'API (middleware de l'app), jamais « * » par tus.
    allowedOrigins: () => false,
    async onUploadCreate(req, upload) {
      const utilisateur = exigerUtilisateur(req as unknown as Request);
      if (upload.size === undefined) throw versErreurTeleversement(ERRORS.INVALID_LENGTH);
      const meta = lireMetadonneesBrutes(req.headers.get("upload-metadata"));
      if (!meta) throw versErreurTeleversement(ERRORS.INVALID_METADATA);
      const devoirId = texte(meta.get("devoir"));
      if (!devoirId)
        throw erreurTeleversement(
          400,
          "devoir-requis",
          "Indiquez le devoir auquel ce fichier est rendu (métadonnée « devoir »).",
        );
      const octetsNom = meta.get("filename") ?? meta.get("nom");
      if (!octetsNom)
        throw erreurTeleversement(400, "nom-requis", "Indiquez le nom du fichier (métadonnée « filename »).");
      const decode = decoderNomFichier(octetsNom);
      if (!decode.ok) throw erreurTeleversement(400, decode.code, decode.message);
      const valide = validerNomFichier(decode.nom);
      if (!valide.ok) throw erreurTeleversement(400, valide.code, valide.message);
      const contraintes = await politique.autoriser(utilisateur, devoirId);
      controlerAnnonce(valide.nom, upload.size, contraintes);
      const quotaOctets = contraintes.quotaOctets ?? null;
      const reservation = await registre.reserver({
        id: upload.id,
        devoirId,
        proprietaireId: utilisateur.id,
        taille: upload.size,
        nombreMax: contraintes.nombreMax,
        quotaOctets,
      });
      if (!reservation.ok && reservation.raison === "nombre") {
        throw erreurTeleversement(
          422,
          "trop-de-fichiers",
          `Ce devoir accepte au plus ${contraintes.nombreMax} fichier${contraintes.nombreMax > 1 ? "s" : ""} : retirez un fichier avant d'en envoyer un autre.`,
        );
      }
      if (!reservation.ok) {
        // Le message vient des règles : la base a compté, `peutStocker` dit l'espace utilisé et quoi faire.
        const refus = peutStocker({
          utilises: reservation.utilises,
          taille: upload.size,
          quotaOctets: quotaOctets ?? 0,
        });
        throw erreurTeleversement(
          422,
          "quota-depasse",
          refus.ok ? "Votre espace de stockage est plein." : refus.message,
        );
      }
      return {
        metadata: {
          nom: valide.nom,
          devoir: devoirId,
          proprietaire: utilisateur.id,
          familles: contraintes.familles.join(","),
          tailleMax: String(contraintes.tailleMaxOctets),
          nombreMax: String(contraintes.nombreMax),
        },
      };
    },
    async onIncomingRequest(req, id) {
      const utilisateur = exigerUtilisateur(req as unknown as Request);
      if (req.method === "POST") return;
      const info = await store.configstore.get(id);
      // Même réponse pour « n'existe pas » et « pas à vous » : on ne révèle pas les envois des autres.
      if (!info || info.metadata?.proprietaire !== utilisateur.id) {
        throw erreurTeleversement(
          404,
          "televersement-introuvable",
          "Ce téléversement n'existe pas ou a été supprimé.",
        );
      }
    },
    onResponseError(_req, erreur) {
      return traduireErreurTus(erreur);
    },
  });
}
