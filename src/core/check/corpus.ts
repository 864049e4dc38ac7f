import { isScalar, isSeq, type Scalar, type YAMLSeq } from 'yaml';
import type { CheckContext } from './context';
import { detached, entryOf, type CorpusIndex, type IndexEntry } from '../corpus';
import type { ParsedArticle } from '../parse';
import { compareSv, foldKey, nearest } from '../similarity';
import { addressOf, inCollection } from '../site/address';
import type { Fix, Range } from '../types';
import { styleOf, valueSpan, writeString, type QuoteStyle } from '../yaml/quote';

/** A scalar value of the frontmatter with where it stands and how it is quoted. */
export interface Span {
  value: string;
  start: number;
  end: number;
  range: Range;
  quote: QuoteStyle;
}

/**
 * What the corpus rules need of one article, small enough to keep for thousands of files
 * after their parsed documents are gone: its index entry and the spans of its tags, topic
 * and title.
 */
export interface CorpusFacts {
  entry: IndexEntry;
  tags: Span[];
  topic?: Span;
  title?: Span;
  /** Set when the source reading went astray (the spans may be wrong) or the fields are TOML: no fix may edit by them. */
  untrusted?: true;
}

/** The span of a string scalar of the frontmatter, or undefined for anything else. */
export function spanOf(article: ParsedArticle, node: unknown): Span | undefined {
  if (!isScalar(node) || typeof (node as Scalar).value !== 'string' || !(node as Scalar).range) return undefined;
  const s = node as Scalar<string>;
  // A block scalar's range includes its line break: a replacement must stop before it.
  const { start, end } = valueSpan(article.text, s);
  const quote = styleOf(s);
  return { value: detached(s.value), start, end, range: rangeOf(article, start, end), quote };
}

/** `lines.range(start, end)`, the end worked out from the start when no line break is between them (a value on one line). */
function rangeOf(article: ParsedArticle, start: number, end: number): Range {
  const { lines, text } = article;
  const from = lines.positionAt(start);
  // A start at its own offset (not clamped to its line's end) and no break up to the end: one line.
  if (end < start || end > text.length || lines.starts[from.line] + from.character !== start) return lines.range(start, end);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return { start: from, end: lines.positionAt(end) };
  }
  return { start: from, end: { line: from.line, character: from.character + (end - start) } };
}

/** Extracts the corpus facts of a parsed article. */
export function corpusFacts(article: ParsedArticle): CorpusFacts {
  const tagsNode = article.fields.get('tags')?.node;
  const tags = isSeq(tagsNode) ? (tagsNode.items as unknown[]).map((n) => spanOf(article, n)).filter((s): s is Span => !!s) : [];
  return {
    // Fields in TOML: a fix by these spans would write YAML into them.
    ...(article.sourceIssues.length || article.frontmatter?.kind === 'toml' ? { untrusted: true as const } : {}),
    entry: entryOf(article),
    tags,
    topic: spanOf(article, article.fields.get('topic')?.node),
    title: spanOf(article, article.fields.get('title')?.node),
  };
}

/** Writes a value in the quoting style of the one it replaces. */
export function quoteAs(quote: Span['quote'], value: string): string {
  return writeString(value, quote);
}

/** Repeated tags in one list: needs no corpus, only the list itself. */
export function checkTagRepeats(ctx: CheckContext): void {
  if (!ctx.on('tag-duplicate')) return;
  const node = ctx.article.fields.get('tags')?.node;
  if (!isSeq(node)) return;
  const seq = node as YAMLSeq;
  const seen = new Set<string>();
  (seq.items as unknown[]).forEach((item, i) => {
    if (!isScalar(item) || typeof (item as Scalar).value !== 'string' || !(item as Scalar).range) return;
    const s = item as Scalar<string>;
    const key = foldKey(s.value);
    if (!seen.has(key)) {
      seen.add(key);
      return;
    }
    const fix: Fix = { title: ctx.msg('fix-remove-tag', s.value), edits: [removeItemEdit(ctx, seq, i)], preferred: true };
    ctx.report('tag-duplicate', s.range![0], s.range![1], ctx.msg('tag-duplicate', s.value), ctx.article.sourceIssues.length ? [] : [fix]);
  });
}

/**
 * Rules that compare the article with the rest of the corpus: tag variants, near-miss topics
 * and duplicate titles. They read only the facts, so a large check can run them after
 * every file is indexed.
 */
