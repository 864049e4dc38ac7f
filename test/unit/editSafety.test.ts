import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { applyEdits, fixAll, fixAllText, lineEdits, preferredFix } from '../../src/core/fix/index';
import { format } from '../../src/core/i18n/messages';
import { parseArticle } from '../../src/core/parse';
import type { Problem } from '../../src/core/types';
import { statusEdits, type WorkflowAction } from '../../src/core/workflow/statusEdits';
import { tagRename, tagRenameEdits } from '../../src/core/workflow/tagEdits';
import { doubleQuoted, plainSafe, singleQuoted, valueSpan, writeString } from '../../src/core/yaml/quote';

const checker = createChecker();
const check = (t: string) => checker.check(t);
const errors = (t: string) => check(t).filter((p) => p.severity === 'error');
const doc = (...fm: string[]) => ['---', ...fm, '---', '', 'Svar.', '', '**Sammanfattning:**', '- Punkt', ''].join('\n');
const BASE = ['title: "Knät"', 'category: "kna"', 'date: 2024-05-03'];
const ACTIONS: WorkflowAction[] = ['markDraft', 'markReady', 'publish', 'unpublish'];
const only = (ps: Problem[], rule: string) => ps.filter((p) => p.rule === rule);

describe('workflow steps on broken YAML refuse and change nothing', () => {
  const broken: Record<string, { text: string; reason: string }> = {
    'a field indented one space under published': { text: doc(...BASE, 'published: false', ' status: "utkast"', 'question: |', '  Fråga?'), reason: 'workflow-yaml-broken' },
    'a mismatched quote': { text: doc(...BASE, 'published: false', `status: "utkast'`, 'question: |', '  Fråga?'), reason: 'workflow-yaml-broken' },
    'fields inside { }': { text: doc('{title: "Knät", category: kna, date: 2024-05-03, question: "Fråga?"}'), reason: 'workflow-flow-frontmatter' },
  };
  for (const [name, { text, reason }] of Object.entries(broken)) {
    it(name, () => {
      for (const action of ACTIONS) {
        const r = statusEdits(text, action);
        assert.equal(r.ok, false, `${action} must refuse`);
        if (!r.ok) assert.equal(r.reason, reason);
      }
    });
  }
  it('a status written as a block (status: |) is refused with the line to rewrite', () => {
    const text = doc('title: "Knät"', 'category: "kna"', 'published: false', 'status: |', '  utkast', 'date: 2024-05-03', 'question: |', '  Fråga?');
    const r = statusEdits(text, 'markReady');
    assert.deepEqual(r, { ok: false, reason: 'workflow-field-shape', args: ['status', 5, 'status: "klar"'], line: 4 });
    if (!r.ok) assert.equal(format('en', r.reason, ...r.args), 'Nothing was changed: `status` on line 5 is not a single value on one line. Write it as status: "klar", then try again.');
    // Unpublish does not touch status: it only rewrites published, which is on one line.
    const u = statusEdits(text, 'unpublish');
    assert.deepEqual(u, { ok: true, edits: [] });
  });
  it('refusals say on which line to mend, in English and Swedish', () => {
    const r = statusEdits(broken['a mismatched quote'].text, 'markReady');
    assert.ok(!r.ok);
    assert.match(format('en', r.reason, ...r.args), /mistake on line \d+\. Mend it first/);
    assert.match(format('sv', r.reason, ...r.args), /fel på rad \d+\. Rätta det först/);
  });
  it('a step on a good article changes only its own lines', () => {
    const text = doc(...BASE, 'published: false', 'status: "utkast"', 'question: |', '  Fråga?');
    for (const action of ACTIONS) {
      const r = statusEdits(text, action);
      assert.ok(r.ok);
      const after = applyEdits(text, r.edits).split('\n');
      const before = text.split('\n');
      assert.equal(after.length, before.length);
      after.forEach((l, i) => {
        if (l !== before[i]) assert.match(before[i], /^(status|published):/, `${action} changed line ${i}`);
      });
    }
  });
  it('keeps a tag-free value and drops a !!str tag it replaces', () => {
    const text = doc(...BASE, 'published: !!str no', 'status: utkast', 'question: |', '  Fråga?');
    const r = statusEdits(text, 'publish');
    assert.ok(r.ok);
    assert.equal(applyEdits(text, r.edits), text.replace('published: !!str no', 'published: true').replace('status: utkast', 'status: klar'));
  });
});

