// Les statistiques que les bancs partagent.

/**
 * Le centile `c` (0–100) d'un tableau déjà trié (rang le plus proche, par excès).
 *
 * @example
 * centile([1, 2, 3, 4], 50); // 2
 */
export function centile(tries: number[], c: number): number {
  if (tries.length === 0) return Number.NaN;
  const rang = Math.min(tries.length - 1, Math.max(0, Math.ceil((c / 100) * tries.length) - 1));
  return tries[rang]!;
}

/**
 * La médiane d'un tableau quelconque (moyenne des deux valeurs du milieu pour une longueur paire).
 *
 * @example
 * mediane([3, 1, 2]); // 2
 */
export function mediane(xs: number[]): number {
  const t = [...xs].sort((a, b) => a - b);
  const m = Math.floor(t.length / 2);
  return t.length % 2 ? t[m]! : (t[m - 1]! + t[m]!) / 2;
}
