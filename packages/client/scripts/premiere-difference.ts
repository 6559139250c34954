/**
 * The first line where two texts differ, as « ligne N : attendu … / trouvé … », or `undefined` when they are
 * equal. Keeps a drift message short where a full diff of a generated file would be thousands of lines.
 *
 * @example
 * premiereDifference("a\nb\n", "a\nc\n"); // 'ligne 2 : attendu « b », trouvé « c »'
 */
export function premiereDifference(attendu: string, trouve: string): string | undefined {
  if (attendu === trouve) return undefined;
  const a = attendu.split("\n");
  const t = trouve.split("\n");
  const n = Math.max(a.length, t.length);
  let i = 0;
  while (i < n && a[i] === t[i]) i++;
  const montrer = (l: string | undefined) => (l === undefined ? "(fin du fichier)" : `« ${l.trim()} »`);
  return `ligne ${i + 1} : attendu ${montrer(a[i])}, trouvé ${montrer(t[i])}`;
}
