// Embedding by script tag, in Debian's Chromium: strict CSP, loading twice, classic build, one global,
// lazy loading, and an untrusted catalogue from an `api` that must show as text and run nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogue } from "@trousse/catalogue";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CSP_STRICTE,
  DOSSIER_CDN,
  demarrerServeur,
  ecouterViolationsCsp,
  journaliser,
  lancerChromium,
  pageHote,
  type ServeurTest,
} from "../test/navigateur.js";

let navigateur: Browser;
let serveur: ServeurTest;
const manifeste = JSON.parse(readFileSync(join(DOSSIER_CDN, "manifest.json"), "utf8")) as {
  version: string;
  fichiers: Record<string, { integrite: string }>;
};

beforeAll(async () => {
  [navigateur, serveur] = await Promise.all([lancerChromium(), demarrerServeur()]);
});
afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

const PRESELECTION =
  'organisateur="personnel-administratif" avec="personnels-internes" participants="5" objet="reunion" niveau="2d" ent="aucun" besoins="reservation-possible"';

const attendreResultats = (page: Page) =>
  page.waitForFunction(
    () => !!document.querySelector("trousse-choisir-visio")?.shadowRoot?.querySelector("[part='resultats']"),
  );

/** Own property names of window that the page's scripts added (compared with a blank page). */
async function globalesAjoutees(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const avant = new Set((window as unknown as { __globalesAvant: string[] }).__globalesAvant);
    return Object.getOwnPropertyNames(window).filter(
      (n) => !avant.has(n) && n !== "__globalesAvant" && n !== "__violationsCsp",
    );
  });
}
async function noterGlobales(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __globalesAvant: string[] }).__globalesAvant = Object.getOwnPropertyNames(window);
  });
}

