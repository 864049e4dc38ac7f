import { compareSv, foldKey } from '../similarity';

/** Tags that are probably one tag written several ways; `tags[0]` is the spelling to keep. */
export interface TagGroup {
  /** Spellings with their counts, the most used (then the tidiest) first. */
  tags: { tag: string; count: number }[];
  total: number;
}

/** Words of a tag for containment: folded, split on hyphens. */
function words(tag: string): string[] {
  return foldKey(tag).split('-').filter(Boolean);
}

/** Among equally common spellings, prefer lower case, hyphens and Swedish letters. */
function tidiness(t: string): number {
  return (t === t.toLowerCase() ? 4 : 0) + (/\s/.test(t) ? 0 : 2) + (/[åäöÅÄÖ]/.test(t) ? 1 : 0);
}

/**
 * Groups tags that are variants of each other: the same `foldKey` (case, spaces, diacritics),
 * or one tag of at least two words appearing as a run of words inside another
 * (`frozen-shoulder` in `frozen-shoulder-frusen-axel`). Groups are sorted by total use.
 */
export function groupTags(counts: Iterable<[string, number]>): TagGroup[] {
  const byKey = new Map<string, { tag: string; count: number }[]>();
  for (const [tag, count] of counts) {
    const k = words(tag).join('-');
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push({ tag, count });
  }
  const keys = [...byKey.keys()];
  const parent = new Map<string, string>(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (x: string, y: string) => {
    const a = find(x);
    const b = find(y);
    if (a !== b) parent.set(a, b);
  };
  // Every run of two or more words inside a longer tag, looked up among the whole tags.
  for (const k of keys) {
    const w = k.split('-');
    if (w.length < 3) continue;
    for (let i = 0; i < w.length; i++) {
      for (let j = i + 2; j <= w.length; j++) {
        if (i === 0 && j === w.length) continue;
        const sub = w.slice(i, j).join('-');
        if (byKey.has(sub)) union(sub, k);
      }
    }
  }
  const groups = new Map<string, TagGroup>();
  for (const k of keys) {
    const r = find(k);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { tags: [], total: 0 }));
    for (const t of byKey.get(k)!) {
      g.tags.push(t);
      g.total += t.count;
    }
  }
  const out = [...groups.values()];
  for (const g of out) g.tags.sort((a, b) => b.count - a.count || tidiness(b.tag) - tidiness(a.tag) || compareSv(a.tag, b.tag));
  return out.sort((a, b) => b.total - a.total || compareSv(a.tags[0].tag, b.tags[0].tag));
}
