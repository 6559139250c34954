import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "./rendus/test-support/echantillons.js";
import {
  creerDevoir,
  creerMonde,
  metadonneesTus,
  televerser,
  type Monde,
  type Profil,
  type ProfilB,
} from "./rendus/test-support/monde.js";

// Two schools of one ENT, each with its « 3A » and the same name (issue 9, finding 3): every role of both
// schools × every endpoint on school A's resources, then ids of school B's resources swapped in by school
// A's users (and the other way round). Run with schools identified by UAI, then by ENT structure id only.
type Qui = "anonyme" | Exclude<Profil, "eleve2"> | ProfilB;
/** Ordre des profils sur les ressources de A : l'élève auteur passe en dernier (ses requêtes modifient l'état). */
const QUI: Qui[] = [
  "anonyme",
  "eleveB",
  "parentB",
  "enseignantB",
  "eleveAutreClasse",
  "parent",
  "autreEnseignant",
  "enseignant",
  "eleve",
];
/** Sur les ressources de B : son élève auteur en dernier. */
const QUI_B: Qui[] = [
  "anonyme",
  "eleve",
  "eleveAutreClasse",
  "parent",
  "autreEnseignant",
  "enseignant",
  "parentB",
  "enseignantB",
  "eleveB",
];
type Attendu = number | [number, string];

interface Cas {
  nom: string;
  methode: string;
  chemin: () => string;
  corps?: () => unknown;
  entetes?: () => Record<string, string>;
  /** Expected answers; school B's profiles default to those of the pupil of another class (eleveB), the
   * other teacher (enseignantB) and 404 (parentB) — see `attenduComplet`. */
  attendu: Record<Exclude<Qui, ProfilB>, Attendu> & Partial<Record<ProfilB, Attendu>>;
}

let monde: Monde;
const ids = { devoir: "", sujet: "", rendu: "", fichierRendu: "", envoi: "" };
const idsB = { devoir: "", sujet: "", rendu: "", fichierRendu: "" };
const TUS = { "Tus-Resumable": "1.0.0" };

/** Seeds school A's resources (an assignment with a subject, a hand-in with feedback, an upload in progress). */
async function semerA(): Promise<void> {
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
}

/** Seeds school B's resources: its teacher's assignment for B's « 3A » (subject), its pupil's hand-in, feedback. */
async function semerB(): Promise<void> {
  const b = monde.b!;
  const creation = await monde.requete("/v1/devoirs", {
    method: "POST",
    profil: "enseignantB",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      groupeId: b.groupe3A,
      titre: "Devoir de l'autre collège",
      ouverture: "2026-03-23T08:00",
      echeance: "2026-03-31T23:59",
      contraintes: { familles: ["document"], tailleMaxOctets: 100_000, nombreMax: 5 },
    }),
  });
  if (creation.status !== 201) throw new Error(`devoir B : ${creation.status} ${await creation.text()}`);
  idsB.devoir = ((await creation.json()) as { devoir: { id: string } }).devoir.id;
  const sujet = await televerser(monde, "enseignantB", idsB.devoir, "sujet-b.pdf", pdf(1500));
  if (!sujet.ok) throw new Error("sujet B");
  const ajout = await monde.requete(`/v1/devoirs/${idsB.devoir}/fichiers`, {
    method: "POST",
    profil: "enseignantB",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nature: "sujet", televersements: [sujet.id] }),
  });
  idsB.sujet = ((await ajout.json()) as { fichiers: { id: string }[] }).fichiers[0]!.id;
  const envoi = await televerser(monde, "eleveB", idsB.devoir, "copie-b.pdf", pdf(1500));
  if (!envoi.ok) throw new Error("envoi B");
  const r = await monde.requete(`/v1/devoirs/${idsB.devoir}/rendre`, {
    method: "POST",
    profil: "eleveB",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ televersements: [envoi.id] }),
  });
  const a = ((await r.json()) as { accuseReception: { renduId: string; fichiers: { id: string }[] } })
    .accuseReception;
  idsB.rendu = a.renduId;
  idsB.fichierRendu = a.fichiers[0]!.id;
  await monde.requete(`/v1/rendus/${idsB.rendu}/retour`, {
    method: "POST",
    profil: "enseignantB",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ commentaire: "Bien (B)." }),
  });
}

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
      parentB: 200,
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
      eleveB: [403, "reserve-aux-enseignants"],
      parentB: [403, "reserve-aux-enseignants"],
      enseignantB: [403, "groupe-non-autorise"],
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
      parentB: 403,
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
      parentB: 405,
    },
  },
];

