import { compareSv, foldKey } from './similarity';
import type { ParsedArticle } from './parse';
import { addressOf, inCollection, slugField } from './site/address';

/** What the index keeps of one article: enough for completion, variants, duplicate titles and addresses, and the Articles view. */
export interface IndexEntry {
  title?: string;
  /** The description, for the related questions the site lists under an article. */
  description?: string;
  category?: string;
  topic?: string;
  tags: string[];
  author?: string;
  status?: string;
  published: boolean;
  /** First non-empty line of the question. */
  questionLine?: string;
  /** The frontmatter's `slug`, which the site takes as the page's address instead of the file's name. */
  slug?: string;
}

/** Takes the indexed facts from a parsed article. */
export function entryOf(article: ParsedArticle): IndexEntry {
  const d = article.data ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? detached(v) : undefined);
  // Blank items (a list being typed, a YAML error) are no tags.
  const tags = Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map(detached) : [];
  const q = typeof d.question === 'string' ? d.question : undefined;
  const line = q === undefined ? undefined : firstLine(q);
  const slug = slugField(d);
  return {
    title: str(d.title),
    description: str(d.description),
    category: str(d.category),
    topic: str(d.topic),
    tags,
    author: str(d.author),
    status: str(d.status),
    published: d.published !== false,
    questionLine: line === undefined ? undefined : detached(line),
    slug: slug === undefined ? undefined : detached(slug),
  };
}

/**
 * `s` as a string of its own. A JavaScript engine may keep a substring as a view into the
 * string it was cut from (V8 does from 13 characters on), so a title kept in the index would
 * keep its whole article's text alive, for every article of the project. What outlives a file's
 * check (index entries, corpus facts, problem messages) is kept through this.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The first line of a text that is not blank, trimmed (without splitting the whole text into lines). */
