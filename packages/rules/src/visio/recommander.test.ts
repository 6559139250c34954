import { catalogue, getOutil, type Catalogue } from "@trousse/catalogue";
import { describe, expect, it } from "vitest";
import { ErreurRegle } from "../dates/erreur-regle.js";
import { coursIdentifie2D, reunionInterne } from "./fixtures.test-utils.js";
import { recommanderVisio } from "./recommander.js";
import type { BesoinVisio, CodeRegleExclusion } from "./types.js";

const ids = (b: BesoinVisio) => recommanderVisio(b).recommandations.map((r) => r.outilId);
const regleDe = (b: BesoinVisio, id: string) =>
  recommanderVisio(b).exclusions.find((e) => e.outilId === id)?.regle;

/** Les cas que les documents tranchent eux-mêmes : [cas, besoin, outil, règle attendue (ou "recommande")]. */
const CAS_DES_DOCUMENTS: [string, BesoinVisio, string, CodeRegleExclusion | "recommande"][] = [
  ["RENAVISIO jusqu'à 10 personnes", { ...reunionInterne, participants: 10 }, "renavisio", "recommande"],
  [
    "RENAVISIO au-delà de 10 personnes",
    { ...reunionInterne, participants: 11 },
    "renavisio",
    "participants-max-depasse",
  ],
  [
    "RENAVISIO sans réservation possible",
    { ...reunionInterne, reservationPossible: false },
    "renavisio",
    "reservation-requise",
  ],
  [
    "Web-Conférence ODE à 50 participants",
    { ...coursIdentifie2D, participants: 50 },
    "web-conference-ode",
    "recommande",
  ],
  [
    "Web-Conférence ODE à 51 participants",
    { ...coursIdentifie2D, participants: 51 },
    "web-conference-ode",
    "participants-max-depasse",
  ],
  [
    "Web-Conférence ODE quand une autre session ENT est en cours",
    { ...coursIdentifie2D, webConferenceEntEnCours: true },
    "web-conference-ode",
    "session-simultanee-occupee",
  ],
  [
    "Web-Conférence ODE avec l'ENT SN62",
    { ...coursIdentifie2D, ent: "sn62" },
    "web-conference-ode",
    "ent-requis",
  ],
  [
    "Web-Conférence ODE avec un autre ENT",
    { ...coursIdentifie2D, ent: "autre" },
    "web-conference-ode",
    "ent-requis",
  ],
  ["Web-Conférence ODE sans ENT", { ...coursIdentifie2D, ent: "aucun" }, "web-conference-ode", "ent-requis"],
  [
    "Web-Conférence ODE, élèves identifiés en 1D",
    { ...coursIdentifie2D, niveau: "1D" },
    "web-conference-ode",
    "recommande",
  ],
  [
    "Classe virtuelle du CNED, élèves identifiés en 2D",
    coursIdentifie2D,
    "classe-virtuelle-cned",
    "recommande",
  ],
  [
    "Classe virtuelle du CNED, élèves identifiés en 1D",
    { ...coursIdentifie2D, niveau: "1D" },
    "classe-virtuelle-cned",
    "eleves-non-identifies",
  ],
  [
    "Classe virtuelle du CNED, 1D sans identification demandée",
    { ...coursIdentifie2D, niveau: "1D", elevesIdentifies: false },
    "classe-virtuelle-cned",
    "recommande",
  ],
  [
    "Big Blue Button quand l'identification est exigée",
    coursIdentifie2D,
    "big-blue-button-apps-education",
    "eleves-non-identifies",
  ],
  ["OVHCloud quand la vidéo est nécessaire", reunionInterne, "ovhcloud", "audio-seulement"],
  [
    "OVHCloud pour une audioconférence",
    { ...reunionInterne, objet: "audioconference" },
    "ovhcloud",
    "recommande",
  ],
  [
    "VIA avec des partenaires externes",
    { ...reunionInterne, avec: ["personnels-internes", "partenaires-externes"] },
    "classe-virtuelle-via",
    "usage-interne-personnels",
  ],
  [
    "VIA pour un cours avec des élèves",
    { ...coursIdentifie2D, elevesIdentifies: false },
    "classe-virtuelle-via",
    "usage-interne-personnels",
  ],
  ["VIA entre personnels", reunionInterne, "classe-virtuelle-via", "recommande"],
  [
    "Web-Conférence ODE avec des partenaires externes (accès par l'ENT)",
    { ...reunionInterne, avec: ["partenaires-externes"] },
    "web-conference-ode",
    "public-non-couvert",
  ],
  [
    "Jitsi (pilotage) pour un cours",
    { ...coursIdentifie2D, elevesIdentifies: false },
    "jitsi",
    "public-non-couvert",
  ],
  [
    "Scaleway pour un conseil de classe avec des familles organisé par un enseignant",
    {
      ...reunionInterne,
      organisateur: "enseignant",
      objet: "conseil-de-classe",
      avec: ["personnels-internes", "familles"],
    },
    "scaleway-education",
    "public-non-couvert",
  ],
  [
    "Scaleway pour un conseil de classe avec des élèves organisé par la direction",
    {
      ...reunionInterne,
      organisateur: "personnel-direction",
      objet: "conseil-de-classe",
      avec: ["personnels-internes", "eleves"],
    },
    "scaleway-education",
    "recommande",
  ],
  [
    "Classe virtuelle du CNED pour une réunion entre personnels",
    reunionInterne,
    "classe-virtuelle-cned",
    "public-non-couvert",
  ],
  [
    "Classe virtuelle du CNED pour une audioconférence avec des partenaires",
    { ...reunionInterne, objet: "audioconference", avec: ["partenaires-externes"] },
    "classe-virtuelle-cned",
    "public-non-couvert",
  ],
  [
    "VIA entre personnels, même si « élèves identifiés » est coché (aucun élève)",
    { ...reunionInterne, elevesIdentifies: true },
    "classe-virtuelle-via",
    "recommande",
  ],
  [
    "RENAVISIO entre personnels, même si « élèves identifiés » est coché (aucun élève)",
    { ...reunionInterne, elevesIdentifies: true },
    "renavisio",
    "recommande",
  ],
  ["Zoom", reunionInterne, "zoom", "entreprise-internationale"],
  ["Microsoft Teams", reunionInterne, "microsoft-teams", "entreprise-internationale"],
  [
    "Google Meet",
    { ...reunionInterne, objet: "audioconference" },
    "google-meet",
    "entreprise-internationale",
  ],
  ["WhatsApp", coursIdentifie2D, "whatsapp", "entreprise-internationale"],
];

