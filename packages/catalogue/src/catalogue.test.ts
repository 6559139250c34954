import { describe, expect, it } from "vitest";
import { catalogue, getOutil, outils } from "./catalogue.js";
import { catalogueSchema, outilSchema, type Outil } from "./schema.js";
import { getSource, sources } from "./sources.js";
import { NIVEAUX_DEDUITS, NON_RENSEIGNE } from "./donnees/construire.js";
import { CRITERES_DOCTRINE } from "./doctrine.js";
import { CRITERES } from "./vocabulaire.js";
import { lireSeed } from "../test/seeds.js";

/** Chaque outil nommé par les documents, écrit à la main depuis les documents, et son id attendu. */
const NOMMES_PAR_LES_DOCUMENTS: [document: "000" | "001", nom: string, id: string][] = [
  ["000", "Classe virtuelle VIA", "classe-virtuelle-via"],
  ["000", "Jitsi", "jitsi"],
  ["000", "Web-Conférence ODE", "web-conference-ode"],
  ["000", "RENAVISIO", "renavisio"],
  ["000", "Scaleway pour l'éducation", "scaleway-education"],
  ["000", "Big Blue Button par Apps Education", "big-blue-button-apps-education"],
  ["000", "Tribu", "tribu"],
  ["000", "Filesender", "filesender"],
  ["000", "Espace documentaire", "espace-documentaire"],
  ["000", "Apps Education", "apps-education"],
  ["000", "Classe virtuelle du CNED", "classe-virtuelle-cned"],
  ["000", "Blog / Actualités / Forum", "blog-actualites-forum"],
  ["000", "Pages (ODE) / Rubriques portail (SN62)", "pages-rubriques-portail"],
  ["000", "Messagerie", "messagerie"],
  ["000", "Carnet de liaison", "carnet-de-liaison"],
  ["000", "Formulaire (SN62)", "formulaire-sn62"],
  ["000", "Sites Web / Portails publics", "sites-web-portails-publics"],
  ["000", "Classeur pédagogique de l'ENT (SN62)", "classeur-pedagogique-sn62"],
  ["000", "Exercices multimédia", "exercices-multimedia"],
  ["000", "Les dossiers partagés", "dossiers-partages"],
  ["000", "Casier (ODE)", "casier-ode"],
  ["000", "Cahier de textes", "cahier-de-textes"],
  ["001", "Ma classe à la maison", "ma-classe-a-la-maison"],
  ["001", "Les solutions d'ENT", "solutions-ent"],
  ["001", "ProNote", "pronote"],
  ["001", "La classe virtuelle VIA", "classe-virtuelle-via"],
  ["001", "RENAVISIO", "renavisio"],
  ["001", "Scaleway pour l'Éducation", "scaleway-education"],
  ["001", "OVHCloud", "ovhcloud"],
];

const DOCS = { "000": "000_f6abf3186c543793.txt", "001": "001_bc1e88d46a71f26c.txt" } as const;

/** Tous les textes cités d'un outil, avec les sources où ils doivent se trouver mot pour mot. */
function textesCites(o: Outil): { texte: string; sources: string[]; ou: string }[] {
  const t: { texte: string; sources: string[]; ou: string }[] = [];
  const guillemets = (s: string) => [...s.matchAll(/« (.+?) »/g)].map((m) => m[1]!);
  o.fiches.forEach((f, i) => {
    for (const x of [...f.avantages, ...f.limites, f.acces?.texte, f.rgpd?.texte])
      if (x) t.push({ texte: x, sources: [f.source], ou: `fiches[${i}]` });
  });
  for (const [k, c] of Object.entries(o.contraintes))
    if (c) t.push({ texte: c.texte, sources: [c.source], ou: `contraintes.${k}` });
  for (const [k, c] of Object.entries(o.contraintes))
    if (c && "perimetre" in c)
      t.push({ texte: c.perimetre, sources: [c.source], ou: `contraintes.${k}.perimetre` });
  o.notes.forEach((n, i) => t.push({ texte: n.texte, sources: [n.source], ou: `notes[${i}]` }));
  o.usages.forEach((u, i) => t.push({ texte: u.texte, sources: [u.source], ou: `usages[${i}]` }));
  for (const [k, c] of Object.entries(o.doctrine))
    for (const q of guillemets(c.justification))
      t.push({ texte: q, sources: c.sources, ou: `doctrine.${k}` });
  for (const q of guillemets(o.provenance.justification ?? ""))
    t.push({ texte: q, sources: o.provenance.sources, ou: "provenance" });
  return t;
}

