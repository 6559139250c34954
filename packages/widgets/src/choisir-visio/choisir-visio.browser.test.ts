// <trousse-choisir-visio> in Debian's Chromium, loaded by the script-tag loader from the built CDN bundles.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { recommanderVisio, type BesoinVisio } from "@trousse/rules";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DOSSIER_CAPTURES,
  demarrerServeur,
  journaliser,
  lancerChromium,
  pageHote,
  tabulerJusqua,
  texteFocalise,
  violationsAxe,
  type ServeurTest,
} from "../../test/navigateur.js";

let navigateur: Browser;
let serveur: ServeurTest;
let compteur = 0;

beforeAll(async () => {
  [navigateur, serveur] = await Promise.all([lancerChromium(), demarrerServeur()]);
  mkdirSync(DOSSIER_CAPTURES, { recursive: true });
});
afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

/** Opens a host page with the given body in a fresh page; returns it once the widget has rendered. */
async function ouvrir(corps: string, options: { largeur?: number; hauteur?: number; lang?: string } = {}) {
  const chemin = `/hote-${++compteur}.html`;
  serveur.page(chemin, pageHote(corps, { lang: options.lang ?? "fr" }));
  const page = await navigateur.newPage({
    viewport: { width: options.largeur ?? 1280, height: options.hauteur ?? 900 },
  });
  const journal = journaliser(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __evenements: { type: string; detail: unknown }[] };
    w.__evenements = [];
    for (const type of ["trousse-outil-choisi", "trousse-recommandation"])
      document.addEventListener(type, (e) =>
        w.__evenements.push({ type, detail: (e as CustomEvent).detail }),
      );
  });
  await page.goto(serveur.url + chemin);
  await page.waitForFunction(() => {
    const el = document.querySelector("trousse-choisir-visio");
    return !!el?.shadowRoot?.querySelector("h2");
  });
  return { page, journal };
}

/** Reads the results shown in the widget's Shadow DOM. */
async function lireResultats(page: Page) {
  return page.evaluate(() => {
    const racine = document.querySelector("trousse-choisir-visio")!.shadowRoot!;
    return {
      recommandes: [...racine.querySelectorAll(".recommandation h4 span[lang='fr']")].map(
        (e) => e.textContent?.trim() ?? "",
      ),
      exclusions: [...racine.querySelectorAll("details[part='exclusions'] li")].map((li) => ({
        regle: li.getAttribute("data-regle"),
        texte: (li.textContent ?? "").replace(/\s+/g, " ").trim(),
      })),
      texte: (racine.textContent ?? "").replace(/\s+/g, " "),
    };
  });
}

async function evenements(page: Page) {
  return page.evaluate(
    () =>
      (window as unknown as { __evenements: { type: string; detail: Record<string, unknown> }[] })
        .__evenements,
  );
}

const ATTRIBUTS_BESOIN = (b: BesoinVisio): string => {
  const besoins = [
    b.elevesIdentifies ? "eleves-identifies" : "",
    b.reservationPossible ? "reservation-possible" : "",
    b.webConferenceEntEnCours ? "web-conference-ent-en-cours" : "",
  ].filter(Boolean);
  return `organisateur="${b.organisateur}" avec="${b.avec.join(",")}" participants="${b.participants}" objet="${b.objet}" niveau="${b.niveau.toLowerCase()}" ent="${b.ent}" besoins="${besoins.join(" ")}"`;
};

