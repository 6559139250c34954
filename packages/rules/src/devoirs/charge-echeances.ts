import { formaterDateParis } from "../dates/formater-date.js";
import { type InstantEntree, versDate } from "../dates/instant.js";

const MINUTE = 60_000;

/** An assignment already given in the school: its due date and how many pupils are expected to hand it in. */
export interface EcheanceExistante {
  echeance: InstantEntree;
  /** Hand-ins expected (the pupils of its class or group). */
  rendus: number;
}

/** A suggested quieter due date. */
export interface CreneauSuggere {
  echeance: Date;
  /** Hand-ins already due within the hour around it. */
  rendus: number;
  /** Minutes from the chosen due date (negative: earlier). */
  decalageMinutes: number;
  libelle: string;
}

/** Result of {@link chargeEcheances}. */
export interface ChargeEcheances {
  /** Hand-ins of the school already due within the hour around the chosen due date. */
  rendusMemeHeure: number;
  /** Assignments behind them. */
  devoirsMemeHeure: number;
  /** Quieter slots, quietest and nearest first (empty when the chosen hour is already quiet). */
  suggestions: CreneauSuggere[];
  message: string;
}

/** Options of {@link chargeEcheances}. */
export interface OptionsCharge {
  /** Half-width of « the same hour »: due dates within ± this many minutes (bound excluded). Default 30. */
  demiFenetreMinutes?: number;
  /** How far suggestions may move the due date, in minutes each way. Default 180 (3 h). */
  portee?: number;
  /** Step between candidate slots, in minutes. Default 30. */
  pas?: number;
  /** At most this many suggestions. Default 3. */
  nombre?: number;
  /** A chosen hour with at most this many hand-ins is quiet enough: no suggestion. Default 0. */
  seuilCalme?: number;
}

/**
 * How busy is a due date? Counts the hand-ins of the school already due within the hour around it
 * (`|échéance − choisie| < 30 min`), and suggests quieter slots: candidates every `pas` minutes up to
 * `portee` minutes earlier or later, each with its own hour's load; only slots strictly quieter than the
 * chosen one are kept, quietest first, then nearest, then later before earlier (a later due date never
 * takes time away from pupils). The ENTs of the lockdown regulated traffic with « plages horaires
 * privilégiées » : spreading due dates spreads the rush. Pure; never throws on valid instants.
 *
 * @example
 * const existantes = [{ echeance: "2026-03-31T22:00:00+02:00", rendus: 120 }, { echeance: "2026-03-31T22:10:00+02:00", rendus: 30 }];
 * chargeEcheances(existantes, "2026-03-31T22:00:00+02:00");
 * // { rendusMemeHeure: 150, devoirsMemeHeure: 2,
 * //   suggestions: [{ echeance: 21 h 30, rendus: 0, decalageMinutes: -30, … }, { echeance: 23 h 00, rendus: 0, decalageMinutes: 60, … }, …], … }
 * chargeEcheances([], "2026-03-31T22:00:00+02:00");
 * // { rendusMemeHeure: 0, devoirsMemeHeure: 0, suggestions: [], message: "Aucun autre rendu n'est attendu dans l'heure." }
 */
export function chargeEcheances(
  existantes: readonly EcheanceExistante[],
  choisie: InstantEntree,
  options: OptionsCharge = {},
): ChargeEcheances {
  const demi = (options.demiFenetreMinutes ?? 30) * MINUTE;
  const portee = options.portee ?? 180;
  const pas = options.pas ?? 30;
  const nombre = options.nombre ?? 3;
  const seuil = options.seuilCalme ?? 0;
  const liste = existantes.map((e) => ({ t: versDate(e.echeance).getTime(), rendus: Math.max(0, e.rendus) }));
  const charge = (t: number) => {
    let rendus = 0;
    let devoirs = 0;
    for (const e of liste) {
      if (Math.abs(e.t - t) < demi) {
        rendus += e.rendus;
        devoirs++;
      }
    }
    return { rendus, devoirs };
  };
  const t0 = versDate(choisie).getTime();
  const ici = charge(t0);
  const suggestions: CreneauSuggere[] = [];
  if (ici.rendus > seuil) {
    const candidats: { decalage: number; rendus: number }[] = [];
    for (let d = pas; d <= portee; d += pas) {
      for (const decalage of [d, -d])
        candidats.push({ decalage, rendus: charge(t0 + decalage * MINUTE).rendus });
    }
    candidats
      .filter((c) => c.rendus < ici.rendus)
      .sort(
        (a, b) =>
          a.rendus - b.rendus || Math.abs(a.decalage) - Math.abs(b.decalage) || b.decalage - a.decalage,
      )
      .slice(0, nombre)
      .forEach((c) => {
        const echeance = new Date(t0 + c.decalage * MINUTE);
        suggestions.push({
          echeance,
          rendus: c.rendus,
          decalageMinutes: c.decalage,
          libelle: `${formaterDateParis(echeance)} : ${c.rendus} ${c.rendus > 1 ? "rendus attendus" : "rendu attendu"} dans l'heure`,
        });
      });
  }
  const message =
    ici.rendus === 0
      ? "Aucun autre rendu n'est attendu dans l'heure."
      : `${ici.rendus} ${ici.rendus > 1 ? "rendus sont déjà attendus" : "rendu est déjà attendu"} dans l'établissement dans l'heure de cette échéance (${ici.devoirs} ${ici.devoirs > 1 ? "devoirs" : "devoir"}).` +
        (suggestions[0] ? ` Plus calme : ${suggestions[0].libelle}.` : "");
  return { rendusMemeHeure: ici.rendus, devoirsMemeHeure: ici.devoirs, suggestions, message };
}
