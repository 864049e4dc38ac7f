import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { applyEdits, fixAllText } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import { renderArticle } from '../../src/core/render/article';
import { article, check, only } from './helpers';

const FILE = '/site/src/content/fraga-doktorn/ont-i-axeln.md';

test('a slug field is no field the site ignores: it sets the page\'s address, and the warning says which', () => {
  const text = article({ slug: 'slug: "axelsmarta"' });
  const [p] = only(check(text, {}, FILE), 'page-address');
  assert.equal(p.severity, 'warning');
  assert.equal(p.message, 'The field `slug` sets the page\'s address: the site publishes this article at /fraga-doktorn/axelsmarta, not at /fraga-doktorn/ont-i-axeln, the address its file name gives. Remove the line unless that address is meant.');
  assert.deepEqual(only(check(text, {}, FILE), 'unknown-field'), []);
  assert.match(only(check(text, { lang: 'sv' }, FILE), 'page-address')[0].message, /^Fältet `slug` bestämmer sidans adress: webbplatsen publicerar artikeln på \/fraga-doktorn\/axelsmarta/);
  // The fix removes the line; the writer decides, so no fix-all applies it.
  const fix = p.fixes![0];
  assert.equal(fix.preferred, false);
  assert.equal(applyEdits(text, fix.edits), article());
  assert.equal(fixAllText(text, (t) => check(t, {}, FILE)).text, text);
  // Without a file, the address from its name is not known.
  assert.match(only(check(text), 'page-address')[0].message, /at \/fraga-doktorn\/axelsmarta, not at the address its file name gives/);
});

test('a slug the site does not use (empty) is an unknown field; one equal to the file\'s address says nothing', () => {
  assert.deepEqual(only(check(article({ slug: 'slug: ""' }), {}, FILE), 'unknown-field').map((p) => p.message), ['Unknown field `slug`: the site ignores it.']);
  assert.deepEqual(check(article({ slug: 'slug: "ont-i-axeln"' }), {}, FILE), []);
});

test('the preview shows the address the site gives: the slug field\'s, and the article is not among its own "Fler frågor"', () => {
  const text = article({ slug: 'slug: "axelsmarta"' });
  const index = new CorpusIndex();
  index.set(FILE, entryOf(parseArticle(text)));
  index.set('/site/src/content/fraga-doktorn/b.md', entryOf(parseArticle(article({ title: 'title: "Andra frågan"' }))));
  const html = renderArticle(parseArticle(text), { file: FILE, index });
  assert.match(html, /data-qa="serp-url">[^<]*\/fraga-doktorn\/axelsmarta</);
  assert.match(html, /data-slug="b"/);
  assert.doesNotMatch(html, /data-slug="ont-i-axeln"/);
  // Another article's slug field is its address there too, and one at this article's address is this one to the site.
  index.set('/site/src/content/fraga-doktorn/c.md', entryOf(parseArticle(article({ title: 'title: "Tredje"', slug: 'slug: "eget-namn"' }))));
  index.set('/site/src/content/fraga-doktorn/d.md', entryOf(parseArticle(article({ title: 'title: "Fjärde"', slug: 'slug: "axelsmarta"' }))));
  const again = renderArticle(parseArticle(text), { file: FILE, index });
  assert.match(again, /data-slug="eget-namn"/);
  assert.doesNotMatch(again, /Fjärde/);
});

test('two articles whose pages get one address: each is told of the other (the site publishes only one), whether by file names or a slug', () => {
  const index = new CorpusIndex();
  const a = '/site/src/content/fraga-doktorn/Ont i axeln.md';
  const b = FILE; // ont-i-axeln.md: the same address as "Ont i axeln.md"
  const c = '/site/src/content/fraga-doktorn/annan.md';
  const texts: Record<string, string> = { [a]: article(), [b]: article({ title: 'title: "B"' }), [c]: article({ title: 'title: "C"', slug: 'slug: "ont-i-axeln"' }) };
  for (const [f, t] of Object.entries(texts)) index.set(f, entryOf(parseArticle(t)));
  const shown = (f: string) => f.replace('/site/', '');
  const at = (f: string) => only(check(texts[f], { index, displayPath: shown }, f), 'page-address').filter((p) => !p.message.startsWith('The field'));
  assert.deepEqual(at(a).map((p) => p.message), ['2 other articles have the same page address, /fraga-doktorn/ont-i-axeln: src/content/fraga-doktorn/annan.md, src/content/fraga-doktorn/ont-i-axeln.md. The site publishes only one of them, whichever it reads last. Give each its own file name.']);
  index.delete(c);
  assert.match(at(a)[0].message, /^Another article has the same page address, \/fraga-doktorn\/ont-i-axeln: src\/content\/fraga-doktorn\/ont-i-axeln\.md\. /);
  assert.match(only(check(texts[a], { index, displayPath: shown, lang: 'sv' }, a), 'page-address')[0].message, /^En annan artikel har samma sidadress/);
  index.set(c, entryOf(parseArticle(texts[c])));
  assert.equal(at(b).length, 1);
  assert.equal(at(c).length, 1);
  assert.deepEqual([at(a)[0].range.start, at(a)[0].range.end], [{ line: 0, character: 0 }, { line: 0, character: 3 }]);
  // Renamed, each has its own address again.
  index.delete(a);
  index.set('/site/src/content/fraga-doktorn/ont-i-axeln-2.md', entryOf(parseArticle(texts[a])));
  index.delete(c);
  assert.deepEqual(at(b), []);
});

test('outside the collection\'s folder (a project with its own include) no two names are taken for one address', () => {
  const index = new CorpusIndex();
  const a = '/site/articles/axel/ont.md';
  const b = '/site/articles/kna/ont.md';
  for (const f of [a, b]) index.set(f, entryOf(parseArticle(article({ title: `title: "${f}"` }))));
  assert.deepEqual(only(check(article({ title: `title: "${a}"` }), { index }, a), 'page-address'), []);
});
