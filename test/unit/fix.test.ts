import * as assert from 'node:assert/strict';
import { test, suite } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { applyEdits, editsOverlap, fixAll } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import type { Problem } from '../../src/core/types';

const joinLines = (...lines: string[]) => lines.join('\n');

// A small corpus so that tag variants and topic suggestions have something to compare with.
function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  const other = (tags: string) => joinLines('---', 'title: "x"', 'category: "axel"', 'topic: "frozen-shoulder"', `tags: ${tags}`, 'date: 2024-01-01', 'question: |', '  q', '---', '', 'A', '');
  index.set('/c/a.md', entryOf(parseArticle(other('["frozen-shoulder", "smärta"]'))));
  index.set('/c/b.md', entryOf(parseArticle(other('["frozen-shoulder"]'))));
  return index;
}
const checker = createChecker({ index: corpus() });
const check = (text: string) => checker.check(text, '/c/me.md');

const GOOD = [
  '---',
  'title: "Ont i axeln"',
  'category: "axel"',
  'topic: "frozen-shoulder"',
  'tags: ["frozen-shoulder", "smärta"]',
  'date: 2024-01-20',
  'published: true',
  'question: |',
  '  Varför gör det ont?',
  '---',
  '',
  'Svar.',
  '',
  '**Sammanfattning:**',
  '- Punkt',
  '',
];

interface Case {
  name: string;
  rule: string;
  /** Line index in GOOD → the broken line (undefined removes the line). */
  broken: Record<number, string | undefined>;
  /** Lines of the expected text after the fix (defaults to GOOD). */
  fixed?: string[];
  /** The fix leaves a skeleton for the writer to fill in, so the rule still asks for content. */
  skeleton?: boolean;
}

const cases: Case[] = [
  // The field goes where it belongs, after title and description, not after the question.
  { name: 'missing required field', rule: 'schema-required', broken: { 2: undefined } },
  { name: 'quoted date', rule: 'yaml-type', broken: { 5: 'date: "2024-01-20"' } },
  { name: 'quoted boolean', rule: 'yaml-type', broken: { 6: 'published: "true"' } },
  { name: 'yes instead of true', rule: 'yaml-type', broken: { 6: 'published: yes' } },
  { name: 'quoted number', rule: 'yaml-type', broken: { 8: '  Varför gör det ont?\npatientAge: "47"' }, fixed: [...GOOD.slice(0, 9), 'patientAge: 47', ...GOOD.slice(9)] },
  { name: 'colon in a plain value', rule: 'yaml-syntax', broken: { 1: 'title: Axeln: ont' }, fixed: [GOOD[0], 'title: "Axeln: ont"', ...GOOD.slice(2)] },
  { name: 'tab as indentation in the question', rule: 'yaml-syntax', broken: { 8: '\tVarför gör det ont?' } },
  { name: 'tab before a top-level key', rule: 'yaml-syntax', broken: { 1: '\ttitle: "Ont i axeln"' } },
  { name: 'enum with a close value, double quotes', rule: 'schema-enum', broken: { 2: 'category: "Axel"' } },
  { name: 'enum in single quotes keeps them', rule: 'schema-enum', broken: { 2: "category: 'Axel'" }, fixed: [...GOOD.slice(0, 2), "category: 'axel'", ...GOOD.slice(3)] },
  { name: 'unknown field renamed', rule: 'unknown-field', broken: { 6: 'publised: true' } },
  { name: 'tag variant', rule: 'tag-variant', broken: { 4: 'tags: ["Frozen shoulder", "smärta"]' } },
  { name: 'repeated tag in a flow list', rule: 'tag-duplicate', broken: { 4: 'tags: ["frozen-shoulder", "smärta", "Smärta"]' } },
  { name: 'repeated tag in a block list', rule: 'tag-duplicate', broken: { 4: 'tags:\n  - frozen-shoulder\n  - smärta\n  - smärta' }, fixed: [...GOOD.slice(0, 4), 'tags:', '  - frozen-shoulder', '  - smärta', ...GOOD.slice(5)] },
  { name: 'two tags joined by an indented dash', rule: 'tag-joined', broken: { 4: 'tags:\n  - frozen-shoulder\n    - smärta' }, fixed: [...GOOD.slice(0, 4), 'tags:', '  - frozen-shoulder', '  - smärta', ...GOOD.slice(5)] },
  { name: 'two tags in one item of a flow list', rule: 'tag-joined', broken: { 4: 'tags: ["frozen-shoulder; smärta"]' } },
  { name: 'a stray comma after a tag in a block list', rule: 'tag-joined', broken: { 4: 'tags:\n  - frozen-shoulder,\n  - smärta' }, fixed: [...GOOD.slice(0, 4), 'tags:', '  - frozen-shoulder', '  - smärta', ...GOOD.slice(5)] },
  { name: 'topic suggestion', rule: 'topic-unknown', broken: { 3: 'topic: "frozen-shoulderr"' } },
  { name: 'summary skeleton', rule: 'summary-block', broken: { 12: undefined, 13: undefined, 14: undefined }, fixed: [...GOOD.slice(0, 12), '', '**Sammanfattning:**', '', '- ', ''], skeleton: true },
];

function build(lines: string[], broken: Record<number, string | undefined>): string[] {
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (!(i in broken)) out.push(l);
    else if (broken[i] !== undefined) out.push(...broken[i]!.split('\n'));
  });
  return out;
}