describe("catalogue", () => {
  it("est valide selon catalogueSchema (la même validation qu'à la construction)", () => {
    const r = catalogueSchema.safeParse(catalogue);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    for (const o of outils) expect(outilSchema.safeParse(o).success).toBe(true);
  });

  it.each(NOMMES_PAR_LES_DOCUMENTS)("couvre l'outil nommé par le document %s : %s", (doc, nom, id) => {
    expect(lireSeed(DOCS[doc])).toContain(nom);
    const o = getOutil(id);
    expect(o, `outil attendu : ${id}`).toBeDefined();
    expect([o!.nom, ...o!.autresNoms]).toContain(nom);
  });

  it("n'a qu'un enregistrement par outil (ids et noms uniques)", () => {
    expect(new Set(outils.map((o) => o.id)).size).toBe(outils.length);
    expect(new Set(outils.map((o) => o.nom)).size).toBe(outils.length);
  });

  it("cite chaque texte mot pour mot dans le document de sa source", () => {
    const manquants: string[] = [];
    let n = 0;
    for (const o of outils)
      for (const { texte, sources: refs, ou } of textesCites(o)) {
        n++;
        expect(refs.length, `${o.id} ${ou} : aucune source`).toBeGreaterThan(0);
        const dansUn = refs.some((ref) => lireSeed(getSource(ref)!.document).includes(texte));
        if (!dansUn) manquants.push(`${o.id} ${ou} : « ${texte} »`);
      }
    expect(manquants).toEqual([]);
    expect(n).toBeGreaterThan(100);
  });

  it("cite les noms et URL des outils tels que les documents les écrivent", () => {
    for (const o of outils.filter((x) => x.provenance.nature === "document")) {
      const docs = [...new Set(o.provenance.sources.map((s) => getSource(s)!.document))]
        .map(lireSeed)
        .join("\n");
      for (const nom of [o.nom, ...o.autresNoms]) expect(docs, o.id).toContain(nom);
      if (o.url) expect(docs, o.id).toContain(o.url);
    }
  });

  it("cite les titres de section tels que les documents les écrivent", () => {
    for (const s of sources) {
      const doc = lireSeed(s.document);
      for (const titre of s.section.split(" › ")) expect(doc, s.id).toContain(titre);
    }
    for (const d of catalogue.documents) expect(lireSeed(d.fichier)).toContain(d.titre);
  });

  it("porte les contraintes dures en données structurées", () => {
    const wc = getOutil("web-conference-ode")!.contraintes;
    expect(wc.participantsMax?.valeur).toBe(50);
    expect(wc.sessionsSimultaneesParEtablissement).toMatchObject({
      valeur: 1,
      perimetre: "par école ou collège",
    });
    expect(wc.elevesIdentifies?.niveaux).toEqual(["1D", "2D"]);
    expect(wc.entRequis?.ents).toEqual(["ode"]);
    const rv = getOutil("renavisio")!.contraintes;
    expect(rv.participantsMax?.valeur).toBe(10);
    expect(rv.reservationObligatoire?.texte).toBe("Soumis à réservation");
    expect(getOutil("classe-virtuelle-cned")!.contraintes.elevesIdentifies?.niveaux).toEqual(["2D"]);
    expect(getOutil("ovhcloud")!.contraintes.audioSeulement).toBeDefined();
    expect(getOutil("ovhcloud")!.categories).toEqual(["audioconference"]);
    expect(getOutil("formulaire-sn62")!.contraintes.entRequis?.ents).toEqual(["sn62"]);
    expect(getOutil("classeur-pedagogique-sn62")!.contraintes.entRequis?.ents).toEqual(["sn62"]);
    expect(getOutil("casier-ode")!.contraintes.entRequis?.ents).toEqual(["ode"]);
    expect(getOutil("pages-rubriques-portail")!.contraintes.entRequis?.ents).toEqual(["ode", "sn62"]);
    expect(getOutil("messagerie")!.contraintes.entRequis?.ents).toBe("tous");
    expect(getOutil("classe-virtuelle-via")!.contraintes).toEqual({});
  });

  it("distingue les démarches RGPD par public quand elles diffèrent (Web-Conférence ODE)", () => {
    const wc = getOutil("web-conference-ode")!;
    expect(wc.fiches.map((f) => [f.publics, f.rgpd?.par])).toEqual([
      [["pilotage-formation"], "administration"],
      [["enseignement"], "etablissement"],
    ]);
    expect(getOutil("classe-virtuelle-cned")!.fiches[0]!.rgpd).toEqual({
      par: "cned",
      texte: "Réalisées par le CNED",
    });
  });

  it("déduit les niveaux de l'accès ENT", () => {
    expect(getOutil("carnet-de-liaison")!.niveaux).toEqual(["1D"]);
    expect(getOutil("formulaire-sn62")!.niveaux).toEqual(["2D"]);
    expect(getOutil("messagerie")!.niveaux).toEqual(["1D", "2D"]);
    for (const id of ["carnet-de-liaison", "messagerie", "web-conference-ode"])
      expect(getOutil(id)!.deductions, id).toBeUndefined();
  });

  it("marque « deduit », avec son raisonnement, les niveaux que les documents ne donnent pas", () => {
    const deduits = outils.filter((o) => o.deductions?.some((d) => d.champ === "niveaux")).map((o) => o.id);
    for (const id of [
      "classe-virtuelle-via",
      "jitsi",
      "renavisio",
      "scaleway-education",
      "big-blue-button-apps-education",
      "classe-virtuelle-cned",
      "ovhcloud",
    ])
      expect(deduits).toContain(id);
    for (const o of outils) {
      const parEnt = o.fiches.some((f) => f.acces?.modes.some((m) => m === "ent-1d" || m === "ent-2d"));
      expect(deduits.includes(o.id), o.id).toBe(!parEnt);
      for (const d of o.deductions ?? []) {
        expect(d).toMatchObject({ nature: "deduit", justification: NIVEAUX_DEDUITS });
        // A reasoning, never shown as a quotation.
        expect(d.justification).not.toMatch(/[«»"]/);
      }
    }
  });

  it("cite mot pour mot les faits généraux des documents, chacun dans le document de sa section", () => {
    expect(catalogue.faits?.map((f) => f.code)).toEqual([
      "cadre-fonctionnement-normal",
      "cadre-reunions-en-ligne",
      "acces-applications-nationales",
      "cyber-attaques",
      "vigilance-editeurs",
    ]);
    for (const f of catalogue.faits ?? []) {
      const s = getSource(f.source)!;
      expect(lireSeed(s.document), f.code).toContain(f.texte);
    }
    const texte = (code: string) => catalogue.faits?.find((f) => f.code === code)?.texte ?? "";
    expect(texte("cadre-fonctionnement-normal")).toContain(
      "mais aussi dans le cadre d'un fonctionnement normal",
    );
    expect(texte("cadre-reunions-en-ligne")).toContain("la tenue de réunions en ligne");
    expect(texte("acces-applications-nationales")).toMatch(
      /^L'accès aux applications nationales est garanti, les solutions d'hébergement sont renforcées/,
    );
    expect(CRITERES_DOCTRINE.vigilance.map((f) => f.code)).toEqual(["cyber-attaques", "vigilance-editeurs"]);
  });

  it("dit que RENAVISIO est « proposé par RENATER »", () => {
    expect(getOutil("renavisio")!.notes).toContainEqual({
      nature: "fournisseur",
      texte: "proposé par RENATER",
      source: "001-continuite-administrative",
    });
  });

  it("porte les notes d'état et les usages réservés ou recommandés", () => {
    const codes = (id: string) => getOutil(id)!.usages.map((u) => u.code);
    const natures = (id: string) => getOutil(id)!.notes.map((n) => n.nature);
    expect(natures("apps-education")).toEqual([
      "beta",
      "indisponibilite-partielle",
      "generalisation-a-venir",
    ]);
    expect(natures("classe-virtuelle-via")).toContain("version-flash-indisponible");
    expect(natures("scaleway-education")).toContain("service-temporaire");
    expect(natures("ovhcloud")).toContain("service-temporaire");
    expect(natures("solutions-ent")).toContain("dysfonctionnements");
    expect(codes("classe-virtuelle-via")).toEqual([
      "usage-interne-personnels",
      "conseils-de-classe-a-distance",
      "reunions-en-ligne-agents",
    ]);
    expect(codes("scaleway-education")).toContain("conseils-de-classe-a-distance");
    expect(codes("classe-virtuelle-cned")).toContain("solution-a-privilegier");
    expect(codes("pronote")).toEqual(["vie-scolaire"]);
    for (const id of ["classe-virtuelle-via", "renavisio", "scaleway-education", "ovhcloud"])
      expect(codes(id)).toContain("reunions-en-ligne-agents");
  });
});

describe("doctrine des outils", () => {
  it("renseigne les six critères pour chaque outil, chaque critère renseigné ayant une source", () => {
    for (const o of outils) {
      expect(Object.keys(o.doctrine).sort()).toEqual([...CRITERES].sort());
      for (const c of Object.values(o.doctrine)) {
        if (c.statut === "non-renseigne") continue;
        expect(c.sources.length, o.id).toBeGreaterThan(0);
      }
    }
  });

  it("ne déclare aucun critère conforme : les documents ne l'affirment pour aucun outil", () => {
    for (const o of outils)
      for (const critere of CRITERES)
        expect(o.doctrine[critere].statut, `${o.id} ${critere}`).toBe("non-renseigne");
  });

  it("RGPD : dit qui a réalisé les démarches (un fait sourcé), sans en conclure la conformité", () => {
    for (const o of outils) {
      const rgpd = o.doctrine.rgpd;
      if (o.fiches.some((f) => f.rgpd)) {
        expect(rgpd.justification, o.id).toMatch(/indique qui a réalisé les démarches RGPD/);
        expect(rgpd.justification, o.id).toContain("Il ne dit pas que l'outil respecte strictement le RGPD");
        expect(rgpd.sources.length, o.id).toBeGreaterThan(0);
      } else expect(rgpd.justification, o.id).toBe(NON_RENSEIGNE);
      expect(rgpd.justification, o.id).not.toMatch(/document 00\d/);
    }
    expect(getOutil("classe-virtuelle-via")!.doctrine.rgpd.justification).toContain(
      "« Réalisées par l'administration »",
    );
    expect(getOutil("jitsi")!.doctrine["droit-francais-europeen"].justification).toContain(
      "« hébergé sur le site de l'académie »",
    );
    expect(getOutil("ovhcloud")!.doctrine.rgpd.justification).toBe(NON_RENSEIGNE);
  });

  it("garde les outils d'entreprises internationales éditoriaux et honnêtes", () => {
    const internationaux = outils.filter((o) => o.origine === "entreprise-internationale");
    expect(internationaux.map((o) => o.id)).toEqual(["zoom", "microsoft-teams", "google-meet", "whatsapp"]);
    const doc001 = lireSeed(DOCS["001"]);
    for (const o of internationaux) {
      expect(o.provenance.nature).toBe("editorial");
      expect(o.provenance.sources).toEqual(["001-vigilance"]);
      expect(doc001).not.toContain(o.nom);
      expect(o.fiches).toEqual([]);
      expect(o.notes.map((n) => n.texte)).toEqual([
        "Le ministère ne valorisera pas ce type d'outils en cette période de crise.",
        "Ces solutions peuvent créer de vraies difficultés qui pourraient naître après la crise que nous traversons.",
      ]);
      for (const c of Object.values(o.doctrine)) expect(c.statut).toBe("non-renseigne");
    }
  });
});