const DB = () => `/v1/devoirs/${idsB.devoir}`;
/** School A's profiles on one of school B's resources: none of them sees it. */
const AUCUN_DE_A = (a: Attendu = 404) => ({
  anonyme: NON,
  eleve: a,
  eleveAutreClasse: a,
  parent: a,
  autreEnseignant: a,
  enseignant: a,
});

/** School B's resources, their ids swapped into school A's users' requests (and B's own users as control). */
const CAS_B: (Omit<Cas, "attendu"> & { attendu: Record<Qui, Attendu> })[] = [
  {
    nom: "voir le devoir de B",
    methode: "GET",
    chemin: DB,
    attendu: { ...AUCUN_DE_A([404, "devoir-introuvable"]), parentB: 200, enseignantB: 200, eleveB: 200 },
  },
  {
    nom: "modifier le devoir de B",
    methode: "PATCH",
    chemin: DB,
    entetes: json,
    corps: () => ({ titre: "Modifié depuis A ?" }),
    attendu: { ...AUCUN_DE_A(), parentB: 403, enseignantB: 200, eleveB: 403 },
  },
  {
    nom: "créer un devoir pour la 3A de B",
    methode: "POST",
    chemin: () => "/v1/devoirs",
    entetes: json,
    corps: () => ({
      groupeId: monde.b!.groupe3A,
      titre: "Intrus",
      ouverture: "2026-03-23T08:00",
      echeance: "2026-03-31T23:59",
    }),
    attendu: {
      anonyme: NON,
      eleve: [403, "reserve-aux-enseignants"],
      eleveAutreClasse: [403, "reserve-aux-enseignants"],
      parent: [403, "reserve-aux-enseignants"],
      autreEnseignant: [403, "groupe-non-autorise"],
      enseignant: [403, "groupe-non-autorise"],
      parentB: [403, "reserve-aux-enseignants"],
      enseignantB: 201,
      eleveB: [403, "reserve-aux-enseignants"],
    },
  },
  {
    nom: "télécharger le sujet de B",
    methode: "GET",
    chemin: () => `${DB()}/fichiers/${idsB.sujet}`,
    attendu: { ...AUCUN_DE_A(), parentB: 200, enseignantB: 200, eleveB: 200 },
  },
  {
    nom: "suivi de B",
    methode: "GET",
    chemin: () => `${DB()}/suivi`,
    attendu: { ...AUCUN_DE_A(), parentB: 403, enseignantB: 200, eleveB: 403 },
  },
  {
    nom: "archive ZIP de B",
    methode: "GET",
    chemin: () => `${DB()}/rendus.zip`,
    attendu: { ...AUCUN_DE_A(), parentB: 403, enseignantB: 200, eleveB: 403 },
  },
  {
    nom: "voir mon rendu (devoir de B)",
    methode: "GET",
    chemin: () => `${DB()}/mon-rendu`,
    attendu: { ...AUCUN_DE_A(), parentB: 403, enseignantB: 403, eleveB: 200 },
  },
  {
    nom: "rendre (devoir de B)",
    methode: "POST",
    chemin: () => `${DB()}/rendre`,
    entetes: json,
    corps: () => ({ televersements: [] }),
    attendu: {
      ...AUCUN_DE_A(),
      parentB: [403, "reserve-aux-eleves"],
      enseignantB: [403, "reserve-aux-eleves"],
      eleveB: [400, "aucun-fichier"],
    },
  },
  {
    nom: "envoyer un rappel (devoir de B)",
    methode: "POST",
    chemin: () => `${DB()}/rappels`,
    entetes: json,
    corps: () => ({}),
    attendu: { ...AUCUN_DE_A(), parentB: 403, enseignantB: 201, eleveB: 403 },
  },
  {
    nom: "télécharger un fichier rendu de B",
    methode: "GET",
    chemin: () => `/v1/rendus/${idsB.rendu}/fichiers/${idsB.fichierRendu}`,
    attendu: { ...AUCUN_DE_A(), parentB: 404, enseignantB: 200, eleveB: 200 },
  },
  {
    nom: "lire le retour d'un rendu de B",
    methode: "GET",
    chemin: () => `/v1/rendus/${idsB.rendu}/retour`,
    attendu: { ...AUCUN_DE_A(), parentB: 404, enseignantB: 200, eleveB: 200 },
  },
  {
    nom: "rendre un retour sur un rendu de B",
    methode: "POST",
    chemin: () => `/v1/rendus/${idsB.rendu}/retour`,
    entetes: json,
    corps: () => ({ commentaire: "Depuis A ?" }),
    attendu: {
      ...AUCUN_DE_A(),
      parentB: 404,
      enseignantB: 201,
      eleveB: [403, "reserve-a-l-enseignant"],
    },
  },
  {
    nom: "créer un envoi tus pour un devoir de B",
    methode: "POST",
    chemin: () => "/v1/televersements",
    entetes: () => ({
      ...TUS,
      "Upload-Length": "1500",
      "Upload-Metadata": metadonneesTus({ filename: "m.pdf", devoir: idsB.devoir }),
    }),
    attendu: {
      ...AUCUN_DE_A([404, "devoir-introuvable"]),
      parentB: [404, "devoir-introuvable"],
      enseignantB: 201,
      eleveB: 201,
    },
  },
];

