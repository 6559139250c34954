import { z } from "zod";
import { formaterDateParis } from "../dates/formater-date.js";
import { FUSEAU_PARIS, heureMurale } from "../dates/fuseau.js";
import { type InstantEntree, versDate } from "../dates/instant.js";
import { INSECABLE, type Langue } from "../dates/langue.js";
import { PLAFOND_NOMBRE_FICHIERS, PLAFOND_TAILLE_OCTETS } from "../fichiers/contraintes.js";
import { type DatesDevoir } from "./dates-devoir.js";
import { type Derogation } from "./derogation.js";
import { type CodeRefusRendu, peutRendre } from "./peut-rendre.js";

/** Délai de grâce par défaut d'un engagement : 24 h entre l'engagement et l'arrivée des octets. */
export const DELAI_GRACE_ENGAGEMENT_MS = 24 * 3_600_000;

/** Un fichier tel que l'engagement le promet, ou tel qu'il a été reçu : empreinte sha256 (hex) et taille. */
export interface EmpreinteFichier {
  sha256: string;
  taille: number;
}

/**
 * Schéma zod du corps d'un engagement (`POST /v1/devoirs/{id}/engager`) : les fichiers que l'élève s'engage
 * à envoyer, chacun par son empreinte sha256 (64 chiffres hexadécimaux, minuscules), sa taille et son nom
 * (affiché seulement : l'accord se fait sur l'empreinte et la taille). Messages d'erreur en français.
 */
export const engagementSchema = z
  .object({
    fichiers: z
      .array(
        z
          .object({
            sha256: z.string({ error: "sha256 doit être une chaîne." }).regex(/^[0-9a-f]{64}$/, {
              error: "sha256 doit être l'empreinte SHA-256 du fichier : 64 chiffres hexadécimaux minuscules.",
            }),
            taille: z
              .number({ error: "taille doit être un nombre." })
              .int({ error: "taille doit être un nombre entier d'octets." })
              .min(1, { error: "Un fichier vide ne peut pas être rendu." })
              .max(PLAFOND_TAILLE_OCTETS, {
                error: `taille ne peut pas dépasser ${PLAFOND_TAILLE_OCTETS} octets.`,
              }),
            nom: z
              .string({ error: "nom doit être une chaîne." })
              .min(1, { error: "nom ne peut pas être vide." })
              .max(255, { error: "nom ne peut pas dépasser 255 caractères." }),
          })
          .strict(),
        { error: "fichiers doit être une liste." },
      )
      .min(1, { error: "Indiquez au moins un fichier." })
      .max(PLAFOND_NOMBRE_FICHIERS, {
        error: `Un rendu compte au plus ${PLAFOND_NOMBRE_FICHIERS} fichiers.`,
      }),
  })
  .strict();

/** Le corps d'un engagement, validé. */
export type Engagement = z.output<typeof engagementSchema>;

/** Pourquoi un rendu ne peut pas prendre l'heure de son engagement, ou n'est pas accepté du tout. */
export type CodeRefusEngagement = "empreinte-differente" | "engagement-expire" | CodeRefusRendu;

/** Un refus : code stable, messages (fr, en). */
export interface RefusEngagement {
  ok: false;
  code: CodeRefusEngagement;
  message: string;
  messageEn: string;
}

/** Résultat de {@link ponctualiteEngagement}. */
export type ResultatPonctualite =
  | {
      ok: true;
      /** L'instant qui compte pour le rendu : celui de l'engagement s'il tient, sinon celui de la réception. */
      renduLe: Date;
      enRetard: boolean;
      /** Le rendu a-t-il pris l'heure de l'engagement ? */
      engage: boolean;
    }
  | RefusEngagement;

const cle = (f: EmpreinteFichier): string => `${f.sha256.toLowerCase()}:${f.taille}`;

/**
 * Les fichiers reçus sont-ils exactement ceux de l'engagement (mêmes empreintes et tailles, autant de chaque,
 * dans n'importe quel ordre ; les noms ne comptent pas, ils peuvent être renommés pour être distincts) ?
 *
 * @example
 * memesEmpreintes([{ sha256: "ab…", taille: 3 }], [{ sha256: "ab…", taille: 3 }]); // true
 */
export function memesEmpreintes(
  promis: readonly EmpreinteFichier[],
  recus: readonly EmpreinteFichier[],
): boolean {
  if (promis.length !== recus.length) return false;
  const a = promis.map(cle).sort();
  const b = recus.map(cle).sort();
  return a.every((x, i) => x === b[i]);
}