describe('the enum quick fix on a block scalar keeps the next line', () => {
  it('status: | with utkast below becomes status: "utkast" and the date stays', () => {
    const text = doc('title: "Knät"', 'category: "kna"', 'status: |', '  utkast', 'date: 2024-05-03', 'question: |', '  Fråga?');
    const [p] = only(check(text), 'schema-enum');
    const out = applyEdits(text, preferredFix(p)!.edits);
    assert.equal(out, text.replace('status: |\n  utkast', 'status: "utkast"'));
    assert.deepEqual(errors(out), []);
  });
});

describe('fix-all never makes things worse', () => {
  const converged = (text: string) => {
    const r = fixAllText(text, check);
    assert.ok(r.passes <= 3);
    assert.equal(fixAll(check(r.text)).edits.length, 0, 'nothing left to fix');
    return r;
  };
  it('categoy: "kna" is renamed, not also added: one category key', () => {
    const text = doc('title: "Knät"', 'categoy: "kna"', 'date: 2024-05-03', 'question: |', '  Fråga?');
    const ps = check(text);
    // The missing field's error is at the misspelt key, and its one fix renames it (no line added).
    assert.deepEqual(only(ps, 'schema-required')[0].fixes?.map((f) => f.edits), [[{ start: text.indexOf('categoy'), end: text.indexOf('categoy') + 7, newText: 'category' }]]);
    const r = converged(text);
    assert.equal(r.text, text.replace('categoy:', 'category:'));
    assert.deepEqual(errors(r.text), []);
  });
  it('two misspellings of one field: only the first is offered the rename', () => {
    const text = doc('title: "Knät"', 'categoy: "kna"', 'catgory: "kna"', 'date: 2024-05-03', 'question: |', '  Fråga?');
    const ps = check(text);
    const renames = [...only(ps, 'schema-required'), ...only(ps, 'unknown-field')].map((p) => preferredFix(p)?.title);
    assert.deepEqual(renames, ['Rename to `category`', undefined]);
    const r = converged(text);
    assert.equal(parseArticle(r.text).fieldList.filter((f) => f.key === 'category').length, 1);
  });
  it('no rename to a field already present, no add for a field written (even indented)', () => {
    const text = doc('title: "Knät"', 'category: "kna"', 'categoy: "x"', 'date: 2024-05-03', 'question: |', '  Fråga?');
    assert.ok(only(check(text), 'unknown-field').every((p) => !p.fixes?.some((f) => f.edits.some((e) => e.newText === 'category'))));
    const nested = doc('author:', '  title: "Knät"', 'category: "kna"', 'date: 2024-05-03', 'question: |', '  Fråga?');
    const req = only(check(nested), 'schema-required');
    assert.equal(req.length, 1);
    assert.deepEqual(req[0].fixes ?? [], []);
  });
  it('patientName: !!binary … is quoted without its tag, once', () => {
    const text = doc(...BASE, 'patientName: !!binary aGVsbG8=', 'question: |', '  Fråga?');
    const r = converged(text);
    assert.equal(r.text, text.replace('!!binary aGVsbG8=', '"aGVsbG8="'));
    assert.equal(r.passes, 1);
  });
  it('category: 12 gets no quote fix that would trade one error for another', () => {
    const text = doc('title: "Knät"', 'category: 12', 'date: 2024-05-03', 'question: |', '  Fråga?');
    const [p] = check(text).filter((x) => x.severity === 'error');
    assert.equal(preferredFix(p), undefined);
    assert.match(p.message, /axel, kna, armbage, annat/);
    for (const f of p.fixes ?? []) assert.deepEqual(errors(applyEdits(text, f.edits)), []);
    const near = doc('title: "Knät"', 'category: kna2', 'date: 2024-05-03', 'question: |', '  Fråga?');
    assert.deepEqual(errors(converged(near).text), []);
  });
  it('fields inside { }: no fix adds a line, fix-all leaves the YAML readable', () => {
    const text = doc('{title: "Knät", category: Kna, date: 2024-05-03}');
    const required = only(check(text), 'schema-required');
    assert.ok(required.length > 0);
    assert.ok(required.every((p) => !p.fixes?.length));
    const r = converged(text);
    assert.deepEqual(parseArticle(r.text).yamlIssues, []);
    assert.match(r.text, /\{title: "Knät", category: kna, date: 2024-05-03\}/);
  });
  it('published: nej is written false, ja true; "false" in quotes is unquoted', () => {
    for (const [v, b] of [['nej', 'false'], ['Nej', 'false'], ['no', 'false'], ['ja', 'true'], ['"false"', 'false'], ["'true'", 'true']]) {
      const text = doc(...BASE, `published: ${v}`, 'question: |', '  Fråga?');
      const [p] = only(check(text), 'yaml-type');
      assert.ok(p, v);
      assert.equal(applyEdits(text, preferredFix(p)!.edits), text.replace(`published: ${v}`, `published: ${b}`), v);
    }
  });
  it('the quote fix escapes " and \\ inside the value, and the value reads back', () => {
    const text = doc('title: Axeln: "ont" \\ igen', 'category: "kna"', 'date: 2024-05-03', 'question: |', '  Fråga?');
    const [p] = only(check(text), 'yaml-syntax');
    const out = applyEdits(text, preferredFix(p)!.edits);
    assert.equal(parseArticle(out).data!.title, 'Axeln: "ont" \\ igen');
    assert.deepEqual(errors(out), []);
  });
  it('a quoted date that would not read as a date when unquoted gets no unquote fix', () => {
    const text = doc('title: "Knät"', 'category: "kna"', 'date: "2024-05-03 10:00"', 'question: |', '  Fråga?');
    const [p] = only(check(text), 'yaml-type');
    assert.equal(preferredFix(p), undefined);
  });
  it('fix-all keeps CR LF and every untouched byte; its edits are whole changed lines', () => {
    const text = doc('title: "Knät"', 'category: "Kna"', 'date: "2024-05-03"', 'published: yes', 'question: |', '  Fråga?').replace(/\n/g, '\r\n');
    const r = converged(text);
    assert.equal(r.text, text.replace('"Kna"', '"kna"').replace('"2024-05-03"', '2024-05-03').replace('published: yes', 'published: true'));
    assert.equal(r.fixed, 3);
    assert.equal(applyEdits(text, r.edits), r.text);
    assert.deepEqual(r.edits.map((e) => text.slice(e.start, e.end)), ['category: "Kna"\r\ndate: "2024-05-03"\r\npublished: yes\r\n']);
    assert.deepEqual(fixAllText(r.text, check), { text: r.text, passes: 0, fixed: 0, edits: [] });
  });
  it('a pass whose fixes together add an error keeps only the fixes that add none', () => {
    // Two fixes that each look fine but write the same key twice.
    const text = 'a\nb\n';
    const mk = (rule: string, start: number, newText: string): Problem => ({ rule, severity: 'error', message: rule, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, start, end: start + 1, fixes: [{ title: rule, edits: [{ start, end: start + 1, newText }], preferred: true }] });
    const fake = (t: string): Problem[] => {
      const ps: Problem[] = [];
      if (t.startsWith('a')) ps.push(mk('one', 0, 'x'));
      if (/\nb/.test(t)) ps.push(mk('two', 2, 'x'));
      if (t === 'x\nx\n') ps.push({ ...mk('dup', 0, 'x'), fixes: undefined });
      return ps;
    };
    const r = fixAllText(text, fake);
    assert.equal(r.text, 'x\nb\n');
    assert.equal(r.fixed, 1);
  });
});

