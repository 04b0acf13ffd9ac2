/**
 * Edit distance between two strings counting insertions, deletions, substitutions and swaps of
 * two adjacent letters ("valeu" → "value" is one edit): the optimal string alignment distance.
 */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `limit` candidates close to `name`: those equal ignoring case, or within an edit
 * distance of max(1, ⌊|name|/3⌋) (at most 2; 0 for one-letter names), or that start with `name` when it has 2 or
 * more characters; nearest first, ties alphabetical.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const budget = name.length <= 1 ? 0 : Math.min(2, Math.max(1, Math.floor(name.length / 3)));
  const lower = name.toLowerCase();
  const scored: [number, string][] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    let score = editDistance(name, candidate);
    if (candidate.toLowerCase() === lower) score = 0;
    else if (score > budget && name.length >= 2 && candidate.startsWith(name)) score = budget + 1;
    else if (score > budget) continue;
    scored.push([score, candidate]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return scored.slice(0, limit).map(([, candidate]) => candidate);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quoteAlternatives(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]!}`;
}