/**
 * Formate l'heure de Paris à la seconde, pour dire quand un engagement et une réception ont eu lieu :
 * `22 h 59 min 50 s` (espaces insécables) ; en anglais `22:59:50`.
 *
 * @example
 * heureALaSeconde("2026-03-31T20:59:50Z"); // "22 h 59 min 50 s"
 * heureALaSeconde("2026-03-31T20:59:50Z", "en"); // "22:59:50"
 */
export function heureALaSeconde(instant: InstantEntree, langue: Langue = "fr"): string {
  const h = heureMurale(versDate(instant).getTime(), FUSEAU_PARIS);
  const deux = (n: number): string => String(n).padStart(2, "0");
  if (langue === "en") return `${deux(h.heure)}:${deux(h.minute)}:${deux(h.seconde)}`;
  const s = INSECABLE;
  return `${h.heure}${s}h${s}${deux(h.minute)}${s}min${s}${deux(h.seconde)}${s}s`;
}

/**
 * Quand un rendu arrive (`recuLe`), quel instant compte et est-il à l'heure ? Sans engagement, c'est
 * l'instant de réception, jugé par `peutRendre` (dates de l'élève, délai accordé compris). Avec un
 * engagement, c'est **l'instant de l'engagement** pourvu que :
 * - les fichiers reçus aient exactement les empreintes et tailles promises ({@link memesEmpreintes}),
 *   sinon `empreinte-differente` ;
 * - les octets arrivent dans le délai de grâce : `recuLe ≤ engageLe + delaiGraceMs` (borne **incluse** ;
 *   par défaut {@link DELAI_GRACE_ENGAGEMENT_MS}, 24 h), sinon `engagement-expire`.
 * L'instant retenu est alors jugé par `peutRendre` comme un rendu reçu à cet instant : à l'heure jusqu'à
 * l'échéance de l'élève **incluse**, en retard jusqu'à sa date limite incluse, refusé après
 * (`echeance-depassee`, `date-limite-depassee`) ; avant l'ouverture, `pas-encore-ouvert`.
 * Un engagement ne fait donc jamais perdre de temps : il ne sert que s'il est tenu. Ne lève que si les
 * dates du devoir sont invalides (`ErreurRegle`).
 *
 * @example
 * const devoir = { ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:00:00+02:00" };
 * const fichiers = [{ sha256: "9f86d0…", taille: 3_000_000 }];
 * const engagement = { engageLe: "2026-03-31T22:59:50+02:00", fichiers };
 * ponctualiteEngagement({ devoir, engagement, recus: fichiers, recuLe: "2026-03-31T23:04:12+02:00" });
 * // { ok: true, renduLe: 22 h 59 min 50 s, enRetard: false, engage: true } — rendu à l'heure
 * ponctualiteEngagement({ devoir, engagement: null, recus: fichiers, recuLe: "2026-03-31T23:04:12+02:00" });
 * // { ok: false, code: "echeance-depassee", … } — sans engagement, l'heure de réception compte
 * ponctualiteEngagement({ devoir, engagement, recus: [{ sha256: "60303a…", taille: 12 }], recuLe: "2026-03-31T23:04:12+02:00" });
 * // { ok: false, code: "empreinte-differente", … }
 */
