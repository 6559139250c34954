// Issue 10, what remained: a pupil's extension (dérogation) as the teacher grants, changes and withdraws it
// from the follow-up (the rules' messages per field, a visible confirmation), as the pupil, the parent and
// the receipt show it (« Délai accordé jusqu'au … »), and thumbnails of handed-in images on the teacher's
// side (fetched from the API's inline thumbnail route, decoded and drawn again as JPEG data: addresses).
// Against the REAL API in demo mode; screenshots at 360 and 1 280 px of each new state.
import { formaterDateParis, instantVersHeureParis } from "@trousse/rules";
import type { Browser } from "playwright-core";
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

beforeAll(async () => {
  [api, navigateur] = await Promise.all([demarrerApiDemo(), lancerChromium()]);
});
afterAll(async () => {
  await navigateur?.close();
  api?.arreter();
});

async function ouvrir(largeur = 1280) {
  const contexte = await navigateur.newContext({ viewport: { width: largeur, height: 900 } });
  const page = await contexte.newPage();
  const journal = journaliser(page);
  await page.goto(`${api.base}/demo/site-ecole`);
  return { page, journal, fermer: () => contexte.close() };
}

const JOUR = 86_400_000;
/** An instant `jours` days from now, to the minute, and its Paris wall time (what datetime-local holds). */
function dans(jours: number): { date: Date; paris: string } {
  const date = new Date(Math.floor((Date.now() + jours * JOUR) / 60_000) * 60_000);
  return { date, paris: instantVersHeureParis(date) };
}

async function idEleve(devoirId: string, nom: string): Promise<string> {
  const prof = await api.jeton("claire.durand");
  const s = (await (await api.appeler(`/v1/devoirs/${devoirId}/suivi`, prof)).json()) as {
    eleves: { eleve: { id: string; nomAffiche: string } }[];
  };
  return s.eleves.find((e) => e.eleve.nomAffiche === nom)!.eleve.id;
}