export function firstLine(q: string): string | undefined {
  let from = 0;
  for (;;) {
    let end = from;
    while (end < q.length && q.charCodeAt(end) !== 10 && q.charCodeAt(end) !== 13) end++;
    const line = q.slice(from, end).trim();
    if (line !== '') return line;
    if (end >= q.length) return undefined;
    from = end + (q.charCodeAt(end) === 13 && q.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

class Counter {
  readonly counts = new Map<string, number>();
  /** The order `sorted` gave, until a count changes (a check of an article with a topic of its own asks for it). */
  private order: [string, number][] | undefined;
  add(k: string | undefined, n: 1 | -1): void {
    if (k === undefined) return;
    const c = (this.counts.get(k) ?? 0) + n;
    if (c <= 0) this.counts.delete(k);
    else this.counts.set(k, c);
    this.order = undefined;
  }
  get(k: string): number {
    return this.counts.get(k) ?? 0;
  }
  /** Entries, most used first, then alphabetically (a copy the caller may change). */
  sorted(): [string, number][] {
    this.order ??= [...this.counts].sort((a, b) => b[1] - a[1] || compareSv(a[0], b[0]));
    return this.order.map(([k, n]) => [k, n]);
  }
}

/**
 * Tags, topics, categories, authors and titles over every article under a root, with counts.
 * Updated one file at a time (`set`, `delete`), never rebuilt.
 */
export class CorpusIndex {
  private readonly entries = new Map<string, IndexEntry>();
  readonly tags = new Counter();
  readonly topics = new Counter();
  readonly categories = new Counter();
  readonly authors = new Counter();
  /** topic counts per category */
  private readonly topicsByCategory = new Map<string, Counter>();
  /** folded tag → spellings seen */
  private readonly tagFolds = new Map<string, Set<string>>();
  /** title → files */
  private readonly titles = new Map<string, Set<string>>();
  /** page address → files */
  private readonly addresses = new Map<string, Set<string>>();
  private version = 0;

  /** Bumps on every change, so callers can cache derived views. */
  get revision(): number {
    return this.version;
  }

  get size(): number {
    return this.entries.size;
  }

  files(): IterableIterator<[string, IndexEntry]> {
    return this.entries.entries();
  }

  get(file: string): IndexEntry | undefined {
    return this.entries.get(file);
  }

  /** Adds or replaces one file's entry. */
  set(file: string, entry: IndexEntry): void {
    this.delete(file);
    this.entries.set(file, entry);
    this.apply(file, entry, 1);
    this.version++;
  }

  /** Removes one file. */
  delete(file: string): void {
    const old = this.entries.get(file);
    if (!old) return;
    this.entries.delete(file);
    this.apply(file, old, -1);
    this.version++;
  }

  private apply(file: string, e: IndexEntry, n: 1 | -1): void {
    // Each tag once (a list written with a repeat counts it once); a list of one needs no set.
    for (const t of e.tags.length > 1 ? new Set(e.tags) : e.tags) {
      this.tags.add(t, n);
      const k = foldKey(t);
      let set = this.tagFolds.get(k);
      if (n === 1) {
        if (!set) this.tagFolds.set(k, (set = new Set()));
        set.add(t);
      } else if (set && this.tags.get(t) === 0) {
        set.delete(t);
        if (set.size === 0) this.tagFolds.delete(k);
      }
    }
    this.topics.add(e.topic, n);
    if (e.category && e.topic !== undefined) {
      let c = this.topicsByCategory.get(e.category);
      if (!c) this.topicsByCategory.set(e.category, (c = new Counter()));
      c.add(e.topic, n);
    }
    this.categories.add(e.category, n);
    this.authors.add(e.author, n);
    if (e.title !== undefined) fileSet(this.titles, titleKey(e.title), file, n);
    // Outside the collection's folder a name is no page address of the site's.
    if (inCollection(file)) fileSet(this.addresses, addressOf(file, e.slug), file, n);
  }

  /** The files whose pages the site publishes at this address (the part after /fraga-doktorn/), as the index holds them (not to be changed): none is undefined. */
  addressFiles(address: string): ReadonlySet<string> | undefined {
    return this.addresses.get(address);
  }

  /** The files with this title (case and surrounding space ignored), as the index holds them (not to be changed): none is undefined. */
  titleFiles(title: string): ReadonlySet<string> | undefined {
    return this.titles.get(titleKey(title));
  }

  /** Spellings of a tag that fold to the same key (case, spaces vs hyphens, diacritics), itself included. */
  tagSpellings(tag: string): string[] {
    return [...(this.tagFolds.get(foldKey(tag)) ?? [])];
  }

  /**
   * The spelling to use instead of `tag`, when a more common spelling of the same folded tag
   * exists; undefined when `tag` is already the one to use. `folded` is `foldKey(tag)`, when known.
   */
  preferredTag(tag: string, folded = foldKey(tag)): string | undefined {
    const spellings = this.tagFolds.get(folded);
    // One spelling, this one (nearly every tag): nothing to prefer.
    if (!spellings || spellings.size === 0 || (spellings.size === 1 && spellings.has(tag))) return undefined;
    let best = tag;
    let bestCount = this.tags.get(tag);
    for (const s of spellings) {
      const c = this.tags.get(s);
      if (c > bestCount || (c === bestCount && tagStyleScore(s) > tagStyleScore(best))) {
        best = s;
        bestCount = c;
      }
    }
    return best === tag ? undefined : best;
  }

  /** Topics of a category, most used first. */
  topicsOf(category: string): [string, number][] {
    return this.topicsByCategory.get(category)?.sorted() ?? [];
  }

  /**
   * The category most articles with this topic use, with its count; ties go to the category
   * listed first. Undefined when no article uses the topic.
   */
  categoryOfTopic(topic: string): { category: string; count: number } | undefined {
    let best: { category: string; count: number } | undefined;
    for (const [category, c] of this.topicsByCategory) {
      const count = c.get(topic);
      if (count > 0 && (!best || count > best.count)) best = { category, count };
    }
    return best;
  }
}

/** Adds a file to (or takes it from) the set of files under a key. */
function fileSet(map: Map<string, Set<string>>, key: string, file: string, n: 1 | -1): void {
  let set = map.get(key);
  if (n === 1) {
    if (!set) map.set(key, (set = new Set()));
    set.add(file);
  } else if (set) {
    set.delete(file);
    if (set.size === 0) map.delete(key);
  }
}

function titleKey(t: string): string {
  const s = t.trim();
  // Only single plain spaces (nearly every title): nothing to collapse.
  return (/[^\S ]| {2}/.test(s) ? s.replace(/\s+/g, ' ') : s).toLowerCase();
}

/** Among equally common spellings, prefer lower case, hyphens and Swedish letters. */
function tagStyleScore(t: string): number {
  let s = 0;
  if (t === t.toLowerCase()) s += 4;
  if (!/\s/.test(t)) s += 2;
  if (/[åäöÅÄÖ]/.test(t)) s += 1;
  return s;
}
