import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../../src/core/corpus';
import { parseArticle } from '../../src/core/parse';
import { renderArticle } from '../../src/core/render/article';
import { cutAt, tagClashes, tagPageTitle } from '../../src/core/render/sitePage';
import { pageSlug, slugOf } from '../../src/core/site/address';
// @ts-expect-error TS1479: github-slugger's types are an ES module's; its code runs here through tsx.
import { slug as githubSlug } from 'github-slugger';
import { article, check } from './helpers';

test('the tag page title as the site makes it; spellings that share one', () => {
  assert.equal(tagPageTitle('frozen-shoulder'), 'Frozen shoulder');
  assert.equal(tagPageTitle('frozen shoulder'), 'Frozen shoulder');
  const index = new CorpusIndex();
  index.set('/a.md', { tags: ['frozen shoulder'], published: true });
  index.set('/b.md', { tags: ['Frozen-Shoulder'], published: true });
  assert.deepEqual(tagClashes('frozen-shoulder', ['frozen-shoulder'], index), ['frozen shoulder'], '"Frozen Shoulder" is another title');
  assert.deepEqual(tagClashes('smärta', ['smärta'], index), []);
});

test('search results are cut at a word, and the page address is the file\'s slug', () => {
  assert.deepEqual(cutAt('kort', 60), { text: 'kort', cut: false });
  const cut = cutAt('Ett ord och ett ord till och så vidare tills det blir för långt att visa', 30);
  assert.equal(cut.text, 'Ett ord och ett ord till och …');
  assert.equal(slugOf('/x/src/content/fraga-doktorn/Ont i Axeln.md'), 'ont-i-axeln');
  // Every Markdown extension the site builds makes its address without it.
  assert.equal(slugOf('/x/src/content/fraga-doktorn/Ont i knät.markdown'), 'ont-i-knät');
  assert.equal(slugOf('/x/src/content/fraga-doktorn/axel.MDWN'), 'axel');
});

test('the page address is made as the site\'s collection makes it: folders below the collection kept, github-slugger\'s slug of each, a frontmatter slug taken as it is', () => {
  assert.equal(slugOf('/x/src/content/fraga-doktorn/axel/Ont i axeln.md'), 'axel/ont-i-axeln');
  assert.equal(slugOf('/x/src/content/fraga-doktorn/Knä/index.md'), 'knä');
  // A no-break space is removed, not made a hyphen; a letter written with a combining mark keeps it.
  assert.equal(slugOf('/x/src/content/fraga-doktorn/ont\u00a0i axeln.md'), 'onti-axeln');
  assert.equal(slugOf('/x/src/content/fraga-doktorn/kna\u0308.md'), 'kna\u0308');
  assert.equal(slugOf('/x/src/content/fraga-doktorn/Vad är AC-leden? (2024).md'), 'vad-är-ac-leden-2024');
  // Outside the collection's folder, the name alone.
  assert.equal(slugOf('/tmp/Ont i axeln.md'), 'ont-i-axeln');
  assert.equal(pageSlug('/x/src/content/fraga-doktorn/a.md', { slug: 'Annan Adress' }), 'Annan Adress');
  assert.equal(pageSlug('/x/src/content/fraga-doktorn/a.md', { slug: '' }), 'a');
  assert.equal(pageSlug(undefined, {}), undefined);
  // The shortcut for names that are already slugs gives what github-slugger gives.
  for (const name of ['ont-i-axeln', 'knä_2', 'åäöéü-1', 'Ont', 'a b', 'a.b', 'ÅÄÖ']) assert.equal(slugOf(`/x/src/content/fraga-doktorn/${name}.md`), githubSlug(name), name);
});

test('the page names a diagnosis topic in its breadcrumb and pill when there is no known condition', () => {
  const html = renderArticle(parseArticle(article({ topic: 'topic: "axelluxation"' })));
  assert.match(html, /<span class="qa-crumb qa-crumb-current">Axelluxation<\/span>/);
  assert.match(html, /data-qa="pill"[^>]*>Axelluxation</);
  const plain = renderArticle(parseArticle(article({ topic: 'topic: "impingement"' })));
  assert.match(plain, /<span class="qa-crumb qa-crumb-current">Axel<\/span>/);
  assert.match(plain, /data-qa="category"[^>]*>Axel</);
});

test('"Fler frågor om …" lists the first three other published articles of the category, by file name', () => {
  const index = new CorpusIndex();
  const e = (title: string, category = 'axel', published = true) => ({ tags: [], title, category, published });
  index.set('/c/d.md', e('D'));
  index.set('/c/b.md', e('B', 'axel', false));
  index.set('/c/a.md', e('A'));
  index.set('/c/self.md', e('Self'));
  index.set('/c/c.md', e('C'));
  index.set('/c/k.md', e('K', 'kna'));
  index.set('/c/e.md', e('E'));
  const html = renderArticle(parseArticle(article()), { index, file: '/c/self.md' });
  assert.deepEqual([...html.matchAll(/class="qa-related-title">([^<]*)</g)].map((m) => m[1]), ['A', 'C', 'D']);
  assert.match(html, /Fler frågor om axel/);
});

test('personal data weighs as much on an unpublished article: its page is still built', () => {
  const ps = check(article({ published: 'published: false' }, 'Ring mig på 070-123 45 67.\n\n**Sammanfattning:**\n- En punkt\n'));
  const pii = ps.filter((p) => p.rule === 'personal-data');
  assert.equal(pii.length, 1);
  assert.equal(pii[0].severity, 'warning');
});
