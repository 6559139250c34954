// <trousse-rendre-devoir> against the REAL API whose admission control answers 503 (Chromium, demo mode):
// one upload slot (TROUSSE_ADMISSION_ENVOIS_MAX=1) held by another pupil's slow upload. The widget says the
// server is busy in plain French, « Rendre » commits at once (before the due date), the upload waits the
// server's Retry-After with back-off and resumes by itself once the slot is free — after the due date — and
// the hand-in is on time, both times on the receipt. And the teacher's form shows the due-hour load of the
// school and fills in a quieter slot.
import { request, type ClientRequest } from "node:http";
import { createServer } from "node:net";
import type { Browser } from "playwright-core";
import { instantVersHeureParis } from "@trousse/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connecter, creerDevoir, demarrerApiDemo, pdf, widgetDe, type ApiDemo } from "../../test/api-demo.js";
import { journaliser, lancerChromium, violationsAxe } from "../../test/navigateur.js";

let navigateur: Browser;
let api: ApiDemo;

/** A free port of this helper's range (42000–42999). */
async function portDeMaPlage(): Promise<number> {
  for (;;) {
    const port = 42_000 + Math.floor(Math.random() * 1000);
    const s = createServer();
    const libre = await new Promise<boolean>((ok) => {
      s.once("error", () => ok(false));
      s.listen(port, "127.0.0.1", () => ok(true));
    });
    if (libre) {
      await new Promise((ok) => s.close(ok));
      return port;
    }
  }
}

beforeAll(async () => {
  [api, navigateur] = await Promise.all([
    demarrerApiDemo({
      port: await portDeMaPlage(),
      env: { TROUSSE_ADMISSION_ENVOIS_MAX: "1", TROUSSE_ADMISSION_REESSAI_SECONDES: "2" },
    }),
    lancerChromium(),
  ]);
});
afterAll(async () => {
  await navigateur?.close();
  api?.arreter();
});

