/** Familles de fichiers qu'un devoir peut accepter (vérifiées par les octets magiques). */
export type FamilleFichier = "document" | "image" | "audio" | "video";

/** Type reconnu d'un fichier, par ses premiers octets. */
export interface TypeReconnu {
  mime: string;
  extension: string;
  famille: FamilleFichier;
}

/** Contraintes de fichiers d'un devoir, telles que le téléversement les applique. */
export interface ContraintesTeleversement {
  familles: FamilleFichier[];
  tailleMaxOctets: number;
  nombreMax: number;
  /**
   * Octets que l'envoyeur peut garder en tout (envois en cours + fichiers de toutes ses versions rendues) ;
   * `null` ou absent : pas de quota (enseignant).
   */
  quotaOctets?: number | null;
}

/** Métadonnées tus posées par le serveur à la création (le client ne peut pas les changer ensuite). */
export interface MetadonneesTeleversement {
  nom: string;
  devoir: string;
  proprietaire: string;
  familles: string;
  tailleMax: string;
}

/** Un fichier entièrement reçu, haché et écrit durablement (fsync), prêt à être rendu. */
export interface TeleversementTermine {
  id: string;
  nom: string;
  devoirId: string;
  proprietaireId: string;
  taille: number;
  sha256: string;
  mime: string;
  extension: string;
  famille: FamilleFichier;
  chemin: string;
  termineLe: string;
}
