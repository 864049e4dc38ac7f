let svCollator: Intl.Collator | undefined;

/** Swedish alphabetical order (å, ä, ö after z), as `a.localeCompare(b, 'sv')` gives it, from one collator made on first use. */
export function compareSv(a: string, b: string): number {
  return (svCollator ??= new Intl.Collator('sv')).compare(a, b);
}

const foldCache = new Map<string, string>();

/** Folds a tag or topic for comparison: lower case, diacritics removed, spaces and underscores as hyphens. */
export function foldKey(s: string): string {
  let k = foldCache.get(s);
  if (k === undefined) {
    // Tags repeat across thousands of files; normalising each once keeps indexing fast.
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(s, (k = fold(s)));
  }
  return k;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');
}

/** Lower case without diacritics, for search-as-you-type (`smar` finds `smärta`). */
export function foldSearch(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `word` within a distance that grows with its length, or undefined.
 * Of candidates equally near, the first; or, given `before`, the first in its order — the
 * same answer as `nearest(word, candidates.sort(before))` without sorting them all.
 */
export function nearest(word: string, candidates: Iterable<string>, before?: (a: string, b: string) => number): string | undefined {
  const w = foldSearch(word);
  const max = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    const d = editDistance(w, foldSearch(c), max);
    if (d < bestD || (d === bestD && best !== undefined && before !== undefined && before(c, best) < 0)) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
