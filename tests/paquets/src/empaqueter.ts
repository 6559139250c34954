import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type ResultatCommande, envPropre, executer } from "./commande.js";
import { type PaquetPublie } from "./decouvrir-paquets.js";

/** La commande pnpm du dépôt (jamais de pnpm global). */
export const PNPM: [string, string[]] = ["npx", ["-y", "pnpm@12.20.0"]];

// pnpm résout parfois à nouveau son propre paquet (champ packageManager) et échoue sur une plateforme absente
// du registre (ERR_PNPM_BAD_CONFIG_DEP) : on ne lui demande pas de gérer sa version, et on réessaie ce cas-là.
const ENV_PNPM = {
  ...envPropre(),
  npm_config_manage_package_manager_versions: "false",
  pnpm_config_manage_package_manager_versions: "false",
};

/**
 * Lance pnpm ; réessaie jusqu'à 3 fois si pnpm échoue en résolvant sa propre version (erreur d'environnement,
 * pas du paquet) ; lève une erreur lisible sur tout autre échec.
 *
 * @example
 * pnpm(["--version"], "/work/main").sortie.trim(); // "12.20.0"
 */
export function pnpm(args: readonly string[], dossier: string, delaiMs = 600_000): ResultatCommande {
  const [cmd, base] = PNPM;
  let r = executer(cmd, [...base, ...args], { dossier, delaiMs, env: ENV_PNPM });
  for (
    let essai = 2;
    essai <= 3 && r.code !== 0 && /ERR_PNPM_BAD_CONFIG_DEP/.test(r.sortie + r.erreurs);
    essai++
  ) {
    r = executer(cmd, [...base, ...args], { dossier, delaiMs, env: ENV_PNPM });
  }
  if (r.code !== 0) {
    throw new Error(
      `« pnpm ${args.join(" ")} » a échoué (code ${r.code}) dans ${dossier}\n${r.sortie}\n${r.erreurs}`,
    );
  }
  return r;
}

/**
 * Construit le paquet (et ses dépendances du dépôt) si son `dist/` manque ou si `toujours` est vrai.
 *
 * @example
 * construireSiBesoin(paquet, "/work/main");
 */
export function construireSiBesoin(paquet: PaquetPublie, racine: string, toujours = false): void {
  if (!toujours && existsSync(join(paquet.dossier, "dist"))) return;
  pnpm(["--filter", `${paquet.nom}...`, "run", "build"], racine);
}

/**
 * Empaquette avec `pnpm pack` (qui remplace `workspace:*` et `catalog:` par de vraies versions) dans
 * `destination`, et rend le chemin de l'archive `.tgz`.
 *
 * @example
 * empaqueter(paquet, "/tmp/x"); // "/tmp/x/trousse-rules-0.1.0.tgz"
 */
export function empaqueter(paquet: PaquetPublie, destination: string): string {
  const avant = new Set(readdirSync(destination));
  pnpm(["pack", "--pack-destination", destination], paquet.dossier);
  const nouveau = readdirSync(destination).find((f) => f.endsWith(".tgz") && !avant.has(f));
  if (!nouveau) throw new Error(`pnpm pack n'a produit aucune archive pour ${paquet.nom}`);
  return join(destination, nouveau);
}
