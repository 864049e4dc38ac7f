import type { CorpusIndex, IndexEntry } from '../corpus';
import type { Lang } from '../i18n/messages';
import { fieldSchema, type ArticleSchema, type SchemaObject } from '../schema';
import { foldKey, foldSearch } from '../similarity';
import type { SiteKnowledge } from '../site/types';
import { siteConditionEntries, siteTopicEntries } from './site';
import { cursorContext, rawValue, type CursorContext, type Quote } from './context';
import { describeType, fieldDescription, type Translate, englishT } from './strings';

export type { CompletionEntry } from './entry';
import type { CompletionEntry } from './entry';

export interface CompleteOptions {
  schema: ArticleSchema;
  index: CorpusIndex;
  lang: Lang;
  t?: Translate;
  /** Today as YYYY-MM-DD, for `date:`. */
  today?: string;
  /** The site's topic and condition lists: `topic:` and `relatedCondition:` then offer only what has a page. */
  site?: SiteKnowledge;
  /**
   * The index's entry for the article being edited: left out of the counts, so a tag half
   * typed in this very file is not offered as "used in 1 article".
   */
  self?: IndexEntry;
}

/** Completions at `offset` of an article's text: field names, enum values, tags, topics and authors. */
export function complete(text: string, offset: number, opts: CompleteOptions): CompletionEntry[] {
  const ctx = cursorContext(text, offset);
  if (!ctx) return [];
  if (ctx.kind === 'field') return fieldNames(ctx, opts);
  return values(ctx, opts);
}

function fieldNames(ctx: Extract<CursorContext, { kind: 'field' }>, opts: CompleteOptions): CompletionEntry[] {
  const t = opts.t ?? englishT;
  const { schema } = opts;
  const out: CompletionEntry[] = [];
  schema.fields.forEach((name, i) => {
    if (ctx.present.has(name)) return;
    const s = fieldSchema(schema, name) ?? {};
    const required = schema.required.includes(name);
    const shape = fieldShape(name, s, opts.today ?? todayIso());
    out.push({
      label: name,
      kind: 'field',
      description: required ? t('required') : undefined,
      detail: describeType(s, t),
      documentation: fieldDescription(s, opts.lang),
      insertText: shape.text,
      snippet: true,
      sortText: `${required ? 0 : 1}${String(i).padStart(3, '0')}`,
      start: ctx.start,
      end: ctx.end,
      retrigger: shape.retrigger,
    });
  });
  return out;
}

/** The YAML a field name expands to, with the cursor where the value goes. */
function fieldShape(name: string, s: SchemaObject, today: string): { text: string; retrigger?: boolean } {
  if (name === 'question') return { text: `${name}: |\n  $0` };
  if (s['x-yaml-type'] === 'timestamp') return { text: `${name}: ${today}` };
  if (s.enum) return { text: `${name}: "$1"`, retrigger: true };
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'array') return { text: `${name}: [$1]`, retrigger: name === 'tags' };
  if (type === 'boolean') return { text: `${name}: \${1|false,true|}` };
  if (type === 'number' || type === 'integer') return { text: `${name}: $1` };
  return { text: `${name}: "$1"`, retrigger: name === 'topic' || name === 'author' };
}

