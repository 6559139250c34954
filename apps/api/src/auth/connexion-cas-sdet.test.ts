import { randomBytes } from "node:crypto";
import { enfantsDe, groupesDe, listerUtilisateurs, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASE_API,
  SECRET_TEST,
  creerAppTest,
  lireDonneesPage,
  ouvrirBaseDeTest,
  type AppTest,
} from "./test-support/app-test.js";
import { creerNavigateur } from "./test-support/navigateur.js";
import { demarrerServeurCas, type CompteCas, type ServeurCas } from "./test-support/serveur-cas.js";

// A CAS server releasing the national ENT specification's attribute names (SDET, see correspondances.ts),
// nested profiles as entcore's KNE service writes them, classes as `<structure>$<class>`.
const suffixe = randomBytes(4).toString("hex");
const ENT = `sdet-${suffixe}`;
const ORIGINE_ENT = "https://ent-sdet.exemple.fr";
const STRUCTURE = "ENTStructureSIREN=19620001000013,ou=structures,dc=ent,dc=fr";
const ELEVE: CompteCas = {
  user: `el-${suffixe}`,
  motDePasse: "mdp",
  attributs: {
    "ENTPersonProfils/ENTPersonProfil": "National_ELV",
    ENTPersonNom: "Martin",
    ENTPersonPrenom: "Léa",
    ENTPersonLogin: "lea.martin",
    ENTPersonStructRattach: STRUCTURE,
    ENTPersonStructRattachRNE: "0620001A",
    ENTPersonStructRattachName: "Collège Jean Moulin",
    ENTEleveClasses: `${STRUCTURE}$3A`,
    ENTEleveGroupes: `${STRUCTURE}$Latin`,
  },
};
const ENSEIGNANT: CompteCas = {
  user: `ens-${suffixe}`,
  motDePasse: "mdp",
  attributs: {
    "ENTPersonProfils/ENTPersonProfil": "National_ENS",
    ENTPersonNom: "Durand",
    ENTPersonPrenom: "Marie",
    ENTPersonStructRattach: STRUCTURE,
    ENTPersonStructRattachRNE: "0620001A",
    ENTEleveClasses: "",
    ENTAuxEnsClasses: [`${STRUCTURE}$3A`, `${STRUCTURE}$4B`],
  },
};
const PARENT: CompteCas = {
  user: `par-${suffixe}`,
  motDePasse: "mdp",
  attributs: {
    ENTPersonProfils: "National_TUT",
    ENTPersonNom: "Martin",
    ENTPersonPrenom: "Sophie",
    ENTAuxPersRelEleveEleve: `uid=${ELEVE.user},ou=people,dc=ent,dc=fr`,
  },
};
const SANS_ECOLE: CompteCas = {
  user: `sans-${suffixe}`,
  motDePasse: "mdp",
  attributs: { ENTPersonProfils: "National_ELV", ENTPersonNom: "Petit", ENTEleveClasses: "3A" },
};

let base: DbHandle;
let cas: ServeurCas;
let t: AppTest;

beforeAll(async () => {
  base = await ouvrirBaseDeTest();
  cas = await demarrerServeurCas([ELEVE, ENSEIGNANT, PARENT, SANS_ECOLE]);
  t = creerAppTest(base.db, {
    ents: [
      {
        id: ENT,
        nom: "ENT SDET de test",
        type: "cas",
        casUrl: cas.casUrl,
        originesAutorisees: [ORIGINE_ENT],
        attributs: "sdet",
      },
    ],
    sessionSecret: SECRET_TEST,
    sessionDureeMinutes: 30,
  });
}, 120_000);

afterAll(async () => {
  await cas?.close();
  await base?.close();
});

async function seConnecter(compte: CompteCas): Promise<{ status: number; html: string }> {
  const nav = creerNavigateur(BASE_API, t.requete);
  const debut = await nav.aller(
    `${BASE_API}/auth/connexion?ent=${ENT}&origine=${encodeURIComponent(ORIGINE_ENT)}`,
  );
  await debut.reponse.text();
  const service = new URL(debut.url).searchParams.get("service") ?? "";
  const fin = await nav.soumettre(`${cas.casUrl}/login`, {
    service,
    username: compte.user,
    password: compte.motDePasse,
  });
  return { status: fin.reponse.status, html: await fin.reponse.text() };
}

async function moi(html: string): Promise<Record<string, unknown>> {
  const r = await t.requete(`${BASE_API}/v1/auth/moi`, {
    headers: { authorization: `Bearer ${lireDonneesPage(html).jeton}` },
  });
  expect(r.status).toBe(200);
  return (await r.json()) as Record<string, unknown>;
}

describe("connexion CAS avec les attributs SDET (issue 9, constat 4)", () => {
  it("connecte un élève, un enseignant et un parent ; la classe de l'élève est celle de l'enseignant", async () => {
    const eleve = await seConnecter(ELEVE);
    expect(eleve.status).toBe(200);
    expect(await moi(eleve.html)).toMatchObject({
      role: "eleve",
      nomAffiche: "Léa Martin",
      classes: ["3A"],
      groupes: ["Latin"],
      etablissement: { nom: "Collège Jean Moulin", uai: "0620001A" },
    });
    const prof = await seConnecter(ENSEIGNANT);
    expect(prof.status).toBe(200);
    expect(await moi(prof.html)).toMatchObject({
      role: "enseignant",
      nomAffiche: "Marie Durand",
      classes: ["3A", "4B"],
      etablissement: { uai: "0620001A" },
    });
    const parent = await seConnecter(PARENT);
    expect(parent.status).toBe(200);
    expect(await moi(parent.html)).toMatchObject({ role: "parent", nomAffiche: "Sophie Martin" });

    const tous = await listerUtilisateurs(base.db, ENT);
    const lea = tous.find((u) => u.uid === ELEVE.user)!;
    const marie = tous.find((u) => u.uid === ENSEIGNANT.user)!;
    const sophie = tous.find((u) => u.uid === PARENT.user)!;
    expect(lea.login).toBe("lea.martin");
    const classeLea = (await groupesDe(base.db, lea.id)).find((g) => g.nom === "3A")!;
    const classeMarie = (await groupesDe(base.db, marie.id)).find((g) => g.nom === "3A")!;
    expect(classeLea.id).toBe(classeMarie.id);
    expect((await enfantsDe(base.db, sophie.id)).map((u) => u.id)).toEqual([lea.id]);
  });

  it("refuse un élève sans UAI ni structure avec une page en français qui nomme les attributs manquants", async () => {
    const r = await seConnecter(SANS_ECOLE);
    expect(r.status).toBe(502);
    expect(lireDonneesPage(r.html)).toMatchObject({
      trousseMessage: "erreur",
      code: "identite-sans-etablissement",
      origine: ORIGINE_ENT,
    });
    expect(r.html).toContain("ni l&#39;UAI ni l&#39;identifiant de structure");
    expect(r.html).toContain("« ENTPersonStructRattachRNE »");
    expect(r.html).toContain("« ENTPersonStructRattach »");
    expect((await listerUtilisateurs(base.db, ENT)).some((u) => u.uid === SANS_ECOLE.user)).toBe(false);
  });
});