describe("<trousse-choisir-visio> au clavier seul", () => {
  it("parcourt les 7 étapes au clavier, annonce les résultats, et « Choisir cet outil » émet trousse-outil-choisi", async () => {
    const { page, journal } = await ouvrir("<trousse-choisir-visio></trousse-choisir-visio>");
    const focalise = () => texteFocalise(page);

    // 1. Qui organise ? — Tab reaches the first radio, Space ticks it.
    await page.keyboard.press("Tab");
    expect(await focalise()).toBe("radio:Un enseignant");
    await page.keyboard.press("Space");
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");

    // 2. Avec qui ? — focus moves to the step's first field by itself.
    expect(await focalise()).toBe("checkbox:Des élèves");
    // Going on without an answer is refused with a message.
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");
    expect((await lireResultats(page)).texte).toContain("Choisissez au moins une réponse.");
    expect(await focalise()).toBe("checkbox:Des élèves");
    await page.keyboard.press("Space");
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");

    // 3. Combien ? — typing then Enter submits the step.
    expect(await focalise()).toMatch(/^number:/);
    await page.keyboard.type("1");
    await page.keyboard.press("Enter");
    expect((await lireResultats(page)).texte).toContain(
      "Indiquez un nombre entier de participants, au moins 2.",
    );
    await page.keyboard.press("Backspace");
    await page.keyboard.type("25");
    await page.keyboard.press("Enter");

    // 4. Pour quoi faire ? — "Faire cours" is the first radio.
    expect(await focalise()).toBe("radio:Faire cours");
    await page.keyboard.press("Space");
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");

    // 5. Niveau — arrows move within the radio group: 1D → 2D.
    expect(await focalise()).toBe("radio:1er degré (école)");
    await page.keyboard.press("ArrowDown");
    expect(await focalise()).toBe("radio:2d degré (collège, lycée)");
    // "Précédent" keeps the answers.
    await tabulerJusqua(page, "Précédent");
    await page.keyboard.press("Enter");
    expect(await focalise()).toBe("radio:Faire cours");
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");
    expect(await focalise()).toBe("radio:2d degré (collège, lycée)");
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");

    // 6. ENT — ODE is first.
    expect(await focalise()).toBe("radio:ODE");
    await page.keyboard.press("Space");
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");

    // 7. Besoins — tick "identified pupils" (asked: pupils take part), then show the tools.
    expect(await focalise()).toBe("checkbox:Les élèves doivent être identifiés");
    await page.keyboard.press("Space");
    // The reservation is a real yes/no: left unanswered, the step is refused (never taken as « no »).
    await tabulerJusqua(page, "Voir les outils");
    await page.keyboard.press("Enter");
    expect((await lireResultats(page)).texte).toContain("Choisissez une réponse.");
    expect(await focalise()).toBe("checkbox:Les élèves doivent être identifiés");
    await page.keyboard.press("Tab");
    expect(await focalise()).toBe("radio:Oui");
    await page.keyboard.press("ArrowDown");
    expect(await focalise()).toBe("radio:Non");
    await tabulerJusqua(page, "Voir les outils");
    await page.keyboard.press("Enter");

    // Results: focus on their heading, announced in the live region, same answer as the rules in Node.
    expect(await focalise()).toBe("Outils recommandés");
    const attendu = recommanderVisio({
      organisateur: "enseignant",
      avec: ["eleves"],
      participants: 25,
      objet: "cours",
      niveau: "2D",
      ent: "ode",
      elevesIdentifies: true,
      reservationPossible: false,
      webConferenceEntEnCours: false,
    });
    const resultats = await lireResultats(page);
    expect(resultats.recommandes).toEqual(attendu.recommandations.map((r) => r.nom));
    expect(resultats.recommandes).toContain("Web-Conférence ODE");
    expect(resultats.exclusions.map((e) => e.regle)).toEqual(attendu.exclusions.map((e) => e.regle));
    const annonce = await page.evaluate(() =>
      document
        .querySelector("trousse-choisir-visio")!
        .shadowRoot!.querySelector("[role='status']")!
        .textContent!.trim(),
    );
    expect(annonce).toBe(
      `${attendu.recommandations.length} outil${attendu.recommandations.length > 1 ? "s recommandés" : " recommandé"}, ${attendu.exclusions.length} outil${attendu.exclusions.length > 1 ? "s écartés" : " écarté"}.`,
    );

    // Pick the first tool with the keyboard.
    await tabulerJusqua(page, "Choisir cet outil");
    await page.keyboard.press("Enter");
    const recus = await evenements(page);
    expect(recus.map((e) => e.type)).toEqual(["trousse-recommandation", "trousse-outil-choisi"]);
    const premier = attendu.recommandations[0]!;
    expect(recus[1]!.detail).toEqual({
      outilId: premier.outilId,
      nom: premier.nom,
      ...(premier.url ? { url: premier.url } : {}),
      rang: 1,
    });
    expect(recus[0]!.detail).toMatchObject({ origineCatalogue: "embarque", besoin: attendu.besoin });
    // Choosing shows what happens next, visibly (not only to screen readers).
    const confirmation = await page.evaluate(() => {
      const p = document
        .querySelector("trousse-choisir-visio")!
        .shadowRoot!.querySelector<HTMLElement>("[part='confirmation']");
      return (
        p && { texte: p.textContent!.replace(/\s+/g, " ").trim(), hauteur: p.getBoundingClientRect().height }
      );
    });
    expect(confirmation?.texte).toBe(
      `Vous avez choisi ${premier.nom}. Ensuite : ${premier.prochaineEtape.texte}`,
    );
    expect(confirmation!.hauteur).toBeGreaterThan(10);

    // The ruled-out tools are folded; the keyboard opens them.
    const ouvert = () =>
      page.evaluate(
        () =>
          document
            .querySelector("trousse-choisir-visio")!
            .shadowRoot!.querySelector<HTMLDetailsElement>("details[part='exclusions']")!.open,
      );
    expect(await ouvert()).toBe(false);
    await tabulerJusqua(page, "Outils écartés");
    await page.keyboard.press("Enter");
    expect(await ouvert()).toBe(true);

    // "Modifier mes réponses" goes back to step 1 with the answers kept.
    await tabulerJusqua(page, "Modifier mes réponses");
    await page.keyboard.press("Enter");
    expect(await focalise()).toBe("radio:Un enseignant");
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });
});