describe('lineEdits', () => {
  it('touches only the lines that differ', () => {
    const a = 'one\ntwo\nthree\nfour\n';
    const b = 'one\nTWO\nthree\nfour\nfive\n';
    const e = lineEdits(a, b);
    assert.equal(applyEdits(a, e), b);
    assert.deepEqual(e.map((x) => a.slice(x.start, x.end)), ['two\n', '']);
    assert.deepEqual(lineEdits(a, a), []);
  });
});

describe('tag rename finds every spelling', () => {
  const art = (tags: string) => ['---', 'title: "t"', 'category: "axel"', tags, 'date: 2024-01-01', 'question: |', '  smärta', '---', '', 'smärta', ''].join('\n');
  const renamed = (text: string, from: string, to: string) => {
    const r = tagRename(text, from, to);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.ok(r.edits.length > 0, 'found');
    return applyEdits(text, r.edits);
  };
  const tags = (t: string) => parseArticle(t).data!.tags;
  for (const [name, list] of [
    ['an escape in double quotes', 'tags: ["sm\\u00e4rta", "knä"]'],
    ['single quotes', "tags: ['smärta', 'knä']"],
    ['plain', 'tags: [smärta, knä]'],
    ['a block list', 'tags:\n  - smärta\n  - knä'],
    ['an escape in a block list', 'tags:\n  - "sm\\xe4rta"\n  - knä'],
  ]) {
    it(name, () => assert.deepEqual(tags(renamed(art(list), 'smärta', 'värk')), ['värk', 'knä']));
  }
  it('a tag folded over two lines, in a flow and a block list', () => {
    assert.deepEqual(tags(renamed(art('tags: ["frozen\n    shoulder", "knä"]'), 'frozen shoulder', 'frozen-shoulder')), ['frozen-shoulder', 'knä']);
    const block = art('tags:\n  - frozen\n    shoulder\n  - knä');
    const out = renamed(block, 'frozen shoulder', 'frozen-shoulder');
    assert.equal(out, block.replace('frozen\n    shoulder', 'frozen-shoulder'));
    const merge = art('tags:\n  - frozen\n    shoulder\n  - frozen-shoulder');
    assert.equal(renamed(merge, 'frozen shoulder', 'frozen-shoulder'), merge.replace('  - frozen\n    shoulder\n', ''));
  });
  it('a quote inside the new name is escaped', () => {
    assert.deepEqual(tags(renamed(art('tags: ["smärta"]'), 'smärta', 'a "b" \\ c')), ['a "b" \\ c']);
    assert.deepEqual(tags(renamed(art("tags: ['smärta']"), 'smärta', "it's")), ["it's"]);
  });
  it('a blank new name is refused', () => {
    for (const to of ['', '   ', '\t']) assert.deepEqual(tagRename(art('tags: [smärta]'), 'smärta', to), { ok: false, reason: 'tag-rename-blank', args: [], line: 0 });
    assert.deepEqual(tagRenameEdits(art('tags: [smärta]'), 'smärta', ''), []);
  });
  it('broken YAML around a tag that may be there is refused, not skipped silently', () => {
    const r = tagRename(art('tags: ["smärta", "knä"\nauthor: "x'), 'smärta', 'värk');
    assert.equal(r.ok, false);
    const notList = tagRename(art('tags: smärta, knä'), 'smärta', 'värk');
    assert.equal(notList.ok ? 'ok' : notList.reason, 'tag-rename-not-list');
  });
});

