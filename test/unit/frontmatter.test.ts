import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFrontmatter } from '../../src/core/frontmatter';
import { parseArticle } from '../../src/core/parse';
import { applyAll } from './apply';
import { article, at, check, only, rules } from './helpers';

test('frontmatter at the start, closed by the next fence', () => {
  const text = '---\ntitle: x\n---\nbody';
  const fm = findFrontmatter(text)!;
  assert.equal(text.slice(fm.contentStart, fm.contentEnd), 'title: x\n');
  assert.equal(text.slice(fm.bodyStart), 'body');
});

test('a BOM and leading blank lines before the fence are tolerated', () => {
  for (const prefix of ['\uFEFF', '\n\n', '  \r\n', '\uFEFF\n']) {
    const text = prefix + article();
    assert.deepEqual(rules(check(text)), [], JSON.stringify(prefix));
  }
});

test('a document that does not open with a fence has no frontmatter: an error on line 1', () => {
  const ps = check('# Rubrik\n\ntitle: x\n');
  assert.deepEqual(rules(ps), ['frontmatter-missing']);
  assert.equal(ps[0].severity, 'error');
  assert.equal(at(ps[0]), '1:1-1:9');
  assert.deepEqual(rules(check('')), ['frontmatter-missing']);
});

test('an unclosed fence is an error at the opening fence, alone, with a fix that closes it after the fields', () => {
  const text = '---\ntitle: "x"\ncategory: "axel"\ndate: 2017-08-15\nquestion: |\n  Hej\n\nSvaret: det gör ont.\n\n**Sammanfattning:**\n- En\n';
  const ps = check(text);
  assert.deepEqual(rules(ps), ['frontmatter-unclosed'], 'no YAML errors from the answer below');
  assert.equal(at(ps[0]), '1:1-1:4');
  const fixed = applyAll(text, ps[0]);
  assert.equal(fixed, text.replace('  Hej\n', '  Hej\n---\n'));
  assert.deepEqual(rules(check(fixed)), []);
});

test('CR LF, lone CR and LF mixed in one file parse and give VS Code line numbers', () => {
  const text = '---\r\ntitle: "Axel"\rcategory: "axel"\ndate: "2017-08-15"\r\nquestion: |\r  rad ett\n  rad två\r\n---\r\nSvar\r';
  const a = parseArticle(text);
  assert.equal(a.yamlIssues.length, 0);
  assert.equal(a.data?.question, 'rad ett\nrad två\n');
  const ps = only(check(text), 'yaml-type');
  assert.equal(ps.length, 1);
  assert.equal(at(ps[0]), '4:7-4:19');
});

test('fences are found as the site finds them: the closing line only has to start with `---`', () => {
  assert.ok(findFrontmatter('---  \ntitle: x\n---\t\n'));
  // The site reads `----` as a fence `---` followed by `-`: the closing line closes, the opening line's `-` is YAML.
  const closing = article().replace(/\n---\n\n/, '\n----\n\n');
  assert.deepEqual(rules(check(closing)), []);
  const opening = findFrontmatter('----\ntitle: x\n---\n')!;
  assert.equal('----\ntitle: x\n---\n'.slice(opening.contentStart, opening.contentEnd), '-\ntitle: x\n');
  assert.ok(rules(check('----\ntitle: x\n---\n')).includes('yaml-syntax'), 'the stray `-` breaks the YAML, as in the build');
  assert.equal(findFrontmatter(' ---\ntitle: x\n---\n'), undefined, 'an indented fence opens nothing');
});

test('a line starting with `+++` closes the frontmatter too, as the site\'s pattern finds it', () => {
  // Closed by `+++`: the site reads the fields and builds the page; no error.
  const closed = article().replace(/\n---\n\n/, '\n+++\n\n');
  assert.deepEqual(rules(check(closed)), []);
  assert.equal(closed.slice(findFrontmatter(closed)!.bodyStart), '\nSvaret.\n\n**Sammanfattning:**\n- En punkt\n');
  // A `+++` at the margin above the `---` ends the fields there: the ones below it are the answer's text to the site.
  const early = article().replace('\ndate: 2017-08-15', '\n+++\ndate: 2017-08-15');
  const ps = check(early);
  assert.deepEqual(ps.filter((p) => p.severity === 'error').map((p) => [p.rule, p.message.replace(/\d{4}-\d{2}-\d{2}/, 'YYYY-MM-DD')]), [
    ['schema-required', 'Missing required field `date`: add a line date: YYYY-MM-DD'],
    ['schema-required', 'Missing required field `question`: add a line question: |'],
  ]);
});

test('empty frontmatter names every missing required field', () => {
  const ps = check('---\n---\nSvar\n');
  assert.deepEqual(only(ps, 'schema-required').map((p) => p.message.match(/`(\w+)`/)![1]).sort(), ['category', 'date', 'question', 'title']);
});

test('a value with ": " and a quote or backslash in it: the line the message says to type is the one the fix writes, and it is valid', () => {
  for (const [value, typed] of [
    ['Knät: viker sig "ibland" i trappor', 'title: "Knät: viker sig \\"ibland\\" i trappor"'],
    ['Knät: ont \\ ofta', 'title: "Knät: ont \\\\ ofta"'],
  ]) {
    const text = article({ title: `title: ${value}` });
    const [p] = only(check(text), 'yaml-syntax');
    assert.equal(p.message, `The value contains ": ", which YAML reads as a new field. Put the whole value in double quotes: ${typed}`);
    const fixed = text.replace(`title: ${value}`, typed);
    assert.equal(applyAll(text, p), fixed);
    assert.deepEqual(rules(check(fixed)).filter((r) => r.startsWith('yaml')), []);
    assert.equal(parseArticle(fixed).data?.title, value);
  }
  const [sv] = only(check(article({ title: 'title: Knä: "ont"' }), { lang: 'sv' }), 'yaml-syntax');
  assert.match(sv.message, /Sätt hela värdet inom dubbla citattecken: title: "Knä: \\"ont\\""$/);
});
