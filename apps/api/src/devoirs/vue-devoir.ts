import {
  formaterDateParis,
  libelleStatutRendu,
  statutRendu,
  tempsRestant,
  type DatesDevoir,
} from "@trousse/rules";
import type { LigneDevoir } from "./acces.js";

/** Les dates d'un devoir au format attendu par les règles. */
export function datesDe(devoir: LigneDevoir): DatesDevoir {
  return {
    ouverture: devoir.ouverture,
    echeance: devoir.echeance,
    dateLimite: devoir.dateLimite,
    publicationCorrige: devoir.publicationCorrige,
  };
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const affiche = (d: Date | null): string | null => (d ? formaterDateParis(d) : null);

/** Un fichier de sujet ou de corrigé tel que l'API le montre. */
export interface VueFichierDevoir {
  id: string;
  nom: string;
  taille: number;
  mime: string;
  sha256: string;
  url: string;
}

/**
 * Le JSON d'un devoir, prêt pour un widget : dates ISO et en heure de Paris (« mardi 31 mars 2026 à 23 h 59 »),
 * contraintes de fichiers, déclaration sur l'honneur, fichiers de sujet (et de corrigé quand il est visible).
 *
 * @example
 * c.json({ devoir: vueDevoir(devoir, { groupe, sujets, corriges, maintenant }) });
 */
export function vueDevoir(
  devoir: LigneDevoir,
  extra: {
    groupe: { id: string; nom: string; nature: string };
    sujets: VueFichierDevoir[];
    corriges: VueFichierDevoir[] | null;
    maintenant: Date;
  },
) {
  const restant = tempsRestant(devoir.echeance, extra.maintenant);
  return {
    id: devoir.id,
    titre: devoir.titre,
    consignes: devoir.consignes,
    groupe: extra.groupe,
    enseignantId: devoir.enseignantId,
    dates: {
      ouverture: iso(devoir.ouverture),
      echeance: iso(devoir.echeance),
      dateLimite: iso(devoir.dateLimite),
      publicationCorrige: iso(devoir.publicationCorrige),
    },
    datesAffichees: {
      ouverture: affiche(devoir.ouverture),
      echeance: affiche(devoir.echeance),
      dateLimite: affiche(devoir.dateLimite),
      publicationCorrige: affiche(devoir.publicationCorrige),
    },
    tempsRestant: restant,
    contraintes: {
      familles: devoir.familles,
      tailleMaxOctets: devoir.tailleMaxOctets,
      nombreMax: devoir.nombreMaxFichiers,
    },
    declarationHonneur: devoir.declarationHonneur,
    sujets: extra.sujets,
    /** null : le corrigé n'est pas (encore) visible pour cet utilisateur. */
    corriges: extra.corriges,
    creeLe: iso(devoir.creeLe),
    majLe: iso(devoir.majLe),
  };
}

/**
 * Le statut d'un élève pour un devoir (vue élève ou parent), avec son libellé français.
 *
 * @example
 * statutEleve(devoir, { renduLe }, new Date()); // { statut: "rendu", libelle: "Rendu" }
 */
export function statutEleve(
  devoir: LigneDevoir,
  rendu: { renduLe: Date } | null,
  maintenant: Date,
): { statut: string; libelle: string } {
  const statut = statutRendu({ devoir: datesDe(devoir), rendu, maintenant });
  return { statut, libelle: libelleStatutRendu(statut) };
}
