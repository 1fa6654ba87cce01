// The known names nearest to one that is not known, for "did you mean…?": 宇治 → 宇治市,
// 京都市北 → 京都市北区, 長岡京士 → 長岡京市.

/** Edit distance (insertions, deletions, substitutions), stopping early above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `count` known names close to `name`: one containing it (or contained in it), or a few edits away. */
export function nearestNames(name: string, known: string[], count = 3): string[] {
  if (name.length === 0 || name.length > 40) return [];
  const limit = Math.max(1, Math.floor(name.length / 3));
  return known
    .map((k) => ({ k, d: k.includes(name) || name.includes(k) ? 0.5 : distance(name, k, limit) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.k.length - b.k.length)
    .slice(0, count)
    .map((x) => x.k);
}
