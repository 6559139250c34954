// Issue 10 — <trousse-rendre-devoir> as pupils, teachers, parents and webmasters meet it: one Chromium test
// per defect, against the REAL API in demo mode (TROUSSE_BASE_URL on `localhost`, the pages opened at
// 127.0.0.1 too), and host pages of ANOTHER origin (a second local server). Screenshots at 360 and 1 280 px
// of every state go to the gitignored screenshots/ folder.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  capturer,
  connecter,
  creerDevoir,
  demarrerApiDemo,
  pdf,
  png,
  widgetDe,
  type ApiDemo,
} from "../../test/api-demo.js";
import { journaliser, lancerChromium, texteFocalise, violationsAxe } from "../../test/navigateur.js";

let navigateur: Browser;
let api: ApiDemo;
/** A host page server of another origin: path → HTML. */
let hote: { url: string; pages: Map<string, string>; serveur: Server };

beforeAll(async () => {
  [api, navigateur] = await Promise.all([
    demarrerApiDemo({ baseUrl: (port) => `http://localhost:${port}` }),
    lancerChromium(),
  ]);
  const pages = new Map<string, string>();
  const serveur = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? "/", "http://x").pathname);
    if (!html) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  hote = { url: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`, pages, serveur };
});
afterAll(async () => {
  await navigateur?.close();
  api?.arreter();
  hote?.serveur.close();
});

/** A host page of the other origin with the script-tag snippet, `style` in its head. */
function pageAutreOrigine(chemin: string, style = "", corps = ""): string {
  hote.pages.set(
    chemin,
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ENT d'une autre origine</title><style>${style}</style>
<script type="module" src="${api.base}/widgets/trousse.js"></script></head>
<body><main><h1>ENT d'une autre origine</h1><div class="ent">${corps || `<trousse-rendre-devoir api="${api.base}"></trousse-rendre-devoir>`}</div></main></body></html>`,
  );
  return hote.url + chemin;
}