describe('the quoting module', () => {
  it('double quotes escape what YAML needs, and read back', () => {
    for (const v of ['a "b"', 'c:\\d', 'line\nbreak', 'tab\there', '\u0007bell', 'emoji 😀', '\u2028sep', ' lead', '']) {
      assert.equal(parseArticle(`---\nx: ${doubleQuoted(v)}\n---\n`).data!.x, v, JSON.stringify(v));
    }
  });
  it('single quotes double a quote and refuse line breaks', () => {
    assert.equal(singleQuoted("it's"), "'it''s'");
    assert.equal(singleQuoted('a\nb'), undefined);
    assert.equal(writeString('a\nb', 'single'), '"a\\nb"');
  });
  it('plain only where it reads back as the same text', () => {
    for (const v of ['smärta', 'frozen shoulder', 'ac-luxation', '12-åring']) assert.ok(plainSafe(v), v);
    for (const v of ['12', 'true', 'null', '2017-08-15', 'a: b', 'a #b', '-a', 'x ', '[a]', 'a,b', '~', '1e3']) assert.ok(!plainSafe(v), v);
    assert.equal(writeString('true', 'plain'), '"true"');
  });
  it('a value span takes a tag, keeps an anchor, and stops before a block scalar’s line break', () => {
    const t = 'a: !!binary aGk=\nb: &x v\nc: |\n  z\nd: 1\n';
    const a = parseArticle(`---\n${t}---\n`);
    const span = (k: string) => {
      const s = valueSpan(a.text, a.fields.get(k)!.node!);
      return a.text.slice(s.start, s.end);
    };
    assert.equal(span('a'), '!!binary aGk=');
    assert.equal(span('b'), 'v');
    assert.equal(span('c'), '|\n  z');
  });
});
