import { spawnSync } from "node:child_process";

/**
 * L'environnement du processus sans les variables que vitest ajoute (`NODE_ENV=test`, `VITEST…`) : une
 * commande lancée d'un test doit se comporter comme lancée à la main (ex. un build Lit en production).
 *
 * @example
 * envPropre({ NODE_ENV: "test", VITEST: "true", PATH: "/usr/bin" }); // { PATH: "/usr/bin" }
 */
export function envPropre(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([cle]) => cle !== "NODE_ENV" && !/^(?:__)?VITEST/.test(cle) && cle !== "TEST",
    ),
  );
}

/** Résultat d'une commande : code de sortie et sorties texte. */
export interface ResultatCommande {
  code: number;
  sortie: string;
  erreurs: string;
}

/**
 * Lance une commande sans shell (arguments passés tels quels), attend sa fin et rend son code et ses sorties.
 * Ne lève pas si la commande échoue : le test décide. Lève seulement si elle ne peut pas être lancée.
 *
 * @example
 * executer("node", ["--version"]).sortie; // "v20.20.0\n"
 */
export function executer(
  commande: string,
  args: readonly string[],
  options: { dossier?: string; delaiMs?: number; env?: NodeJS.ProcessEnv } = {},
): ResultatCommande {
  const r = spawnSync(commande, args, {
    cwd: options.dossier,
    encoding: "utf8",
    timeout: options.delaiMs ?? 300_000,
    env: options.env ?? envPropre(),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`Impossible de lancer « ${commande} ${args.join(" ")} » : ${r.error.message}`);
  return { code: r.status ?? -1, sortie: r.stdout, erreurs: r.stderr };
}

/**
 * Comme {@link executer}, mais lève une erreur lisible (commande, dossier, sorties) si le code n'est pas 0.
 *
 * @example
 * executerOuEchouer("npm", ["--version"]).sortie.trim(); // "10.8.2"
 */
export function executerOuEchouer(
  commande: string,
  args: readonly string[],
  options: { dossier?: string; delaiMs?: number; env?: NodeJS.ProcessEnv } = {},
): ResultatCommande {
  const r = executer(commande, args, options);
  if (r.code !== 0) {
    throw new Error(
      `« ${commande} ${args.join(" ")} » a échoué (code ${r.code}) dans ${options.dossier ?? process.cwd()}\n${r.sortie}\n${r.erreurs}`,
    );
  }
  return r;
}
