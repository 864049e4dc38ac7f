// Workflow figures: the Articles view's grouping over a large index, and building a tag merge.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusIndex, entryOf, type IndexEntry } from '../src/core/corpus';
import { LineIndex } from '../src/core/lines';
import { parseArticle } from '../src/core/parse';
import { defaultSchemaObject } from '../src/core/schema';
import { groupArticles } from '../src/core/workflow/articleGroups';
import { tagRenameEdits } from '../src/core/workflow/tagEdits';
import { CORPUS } from './core';
import { fmt, stats, table, timeSync } from './util';

export const COPIES = 20;

export interface BigCorpus {
  /** `copy-NN/<file>.md` → text, for every copy. */
  texts: Map<string, string>;
  index: CorpusIndex;
  /** The corpus files, sorted, of one copy. */
  names: string[];
}

let big: BigCorpus | undefined;

/** The real corpus parsed once, its entries put into one index `COPIES` times under distinct paths (all in memory). */
export function bigCorpus(): BigCorpus {
  if (big) return big;
  const names = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  const parsed = names.map((f) => {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    return { f, text, entry: entryOf(parseArticle(text)) };
  });
  const texts = new Map<string, string>();
  const index = new CorpusIndex();
  for (let c = 1; c <= COPIES; c++) {
    const dir = `/bench/copy-${String(c).padStart(2, '0')}`;
    for (const p of parsed) {
      const file = `${dir}/${p.f}`;
      texts.set(file, p.text);
      // A copy of the entry per file, as the index would hold after reading each file itself.
      index.set(file, { ...p.entry, tags: [...p.entry.tags] } as IndexEntry);
    }
  }
  return (big = { texts, index, names });
}

const met = (ms: number, target: number) => (ms < target ? 'yes' : 'NO');

export function benchWorkflow(): void {
  const { texts, index } = bigCorpus();
  const categoryOrder = (defaultSchemaObject.properties?.category?.enum ?? []).map(String);

  // (a) The Articles view rebuilds its grouping from the index on every refresh.
  const entries = () => [...index.files()];
  const grouping = (filter: string, runs: number) => {
    for (let i = 0; i < 3; i++) groupArticles(entries(), categoryOrder, filter);
    return stats(timeSync(runs, () => void groupArticles(entries(), categoryOrder, filter)));
  };
  const all = grouping('', 30);
  const filtered = grouping('smärta', 30);
  const shown = groupArticles(entries(), categoryOrder, '').reduce((n, g) => n + g.count, 0);
  table(
    `Articles view: grouping on refresh (${index.size} index entries, ${COPIES} copies of the corpus, in memory)`,
    ['case', 'runs', 'median', 'p95', 'target', 'met (median)'],
    [
      [`no filter (${shown} articles)`, '30', fmt(all.median), fmt(all.p95), '< 200 ms', met(all.median, 200)],
      ['filter "smärta"', '30', fmt(filtered.median), fmt(filtered.p95), '< 200 ms', met(filtered.median, 200)],
    ],
  );

  // (b) A tag merge: the files are found through the index (as the command does), their texts
  // read from memory (the open-editor case) and every edit computed, offsets turned into positions.
  const from = 'smärta';
  const to = 'axelsmärta';
  const scope = new Set<string>();
  // Spread over the copies: 15 files with the tag from each of the 20.
  const perCopy = Math.ceil(300 / COPIES);
  const taken = new Map<string, number>();
  for (const [file, e] of index.files()) {
    const copy = file.split('/')[2];
    if (!e.tags.includes(from) || (taken.get(copy) ?? 0) >= perCopy || scope.size >= 300) continue;
    taken.set(copy, (taken.get(copy) ?? 0) + 1);
    scope.add(file);
  }
  let edited = 0;
  let removed = 0;
  const merge = () => {
    edited = 0;
    removed = 0;
    for (const [file, e] of index.files()) {
      if (!scope.has(file) || !e.tags.includes(from)) continue;
      const text = texts.get(file)!;
      const edits = tagRenameEdits(text, from, to);
      if (!edits.length) continue;
      edited++;
      if (e.tags.includes(to)) removed++;
      const lines = new LineIndex(text);
      for (const x of edits) void [lines.positionAt(x.start), lines.positionAt(x.end)];
    }
  };
  merge();
  const m = stats(timeSync(10, merge));
  table(
    `Tag merge "${from}" → "${to}": building the edit`,
    ['files with the tag', 'edited (of which merged)', 'runs', 'median', 'p95', 'target', 'met'],
    [[String(scope.size), `${edited} (${removed})`, '10', fmt(m.median), fmt(m.p95), '< 2 s', met(m.p95, 2000)]],
  );
}

if (require.main === module) benchWorkflow();
