// <trousse-rendre-devoir> end to end in Debian's Chromium against the REAL API server in demo mode
// (apps/api/dist/server.js, PGlite in a temp folder, random port), through the demo host pages it serves.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { instantVersHeureParis } from "@trousse/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarrerApiDemo, type ApiDemo } from "../../test/api-demo.js";
import { DOSSIER_CAPTURES, journaliser, lancerChromium, violationsAxe } from "../../test/navigateur.js";

const TITRE = "Exposé <img src=x onerror=alert(1)>";
let navigateur: Browser;
let api: ApiDemo;
let base = "";

beforeAll(async () => {
  mkdirSync(DOSSIER_CAPTURES, { recursive: true });
  [api, navigateur] = await Promise.all([demarrerApiDemo(), lancerChromium()]);
  base = api.base;
});
afterAll(async () => {
  await navigateur?.close();
  api?.arreter();
});

async function ouvrir(chemin: string, largeur = 1280) {
  const page = await navigateur.newPage({ viewport: { width: largeur, height: 900 }, acceptDownloads: true });
  const journal = journaliser(page);
  const dialogues: string[] = [];
  page.on("dialog", (d) => {
    dialogues.push(d.message());
    void d.dismiss();
  });
  await page.goto(base + chemin);
  return { page, journal, dialogues };
}

const widget = (page: Page) => page.locator("trousse-rendre-devoir");

/** Signs in through the real popup: ENT choice → demo accounts → the account's button. */
async function connecter(page: Page, nom: string): Promise<void> {
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    widget(page).getByRole("button", { name: "Se connecter avec l'ENT" }).click(),
  ]);
  await popup.getByRole("link", { name: "Comptes de démonstration" }).click();
  await popup.getByRole("button", { name: `Se connecter en tant que ${nom}` }).click();
  await widget(page)
    .locator(".qui", { hasText: `Connecté : ${nom}` })
    .waitFor();
}

