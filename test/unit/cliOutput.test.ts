import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main';
import { formatJson, formatText, jsonReport, terminalSafe, textReport } from '../../src/cli/output';
import type { FileProblem } from '../../src/cli/check';
import { article } from './helpers';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function check(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-cli-out-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, '.qa-articles.json'), '{"include": ["**/*.md"]}');
  for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), c);
  let stdout = '';
  const code = await main(['check'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: dir, env: {}, isTTY: false });
  return { code, stdout };
}

test('a file name with a newline prints as one escaped line, never a forged problem line', async () => {
  const bad = article({ date: 'date: "2017-08-15"' });
  const r = await check({ 'a\n9:9:9  error  All is well.md': bad });
  assert.equal(r.code, 1);
  const lines = r.stdout.split('\n');
  assert.ok(!lines.some((l) => l.startsWith('9:9:9')), r.stdout);
  assert.match(r.stdout, /^a\\n9:9:9 {2}error {2}All is well\.md:7:7 {2}error {2}Remove the quotes/m);
});

test('escape codes in a file name do not reach the terminal', async () => {
  const r = await check({ '\x1b[2J\x1b]0;pwned\x07x.md': article({ date: 'date: "2017-08-15"' }) });
  assert.equal(r.code, 1);
  assert.ok(!/[\x00-\x09\x0b-\x1f\x7f]/.test(r.stdout), JSON.stringify(r.stdout));
  assert.match(r.stdout, /^\\u001b\[2J\\u001b\]0;pwned\\u0007x\.md:7:7 /m);
});

test('messages and rule names are escaped too, also when coloured', () => {
  const p: FileProblem = {
    file: '/r/a.md',
    rule: 'unknown-field',
    severity: 'warning',
    message: 'Unknown field "\x1b[31mred\u202e".',
    start: 0,
    end: 1,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  } as FileProblem;
  const plain = formatText(1, [p], (f) => f.slice(3), 'en', false);
  assert.equal(plain.split('\n')[0], 'a.md:1:1  warning  Unknown field "\\u001b[31mred\\u202e".  unknown-field');
  const coloured = formatText(1, [{ ...p, file: '/r/\x1b[0mb.md' }], (f) => f.slice(3), 'en', true);
  // Only the printer's own colour codes remain: each ESC starts one of ours.
  for (const m of coloured.matchAll(/\x1b/g)) assert.match(coloured.slice(m.index), /^\x1b\[(?:[0-9;]*)m/);
  assert.match(coloured, /\\u001b\[0mb\.md/);
});

test('terminalSafe leaves ordinary names alone and escapes every control character', () => {
  assert.equal(terminalSafe('src/content/fråga doktorn/knä.md'), 'src/content/fråga doktorn/knä.md');
  assert.equal(terminalSafe('C:\\site\\a.md'), 'C:\\site\\a.md');
  assert.equal(terminalSafe('a\r\nb\tc\u0085d\u2028e\u009bf\u007f'), 'a\\r\\nb\\tc\\u0085d\\u2028e\\u009bf\\u007f');
});

test('JSON output is exactly JSON.stringify of the documented shape, odd characters included', () => {
  const p = (file: string, message: string, line: number): FileProblem => ({ file, rule: 'yaml-type', severity: 'error', message, start: 0, end: 1, range: { start: { line, character: 2 }, end: { line: line + 1, character: 0 } } });
  const problems = [p('/s/a "b".md', 'Ta bort "citattecknen"\\n och \u2028 \ud800 😀', 0), p('/s/a "b".md', 'två', 3), p('/s/c\n.md', '\u0000\u001b[31m', 9)];
  const display = (f: string) => f.slice(3);
  const expected = JSON.stringify({
    files: 4,
    problems: problems.map((x) => ({ file: display(x.file), line: x.range.start.line + 1, column: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1, severity: x.severity, rule: x.rule, message: x.message })),
  });
  assert.equal(formatJson(4, problems, display), expected);
  assert.deepEqual(JSON.parse(formatJson(0, [], display)), { files: 0, problems: [] });
});

test('a large report goes out in pieces of at least 64 KB that make exactly the whole report', () => {
  const p = (file: string, i: number): FileProblem => ({ file, rule: 'answer-heading', severity: i % 3 ? 'warning' : 'error', message: `Rubrik nummer ${i} – skriv ett vanligt stycke`, start: 0, end: 1, range: { start: { line: i, character: 0 }, end: { line: i, character: 9 } } });
  const problems = Array.from({ length: 3000 }, (_, i) => p(`/s/${String(Math.floor(i / 7)).padStart(4, '0')}.md`, i));
  const display = (f: string) => f.slice(3);
  for (const [name, make, whole] of [
    ['json', (w: (s: string) => void) => jsonReport(500, display, w), formatJson(500, problems, display) + '\n'],
    ['text', (w: (s: string) => void) => textReport(500, display, 'sv', false, w), formatText(500, problems, display, 'sv', false)],
  ] as const) {
    const pieces: string[] = [];
    const report = make((s) => pieces.push(s));
    for (let i = 0; i < problems.length; i += 7) report.add(problems[i].file, problems.slice(i, i + 7));
    // A file without problems adds nothing.
    report.add('/s/clean.md', []);
    assert.equal(pieces.length > 2, true, `${name}: ${pieces.length} pieces`);
    report.end();
    assert.equal(pieces.join(''), whole, name);
    for (const s of pieces.slice(0, -1)) assert.ok(s.length >= 65536, `${name}: a piece of ${s.length} characters`);
  }
  const json = JSON.parse(formatJson(500, problems, display));
  assert.equal(json.problems.length, 3000);
  assert.deepEqual(json.problems[8], { file: '0001.md', line: 9, column: 1, endLine: 9, endColumn: 10, severity: 'warning', rule: 'answer-heading', message: 'Rubrik nummer 8 – skriv ett vanligt stycke' });
  const text = formatText(500, problems, display, 'sv', false).split('\n');
  assert.equal(text[0], '0000.md:1:1  error  Rubrik nummer 0 – skriv ett vanligt stycke  answer-heading');
  assert.equal(text[7], '', 'a blank line between two files');
  assert.equal(text.at(-2), '500 filer kontrollerade: 1000 fel, 2000 varningar, 0 förslag.');
});
