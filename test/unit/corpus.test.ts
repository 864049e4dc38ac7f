import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { createChecker } from '../../src/core/check/index';
import { parseArticle } from '../../src/core/parse';
import { applyAll } from './apply';
import { article, check, only, rules } from './helpers';

function indexOf(files: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [f, text] of Object.entries(files)) index.set(f, entryOf(parseArticle(text)));
  return index;
}

const withTags = (tags: string, title = 'Ont i axeln', topic = 'impingement') =>
  article({ tags: `tags: ${tags}`, title: `title: "${title}"`, topic: `topic: "${topic}"` });

test('the index counts tags, topics, categories and authors, updated per file', () => {
  const index = indexOf({ a: withTags('["frozen-shoulder", "smärta"]', 'A'), b: withTags('["frozen-shoulder"]', 'B'), c: withTags('["frozen shoulder"]', 'C') });
  assert.equal(index.tags.get('frozen-shoulder'), 2);
  assert.equal(index.categories.get('axel'), 3);
  assert.equal(index.authors.get('Dr. A'), 3);
  assert.deepEqual(index.tags.sorted()[0], ['frozen-shoulder', 2]);
  index.set('b', entryOf(parseArticle(withTags('["smärta"]', 'B'))));
  assert.equal(index.tags.get('frozen-shoulder'), 1);
  assert.equal(index.tags.get('smärta'), 2);
  index.delete('a');
  assert.equal(index.tags.get('frozen-shoulder'), 0);
  assert.deepEqual(index.tagSpellings('Frozen Shoulder'), ['frozen shoulder']);
  assert.equal(index.size, 2);
});

test('a tag differing from a more common tag by case, space or diacritics is a warning naming the tag to use', () => {
  const index = indexOf({
    a: withTags('["frozen-shoulder"]', 'A'),
    b: withTags('["frozen-shoulder"]', 'B'),
    c: withTags('["AC-luxation"]', 'C'),
    d: withTags('["ac-luxation"]', 'D'),
    e: withTags('["ac-luxation"]', 'E'),
    f: withTags('["smärta"]', 'F'),
  });
  const text = withTags('["frozen shoulder", "AC-luxation", "smarta", "Smärta", "knä"]', 'Ny');
  const ps = only(check(text, { index }, 'new'), 'tag-variant');
  assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['"frozen shoulder"', '"AC-luxation"', '"smarta"']);
  // "Smärta" folds like "smarta" earlier in the same list: a repeat, not a second variant.
  assert.deepEqual(only(check(text, { index }, 'new'), 'tag-duplicate').map((p) => text.slice(p.start, p.end)), ['"Smärta"']);
  assert.match(ps[0].message, /use "frozen-shoulder"/);
  assert.match(ps[0].message, /2 articles/);
  assert.ok(applyAll(text, ps[0]).includes('tags: ["frozen-shoulder", "AC-luxation"'));
  // The common spelling itself is fine.
  assert.deepEqual(only(check(withTags('["frozen-shoulder"]'), { index }, 'a'), 'tag-variant'), []);
});

test('a tag repeated in one list is a warning with a fix that removes it (flow and block lists)', () => {
  const flow = withTags('["smärta", "axel", "Smärta"]');
  const ps = only(check(flow), 'tag-duplicate');
  assert.equal(ps.length, 1);
  assert.equal(flow.slice(ps[0].start, ps[0].end), '"Smärta"');
  assert.ok(applyAll(flow, ps[0]).includes('tags: ["smärta", "axel"]\n'));
  const block = article({ tags: 'tags:\r\n  - smärta\r\n  - smärta\r\n  - axel' });
  const bp = only(check(block), 'tag-duplicate');
  assert.equal(bp[0].range.start.line, 7);
  assert.ok(applyAll(block, bp[0]).includes('tags:\r\n  - smärta\r\n  - axel'));
});

test('an unknown topic suggests the nearest known one; a known topic is quiet', () => {
  const index = indexOf({ a: withTags('[]', 'A', 'frozen-shoulder'), b: withTags('[]', 'B', 'impingement') });
  const ps = only(check(withTags('[]', 'Ny', 'frozen-sholder'), { index }, 'new'), 'topic-unknown');
  assert.equal(ps.length, 1);
  assert.equal(ps[0].severity, 'info');
  assert.match(ps[0].message, /did you mean "frozen-shoulder"/);
  assert.deepEqual(only(check(withTags('[]', 'Ny', 'impingement'), { index }, 'new'), 'topic-unknown'), []);
  // A new topic far from every known one is allowed.
  assert.deepEqual(only(check(withTags('[]', 'Ny', 'tennisarmbage'), { index }, 'new'), 'topic-unknown'), []);
});

