import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { article } from './helpers';

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env, isTTY: false });
  return { code, stdout, stderr };
}

function tmpProject(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-cli-'));
  for (const [f, c] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), c);
  }
  return dir;
}

test('a clean folder exits 0 with a summary line', async () => {
  const dir = tmpProject({ 'a.md': article(), 'README.md': '# Not an article\n' });
  const r = await run(['check'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '1 files checked: no problems.\n');
});

test('errors exit 1; text lines are file:line:col  severity  message  rule', async () => {
  const dir = tmpProject({ 'sub/a.md': article({ date: 'date: "2017-08-15"' }) });
  const r = await run(['check', 'sub'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^sub\/a\.md:7:7 {2}error {2}Remove the quotes: .* {2}yaml-type$/m);
  assert.match(r.stdout, /1 files checked: 1 errors, 0 warnings, 0 suggestions\./);
});

test('--format json prints exactly one object with 1-based positions', async () => {
  const dir = tmpProject({ 'a.md': article({ title: `title: "${'a'.repeat(70)}"` }) });
  const r = await run(['check', '--format', 'json'], dir);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out, {
    files: 1,
    problems: [{ file: 'a.md', line: 2, column: 8, endLine: 2, endColumn: 80, severity: 'warning', rule: 'title-length', message: 'The title is 70 characters; keep it at most 60 (it is the Google result title).' }],
  });
});

test('--max-warnings turns too many warnings into exit 1', async () => {
  const dir = tmpProject({ 'a.md': article({ title: `title: "${'a'.repeat(70)}"` }) });
  assert.equal((await run(['check', '--max-warnings', '1'], dir)).code, 0);
  const r = await run(['check', '--max-warnings=0'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Too many warnings: 1/);
});

test('bad arguments and missing paths exit 2 with a clear message; other files are still checked', async () => {
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }) });
  assert.equal((await run(['check', '--format', 'xml'], dir)).code, 2);
  assert.equal((await run(['check', '--bogus'], dir)).code, 2);
  assert.equal((await run(['frobnicate'], dir)).code, 2);
  const r = await run(['check', 'nope.md', 'a.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /No such file or folder: nope\.md/);
  assert.match(r.stdout, /a\.md:7:7 {2}error/);
  assert.equal((await run(['check', '--root', 'missing-dir'], dir)).code, 2);
});

test('binary, non-UTF-8 and 5 MB files: a clear message, no crash', async () => {
  const big = article({}, 'Lång rad. '.repeat(520_000) + '\n\n**Sammanfattning:**\n- En\n');
  const dir = tmpProject({ 'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe5, 0x0a]), 'big.md': big.replace('Ont i axeln', 'Stor'), 'ok.md': article() });
  const t0 = Date.now();
  const r = await run(['check', '--format', 'json'], dir);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files, 4);
  assert.deepEqual(out.problems.map((p: { file: string; rule: string }) => `${p.file}:${p.rule}`), ['bin.md:file-unreadable', 'latin1.md:file-unreadable']);
  assert.match(out.problems[0].message, /not a text file/);
  assert.match(out.problems[1].message, /UTF-8/);
  assert.equal(r.code, 1);
  assert.ok(Date.now() - t0 < 10_000);
});

test('Swedish with --lang sv or from the environment', async () => {
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }) });
  assert.match((await run(['check', '--lang', 'sv'], dir)).stdout, /Ta bort citattecknen/);
  assert.match((await run(['check'], dir, { LANG: 'sv_SE.UTF-8' })).stdout, /filer kontrollerade/);
});

test('a project config and a project schema are used; a broken one exits 2', async () => {
  const schema = { type: 'object', required: ['title', 'rubrik'], properties: { title: { type: 'string' }, rubrik: { type: 'string' } } };
  const dir = tmpProject({ 'a.md': article(), '.qa-articles.json': '{"rules": {"unknown-field": "off"}}', '.qa-articles.schema.json': JSON.stringify(schema) });
  const r = await run(['check', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(r.stdout).problems.map((p: { rule: string }) => p.rule), ['schema-required']);
  const other = tmpProject({ 's.json': '{"type": "object", "required": ["x"]}', 'a.md': article() });
  assert.deepEqual(JSON.parse((await run(['check', '--schema', 's.json', '--format', 'json'], other)).stdout).problems.map((p: { rule: string }) => p.rule), ['schema-required']);
  const broken = tmpProject({ 'a.md': article(), '.qa-articles.json': '{"rules": ' });
  const b = await run(['check'], broken);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /\.qa-articles\.json could not be used: not valid JSON/);
});

test('--cache reuses the results of unchanged files and rechecks changed ones', async () => {
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }), 'b.md': article({ title: 'title: "Annan rubrik"' }) });
  const first = await run(['check', '--cache', '--format', 'json'], dir);
  assert.ok(fs.existsSync(path.join(dir, '.qa-articles-cache')));
  const again = await run(['check', '--cache', '--format', 'json'], dir);
  assert.equal(again.stdout, first.stdout);
  assert.equal(again.code, 1);
  // A changed file is checked again (a different size and time).
  fs.writeFileSync(path.join(dir, 'a.md'), article({ title: 'title: "Ny rubrik"' }));
  const fixed = await run(['check', '--cache', '--format', 'json'], dir);
  assert.equal(fixed.code, 0);
  assert.deepEqual(JSON.parse(fixed.stdout).problems, []);
  // Another language is another checker: nothing is reused.
  fs.writeFileSync(path.join(dir, 'a.md'), article({ date: 'date: "2017-08-15"' }));
  assert.match((await run(['check', '--cache', '--lang', 'sv'], dir)).stdout, /Ta bort citattecknen/);
  assert.match((await run(['check', '--cache', '--lang', 'en'], dir)).stdout, /Remove the quotes/);
  // A broken cache file costs only speed.
  fs.writeFileSync(path.join(dir, '.qa-articles-cache'), '{nope');
  assert.equal((await run(['check', '--cache'], dir)).code, 1);
});