/** The expectations of every profile: school B's profiles default as `Cas.attendu` says. */
function attenduComplet(cas: Cas): Record<Qui, Attendu> {
  return {
    ...cas.attendu,
    eleveB: cas.attendu.eleveB ?? cas.attendu.eleveAutreClasse,
    enseignantB: cas.attendu.enseignantB ?? cas.attendu.autreEnseignant,
    parentB: cas.attendu.parentB ?? 404,
  };
}

async function verifier(cas: Cas, qui: Qui[], attendus: Record<Qui, Attendu>): Promise<void> {
  const obtenu: Record<string, Attendu> = {};
  const attendu: Record<string, Attendu> = {};
  for (const q of qui) {
    const corps = cas.corps?.();
    const r = await monde.requete(cas.chemin(), {
      method: cas.methode,
      profil: q === "anonyme" ? null : q,
      headers: cas.entetes?.() ?? {},
      body: corps === undefined ? undefined : Buffer.isBuffer(corps) ? corps : JSON.stringify(corps),
    });
    const a = attendus[q];
    attendu[q] = a;
    if (Array.isArray(a)) {
      const code =
        r.status >= 400 && cas.methode !== "HEAD"
          ? ((await r.json()) as { erreur: { code: string } }).erreur.code
          : "";
      obtenu[q] = [r.status, code];
    } else {
      obtenu[q] = r.status;
      if (r.status >= 400 && cas.methode !== "HEAD") {
        const corpsErreur = (await r.json()) as { erreur?: { code?: string; message?: string } };
        expect(corpsErreur.erreur?.code, `${q} : erreur sans code`).toMatch(/^[a-z0-9-]+$/);
        expect(corpsErreur.erreur?.message, `${q} : erreur sans message`).toBeTruthy();
      } else await r.arrayBuffer();
    }
  }
  expect(obtenu).toEqual(attendu);
}

const PILOTE = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
for (const identification of ["uai", "structure"] as const) {
  describe(`matrice d'autorisation, deux établissements identifiés par ${identification === "uai" ? "UAI" : "identifiant de structure (même nom)"} : ${QUI.length - 1} profils × ${CAS.length + CAS_B.length} points d'accès (${PILOTE})`, () => {
    beforeAll(async () => {
      monde = await creerMonde({ deuxiemeEtablissement: identification });
      await semerA();
      await semerB();
    });
    afterAll(async () => monde.fermer());

    it("les deux « 3A » sont deux classes de deux établissements", () => {
      expect(monde.b!.groupe3A).not.toBe(monde.groupe3A);
      expect(monde.b!.utilisateurs.eleveB.etablissementId).not.toBe(monde.utilisateurs.eleve.etablissementId);
    });
    it("les listes d'un établissement ne montrent rien de l'autre", async () => {
      const devoirsDe = async (profil: Qui) => {
        const r = await monde.requete("/v1/devoirs", { profil: profil as Profil });
        expect(r.status).toBe(200);
        return JSON.stringify(await r.json());
      };
      for (const p of ["eleveB", "parentB", "enseignantB"] as const) {
        const vu = await devoirsDe(p);
        expect(vu, p).not.toContain(ids.devoir);
        expect(vu, p).toContain(idsB.devoir);
      }
      for (const p of ["eleve", "parent", "enseignant", "autreEnseignant"] as const) {
        const vu = await devoirsDe(p);
        expect(vu, p).not.toContain(idsB.devoir);
      }
      expect(await devoirsDe("eleve")).toContain(ids.devoir);
    });
    for (const cas of CAS) it(`${cas.methode} ${cas.nom}`, () => verifier(cas, QUI, attenduComplet(cas)));
    for (const cas of CAS_B)
      it(`ids de l'autre établissement : ${cas.methode} ${cas.nom}`, () => verifier(cas, QUI_B, cas.attendu));
  });
}
