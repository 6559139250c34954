import { z } from "@hono/zod-openapi";
import {
  libelleStatutRendu,
  libelleStatutSuivi,
  STATUTS_RENDU,
  STATUTS_SUIVI,
  type StatutRendu,
  type StatutSuivi,
} from "@trousse/rules";

// Les corps des RÉPONSES des devoirs et rendus, pour le document OpenAPI (les corps des requêtes sont les
// schémas mêmes des routes). `rendus-doc.test.ts` valide de vraies réponses avec ces schémas : une réponse
// qui change sans sa description fait échouer le test.

const instant = z.string().openapi({ format: "date-time", example: "2026-03-31T21:59:00.000Z" });
const affiche = z.string().openapi({ example: "mardi 31 mars 2026 à 23 h 59" });
const uuid = z.guid();
const entier = z.number().int();

/** Statut d'un devoir vu par l'élève (`statutRendu` des règles). */
export const statutRenduSchema = z
  .enum(STATUTS_RENDU as [StatutRendu, ...StatutRendu[]])
  .openapi("StatutRendu", {
    description: `Statut vu par l'élève ou son parent (règles \`statutRendu\`), libellé renvoyé à côté : ${STATUTS_RENDU.map((s) => `\`${s}\` « ${libelleStatutRendu(s)} »`).join(", ")}`,
  });

/** Statut de suivi d'un élève vu par l'enseignant (`statutSuivi` des règles). */
export const statutSuiviSchema = z
  .enum(STATUTS_SUIVI as [StatutSuivi, ...StatutSuivi[]])
  .openapi("StatutSuivi", {
    description: `Statut d'un élève dans le suivi de l'enseignant (règles \`statutSuivi\`), libellé renvoyé à côté : ${STATUTS_SUIVI.map((s) => `\`${s}\` « ${libelleStatutSuivi(s)} »`).join(", ")}`,
  });

const eleveSchema = z.strictObject({ id: uuid, nomAffiche: z.string() }).openapi("EleveAffiche");

const statutLibelle = { statut: statutRenduSchema, libelle: z.string().openapi({ example: "À rendre" }) };

const fichierSchema = z
  .strictObject({
    id: uuid,
    nom: z.string().openapi({ example: "ma rédaction.pdf" }),
    taille: entier,
    sha256: z.string().openapi({ pattern: "^[0-9a-f]{64}$" }),
    mime: z.string().openapi({ example: "application/pdf" }),
  })
  .openapi("FichierRendu");

const fichierAvecUrl = fichierSchema.extend({ url: z.string() });

/** L'accusé de réception (`POST /v1/devoirs/{id}/rendre`). */
export const accuseReceptionSchema = z
  .strictObject({
    accuseReception: z.strictObject({
      renduId: uuid,
      devoirId: uuid,
      eleve: eleveSchema,
      renduLe: instant.openapi({ description: "Heure du serveur au moment du rendu (UTC)" }),
      renduLeAffiche: affiche,
      enRetard: z.boolean(),
      ponctualite: z.enum(["a-l-heure", "en-retard"]),
      ponctualiteLibelle: z.enum(["Rendu à l'heure", "Rendu en retard"]),
      version: entier.openapi({ description: "Numéro de cette version" }),
      versionRetenue: entier.openapi({ description: "La version qui compte (la plus récente)" }),
      versionsPrecedentes: entier,
      declarationCochee: z.boolean(),
      fichiers: z.array(fichierSchema),
      statut: statutRenduSchema,
      statutLibelle: z.string().openapi({ example: "Rendu" }),
      message: z.string(),
    }),
  })
  .openapi("AccuseReception");

const fichierDevoirSchema = fichierAvecUrl.openapi("FichierDevoir");

const datesSchema = z.strictObject({
  ouverture: instant,
  echeance: instant,
  dateLimite: instant.nullable(),
  publicationCorrige: instant.nullable(),
});

/** Un devoir tel que l'API le montre (`vueDevoir`). */
export const devoirSchema = z
  .strictObject({
    id: uuid,
    titre: z.string(),
    consignes: z.string(),
    groupe: z.strictObject({ id: uuid, nom: z.string(), nature: z.string() }),
    enseignantId: uuid,
    dates: datesSchema,
    datesAffichees: z.strictObject({
      ouverture: affiche,
      echeance: affiche,
      dateLimite: affiche.nullable(),
      publicationCorrige: affiche.nullable(),
    }),
    tempsRestant: z.strictObject({
      totalMs: z.number(),
      jours: entier,
      heures: entier,
      minutes: entier,
      secondes: entier,
      moinsDe24h: z.boolean(),
      depasse: z.boolean(),
    }),
    contraintes: z.strictObject({
      familles: z.array(z.enum(["document", "image", "audio", "video"])),
      tailleMaxOctets: entier,
      nombreMax: entier,
    }),
    declarationHonneur: z.string().nullable(),
    sujets: z.array(fichierDevoirSchema),
    corriges: z
      .array(fichierDevoirSchema)
      .nullable()
      .openapi({ description: "null : le corrigé n'est pas (encore) visible pour cet utilisateur" }),
    creeLe: instant,
    majLe: instant,
  })
  .openapi("Devoir");

/** Réponse de création, de modification, et de lecture par l'enseignant. */
export const devoirReponseSchema = z.strictObject({ devoir: devoirSchema });

const resumeSchema = z.strictObject({
  id: uuid,
  titre: z.string(),
  groupeId: uuid,
  echeance: instant,
  dateLimite: instant.nullable(),
});
const resumeEleveSchema = resumeSchema.extend({ ...statutLibelle, renduLe: instant.nullable() });

/** `GET /v1/devoirs` : selon le rôle. */
export const listeDevoirsSchema = z
  .union([
    z.strictObject({ devoirs: z.array(resumeEleveSchema) }).openapi({ title: "Élève" }),
    z
      .strictObject({ devoirs: z.array(resumeSchema) })
      .openapi({ title: "Enseignant (ou personnel : liste vide)" }),
    z
      .strictObject({
        enfants: z.array(z.strictObject({ eleve: eleveSchema, devoirs: z.array(resumeEleveSchema) })),
        lectureSeule: z.literal(true),
      })
      .openapi({ title: "Parent" }),
  ])
  .openapi("ListeDevoirs");

/** `GET /v1/devoirs/{id}` : selon la relation au devoir. */
export const lectureDevoirSchema = z
  .union([
    z.strictObject({ devoir: devoirSchema, ...statutLibelle }).openapi({ title: "Élève" }),
    z
      .strictObject({
        devoir: devoirSchema,
        enfants: z.array(
          z.strictObject({ eleve: eleveSchema, ...statutLibelle, renduLe: instant.nullable() }),
        ),
        lectureSeule: z.literal(true),
      })
      .openapi({ title: "Parent" }),
    devoirReponseSchema.openapi({ title: "Enseignant auteur" }),
  ])
  .openapi("LectureDevoir");

/** `POST /v1/devoirs/{id}/fichiers`. */
export const fichiersJointsSchema = z.strictObject({
  fichiers: z.array(fichierAvecUrl.extend({ nature: z.enum(["sujet", "corrige"]) })),
});

/** Un retour (commentaire et fichier facultatif). */
export const retourVueSchema = z
  .strictObject({
    id: uuid,
    commentaire: z.string(),
    retourneLe: instant,
    retourneLeAffiche: affiche,
    fichier: z
      .strictObject({
        nom: z.string(),
        taille: entier.nullable(),
        mime: z.string().nullable(),
        sha256: z.string().nullable(),
        url: z.string(),
      })
      .nullable(),
  })
  .openapi("Retour");

/** `GET /v1/devoirs/{id}/mon-rendu`. */
export const monRenduSchema = z
  .strictObject({
    ...statutLibelle,
    versionRetenue: entier.nullable(),
    versions: z.array(
      z.strictObject({
        renduId: uuid,
        version: entier,
        retenue: z.boolean(),
        renduLe: instant,
        renduLeAffiche: affiche,
        enRetard: z.boolean(),
        declarationCochee: z.boolean(),
        fichiers: z.array(fichierAvecUrl),
      }),
    ),
    retour: retourVueSchema.nullable(),
  })
  .openapi("MonRendu");

const ligneSuiviSchema = z
  .strictObject({
    eleve: eleveSchema,
    statut: statutSuiviSchema,
    libelle: z.string().openapi({ example: "Rendu en retard" }),
    vuLe: instant.nullable(),
    vuLeAffiche: affiche.nullable(),
    rendu: z
      .strictObject({
        id: uuid,
        version: entier,
        renduLe: instant,
        renduLeAffiche: affiche,
        enRetard: z.boolean(),
        declarationCochee: z.boolean(),
        fichiers: z.array(fichierAvecUrl),
        retourne: z.boolean(),
      })
      .nullable(),
  })
  .openapi("LigneSuivi");

/** `GET /v1/devoirs/{id}/suivi`. */
export const suiviSchema = z
  .strictObject({
    devoir: z.strictObject({
      id: uuid,
      titre: z.string(),
      groupe: z.strictObject({ id: uuid, nom: z.string(), nature: z.string() }),
    }),
    compte: z
      .partialRecord(statutSuiviSchema, entier)
      .openapi({ description: "Nombre d'élèves par statut (seuls les statuts présents)" }),
    eleves: z.array(ligneSuiviSchema),
  })
  .openapi("Suivi");

/** `POST /v1/devoirs/{id}/rappels`. */
export const rappelEnvoyeSchema = z.strictObject({
  envoyes: entier,
  eleves: z.array(eleveSchema),
  message: z.string(),
});

/** `GET /v1/rappels`. */
export const mesRappelsSchema = z
  .strictObject({
    rappels: z.array(
      z.strictObject({
        id: uuid,
        devoirId: uuid,
        titreDevoir: z.string(),
        message: z.string(),
        envoyeLe: instant,
        envoyeLeAffiche: affiche,
        lu: z.boolean(),
      }),
    ),
    nonLus: entier,
  })
  .openapi("MesRappels");

/** `GET /v1/groupes`. */
export const groupesSchema = z.strictObject({
  groupes: z.array(z.strictObject({ id: uuid, nature: z.string(), nom: z.string() })),
});