function values(ctx: Extract<CursorContext, { kind: 'value' | 'item' }>, opts: CompleteOptions): CompletionEntry[] {
  const t = opts.t ?? englishT;
  const s = fieldSchema(opts.schema, ctx.key) ?? {};
  const isList = ctx.kind === 'item';
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (isList !== (type === 'array' || (type === undefined && ctx.key === 'tags'))) return [];
  if (ctx.key === 'tags') {
    // A tag already in the list is left out in every spelling, and a spelling the checker would
    // flag as a variant of a more common tag is never offered.
    const taken = new Set(ctx.siblings.map(foldKey));
    const say = countLabels(t);
    const own = new Set(opts.self?.tags ?? []);
    return withoutSelf(ranked(opts.index, 'tags'), (v) => own.has(v))
      .filter((r) => !taken.has(foldKey(r.value)) && !opts.index.preferredTag(r.value))
      .map((r) => counted(r, 'tag', ctx, say));
  }
  if (ctx.key === 'topic' && opts.site?.topics) return siteTopicEntries(opts.site, rawValue(ctx.fm, 'category'), opts.index, t, (v) => insertion(v, ctx), ctx);
  if (ctx.key === 'relatedCondition' && opts.site?.conditions) return siteConditionEntries(opts.site, t, (v) => insertion(v, ctx), ctx);
  if (ctx.key === 'topic') {
    const category = rawValue(ctx.fm, 'category');
    const mine = (v: string) => v === opts.self?.topic;
    const first = withoutSelf((category ? opts.index.topicsOf(category) : []).map(([v, n], i) => rankedEntry(v, n, i)), (v) => mine(v) && opts.self?.category === category);
    const firstSet = new Set(first.map((r) => r.value));
    const rest = withoutSelf(ranked(opts.index, 'topics'), mine).filter((r) => !firstSet.has(r.value));
    const say = countLabels(t);
    return [...first, ...rest.map((r, i) => rankedEntry(r.value, r.count, i + first.length))].map((r) => counted(r, 'topic', ctx, say));
  }
  if (ctx.key === 'author') return withoutSelf(ranked(opts.index, 'authors'), (v) => v === opts.self?.author).map((r) => counted(r, 'author', ctx, countLabels(t)));
  if (s.enum) {
    const labels = s['x-enum-labels'] ?? {};
    const descriptions = s['x-enum-descriptions'] ?? [];
    return s.enum.map((v, i) => {
      const value = String(v);
      const label = labels[value];
      const meaning = opts.lang === 'en' ? descriptions[i] : undefined;
      return {
        label: value,
        kind: 'enum' as const,
        description: [label, meaning].filter(Boolean).join(' · ') || undefined,
        documentation: fieldDescription(s, opts.lang),
        insertText: insertion(value, ctx),
        snippet: false,
        sortText: String(i).padStart(3, '0'),
        start: ctx.start,
        end: ctx.end,
      };
    });
  }
  if (type === 'boolean') return ['true', 'false'].map((value, i) => bare(value, String(i), ctx));
  if (s['x-yaml-type'] === 'timestamp') return [bare(opts.today ?? todayIso(), '0', ctx)];
  return [];
}

/** A value that must stay unquoted (a boolean, a date): a quote the user typed is replaced too. */
function bare(value: string, sortText: string, ctx: Extract<CursorContext, { kind: 'value' | 'item' }>): CompletionEntry {
  return {
    label: value,
    kind: 'value',
    insertText: ctx.lead + value,
    filterText: ctx.quote ? ctx.quote + value : undefined,
    snippet: false,
    sortText,
    start: ctx.quote ? ctx.start - 1 : ctx.start,
    end: ctx.closed ? ctx.end + 1 : ctx.end,
  };
}

interface Ranked {
  value: string;
  count: number;
  rank: number;
  sortText: string;
  /** Set when folding changes the text (`smärta smarta`), so `smar` finds `smärta`. */
  filterText?: string;
}

function rankedEntry(value: string, count: number, rank: number): Ranked {
  const fold = foldSearch(value);
  return { value, count, rank, sortText: String(rank).padStart(6, '0'), filterText: fold === value.toLowerCase() ? undefined : `${value} ${fold}` };
}

const cache = new WeakMap<CorpusIndex, Map<string, { revision: number; list: Ranked[] }>>();

/** The index's tags/topics/authors sorted by use, cached until the index changes. */
export function ranked(index: CorpusIndex, what: 'tags' | 'topics' | 'authors'): Ranked[] {
  let byKind = cache.get(index);
  if (!byKind) cache.set(index, (byKind = new Map()));
  const hit = byKind.get(what);
  if (hit && hit.revision === index.revision) return hit.list;
  const list = index[what].sorted().map(([value, count], rank) => rankedEntry(value, count, rank));
  byKind.set(what, { revision: index.revision, list });
  return list;
}

/** The ranked values with the edited article's own use taken off their counts (and re-ranked when that changes the order). */
function withoutSelf(list: Ranked[], own: (value: string) => boolean): Ranked[] {
  if (!list.some((r) => own(r.value))) return list;
  const out = list.map((r) => (own(r.value) ? { ...r, count: r.count - 1 } : r)).filter((r) => r.count > 0);
  out.sort((a, b) => b.count - a.count || a.rank - b.rank);
  return out.map((r, i) => rankedEntry(r.value, r.count, i));
}

function counted(r: Ranked, kind: 'tag' | 'topic' | 'author', ctx: Extract<CursorContext, { kind: 'value' | 'item' }>, say: (n: number) => string): CompletionEntry {
  return {
    label: r.value,
    kind,
    description: say(r.count),
    count: r.count,
    insertText: insertion(r.value, ctx),
    filterText: r.filterText,
    snippet: false,
    sortText: r.sortText,
    start: ctx.start,
    end: ctx.end,
  };
}

