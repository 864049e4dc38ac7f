import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAll } from './apply';
import { article, at, check, only, rules } from './helpers';

test('a quoted date is an error saying to remove the quotes, with the fix', () => {
  const text = article({ date: 'date: "2017-08-15"' });
  const ps = check(text);
  assert.deepEqual(rules(ps), ['yaml-type']);
  assert.equal(ps[0].severity, 'error');
  assert.equal(at(ps[0]), '7:7-7:19');
  assert.equal(ps[0].message, 'Remove the quotes: the site reads "2017-08-15" as text and the build fails. Write date: 2017-08-15');
  assert.deepEqual(rules(check(applyAll(text, ps[0]))), []);
});

test('unquoted dates and date-times are accepted; other date text is not', () => {
  assert.deepEqual(rules(check(article({ date: 'date: 2017-08-15T10:30:00' }))), []);
  const ps = check(article({ date: 'date: 15 augusti 2017' }));
  assert.deepEqual(rules(ps), ['yaml-type']);
  assert.match(ps[0].message, /YYYY-MM-DD/);
});

test('"true" in quotes and yes/no for published are errors with the boolean to write', () => {
  const q = check(article({ published: 'published: "true"' }));
  assert.deepEqual(rules(q), ['yaml-type']);
  assert.match(q[0].message, /Remove the quotes/);
  for (const [word, b] of [['yes', 'true'], ['no', 'false'], ['Ja', 'true']]) {
    const text = article({ published: `published: ${word}` });
    const ps = check(text);
    assert.deepEqual(rules(ps).filter((r) => r !== 'summary-block'), ['yaml-type'], word);
    assert.match(ps.find((p) => p.rule === 'yaml-type')!.message, new RegExp(`write published: ${b}`));
    assert.ok(applyAll(text, ps.find((p) => p.rule === 'yaml-type')!).includes(`published: ${b}\n`));
  }
});

test('a quoted number for patientAge is an error; a plain one is fine', () => {
  const ps = check(article({ patientAge: 'patientAge: "28"' }));
  assert.deepEqual(rules(ps), ['yaml-type']);
  assert.match(ps[0].message, /Remove the quotes/);
  assert.deepEqual(rules(check(article({ patientAge: 'patientAge: 28' }))), []);
});

test('an empty value is null and an error for every field', () => {
  for (const key of ['title', 'description', 'category', 'topic', 'tags', 'date', 'author', 'published', 'status', 'question', 'patientName', 'relatedCondition']) {
    const ps = only(check(article({ [key]: `${key}:` })), 'yaml-empty-value');
    assert.equal(ps.length, 1, key);
    assert.equal(ps[0].severity, 'error');
    assert.match(ps[0].message, new RegExp(`\`${key}\` is empty`));
    assert.equal(ps[0].range.start.character, 0, key);
  }
});

test('text fields given a number or a date say to quote them', () => {
  const ps = check(article({ topic: 'topic: 2017' }));
  assert.deepEqual(rules(ps), ['yaml-type']);
  assert.match(ps[0].message, /must be text/);
  assert.ok(applyAll(article({ topic: 'topic: 2017' }), ps[0]).includes('topic: "2017"'));
});

test('tags must be a list of text', () => {
  const ps = check(article({ tags: 'tags: smärta, axel' }));
  assert.deepEqual(rules(ps), ['yaml-type']);
  assert.ok(applyAll(article({ tags: 'tags: smärta, axel' }), ps[0]).includes('tags: ["smärta", "axel"]'));
  assert.deepEqual(rules(check(article({ tags: 'tags: [1]' }))), ['yaml-type']);
});

test('an unknown category suggests the nearest allowed value and fixes it', () => {
  const text = article({ category: 'category: "knä"' });
  const ps = check(text);
  assert.deepEqual(rules(ps), ['schema-enum']);
  assert.match(ps[0].message, /did you mean "kna"/);
  assert.ok(applyAll(text, ps[0]).includes('category: "kna"'));
  const far = check(article({ category: 'category: "fot"' }));
  assert.equal(far[0].fixes?.length, 4);
});

test('status must be one of the workflow states', () => {
  const ps = check(article({ status: 'status: "utkats"' }));
  assert.deepEqual(rules(ps), ['schema-enum']);
  assert.match(ps[0].message, /"utkast"/);
});

test('a missing required field points at the frontmatter and names what to add', () => {
  const text = article({ date: null });
  const ps = check(text);
  assert.deepEqual(rules(ps), ['schema-required']);
  assert.equal(at(ps[0]), '1:1-1:4');
  assert.match(ps[0].message, /Missing required field `date`: add a line date: \d{4}-\d{2}-\d{2}/);
  const fixed = applyAll(text, ps[0]);
  assert.deepEqual(rules(check(fixed)), []);
  const q = applyAll(article({ question: null }), check(article({ question: null }))[0]);
  assert.match(q, /question: \|\n {2}\n---/);
});

test('dates are read as the site reads them: two-digit month and day, or a full date and time', () => {
  const short = check(article({ date: 'date: 2017-8-15' }));
  assert.deepEqual(rules(short), ['yaml-type']);
  assert.match(short[0].message, /YYYY-MM-DD/);
  assert.deepEqual(rules(check(article({ date: 'date: 2017-8-5T1:30:00+02:00' }))), []);
  assert.deepEqual(rules(check(article({ date: 'date: 2017-08-15 10:30:00' }))), []);
  assert.deepEqual(rules(check(article({ date: 'date: 2017-08-15T10:30' }))), ['yaml-type']);
});

test('a date that does not exist is a warning naming the day the site would show', () => {
  const ps = check(article({ date: 'date: 2017-02-30' }));
  assert.deepEqual(rules(ps), ['date-invalid']);
  assert.equal(ps[0].severity, 'warning');
  assert.equal(ps[0].message, '2017-02-30 is not a real date: the site shows it as 2017-03-02. Check the day and month.');
  assert.deepEqual(rules(check(article({ date: 'date: 2016-02-29' }))), []);
  assert.deepEqual(rules(check(article({ date: 'date: 2017-12-31T23:59:59' }))), []);
});
