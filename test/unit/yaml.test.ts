import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixAllText } from '../../src/core/fix/index';
import { applyAll } from './apply';
import { article, at, check, only, rules } from './helpers';

test('bad indentation is an error on the line to fix', () => {
  const text = article({ topic: 'topic: "impingement"\n   extra: 1' });
  const ps = only(check(text), 'yaml-syntax');
  assert.equal(ps.length, 1);
  assert.equal(ps[0].severity, 'error');
  assert.equal(ps[0].range.start.line, 5);
  assert.match(ps[0].message, /indentation|indrag/i);
});

test('a tab used for indentation is an error with a fix to spaces', () => {
  const text = article({ tags: 'tags:\n\t- smärta' });
  const ps = only(check(text), 'yaml-syntax');
  assert.equal(ps.length, 1);
  assert.equal(at(ps[0]), '7:1-7:2');
  assert.match(ps[0].message, /tab/i);
  const fixed = applyAll(text, ps[0]);
  assert.ok(fixed.includes('tags:\n  - smärta'));
  assert.deepEqual(rules(check(fixed)), []);
});

test('a question indented with tabs on every line: one error, and one fix for all its lines that Fix All applies', () => {
  const question = ['question: |', ...Array.from({ length: 10 }, (_, i) => `\tRad ${i + 1} av frågan.`)].join('\n');
  const text = article({ question });
  const ps = check(text).filter((p) => p.severity === 'error');
  assert.equal(ps.length, 1);
  assert.equal(ps[0].message, 'A tab is used for indentation: YAML allows only spaces here. Replace the tab with two spaces.');
  const fix = ps[0].fixes!.find((f) => f.preferred)!;
  assert.equal(fix.title, 'Replace the tabs with spaces on 10 lines');
  const spaced = article({ question: question.replace(/\t/g, '  ') });
  assert.equal(applyAll(text, ps[0]), spaced);
  // A pass at a time, a tab a pass, Fix All stopped after six lines.
  assert.equal(fixAllText(text, (t) => check(t)).text, spaced);
  assert.equal(check(text, { lang: 'sv' }).find((p) => p.severity === 'error')!.fixes![0].title, 'Ersätt tabbarna med mellanslag på 10 rader');
});

test('an unclosed quote points at the opening quote', () => {
  const text = article({ title: 'title: "Ont i axeln' });
  const ps = only(check(text), 'yaml-syntax');
  assert.equal(ps.length, 1);
  assert.equal(ps[0].range.start.line, 1);
  assert.equal(ps[0].range.start.character, 7);
  assert.match(ps[0].message, /quote/);
});

test('a duplicate key is an error at the second key', () => {
  const text = article({ author: 'author: "Dr. A"\ntitle: "Igen"' });
  const ps = only(check(text), 'yaml-duplicate-key');
  assert.equal(ps.length, 1);
  assert.equal(at(ps[0]), '9:1-9:6');
  assert.match(ps[0].message, /`title`/);
});

test('a title with an unquoted ": " is an error on the value, fixed by quoting', () => {
  const text = article({ title: 'title: Knä: ont vid löpning' });
  const ps = only(check(text), 'yaml-syntax');
  assert.equal(ps.length, 1);
  assert.equal(at(ps[0]), '2:8-2:28');
  assert.match(ps[0].message, /double quotes/);
  const fixed = applyAll(text, ps[0]);
  assert.ok(fixed.includes('title: "Knä: ont vid löpning"'));
  assert.deepEqual(rules(check(fixed)), []);
});

test('Swedish messages come from the same table', () => {
  const ps = only(check(article({ title: 'title: Knä: ont' }), { lang: 'sv' }), 'yaml-syntax');
  assert.match(ps[0].message, /citattecken/);
});

test('a colon inside a quoted title and plain text with ":" not followed by a space are fine', () => {
  assert.deepEqual(rules(check(article({ title: 'title: "Knä: ont"' }))), []);
  assert.deepEqual(rules(check(article({ title: 'title: Klockan 10:30 ont' }))), []);
});

test('frontmatter that is not a mapping is an error', () => {
  const ps = check('---\n- a\n- b\n---\nSvar\n');
  assert.ok(rules(ps).includes('yaml-syntax'));
});

test('a key without a space after its colon is named as the cause, with a fix', () => {
  const text = article({ author: 'author:"Dr. A"' });
  const ps = check(text);
  assert.deepEqual(rules(ps), ['yaml-syntax']);
  assert.equal(at(ps[0]), '8:1-8:15');
  assert.match(ps[0].message, /Put a space after the colon/);
  assert.deepEqual(rules(check(applyAll(text, ps[0]))), []);
});

test('an unclosed or extra bracket and text after a closing quote get plain messages at the place to fix', () => {
  const open = check(article({ tags: 'tags: ["smärta", "axel"' }));
  assert.deepEqual(rules(open), ['yaml-syntax']);
  assert.equal(open[0].range.start.line, 5);
  assert.match(open[0].message, /never closed: add \]/);
  const extra = check(article({ tags: 'tags: [smärta]]' }));
  assert.deepEqual(rules(extra), ['yaml-syntax'], 'the fallout on later lines is not reported');
  assert.equal(at(extra[0]), '6:15-6:16');
  const quote = check(article({ title: 'title: "Ont "i" axeln"' }));
  assert.deepEqual(rules(quote), ['yaml-syntax']);
  assert.match(quote[0].message, /text after the closing quote/);
});

test('while the YAML does not parse, no schema or style problems are guessed from it', () => {
  const ps = check(article({ title: `title: "${'x'.repeat(80)}`, date: 'date: "2017-08-15"' }, 'Inget.\n'));
  assert.deepEqual([...new Set(rules(ps))], ['yaml-syntax']);
});