/** `articles` memoised per count: thousands of items share a handful of counts. */
function countLabels(t: Translate): (n: number) => string {
  const memo = new Map<number, string>();
  return (n) => {
    let s = memo.get(n);
    if (s === undefined) memo.set(n, (s = articles(n, t)));
    return s;
  };
}

/** "1 article" / "N articles", by the language's plural rules. */
export function articles(n: number, t: Translate): string {
  return t('{0, plural, one {# article} other {# articles}}', n);
}

/** Text that keeps the YAML valid: the user's open quote is closed, otherwise the list's quote style (or quotes where plain text would not be a string). */
function insertion(value: string, ctx: Extract<CursorContext, { kind: 'value' | 'item' }>): string {
  if (ctx.quote) return escape(value, ctx.quote) + (ctx.closed ? '' : ctx.quote);
  const q: Quote = ctx.kind === 'item' ? ctx.listQuote || (needsQuotes(value) ? '"' : '') : needsQuotes(value) ? '"' : '';
  return ctx.lead + (q ? q + escape(value, q) + q : value);
}

function escape(value: string, q: Quote): string {
  if (q === '"') return value.replace(/[\\"]/g, '\\$&');
  if (q === "'") return value.replace(/'/g, "''");
  return value;
}

/** True when a plain YAML scalar would not read back as this string. */
export function needsQuotes(value: string): boolean {
  if (value === '' || value !== value.trim()) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value) || /[,[\]{}]/.test(value)) return true;
  if (/^(?:true|false|yes|no|on|off|null|~|y|n)$/i.test(value)) return true;
  if (/^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value)) return true;
  return /^\d{4}-\d\d?-\d\d?/.test(value);
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** How many entries a list carries before it is narrowed to what the user has typed. */
export const MAX_ENTRIES = 100;

/** True when the letters of `typed` appear in `label` in order (the editor's own fuzzy match is no stricter). */
function fuzzyIncludes(label: string, typed: string): boolean {
  let i = 0;
  for (let j = 0; j < label.length && i < typed.length; j++) if (label[j] === typed[i]) i++;
  return i === typed.length;
}

/**
 * How well typed letters (folded: `sma` finds `smärta`) match a value: 4 = its start, 3 = the
 * start of one of its words, 2 = inside it, 1 = its letters in order, 0 = not at all.
 */
export function matchQuality(value: string, typed: string): number {
  const v = foldSearch(value);
  const q = foldSearch(typed);
  if (!q) return 4;
  if (v.startsWith(q)) return 4;
  if (v.split(/[\s\-_/]+/).some((w) => w.startsWith(q))) return 3;
  if (v.includes(q)) return 2;
  return fuzzyIncludes(v, q) ? 1 : 0;
}

/**
 * Keeps a long list (hundreds of tags) small enough to cross to the editor fast: only the
 * entries matching what is typed so far (å/ä/ö typed or not), at most `max`, most relevant
 * first. `incomplete` tells the editor to ask again as the user types.
 *
 * Tags, topics and authors with something typed are ranked here — by how well the letters
 * match, then by use — and handed to the editor with the typed text as their filter text, so
 * the editor keeps this order (its own fuzzy score would put `samband` above `smärta` for
 * `sma`) and selects the first.
 */
export function narrow(entries: CompletionEntry[], text: string, offset: number, max = MAX_ENTRIES): { entries: CompletionEntry[]; incomplete: boolean } {
  if (entries.length === 0) return { entries, incomplete: false };
  const start = Math.min(...entries.map((e) => e.start));
  const typed = foldSearch(text.slice(start, offset).replace(/^["']/, ''));
  const counted = entries.every((e) => e.count !== undefined);
  if (typed && counted) {
    const scored = entries
      .map((e, i) => ({ e, i, q: Math.max(matchQuality(e.label, typed), e.filterText ? matchQuality(e.filterText, typed) : 0) }))
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q || b.e.count! - a.e.count! || a.i - b.i);
    const shown = scored.slice(0, max).map(({ e }, i) => ({
      ...e,
      sortText: String(i).padStart(6, '0'),
      filterText: text.slice(e.start, offset),
      preselect: i === 0 ? true : undefined,
    }));
    return { entries: shown, incomplete: true };
  }
  if (entries.length <= max) return { entries, incomplete: false };
  const matching = typed ? entries.filter((e) => fuzzyIncludes(foldSearch(e.filterText ?? e.label), typed)) : entries;
  const sorted = [...matching].sort((a, b) => a.sortText.localeCompare(b.sortText));
  return { entries: sorted.slice(0, max), incomplete: sorted.length > max };
}
