import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { executerOuEchouer } from "./commande.js";

/**
 * Crée un projet neuf, hors du dépôt, qui installe les archives données avec npm, comme le ferait un
 * développeur extérieur (`npm install --no-audit --no-fund --prefer-offline <tgz…>`).
 *
 * @example
 * creerProjetConsommateur("/tmp/p", ["/tmp/x/trousse-rules-0.1.0.tgz", "/tmp/x/trousse-catalogue-0.1.0.tgz"]);
 */
export function creerProjetConsommateur(dossier: string, archives: readonly string[]): void {
  mkdirSync(dossier, { recursive: true });
  writeFileSync(
    join(dossier, "package.json"),
    `${JSON.stringify({ name: "consommateur-trousse", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  const locales = archives.map((a) => {
    copyFileSync(a, join(dossier, basename(a)));
    return `./${basename(a)}`;
  });
  executerOuEchouer("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...locales], {
    dossier,
    delaiMs: 600_000,
  });
}

/**
 * Écrit un tsconfig strict `NodeNext` pour vérifier les types des paquets installés ; avec `sortie`, tsc
 * écrit aussi le JavaScript compilé dans ce dossier (pour lancer le programme).
 *
 * @example
 * ecrireTsconfig("/tmp/p", ["usage.ts"], { dom: false, verifierBibliotheques: true });
 */
export function ecrireTsconfig(
  dossier: string,
  fichiers: readonly string[],
  options: { dom: boolean; verifierBibliotheques: boolean; sortie?: string },
): void {
  const compilerOptions = {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: options.dom ? ["ES2023", "DOM", "DOM.Iterable"] : ["ES2023"],
    types: [],
    strict: true,
    ...(options.sortie ? { outDir: options.sortie } : { noEmit: true }),
    skipLibCheck: !options.verifierBibliotheques,
  };
  writeFileSync(
    join(dossier, "tsconfig.json"),
    `${JSON.stringify({ compilerOptions, files: fichiers }, null, 2)}\n`,
  );
}
