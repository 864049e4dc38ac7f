// Tag completion and hover latency of the pure completion code on a large index.
import { complete, type CompleteOptions } from '../src/core/complete/completions';
import { hoverAt } from '../src/core/complete/hover';
import { defaultSchema } from '../src/core/schema';
import { fmt, stats, table, timeSync } from './util';
import { bigCorpus } from './workflow';

const TARGET_P95 = 20;

/** A text and a cursor inside its `tags: [...]` list. */
interface Probe {
  text: string;
  offset: number;
}

/**
 * Cursor positions over a typical article's tag list: at every character of the list, and with
 * a partial word (`smar`, `op`, `styrk`, `ax`) typed as a new item, quoted or not.
 */
function probes(text: string): Probe[] {
  const m = /^tags:[ \t]*\[(.*)\][ \t]*$/m.exec(text);
  if (!m) throw new Error('the chosen article has no flow tag list');
  const listStart = m.index + m[0].indexOf('[') + 1;
  const listEnd = listStart + m[1].length;
  const out: Probe[] = [];
  for (let o = listStart; o <= listEnd; o++) out.push({ text, offset: o });
  for (const partial of ['smar', 'op', 'styrk', 'ax', 'sm']) {
    for (const typed of [`, ${partial}`, `, "${partial}`, `, "${partial}"`]) {
      const t = text.slice(0, listEnd) + typed + text.slice(listEnd);
      const cursor = listEnd + typed.length - (typed.endsWith('"') ? 1 : 0);
      for (let k = 0; k <= partial.length; k++) out.push({ text: t, offset: cursor - k });
    }
  }
  return out;
}

export function benchCompletion(): void {
  const { texts, index, names } = bigCorpus();
  const opts: CompleteOptions = { schema: defaultSchema(), index, lang: 'sv', today: '2024-01-01' };
  // A typical article: the median-sized corpus file with a flow tag list of three or more tags.
  const copyOne = names.map((n) => `/bench/copy-01/${n}`);
  const withTags = copyOne.map((f) => texts.get(f)!).filter((t) => /^tags:[ \t]*\[[^\]\n]*,[^\]\n]*,[^\]\n]*\]/m.test(t));
  const article = [...withTags].sort((a, b) => a.length - b.length)[Math.floor(withTags.length / 2)];
  const list = probes(article);

  let returned = 0;
  const answered = list.filter((p) => complete(p.text, p.offset, opts).length > 0).length;
  for (const p of list.slice(0, 20)) complete(p.text, p.offset, opts); // warm the JIT and the sorted-tags cache
  const calls = list.length * 3;
  let k = 0;
  const warm = stats(
    timeSync(calls, () => {
      const p = list[k++ % list.length];
      returned = Math.max(returned, complete(p.text, p.offset, opts).length);
    }),
  );

  // After an index change the sorted tag list is rebuilt on the next call.
  const someFile = copyOne[0];
  const entry = index.get(someFile)!;
  const coldRuns = 30;
  let j = 0;
  const cold = stats(
    timeSync(coldRuns, () => {
      const p = list[j++ % list.length];
      index.set(someFile, { ...entry, tags: [...entry.tags] });
      complete(p.text, p.offset, opts);
    }),
  );
  // Bumping the revision alone, for the part of the above that is the index update itself.
  const update = stats(timeSync(coldRuns, () => index.set(someFile, { ...entry, tags: [...entry.tags] })));

  // Hover on each tag of the list (the article is parsed per hover, as the provider does without a cache).
  const tagOffsets: number[] = [];
  const m = /^tags:[ \t]*\[(.*)\]/m.exec(article)!;
  const base = m.index + m[0].indexOf('[') + 1;
  for (const q of m[1].matchAll(/"[^"]*"/g)) tagOffsets.push(base + q.index! + 2);
  for (let i = 0; i < 10; i++) hoverAt(article, tagOffsets[i % tagOffsets.length], opts);
  let h = 0;
  let hovered = 0;
  const hover = stats(
    timeSync(300, () => {
      if (hoverAt(article, tagOffsets[h++ % tagOffsets.length], opts)) hovered++;
    }),
  );

  const met = (p95: number) => (p95 < TARGET_P95 ? 'yes' : 'NO');
  table(
    `Tag completion and hover (${index.size} index entries, ${index.tags.counts.size} distinct tags; article of ${(Buffer.byteLength(article) / 1024).toFixed(1)} KB, up to ${returned} items returned)`,
    ['case', 'calls', 'median', 'p95', 'target', 'met'],
    [
      [`completion in tags: [...], ${list.length} cursor/partial variants (${answered} answered)`, String(calls), fmt(warm.median), fmt(warm.p95), `p95 < ${TARGET_P95} ms`, met(warm.p95)],
      ['first completion after an index change (incl. the update)', String(coldRuns), fmt(cold.median), fmt(cold.p95), `p95 < ${TARGET_P95} ms`, met(cold.p95)],
      ['  of which the index update alone', String(coldRuns), fmt(update.median), fmt(update.p95), '', ''],
      [`hover on a tag (${hovered}/300 gave a hover)`, '300', fmt(hover.median), fmt(hover.p95), `p95 < ${TARGET_P95} ms`, met(hover.p95)],
    ],
  );
}

if (require.main === module) benchCompletion();