describe("les réponses des documents", () => {
  const cas: {
    titre: string;
    besoin: BesoinVisio;
    verifier: (r: Awaited<ReturnType<typeof lireResultats>>) => void;
  }[] = [
    {
      titre: "12 personnes avec réservation : RENAVISIO écarté (réunions jusqu'à 10 personnes)",
      besoin: {
        organisateur: "personnel-administratif",
        avec: ["personnels-internes"],
        participants: 12,
        objet: "reunion",
        niveau: "2D",
        ent: "aucun",
        elevesIdentifies: false,
        reservationPossible: true,
        webConferenceEntEnCours: false,
      },
      verifier: (r) => {
        expect(r.recommandes).not.toContain("RENAVISIO");
        const renavisio = r.exclusions.find((e) => e.texte.startsWith("RENAVISIO"));
        expect(renavisio?.regle).toBe("participants-max-depasse");
        expect(renavisio?.texte).toContain("10");
      },
    },
    {
      titre: "élèves de 2D identifiés avec l'ENT ODE : Web-Conférence ODE recommandée",
      besoin: {
        organisateur: "enseignant",
        avec: ["eleves"],
        participants: 25,
        objet: "cours",
        niveau: "2D",
        ent: "ode",
        elevesIdentifies: true,
        reservationPossible: false,
        webConferenceEntEnCours: false,
      },
      verifier: (r) => {
        expect(r.recommandes).toContain("Web-Conférence ODE");
        expect(r.texte).toContain(
          "A ce jour, une seule session simultanée pour 50 participants par école ou collège",
        );
      },
    },
    {
      titre: "une audioconférence : le service OVHcloud recommandé",
      besoin: {
        organisateur: "personnel-administratif",
        avec: ["personnels-internes"],
        participants: 6,
        objet: "audioconference",
        niveau: "2D",
        ent: "aucun",
        elevesIdentifies: false,
        reservationPossible: false,
        webConferenceEntEnCours: false,
      },
      verifier: (r) => {
        expect(r.recommandes.some((n) => /ovh/i.test(n))).toBe(true);
      },
    },
  ];

  for (const { titre, besoin, verifier } of cas) {
    it(titre, async () => {
      const { page, journal } = await ouvrir(
        `<trousse-choisir-visio ${ATTRIBUTS_BESOIN(besoin)}></trousse-choisir-visio>`,
      );
      await page.waitForFunction(
        () =>
          !!document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelector("[part='resultats']"),
      );
      const r = await lireResultats(page);
      const attendu = recommanderVisio(besoin);
      expect(r.recommandes).toEqual(attendu.recommandations.map((x) => x.nom));
      expect(r.exclusions.map((e) => e.regle)).toEqual(attendu.exclusions.map((e) => e.regle));
      verifier(r);
      // No internal words.
      expect(r.texte).not.toMatch(/document 00\d|objet «/);
      // Every recommendation shows its reasons, access and GDPR facts, in French, and ends with a next step;
      // what Trousse deduces is labelled as such.
      for (const rec of attendu.recommandations) {
        expect(r.texte).toContain(rec.acces);
        expect(r.texte).toContain(rec.rgpd);
        expect(r.texte).toContain(`Prochaine étape ${rec.prochaineEtape.texte}`);
        for (const d of rec.deductions ?? [])
          expect(r.texte).toContain(`Déduit (les documents ne le disent pas) ${d}`);
        for (const raison of rec.raisons) {
          expect(r.texte).toContain(raison.texte);
          // Each reason's source section (the bundled catalogue keeps every cited source).
          expect(r.texte).toContain(raison.source.section);
        }
      }
      // A link opens each tool that has an address, in a new window, without opener.
      const liens = await page.evaluate(() =>
        [
          ...document
            .querySelector("trousse-choisir-visio")!
            .shadowRoot!.querySelectorAll<HTMLAnchorElement>("a[part='lien']"),
        ].map((a) => ({ href: a.getAttribute("href"), target: a.target, rel: a.rel })),
      );
      expect(liens).toEqual(
        attendu.recommandations
          .filter((x) => x.url)
          .map((x) => ({ href: x.url, target: "_blank", rel: "noopener noreferrer" })),
      );
      expect(journal.erreurs).toEqual([]);
      await page.close();
    });
  }
});

