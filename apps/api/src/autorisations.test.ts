import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "./rendus/test-support/echantillons.js";
import {
  creerDevoir,
  creerMonde,
  metadonneesTus,
  televerser,
  type Monde,
  type Profil,
} from "./rendus/test-support/monde.js";

type Qui = "anonyme" | Profil;
/** Ordre des profils pour chaque point d'accès : l'élève auteur passe en dernier (ses requêtes modifient l'état). */
const QUI: Qui[] = ["anonyme", "eleveAutreClasse", "parent", "autreEnseignant", "enseignant", "eleve"];
type Attendu = number | [number, string];

interface Cas {
  nom: string;
  methode: string;
  chemin: () => string;
  corps?: () => unknown;
  entetes?: () => Record<string, string>;
  attendu: Record<Exclude<Qui, "eleve2">, Attendu>;
}

let monde: Monde;
const ids = { devoir: "", sujet: "", rendu: "", fichierRendu: "", envoi: "" };
const TUS = { "Tus-Resumable": "1.0.0" };

beforeAll(async () => {
  monde = await creerMonde();
  monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
  ids.devoir = await creerDevoir(monde, {
    contraintes: { familles: ["document"], tailleMaxOctets: 100_000, nombreMax: 5 },
  });
  const sujet = await televerser(monde, "enseignant", ids.devoir, "sujet.pdf", pdf(1500));
  if (!sujet.ok) throw new Error("sujet");
  const ajout = await monde.requete(`/v1/devoirs/${ids.devoir}/fichiers`, {
    method: "POST",
    profil: "enseignant",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nature: "sujet", televersements: [sujet.id] }),
  });
  ids.sujet = ((await ajout.json()) as { fichiers: { id: string }[] }).fichiers[0]!.id;
  const envoi = await televerser(monde, "eleve", ids.devoir, "copie.pdf", pdf(1500));
  if (!envoi.ok) throw new Error("envoi");
  const r = await monde.requete(`/v1/devoirs/${ids.devoir}/rendre`, {
    method: "POST",
    profil: "eleve",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ televersements: [envoi.id] }),
  });
  const a = ((await r.json()) as { accuseReception: { renduId: string; fichiers: { id: string }[] } })
    .accuseReception;
  ids.rendu = a.renduId;
  ids.fichierRendu = a.fichiers[0]!.id;
  await monde.requete(`/v1/rendus/${ids.rendu}/retour`, {
    method: "POST",
    profil: "enseignant",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ commentaire: "Bien." }),
  });
  const creation = await monde.requete("/v1/televersements", {
    method: "POST",
    profil: "eleve",
    headers: {
      ...TUS,
      "Upload-Length": "1500",
      "Upload-Metadata": metadonneesTus({ filename: "encours.pdf", devoir: ids.devoir }),
    },
  });
  ids.envoi = creation.headers.get("location")!.split("/").pop()!;
});
afterAll(async () => monde.fermer());

const D = () => `/v1/devoirs/${ids.devoir}`;
const NON = 401;
const json = () => ({ "content-type": "application/json" });

