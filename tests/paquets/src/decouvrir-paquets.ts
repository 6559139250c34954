import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Un paquet publié du dépôt (non privé), tel que décrit par son package.json. */
export interface PaquetPublie {
  nom: string;
  version: string;
  dossier: string;
  /** Les paquets `@trousse/*` dont il dépend à l'exécution (dependencies). */
  dependancesInternes: string[];
}

interface PackageJson {
  name?: string;
  version?: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

/**
 * Les paquets publiés de `racine/packages/*` : ceux dont le package.json n'est pas `private`. Triés par nom.
 *
 * @example
 * decouvrirPaquets("/work/main").map((p) => p.nom); // ["@trousse/catalogue", "@trousse/rules", …]
 */
export function decouvrirPaquets(racine: string): PaquetPublie[] {
  const base = join(racine, "packages");
  const paquets: PaquetPublie[] = [];
  for (const entree of readdirSync(base, { withFileTypes: true })) {
    const fichier = join(base, entree.name, "package.json");
    if (!entree.isDirectory() || !existsSync(fichier)) continue;
    const pj = JSON.parse(readFileSync(fichier, "utf8")) as PackageJson;
    if (pj.private === true || !pj.name || !pj.version) continue;
    paquets.push({
      nom: pj.name,
      version: pj.version,
      dossier: join(base, entree.name),
      dependancesInternes: Object.keys(pj.dependencies ?? {}).filter((d) => d.startsWith("@trousse/")),
    });
  }
  return paquets.sort((a, b) => a.nom.localeCompare(b.nom));
}

/**
 * Le paquet et toutes ses dépendances internes (transitives), sans doublon.
 *
 * @example
 * avecDependances("@trousse/rules", paquets); // ["@trousse/rules", "@trousse/catalogue"]
 */
export function avecDependances(nom: string, paquets: readonly PaquetPublie[]): string[] {
  const vus = new Set<string>();
  const visiter = (n: string): void => {
    if (vus.has(n)) return;
    vus.add(n);
    for (const d of paquets.find((p) => p.nom === n)?.dependancesInternes ?? []) visiter(d);
  };
  visiter(nom);
  return [...vus];
}
