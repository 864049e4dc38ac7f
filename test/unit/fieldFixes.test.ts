import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { applyEdits, fixAllText } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import { article, check, only } from './helpers';

function indexOf(...entries: [string, string, string][]): CorpusIndex {
  const index = new CorpusIndex();
  for (const [file, category, topic] of entries) index.set(file, entryOf(parseArticle(article({ category: `category: "${category}"`, topic: `topic: "${topic}"` }))));
  return index;
}

test('a missing category is derived from the topic, as most articles with that topic have it', () => {
  const index = indexOf(['a.md', 'kna', 'menisk'], ['b.md', 'kna', 'menisk'], ['c.md', 'annat', 'menisk'], ['d.md', 'axel', 'impingement']);
  const text = article({ category: null, topic: 'topic: "menisk"' });
  const [p] = only(check(text, { index }), 'schema-required');
  assert.equal(p.fixes![0].title, 'Add category: "kna" (the category of topic "menisk")');
  assert.match(p.message, /add a line category: "kna"/);
  // It goes where the field belongs: after the description, before the topic.
  assert.equal(applyEdits(text, p.fixes![0].edits), article({ category: 'category: "kna"', topic: 'topic: "menisk"' }));
});

test('without a known topic the category fix is the first allowed value, still in its place, and no fix-all guesses it', () => {
  const text = article({ category: null, topic: 'topic: "nytt-amne"' });
  const [p] = only(check(text, { index: indexOf(['a.md', 'kna', 'menisk']) }), 'schema-required');
  assert.equal(p.fixes![0].title, 'Add `category`');
  assert.equal(p.fixes![0].preferred, false);
  assert.equal(applyEdits(text, p.fixes![0].edits), article({ category: 'category: "axel"', topic: 'topic: "nytt-amne"' }));
  // Derived from the topic, it is what the writer means: a fix-all adds it.
  const known = only(check(article({ category: null, topic: 'topic: "menisk"' }), { index: indexOf(['a.md', 'kna', 'menisk']) }), 'schema-required')[0];
  assert.equal(known.fixes![0].preferred, true);
});

test('a fix-all corrects a topic although the missing category then reads from it', () => {
  // The topic fix changes what the missing-category message suggests: the same error, not a new one.
  const index = indexOf(['a.md', 'kna', 'korsbandsskada'], ['b.md', 'kna', 'korsbandsskada']);
  const text = article({ category: null, topic: 'topic: "korsbandsskad"' });
  const before = check(text, { index });
  assert.match(only(before, 'schema-required')[0].message, /category: "axel"/);
  const out = fixAllText(text, (t) => check(t, { index }));
  assert.match(out.text, /\ntopic: "korsbandsskada"\n/);
  // Once the topic is right, the category follows from it.
  assert.match(out.text, /\ncategory: "kna"\n/);
});

test('a missing field with no later field goes after the last one; CR LF is kept', () => {
  const text = article({ question: null }).replace(/\n/g, '\r\n');
  const [p] = only(check(text), 'schema-required');
  const after = applyEdits(text, p.fixes![0].edits);
  assert.match(after, /published: true\r\nquestion: \|\r\n  \r\n---/);
  const title = article({ title: null });
  assert.ok(applyEdits(title, only(check(title), 'schema-required')[0].fixes![0].edits).startsWith('---\ntitle: ""\ndescription:'));
});

test('a misspelt published that is not true is an error saying the page goes live', () => {
  for (const key of ['publised', 'pubished', 'Published']) {
    const text = article({ published: `${key}: false` });
    const [p] = only(check(text), 'published-typo');
    assert.ok(p, key);
    assert.equal(p.severity, 'error');
    assert.equal(text.slice(p.start, p.end), key);
    assert.match(p.message, /this page goes live on the site/);
    assert.equal(applyEdits(text, p.fixes![0].edits), article({ published: 'published: false' }));
    assert.deepEqual(only(check(text), 'unknown-field'), []);
  }
  // Misspelt as true, the page goes live as meant: an ordinary unknown-field warning.
  const t = article({ published: 'publised: true' });
  assert.deepEqual(only(check(t), 'published-typo'), []);
  assert.equal(only(check(t), 'unknown-field')[0].severity, 'warning');
  // With `published` written too, the near miss is just an unknown field.
  assert.deepEqual(only(check(article({ published: 'published: false\npublised: false' })), 'published-typo'), []);
  const [sv] = only(check(article({ published: 'publised: false' }), { lang: 'sv' }), 'published-typo');
  assert.match(sv.message, /så sidan publiceras på webbplatsen/);
});

test('with the site\'s topic list, the category is the body part of the topic\'s page', () => {
  const index = indexOf(['a.md', 'axel', 'menisk']);
  const site = { topics: [{ id: 'menisk', title: 'Menisk', description: 'x', group: 'diagnoser', bodyPart: 'kna' }], topicGroups: {}, bodyParts: {}, errors: [] };
  const text = article({ category: null, topic: 'topic: "menisk"' });
  const [p] = only(check(text, { index, site }), 'schema-required');
  assert.equal(p.fixes![0].title, 'Add category: "kna" (the category of topic "menisk")');
});

test('a value another field repeats by an alias is not changed by a fix-all: the fix would change both', () => {
  const text = article({ tags: 'tags: &a x', author: 'author: *a' });
  const [p] = only(check(text), 'yaml-type');
  assert.match(p.message, /`tags` must be a list/);
  assert.equal(p.fixes![0].preferred, false);
  assert.equal(fixAllText(text, (t) => check(t)).text, text);
  // Without the alias the same fix is applied.
  assert.equal(only(check(article({ tags: 'tags: x' })), 'yaml-type')[0].fixes![0].preferred, true);
});