export function checkAgainstCorpus(ctx: CheckContext, facts: CorpusFacts): void {
  const { index } = ctx;
  if (!index || index.size === 0) return;
  const self = ctx.file ? index.get(ctx.file) : undefined;

  if (ctx.on('tag-variant')) {
    const seen = new Set<string>();
    for (const t of facts.tags) {
      const key = foldKey(t.value);
      if (seen.has(key)) continue; // a repeat, reported by checkTagRepeats
      seen.add(key);
      const preferred = index.preferredTag(t.value, key);
      if (!preferred) continue;
      const fix: Fix = { title: ctx.msg('fix-replace', preferred), edits: [{ start: t.start, end: t.end, newText: quoteAs(t.quote, preferred) }], preferred: true };
      ctx.report('tag-variant', t.start, t.end, ctx.msg('tag-variant', t.value, preferred, index.tags.get(preferred)), facts.untrusted ? [] : [fix], t.range);
    }
  }

  const topic = facts.topic;
  // With the site's own list known, `topic-no-page` says more (and from the site itself) than a guess from the corpus.
  if (topic && topic.value.trim() !== '' && ctx.on('topic-unknown') && !ctx.site?.topics) {
    const usedElsewhere = (t: string) => index.topics.get(t) - (self?.topic === t ? 1 : 0);
    if (usedElsewhere(topic.value) <= 0) {
      const known = [...index.topics.counts.keys()].filter((t) => t !== topic.value && usedElsewhere(t) > 0);
      // A new topic is allowed; only a near miss of a known one is worth a word: of near misses
      // equally near, the most used, then the first alphabetically (only then is a collator made).
      const suggestion = nearest(topic.value, known, (a, b) => index.topics.get(b) - index.topics.get(a) || compareSv(a, b));
      if (suggestion) {
        const fix: Fix = { title: ctx.msg('fix-replace', suggestion), edits: [{ start: topic.start, end: topic.end, newText: quoteAs(topic.quote, suggestion) }], preferred: true };
        ctx.report('topic-unknown', topic.start, topic.end, ctx.msg('topic-unknown-suggest', topic.value, suggestion, index.topics.get(suggestion)), facts.untrusted ? [] : [fix], topic.range);
      }
    }
  }

  const title = facts.title;
  if (title && title.value.trim() !== '' && ctx.on('duplicate-title')) {
    const dup = others(ctx, index, 'title', title.value);
    if (dup) ctx.report('duplicate-title', title.start, title.end, ctx.msg('duplicate-title', dup.shown), undefined, title.range);
  }

  // Two pages at one address: the site keeps the one it reads last, and the other is not published at all.
  if (ctx.file !== undefined && inCollection(ctx.file) && ctx.on('page-address')) {
    const address = addressOf(ctx.file, facts.entry.slug);
    const dup = others(ctx, index, 'address', address);
    if (dup) {
      const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
      ctx.report('page-address', 0, 3, ctx.msg('page-address-duplicate', address, dup.shown, dup.count), undefined, at);
    }
  }
}

/** Files that share a title or a page address: their names in messages, sorted, and where each file's own name is in them. */
interface Group {
  files: string[];
  names: string[];
  /** The position in `names` of each file's name. */
  at: number[];
  /** What a file outside the group shows, and one of its files whose name is not among the first three (most of them). */
  shownAll?: string;
  shownLate?: string;
}

/**
 * The groups of files asked about, per index for one state of it (its revision) and one way of
 * naming files: every file of a title written k times names the other k - 1, so naming and
 * sorting them for each file was k sorts of k names. Made again as soon as the index changes;
 * kept no longer than the index.
 */
const groupsOf = new WeakMap<CorpusIndex, { revision: number; displayPath: (file: string) => string; title: Map<string, Group>; address: Map<string, Group> }>();

/**
 * The other files with this title or page address, as a message names them: their number and
 * the first three names in sorted order, `a, b, c (+2)`. Undefined when the file is alone in it.
 */
function others(ctx: CheckContext, index: CorpusIndex, kind: 'title' | 'address', key: string): { count: number; shown: string } | undefined {
  const set = kind === 'title' ? index.titleFiles(key) : index.addressFiles(key);
  const own = ctx.file !== undefined && set !== undefined && set.has(ctx.file);
  if (!set || (own && set.size === 1)) return undefined;
  let groups = groupsOf.get(index);
  if (!groups || groups.revision !== index.revision || groups.displayPath !== ctx.displayPath) {
    groupsOf.set(index, (groups = { revision: index.revision, displayPath: ctx.displayPath, title: new Map(), address: new Map() }));
  }
  let group = groups[kind].get(key);
  if (!group) {
    const files = [...set];
    const unsorted = files.map(ctx.displayPath);
    // In the order of `sort()`: by UTF-16 code units.
    const order = files.map((_, i) => i).sort((a, b) => (unsorted[a] < unsorted[b] ? -1 : unsorted[a] > unsorted[b] ? 1 : 0));
    const at: number[] = [];
    order.forEach((f, i) => (at[f] = i));
    groups[kind].set(key, (group = { files, names: order.map((f) => unsorted[f]), at }));
  }
  // The file's own name is left out.
  const skip = own ? group.at[group.files.indexOf(ctx.file!)] : -1;
  const count = group.names.length - (own ? 1 : 0);
  // The same first three names, and so the same text, for every file but the first three.
  if (skip < 0 && group.shownAll !== undefined) return { count, shown: group.shownAll };
  if (skip >= 3 && group.shownLate !== undefined) return { count, shown: group.shownLate };
  const first: string[] = [];
  for (let i = 0; i < group.names.length && first.length < 3; i++) if (i !== skip) first.push(group.names[i]);
  const shown = count > 3 ? `${first.join(', ')} (+${count - 3})` : first.join(', ');
  if (skip < 0) group.shownAll = shown;
  else if (skip >= 3) group.shownLate = shown;
  return { count, shown };
}

/** An edit that removes one item of a list, in flow (`[a, b]`) or block (`- a`) style. */
export function removeItemEdit(ctx: Pick<CheckContext, 'article'>, seq: YAMLSeq, i: number): { start: number; end: number; newText: string } {
  const items = seq.items as Scalar[];
  const [start, end] = items[i].range!;
  const { lines, text } = ctx.article;
  if (seq.flow) {
    if (i > 0) return { start: items[i - 1].range![1], end, newText: '' };
    const next = items[1]?.range?.[0];
    return { start, end: next ?? end, newText: '' };
  }
  const line = lines.positionAt(start).line;
  const lineEnd = line + 1 < lines.lineCount ? lines.starts[line + 1] : text.length;
  return { start: lines.starts[line], end: lineEnd, newText: '' };
}