const CAS: Cas[] = [
  {
    nom: "lister les devoirs",
    methode: "GET",
    chemin: () => "/v1/devoirs",
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 200,
      parent: 200,
      autreEnseignant: 200,
      enseignant: 200,
      eleve: 200,
    },
  },
  {
    nom: "créer un devoir pour la 3A",
    methode: "POST",
    chemin: () => "/v1/devoirs",
    entetes: json,
    corps: () => ({
      groupeId: monde.groupe3A,
      titre: "Matrice",
      ouverture: "2026-03-23T08:00",
      echeance: "2026-03-31T23:59",
    }),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: [403, "reserve-aux-enseignants"],
      parent: [403, "reserve-aux-enseignants"],
      autreEnseignant: 201,
      enseignant: 201,
      eleve: [403, "reserve-aux-enseignants"],
    },
  },
  {
    nom: "voir le devoir",
    methode: "GET",
    chemin: D,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: [404, "devoir-introuvable"],
      parent: 200,
      autreEnseignant: [404, "devoir-introuvable"],
      enseignant: 200,
      eleve: 200,
    },
  },
  {
    nom: "modifier le devoir",
    methode: "PATCH",
    chemin: D,
    entetes: json,
    corps: () => ({ titre: "Rédaction (modifiée)" }),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: [403, "reserve-a-l-enseignant"],
      autreEnseignant: 404,
      enseignant: 200,
      eleve: [403, "reserve-a-l-enseignant"],
    },
  },
  {
    nom: "supprimer le devoir (avec rendus)",
    methode: "DELETE",
    chemin: D,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 403,
      autreEnseignant: 404,
      enseignant: [409, "devoir-avec-rendus"],
      eleve: 403,
    },
  },
  {
    nom: "joindre un sujet",
    methode: "POST",
    chemin: () => `${D()}/fichiers`,
    entetes: json,
    corps: () => ({ nature: "sujet", televersements: ["00000000000000000000000000000000"] }),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 403,
      autreEnseignant: 404,
      enseignant: [404, "televersement-introuvable"],
      eleve: 403,
    },
  },
  {
    nom: "télécharger le sujet",
    methode: "GET",
    chemin: () => `${D()}/fichiers/${ids.sujet}`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 200,
      autreEnseignant: 404,
      enseignant: 200,
      eleve: 200,
    },
  },
  {
    nom: "retirer un fichier (inexistant)",
    methode: "DELETE",
    chemin: () => `${D()}/fichiers/00000000-0000-0000-0000-000000000000`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 403,
      autreEnseignant: 404,
      enseignant: [404, "fichier-introuvable"],
      eleve: 403,
    },
  },
  {
    nom: "rendre",
    methode: "POST",
    chemin: () => `${D()}/rendre`,
    entetes: json,
    corps: () => ({ televersements: [] }),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: [403, "reserve-aux-eleves"],
      autreEnseignant: 404,
      enseignant: [403, "reserve-aux-eleves"],
      eleve: [400, "aucun-fichier"],
    },
  },
  {
    nom: "voir mon rendu",
    methode: "GET",
    chemin: () => `${D()}/mon-rendu`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 403,
      autreEnseignant: 404,
      enseignant: 403,
      eleve: 200,
    },
  },
  {
    nom: "suivi",
    methode: "GET",
    chemin: () => `${D()}/suivi`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 403,
      autreEnseignant: 404,
      enseignant: 200,
      eleve: 403,
    },
  },
  {
    nom: "archive ZIP",
    methode: "GET",
    chemin: () => `${D()}/rendus.zip`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 403,
      autreEnseignant: 404,
      enseignant: 200,
      eleve: 403,
    },
  },
  {
    nom: "envoyer un rappel",
    methode: "POST",
    chemin: () => `${D()}/rappels`,
    entetes: json,
    corps: () => ({}),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 403,
      autreEnseignant: 404,
      enseignant: 201,
      eleve: 403,
    },
  },
  {
    nom: "accorder un délai à l'élève",
    methode: "PUT",
    chemin: () => `${D()}/derogations/${monde.utilisateurs.eleve.id}`,
    entetes: json,
    corps: () => ({ echeance: "2026-04-07T23:59", motif: "PAP" }),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: [404, "devoir-introuvable"],
      parent: [403, "reserve-a-l-enseignant"],
      autreEnseignant: [404, "devoir-introuvable"],
      enseignant: 201,
      eleve: [403, "reserve-a-l-enseignant"],
    },
  },
  {
    nom: "lister les délais accordés",
    methode: "GET",
    chemin: () => `${D()}/derogations`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: [403, "reserve-a-l-enseignant"],
      autreEnseignant: 404,
      enseignant: 200,
      eleve: [403, "reserve-a-l-enseignant"],
    },
  },
  {
    nom: "retirer le délai de l'élève",
    methode: "DELETE",
    chemin: () => `${D()}/derogations/${monde.utilisateurs.eleve.id}`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: [403, "reserve-a-l-enseignant"],
      autreEnseignant: 404,
      enseignant: 204,
      eleve: [403, "reserve-a-l-enseignant"],
    },
  },
  {
    nom: "lire mes rappels",
    methode: "GET",
    chemin: () => "/v1/rappels",
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 200,
      parent: 403,
      autreEnseignant: 403,
      enseignant: 403,
      eleve: 200,
    },
  },
  {
    nom: "marquer un rappel lu (inexistant)",
    methode: "POST",
    chemin: () => "/v1/rappels/00000000-0000-0000-0000-000000000000/lu",
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 404,
      autreEnseignant: 404,
      enseignant: 404,
      eleve: 404,
    },
  },
  {
    nom: "télécharger un fichier rendu",
    methode: "GET",
    chemin: () => `/v1/rendus/${ids.rendu}/fichiers/${ids.fichierRendu}`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 404,
      autreEnseignant: 404,
      enseignant: 200,
      eleve: 200,
    },
  },
  {
    nom: "rendre un retour",
    methode: "POST",
    chemin: () => `/v1/rendus/${ids.rendu}/retour`,
    entetes: json,
    corps: () => ({ commentaire: "Très bien." }),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 404,
      autreEnseignant: 404,
      enseignant: 201,
      eleve: [403, "reserve-a-l-enseignant"],
    },
  },
  {
    nom: "lire le retour",
    methode: "GET",
    chemin: () => `/v1/rendus/${ids.rendu}/retour`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 404,
      autreEnseignant: 404,
      enseignant: 200,
      eleve: 200,
    },
  },
  {
    nom: "fichier du retour (sans fichier)",
    methode: "GET",
    chemin: () => `/v1/rendus/${ids.rendu}/retour/fichier`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: [404, "rendu-introuvable"],
      parent: [404, "rendu-introuvable"],
      autreEnseignant: [404, "rendu-introuvable"],
      enseignant: [404, "fichier-introuvable"],
      eleve: [404, "fichier-introuvable"],
    },
  },
  {
    nom: "créer un envoi tus",
    methode: "POST",
    chemin: () => "/v1/televersements",
    entetes: () => ({
      ...TUS,
      "Upload-Length": "1500",
      "Upload-Metadata": metadonneesTus({ filename: "m.pdf", devoir: ids.devoir }),
    }),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: [404, "devoir-introuvable"],
      parent: [404, "devoir-introuvable"],
      autreEnseignant: [404, "devoir-introuvable"],
      enseignant: 201,
      eleve: 201,
    },
  },
  {
    nom: "où reprendre (HEAD)",
    methode: "HEAD",
    chemin: () => `/v1/televersements/${ids.envoi}`,
    entetes: () => TUS,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 404,
      autreEnseignant: 404,
      enseignant: 404,
      eleve: 200,
    },
  },
  {
    nom: "envoyer la suite (PATCH)",
    methode: "PATCH",
    chemin: () => `/v1/televersements/${ids.envoi}`,
    entetes: () => ({ ...TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }),
    corps: () => pdf(1500),
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 404,
      autreEnseignant: 404,
      enseignant: 404,
      eleve: 204,
    },
  },
  {
    nom: "annuler l'envoi (DELETE)",
    methode: "DELETE",
    chemin: () => `/v1/televersements/${ids.envoi}`,
    entetes: () => TUS,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 404,
      parent: 404,
      autreEnseignant: 404,
      enseignant: 404,
      eleve: 204,
    },
  },
  {
    nom: "télécharger un envoi tus (GET)",
    methode: "GET",
    chemin: () => `/v1/televersements/${ids.envoi}`,
    attendu: {
      anonyme: NON,
      eleveAutreClasse: 405,
      parent: 405,
      autreEnseignant: 405,
      enseignant: 405,
      eleve: 405,
    },
  },
];