test('a title used by another article is a warning naming that file', () => {
  const index = indexOf({ 'a.md': withTags('[]', 'Ont i axeln'), 'b.md': withTags('[]', 'Annat') });
  const ps = only(check(withTags('[]', 'ont i  axeln'), { index }, 'c.md'), 'duplicate-title');
  assert.equal(ps.length, 1);
  assert.match(ps[0].message, /a\.md/);
  assert.deepEqual(only(check(withTags('[]', 'Ont i axeln'), { index }, 'a.md'), 'duplicate-title'), []);
});

test('without an index, corpus rules stay quiet', () => {
  assert.deepEqual(rules(check(withTags('["Frozen Shoulder"]'))), []);
});

test('a tag no article uses any more is gone: not counted at 0, not offered, no variant of anything', () => {
  const index = indexOf({ a: withTags('["smärta", "Frozen shoulder"]', 'A'), b: withTags('["frozen-shoulder"]', 'B') });
  index.set('a', entryOf(parseArticle(withTags('["smärta"]', 'A'))));
  index.delete('b');
  assert.deepEqual(index.tags.sorted(), [['smärta', 1]]);
  assert.equal(index.tags.counts.has('frozen-shoulder'), false);
  assert.deepEqual(index.tagSpellings('frozen-shoulder'), []);
  assert.equal(index.preferredTag('Frozen shoulder'), undefined);
  // A tag used again after being removed counts from 1.
  index.set('c', entryOf(parseArticle(withTags('["frozen-shoulder"]', 'C'))));
  assert.equal(index.tags.get('frozen-shoulder'), 1);
  assert.deepEqual(index.tagSpellings('Frozen Shoulder'), ['frozen-shoulder']);
  // Topics, categories and authors forget the same way.
  index.set('c', entryOf(parseArticle(article({ topic: 'topic: "menisk"', category: 'category: "kna"', author: 'author: "Dr. B"' }))));
  assert.deepEqual(index.topics.sorted(), [['impingement', 1], ['menisk', 1]]);
  assert.deepEqual(index.topicsOf('kna'), [['menisk', 1]]);
  assert.deepEqual(index.topicsOf('axel'), [['impingement', 1]]);
  assert.equal(index.authors.get('Dr. A'), 1);
});

/** The files with a title, as a list (none: empty). */
const titleFiles = (index: CorpusIndex, title: string) => [...(index.titleFiles(title) ?? [])];

test('the title index forgets a renamed or deleted article', () => {
  const index = indexOf({ a: withTags('[]', 'Ont i axeln'), b: withTags('[]', 'ont i  axeln ') });
  assert.deepEqual(titleFiles(index, 'Ont i axeln').sort(), ['a', 'b']);
  index.set('a', entryOf(parseArticle(withTags('[]', 'Stel axel'))));
  assert.deepEqual(titleFiles(index, 'Ont i axeln'), ['b']);
  assert.deepEqual(titleFiles(index, 'stel axel'), ['a']);
  index.delete('b');
  assert.deepEqual(titleFiles(index, 'Ont i axeln'), []);
  // The renamed article no longer counts as a duplicate of the old title.
  assert.deepEqual(only(check(withTags('[]', 'Ont i axeln'), { index }, 'new'), 'duplicate-title'), []);
  assert.equal(only(check(withTags('[]', 'Stel axel'), { index }, 'new'), 'duplicate-title').length, 1);
});