/** Saves the view on desktop (1280 px) and on a phone (360 px), then restores the page's width. */
async function capturer(page: Page, nom: string): Promise<void> {
  const taille = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const largeur of [1280, 360]) {
    await page.setViewportSize({ width: largeur, height: 900 });
    await page.screenshot({
      path: join(DOSSIER_CAPTURES, `rendre-devoir-${nom}-${largeur === 360 ? "360" : "bureau"}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(taille);
}

/** A real PDF-looking file (the rules recognise it by its first bytes). */
function pdf(octets: number): Buffer {
  const b = Buffer.alloc(octets, 0x20);
  b.write("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", 0, "latin1");
  b.write("\n%%EOF\n", octets - 7, "latin1");
  return b;
}

// The first scenario (four people, a 6 MB upload cut and resumed) runs ~50 s alone, ~110 s on a loaded machine.
describe("<trousse-rendre-devoir> de bout en bout (vraie API en démonstration)", { timeout: 180_000 }, () => {
  it("l'enseignant crée un devoir ; l'élève (360 px) rend après une coupure ; l'enseignant le voit et télécharge ; le parent consulte", async () => {
    // 1. Teacher, desktop, school website (script tag).
    const prof = await ouvrir("/demo/site-ecole");
    await capturer(prof.page, "connexion");
    await connecter(prof.page, "Claire Durand");
    const w = widget(prof.page);
    await w.getByRole("button", { name: "Nouveau devoir" }).click();
    await w.getByLabel("Classe ou groupe").selectOption({ label: "3eA" });
    await w.getByLabel("Titre").fill(TITRE);
    await w.getByLabel("Consignes").fill("Présentez votre exposé en PDF.\nUne page au plus.");
    await w.getByLabel("Déclaration sur l'honneur (facultative)").fill("J'ai fait ce travail seul.");
    // Due in 3 hours (Paris wall-clock time, as the form takes it): the pupil sees a countdown.
    await w.getByLabel(/^Échéance/).fill(instantVersHeureParis(new Date(Date.now() + 3 * 3_600_000)));
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-formulaire");
    await w.getByRole("button", { name: "Enregistrer" }).click();
    await w.locator(".titre-devoir", { hasText: TITRE }).waitFor();
    expect(await w.locator("img").count()).toBe(0);
    expect(prof.dialogues).toEqual([]);
    // The subject file, uploaded by tus then attached.
    await w.getByRole("button", { name: `Suivi : ${TITRE}` }).click();
    await w.getByLabel("Ajouter des fichiers au sujet").setInputFiles({
      name: "sujet.pdf",
      mimeType: "application/pdf",
      buffer: pdf(20_000),
    });
    await w.getByRole("button", { name: "Télécharger sujet.pdf" }).waitFor();
    await w.getByRole("button", { name: "← Retour à la liste" }).click();

    // 2. Pupil on a 360 px phone; the first upload request is cut: tus resumes by itself.
    const eleve = await ouvrir("/demo/site-ecole", 360);
    await connecter(eleve.page, "Léa Martin");
    const we = widget(eleve.page);
    await expect
      .poll(() => we.locator("li", { hasText: TITRE }).locator(".urgent").innerText())
      .toMatch(/^Il reste 2\u00a0heures \d+\u00a0minutes?$|^Il reste 3\u00a0heures$/);
    await capturer(eleve.page, "eleve-liste");
    await we.getByRole("button", { name: `Ouvrir : ${TITRE}` }).click();
    await we.getByRole("heading", { name: TITRE }).waitFor();
    const [sujet] = await Promise.all([
      eleve.page.waitForEvent("download"),
      we.getByRole("button", { name: "Télécharger sujet.pdf" }).click(),
    ]);
    expect(
      readFileSync(await sujet.path())
        .subarray(0, 8)
        .toString("latin1"),
    ).toBe("%PDF-1.7");
    const requetes: string[] = [];
    let coupee = false;
    await eleve.page.route("**/v1/televersements/**", async (route) => {
      requetes.push(route.request().method());
      if (route.request().method() === "PATCH" && !coupee) {
        coupee = true;
        return route.abort("connectionreset");
      }
      return route.continue();
    });
    await we.locator('input[type="file"][multiple]').setInputFiles({
      name: "exposé.pdf",
      mimeType: "application/pdf",
      buffer: pdf(6 * 1024 * 1024),
    });
    await we.getByText("envoyé", { exact: true }).waitFor({ timeout: 60_000 });
    expect(coupee).toBe(true);
    expect(requetes).toContain("HEAD");
    expect(requetes.filter((m) => m === "PATCH").length).toBeGreaterThanOrEqual(2);
    expect(await violationsAxe(eleve.page)).toEqual([]);
    await capturer(eleve.page, "eleve-envoi");
    await we.getByRole("checkbox").check();
    await we.getByRole("button", { name: "Rendre le devoir" }).click();
    await we.getByRole("heading", { name: "Accusé de réception" }).waitFor();
    const accuse = await we.locator(".accuse").innerText();
    expect(accuse).toContain("Léa Martin");
    expect(accuse).toContain("exposé.pdf");
    expect(accuse).toMatch(/[0-9a-f]{64}/);
    expect(await violationsAxe(eleve.page)).toEqual([]);
    await capturer(eleve.page, "eleve-accuse");
    expect(eleve.dialogues).toEqual([]);

    // 3. Teacher: follow-up shows "Rendu"; download the file and the ZIP.
    await w.getByRole("button", { name: `Suivi : ${TITRE}` }).click();
    const ligne = w.locator("tr", { hasText: "Léa Martin" });
    await expect.poll(() => ligne.locator(".statut").innerText()).toBe("Rendu");
    const [fichier] = await Promise.all([
      prof.page.waitForEvent("download"),
      ligne.getByRole("button", { name: "Télécharger exposé.pdf" }).click(),
    ]);
    expect(fichier.suggestedFilename()).toBe("exposé.pdf");
    const chemin = await fichier.path();
    expect(readFileSync(chemin).subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    const [zip] = await Promise.all([
      prof.page.waitForEvent("download"),
      w.getByRole("button", { name: "Télécharger tous les rendus (ZIP)" }).click(),
    ]);
    expect(
      readFileSync(await zip.path())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    await w.getByRole("button", { name: "Envoyer un rappel aux élèves qui n'ont pas rendu" }).click();
    await w.locator(".confirmation", { hasText: /Rappel envoyé à \d+ élève/ }).waitFor();
    await ligne.getByLabel("Retour à Léa Martin").fill("Très bon travail.");
    await ligne.getByRole("button", { name: "Envoyer le retour" }).click();
    await w.locator("tr", { hasText: "Léa Martin" }).getByText("retour envoyé").waitFor();
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-suivi");

    // 4. Parent: statuses, read-only.
    const parent = await ouvrir("/demo/site-ecole", 360);
    await connecter(parent.page, "Sophie Martin");
    const wp = widget(parent.page);
    await wp.getByText("Consultation seule.").waitFor();
    const carte = wp.locator("li", { hasText: TITRE });
    await expect.poll(() => carte.locator(".statut").innerText()).toBe("Rendu");
    expect(await wp.getByRole("button").allInnerTexts()).toEqual(["Se déconnecter"]);
    expect(await violationsAxe(parent.page)).toEqual([]);
    await capturer(parent.page, "parent");
    for (const p of [prof, eleve, parent]) expect(p.journal.erreurs).toEqual([]);
    await Promise.all([prof.page.close(), eleve.page.close(), parent.page.close()]);
  });

  it("échéance passée : le rendu est accepté et marqué en retard ; date limite passée : devoir fermé", async () => {
    // The two assignments are made through the API (a teacher may date them in the past), then the pupil
    // meets them in the widget, in real time: no clock is faked on either side.
    const jeton = async (login: string) =>
      (
        (await (
          await fetch(`${base}/v1/auth/demo`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ login }),
          })
        ).json()) as { jeton: string }
      ).jeton;
    const prof = await jeton("claire.durand");
    const { groupes } = (await (
      await fetch(`${base}/v1/groupes`, { headers: { authorization: `Bearer ${prof}` } })
    ).json()) as { groupes: { id: string; nom: string }[] };
    const groupeId = groupes.find((g) => g.nom === "3eA")!.id;
    const heure = 3_600_000;
    const creer = async (titre: string, decalages: [number, number, number]) => {
      const [ouverture, echeance, dateLimite] = decalages.map((d) => new Date(Date.now() + d).toISOString());
      const r = await fetch(`${base}/v1/devoirs`, {
        method: "POST",
        headers: { authorization: `Bearer ${prof}`, "content-type": "application/json" },
        body: JSON.stringify({ groupeId, titre, ouverture, echeance, dateLimite }),
      });
      expect(r.status).toBe(201);
    };
    await creer("Carte de l'Europe", [-48 * heure, -1 * heure, 24 * heure]);
    await creer("Fiche de lecture", [-72 * heure, -48 * heure, -24 * heure]);

    const eleve = await ouvrir("/demo/site-ecole", 360);
    await connecter(eleve.page, "Léa Martin");
    const we = widget(eleve.page);

    // Past the échéance, before the cut-off: still open, with the warning, and the receipt says late.
    await we.getByRole("button", { name: "Ouvrir : Carte de l'Europe" }).click();
    await we.getByRole("heading", { name: "Carte de l'Europe" }).waitFor();
    await we.getByText("L'échéance est passée : un rendu sera marqué en retard.").waitFor();
    await we.locator('input[type="file"][multiple]').setInputFiles({
      name: "carte.pdf",
      mimeType: "application/pdf",
      buffer: pdf(50_000),
    });
    await we.getByText("envoyé", { exact: true }).waitFor({ timeout: 60_000 });
    await we.getByRole("button", { name: "Rendre le devoir" }).click();
    await we.getByRole("heading", { name: "Accusé de réception" }).waitFor();
    expect(await we.locator(".accuse").innerText()).toContain("Rendu en retard");
    expect(await violationsAxe(eleve.page)).toEqual([]);
    await capturer(eleve.page, "eleve-en-retard");

    // Past the cut-off: closed, said so, and nothing to hand in with.
    await we.getByRole("button", { name: "← Retour à la liste" }).click();
    await expect
      .poll(() => we.locator("li", { hasText: "Carte de l'Europe" }).locator(".statut").innerText())
      .toBe("Rendu en retard");
    await we.getByRole("button", { name: "Ouvrir : Fiche de lecture" }).click();
    await we.getByRole("heading", { name: "Fiche de lecture" }).waitFor();
    await we
      .getByText("Ce devoir est fermé : la date limite est passée, il ne peut plus être rendu.")
      .waitFor();
    expect(await we.locator('input[type="file"]').count()).toBe(0);
    expect(await we.getByRole("button", { name: "Rendre le devoir" }).count()).toBe(0);
    expect(await violationsAxe(eleve.page)).toEqual([]);
    await capturer(eleve.page, "eleve-ferme");
    expect(eleve.journal.erreurs).toEqual([]);
    expect(eleve.dialogues).toEqual([]);
    await eleve.page.close();
  });

  it("la page iframe (démo ODE) donne sa hauteur à la page hôte, sous CSP stricte", async () => {
    const { page, journal } = await ouvrir("/demo/ode");
    const cadre = page.locator('iframe[src^="/embed/rendre-devoir"]');
    await page
      .frameLocator('iframe[src^="/embed/rendre-devoir"]')
      .getByRole("button", { name: "Se connecter avec l'ENT" })
      .waitFor();
    // The host-side script sizes the iframe to the height its page reports: exactly its body's height.
    const hauteurInterieure = async () =>
      Math.ceil(
        await page
          .frameLocator('iframe[src^="/embed/rendre-devoir"]')
          .locator("body")
          .evaluate((b) => b.getBoundingClientRect().height),
      );
    await expect
      .poll(
        async () =>
          (await cadre.evaluate((f) => (f as HTMLIFrameElement).style.height)) ===
          `${await hauteurInterieure()}px`,
      )
      .toBe(true);
    expect(await hauteurInterieure()).toBeGreaterThan(150);
    expect(journal.erreurs).toEqual([]);
    expect(journal.console.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    await capturer(page, "demo-ode");
    // English, straight in the embed page.
    await page.goto(`${base}/embed/rendre-devoir?lang=en&theme=sn62`);
    await page
      .locator("trousse-rendre-devoir")
      .getByRole("button", { name: "Sign in with the ENT" })
      .waitFor();
    expect(await violationsAxe(page)).toEqual([]);
    expect(journal.erreurs).toEqual([]);
    await page.close();
  });

  it("le configurateur /integrer : options → aperçu en direct et extraits (version figée + SRI, iframe)", async () => {
    const { page, journal } = await ouvrir("/integrer");
    const manifeste = (await (await fetch(`${base}/widgets/manifest.json`)).json()) as {
      dossierVersion: string;
      fichiers: Record<string, { integrite: string }>;
    };
    await page.getByLabel("Widget", { exact: true }).selectOption("rendre-devoir");
    // The ENT is chosen among the configured ones (here the demo's), not typed (issue 10).
    await page.getByLabel("ENT de connexion").selectOption("demo");
    await page.getByLabel("Thème").selectOption("ode");
    await expect
      .poll(() => page.locator("#apercu").getAttribute("src"))
      .toBe(`${base}/embed/rendre-devoir?ent-connexion=demo&theme=ode`);
    await expect
      .poll(() => page.locator("#extrait-script").inputValue())
      .toContain(
        `<script type="module" src="${base}/widgets/${manifeste.dossierVersion}trousse.js" integrity="${manifeste.fichiers["trousse.js"]!.integrite}" crossorigin="anonymous"></script>`,
      );
    expect(await page.locator("#extrait-script").inputValue()).toContain(
      '<trousse-rendre-devoir ent-connexion="demo" theme="ode"></trousse-rendre-devoir>',
    );
    expect(await page.locator("#extrait-iframe").inputValue()).toContain(
      `<iframe data-trousse src="${base}/embed/rendre-devoir?ent-connexion=demo&amp;theme=ode"`,
    );
    expect(await page.getByLabel("Niveau").isVisible()).toBe(false);
    await page
      .frameLocator("#apercu")
      .locator("trousse-rendre-devoir")
      .getByRole("button", { name: "Se connecter avec l'ENT" })
      .waitFor();
    await page.getByRole("button", { name: "Copier l'extrait script" }).click();
    await expect.poll(() => page.locator("#statut-copie").innerText()).not.toBe("");
    expect(await violationsAxe(page)).toEqual([]);
    expect(journal.erreurs).toEqual([]);
    expect(journal.console.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    await capturer(page, "integrer");
    await page.close();
  });

  it("page SN62 (balise script, CSP stricte) : charger deux fois est sans effet, aucune violation", async () => {
    const { page, journal } = await ouvrir("/demo/sn62");
    await widget(page).getByRole("button", { name: "Se connecter avec l'ENT" }).waitFor();
    for (const fichier of ["v0.1.0/trousse.js", "rendre-devoir.js", "v0.1.0/rendre-devoir.js"])
      await page.addScriptTag({ url: `${base}/widgets/${fichier}`, type: "module" });
    await page.addScriptTag({ url: `${base}/widgets/trousse.classic.js` });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { Trousse: { elements: Record<string, { tentatives: number }> } }).Trousse
              .elements["trousse-rendre-devoir"]?.tentatives,
        ),
      )
      // The same URL is evaluated once (module map); the versioned copy runs and finds the name taken.
      .toBe(2);
    const etat = await page.evaluate(() => ({
      tentatives: (window as unknown as { Trousse: { elements: Record<string, { tentatives: number }> } })
        .Trousse.elements["trousse-rendre-devoir"]?.tentatives,
      widgets: document.querySelectorAll("trousse-rendre-devoir").length,
      globales: Object.keys(window).filter((k) => /^(lit|trousse|reactiveElement)/i.test(k)),
    }));
    expect(etat.tentatives).toBe(2);
    expect(etat.widgets).toBe(1);
    expect(etat.globales).toEqual([]);
    expect(journal.erreurs).toEqual([]);
    expect(journal.console.filter((m) => /Content Security Policy|already been used/i.test(m))).toEqual([]);
    expect(await violationsAxe(page)).toEqual([]);
    await capturer(page, "demo-sn62");
    await page.close();
  });
});
