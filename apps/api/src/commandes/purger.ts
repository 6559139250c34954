// Commande : purger ce qui a dépassé sa durée de conservation (simulation par défaut ; --appliquer pour supprimer).
// node apps/api/dist/commandes/purger.js [--appliquer] [--fin-annee 08-31] [--delai-mois 1]
// Réglages aussi par TROUSSE_PURGE_FIN_ANNEE (MM-JJ) et TROUSSE_PURGE_DELAI_MOIS.
import { pathToFileURL } from "node:url";
import { ouvrirDonnees, lireOptions } from "./cli.js";
import { purgerRendus } from "./purger-rendus.js";

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const o = lireOptions(process.argv.slice(2));
  const fin = String(o["fin-annee"] ?? process.env.TROUSSE_PURGE_FIN_ANNEE ?? "08-31");
  const m = /^(\d{2})-(\d{2})$/.exec(fin);
  const delai = Number(o["delai-mois"] ?? process.env.TROUSSE_PURGE_DELAI_MOIS ?? 1);
  if (!m || !Number.isInteger(delai)) {
    console.error("Réglage invalide : --fin-annee MM-JJ (ex. 08-31) et --delai-mois entier (ex. 1).");
    process.exit(2);
  }
  const { base, stockage } = await ouvrirDonnees(process.env);
  try {
    const r = await purgerRendus(base.db, stockage, {
      appliquer: o.appliquer === true,
      conservation: { finAnneeScolaire: { mois: Number(m[1]), jour: Number(m[2]) }, delaiMois: delai },
    });
    process.stdout.write(`${JSON.stringify({ appliquee: o.appliquer === true, ...r }, null, 2)}\n`);
    if (o.appliquer !== true && r.devoirs.length > 0)
      console.error(`Simulation : ${r.devoirs.length} devoir(s) seraient purgés. Relancez avec --appliquer.`);
  } catch (e) {
    console.error(`Purge impossible : ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await base.close();
  }
}