describe(`matrice d'autorisation : 6 profils × ${CAS.length} points d'accès (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  for (const cas of CAS) {
    it(`${cas.methode} ${cas.nom}`, async () => {
      const obtenu: Record<string, Attendu> = {};
      const attendu: Record<string, Attendu> = {};
      for (const qui of QUI) {
        const corps = cas.corps?.();
        const r = await monde.requete(cas.chemin(), {
          method: cas.methode,
          profil: qui === "anonyme" ? null : qui,
          headers: cas.entetes?.() ?? {},
          body: corps === undefined ? undefined : Buffer.isBuffer(corps) ? corps : JSON.stringify(corps),
        });
        const a = cas.attendu[qui as keyof Cas["attendu"]];
        attendu[qui] = a;
        if (Array.isArray(a)) {
          const code =
            r.status >= 400 && cas.methode !== "HEAD"
              ? ((await r.json()) as { erreur: { code: string } }).erreur.code
              : "";
          obtenu[qui] = [r.status, code];
        } else {
          obtenu[qui] = r.status;
          if (r.status >= 400 && cas.methode !== "HEAD") {
            const corpsErreur = (await r.json()) as { erreur?: { code?: string; message?: string } };
            expect(corpsErreur.erreur?.code, `${qui} : erreur sans code`).toMatch(/^[a-z0-9-]+$/);
            expect(corpsErreur.erreur?.message, `${qui} : erreur sans message`).toBeTruthy();
          } else await r.arrayBuffer();
        }
      }
      expect(obtenu).toEqual(attendu);
    });
  }
});