describe("les questions qui se posent", () => {
  it("réunion entre personnels : pas de question sur l'identification des élèves, la réservation en oui/non", async () => {
    const { page, journal } = await ouvrir(
      '<trousse-choisir-visio organisateur="personnel-administratif" avec="personnels-internes" participants="6" objet="reunion" niveau="2d" ent="aucun"></trousse-choisir-visio>',
    );
    const etat = await page.evaluate(() => {
      const r = document.querySelector("trousse-choisir-visio")!.shadowRoot!;
      return {
        progression: r.querySelector("[part='progression']")?.textContent?.trim(),
        champs: [...r.querySelectorAll("fieldset input")].map(
          (i) =>
            `${(i as HTMLInputElement).type}:${(i as HTMLInputElement).labels?.[0]?.textContent?.trim()}`,
        ),
      };
    });
    expect(etat).toEqual({
      progression: "Étape 1 sur 1",
      champs: [
        "radio:Oui",
        "radio:Non",
        "checkbox:Une autre web-conférence de l'ENT a déjà lieu dans l'école ou l'établissement",
      ],
    });
    // Answering « Oui » keeps RENAVISIO, shown with its « Soumis à réservation » limit and next step.
    await page.keyboard.press("Tab");
    expect(await texteFocalise(page)).toBe("radio:Oui");
    await page.keyboard.press("Space");
    await tabulerJusqua(page, "Voir les outils");
    await page.keyboard.press("Enter");
    const r = await lireResultats(page);
    expect(r.recommandes).toContain("RENAVISIO");
    expect(r.texte).toContain("Soumis à réservation");
    expect(r.texte).toContain(
      "Réservez à l'avance (« Soumis à réservation »), puis ouvrez https://renavisio.renater.fr/.",
    );
    expect(r.recommandes).not.toContain("Classe virtuelle du CNED");
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });
});