describe("balise script", () => {
  it("fonctionne sous une CSP stricte (default-src 'self', ni unsafe-inline ni unsafe-eval), sans violation", async () => {
    serveur.page(
      "/csp.html",
      pageHote(`<trousse-choisir-visio ${PRESELECTION}></trousse-choisir-visio>`, {
        titre: "Page hôte sous CSP stricte",
      }),
      { "content-security-policy": CSP_STRICTE },
    );
    const page = await navigateur.newPage();
    const journal = journaliser(page);
    await ecouterViolationsCsp(page);
    const reponse = await page.goto(`${serveur.url}/csp.html`);
    expect(reponse?.headers()["content-security-policy"]).toBe(CSP_STRICTE);
    await attendreResultats(page);
    const etat = await page.evaluate(() => {
      const el = document.querySelector("trousse-choisir-visio")!;
      const bouton = el.shadowRoot!.querySelector("button")!;
      return {
        violations: (window as unknown as { __violationsCsp: string[] }).__violationsCsp,
        // Styles really applied (constructable stylesheets are allowed by style-src 'self').
        fondBouton: getComputedStyle(bouton).borderTopColor,
        feuilles: el.shadowRoot!.adoptedStyleSheets.length,
        stylesInline: el.shadowRoot!.querySelectorAll("style, [style]").length,
      };
    });
    expect(etat.violations).toEqual([]);
    expect(etat.fondBouton).toBe("rgb(0, 0, 145)");
    expect(etat.feuilles).toBeGreaterThan(0);
    expect(etat.stylesInline).toBe(0);
    expect(journal.erreurs).toEqual([]);
    expect(journal.console.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
    await page.close();
  });

  it("charger le script deux fois (module, copie versionnée, classique) est sans effet : une définition, aucune erreur", async () => {
    const v = `v${manifeste.version}`;
    serveur.page(
      "/deux-fois.html",
      pageHote(`<trousse-choisir-visio ${PRESELECTION}></trousse-choisir-visio>`, {
        scripts: [
          '<script type="module" src="/widgets/trousse.js"></script>',
          '<script type="module" src="/widgets/trousse.js"></script>',
          `<script type="module" src="/widgets/${v}/trousse.js"></script>`,
          '<script src="/widgets/trousse.classic.js"></script>',
        ],
      }),
    );
    const page = await navigateur.newPage();
    const journal = journaliser(page);
    await page.goto(`${serveur.url}/deux-fois.html`);
    await attendreResultats(page);
    // Let every loader finish its imports.
    await page.waitForLoadState("networkidle");
    const etat = await page.evaluate(() => {
      const t = (
        window as unknown as {
          Trousse: { versions: string[]; elements: Record<string, { tentatives: number }> };
        }
      ).Trousse;
      return {
        elements: document.querySelectorAll("trousse-choisir-visio").length,
        rendus: document
          .querySelector("trousse-choisir-visio")!
          .shadowRoot!.querySelectorAll("[part='resultats']").length,
        tentatives: t.elements["trousse-choisir-visio"]?.tentatives ?? 0,
        versions: t.versions,
      };
    });
    expect(journal.erreurs).toEqual([]);
    expect(journal.console.filter((m) => m.startsWith("error"))).toEqual([]);
    expect(etat.elements).toBe(1);
    expect(etat.rendus).toBe(1);
    expect(etat.tentatives).toBeGreaterThanOrEqual(1);
    expect(etat.versions).toEqual([manifeste.version]);
    // A second copy of the widget module (another URL, so evaluated again) arriving once the element is
    // defined: no error, the definition is kept, the attempt is counted.
    await page.evaluate(() => {
      (window as unknown as { __definition: unknown }).__definition =
        customElements.get("trousse-choisir-visio");
    });
    // A string, so that nothing rewrites this dynamic import: it runs in the page as written.
    await page.evaluate(`import(${JSON.stringify(`${serveur.url}/widgets/${v}/choisir-visio.js?copie`)})`);
    const apres = await page.evaluate(() => {
      const t = (window as unknown as { Trousse: { elements: Record<string, { tentatives: number }> } })
        .Trousse;
      return {
        memeDefinition:
          customElements.get("trousse-choisir-visio") ===
          (window as unknown as { __definition: unknown }).__definition,
        tentatives: t.elements["trousse-choisir-visio"]!.tentatives,
      };
    });
    expect(apres).toEqual({ memeDefinition: true, tentatives: etat.tentatives + 1 });
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });

  it("le chargeur classique (non-module) seul fonctionne, avec l'intégrité SRI du manifeste", async () => {
    const integrite = manifeste.fichiers["trousse.classic.js"]!.integrite;
    serveur.page(
      "/classique.html",
      pageHote(`<trousse-choisir-visio ${PRESELECTION}></trousse-choisir-visio>`, {
        scripts: [
          `<script src="/widgets/trousse.classic.js" integrity="${integrite}" crossorigin="anonymous"></script>`,
        ],
      }),
      { "content-security-policy": CSP_STRICTE },
    );
    const page = await navigateur.newPage();
    const journal = journaliser(page);
    await page.goto(`${serveur.url}/classique.html`);
    await attendreResultats(page);
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });

  it("une seule globale (window.Trousse), aucun style ajouté à la page hôte, widget absent = rien téléchargé", async () => {
    serveur.page(
      "/sans-widget.html",
      pageHote("<p>Pas de widget ici.</p>", {
        scripts: ['<script type="module" src="/widgets/trousse.js"></script>'],
      }),
    );
    serveur.page(
      "/avec-widget.html",
      pageHote(
        `<p class="hote">Texte de l'hôte</p><trousse-choisir-visio ${PRESELECTION}></trousse-choisir-visio>`,
      ),
    );

    const vide = await navigateur.newPage();
    const requetes: string[] = [];
    vide.on("request", (r) => {
      const chemin = new URL(r.url()).pathname;
      if (chemin !== "/favicon.ico") requetes.push(chemin);
    });
    await noterGlobales(vide);
    await vide.goto(`${serveur.url}/sans-widget.html`);
    await vide.waitForLoadState("networkidle");
    expect(requetes).toEqual(["/sans-widget.html", "/widgets/trousse.js"]);
    expect(await globalesAjoutees(vide)).toEqual(["Trousse"]);
    // An element added later is picked up and loaded.
    await vide.evaluate((attrs) => {
      const div = document.createElement("div");
      div.innerHTML = `<trousse-choisir-visio ${attrs}></trousse-choisir-visio>`;
      document.body.append(div);
    }, PRESELECTION);
    await attendreResultats(vide);
    expect(requetes).toContain("/widgets/choisir-visio.js");
    await vide.close();

    const page = await navigateur.newPage();
    await noterGlobales(page);
    await page.goto(`${serveur.url}/avec-widget.html`);
    await attendreResultats(page);
    const etat = await page.evaluate(() => ({
      feuillesDocument: document.styleSheets.length + document.adoptedStyleSheets.length,
      stylesDansHead: document.head.querySelectorAll("style, link[rel='stylesheet']").length,
      policeHote: getComputedStyle(document.querySelector(".hote")!).fontFamily,
    }));
    expect(await globalesAjoutees(page)).toEqual(["Trousse"]);
    expect(etat.feuillesDocument).toBe(0);
    expect(etat.stylesDansHead).toBe(0);
    await page.close();
  });

  it("avec le chargeur seul, le premier rendu de chaque widget ne demande que le chargeur et le fichier du widget (pas de cascade de morceaux)", async () => {
    for (const [element, fichier] of [
      ["trousse-choisir-visio", "/widgets/choisir-visio.js"],
      ["trousse-rendre-devoir", "/widgets/rendre-devoir.js"],
    ] as const) {
      serveur.page(`/un-fichier-${element}.html`, pageHote(`<${element}></${element}>`));
      const page = await navigateur.newPage();
      await page.goto(`${serveur.url}/un-fichier-${element}.html`);
      const marque = `${element}:premier-rendu`;
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marque);
      // What was requested before the element marked its first render (performance.mark in firstUpdated).
      const avantRendu = await page.evaluate((m) => {
        const rendu = performance.getEntriesByName(m)[0]!.startTime;
        return performance
          .getEntriesByType("resource")
          .filter((e) => e.startTime < rendu)
          .map((e) => new URL(e.name).pathname)
          .filter((chemin) => chemin.startsWith("/widgets/"));
      }, marque);
      expect(avantRendu).toEqual(["/widgets/trousse.js", fichier]);
      await page.close();
    }
  });

  it("window.Trousse.charger() charge un widget que le chargeur ne voit pas (dans le Shadow DOM de l'hôte)", async () => {
    serveur.page("/ombre.html", pageHote('<div id="hote-ombre"></div>'));
    const page = await navigateur.newPage();
    const journal = journaliser(page);
    await page.goto(`${serveur.url}/ombre.html`);
    await page.waitForLoadState("networkidle");
    const rendu = await page.evaluate(async (attrs) => {
      const racine = document.querySelector("#hote-ombre")!.attachShadow({ mode: "open" });
      racine.innerHTML = `<trousse-choisir-visio ${attrs}></trousse-choisir-visio>`;
      const avant = customElements.get("trousse-choisir-visio") !== undefined;
      const t = (window as unknown as { Trousse: { charger: (nom: string) => Promise<boolean> } }).Trousse;
      const charge = await t.charger("trousse-choisir-visio");
      const el = racine.querySelector("trousse-choisir-visio")!;
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      let inconnu = "";
      await t.charger("trousse-inconnu").catch((e: Error) => (inconnu = e.message));
      return { avant, charge, resultats: !!el.shadowRoot?.querySelector("[part='resultats']"), inconnu };
    }, PRESELECTION);
    expect(rendu).toEqual({
      avant: false,
      charge: true,
      resultats: true,
      inconnu: "Élément inconnu : « trousse-inconnu ».",
    });
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });
});