suite('quick fixes keep the rest of the file byte for byte', () => {
  test('the good article has no problems', () => {
    assert.deepEqual(check(GOOD.join('\n')).map((p) => p.rule), []);
  });
  for (const eol of ['\n', '\r\n']) {
    for (const c of cases) {
      test(`${c.name} (${eol === '\n' ? 'LF' : 'CR LF'})`, () => {
        const text = build(GOOD, c.broken).join(eol);
        const problems = check(text);
        const p = problems.find((x) => x.rule === c.rule && x.fixes?.some((f) => f.preferred));
        assert.ok(p, `a ${c.rule} problem with a preferred fix in ${JSON.stringify(text)}; got ${JSON.stringify(problems.map((x) => x.rule))}`);
        const fix = p.fixes!.find((f) => f.preferred)!;
        const after = applyEdits(text, fix.edits);
        assert.equal(after, (c.fixed ?? GOOD).join(eol));
        const left = check(after).filter((x) => x.rule === c.rule);
        if (c.skeleton) assert.ok(left.every((x) => !x.fixes?.length), 'only the request to fill in the skeleton is left');
        else assert.deepEqual(left, [], `no ${c.rule} left`);
      });
    }
  }
});

suite('applyEdits', () => {
  test('applies edits given in any order on the original offsets', () => {
    assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'AA' }]), 'AAbcdEf');
  });
  test('two insertions at one point keep their order', () => {
    assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: 'x' }, { start: 1, end: 1, newText: 'y' }]), 'axyb');
  });
  test('an insertion before a replacement that starts at the same point', () => {
    assert.equal(applyEdits('abc', [{ start: 1, end: 2, newText: 'B' }, { start: 1, end: 1, newText: '+' }]), 'a+Bc');
  });
  test('refuses overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), RangeError);
  });
  test('refuses edits outside the text', () => {
    assert.throws(() => applyEdits('abc', [{ start: 2, end: 9, newText: '' }]), RangeError);
  });
  test('overlap: touching edits and insertions at an edge do not overlap', () => {
    assert.equal(editsOverlap({ start: 0, end: 2, newText: '' }, { start: 2, end: 4, newText: '' }), false);
    assert.equal(editsOverlap({ start: 2, end: 2, newText: 'x' }, { start: 2, end: 4, newText: '' }), false);
    assert.equal(editsOverlap({ start: 3, end: 3, newText: 'x' }, { start: 2, end: 4, newText: '' }), true);
  });
});

const problem = (rule: string, fixes: Problem['fixes']): Problem => ({ rule, severity: 'error', message: rule, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, start: 0, end: 0, fixes });

suite('fixAll', () => {
  test('takes preferred fixes only, and skips one that overlaps an earlier one', () => {
    const r = fixAll([
      problem('a', [{ title: 'a', edits: [{ start: 0, end: 3, newText: 'A' }], preferred: true }]),
      problem('b', [{ title: 'b', edits: [{ start: 2, end: 5, newText: 'B' }], preferred: true }]),
      problem('c', [{ title: 'c', edits: [{ start: 6, end: 7, newText: 'C' }] }]),
      problem('d', [{ title: 'd', edits: [{ start: 8, end: 9, newText: 'D' }], preferred: true }]),
      problem('e', undefined),
    ]);
    assert.deepEqual(r.fixed.map((p) => p.rule), ['a', 'd']);
    assert.equal(applyEdits('0123456789', r.edits), 'A34567D9');
  });
  test('a fix with several edits is taken whole or not at all', () => {
    const r = fixAll([
      problem('a', [{ title: 'a', edits: [{ start: 5, end: 6, newText: 'x' }], preferred: true }]),
      problem('b', [{ title: 'b', edits: [{ start: 0, end: 1, newText: 'y' }, { start: 5, end: 6, newText: 'z' }], preferred: true }]),
    ]);
    assert.deepEqual(r.fixed.map((p) => p.rule), ['a']);
    assert.deepEqual(r.edits, [{ start: 5, end: 6, newText: 'x' }]);
  });
  test('the same edit offered twice is applied once', () => {
    const e = { start: 1, end: 2, newText: 'X' };
    const r = fixAll([problem('a', [{ title: 'a', edits: [e], preferred: true }]), problem('b', [{ title: 'b', edits: [{ ...e }], preferred: true }])]);
    assert.equal(applyEdits('abc', r.edits), 'aXc');
    assert.equal(r.fixed.length, 2);
  });
  for (const eol of ['\n', '\r\n']) {
    test(`fixes a real article with many problems in one go (${eol === '\n' ? 'LF' : 'CR LF'})`, () => {
      const text = build(GOOD, {
        2: "category: 'Axel'",
        3: 'topic: frozen-shoulderr',
        4: 'tags: ["Frozen shoulder", "smärta", "smärta"]',
        5: 'date: "2024-01-20"',
        6: 'published: yes',
        12: undefined,
        13: undefined,
        14: undefined,
      }).join(eol);
      const r = fixAll(check(text));
      const after = applyEdits(text, r.edits);
      // Only the summary skeleton waits for its first bullet.
      assert.deepEqual(check(after).map((p) => p.rule), ['summary-block']);
      assert.equal(after, [...GOOD.slice(0, 2), "category: 'axel'", 'topic: frozen-shoulder', ...GOOD.slice(4, 12), '', '**Sammanfattning:**', '', '- ', ''].join(eol));
    });
  }
});