describe("présélection par attributs", () => {
  it('ent="ode" niveau="2d" role="enseignant" saute trois étapes ; role est repris en organisateur', async () => {
    const { page } = await ouvrir(
      '<trousse-choisir-visio ent="ode" niveau="2d" role="enseignant"></trousse-choisir-visio>',
    );
    const etat = await page.evaluate(() => {
      const el = document.querySelector("trousse-choisir-visio")!;
      const r = el.shadowRoot!;
      return {
        progression: r.querySelector("[part='progression']")?.textContent?.trim(),
        legende: r.querySelector("legend")?.textContent?.trim(),
        role: el.getAttribute("role"),
        organisateur: el.getAttribute("organisateur"),
      };
    });
    expect(etat).toEqual({
      progression: "Étape 1 sur 4",
      legende: "Avec qui ?",
      role: null,
      organisateur: "enseignant",
    });
    await page.close();
  });

  it("une valeur invalide ne casse rien : l'étape est posée et un avertissement explique pourquoi", async () => {
    const { page, journal } = await ouvrir('<trousse-choisir-visio niveau="3d"></trousse-choisir-visio>');
    const progression = await page.evaluate(
      () =>
        document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelector("[part='progression']")
          ?.textContent,
    );
    expect(progression).toBe("Étape 1 sur 7");
    expect(journal.console.join("\n")).toContain('attribut-invalide : Attribut niveau="3d" ignoré');
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });
});

describe("langue", () => {
  it('lang="en" : interface en anglais, faits des documents en français (lang="fr")', async () => {
    const { page } = await ouvrir(
      '<trousse-choisir-visio lang="en" organisateur="enseignant" avec="eleves" participants="25" objet="cours" niveau="2d" ent="ode" besoins="eleves-identifies"></trousse-choisir-visio>',
    );
    await page.waitForFunction(
      () =>
        !!document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelector("[part='resultats']"),
    );
    const etat = await page.evaluate(() => {
      const r = document.querySelector("trousse-choisir-visio")!.shadowRoot!;
      return {
        titre: r.querySelector("h2")?.textContent,
        resultats: r.querySelector("h3")?.textContent,
        bouton: r.querySelector("[part~='bouton']")?.textContent?.trim(),
        nomsEnFrancais: [...r.querySelectorAll(".recommandation h4 span")]
          .filter((s) => !s.classList.contains("rang"))
          .every((s) => s.getAttribute("lang") === "fr"),
        accesEnFrancais: [...r.querySelectorAll(".recommandation dd")].every(
          (d) => d.getAttribute("lang") === "fr",
        ),
      };
    });
    expect(etat).toEqual({
      titre: "Choose a video-conferencing tool",
      resultats: "Recommended tools",
      bouton: "Choose this tool",
      nomsEnFrancais: true,
      accesEnFrancais: true,
    });
    await page.close();
  });

  it("l'anglais s'applique aussi aux étapes du formulaire", async () => {
    const { page } = await ouvrir('<trousse-choisir-visio lang="en-GB"></trousse-choisir-visio>');
    const texte = await page.evaluate(() =>
      document.querySelector("trousse-choisir-visio")!.shadowRoot!.textContent!.replace(/\s+/g, " "),
    );
    expect(texte).toContain("Step 1 of 7");
    expect(texte).toContain("Who is organising?");
    expect(texte).toContain("A teacher");
    await page.close();
  });
});