test('one checker names the files sharing a title or an address as the index is then, however it changed since its last check', () => {
  // The corpus rule keeps each title's names while the index is unchanged: an edit must show at once.
  const dir = '/site/src/content/fraga-doktorn/';
  const index = indexOf({ [dir + 'a.md']: withTags('[]', 'Ont i axeln'), [dir + 'b.md']: withTags('[]', 'Ont i axeln'), [dir + 'c.md']: withTags('[]', 'Annat') });
  const checker = createChecker({ index, displayPath: (f) => f.slice(dir.length) });
  const dup = (file: string, text = withTags('[]', 'Ont i axeln')) => only(checker.check(text, dir + file), 'duplicate-title').map((p) => p.message);
  assert.deepEqual(dup('a.md'), ['Another article has the same title: b.md.']);
  assert.deepEqual(dup('b.md'), ['Another article has the same title: a.md.']);
  assert.deepEqual(dup('new.md'), ['Another article has the same title: a.md, b.md.']);
  index.set(dir + 'c.md', entryOf(parseArticle(withTags('[]', 'ont i axeln'))));
  assert.deepEqual(dup('a.md'), ['Another article has the same title: b.md, c.md.']);
  for (const f of ['d.md', 'e.md']) index.set(dir + f, entryOf(parseArticle(withTags('[]', 'Ont i axeln'))));
  assert.deepEqual(dup('new.md'), ['Another article has the same title: a.md, b.md, c.md (+2).']);
  assert.deepEqual(dup('c.md'), ['Another article has the same title: a.md, b.md, d.md (+1).']);
  assert.deepEqual(dup('d.md'), ['Another article has the same title: a.md, b.md, c.md (+1).']);
  assert.deepEqual(dup('e.md'), ['Another article has the same title: a.md, b.md, c.md (+1).']);
  assert.deepEqual(dup('new.md'), ['Another article has the same title: a.md, b.md, c.md (+2).']);
  index.delete(dir + 'b.md');
  index.set(dir + 'd.md', entryOf(parseArticle(withTags('[]', 'Stel axel'))));
  index.delete(dir + 'e.md');
  assert.deepEqual(dup('a.md'), ['Another article has the same title: c.md.']);
  index.delete(dir + 'c.md');
  assert.deepEqual(dup('a.md'), []);
  // The same for a page address, given by a slug.
  const slugged = (slug: string) => article({ title: 'title: "X"', slug: `slug: ${slug}` });
  const addr = (file: string, slug: string) => only(checker.check(slugged(slug), dir + file), 'page-address').filter((p) => /address/.test(p.message) && /\.md/.test(p.message)).length;
  index.set(dir + 'p.md', entryOf(parseArticle(slugged('axel/ont'))));
  assert.equal(addr('q.md', 'axel/ont'), 1);
  index.set(dir + 'p.md', entryOf(parseArticle(slugged('axel/stel'))));
  assert.equal(addr('q.md', 'axel/ont'), 0);
});

test('the index keeps its entries, not the articles they were read from', () => {
  // A heap measured after full collections: the index of 300 articles with 40,000-character
  // answers would hold 12 MB if each entry's title or tags still pointed into its article's text.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const answer = 'Smärtan i axeln kommer ofta från senorna. '.repeat(1000);
  // Each text is made anew (as a file read makes it), so nothing but the index can keep it.
  const text = (i: number) => [`---`, `title: "Ont i axeln när jag lyfter armen, nummer ${i}"`, `description: "En beskrivning av besvären som är lång nog, nummer ${i}"`, `tags: ["frozen-shoulder-${i}", "axelsmärta-hos-vuxna"]`, `question: "Jag har haft ont i axeln i flera månader, nummer ${i}"`, `---`, '', answer + i].join('\n');
  const build = () => {
    const index = new CorpusIndex();
    for (let i = 0; i < 300; i++) index.set(`f${i}.md`, entryOf(parseArticle(text(i))));
    return index;
  };
  build();
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = build();
  gc();
  const perEntry = (process.memoryUsage().heapUsed - before) / index.size;
  assert.equal(index.size, 300);
  assert.ok(perEntry < 8_000, `the index keeps ${Math.round(perEntry)} bytes per entry; an article's text is ${text(0).length} characters`);
});

test('the sorted counts follow every change, and a caller may change the list it got', () => {
  const index = indexOf({ a: withTags('["smärta", "axel"]', 'A'), b: withTags('["smärta"]', 'B') });
  const first = index.tags.sorted();
  assert.deepEqual(first, [['smärta', 2], ['axel', 1]]);
  first.pop();
  first[0][1] = 99;
  assert.deepEqual(index.tags.sorted(), [['smärta', 2], ['axel', 1]]);
  index.set('c', entryOf(parseArticle(withTags('["axel", "ömhet", "öga", "ärr", "zon"]', 'C'))));
  // Swedish order: z, å, ä, ö.
  assert.deepEqual(index.tags.sorted(), [['axel', 2], ['smärta', 2], ['zon', 1], ['ärr', 1], ['öga', 1], ['ömhet', 1]]);
  index.delete('a');
  assert.deepEqual(index.tags.sorted(), [['axel', 1], ['smärta', 1], ['zon', 1], ['ärr', 1], ['öga', 1], ['ömhet', 1]]);
});
