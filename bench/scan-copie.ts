// « Photographier ma copie » : quatre photos de 12 mégapixels d'une page manuscrite (générées : lignes
// réglées, écriture, lumière inégale, ombre, légère perspective, bruit ; JPEG 0,92 comme un téléphone)
// deviennent un PDF dans Chromium (Debian) au processeur ralenti 4× (CDP Emulation.setCPUThrottlingRate),
// sous la CSP stricte. Mesures : temps depuis la dernière photo jusqu'au PDF prêt (marques performance de
// l'élément), tailles (PDF, par page, rapport aux photos), pic mémoire du processus de rendu (VmHWM de
// /proc, Linux) et pic du tas JS. Pair mesuré dans la même exécution : le simple décodage des quatre photos
// par le navigateur (createImageBitmap), au même ralentissement. Trois tours (TROUSSE_BENCH_TOURS) : chaque
// tour affiche ses temps et la charge de la machine (os.loadavg), le résultat est la médiane des tours.
// Usage : `npx -y pnpm@12.20.0 --filter @trousse/widgets run build && node --import tsx bench/scan-copie.ts`
// Cibles : ≤ 1,2 Mo en tout, ≤ 300 Ko par page, ≤ 4 s de la dernière photo au PDF (médiane). Code 1 si
// dépassées.
// TROUSSE_BENCH_PDF=chemin : garde le PDF produit (par exemple pour `qpdf --check`).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  CSP_STRICTE,
  demarrerServeur,
  DOSSIER_CDN,
  lancerChromium,
  pageHote,
} from "../packages/widgets/test/navigateur.ts";
import { avecOrientationExif, photosDeCopie } from "../packages/widgets/test/photos-copie.ts";

const RALENTISSEMENT = 4;
const CIBLES = { total: 1_200_000, page: 300_000, ms: 4_000 };
const TOURS = Math.max(1, Number(process.env.TROUSSE_BENCH_TOURS ?? 3));

const morceau = readdirSync(join(DOSSIER_CDN, "chunks")).find((f) => /^scan-copie-.*\.js$/.test(f));
if (!morceau) {
  console.error("Morceau scan-copie absent de dist/cdn : construisez les widgets.");
  process.exit(1);
}

// 1. The photos, drawn in a browser that is closed afterwards (its memory does not count).
const generateur = await lancerChromium();
const brutes = await photosDeCopie(generateur, [
  { largeur: 3000, hauteur: 4000, graine: 11, quarts: 0, marque: 1 },
  { largeur: 4000, hauteur: 3000, graine: 12, quarts: 3, marque: 2 },
  { largeur: 3000, hauteur: 4000, graine: 13, quarts: 0, marque: 3 },
  { largeur: 3000, hauteur: 4000, graine: 14, quarts: 0, marque: 4 },
]);
await generateur.close();
const photos = brutes.map((b, i) => ({
  name: `IMG_${i + 1}.jpg`,
  mimeType: "image/jpeg",
  buffer: i === 1 ? avecOrientationExif(b, 6) : b,
}));
const octetsPhotos = photos.reduce((s, p) => s + p.buffer.length, 0);

// 2. The element alone on a page under the strict CSP (its script is a file: no inline script allowed).
const serveur = await demarrerServeur();
serveur.route("/banc-scan.js", (_req, res) => {
  res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(
    `await import("/widgets/chunks/${morceau}");
const el = document.createElement("trousse-scan-copie");
el.devoirId = "banc-" + Date.now();
el.titre = "Rédaction";
document.querySelector("main").append(el);`,
  );
});
serveur.page(
  "/scan.html",
  pageHote("", { scripts: ['<script type="module" src="/banc-scan.js"></script>'] }),
  {
    "content-security-policy": CSP_STRICTE,
  },
);

const navigateur = await lancerChromium();
const ko = (n: number) => `${(n / 1000).toFixed(0)} KB`;
const mo = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

/** Peak resident memory (VmHWM) of the renderer processes, in bytes (Linux /proc). */
async function picRendu(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as {
    processInfo: { type: string; id: number }[];
  };
  let pic = 0;
  for (const p of processInfo.filter((x) => x.type === "renderer")) {
    const statut = `/proc/${p.id}/status`;
    if (!existsSync(statut)) continue;
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(statut, "utf8"));
    if (m) pic = Math.max(pic, Number(m[1]) * 1024);
  }
  await cdp.detach();
  return pic;
}

