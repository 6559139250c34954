/**
 * The progress steps to announce in a live region: every 10 % (not every event, which would flood screen
 * readers). Returns the new step when `pourcent` crosses one, else `null`.
 *
 * @example
 * ```ts
 * palierAnnonce(23, 10); // 20
 * palierAnnonce(27, 20); // null
 * ```
 */
export function palierAnnonce(pourcent: number, dernier: number): number | null {
  const palier = Math.floor(Math.max(0, Math.min(100, pourcent)) / 10) * 10;
  return palier > dernier ? palier : null;
}
