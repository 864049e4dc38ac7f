import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { astroCollectionSchemaObject, schemaFromAstroCollection } from '../../src/core/astroSchema';
import { createChecker } from '../../src/core/check/index';
import { parseArticle } from '../../src/core/parse';
import { compileSchema } from '../../src/core/schema';
import { statusEdits } from '../../src/core/workflow/statusEdits';
import { applyAll } from './apply';
import { at, check, rules } from './helpers';
import { buildFails } from './siteBuild';

/** A valid article with extra frontmatter lines after the required ones (`title` left out when `noTitle`). */
const art = (extra: string[], noTitle = false) =>
  ['---', ...(noTitle ? [] : ['title: "Ont i axeln"']), 'category: "axel"', 'date: 2017-08-15', 'question: |', '  Varför gör det ont?', ...extra, '---', '', 'Svaret.', '', '**Sammanfattning:**', '- En punkt', ''].join('\n');
const errors = (text: string) => check(text).filter((p) => p.severity === 'error');

test('a control character inside a value is an error at the character, with a fix that deletes it', () => {
  for (const [value, name] of [['"Dr\vA"', 'U+000B'], ['Dr\x07A', 'U+0007'], ['"Dr\x1bA"', 'U+001B']]) {
    const text = art([`author: ${value}`]);
    const ps = errors(text);
    assert.deepEqual(rules(ps), ['yaml-syntax'], value);
    assert.equal(at(ps[0]), `7:${text.split('\n')[6].search(/[\x00-\x1f]/) + 1}-7:${text.split('\n')[6].search(/[\x00-\x1f]/) + 2}`);
    assert.match(ps[0].message, new RegExp(`invisible control character \\(${name.replace('+', '\\+')}\\)`));
    assert.deepEqual(rules(check(applyAll(text, ps[0]))), [], 'the fix leaves nothing to report');
  }
});

test('a NUL in the question and a non-printable byte are errors, as in the build', () => {
  assert.deepEqual(rules(errors(art([]).replace('Varför', 'Var\0för'))), ['yaml-syntax']);
  assert.deepEqual(rules(errors(art(['author: Dr\x7fA']))), ['yaml-syntax']);
  assert.match(check(art(['author: Dr\x7fA']), { lang: 'sv' })[0].message, /osynligt styrtecken \(U\+007F\)/);
});

test('nesting deeper than the site reads is an error; a hostile flow map answers at once', () => {
  const deep = errors(art(['x: ' + '['.repeat(120) + ']'.repeat(120)]));
  assert.deepEqual(rules(deep), ['yaml-syntax']);
  assert.match(deep[0].message, /nested this deep/);
  // `{{{{…` used to cost seconds and gigabytes (the whole broken map was converted for the preview).
  const braces = parseArticle(art(['x: {{{{{{{{{{{{{{{{{{{{{{{{{{{{']));
  assert.equal(braces.data?.title, 'Ont i axeln', 'what can be read is still read');
  assert.equal(braces.data?.x, undefined);
  const ps = errors(art(['x: {{{{{{{{{{{{{{{{{{{{{{{{{{{{']));
  assert.deepEqual(rules(ps), ['yaml-syntax']);
  assert.match(ps[0].message, /The \{ opened here is never closed: add \}/);
});

test('a 6 KB line of `": "` pairs (and its kin) gets one problem, never a crash', () => {
  // The yaml package used to blow up on these (a stack overflow, or a fatal V8 error in its
  // scalar folding that depends on timing): run them all, twice, as a run over many files would.
  const lines: string[] = [];
  for (const unit of ['": "', '": ', '" : "', '":"', '"": ', '"a": ', "': '", '[": "', '{": "', '- ": "', '? ": "', '": ['])
    for (const pre of ['', 'x: ', 'title: ', '- ']) lines.push(pre + unit.repeat(Math.ceil(6000 / unit.length)));
  lines.push('{'.repeat(6000), '['.repeat(6000));
  const checker = createChecker();
  for (let round = 0; round < 2; round++) {
    for (const line of lines) {
      const text = art([line]);
      const ps = checker.check(text).filter((p) => p.severity === 'error');
      // Most are broken; a few (`x: ': '': …`, one long quoted text) the site reads.
      assert.equal(ps.length, buildFails(text) ? 1 : 0, line.slice(0, 10));
      if (ps.length) assert.match(ps[0].rule, /^yaml-/);
    }
  }
});

test('merge keys: supplying `title` is no error, supplying a bad value is one, at the `<<` line', () => {
  assert.deepEqual(rules(errors(art(['<<: {title: "Sammanslaget"}'], true))), []);
  const bad = errors(art(['<<: {published: "ja"}']));
  assert.deepEqual(rules(bad), ['yaml-type']);
  assert.equal(bad[0].range.start.line, 6);
  assert.ok(!rules(check(art(['<<: {title: "Sammanslaget"}'], true))).includes('unknown-field'), '`<<` is no unknown field');
});

