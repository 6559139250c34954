// Commande : purger ce qui a dépassé sa durée de conservation (simulation par défaut ; --appliquer pour supprimer).
// node apps/api/dist/commandes/purger.js [--appliquer] [--fin-annee 08-31] [--delai-mois 1]
// Réglages aussi par TROUSSE_PURGE_FIN_ANNEE (MM-JJ) et TROUSSE_PURGE_DELAI_MOIS.
import { pathToFileURL } from "node:url";
import {
  ErreurOptions,
  executerCommande,
  lireOptions,
  ouvrirDonnees,
  SORTIES_PROCESSUS,
  type Sorties,
} from "./cli.js";
import { purgerRendus } from "./purger-rendus.js";

/** The usage line of `rendus:purger`. */
export const USAGE_PURGER =
  "Usage : purger [--appliquer] [--fin-annee MM-JJ] [--delai-mois N]\n" +
  "  --appliquer           supprime vraiment (sans elle : simulation)\n" +
  "  --fin-annee MM-JJ     fin de l'année scolaire (défaut 08-31, ou TROUSSE_PURGE_FIN_ANNEE)\n" +
  "  --delai-mois N        mois de conservation après elle (défaut 1, ou TROUSSE_PURGE_DELAI_MOIS)\n" +
  "  --aide, -h            affiche cette aide";

/**
 * `rendus:purger`: reads the options, opens the data like the server, purges (or simulates), prints the
 * result as JSON. Returns the exit code (0, 1 on failure, 2 on a wrong command line); never throws.
 *
 * @example
 * process.exitCode = await commandePurger(["--appliquer"], process.env);
 */
export function commandePurger(
  args: string[],
  env: Record<string, string | undefined>,
  sorties: Sorties = SORTIES_PROCESSUS,
): Promise<number> {
  return executerCommande("Purge impossible", sorties, async () => {
    const o = lireOptions(
      args,
      {
        appliquer: { type: "boolean" },
        "fin-annee": { type: "string" },
        "delai-mois": { type: "string" },
        aide: { type: "boolean", short: "h" },
      },
      USAGE_PURGER,
    );
    if (o.aide) {
      sorties.sortie(`${USAGE_PURGER}\n`);
      return 0;
    }
    const fin = o["fin-annee"] ?? env.TROUSSE_PURGE_FIN_ANNEE ?? "08-31";
    const m = /^(\d{2})-(\d{2})$/.exec(fin);
    const delaiTexte = o["delai-mois"] ?? env.TROUSSE_PURGE_DELAI_MOIS ?? "1";
    const delai = Number(delaiTexte);
    if (!m || !/^\d+$/.test(delaiTexte) || !Number.isInteger(delai))
      throw new ErreurOptions(
        `Réglage invalide : --fin-annee MM-JJ (ex. 08-31) et --delai-mois entier (ex. 1).\n${USAGE_PURGER}`,
      );
    const appliquer = o.appliquer === true;
    const { base, stockage } = await ouvrirDonnees(env);
    try {
      const r = await purgerRendus(base.db, stockage, {
        appliquer,
        conservation: { finAnneeScolaire: { mois: Number(m[1]), jour: Number(m[2]) }, delaiMois: delai },
      });
      sorties.sortie(`${JSON.stringify({ appliquee: appliquer, ...r }, null, 2)}\n`);
      if (!appliquer && r.devoirs.length > 0)
        sorties.erreurs(
          `Simulation : ${r.devoirs.length} devoir(s) seraient purgés. Relancez avec --appliquer.\n`,
        );
    } finally {
      await base.close();
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await commandePurger(process.argv.slice(2), process.env);
}