describe("recommanderVisio : les cas des documents", () => {
  it.each(CAS_DES_DOCUMENTS)("%s", (_cas, besoin, outil, attendu) => {
    const r = recommanderVisio(besoin);
    if (attendu === "recommande") {
      expect(r.recommandations.map((x) => x.outilId)).toContain(outil);
      expect(r.exclusions.map((x) => x.outilId)).not.toContain(outil);
    } else expect(regleDe(besoin, outil)).toBe(attendu);
  });

  it("conseil de classe à distance par la direction : Via et Scaleway en tête", () => {
    for (const avec of [
      ["personnels-internes"],
      ["personnels-internes", "eleves", "familles"],
    ] as BesoinVisio["avec"][]) {
      const b: BesoinVisio = {
        ...reunionInterne,
        organisateur: "personnel-direction",
        objet: "conseil-de-classe",
        avec,
        participants: 20,
      };
      const r = recommanderVisio(b);
      expect(r.recommandations.slice(0, 2).map((x) => x.outilId)).toEqual([
        "classe-virtuelle-via",
        "scaleway-education",
      ]);
      expect(r.recommandations[0]!.raisons[0]).toMatchObject({
        code: "conseil-de-classe-direction",
        texte:
          "Les personnels de direction dans les établissements peuvent s'appuyer sur Via et sur Scaleway pour la tenue des conseils de classe à distance.",
        source: { id: "001-continuite-administrative" },
      });
    }
  });

  it("audioconférence : OVHCloud en tête, RENAVISIO ensuite", () => {
    expect(ids({ ...reunionInterne, objet: "audioconference" }).slice(0, 2)).toEqual([
      "ovhcloud",
      "renavisio",
    ]);
  });

  it("cours avec des élèves : la classe virtuelle du CNED, « La solution à privilégier », en tête", () => {
    for (const b of [
      coursIdentifie2D,
      { ...coursIdentifie2D, elevesIdentifies: false, niveau: "1D" as const, ent: "aucun" as const },
    ]) {
      const [premiere] = recommanderVisio(b).recommandations;
      expect(premiere?.outilId).toBe("classe-virtuelle-cned");
      expect(premiere?.raisons[0]?.code).toBe("solution-a-privilegier");
      expect(premiere?.raisons[0]?.texte).toContain(
        "« La solution à privilégier : Ma classe à la maison CNED. »",
      );
    }
  });

  it("élèves de 2D identifiés en ODE : CNED puis Web-Conférence ODE, et rien d'autre", () => {
    expect(ids(coursIdentifie2D)).toEqual(["classe-virtuelle-cned", "web-conference-ode"]);
    const wc = recommanderVisio(coursIdentifie2D).recommandations[1]!;
    expect(wc.raisons.map((r) => r.texte)).toContain(
      "Accès sécurisé par l'ENT avec les élèves identifiés (pas de chahut numérique)",
    );
    expect(wc.rgpd).toBe("Démarches RGPD réalisées par l'établissement");
    expect(wc.acces).toBe("ENT 1D-2D");
    expect(wc.limites).toEqual([
      "A ce jour, une seule session simultanée pour 50 participants par école ou collège",
    ]);
  });

  it("réunion entre personnels : raisons citées avec leurs sources, RGPD côté administration", () => {
    const via = recommanderVisio(reunionInterne).recommandations.find(
      (r) => r.outilId === "classe-virtuelle-via",
    )!;
    expect(via.url).toBe("https://cvirtuelle.phm.education.gouv.fr/");
    expect(via.acces).toBe("EduLine ou M@gistère (intégré à un parcours)");
    expect(via.rgpd).toBe("Démarches RGPD réalisées par l'administration");
    expect(via.raisons.map((r) => r.code)).toEqual([
      "reunions-en-ligne-agents",
      "usage-interne-personnels",
      "public-vise",
      "outil-national",
    ]);
    expect(via.raisons[1]!.texte).toContain(
      "réservée prioritairement pour un usage interne entre personnels de l'Éducation Nationale",
    );
    expect(via.raisons.find((r) => r.code === "outil-national")).toMatchObject({
      texte: "Outil national",
      source: { id: "000-pilotage-visio", document: "000_f6abf3186c543793.txt" },
    });
    const wc = recommanderVisio(reunionInterne).recommandations.find(
      (r) => r.outilId === "web-conference-ode",
    )!;
    expect(wc.rgpd).toBe("Démarches RGPD réalisées par l'administration");
  });

  it("les exclusions citent le fait et sa source", () => {
    const e = recommanderVisio({ ...reunionInterne, participants: 12 }).exclusions.find(
      (x) => x.outilId === "renavisio",
    )!;
    expect(e.raison).toBe(
      "12 participants prévus, au-delà du maximum de 10 : « Réunions jusqu'à 10 personnes ».",
    );
    expect(e.source).toMatchObject({ id: "000-pilotage-visio", extrait: "Réunions jusqu'à 10 personnes" });
    const z = recommanderVisio(reunionInterne).exclusions.find((x) => x.outilId === "zoom")!;
    expect(z.raison).toContain(
      "« Le ministère ne valorisera pas ce type d'outils en cette période de crise. »",
    );
    expect(z.source?.id).toBe("001-vigilance");
  });

  it("n'examine que les outils de visio ou d'audio du catalogue", () => {
    const r = recommanderVisio(reunionInterne);
    const tous = [...r.recommandations.map((x) => x.outilId), ...r.exclusions.map((x) => x.outilId)];
    expect(tous).not.toContain("messagerie");
    expect(tous).toContain("ovhcloud");
  });

  it("fonctionne avec un autre catalogue (par exemple filtré)", () => {
    const petit: Catalogue = { ...catalogue, outils: [getOutil("renavisio")!, getOutil("messagerie")!] };
    const r = recommanderVisio(reunionInterne, petit);
    expect(r.recommandations.map((x) => x.outilId)).toEqual(["renavisio"]);
    expect(r.exclusions).toEqual([]);
  });

  it("chaque outil recommandé finit par une prochaine étape tirée des documents", () => {
    const etape = (b: BesoinVisio, id: string) =>
      recommanderVisio(b).recommandations.find((r) => r.outilId === id)?.prochaineEtape;
    expect(etape(reunionInterne, "renavisio")).toMatchObject({
      texte: "Réservez à l'avance (« Soumis à réservation »), puis ouvrez https://renavisio.renater.fr/.",
      url: "https://renavisio.renater.fr/",
      source: { id: "000-pilotage-visio", extrait: "Soumis à réservation" },
    });
    expect(etape(reunionInterne, "classe-virtuelle-via")).toMatchObject({
      texte:
        "Passez par EduLine ou par M@gistère, intégré à un parcours, ou ouvrez https://cvirtuelle.phm.education.gouv.fr/.",
      url: "https://cvirtuelle.phm.education.gouv.fr/",
    });
    const ode = etape(coursIdentifie2D, "web-conference-ode")!;
    expect(ode.texte).toBe(
      "Connectez-vous à l'ENT de votre école ou de votre établissement : l'outil s'y trouve.",
    );
    expect(ode.url).toBeUndefined();
    expect(etape(coursIdentifie2D, "classe-virtuelle-cned")?.texte).toBe(
      "Générez l'adresse (URL) de la classe virtuelle, puis envoyez-la aux participants.",
    );
    expect(etape({ ...reunionInterne, ent: "aucun" }, "jitsi")?.texte).toBe(
      "Cherchez-le sur le site de votre académie : les documents ne donnent pas son adresse, seulement qu'il est « hébergé sur le site de l'académie ».",
    );
    expect(etape(reunionInterne, "big-blue-button-apps-education")?.texte).toContain(
      "les documents ne donnent pas cette adresse",
    );
  });

  it("montre les déductions comme telles : niveaux déduits, partenaires sans compte dans l'ENT", () => {
    const via = recommanderVisio(reunionInterne).recommandations.find(
      (r) => r.outilId === "classe-virtuelle-via",
    )!;
    expect(via.deductions).toEqual([expect.stringContaining("Trousse le retient pour le 1D et le 2D")]);
    const wc = recommanderVisio(reunionInterne).recommandations.find(
      (r) => r.outilId === "web-conference-ode",
    )!;
    expect(wc.deductions).toBeUndefined();
    const e = recommanderVisio({ ...reunionInterne, avec: ["partenaires-externes"] }).exclusions.find(
      (x) => x.outilId === "web-conference-ode",
    )!;
    expect(e.raison).not.toContain("n'y ont pas de compte");
    expect(e.deduction).toBe(
      "Trousse en déduit que des partenaires externes n'ont pas de compte dans l'ENT.",
    );
  });

  it("parle en français simple : titres des sections, jamais « document 001 » ni « objet « cours » »", () => {
    const r = recommanderVisio({ ...coursIdentifie2D, elevesIdentifies: false });
    const zoom = r.exclusions.find((x) => x.outilId === "zoom")!;
    expect(zoom.raison).toContain(
      "La section « Renforcer la vigilance dans l'utilisation des outils numériques » prévient",
    );
    expect(r.exclusions.find((x) => x.outilId === "ovhcloud")!.raison).toBe(
      "Ce service est à disposition « pour organiser des audioconférences » : il ne convient pas quand la vidéo est nécessaire.",
    );
    for (const e of r.exclusions) expect(e.raison).not.toMatch(/document 00\d|objet «/);
  });

  it("n'écrit pas « proposé par RENATER » parmi les limites de RENAVISIO", () => {
    const rv = recommanderVisio(reunionInterne).recommandations.find((r) => r.outilId === "renavisio")!;
    expect(rv.limites).toEqual(["Réunions jusqu'à 10 personnes", "Soumis à réservation"]);
  });

  it("écarte un outil qu'aucun fait des documents ne justifie (aucune-raison-documentee)", () => {
    const muet = { ...getOutil("jitsi")!, id: "muet", nom: "Muet", fiches: [] };
    const r = recommanderVisio(reunionInterne, { ...catalogue, outils: [muet] });
    expect(r.recommandations).toEqual([]);
    expect(r.exclusions).toEqual([
      {
        outilId: "muet",
        nom: "Muet",
        regle: "aucune-raison-documentee",
        raison: "Les documents ne donnent aucune raison de choisir cet outil pour ce besoin.",
      },
    ]);
  });

  it("refuse plus de 500 participants avec un code stable", () => {
    expect(() => recommanderVisio({ ...reunionInterne, participants: 100_000 })).toThrow(
      /invalide \(champs : participants\)/,
    );
    expect(recommanderVisio({ ...reunionInterne, participants: 500 }).recommandations.length).toBeGreaterThan(
      0,
    );
  });

  it("lève une ErreurRegle au code stable pour un besoin invalide", () => {
    const appel = () => recommanderVisio({ ...reunionInterne, participants: 1 });
    expect(appel).toThrow(ErreurRegle);
    expect(appel).toThrow(/participants/);
    try {
      appel();
    } catch (e) {
      expect((e as ErreurRegle).code).toBe("besoin-invalide");
    }
  });
});