describe("accessibilité (axe-core) et petits écrans", () => {
  it("aucune violation axe sur une étape, sur une erreur et sur les résultats dépliés", async () => {
    const { page } = await ouvrir("<trousse-choisir-visio></trousse-choisir-visio>");
    expect(await violationsAxe(page)).toEqual([]);
    // An error shown.
    await page.keyboard.press("Tab");
    await tabulerJusqua(page, "Suivant");
    await page.keyboard.press("Enter");
    expect((await lireResultats(page)).texte).toContain("Choisissez une réponse.");
    expect(await violationsAxe(page)).toEqual([]);
    await page.close();

    for (const theme of ["", 'theme="ode"', 'theme="sn62"']) {
      const { page: p } = await ouvrir(
        `<trousse-choisir-visio ${theme} organisateur="personnel-administratif" avec="personnels-internes" participants="12" objet="reunion" niveau="2d" ent="aucun" besoins="reservation-possible"></trousse-choisir-visio>`,
      );
      await p.waitForFunction(
        () =>
          !!document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelector("[part='resultats']"),
      );
      await p.evaluate(() => {
        for (const d of document
          .querySelector("trousse-choisir-visio")!
          .shadowRoot!.querySelectorAll("details"))
          d.open = true;
      });
      expect(await violationsAxe(p), theme || "thème neutre").toEqual([]);
      await p.close();
    }
  });

  it("utilisable à 320 px : aucun défilement horizontal, boutons d'au moins 44 px de haut", async () => {
    const { page } = await ouvrir(
      '<trousse-choisir-visio organisateur="enseignant" avec="eleves" participants="25" objet="cours" niveau="2d" ent="ode" besoins="eleves-identifies"></trousse-choisir-visio>',
      { largeur: 320, hauteur: 640 },
    );
    await page.waitForFunction(
      () =>
        !!document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelector("[part='resultats']"),
    );
    const mesures = await page.evaluate(() => {
      const r = document.querySelector("trousse-choisir-visio")!.shadowRoot!;
      return {
        largeurDefilement: document.documentElement.scrollWidth,
        hauteurs: [...r.querySelectorAll("button, a.lien")].map((b) => b.getBoundingClientRect().height),
      };
    });
    expect(mesures.largeurDefilement).toBeLessThanOrEqual(320);
    expect(mesures.hauteurs.length).toBeGreaterThan(0);
    for (const h of mesures.hauteurs) expect(h).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it("enregistre des captures sur ordinateur (1280 px) et sur téléphone (360 px)", async () => {
    for (const [appareil, largeur, hauteur] of [
      ["bureau", 1280, 900],
      ["telephone", 360, 740],
    ] as const) {
      const { page } = await ouvrir("<trousse-choisir-visio></trousse-choisir-visio>", { largeur, hauteur });
      const formulaire = join(DOSSIER_CAPTURES, `choisir-visio-${appareil}-formulaire.png`);
      await page.screenshot({ path: formulaire, fullPage: true });
      await page.close();
      const { page: p } = await ouvrir(
        '<trousse-choisir-visio theme="ode" organisateur="enseignant" avec="eleves" participants="25" objet="cours" niveau="2d" ent="ode" besoins="eleves-identifies"></trousse-choisir-visio>',
        { largeur, hauteur },
      );
      await p.waitForFunction(
        () =>
          !!document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelector("[part='resultats']"),
      );
      await p.screenshot({
        path: join(DOSSIER_CAPTURES, `choisir-visio-${appareil}-resultats.png`),
        fullPage: true,
      });
      await p.evaluate(() => {
        for (const d of document
          .querySelector("trousse-choisir-visio")!
          .shadowRoot!.querySelectorAll("details"))
          d.open = true;
      });
      await p.screenshot({
        path: join(DOSSIER_CAPTURES, `choisir-visio-${appareil}-deplie.png`),
        fullPage: true,
      });
      await p.close();
    }
    // The SN62 preset, in English, on a phone.
    const { page: sn62 } = await ouvrir(
      '<trousse-choisir-visio theme="sn62" lang="en" organisateur="personnel-administratif" avec="personnels-internes" participants="6" objet="audioconference" niveau="2d" ent="sn62" besoins=""></trousse-choisir-visio>',
      { largeur: 360, hauteur: 740 },
    );
    await sn62.waitForFunction(
      () =>
        !!document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelector("[part='resultats']"),
    );
    await sn62.screenshot({
      path: join(DOSSIER_CAPTURES, "choisir-visio-telephone-sn62-en.png"),
      fullPage: true,
    });
    await sn62.close();
  });
});

describe("règles, catalogue et résultats : un morceau téléchargé pendant le formulaire", () => {
  const UNE_ETAPE =
    '<trousse-choisir-visio organisateur="personnel-administratif" avec="personnels-internes" participants="6" objet="reunion" niveau="2d" ent="aucun"></trousse-choisir-visio>';
  const MORCEAU = /\/widgets\/chunks\/resultats-[\w-]+\.js$/;

  /** A page whose requests for the results chunk go to `gerer` (held, failed or let through). */
  async function ouvrirAvecMorceau(gerer: (route: Route) => Promise<void> | void) {
    const chemin = `/hote-${++compteur}.html`;
    serveur.page(chemin, pageHote(UNE_ETAPE));
    const page = await navigateur.newPage();
    const journal = journaliser(page);
    const demandes: string[] = [];
    page.on("request", (r) => {
      if (MORCEAU.test(new URL(r.url()).pathname)) demandes.push(r.url());
    });
    await page.route(MORCEAU, gerer);
    await page.goto(serveur.url + chemin);
    await page.waitForFunction(
      () => !!document.querySelector("trousse-choisir-visio")?.shadowRoot?.querySelector("form"),
    );
    return { page, journal, demandes };
  }
  /** Answers « Oui » to the reservation (the one step left), then submits the form. */
  const soumettre = (page: Page) =>
    page.evaluate(() => {
      const racine = document.querySelector("trousse-choisir-visio")!.shadowRoot!;
      racine.querySelector<HTMLInputElement>("input[name='reservationPossible']")!.click();
      racine.querySelector<HTMLFormElement>("form")!.requestSubmit();
    });
  const texte = async (page: Page) => (await lireResultats(page)).texte;

  it("le formulaire s'affiche sans le morceau, qui est demandé sans attendre l'utilisateur ; « Voir les outils » attend qu'il arrive", async () => {
    let liberer: () => void = () => undefined;
    const retenu = new Promise<void>((r) => (liberer = r));
    const { page, journal, demandes } = await ouvrirAvecMorceau(async (route) => {
      await retenu;
      await route.continue();
    });
    // The form rendered while the chunk is held; the chunk was asked for with no interaction (idle time).
    await expect.poll(() => demandes.length).toBe(1);
    expect(await texte(page)).toContain("Étape 1 sur 1");
    await soumettre(page);
    expect(await texte(page)).not.toContain("Outils recommandés");
    liberer();
    await page.waitForFunction(
      () => !!document.querySelector("trousse-choisir-visio")?.shadowRoot?.querySelector("#titre-resultats"),
    );
    expect((await lireResultats(page)).recommandes).toContain("RENAVISIO");
    expect(await texteFocalise(page)).toContain("Outils recommandés");
    expect(demandes).toHaveLength(1);
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });

  it("morceau injoignable : message en français sur l'étape, avertissement chargement-impossible, un nouvel essai réussit", async () => {
    let panne = true;
    const { page, journal, demandes } = await ouvrirAvecMorceau((route) =>
      panne ? route.abort("internetdisconnected") : route.continue(),
    );
    await expect.poll(() => demandes.length).toBeGreaterThanOrEqual(1);
    await soumettre(page);
    await page.waitForFunction(() =>
      document
        .querySelector("trousse-choisir-visio")
        ?.shadowRoot?.querySelector("[role='alert']")
        ?.textContent?.includes("Les résultats n'ont pas pu être chargés."),
    );
    expect(await texte(page)).not.toContain("Outils recommandés");
    expect(journal.console.some((m) => m.includes("chargement-impossible"))).toBe(true);
    panne = false;
    await soumettre(page);
    await page.waitForFunction(
      () => !!document.querySelector("trousse-choisir-visio")?.shadowRoot?.querySelector("#titre-resultats"),
    );
    expect((await lireResultats(page)).recommandes).toContain("RENAVISIO");
    expect(await texte(page)).not.toContain("Les résultats n'ont pas pu être chargés.");
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });
});
