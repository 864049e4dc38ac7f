import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { GENERATED, validatorSource } from '../../scripts/gen-validator';
import { parseArticle } from '../../src/core/parse';
import { compileSchema, defaultSchema, defaultSchemaObject } from '../../src/core/schema';
import { CORPUS, check, rules } from './helpers';

const present = fs.existsSync(CORPUS);
if (!present) console.log(`# skipped: the real corpus is not at ${CORPUS}`);

test('the committed validator is what the site contract generates (run npm run build after editing the schema)', () => {
  assert.equal(fs.readFileSync(GENERATED, 'utf8'), validatorSource());
});

/** What a validator says of a value: valid or not, and every error. */
function verdict(validate: ReturnType<typeof defaultSchema>['validate'], data: unknown): unknown {
  const ok = validate(data);
  return { ok, errors: (validate.errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword, params: e.params, message: e.message })) };
}

/** Frontmatter values a writer could produce: each field removed, emptied, of the wrong type, misspelt. */
function mutations(data: Record<string, unknown>): unknown[] {
  const out: unknown[] = [data, {}, null, [], 'text', 42];
  const wrong: unknown[] = [null, '', 'yes', '2017-08-15', 7, 1.5, true, [], ['a', 1], {}, { a: 1 }, new Date('2017-08-15'), new Date('invalid')];
  for (const k of [...Object.keys(data), ...Object.keys(defaultSchemaObject.properties ?? {}), 'tittle']) {
    const { [k]: _gone, ...rest } = data;
    void _gone;
    out.push(rest);
    for (const w of wrong) out.push({ ...data, [k]: w });
  }
  out.push({ ...data, category: 'Axel' }, { ...data, status: 'klart' }, { ...data, tags: ['a', null, 3] });
  return out;
}

test('the generated validator gives the errors a validator compiled at run time gives, on real articles and their mutations', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const runtime = compileSchema(defaultSchemaObject).validate;
  const generated = defaultSchema().validate;
  let compared = 0;
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  for (const [i, f] of files.entries()) {
    const data = parseArticle(fs.readFileSync(path.join(CORPUS, f), 'utf8')).data;
    assert.ok(data, f);
    const cases = i % 20 === 0 ? mutations(data) : [data];
    for (const d of cases) {
      assert.deepEqual(verdict(generated, d), verdict(runtime, d), `${f}: ${JSON.stringify(d)?.slice(0, 200)}`);
      compared++;
    }
  }
  assert.ok(compared > files.length);
});

test('the generated validator still reports what the writer sees: a quoted date, a missing title, an unknown category', () => {
  const text = '---\ntitle: "T"\ncategory: "axl"\ndate: "2017-08-15"\nquestion: "Q?"\n---\nSvar.\n';
  const found = rules(check(text));
  assert.ok(found.includes('yaml-type'), found.join());
  assert.ok(found.includes('schema-enum'), found.join());
  assert.ok(rules(check('---\ncategory: axel\ndate: 2017-08-15\nquestion: Q\n---\n')).includes('schema-required'));
});