export function ponctualiteEngagement(entree: {
  devoir: DatesDevoir;
  /** Le délai accordé à cet élève, s'il en a un. */
  derogation?: Derogation | null;
  /** L'engagement ouvert de l'élève pour ce devoir, s'il en a un. */
  engagement?: { engageLe: InstantEntree; fichiers: readonly EmpreinteFichier[] } | null;
  /** Les fichiers reçus (empreintes calculées par le serveur sur les octets). */
  recus: readonly EmpreinteFichier[];
  recuLe: InstantEntree;
  delaiGraceMs?: number;
}): ResultatPonctualite {
  const recuLe = versDate(entree.recuLe);
  const { engagement } = entree;
  if (!engagement) {
    const r = peutRendre({ devoir: entree.devoir, derogation: entree.derogation, maintenant: recuLe });
    return r.ok ? { ok: true, renduLe: recuLe, enRetard: r.enRetard, engage: false } : r;
  }
  const engageLe = versDate(engagement.engageLe);
  const fr = heureALaSeconde(engageLe);
  const en = heureALaSeconde(engageLe, "en");
  const jourFr = formaterDateParis(engageLe);
  const jourEn = formaterDateParis(engageLe, "en");
  if (!memesEmpreintes(engagement.fichiers, entree.recus)) {
    return {
      ok: false,
      code: "empreinte-differente",
      message:
        `Les fichiers reçus ne sont pas ceux que tu t'es engagé à rendre le ${jourFr} (${fr}) : ` +
        "leur empreinte diffère. Rends de nouveau : ton rendu sera daté de maintenant.",
      messageEn:
        `The files received are not the ones you committed to on ${jourEn} (${en}): ` +
        "their fingerprint differs. Hand in again: your hand-in will be dated now.",
    };
  }
  const grace = entree.delaiGraceMs ?? DELAI_GRACE_ENGAGEMENT_MS;
  if (recuLe.getTime() > engageLe.getTime() + grace) {
    const heures = Math.round((grace / 3_600_000) * 10) / 10;
    return {
      ok: false,
      code: "engagement-expire",
      message:
        `Ton engagement du ${jourFr} a expiré : les fichiers devaient arriver dans les ${heures} h qui suivent. ` +
        "Rends de nouveau : ton rendu sera daté de maintenant.",
      messageEn:
        `Your commitment of ${jourEn} has expired: the files had to arrive within ${heures} h. ` +
        "Hand in again: your hand-in will be dated now.",
    };
  }
  const r = peutRendre({ devoir: entree.devoir, derogation: entree.derogation, maintenant: engageLe });
  return r.ok ? { ok: true, renduLe: engageLe, enRetard: r.enRetard, engage: true } : r;
}

/**
 * L'instant auquel juger un envoi de fichiers qui commence (création d'un envoi tus) : celui de l'engagement
 * ouvert de l'élève s'il en a un et que le délai de grâce court encore (`maintenant ≤ engageLe + grâce`,
 * borne incluse), sinon `maintenant`. Les empreintes ne sont pas encore connues : c'est « rendre » qui les
 * compare ({@link ponctualiteEngagement}) ; ici il s'agit seulement de ne pas refuser, après l'échéance,
 * les octets d'un élève qui s'est engagé avant.
 *
 * @example
 * instantAJuger({ engageLe: "2026-03-31T21:58:50Z", maintenant: "2026-03-31T22:04:12Z" }); // 2026-03-31T21:58:50Z
 * instantAJuger({ engageLe: null, maintenant: "2026-03-31T22:04:12Z" }); // 2026-03-31T22:04:12Z
 */
export function instantAJuger(entree: {
  engageLe?: InstantEntree | null;
  maintenant: InstantEntree;
  delaiGraceMs?: number;
}): Date {
  const maintenant = versDate(entree.maintenant);
  if (entree.engageLe === null || entree.engageLe === undefined || entree.engageLe === "") return maintenant;
  const engageLe = versDate(entree.engageLe);
  const grace = entree.delaiGraceMs ?? DELAI_GRACE_ENGAGEMENT_MS;
  return maintenant.getTime() <= engageLe.getTime() + grace && engageLe.getTime() <= maintenant.getTime()
    ? engageLe
    : maintenant;
}

/**
 * Le libellé qui montre les deux heures d'un rendu engagé : « engagé à 22 h 59 min 50 s, reçu à
 * 23 h 04 min 12 s — rendu à l'heure » (ou « — rendu en retard »). Sans heure de réception distincte
 * (rendu sans engagement), `null`.
 *
 * @example
 * libelleHorodatage({ renduLe: "2026-03-31T20:59:50Z", recuLe: "2026-03-31T21:04:12Z", enRetard: false });
 * // "engagé à 22 h 59 min 50 s, reçu à 23 h 04 min 12 s — rendu à l'heure"
 */
export function libelleHorodatage(
  v: { renduLe: InstantEntree; recuLe?: InstantEntree | null; enRetard: boolean },
  langue: Langue = "fr",
): string | null {
  if (v.recuLe === null || v.recuLe === undefined || v.recuLe === "") return null;
  const e = heureALaSeconde(v.renduLe, langue);
  const r = heureALaSeconde(v.recuLe, langue);
  if (langue === "en")
    return `committed at ${e}, received at ${r} — handed in ${v.enRetard ? "late" : "on time"}`;
  return `engagé à ${e}, reçu à ${r} — rendu ${v.enRetard ? "en retard" : "à l'heure"}`;
}
