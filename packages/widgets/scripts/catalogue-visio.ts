import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "vite";

const VIRTUEL = "\0trousse-catalogue-visio";

/** The categories the visio chooser considers (same test as `estVisioOuAudio` in @trousse/rules). */
const CATEGORIES_VISIO = ["visioconference", "audioconference"];

/**
 * Vite plugin for the CDN bundle of `<trousse-choisir-visio>`: the bundled default catalogue is the part
 * the chooser reads — the visio/audio tools, with every fact it shows or tests, and the sources — generated
 * at build time from `@trousse/catalogue` (never copied by hand). Left out: the other tools (the chooser
 * only ranks visio/audio tools), each tool's DINUM doctrine evaluation, provenance and other names, the
 * fields the rules never read (a tool's and a usage's `publics`, the GDPR text beside its `par`, the
 * supplier notes — « proposé par RENATER », never shown as a limit —, a
 * deduction's field and sources — its reasoning stays), the deductions of the international companies'
 * tools (always ruled out), the list of documents, the general facts and the licence text (none of them
 * read by the chooser), and the source sections that neither these tools nor the rules' code cite. The complete catalogue stays available through the `api`
 * attribute and the npm build.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [catalogueVisio()] });
 * ```
 */
export function catalogueVisio(): Plugin {
  let cheminReel: string | undefined;
  let codeRegles = "";
  return {
    name: "trousse-catalogue-visio",
    enforce: "pre",
    async resolveId(source, importer) {
      if (source !== "@trousse/catalogue" || importer === VIRTUEL) return null;
      if (!cheminReel) {
        const resolu = await this.resolve(source, importer, { skipSelf: true });
        if (!resolu)
          throw new Error("catalogue-visio : @trousse/catalogue introuvable (construisez-le d'abord).");
        cheminReel = resolu.id;
        const regles = await this.resolve("@trousse/rules", importer, { skipSelf: true });
        if (regles) codeRegles = lireDossier(dirname(regles.id));
      }
      return VIRTUEL;
    },
    async load(id) {
      if (id !== VIRTUEL || !cheminReel) return null;
      const reel = (await import(pathToFileURL(cheminReel).href)) as {
        catalogue: {
          version: string;
          sources: { id: string }[];
          outils: {
            categories: string[];
            origine: string;
            doctrine?: unknown;
            provenance?: unknown;
            autresNoms?: unknown;
            publics?: unknown;
            usages: { publics?: unknown }[];
            notes: { nature: string }[];
            fiches: { rgpd?: { par: string } }[];
            deductions?: { justification: string }[];
          }[];
        };
      };
      const outils = reel.catalogue.outils
        .filter((o) => o.categories.some((c) => CATEGORIES_VISIO.includes(c)))
        .map(
          ({
            doctrine: _doctrine,
            provenance: _provenance,
            autresNoms: _autresNoms,
            publics: _publics,
            ...faits
          }) => ({
            ...faits,
            usages: faits.usages.map(({ publics: _p, ...u }) => u),
            notes: faits.notes.filter((n) => n.nature !== "fournisseur"),
            fiches: faits.fiches.map((f) => (f.rgpd ? { ...f, rgpd: { par: f.rgpd.par } } : f)),
            ...(faits.deductions && faits.origine !== "entreprise-internationale"
              ? { deductions: faits.deductions.map((d) => ({ justification: d.justification })) }
              : { deductions: undefined }),
          }),
        );
      if (outils.length === 0)
        throw new Error("catalogue-visio : aucun outil de visio ou d'audio dans le catalogue.");
      const cites = JSON.stringify(outils) + codeRegles;
      const sources = reel.catalogue.sources.filter((src) => cites.includes(JSON.stringify(src.id)));
      const sousEnsemble = { version: reel.catalogue.version, documents: [], licence: "", sources, outils };
      return [
        `export * from ${JSON.stringify(cheminReel)};`,
        `export const catalogue = JSON.parse(${JSON.stringify(JSON.stringify(sousEnsemble))});`,
        "export const outils = catalogue.outils;",
        "export const getOutil = (id) => outils.find((o) => o.id === id);",
      ].join("\n");
    },
  };
}

/** The JavaScript of a built package folder, concatenated (to find the source ids its code cites). */
function lireDossier(dossier: string): string {
  return readdirSync(dossier, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(join(dossier, f), "utf8"))
    .join("\n");
}
