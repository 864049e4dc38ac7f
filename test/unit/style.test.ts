import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../src/core/config';
import { applyAll } from './apply';
import { article, at, check, only, rules } from './helpers';

test('a title over 60 characters is a warning on the value; 60 is fine', () => {
  const long = check(article({ title: `title: "${'å'.repeat(61)}"` }));
  assert.deepEqual(rules(long), ['title-length']);
  assert.equal(long[0].severity, 'warning');
  assert.equal(at(long[0]), '2:8-2:71');
  assert.deepEqual(rules(check(article({ title: `title: "${'å'.repeat(60)}"` }))), []);
});

test('a description outside 120–160 characters is a warning', () => {
  assert.deepEqual(rules(check(article({ description: `description: "${'x'.repeat(119)}"` }))), ['description-length']);
  assert.deepEqual(rules(check(article({ description: `description: "${'x'.repeat(161)}"` }))), ['description-length']);
  assert.deepEqual(rules(check(article({ description: `description: "${'x'.repeat(120)}"` }))), []);
  assert.deepEqual(rules(check(article({ description: `description: "${'x'.repeat(160)}"` }))), []);
  assert.deepEqual(rules(check(article({ description: null }))), []);
});

test('a published answer needs a summary block with at least one bullet', () => {
  const none = check(article({}, 'Svaret utan sammanfattning.\n'));
  assert.deepEqual(rules(none), ['summary-block']);
  assert.equal(none[0].range.start.line, 14);
  const fixed = applyAll(article({}, 'Svaret utan sammanfattning.\n'), none[0]);
  assert.match(fixed, /Svaret utan sammanfattning\.\n\n\*\*Sammanfattning:\*\*\n\n- \n$/);
  const inline = check(article({}, 'Svar.\n\n**Sammanfattning:** allt är bra.\n'));
  assert.deepEqual(rules(inline), ['summary-block']);
  assert.match(inline[0].message, /no bullets/);
  for (const body of ['Svar.\n\n**Sammanfattning:**\n\n* En\n* Två\n', 'Svar.\n\n**Sammanfattning**:\n1. En\n', 'Svar.\r\n\r\n**Sammanfattning:**\r\n- En\r\n']) {
    assert.deepEqual(rules(check(article({}, body))), [], body);
  }
});

test('a draft needs no summary block yet', () => {
  assert.deepEqual(rules(check(article({ published: 'published: false', status: 'status: "utkast"' }, 'Utkast.\n'))), []);
});

test('a published article that is unanswered, has no answer or no question is a warning', () => {
  const unanswered = check(article({ status: 'status: "obesvarad"' }));
  assert.deepEqual(rules(unanswered), ['published-incomplete']);
  assert.equal(unanswered[0].range.start.line, 12);
  assert.deepEqual(rules(check(article({}, '\n\n'))), ['published-incomplete']);
  assert.deepEqual(rules(check(article({ question: 'question: ""' }))), ['published-incomplete']);
  assert.deepEqual(rules(check(article({ published: 'published: false', status: 'status: "obesvarad"' }, ''))), []);
});

test('an unknown field is a warning suggesting the nearest known one', () => {
  const text = article({ descripton: 'descripton: "' + 'x'.repeat(130) + '"', description: null });
  const ps = check(text);
  const unknown = only(ps, 'unknown-field');
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0].severity, 'warning');
  assert.match(unknown[0].message, /did you mean `description`/);
  assert.ok(applyAll(text, unknown[0]).includes('\ndescription: "x'));
  assert.deepEqual(rules(check(article({ updated: 'updated: 2024-01-01' }))), ['unknown-field']);
});

test('a required field under a misspelt name: one error at that key, "write it so", with the rename', () => {
  const text = article({ tittle: 'tittle: "x"', title: null });
  const ps = check(text);
  assert.deepEqual(only(ps, 'unknown-field'), []);
  const [req] = only(ps, 'schema-required');
  assert.equal(req.severity, 'error');
  assert.match(req.message, /^`tittle` must be written `title`/);
  assert.equal(text.slice(req.start, req.end), 'tittle');
  assert.ok(applyAll(text, req).includes('\ntitle: "x"'));
});

test('headings in the answer are warnings; a # inside a code block is not', () => {
  const ps = check(article({}, '### Rubrik\nText\n\n```\n# kod\n```\n\n**Sammanfattning:**\n- En\n'));
  assert.deepEqual(rules(ps), ['answer-heading']);
  assert.equal(at(ps[0]), "15:1-15:11");
  assert.deepEqual(rules(check(article({}, '#hashtag är ingen rubrik\n\n**Sammanfattning:**\n- En\n'))), []);
});

test('a project config changes severities and turns rules off', () => {
  const config = parseConfig('{"rules": {"title-length": "error", "summary-block": "off"}}');
  const ps = check(article({ title: `title: "${'a'.repeat(70)}"` }, 'Svar.\n'), { config });
  assert.deepEqual(ps.map((p) => `${p.rule}:${p.severity}`), ['title-length:error']);
  assert.throws(() => parseConfig('{"rules": {"no-such-rule": "off"}}'), /unknown rule/);
  assert.throws(() => parseConfig('{"rules": {"title-length": "loud"}}'), /use error/);
  assert.throws(() => parseConfig('{nope'), /not valid JSON/);
});