async function ouvrir(url: string, largeur = 1280, options: { touch?: boolean } = {}) {
  const contexte = await navigateur.newContext({
    viewport: { width: largeur, height: 900 },
    acceptDownloads: true,
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const page = await contexte.newPage();
  const journal = journaliser(page);
  await page.goto(url);
  return { page, journal, fermer: () => contexte.close() };
}

// Long scenarios (several sign-ins, real uploads) on a 2-core machine shared with other test runs.
describe("<trousse-rendre-devoir> : les défauts de l'issue 10", { timeout: 180_000 }, () => {
  it("1. la fenêtre de connexion en démonstration : un seul bandeau, stylé sous sa CSP, des boutons larges sur téléphone, pas de 404 favicon", async () => {
    const { page, fermer } = await ouvrir(`${api.base}/demo/site-ecole`, 360);
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      widgetDe(page).getByRole("button", { name: "Se connecter avec l'ENT" }).click(),
    ]);
    await popup.setViewportSize({ width: 360, height: 740 });
    const violations: string[] = [];
    const pas404: string[] = [];
    popup.on("console", (m) => {
      if (/Content Security Policy|Refused to apply/i.test(m.text())) violations.push(m.text());
    });
    popup.on("response", (r) => {
      if (r.status() === 404) pas404.push(r.url());
    });
    await popup.getByRole("link", { name: "Comptes de démonstration" }).click();
    await popup.getByRole("heading", { name: "Connexion de démonstration" }).waitFor();
    expect(await popup.locator("[data-trousse-demo]").count()).toBe(1);
    const bandeau = popup.locator("[data-trousse-demo]");
    expect(await bandeau.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(255, 244, 214)");
    const bouton = popup.getByRole("button", { name: "Se connecter en tant que Léa Martin" });
    expect((await bouton.boundingBox())!.width).toBeGreaterThan(250);
    expect((await bandeau.boundingBox())!.width).toBeGreaterThanOrEqual(340);
    await popup.waitForTimeout(300);
    expect(violations).toEqual([]);
    expect(pas404).toEqual([]);
    await popup.screenshot({ path: "screenshots/rendre-devoir-connexion-demo-360.png", fullPage: true });
    await popup.setViewportSize({ width: 1280, height: 800 });
    await popup.screenshot({ path: "screenshots/rendre-devoir-connexion-demo-bureau.png", fullPage: true });
    expect(await violationsAxe(popup)).toEqual([]);
    await fermer();
  });

  it("2. le CSS hostile d'une page hôte ne passe pas : mêmes styles calculés que sur une page neutre", async () => {
    const hostile = `body, main, .ent { color: #c00 !important; font-family: "Comic Sans MS", cursive !important;
      font-size: 22px !important; line-height: 3 !important; letter-spacing: 3px !important; text-transform: uppercase !important;
      text-align: center !important; font-style: italic !important; }
      * { all: unset !important; }`;
    const styles = async (url: string) => {
      const { page, fermer } = await ouvrir(url, 1280);
      await widgetDe(page).getByRole("button", { name: "Se connecter avec l'ENT" }).waitFor();
      const r = await page.evaluate(() => {
        const el = document.querySelector("trousse-rendre-devoir")!;
        const noeuds = [el, ...el.shadowRoot!.querySelectorAll("section, h2, p, button")];
        const props = [
          "display",
          "max-width",
          "color",
          "font-family",
          "font-size",
          "line-height",
          "letter-spacing",
          "text-transform",
          "text-align",
          "font-style",
          "background-color",
        ];
        return noeuds.map((n) => {
          const s = getComputedStyle(n);
          return `${n.nodeName}: ${props.map((p) => `${p}=${s.getPropertyValue(p)}`).join("; ")}`;
        });
      });
      return { r, page, fermer };
    };
    const neutre = await styles(pageAutreOrigine("/neutre.html"));
    const agressif = await styles(pageAutreOrigine("/hostile.html", hostile));
    expect(agressif.r).toEqual(neutre.r);
    await capturer(agressif.page, "hote-hostile");
    await neutre.fermer();
    await agressif.fermer();
  });

  it("3. connexion depuis 127.0.0.1, localhost et une page d'une autre origine (démonstration)", async () => {
    for (const url of [
      `http://127.0.0.1:${api.port}/demo/site-ecole`,
      `http://localhost:${api.port}/demo/site-ecole`,
      pageAutreOrigine("/autre-origine.html"),
    ]) {
      const { page, journal, fermer } = await ouvrir(url, 360);
      await connecter(page, "Léa Martin");
      await widgetDe(page).getByRole("heading", { name: "Mes devoirs à rendre" }).waitFor();
      expect(await widgetDe(page).locator('[role="alert"]').innerText(), url).toBe("");
      expect(journal.erreurs, url).toEqual([]);
      await fermer();
    }
  });

  it("5. après la connexion, le focus est sur le titre de la nouvelle vue (élève, enseignant, parent)", async () => {
    for (const [nom, titre] of [
      ["Léa Martin", "Mes devoirs à rendre"],
      ["Claire Durand", "Mes devoirs donnés"],
      ["Sophie Martin", "Les devoirs de mes enfants"],
    ] as const) {
      const { page, fermer } = await ouvrir(`${api.base}/demo/site-ecole`);
      await connecter(page, nom);
      await expect.poll(() => texteFocalise(page), { timeout: 10_000 }).toBe(titre);
      await fermer();
    }
  });

  it("6, 7, 11, 13. l'élève : raison du bouton désactivé, nom refusé comme au serveur, liens sûrs, accusés de chaque version retrouvés et imprimés", async () => {
    const titre = `Exposé volcans ${Date.now()}`;
    await creerDevoir(api, {
      titre,
      consignes: "Lisez https://fr.vikidia.org/wiki/Volcan. Pas javascript:alert(1) ni <b>gras</b>.",
      declarationHonneur: "J'ai fait ce travail seul.",
    });
    const { page, journal, fermer } = await ouvrir(`${api.base}/demo/site-ecole`, 360);
    await page.evaluate(() => {
      (window as unknown as { impressions: number }).impressions = 0;
      window.print = () => void (window as unknown as { impressions: number }).impressions++;
    });
    await connecter(page, "Léa Martin");
    const w = widgetDe(page);
    await w.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await w.getByRole("heading", { name: titre }).waitFor();

    // 13. Links: only the https address, safely; the rest stays text.
    const liens = w.locator(".consignes a");
    expect(await liens.count()).toBe(1);
    expect(await liens.getAttribute("href")).toBe("https://fr.vikidia.org/wiki/Volcan");
    expect(await liens.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await liens.getAttribute("target")).toBe("_blank");
    expect(await w.locator(".consignes").innerText()).toContain("<b>gras</b>");

    // 6. The reason the button is disabled.
    const rendre = w.getByRole("button", { name: "Rendre le devoir" });
    expect(await rendre.isDisabled()).toBe(true);
    await expect
      .poll(() => w.locator("#raison-rendre").innerText())
      .toBe("Pour rendre le devoir : ajoutez au moins un fichier, cochez la déclaration sur l'honneur.");
    expect(await rendre.getAttribute("aria-describedby")).toBe("raison-rendre");
    expect(await violationsAxe(page)).toEqual([]);
    await capturer(page, "eleve-raison-desactive");

    // 11. A name the upload server refuses is refused here, with its message, and never sent.
    let envoisRefuses = 0;
    page.on("request", (r) => {
      if (r.url().includes("/v1/televersements") && r.method() === "POST") envoisRefuses++;
    });
    await w.locator('input[type="file"][multiple]').setInputFiles({
      name: 'devoir <1> "final".pdf',
      mimeType: "application/pdf",
      buffer: pdf(2_000),
    });
    await w.locator('li[data-etat="refuse"]').getByText("sont interdits").waitFor();
    expect(envoisRefuses).toBe(0);
    await capturer(page, "eleve-nom-refuse");

    // Version 1, then version 2.
    for (const version of [1, 2]) {
      await w.locator('input[type="file"][multiple]').setInputFiles({
        name: `exposé-v${version}.pdf`,
        mimeType: "application/pdf",
        buffer: pdf(5_000),
      });
      await w.getByText("envoyé", { exact: true }).waitFor({ timeout: 60_000 });
      await expect.poll(() => w.locator("#raison-rendre").innerText()).toContain("cochez la déclaration");
      await w.getByRole("checkbox").check();
      expect(await w.locator("#raison-rendre").count()).toBe(0);
      await w
        .getByRole("button", { name: version === 1 ? "Rendre le devoir" : "Rendre une nouvelle version" })
        .click();
      await w.getByRole("heading", { name: `Accusé de réception — Version ${version}` }).waitFor();
    }
    // 7. Leave, come back: both receipts are still there, to the second, with each file's sha256.
    await w.getByRole("button", { name: "← Retour à la liste" }).click();
    await w.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await w.getByRole("heading", { name: "Mes rendus" }).waitFor();
    await w.getByRole("button", { name: "Voir l'accusé de réception de la version 1" }).click();
    const accuse = w.locator(".accuse");
    await accuse.getByRole("heading", { name: "Accusé de réception — Version 1" }).waitFor();
    expect(await texteFocalise(page)).toBe("Accusé de réception — Version 1");
    const texte = await accuse.innerText();
    expect(texte).toContain("Léa Martin");
    expect(texte).toContain("exposé-v1.pdf");
    expect(texte).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(texte).toMatch(/[0-9a-f]{64}/);
    expect(await violationsAxe(page)).toEqual([]);
    await capturer(page, "eleve-accuse-retrouve");
    await accuse.getByRole("button", { name: "Imprimer l'accusé" }).click();
    expect(await page.evaluate(() => (window as unknown as { impressions: number }).impressions)).toBe(1);
    await page.emulateMedia({ media: "print" });
    expect(await accuse.isVisible()).toBe(true);
    expect(await w.locator(".depot").isVisible()).toBe(false);
    expect(await accuse.getByRole("button", { name: "Imprimer l'accusé" }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    await w.getByRole("button", { name: "Voir l'accusé de réception de la version 2" }).click();
    await accuse.getByRole("heading", { name: "Accusé de réception — Version 2" }).waitFor();
    expect(await accuse.innerText()).toContain("exposé-v2.pdf");
    expect(journal.erreurs).toEqual([]);
    await fermer();
  });

  it("8. pendant le chargement de la liste : « Chargement… » et aria-busy, jamais « Aucun devoir »", async () => {
    const { page, fermer } = await ouvrir(`${api.base}/demo/site-ecole`, 360);
    let relacher: () => void = () => undefined;
    const retenue = new Promise<void>((ok) => (relacher = ok));
    await page.route("**/v1/devoirs", async (route) => {
      await retenue;
      await route.continue();
    });
    const w = widgetDe(page);
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      w.getByRole("button", { name: "Se connecter avec l'ENT" }).click(),
    ]);
    await popup.getByRole("link", { name: "Comptes de démonstration" }).click();
    await popup.getByRole("button", { name: "Se connecter en tant que Léa Martin" }).click();
    const liste = w.locator('section[aria-labelledby="titre-liste"]');
    await liste.getByText("Chargement…").waitFor();
    expect(await liste.getAttribute("aria-busy")).toBe("true");
    expect(await w.getByText("Aucun devoir pour le moment.").count()).toBe(0);
    expect(await violationsAxe(page)).toEqual([]);
    await capturer(page, "eleve-chargement");
    relacher();
    await liste.locator(".devoirs").waitFor();
    expect(await liste.getAttribute("aria-busy")).toBe("false");
    await fermer();
  });

  it("9, 13. deux photos « image.png » : vignettes et noms distincts, pour l'élève puis l'enseignant ; « Déposez » absent sur écran tactile", async () => {
    const titre = `Photos de l'expérience ${Date.now()}`;
    await creerDevoir(api, { titre, familles: ["image"], nombreMax: 3 });
    const eleve = await ouvrir(`${api.base}/demo/site-ecole`, 360, { touch: true });
    await connecter(eleve.page, "Hugo Bernard");
    const w = widgetDe(eleve.page);
    await w.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await w.getByRole("heading", { name: titre }).waitFor();
    expect(await w.locator(".glisser").isVisible()).toBe(false);
    for (const couleur of [
      [200, 30, 30],
      [30, 30, 200],
    ] as [number, number, number][]) {
      await w.locator('input[type="file"][multiple]').setInputFiles({
        name: "image.png",
        mimeType: "image/png",
        buffer: png(couleur),
      });
    }
    await expect
      .poll(() => w.locator(".envois .nom").allInnerTexts())
      .toEqual(["image.png", "image (2).png"]);
    await expect.poll(() => w.locator(".envois img.apercu").count()).toBe(2);
    expect(await w.locator(".envois img.apercu").first().getAttribute("src")).toMatch(/^data:image\//);
    await expect.poll(() => w.getByText("envoyé", { exact: true }).count(), { timeout: 60_000 }).toBe(2);
    expect(await violationsAxe(eleve.page)).toEqual([]);
    await capturer(eleve.page, "eleve-vignettes");
    await w.getByRole("button", { name: "Rendre le devoir" }).click();
    await w.getByRole("heading", { name: /Accusé de réception/ }).waitFor();

    const prof = await ouvrir(`${api.base}/demo/site-ecole`);
    await connecter(prof.page, "Claire Durand");
    const wp = widgetDe(prof.page);
    await wp.getByRole("button", { name: `Suivi : ${titre}` }).click();
    const ligne = wp.locator("tr", { hasText: "Hugo Bernard" });
    await ligne.getByRole("button", { name: "Télécharger image (2).png" }).waitFor();
    await ligne.getByRole("button", { name: "Télécharger image.png" }).waitFor();
    await eleve.fermer();
    await prof.fermer();
  });

  it("4, 13. l'enseignant : confirmations visibles, rappel avec ses mots, retour avec fichier et zone vidée ; Enregistrer et Annuler de même hauteur", async () => {
    const titre = `Carte mentale ${Date.now()}`;
    await creerDevoir(api, { titre });
    // Inès hands in through the API-less path: the widget.
    const eleve = await ouvrir(`${api.base}/demo/site-ecole`, 360);
    await connecter(eleve.page, "Inès Dubois");
    const we = widgetDe(eleve.page);
    await we.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await we.locator('input[type="file"][multiple]').setInputFiles({
      name: "carte.pdf",
      mimeType: "application/pdf",
      buffer: pdf(3_000),
    });
    await we.getByText("envoyé", { exact: true }).waitFor({ timeout: 60_000 });
    await we.getByRole("button", { name: "Rendre le devoir" }).click();
    await we.getByRole("heading", { name: /Accusé de réception/ }).waitFor();

    const prof = await ouvrir(`${api.base}/demo/site-ecole`);
    await connecter(prof.page, "Claire Durand");
    const w = widgetDe(prof.page);
    await w.getByRole("button", { name: "Nouveau devoir" }).click();
    const enregistrer = await w.getByRole("button", { name: "Enregistrer" }).boundingBox();
    const annuler = await w.getByRole("button", { name: "Annuler" }).boundingBox();
    expect(enregistrer!.height).toBe(annuler!.height);
    await w.getByRole("button", { name: "Annuler" }).click();

    await w.getByRole("button", { name: `Suivi : ${titre}` }).click();
    await w.getByLabel("Message du rappel (facultatif)").fill("N'oubliez pas la légende de votre carte !");
    await w.getByRole("button", { name: "Envoyer un rappel aux élèves qui n'ont pas rendu" }).click();
    const confirmation = w.locator(".confirmation");
    await expect.poll(() => confirmation.innerText()).toMatch(/^Rappel envoyé à \d+ élèves?\.$/);
    expect(await confirmation.isVisible()).toBe(true);
    expect((await confirmation.boundingBox())!.height).toBeGreaterThan(10);
    expect(await w.getByLabel("Message du rappel (facultatif)").inputValue()).toBe("");
    await capturer(prof.page, "enseignant-rappel-envoye");

    const ligne = w.locator("tr", { hasText: "Inès Dubois" });
    await ligne.getByLabel("Retour à Inès Dubois").fill("Bonne carte, voir le corrigé joint.");
    await ligne.getByLabel("Joindre un fichier au retour (facultatif)").setInputFiles({
      name: "corrigé-ines.pdf",
      mimeType: "application/pdf",
      buffer: pdf(4_000),
    });
    await ligne.getByRole("button", { name: "Envoyer le retour" }).click();
    await expect
      .poll(() => confirmation.innerText(), { timeout: 30_000 })
      .toBe("Retour envoyé à Inès Dubois.");
    await w.locator("tr", { hasText: "Inès Dubois" }).getByText("retour envoyé").waitFor();
    expect(await w.getByLabel("Retour à Inès Dubois").inputValue()).toBe("");
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-retour-envoye");

    // The pupil sees the reminder's own words, and the feedback with its file.
    const autre = await ouvrir(`${api.base}/demo/site-ecole`, 360);
    await connecter(autre.page, "Hugo Bernard");
    await widgetDe(autre.page).getByText("N'oubliez pas la légende de votre carte !").waitFor();
    await eleve.page.reload();
    await connecter(eleve.page, "Inès Dubois");
    await we.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await we.getByText("Bonne carte, voir le corrigé joint.").waitFor();
    await we.getByRole("button", { name: "Télécharger corrigé-ines.pdf" }).waitFor();
    await capturer(eleve.page, "eleve-retour-avec-fichier");
    await Promise.all([eleve.fermer(), prof.fermer(), autre.fermer()]);
  });

  it("10. un widget script et un widget iframe sur une même page : deux connexions qui aboutissent", async () => {
    const url = pageAutreOrigine(
      "/deux-widgets.html",
      "",
      `<trousse-rendre-devoir api="${api.base}"></trousse-rendre-devoir>
       <iframe data-trousse src="${api.base}/embed/rendre-devoir" title="Rendre un devoir (iframe)" width="100%" height="600"></iframe>`,
    );
    const { page, journal, fermer } = await ouvrir(url);
    const cadre = (await (await page.locator("iframe").elementHandle())!.contentFrame()) as Frame;
    await widgetDe(cadre).getByRole("button", { name: "Se connecter avec l'ENT" }).waitFor();
    // The script widget's popup opens and waits; then the iframe widget's: a window of its own.
    const [popupScript] = await Promise.all([
      page.waitForEvent("popup"),
      widgetDe(page).getByRole("button", { name: "Se connecter avec l'ENT" }).click(),
    ]);
    await popupScript.getByRole("link", { name: "Comptes de démonstration" }).waitFor();
    const [popupCadre] = await Promise.all([
      page.context().waitForEvent("page"),
      widgetDe(cadre).getByRole("button", { name: "Se connecter avec l'ENT" }).click(),
    ]);
    expect(popupCadre).not.toBe(popupScript);
    for (const [popup, nom] of [
      [popupCadre, "Claire Durand"],
      [popupScript, "Léa Martin"],
    ] as [Page, string][]) {
      await popup.getByRole("link", { name: "Comptes de démonstration" }).click();
      await popup.getByRole("button", { name: `Se connecter en tant que ${nom}` }).click();
    }
    await widgetDe(cadre).locator(".qui", { hasText: "Claire Durand" }).waitFor();
    await widgetDe(page).locator(".qui", { hasText: "Léa Martin" }).waitFor();
    await capturer(page, "deux-widgets");
    expect(journal.erreurs).toEqual([]);
    await fermer();
  });

  it("l'extrait script de /integrer, collé dans une page d'une autre origine, rend le widget avant DOMContentLoaded, chaque fichier demandé une fois", async () => {
    const configurateur = await ouvrir(`${api.base}/integrer`);
    await configurateur.page.getByLabel("Widget", { exact: true }).selectOption("rendre-devoir");
    await expect
      .poll(() => configurateur.page.locator("#extrait-script").inputValue())
      .toContain("<trousse-rendre-devoir");
    const extrait = await configurateur.page.locator("#extrait-script").inputValue();
    await configurateur.fermer();
    hote.pages.set(
      "/extrait-integrer.html",
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>ENT</title></head>
<body><main><h1>ENT d'une autre origine</h1>${extrait}<p>Suite de la page</p></main></body></html>`,
    );
    const contexte = await navigateur.newContext({ viewport: { width: 360, height: 740 } });
    const page = await contexte.newPage();
    const journal = journaliser(page);
    const requetes: string[] = [];
    page.on("request", (r) => requetes.push(new URL(r.url()).pathname));
    // At DOMContentLoaded (after the page's deferred scripts): is the element defined and rendered?
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        const el = document.querySelector("trousse-rendre-devoir");
        (window as unknown as { __aDcl: object }).__aDcl = {
          defini: customElements.get("trousse-rendre-devoir") !== undefined,
          bouton: el?.shadowRoot?.querySelector("button")?.textContent?.trim() ?? null,
        };
      });
    });
    await page.goto(`${hote.url}/extrait-integrer.html`);
    await widgetDe(page).getByRole("button", { name: "Se connecter avec l'ENT" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __aDcl: object }).__aDcl)).toEqual({
      defini: true,
      bouton: "Se connecter avec l'ENT",
    });
    const widgets = requetes.filter((c) => c.startsWith("/widgets/"));
    expect(widgets.length).toBeGreaterThan(0);
    expect(new Set(widgets).size).toBe(widgets.length);
    expect(journal.erreurs).toEqual([]);
    await contexte.close();
  });

  it("13. parent : titre de consultation ; page d'accueil et OpenAPI parlent des devoirs ; configurateur : ENT configurés", async () => {
    const { page, fermer } = await ouvrir(`${api.base}/demo/site-ecole`, 360);
    await connecter(page, "Sophie Martin");
    const w = widgetDe(page);
    await w.getByRole("heading", { name: "Les devoirs de mes enfants" }).waitFor();
    expect(await w.locator("h2").innerText()).toBe("Suivi des devoirs");
    await capturer(page, "parent-titre");
    await page.goto(`${api.base}/`);
    const accueil = await page.locator("main").innerText();
    expect(accueil).not.toContain("bientôt");
    expect(accueil).toContain("remise des devoirs");
    const doc = (await (await fetch(`${api.base}/v1/openapi.json`)).json()) as {
      info: { description: string };
    };
    expect(doc.info.description).toMatch(/devoirs/);
    await page.goto(`${api.base}/integrer`);
    await page.getByLabel("Widget", { exact: true }).selectOption("rendre-devoir");
    const ent = page.getByLabel("ENT de connexion");
    expect(await ent.evaluate((e) => e.tagName)).toBe("SELECT");
    expect(await ent.locator("option").allInnerTexts()).toContain("Démonstration (demo)");
    await ent.selectOption("demo");
    await expect.poll(() => page.locator("#extrait-script").inputValue()).toContain('ent-connexion="demo"');
    const extrait = await page.locator("#extrait-script").inputValue();
    expect(extrait).toMatch(/<link rel="modulepreload" href="[^"]+rendre-devoir\.js" integrity="sha384-/);
    await page.getByLabel("Widget", { exact: true }).selectOption("choisir-visio");
    const typeEnt = page.getByLabel("Type d'ENT de l'établissement");
    expect(await typeEnt.locator("option").allInnerTexts()).toContain("ODE (Open Digital Education)");
    // The host page's origin is checked: not configured → the webmaster is warned (demo: works anyway).
    await page.getByLabel(/^Adresse de la page/).fill("https://ent.autre.example/page");
    await expect
      .poll(() => page.locator("#avis-origine").innerText())
      .toContain("n'est dans les originesAutorisees");
    await page.getByLabel(/^Adresse de la page/).fill(`${api.base.replace("127.0.0.1", "localhost")}/x`);
    await expect.poll(() => page.locator("#avis-origine").innerText()).toContain("est configurée");
    expect(await violationsAxe(page)).toEqual([]);
    await capturer(page, "integrer");
    await fermer();
  });
});
