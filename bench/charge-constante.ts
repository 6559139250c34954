// Charge à débit constant (boucle ouverte) : la requête n° i part à t0 + i / débit, quoi qu'il arrive aux
// précédentes, et sa latence se compte depuis cet instant prévu jusqu'à la fin de la réponse. Un serveur
// lent ne ralentit donc pas la charge (pas d'« omission coordonnée ») et un client en retard compte contre
// le serveur : la mesure ne peut qu'exagérer la latence.
//
// Pourquoi pas `autocannon --overallRate` : il donne à chaque connexion un quota par seconde qu'elle envoie
// d'une traite au début de la seconde (des rafales au débit maximal, puis rien), et sa correction
// d'omission coordonnée suppose un intervalle de 1 / quota par connexion arrondi à 1 ms. Un serveur
// node:http nu qui répond en 0,1 ms y montre un p99 d'une douzaine de millisecondes.
import http from "node:http";
import { centile } from "./statistiques.js";

export interface OptionsCharge {
  url: string;
  methode?: string;
  entetes?: Record<string, string>;
  corps?: string;
  /** Requêtes par seconde. */
  debit: number;
  dureeS: number;
  /** Connexions gardées ouvertes au plus (les requêtes attendent une connexion libre, et cela compte). */
  connexions?: number;
}

export interface ResultatCharge {
  envoyees: number;
  reussies: number;
  erreurs: number;
  non2xx: number;
  /** Débit réellement servi (réponses par seconde sur la durée de la mesure). */
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/**
 * Envoie `debit × dureeS` requêtes à intervalles réguliers et mesure chaque latence depuis l'instant
 * prévu d'envoi.
 *
 * @example
 * const r = await chargeConstante({ url: "http://127.0.0.1:8787/v1/outils", debit: 1000, dureeS: 10 });
 * console.log(r.p99);
 */
export async function chargeConstante(o: OptionsCharge): Promise<ResultatCharge> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connexions ?? 64 });
  const cible = new URL(o.url);
  const corps = o.corps === undefined ? undefined : Buffer.from(o.corps);
  const entetes = { ...o.entetes, ...(corps ? { "content-length": String(corps.length) } : {}) };
  const total = Math.round(o.debit * o.dureeS);
  const intervalle = 1000 / o.debit;
  const latences: number[] = [];
  let erreurs = 0;
  let non2xx = 0;
  let envoyees = 0;
  let finies = 0;
  const t0 = performance.now() + 20;

  await new Promise<void>((fini) => {
    const envoyer = (prevu: number) => {
      const requete = http.request(
        {
          agent,
          host: cible.hostname,
          port: cible.port,
          path: cible.pathname + cible.search,
          method: o.methode ?? "GET",
          headers: entetes,
        },
        (reponse) => {
          reponse.on("data", () => undefined);
          reponse.on("end", () => {
            const statut = reponse.statusCode ?? 0;
            if (statut >= 200 && statut < 300) latences.push(performance.now() - prevu);
            else non2xx++;
            if (++finies === total) fini();
          });
        },
      );
      requete.on("error", () => {
        erreurs++;
        if (++finies === total) fini();
      });
      requete.end(corps);
    };
    // Chaque tour envoie toutes les requêtes dont l'heure est passée, puis se replanifie au plus tôt.
    const tour = () => {
      const maintenant = performance.now();
      while (envoyees < total && t0 + envoyees * intervalle <= maintenant) {
        envoyer(t0 + envoyees * intervalle);
        envoyees++;
      }
      if (envoyees < total) setTimeout(tour, Math.max(0, t0 + envoyees * intervalle - performance.now() - 1));
    };
    setTimeout(tour, 20);
  });
  agent.destroy();
  const duree = (performance.now() - t0) / 1000;
  latences.sort((a, b) => a - b);
  return {
    envoyees,
    reussies: latences.length,
    erreurs,
    non2xx,
    rps: latences.length / duree,
    p50: centile(latences, 50),
    p99: centile(latences, 99),
    p999: centile(latences, 99.9),
    max: latences.at(-1) ?? Number.NaN,
  };
}
