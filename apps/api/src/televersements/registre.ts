import {
  adopterTeleversements,
  libererTeleversements,
  oublierTeleversementsAbsents,
  reserverTeleversement,
  televersementsConsommes,
  type DemandeReservation,
  type ResultatReservation,
  type TrousseDb,
} from "@trousse/db";

/**
 * Où les envois en attente sont comptés : en base (`televersements_en_attente`), pour que tous les
 * processus de l'API voient le même nombre (limite de fichiers du devoir, quota d'octets de l'élève).
 */
export interface RegistreTeleversements {
  /** Compte un nouvel envoi avant tout octet (atomique, sûr entre processus). */
  reserver(demande: DemandeReservation): Promise<ResultatReservation>;
  /** Oublie des envois (annulés, refusés, expirés, consommés). */
  liberer(ids: readonly string[]): Promise<void>;
  /** Parmi ces envois, ceux déjà conservés (rendu, sujet, corrigé, retour) : des restes s'ils sont encore là. */
  consommes(ids: readonly string[]): Promise<string[]>;
  /** Inscrit des envois trouvés sur le disque sans ligne (écrits avant que la base ne les compte). */
  adopter(
    envois: readonly { id: string; devoirId: string; proprietaireId: string; taille: number; creeLe: Date }[],
  ): Promise<void>;
  /** Oublie les lignes d'envois absents du disque, créées avant `avant` ; renvoie leur nombre. */
  oublierAbsents(presents: readonly string[], avant: Date): Promise<number>;
}

/**
 * Le registre des envois en base de données.
 *
 * @example
 * const registre = registreEnBase(db);
 * await registre.reserver({ id, devoirId, proprietaireId, taille, nombreMax: 3, quotaOctets: 2 ** 31 });
 */
export function registreEnBase(db: TrousseDb): RegistreTeleversements {
  return {
    reserver: (demande) => reserverTeleversement(db, demande),
    liberer: (ids) => libererTeleversements(db, ids),
    consommes: (ids) => televersementsConsommes(db, ids),
    adopter: (envois) => adopterTeleversements(db, envois),
    oublierAbsents: (presents, avant) => oublierTeleversementsAbsents(db, presents, avant),
  };
}