/** Hugo starts an upload and sends its bytes slowly: the one upload slot stays taken until `liberer()`. */
async function occuperLeServeur(devoirId: string): Promise<{ liberer: () => Promise<number> }> {
  const jeton = await api.jeton("hugo.bernard");
  const contenu = pdf(4000);
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  const creation = await fetch(`${api.base}/v1/televersements`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${jeton}`,
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(contenu.length),
      "Upload-Metadata": `filename ${b64("lent.pdf")},devoir ${b64(devoirId)}`,
    },
  });
  if (creation.status !== 201) throw new Error(`envoi de Hugo : ${creation.status} ${await creation.text()}`);
  const url = new URL(creation.headers.get("location")!, api.base);
  let patch!: ClientRequest;
  const fin = new Promise<number>((ok, ko) => {
    patch = request(
      url,
      {
        method: "PATCH",
        headers: {
          authorization: `Bearer ${jeton}`,
          "Tus-Resumable": "1.0.0",
          "Upload-Offset": "0",
          "Content-Type": "application/offset+octet-stream",
          "Content-Length": String(contenu.length),
        },
      },
      (r) => {
        r.resume();
        ok(r.statusCode ?? 0);
      },
    );
    patch.on("error", ko);
  });
  patch.write(contenu.subarray(0, 100));
  return {
    liberer: () => {
      patch.end(contenu.subarray(100));
      return fin;
    },
  };
}

describe("<trousse-rendre-devoir> face à un serveur saturé (503 + Retry-After)", { timeout: 300_000 }, () => {
  it("message en français, engagement avant l'échéance, reprise seule après, rendu à l'heure", async () => {
    const echeance = Date.now() + 75_000;
    const titre = "Devoir du soir de rush";
    const devoirId = await creerDevoir(api, {
      titre,
      echeance: new Date(echeance).toISOString(),
      dateLimite: null,
    });
    const occupation = await occuperLeServeur(devoirId);

    const page = await navigateur.newPage({ viewport: { width: 360, height: 900 } });
    const journal = journaliser(page);
    const reponses: { methode: string; status: number; retryAfter: string | null }[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/v1/televersements"))
        reponses.push({
          methode: r.request().method(),
          status: r.status(),
          retryAfter: r.headers()["retry-after"] ?? null,
        });
    });
    await page.goto(`${api.base}/demo/site-ecole`);
    await connecter(page, "Léa Martin");
    const w = widgetDe(page);
    await w.getByRole("button", { name: `Ouvrir : ${titre}` }).click();
    await w.getByRole("heading", { name: titre }).waitFor();
    await w.locator('input[type="file"][multiple]').setInputFiles({
      name: "copie.pdf",
      mimeType: "application/pdf",
      buffer: pdf(300_000),
    });

    // 1. Shed: the widget says so, and tells the pupil that « Rendre » time-stamps now.
    const occupe = w.locator(".envois .occupe");
    const texteOccupe = () => occupe.textContent({ timeout: 1000 }).catch(() => "");
    await expect
      .poll(texteOccupe, { timeout: 60_000 })
      .toMatch(
        /^Beaucoup d'élèves envoient leur devoir en ce moment : ton envoi reprendra dans \d+ s\. Appuie sur « Rendre le devoir » : il sera horodaté dès maintenant\.$/,
      );
    const refus = reponses.filter((r) => r.status === 503);
    expect(refus.length).toBeGreaterThanOrEqual(1);
    expect(Number(refus[0]!.retryAfter)).toBeGreaterThanOrEqual(2);
    expect(await violationsAxe(page)).toEqual([]);

    // 2. « Rendre » while the upload waits: the commitment is recorded (never shed), before the due date.
    await w.getByRole("button", { name: "Rendre le devoir" }).click();
    await expect
      .poll(
        () =>
          w
            .locator(".engagement")
            .textContent({ timeout: 1000 })
            .catch(() => ""),
        { timeout: 30_000 },
      )
      .toMatch(/^Ton devoir est horodaté à .+ : ce n'est pas encore un rendu\./);
    expect(Date.now()).toBeLessThan(echeance);
    await expect
      .poll(texteOccupe, { timeout: 60_000 })
      .toMatch(/ton envoi reprendra dans \d+ s\. Ton devoir est déjà horodaté\.$/);
    // Back-off: the upload keeps being retried by itself, never faster than Retry-After.
    await expect
      .poll(() => reponses.filter((r) => r.status === 503).length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(2);

    // 3. The due date passes while the slot is still taken; then it frees up: the upload resumes alone.
    while (Date.now() <= echeance + 1000) await new Promise((r) => setTimeout(r, 500));
    expect(await occupation.liberer()).toBe(204);
    await w.getByRole("heading", { name: "Accusé de réception" }).waitFor({ timeout: 90_000 });
    const accuse = await w.locator(".accuse").innerText();
    expect(accuse).toContain("Rendu à l'heure");
    expect(accuse).toContain("Engagé le");
    expect(accuse).toContain("Fichiers reçus le");
    expect(accuse.replace(/\u00a0/g, " ")).toMatch(
      /engagé à \d+ h \d\d min \d\d s, reçu à \d+ h \d\d min \d\d s — rendu à l'heure/i,
    );
    expect(reponses.some((r) => r.methode === "POST" && r.status === 201)).toBe(true);
    expect(await violationsAxe(page)).toEqual([]);
    expect(journal.erreurs.filter((e) => !/503|Service Unavailable/.test(e))).toEqual([]);
  });

  it("formulaire de l'enseignant : rendus déjà attendus dans l'heure de l'échéance, créneau plus calme en un clic", async () => {
    const demain = new Date(Date.now() + 24 * 3_600_000);
    const heureParis = instantVersHeureParis(demain).slice(0, 11) + "21:00";
    await creerDevoir(api, { titre: "Contrôle de 21 h", echeance: heureParis });
    const page = await navigateur.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${api.base}/demo/site-ecole`);
    await connecter(page, "Claire Durand");
    const w = widgetDe(page);
    await w.getByRole("button", { name: "Nouveau devoir" }).click();
    const champ = w.getByLabel(/^Échéance/);
    await champ.fill(heureParis);
    await champ.dispatchEvent("change");
    const charge = w.locator(".charge-echeance");
    await expect
      .poll(() => charge.textContent({ timeout: 1000 }).catch(() => ""), { timeout: 30_000 })
      .toMatch(
        /\d+ rendus? (sont|est) déjà attendus? dans l'établissement dans l'heure de cette échéance \(1 devoir\)\./,
      );
    const suggestion = charge.getByRole("button").first();
    expect(await suggestion.innerText()).toMatch(/^Choisir le .+ \(0 rendu attendu\)$/);
    await suggestion.click();
    expect(await champ.inputValue()).not.toBe(heureParis);
    await expect
      .poll(() => charge.textContent({ timeout: 1000 }).catch(() => ""), { timeout: 30_000 })
      .toMatch(/Aucun autre rendu n'est attendu dans l'heure\./);
    expect(await violationsAxe(page)).toEqual([]);
  });
});