describe("<trousse-rendre-devoir> : délai accordé et vignettes", { timeout: 240_000 }, () => {
  it("l'enseignant : vignettes des images rendues ; accorder, modifier, retirer le délai d'un élève (messages des règles par champ, confirmation visible)", async () => {
    const titre = `Croquis du jardin ${Date.now()}`;
    await creerDevoir(api, { titre, familles: ["image", "document"], nombreMax: 3 });

    // Hugo hands in two photos named alike and a PDF.
    const eleve = await ouvrir(360);
    await connecter(eleve.page, "Hugo Bernard");
    const we = widgetDe(eleve.page);
    await we.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    for (const [nom, contenu, type] of [
      ["image.png", png([200, 30, 30]), "image/png"],
      ["image.png", png([30, 30, 200]), "image/png"],
      ["notes.pdf", pdf(3_000), "application/pdf"],
    ] as const) {
      await we
        .locator('input[type="file"][multiple]')
        .setInputFiles({ name: nom, mimeType: type, buffer: contenu });
    }
    await expect.poll(() => we.getByText("envoyé", { exact: true }).count(), { timeout: 90_000 }).toBe(3);
    await we.getByRole("button", { name: "Rendre le devoir" }).click();
    await we.getByRole("heading", { name: /Accusé de réception/ }).waitFor();
    await eleve.fermer();

    const prof = await ouvrir(1280);
    const apercus: { statut: number; type: string | null; nosniff: string | null }[] = [];
    prof.page.on("response", (r) => {
      if (r.url().endsWith("/apercu"))
        apercus.push({
          statut: r.status(),
          type: r.headers()["content-type"] ?? null,
          nosniff: r.headers()["x-content-type-options"] ?? null,
        });
    });
    await connecter(prof.page, "Claire Durand");
    const w = widgetDe(prof.page);
    await w.getByRole("button", { name: `Suivi : ${titre}` }).click();
    const ligne = w.locator("tr", { hasText: "Hugo Bernard" });

    // 9. Thumbnails of the two images (distinct names), none for the PDF.
    await expect.poll(() => ligne.locator("img.apercu").count(), { timeout: 30_000 }).toBe(2);
    expect(
      await ligne.locator("img.apercu").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("alt"))),
    ).toEqual(["Aperçu de image.png", "Aperçu de image (2).png"]);
    const images = await ligne.locator("img.apercu").evaluateAll((imgs) =>
      Promise.all(
        (imgs as HTMLImageElement[]).map(async (i) => {
          await i.decode();
          return { src: i.src.slice(0, 23), largeur: i.naturalWidth };
        }),
      ),
    );
    expect(images).toEqual([
      { src: "data:image/jpeg;base64,", largeur: 96 },
      { src: "data:image/jpeg;base64,", largeur: 96 },
    ]);
    expect(apercus).toEqual([
      { statut: 200, type: "image/png", nosniff: "nosniff" },
      { statut: 200, type: "image/png", nosniff: "nosniff" },
    ]);
    await ligne.getByRole("button", { name: "Télécharger notes.pdf" }).waitFor();
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-vignettes");

    // A due date the rules refuse (before the assignment's): their message under the field, focus on it.
    await ligne.getByRole("button", { name: "Accorder un délai : Hugo Bernard" }).click();
    const formulaire = w.locator("#formulaire-delai");
    await formulaire.getByRole("heading", { name: "Délai accordé à Hugo Bernard" }).waitFor();
    expect(await texteFocalise(prof.page)).toBe("Délai accordé à Hugo Bernard");
    const echeance = formulaire.getByLabel("Échéance accordée (heure de Paris)");
    await echeance.fill(dans(1).paris);
    await formulaire.getByRole("button", { name: "Enregistrer le délai" }).click();
    const erreur = formulaire.locator("#delai-echeance-erreur");
    await expect
      .poll(() => erreur.innerText())
      .toMatch(/^L'échéance accordée \(.+\) doit être après celle du devoir \(.+\)\.$/);
    expect(await echeance.getAttribute("aria-invalid")).toBe("true");
    expect(await echeance.getAttribute("aria-describedby")).toBe("delai-echeance-erreur");
    expect(await texteFocalise(prof.page)).toBe("datetime-local:Échéance accordée (heure de Paris)");
    expect(await w.locator('[role="alert"]').isVisible()).toBe(false);
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-delai-refuse");

    // Granted: a visible confirmation with the rules' sentence, the line says it too.
    const accorde = dans(7);
    await echeance.fill(accorde.paris);
    await formulaire.getByLabel("Motif (facultatif, montré à vous seul)").fill("PAP : temps majoré");
    await formulaire.getByRole("button", { name: "Enregistrer le délai" }).click();
    const confirmation = w.locator('[data-confirmation="delai"]');
    const phrase = `Délai accordé jusqu'au ${formaterDateParis(accorde.date)}.`;
    await expect.poll(() => confirmation.innerText()).toBe(`Délai enregistré pour Hugo Bernard. ${phrase}`);
    expect(await confirmation.isVisible()).toBe(true);
    expect((await confirmation.boundingBox())!.height).toBeGreaterThan(10);
    expect(await formulaire.count()).toBe(0);
    expect(await ligne.locator(".delai").innerText()).toBe(phrase);
    expect(await ligne.innerText()).toContain("Motif : PAP : temps majoré");
    expect(await texteFocalise(prof.page)).toBe("Modifier le délai : Hugo Bernard");
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-delai-accorde");

    // Changed: the form starts from the granted date; a later cut-off is added.
    await ligne.getByRole("button", { name: "Modifier le délai : Hugo Bernard" }).click();
    expect(await echeance.inputValue()).toBe(accorde.paris);
    expect(await formulaire.getByLabel("Motif (facultatif, montré à vous seul)").inputValue()).toBe(
      "PAP : temps majoré",
    );
    const limite = dans(9);
    await formulaire
      .getByLabel("Date limite accordée (rendu en retard accepté jusque-là)")
      .fill(limite.paris);
    await expect.poll(() => formulaire.getByRole("button", { name: "Retirer le délai" }).count()).toBe(1);
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-delai-modifier");
    await formulaire.getByRole("button", { name: "Enregistrer le délai" }).click();
    await expect
      .poll(() => confirmation.innerText())
      .toBe(
        `Délai enregistré pour Hugo Bernard. ${phrase} Rendu en retard accepté jusqu'au ${formaterDateParis(limite.date)}.`,
      );

    // Withdrawn.
    await ligne.getByRole("button", { name: "Modifier le délai : Hugo Bernard" }).click();
    await formulaire.getByRole("button", { name: "Retirer le délai" }).click();
    await expect
      .poll(() => confirmation.innerText())
      .toBe("Délai retiré pour Hugo Bernard : les dates du devoir valent de nouveau.");
    expect(await ligne.locator(".delai").count()).toBe(0);
    await ligne.getByRole("button", { name: "Accorder un délai : Hugo Bernard" }).waitFor();
    expect(await violationsAxe(prof.page)).toEqual([]);
    await capturer(prof.page, "enseignant-delai-retire");
    expect(prof.journal.erreurs).toEqual([]);
    await prof.fermer();
  });

  it("l'élève, son accusé de réception (retrouvé) et son parent disent « Délai accordé jusqu'au … »", async () => {
    const titre = `Exposé sur les volcans ${Date.now()}`;
    const devoirId = await creerDevoir(api, { titre });
    const accorde = dans(6);
    const prof = await api.jeton("claire.durand");
    const r = await api.appeler(
      `/v1/devoirs/${devoirId}/derogations/${await idEleve(devoirId, "Léa Martin")}`,
      prof,
      {
        method: "PUT",
        body: JSON.stringify({ echeance: accorde.paris, motif: "Hospitalisation" }),
      },
    );
    expect(r.status).toBe(201);
    const phrase = `Délai accordé jusqu'au ${formaterDateParis(accorde.date)}.`;

    const eleve = await ouvrir(360);
    await connecter(eleve.page, "Léa Martin");
    const w = widgetDe(eleve.page);
    const carte = w.locator("li.carte", { hasText: titre });
    await carte.locator(".delai").waitFor();
    expect(await carte.locator(".delai").innerText()).toBe(phrase);
    expect(await eleve.page.content()).not.toContain("Hospitalisation");
    await capturer(eleve.page, "eleve-liste-delai");
    await w.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await w.getByRole("heading", { name: titre }).waitFor();
    expect(await w.locator("article p.delai").innerText()).toBe(phrase);
    expect(await violationsAxe(eleve.page)).toEqual([]);
    await capturer(eleve.page, "eleve-devoir-delai");

    await w.locator('input[type="file"][multiple]').setInputFiles({
      name: "volcans.pdf",
      mimeType: "application/pdf",
      buffer: pdf(4_000),
    });
    await w.getByText("envoyé", { exact: true }).waitFor({ timeout: 60_000 });
    await w.getByRole("button", { name: "Rendre le devoir" }).click();
    const accuse = w.locator(".accuse");
    await accuse.getByRole("heading", { name: "Accusé de réception — Version 1" }).waitFor();
    expect(await accuse.locator(".message").innerText()).toContain(phrase);
    // Found again from « Mes rendus »: the sentence is still on it.
    await w.getByRole("button", { name: "← Retour à la liste" }).click();
    await w.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await w.getByRole("button", { name: "Voir l'accusé de réception de la version 1" }).click();
    await accuse.getByRole("heading", { name: "Accusé de réception — Version 1" }).waitFor();
    expect(await accuse.locator(".delai").innerText()).toBe(phrase);
    expect(await violationsAxe(eleve.page)).toEqual([]);
    await capturer(eleve.page, "eleve-accuse-delai");
    expect(eleve.journal.erreurs).toEqual([]);
    await eleve.fermer();

    const parent = await ouvrir(360);
    await connecter(parent.page, "Sophie Martin");
    const wp = widgetDe(parent.page);
    const carteParent = wp.locator("li.carte", { hasText: titre });
    await carteParent.locator(".delai").waitFor();
    expect(await carteParent.locator(".delai").innerText()).toBe(phrase);
    expect(await parent.page.content()).not.toContain("Hospitalisation");
    expect(await violationsAxe(parent.page)).toEqual([]);
    await capturer(parent.page, "parent-delai");
    await parent.fermer();
  });
});
