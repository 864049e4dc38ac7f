import * as assert from 'node:assert/strict';
import { test, suite } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { applyEdits } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import { DEFAULT_CONFIG } from '../../src/core/config';

const en = createChecker();
const sv = createChecker({ lang: 'sv' });

/** An article with these lines as its tags field (and CR LF or LF breaks). */
function article(tags: string, eol = '\n'): string {
  return ['---', 'title: "Ont i axeln"', 'category: "axel"', tags, 'date: 2024-01-20', 'question: |', '  Varför gör det ont?', '---', '', 'Svar.', ''].join(eol).replace(/\n/g, eol);
}
const joined = (text: string, checker = en) => checker.check(text).filter((p) => p.rule === 'tag-joined');
const fixed = (text: string) => {
  const [p] = joined(text);
  const fix = p.fixes?.find((f) => f.preferred);
  assert.ok(fix, `a preferred fix for ${p.message}`);
  return applyEdits(text, fix.edits);
};
const tagsOf = (text: string) => parseArticle(text).data?.tags;

suite('tag-joined: one list item that the writer meant as several tags', () => {
  test('a dash indented further than the one above is read as one tag, and is said so with the tag the site makes', () => {
    const text = article('tags:\n  - kalkaxel\n    - operation\n  - smärta');
    assert.deepEqual(tagsOf(text), ['kalkaxel - operation', 'smärta']);
    const [p] = joined(text);
    assert.equal(p.severity, 'warning');
    assert.equal(p.range.start.line, 4);
    assert.match(p.message, /"kalkaxel - operation"/);
    assert.match(p.message, /make 2 tags of it/);
    assert.match(joined(text, sv)[0].message, /så blir det 2 taggar/);
    assert.equal(fixed(text), article('tags:\n  - kalkaxel\n  - operation\n  - smärta'));
  });

  test('a list item written at the key\'s own indentation, with the next one indented', () => {
    const text = article('tags:\n- kalkaxel\n  - operation');
    assert.deepEqual(tagsOf(text), ['kalkaxel - operation']);
    assert.equal(fixed(text), article('tags:\n- kalkaxel\n- operation'));
  });

  test('commas and semicolons inside one item, in flow and block lists, in the item\'s own quoting', () => {
    assert.equal(fixed(article('tags: [kalkaxel; operation]')), article('tags: [kalkaxel, operation]'));
    assert.equal(fixed(article('tags: ["kalkaxel, operation", "smärta"]')), article('tags: ["kalkaxel", "operation", "smärta"]'));
    assert.equal(fixed(article("tags:\n  - 'kalkaxel; operation'")), article("tags:\n  - 'kalkaxel'\n  - 'operation'"));
    const [p] = joined(article('tags: [kalkaxel; operation]'));
    assert.match(p.message, /holds ";"/);
    assert.match(p.fixes![0].title, /Make 2 tags of it: "kalkaxel", "operation"/);
  });

  test('a stray comma after a tag: the fix removes it', () => {
    const text = article('tags:\n  - kalkaxel,\n  - operation');
    assert.deepEqual(tagsOf(text), ['kalkaxel,', 'operation']);
    const [p] = joined(text);
    assert.match(p.message, /stray ","/);
    assert.equal(fixed(text), article('tags:\n  - kalkaxel\n  - operation'));
  });

  test('CR LF line ends are kept by the fix', () => {
    const text = article('tags:\n  - kalkaxel\n     - operation', '\r\n');
    assert.equal(fixed(text), article('tags:\n  - kalkaxel\n  - operation', '\r\n'));
  });

  test('ordinary tags, with spaces or hyphens, and a flow list with a trailing comma, say nothing', () => {
    for (const tags of ['tags: ["frozen shoulder", "kalk-axel"]', 'tags: [kalkaxel, operation,]', 'tags:\n  - frozen shoulder\n  - kalkaxel', 'tags: []']) {
      assert.deepEqual(joined(article(tags)), [], tags);
    }
  });

  test('a plain item folded over lines that are not list items is one tag as written: nothing to split', () => {
    assert.deepEqual(joined(article('tags:\n  - frozen\n    shoulder')), []);
  });

  test('no fix is offered where the split would not read back as the meant tags', () => {
    // An alias repeats the anchored value: splitting that item would change the alias's tag too.
    const text = article('tags: [&t "kalkaxel; operation", *t]');
    assert.deepEqual(tagsOf(text), ['kalkaxel; operation', 'kalkaxel; operation']);
    const [p] = joined(text);
    assert.ok(p, 'the warning stands');
    assert.deepEqual(p.fixes ?? [], []);
  });

  test('the rule can be turned off', () => {
    const off = createChecker({ config: { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'tag-joined': 'off' } } });
    assert.deepEqual(off.check(article('tags: [a; b]')).filter((p) => p.rule === 'tag-joined'), []);
  });
});
