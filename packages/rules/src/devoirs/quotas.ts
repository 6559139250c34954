import { formaterTaille } from "../fichiers/taille.js";

/**
 * Les quotas de stockage par défaut (réglables par l'exploitant) : 10 versions par élève et par devoir,
 * 2 Go (2 147 483 648 octets, le plafond d'un fichier) par élève pour tous ses rendus — toutes les versions
 * de tous ses devoirs jusqu'à leur purge — et ses envois en cours.
 */
export const QUOTAS_PAR_DEFAUT: { versionsMax: number; octetsParEleve: number } = {
  versionsMax: 10,
  octetsParEleve: 2 * 1024 * 1024 * 1024,
};

/** Pourquoi un quota refuse. */
export type CodeRefusQuota = "trop-de-versions" | "quota-depasse";

/** Un refus de quota : code stable, messages (fr, en) qui disent la limite et quoi faire. */
export interface RefusQuota {
  ok: false;
  code: CodeRefusQuota;
  message: string;
  messageEn: string;
}

/**
 * Un élève peut-il déposer une version de plus ? Oui tant qu'il en a rendu **moins** de `versionsMax` pour
 * ce devoir (borne incluse : la `versionsMax`-ième passe, la suivante est refusée, `trop-de-versions`).
 *
 * @example
 * peutAjouterVersion({ versions: 9, versionsMax: 10 });  // { ok: true }
 * peutAjouterVersion({ versions: 10, versionsMax: 10 }); // { ok: false, code: "trop-de-versions", … }
 */
export function peutAjouterVersion(entree: {
  versions: number;
  versionsMax: number;
}): { ok: true } | RefusQuota {
  const { versions, versionsMax } = entree;
  if (versions < versionsMax) return { ok: true };
  return {
    ok: false,
    code: "trop-de-versions",
    message: `Vous avez déjà rendu ${versions} versions de ce devoir : c'est le maximum. Votre dernière version est conservée et c'est elle qui compte.`,
    messageEn: `You have already handed in ${versions} versions of this assignment: that is the maximum. Your latest version is kept and is the one that counts.`,
  };
}

/**
 * Un envoi de `taille` octets tient-il dans l'espace de l'élève ? `utilises` : ce qu'il occupe déjà (envois
 * en cours et fichiers de toutes ses versions rendues). Borne incluse : remplir exactement le quota passe.
 *
 * @example
 * peutStocker({ utilises: 0, taille: 1024, quotaOctets: 2048 });    // { ok: true }
 * peutStocker({ utilises: 2000, taille: 100, quotaOctets: 2048 });  // { ok: false, code: "quota-depasse", … }
 */
export function peutStocker(entree: {
  utilises: number;
  taille: number;
  quotaOctets: number;
}): { ok: true } | RefusQuota {
  const { utilises, taille, quotaOctets } = entree;
  if (utilises + taille <= quotaOctets) return { ok: true };
  const reste = Math.max(0, quotaOctets - utilises);
  return {
    ok: false,
    code: "quota-depasse",
    message:
      `Cet envoi de ${formaterTaille(taille)} dépasse votre espace de stockage : ${formaterTaille(utilises)} déjà utilisés ` +
      `sur ${formaterTaille(quotaOctets)} (vos rendus et vos envois en cours), il reste ${formaterTaille(reste)}. ` +
      "Retirez un fichier en cours d'envoi, ou envoyez une version plus légère (photo moins grande, document exporté en PDF).",
    messageEn:
      `This ${formaterTaille(taille, "en")} upload exceeds your storage space: ${formaterTaille(utilises, "en")} already used ` +
      `of ${formaterTaille(quotaOctets, "en")} (your hand-ins and uploads in progress), ${formaterTaille(reste, "en")} left. ` +
      "Remove a file being uploaded, or send a lighter version (smaller photo, document exported as PDF).",
  };
}