async function mesurer(scenario: "quatre" | "derniere") {
  const contexte = await navigateur.newContext({ viewport: { width: 360, height: 740 } });
  const page = await contexte.newPage();
  const cdp = await contexte.newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: RALENTISSEMENT });
  await page.goto(`${serveur.url}/scan.html`);
  const scan = page.locator("trousse-scan-copie");
  await scan.getByRole("heading", { name: "Photographier ma copie" }).waitFor();
  let tas = 0;
  const echantillon = setInterval(() => {
    void cdp.send("Performance.getMetrics").then(
      ({ metrics }) => (tas = Math.max(tas, metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0)),
      () => undefined,
    );
  }, 100);
  const input = scan.locator('input[type="file"][multiple]');
  const pret = (n: number) =>
    scan.getByText(new RegExp(`^${n} pages? — PDF de `)).waitFor({ timeout: 300_000 });
  if (scenario === "derniere") {
    await input.setInputFiles(photos.slice(0, 3), { timeout: 300_000 });
    await pret(3);
    await input.setInputFiles(photos.slice(3), { timeout: 300_000 });
  } else await input.setInputFiles(photos, { timeout: 300_000 });
  await pret(4);
  clearInterval(echantillon);
  const { ms, pdf, pages } = await page.evaluate(async () => {
    const el = document.querySelector("trousse-scan-copie") as HTMLElement & {
      pdf: File;
      pages: { jpeg: Blob }[];
    };
    const debut = performance.getEntriesByName("trousse-scan-copie:photos").at(-1)!.startTime;
    const fin = performance.getEntriesByName("trousse-scan-copie:pdf-pret").at(-1)!.startTime;
    const octets = new Uint8Array(await el.pdf.arrayBuffer());
    let bin = "";
    for (let i = 0; i < octets.length; i += 0x8000)
      bin += String.fromCharCode(...octets.subarray(i, i + 0x8000));
    return { ms: fin - debut, pdf: btoa(bin), pages: el.pages.map((p) => p.jpeg.size) };
  });
  const pic = await picRendu(page);
  await contexte.close();
  return { ms, pdf: Buffer.from(pdf, "base64"), pages, pic, tas };
}

/**
 * The peer: the browser only decoding the four photos (full size, EXIF applied), same slowdown; and the
 * last one alone (the floor of « last photo → PDF »).
 */
async function decodageSeul(): Promise<{ quatre: number; derniere: number }> {
  const contexte = await navigateur.newContext();
  const page = await contexte.newPage();
  const cdp = await contexte.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: RALENTISSEMENT });
  await page.goto(`${serveur.url}/scan.html`);
  const ms = await page.evaluate(
    async (b64s) => {
      const blobs = b64s.map(
        (b) => new Blob([Uint8Array.from(atob(b), (c) => c.charCodeAt(0))], { type: "image/jpeg" }),
      );
      const t = performance.now();
      let avant = t;
      for (const b of blobs) {
        avant = performance.now();
        (await createImageBitmap(b, { imageOrientation: "from-image" })).close();
      }
      const fin = performance.now();
      return { quatre: fin - t, derniere: fin - avant };
    },
    photos.map((p) => p.buffer.toString("base64")),
  );
  await contexte.close();
  return ms;
}

const charge = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
const mediane = (v: number[]) => {
  const t = [...v].sort((a, b) => a - b);
  return t.length % 2 ? t[t.length >> 1]! : (t[t.length / 2 - 1]! + t[t.length / 2]!) / 2;
};

