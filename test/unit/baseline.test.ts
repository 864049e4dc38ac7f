import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { applyBaseline, BASELINE_FILE, parseBaseline, serializeBaseline, updateBaseline } from '../../src/core/baseline';
import { main } from '../../src/cli/main';
import type { Problem } from '../../src/core/types';
import { article } from './helpers';

const p = (rule: string, severity: Problem['severity'] = 'warning', line = 0): Problem => ({
  rule,
  severity,
  message: rule,
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  start: line,
  end: line + 1,
});

test('a baseline hides known warnings per rule, shows every one of a rule that grew, and never hides errors', () => {
  const entry = { 'summary-block': { count: 1 }, 'answer-heading': { count: 2 } };
  const problems = [p('answer-heading', 'warning', 3), p('answer-heading', 'warning', 9), p('summary-block'), p('yaml-type', 'error'), p('title-length')];
  const { shown, hidden } = applyBaseline(problems, entry);
  assert.deepEqual(shown.map((x) => x.rule), ['yaml-type', 'title-length']);
  assert.equal(hidden, 3);
  // Lines moved: still the same counts, still hidden.
  assert.equal(applyBaseline([p('answer-heading', 'warning', 30), p('answer-heading', 'warning', 40)], entry).hidden, 2);
  // A third heading: the rule grew, so all three show (which one is new cannot be told).
  assert.equal(applyBaseline([p('answer-heading'), p('answer-heading'), p('answer-heading')], entry).shown.length, 3);
  // An error is never hidden, even with the rule in the baseline.
  assert.equal(applyBaseline([p('summary-block', 'error')], entry).shown.length, 1);
  assert.equal(applyBaseline(problems, undefined).shown.length, problems.length);
});

test('updating keeps other files, replaces the checked ones, drops fixed warnings, deleted files and errors', () => {
  const old = { 'a.md': { 'summary-block': { count: 2 } }, 'b.md': { 'title-length': { count: 1 } }, 'gone.md': { 'title-length': { count: 1 } } };
  const next = updateBaseline(old, [['a.md', [p('summary-block'), p('yaml-type', 'error')]], ['c.md', [p('yaml-type', 'error')]]], (f) => f !== 'gone.md');
  assert.deepEqual(next, { 'a.md': { 'summary-block': { count: 1 } }, 'b.md': { 'title-length': { count: 1 } } });
  const text = serializeBaseline({ 'z.md': { b: { count: 1 }, a: { count: 2 } }, 'a.md': { c: { count: 1 } } });
  assert.equal(text, '{\n  "a.md": {\n    "c": {\n      "count": 1\n    }\n  },\n  "z.md": {\n    "a": {\n      "count": 2\n    },\n    "b": {\n      "count": 1\n    }\n  }\n}\n');
  assert.deepEqual(parseBaseline(text), { 'a.md': { c: { count: 1 } }, 'z.md': { a: { count: 2 }, b: { count: 1 } } });
  for (const bad of ['[', '[]', '{"a.md": 3}', '{"a.md": {"r": {"count": 0}}}', '{"a.md": {"r": {}}}']) assert.throws(() => parseBaseline(bad), bad);
});

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {}, isTTY: false });
  return { code, stdout, stderr };
}

test('qa-articles check --baseline-update records warnings; later runs report only new ones; --no-baseline shows all', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-baseline-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, '.qa-articles.json'), '{"include": ["**/*.md"]}');
  const legacy = article({ title: `title: "${'Lång rubrik '.repeat(6)}"` }, 'Svar.\n\n## Rubrik\n\nMer text.\n');
  fs.writeFileSync(path.join(dir, 'old.md'), legacy);
  fs.writeFileSync(path.join(dir, 'bad.md'), article({ date: 'date: "2017-08-15"' }));
  const before = await run(['check', '--max-warnings', '0'], dir);
  assert.equal(before.code, 1);

  const update = await run(['check', '--baseline-update'], dir);
  assert.match(update.stderr, /Baseline \.qa-articles-baseline\.json updated: 3 warnings in 1 file\./);
  const saved = JSON.parse(fs.readFileSync(path.join(dir, BASELINE_FILE), 'utf8'));
  assert.deepEqual(Object.keys(saved), ['old.md']);
  assert.deepEqual(Object.keys(saved['old.md']).sort(), ['answer-heading', 'summary-block', 'title-length']);

  // Legacy warnings hidden, the error still reported; moving lines changes nothing.
  fs.writeFileSync(path.join(dir, 'old.md'), legacy.replace('Svar.', 'Svar.\n\nEtt nytt stycke först.'));
  const after1 = await run(['check', '--format', 'json'], dir);
  const out = JSON.parse(after1.stdout) as { problems: { file: string; rule: string }[] };
  assert.deepEqual(out.problems.map((x) => `${x.file} ${x.rule}`), ['bad.md yaml-type']);
  assert.match(after1.stderr, /3 known warnings are hidden by the baseline/);

  // A new warning shows; --max-warnings counts only what is shown.
  fs.writeFileSync(path.join(dir, 'new.md'), article({ title: 'title: "Stel axel"', description: 'description: "Kort."' }));
  const after2 = await run(['check', '--max-warnings', '0', '--format', 'json'], dir);
  assert.deepEqual((JSON.parse(after2.stdout) as { problems: { file: string; rule: string }[] }).problems.map((x) => `${x.file} ${x.rule}`), ['bad.md yaml-type', 'new.md description-length']);

  const all = await run(['check', '--no-baseline', '--format', 'json'], dir);
  assert.equal((JSON.parse(all.stdout) as { problems: unknown[] }).problems.length, 5);
  assert.equal(all.stderr, '');

  // Swedish, and a broken baseline is a clear message, not a crash.
  fs.writeFileSync(path.join(dir, BASELINE_FILE), '{ not json');
  const broken = await run(['check', '--lang', 'sv'], dir);
  assert.equal(broken.code, 2);
  assert.equal(broken.stderr, 'Baslinjen .qa-articles-baseline.json kunde inte användas: den är ingen baslinje som verktyget kan läsa (skadad, eller ändrad för hand). Skriv den på nytt med qa-articles check --baseline-update, eller kontrollera utan den med --no-baseline.\n');
  // Two branches that both updated the committed file: git's conflict markers are named, and the way out.
  fs.writeFileSync(path.join(dir, BASELINE_FILE), '{\n<<<<<<< HEAD\n  "a.md": { "title-length": { "count": 1 } }\n=======\n  "b.md": { "title-length": { "count": 1 } }\n>>>>>>> other\n}\n');
  const merged = await run(['check'], dir);
  assert.equal(merged.code, 2);
  assert.equal(merged.stderr, "The baseline .qa-articles-baseline.json could not be used: it holds git's conflict markers (<<<<<<<), left by a merge of two branches that both updated it. Write it afresh with qa-articles check --baseline-update, or check without it with --no-baseline.\n");
  assert.match((await run(['check', '--baseline-update'], dir)).stderr, /^Baseline \.qa-articles-baseline\.json updated/);
  const after = await run(['check'], dir);
  assert.equal(after.code, 1, 'bad.md still has its error');
  assert.doesNotMatch(after.stderr, /could not be used/);
});
