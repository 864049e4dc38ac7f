import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { complete, matchQuality, narrow } from '../../src/core/complete/completions';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { parseArticle } from '../../src/core/parse';
import { defaultSchema } from '../../src/core/schema';
import { CORPUS, article } from './helpers';

function suggest(index: CorpusIndex, line: string, selfFile?: string) {
  const text = article({ tags: line.replace('|', '') });
  const offset = text.indexOf(line.replace('|', '')) + line.indexOf('|');
  const entries = complete(text, offset, { schema: defaultSchema(), index, lang: 'en', self: selfFile ? index.get(selfFile) : undefined });
  return narrow(entries, text, offset);
}

function indexWith(tagsPerFile: Record<string, string[]>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [f, tags] of Object.entries(tagsPerFile)) index.set(f, entryOf(parseArticle(article({ tags: `tags: [${tags.map((t) => `"${t}"`).join(', ')}]` }))));
  return index;
}

test('the edited article is left out of the counts: a tag typed only here is not offered', () => {
  const index = indexWith({ '/a.md': ['smärta', 'samband'], '/b.md': ['smärta', 'samband'], '/c.md': ['smärta'], '/d.md': ['smärta'], '/self.md': ['sma', 'smärta'] });
  const shown = suggest(index, 'tags: ["sma|"]', '/self.md');
  assert.deepEqual(shown.entries.map((e) => `${e.label} ${e.description}`), ['smärta 4 articles', 'samband 2 articles']);
  // Without knowing the file, its tags count as any other's.
  assert.ok(suggest(index, 'tags: ["sma|"]').entries.some((e) => e.label === 'sma'));
});

test('typed letters rank by how well they match, folding å/ä/ö, then by use; the first is preselected', () => {
  const index = indexWith({ '/1.md': ['samband'], '/2.md': ['samband'], '/3.md': ['smärta', 'ont-i-smalbenet'], '/4.md': ['smärtlindring'] });
  const shown = suggest(index, 'tags: [sma|]');
  assert.deepEqual(shown.entries.map((e) => e.label), ['smärta', 'smärtlindring', 'ont-i-smalbenet', 'samband']);
  assert.equal(shown.entries[0].preselect, true);
  assert.ok(shown.entries.slice(1).every((e) => !e.preselect));
  // The editor keeps this order: every entry filters on what is typed, sorted as ranked.
  assert.ok(shown.entries.every((e, i) => e.filterText === 'sma' && e.sortText === String(i).padStart(6, '0')));
  assert.equal(shown.incomplete, true);
  assert.equal(matchQuality('smärta', 'SMÄ'), 4);
  assert.equal(matchQuality('ont-i-smalbenet', 'sma'), 3);
  assert.equal(matchQuality('samband', 'sma'), 1);
  assert.equal(matchQuality('axel', 'sma'), 0);
});

const present = fs.existsSync(CORPUS);
if (!present) console.log(`# skipped: the real corpus is not at ${CORPUS}`);

test('the real corpus: `sma` offers smärta (318 articles) first and preselected', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const index = new CorpusIndex();
  for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.md'))) index.set(f, entryOf(parseArticle(fs.readFileSync(path.join(CORPUS, f), 'utf8'))));
  const shown = suggest(index, 'tags: ["sma|"]');
  assert.equal(shown.entries[0].label, 'smärta');
  assert.equal(shown.entries[0].description, '318 articles');
  assert.equal(shown.entries[0].preselect, true);
  const samband = shown.entries.findIndex((e) => e.label === 'samband');
  assert.ok(samband === -1 || samband > 0);
});
