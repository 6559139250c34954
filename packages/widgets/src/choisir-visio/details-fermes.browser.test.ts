// Issue 10, defect 13 (remaining part): a closed <details> of <trousse-choisir-visio> leaves no empty band
// below its summary. Geometry in Chromium: a closed details is exactly its summary plus its border.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DOSSIER_CAPTURES,
  demarrerServeur,
  journaliser,
  lancerChromium,
  pageHote,
  violationsAxe,
  type ServeurTest,
} from "../../test/navigateur.js";

let navigateur: Browser;
let serveur: ServeurTest;

beforeAll(async () => {
  [navigateur, serveur] = await Promise.all([lancerChromium(), demarrerServeur()]);
});
afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

const RESULTATS =
  '<trousse-choisir-visio organisateur="enseignant" avec="eleves" participants="25" objet="cours" niveau="2d" ent="ode" besoins="eleves-identifies"></trousse-choisir-visio>';

describe("<details> fermés : pas de bande vide", () => {
  for (const [theme, largeur] of [
    ["", 1280],
    ["", 360],
    ['theme="ode"', 360],
    ['theme="sn62"', 1280],
  ] as const) {
    it(`${theme || "thème neutre"} à ${largeur} px : la hauteur d'un <details> fermé est celle de son <summary> (plus sa bordure)`, async () => {
      serveur.page(
        `/details-${theme.replace(/\W/g, "")}-${largeur}.html`,
        pageHote(RESULTATS.replace("<trousse-choisir-visio ", `<trousse-choisir-visio ${theme} `)),
      );
      const page = await navigateur.newPage({ viewport: { width: largeur, height: 900 } });
      const journal = journaliser(page);
      await page.goto(`${serveur.url}/details-${theme.replace(/\W/g, "")}-${largeur}.html`);
      await page.waitForFunction(
        () =>
          !!document
            .querySelector("trousse-choisir-visio")
            ?.shadowRoot?.querySelector("[part='resultats'] details"),
      );
      const mesures = await page.evaluate(() =>
        [...document.querySelector("trousse-choisir-visio")!.shadowRoot!.querySelectorAll("details")].map(
          (d) => {
            const s = getComputedStyle(d);
            const bordure = parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth);
            const summary = d.querySelector("summary")!;
            const r = summary.getBoundingClientRect();
            const texte = document.createRange();
            texte.selectNodeContents(summary);
            const t = texte.getBoundingClientRect();
            const arrondi = (x: number) => Math.round(x * 100) / 100;
            return {
              part: d.getAttribute("part"),
              ouvert: d.open,
              details: arrondi(d.getBoundingClientRect().height - bordure),
              summary: arrondi(r.height),
              // Empty space above and below the summary's text, inside the closed details.
              dessus: arrondi(t.top - r.top),
              dessous: arrondi(r.bottom - t.bottom),
            };
          },
        ),
      );
      expect(mesures.length).toBeGreaterThanOrEqual(2);
      for (const m of mesures) {
        expect(m.ouvert).toBe(false);
        expect(m.details, `${m.part} fermé`).toBe(m.summary);
        // No band: the text sits in the middle of its summary (the same space above and below it).
        expect(
          Math.abs(m.dessous - m.dessus),
          `${m.part} : ${m.dessus} px au-dessus du texte, ${m.dessous} px dessous`,
        ).toBeLessThanOrEqual(1);
      }
      if (!theme) {
        expect(await violationsAxe(page)).toEqual([]);
        await page.screenshot({
          path: join(
            DOSSIER_CAPTURES,
            `choisir-visio-details-fermes-${largeur === 360 ? "360" : "bureau"}.png`,
          ),
          fullPage: true,
        });
      }
      expect(journal.erreurs).toEqual([]);
      await page.close();
    });
  }
});