test('what js-yaml reads, the checker accepts: 0b101, a comment right after a quote, a tab-indented quoted continuation', () => {
  assert.deepEqual(rules(errors(art(['patientAge: 0b101']))), []);
  assert.equal(parseArticle(art(['patientAge: 0b101'])).data?.patientAge, 5);
  assert.deepEqual(rules(errors(art(['topic: "x"#note']))), []);
  // zod's number takes infinity but not NaN.
  assert.deepEqual(rules(errors(art(['patientAge: .inf']))), []);
  assert.deepEqual(rules(errors(art(['patientAge: .nan']))), ['yaml-type']);
  assert.deepEqual(rules(check(art(['description: "Ont i', '\taxeln"']))).filter((r) => r !== 'description-length'), []);
  // Continuation lines at the left margin: yaml calls them wrongly indented (or a quote never
  // closed, or a list never closed); js-yaml, and so the build, reads them.
  for (const lines of [['description: "Ont i', 'axeln"'], ["description: 'Ont i", "axeln'"], ['tags: [a,', 'b]'], ['x: {a: 1,', 'b: 2}']]) {
    assert.deepEqual(rules(errors(art(lines))), [], lines.join(' / '));
  }
  // yaml's own complaint ("indentation") about text js-yaml reads is no error either.
  assert.ok(parseArticle(art(['description: "Ont i', '\taxeln"'])).sourceIssues.length > 0);
});

test('a closing fence `----` closes the frontmatter, as the site reads it', () => {
  assert.deepEqual(rules(errors(art([]).replace('\n---\n\n', '\n----\n\n'))), []);
});

test('a schema pattern with catastrophic backtracking runs in linear time', () => {
  const schema = compileSchema({ type: 'object', required: ['title'], properties: { title: { type: 'string', pattern: '^(a+)+$' } } });
  const ps = createChecker({ schema }).check(art([]).replace('Ont i axeln', 'a'.repeat(32) + '!'));
  assert.deepEqual(rules(ps.filter((p) => p.severity === 'error')), ['schema']);
  assert.ok(schema.validate({ title: 'aaaa' }));
  assert.throws(() => compileSchema({ type: 'object', properties: { t: { type: 'string', pattern: '(?=a)b' } } }), /unsupported/);
});

const GENERATED = path.resolve(__dirname, '../../../shared/site/generated/fraga-doktorn.schema.json');
const present = fs.existsSync(GENERATED);
if (!present) console.log(`# skipped: the site's generated schema is not at ${GENERATED}`);

test("the site's generated schema: dates, defaults, unknown keys and a field added to it", { skip: !present && `no generated schema at ${GENERATED}` }, () => {
  const json = JSON.parse(fs.readFileSync(GENERATED, 'utf8')) as { definitions: Record<string, { properties: Record<string, unknown> }> };
  const schema = schemaFromAstroCollection(json);
  const c = (text: string) => createChecker({ schema }).check(text);
  assert.deepEqual(rules(c(art([]))), [], 'a valid article is clean');
  assert.deepEqual(rules(c(art([]).replace('date: 2017-08-15', 'date: "2017-08-15"'))), ['yaml-type'], 'a quoted date is text to the build');
  assert.deepEqual(rules(c(art(['newField: 1']))), ['unknown-field'], 'additionalProperties: false is a warning: zod strips the key');
  assert.equal(c(art(['newField: 1']))[0].severity, 'warning');
  assert.deepEqual(rules(c(art(['author: ~']))), ['yaml-empty-value'], 'a default makes a field optional, not nullable');
  assert.ok(!schema.fields.includes('$schema'));
  assert.equal(astroCollectionSchemaObject(json).properties?.category['x-enum-labels']?.kna, 'Knä', "the bundled contract's editor texts are kept");
  // A field the site adds to its collection is accepted as soon as the generated file says so.
  const added = structuredClone(json);
  added.definitions['fraga-doktorn'].properties.newField = { type: 'number' };
  const withField = schemaFromAstroCollection(added);
  assert.deepEqual(rules(createChecker({ schema: withField }).check(art(['newField: 1']))), []);
  assert.deepEqual(rules(createChecker({ schema: withField }).check(art(['newField: "x"']))), ['yaml-type']);
});

test('a file that is not an Astro collection schema is refused with a plain reason', () => {
  assert.throws(() => schemaFromAstroCollection(null), /not a collection schema written by Astro: it is not a JSON object/);
  assert.throws(() => schemaFromAstroCollection({ $ref: '#/definitions/x', definitions: {} }), /its \$ref #\/definitions\/x leads to no definition/);
  assert.throws(() => schemaFromAstroCollection({ type: 'string' }, 'sv'), /inget samlingsschema skrivet av Astro: det beskriver inget objekt/);
});

test('a workflow step refuses where only the site reads the block: the source ranges cannot be trusted', () => {
  const text = art(['description: "Ont i', '\taxeln"', 'published: false']);
  assert.deepEqual(rules(errors(text)), [], 'no error: the build reads it');
  const refused = statusEdits(text, 'publish');
  assert.equal(refused.ok ? 'done' : refused.reason, 'workflow-unsafe');
  const done = statusEdits(art(['published: false']), 'publish');
  assert.ok(done.ok && done.edits.length);
});

test('where only the site reads the block, its schema problems are reported without fixes', () => {
  const ps = errors(art(['description: "Ont i', '\taxeln"']).replace('date: 2017-08-15', 'date: "2017-08-15"'));
  assert.deepEqual(rules(ps), ['yaml-type']);
  assert.equal(ps[0].fixes, undefined);
  assert.ok(errors(art([]).replace('date: 2017-08-15', 'date: "2017-08-15"'))[0].fixes?.length, 'elsewhere the fix is offered');
});
