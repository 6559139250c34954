import {
  datesDuDevoir,
  formaterDateParis,
  libelleStatutRendu,
  statutRendu,
  tempsRestant,
  type Derogation,
  type StatutRendu,
} from "@trousse/rules";
import type { LigneDevoir } from "./acces.js";

const iso = (d: Date): string => d.toISOString();
const isoOuNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
const afficheOuNull = (d: Date | null): string | null => (d ? formaterDateParis(d) : null);

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
    /** L'échéance de l'élève s'il a un délai accordé : le compte à rebours va jusqu'à elle. */
    echeanceEleve?: Date | null;
  },
) {
  const restant = tempsRestant(extra.echeanceEleve ?? devoir.echeance, extra.maintenant);
  return {
    id: devoir.id,
    titre: devoir.titre,
    consignes: devoir.consignes,
    groupe: extra.groupe,
    enseignantId: devoir.enseignantId,
    dates: {
      ouverture: iso(devoir.ouverture),
      echeance: iso(devoir.echeance),
      dateLimite: isoOuNull(devoir.dateLimite),
      publicationCorrige: isoOuNull(devoir.publicationCorrige),
    },
    datesAffichees: {
      ouverture: formaterDateParis(devoir.ouverture),
      echeance: formaterDateParis(devoir.echeance),
      dateLimite: afficheOuNull(devoir.dateLimite),
      publicationCorrige: afficheOuNull(devoir.publicationCorrige),
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
 * Le statut d'un élève pour un devoir (vue élève ou parent), avec son libellé français, selon ses dates à
 * lui (son délai accordé, et celui sous lequel sa version a été acceptée).
 *
 * @example
 * statutEleve(devoir, { renduLe }, new Date()); // { statut: "rendu", libelle: "Rendu" }
 */
export function statutEleve(
  devoir: LigneDevoir,
  rendu: { renduLe: Date; delaiEcheance?: Date | null } | null,
  maintenant: Date,
  derogation: Derogation | null = null,
): { statut: StatutRendu; libelle: string } {
  const statut = statutRendu({
    devoir: datesDuDevoir(devoir),
    derogation,
    rendu: rendu && { renduLe: rendu.renduLe, echeanceAccordee: rendu.delaiEcheance ?? null },
    maintenant,
  });
  return { statut, libelle: libelleStatutRendu(statut) };
}