describe("catalogue d'une API non fiable", () => {
  it("le HTML et les scripts du catalogue s'affichent comme du texte et ne s'exécutent pas ; javascript: n'est jamais un lien", async () => {
    const piege = '<img src=x onerror="window.__xss=1">';
    const scriptPiege = "<script>window.__xss=2</script>";
    const outils = catalogue.outils.map((o) => ({
      ...o,
      nom: `${o.nom} ${piege}`,
      url: "javascript:window.__xss=3",
      fiches: o.fiches.map((f) => ({
        ...f,
        limites: [...f.limites, scriptPiege],
        ...(f.acces ? { acces: { ...f.acces, texte: `${f.acces.texte} <b>gras</b>` } } : {}),
      })),
    }));
    let etagsRecus: (string | undefined)[] = [];
    serveur.route("/api-piege/v1/outils", (req, res) => {
      etagsRecus = [...etagsRecus, req.headers["if-none-match"]];
      res
        .writeHead(200, { "content-type": "application/json", etag: '"piege"' })
        .end(JSON.stringify({ ...catalogue, outils }));
    });
    serveur.page(
      "/piege.html",
      pageHote(`<trousse-choisir-visio api="/api-piege" ${PRESELECTION}></trousse-choisir-visio>`),
      {
        "content-security-policy": CSP_STRICTE,
      },
    );
    const page = await navigateur.newPage();
    const journal = journaliser(page);
    await ecouterViolationsCsp(page);
    await page.goto(`${serveur.url}/piege.html`);
    await page.waitForFunction(() =>
      (document.querySelector("trousse-choisir-visio")?.shadowRoot?.textContent ?? "").includes("<img src=x"),
    );
    const etat = await page.evaluate(() => {
      const r = document.querySelector("trousse-choisir-visio")!.shadowRoot!;
      return {
        texte: r.textContent ?? "",
        balisesInjectees: r.querySelectorAll("img, script, b").length,
        liensJavascript: [...r.querySelectorAll("a")].filter((a) =>
          a.href.toLowerCase().startsWith("javascript:"),
        ).length,
        recommandes: r.querySelectorAll(".recommandation").length,
        xss: (window as unknown as { __xss?: number }).__xss,
        violations: (window as unknown as { __violationsCsp: string[] }).__violationsCsp,
      };
    });
    expect(etagsRecus).toEqual([undefined]);
    expect(etat.recommandes).toBeGreaterThan(0);
    expect(etat.texte).toContain(piege);
    expect(etat.balisesInjectees).toBe(0);
    expect(etat.liensJavascript).toBe(0);
    // Clicking every button (and so "Choisir cet outil") runs nothing either.
    await page.evaluate(() => {
      for (const b of document
        .querySelector("trousse-choisir-visio")!
        .shadowRoot!.querySelectorAll<HTMLButtonElement>(".recommandation button"))
        b.click();
    });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(etat.xss).toBeUndefined();
    expect(etat.violations).toEqual([]);
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });

  it("une API en panne : repli silencieux sur le catalogue embarqué", async () => {
    serveur.route("/api-panne/v1/outils", (_req, res) => res.writeHead(503).end("indisponible"));
    serveur.page(
      "/panne.html",
      pageHote(`<trousse-choisir-visio api="/api-panne" ${PRESELECTION}></trousse-choisir-visio>`),
    );
    const page = await navigateur.newPage();
    const journal = journaliser(page);
    await page.goto(`${serveur.url}/panne.html`);
    await attendreResultats(page);
    await page.waitForLoadState("networkidle");
    const noms = await page.evaluate(() =>
      [
        ...document
          .querySelector("trousse-choisir-visio")!
          .shadowRoot!.querySelectorAll(".recommandation h4 span[lang='fr']"),
      ].map((s) => s.textContent),
    );
    expect(noms.length).toBeGreaterThan(0);
    expect(serveur.appels.get("/api-panne/v1/outils")).toBe(1);
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });
});
