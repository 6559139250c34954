import { and, eq, sql } from "drizzle-orm";
import { derogations, devoirs, engagements, membres, type TrousseDb } from "@trousse/db";
import { instantAJuger, peutAjouterVersion, peutRendre, QUOTAS_PAR_DEFAUT } from "@trousse/rules";
import { erreurTeleversement } from "./erreur-televersement.js";
import type { PolitiqueTeleversement, UtilisateurTeleversement } from "./serveur-tus.js";
import type { ContraintesTeleversement } from "./types.js";

/**
 * La politique d'envoi des devoirs : un élève du groupe envoie des fichiers pour SON rendu tant que les
 * règles acceptent un rendu (`peutRendre`, avec son délai accordé), dans les contraintes du devoir ; l'enseignant auteur envoie
 * sujets, corrigés et fichiers de retour (toutes familles, `tailleMaxEnseignant`, 20 fichiers à la fois).
 * L'élève envoie dans son quota d'octets (`quotas.octetsParEleve`) ; celui qui a déjà rendu
 * `quotas.versionsMax` versions du devoir est refusé dès l'envoi (`trop-de-versions`), sans envoyer pour rien.
 * Un élève qui s'est engagé (`engager`) est jugé à l'heure de son engagement tant que le délai de grâce court
 * (`instantAJuger`) : ses octets qui arrivent après l'échéance ne sont pas refusés d'avance ; « rendre »
 * comparera leurs empreintes à celles promises.
 *
 * @example
 * const politique = politiqueDevoirs(db, { tailleMaxEnseignant: 200 * 1024 * 1024 });
 */
export function politiqueDevoirs(
  db: TrousseDb,
  options: {
    tailleMaxEnseignant: number;
    maintenant?: () => Date;
    quotas?: { versionsMax: number; octetsParEleve: number };
    graceEngagementMs?: number;
  },
): PolitiqueTeleversement {
  const maintenant = options.maintenant ?? (() => new Date());
  const quotas = options.quotas ?? QUOTAS_PAR_DEFAUT;
  return {
    async autoriser(u: UtilisateurTeleversement, devoirId: string): Promise<ContraintesTeleversement> {
      const introuvable = erreurTeleversement(
        404,
        "devoir-introuvable",
        "Ce devoir n'existe pas ou ne vous est pas accessible.",
      );
      if (!/^[0-9a-f-]{36}$/i.test(devoirId)) throw introuvable;
      // Une requête : le devoir et, s'il s'agit d'un élève, sa présence dans le groupe du devoir, son délai et
      // le nombre de versions qu'il en a déjà rendues.
      const [ligne] = await db
        .select({
          devoir: devoirs,
          membre: membres.groupeId,
          versions: sql<number>`(select coalesce(max(r.version), 0) from rendus r where r.devoir_id = ${devoirs.id} and r.eleve_id = ${u.id}::uuid)`,
          // Flat columns: drizzle nulls a nested left-joined object whose first column is null.
          delaiEcheance: derogations.echeance,
          delaiDateLimite: derogations.dateLimite,
          engageLe: engagements.engageLe,
        })
        .from(devoirs)
        .leftJoin(membres, and(eq(membres.groupeId, devoirs.groupeId), eq(membres.utilisateurId, u.id)))
        .leftJoin(derogations, and(eq(derogations.devoirId, devoirs.id), eq(derogations.eleveId, u.id)))
        .leftJoin(engagements, and(eq(engagements.devoirId, devoirs.id), eq(engagements.eleveId, u.id)))
        .where(eq(devoirs.id, devoirId))
        .limit(1);
      const devoir = ligne?.devoir;
      if (!devoir) throw introuvable;
      if (u.role === "enseignant" && devoir.enseignantId === u.id) {
        return {
          familles: ["document", "image", "audio", "video"],
          tailleMaxOctets: options.tailleMaxEnseignant,
          nombreMax: 20,
          quotaOctets: null,
        };
      }
      if (u.role !== "eleve") throw introuvable;
      const membre = ligne.membre;
      if (!membre) throw introuvable;
      // Les dates de l'élève : celles du devoir prolongées par son délai accordé.
      const delai =
        ligne.delaiEcheance || ligne.delaiDateLimite
          ? { echeance: ligne.delaiEcheance, dateLimite: ligne.delaiDateLimite }
          : null;
      const accord = peutRendre({
        devoir: devoir,
        derogation: delai,
        maintenant: instantAJuger({
          engageLe: ligne.engageLe,
          maintenant: maintenant(),
          delaiGraceMs: options.graceEngagementMs,
        }),
      });
      if (!accord.ok) throw erreurTeleversement(409, accord.code, accord.message);
      const version = peutAjouterVersion({
        versions: Number(ligne.versions),
        versionsMax: quotas.versionsMax,
      });
      if (!version.ok) throw erreurTeleversement(422, version.code, version.message);
      return {
        familles: devoir.familles,
        tailleMaxOctets: devoir.tailleMaxOctets,
        nombreMax: devoir.nombreMaxFichiers,
        quotaOctets: quotas.octetsParEleve,
      };
    },
  };
}