try {
  console.log(
    `« Photographier ma copie » — Chromium ${navigateur.version()}, CPU ralenti ${RALENTISSEMENT}×, CSP stricte, ` +
      `4 photos de 12 Mpx (${mo(octetsPhotos)} en tout), ${TOURS} tour(s), ` +
      `charge (1 / 5 / 15 min) au départ : ${charge()}\n`,
  );
  const tours: {
    quatre: Awaited<ReturnType<typeof mesurer>>;
    derniere: Awaited<ReturnType<typeof mesurer>>;
    pair: { quatre: number; derniere: number };
    charge: string;
  }[] = [];
  for (let n = 1; n <= TOURS; n++) {
    const quatre = await mesurer("quatre");
    const derniere = await mesurer("derniere");
    const pair = await decodageSeul();
    tours.push({ quatre, derniere, pair, charge: charge() });
    console.log(
      `tour ${n} : dernière photo → PDF ${derniere.ms.toFixed(0)} ms ; 4 photos d'un coup → PDF ` +
        `${quatre.ms.toFixed(0)} ms ; pair : décoder les 4 photos ${pair.quatre.toFixed(0)} ms, la ` +
        `dernière seule ${pair.derniere.toFixed(0)} ms ; ` +
        `charge après le tour (1 / 5 / 15 min) : ${tours.at(-1)!.charge}`,
    );
  }
  console.log("");
  const quatre = tours[0]!.quatre;
  const memes = tours.every((t) => Buffer.compare(t.quatre.pdf, quatre.pdf) === 0);
  const derniere = { ms: mediane(tours.map((t) => t.derniere.ms)) };
  const enUneFois = mediane(tours.map((t) => t.quatre.ms));
  const pair = mediane(tours.map((t) => t.pair.quatre));
  const pairUne = mediane(tours.map((t) => t.pair.derniere));
  const pic = Math.max(...tours.flatMap((t) => [t.quatre.pic, t.derniere.pic]));
  const tas = Math.max(...tours.flatMap((t) => [t.quatre.tas, t.derniere.tas]));
  if (process.env.TROUSSE_BENCH_PDF) writeFileSync(process.env.TROUSSE_BENCH_PDF, quatre.pdf);
  const verifie = (() => {
    try {
      const chemin = process.env.TROUSSE_BENCH_PDF ?? "/tmp/trousse-banc-scan.pdf";
      writeFileSync(chemin, quatre.pdf);
      execFileSync("qpdf", ["--check", chemin], { stdio: "ignore" });
      return "qpdf --check : OK";
    } catch (e) {
      return existsSync("/usr/bin/qpdf")
        ? `qpdf --check : ÉCHEC (${String(e)})`
        : "qpdf absent : non vérifié";
    }
  })();
  const maxPage = Math.max(...quatre.pages);
  const lignes: [string, string, boolean][] = [
    [
      "PDF (4 pages)",
      `${ko(quatre.pdf.length)} (cible ≤ ${ko(CIBLES.total)})`,
      quatre.pdf.length <= CIBLES.total,
    ],
    [
      "page la plus lourde",
      `${ko(maxPage)} (cible ≤ ${ko(CIBLES.page)}) ; pages : ${quatre.pages.map(ko).join(", ")}`,
      maxPage <= CIBLES.page,
    ],
    [
      "rapport PDF / photos brutes",
      `${((quatre.pdf.length / octetsPhotos) * 100).toFixed(1)} % (÷ ${(octetsPhotos / quatre.pdf.length).toFixed(1)})`,
      true,
    ],
    [
      "dernière photo → PDF prêt (médiane)",
      `${derniere.ms.toFixed(0)} ms (cible ≤ ${CIBLES.ms} ms)`,
      derniere.ms <= CIBLES.ms,
    ],
    ["4 photos d'un coup → PDF prêt (médiane)", `${enUneFois.toFixed(0)} ms (information)`, true],
    ["pair : décoder les 4 photos (médiane)", `${pair.toFixed(0)} ms (même ralentissement)`, true],
    ["pair : décoder la dernière seule (médiane)", `${pairUne.toFixed(0)} ms`, true],
    [
      "dernière photo → PDF / pairs",
      `${(derniere.ms / pair).toFixed(2)} × les 4 décodages, ${(derniere.ms / pairUne).toFixed(2)} × le dernier`,
      true,
    ],
    ["pic mémoire du rendu (VmHWM)", `${mo(pic)}`, true],
    ["pic du tas JS", `${mo(tas)}`, true],
    ["même PDF à chaque tour", memes ? "oui" : "non (information)", true],
    ["vérification", verifie, !verifie.includes("ÉCHEC")],
  ];
  for (const [nom, valeur, ok] of lignes) console.log(`${nom.padEnd(44)} ${valeur}${ok ? "" : "  DÉPASSÉ"}`);
  console.log(
    `\nCharge à la fin (1 / 5 / 15 min) : ${charge()}. (Machine partagée : chiffres bruités, à comparer au ` +
      "pair de la même exécution.)",
  );
  if (lignes.some(([, , ok]) => !ok)) process.exitCode = 1;
} finally {
  await navigateur.close();
  await serveur.fermer();
}
