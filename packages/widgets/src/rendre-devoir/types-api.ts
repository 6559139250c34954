/**
 * The JSON the Trousse API answers to the hand-in routes, as the widget reads it. Written by hand from the
 * API's route files (`apps/api/src/routes/{devoirs,rendus,rappels}.ts`, `rendus/rendre.ts`,
 * `auth/profil.ts`): those routes are plain `Hono` sub-apps, so `hc<AppType>` cannot infer them.
 */
export type Role = "eleve" | "enseignant" | "parent" | "personnel";
export type FamilleFichier = "document" | "image" | "audio" | "video";

export interface Profil {
  id: string;
  role: Role;
  nomAffiche: string;
  classes: string[];
  groupes: string[];
  expireLe: string;
}

export interface Groupe {
  id: string;
  nature: string;
  nom: string;
}

export interface FichierVu {
  id: string;
  nom: string;
  taille: number;
  mime: string;
  sha256: string;
  url?: string;
}

/** One line of `GET /v1/devoirs` (statut and libelle for a pupil or a parent's child). */
export interface ResumeDevoir {
  id: string;
  titre: string;
  groupeId: string;
  echeance: string;
  dateLimite: string | null;
  statut?: string;
  libelle?: string;
  renduLe?: string | null;
}

export interface Devoir {
  id: string;
  titre: string;
  consignes: string;
  groupe: Groupe;
  dates: {
    ouverture: string;
    echeance: string;
    dateLimite: string | null;
    publicationCorrige: string | null;
  };
  datesAffichees: {
    ouverture: string;
    echeance: string;
    dateLimite: string | null;
    publicationCorrige: string | null;
  };
  contraintes: { familles: FamilleFichier[]; tailleMaxOctets: number; nombreMax: number };
  declarationHonneur: string | null;
  sujets: FichierVu[];
  corriges: FichierVu[] | null;
}

export interface Retour {
  commentaire: string;
  retourneLeAffiche: string;
  fichier: { nom: string; url: string } | null;
}

export interface MonRendu {
  statut: string;
  libelle: string;
  versions: {
    renduId: string;
    version: number;
    retenue: boolean;
    renduLeAffiche: string;
    enRetard: boolean;
    fichiers: FichierVu[];
  }[];
  retour: Retour | null;
}

export interface AccuseReception {
  renduId: string;
  devoirId: string;
  eleve: { id: string; nomAffiche: string };
  renduLe: string;
  renduLeAffiche: string;
  enRetard: boolean;
  ponctualiteLibelle: string;
  version: number;
  versionsPrecedentes: number;
  declarationCochee: boolean;
  fichiers: FichierVu[];
  statutLibelle: string;
  message: string;
}

export interface LigneSuivi {
  eleve: { id: string; nomAffiche: string };
  statut: string;
  libelle: string;
  vuLeAffiche: string | null;
  rendu: null | {
    id: string;
    version: number;
    renduLeAffiche: string;
    enRetard: boolean;
    fichiers: FichierVu[];
    retourne: boolean;
  };
}

export interface Suivi {
  devoir: { id: string; titre: string; groupe: Groupe };
  compte: Record<string, number>;
  eleves: LigneSuivi[];
}

export interface Rappel {
  id: string;
  devoirId: string;
  titreDevoir: string;
  message: string;
  envoyeLeAffiche: string;
  lu: boolean;
}

export interface EnfantStatuts {
  eleve: { id: string; nomAffiche: string };
  devoirs: ResumeDevoir[];
}

/** Body of `POST /v1/devoirs` (dates: Paris wall-clock time `AAAA-MM-JJTHH:MM`). */
export interface SaisieDevoir {
  groupeId?: string;
  titre: string;
  consignes: string;
  ouverture: string;
  echeance: string;
  dateLimite: string | null;
  publicationCorrige: string | null;
  contraintes: { familles: FamilleFichier[]; tailleMaxOctets: number; nombreMax: number };
  declarationHonneur: string | null;
}
