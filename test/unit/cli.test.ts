import assert from 'node:assert/strict';
import { format } from '../../src/core/i18n/messages';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, mock, test } from 'node:test';
import { main } from '../../src/cli/main';
import { article } from './helpers';
import { nodeFileHost, toCorePath } from '../../src/node/host';
import { readArticleFile } from '../../src/core/project/read';
import { idleHelpers } from '../../src/node/pool';

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env, isTTY: false });
  return { code, stdout, stderr };
}

const made: string[] = [];
after(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** A temporary folder; a project (a config whose articles are every `.md`) unless `project: false`. */
function tmpDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-cli-'));
  made.push(dir);
  for (const [f, c] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), c);
  }
  return dir;
}

function tmpProject(files: Record<string, string | Buffer>): string {
  return tmpDir({ '.qa-articles.json': '{"include": ["**/*.md"]}', ...files });
}

test('a clean project exits 0 with a summary line; only its articles are checked', async () => {
  // The site's layout: package.json marks the root, articles are under the default include.
  const dir = tmpDir({ 'package.json': '{}', 'src/content/fraga-doktorn/a.md': article(), 'README.md': '# Not an article\n', 'docs/guide.md': '# Guide\n', 'src/content/blog/post.md': '---\ntitle: x\n---\n' });
  const r = await run(['check'], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '1 file checked: no problems.\n');
  // From a folder below the root, the same project.
  assert.equal((await run(['check'], path.join(dir, 'docs'))).stdout, '1 file checked: no problems.\n');
});

test('only .md files are articles, as the site builds them: .markdown, .mdown and .MD among them are checked and said to get no page; README.markdown in a named folder is not checked', async () => {
  // Astro's collections take only .md (its other Markdown extensions are for src/pages), with the capitals as written.
  const dir = tmpDir({
    'package.json': '{}',
    'src/content/fraga-doktorn/a.md': article(),
    'src/content/fraga-doktorn/b.markdown': article({ title: 'title: "Ont i knät"', date: 'date: "2017-08-15"' }),
    'src/content/fraga-doktorn/c.mdown': article(),
    'src/content/fraga-doktorn/axel/D.MD': article({ title: 'title: "Ont i foten"' }),
    'src/content/fraga-doktorn/_e.markdown': article({ title: 'title: "Utkast"' }),
    'src/content/fraga-doktorn/notes.txt': 'x',
  });
  const r = await run(['check', '--format', 'json'], dir);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files, 4);
  // c.mdown has a.md's title: c is told (a.md has it), a.md is not (c.mdown has no page).
  assert.deepEqual(out.problems.map((p: { file: string; rule: string; line: number }) => `${p.file}:${p.line}:${p.rule}`), [
    'src/content/fraga-doktorn/axel/D.MD:1:file-left-out',
    'src/content/fraga-doktorn/b.markdown:1:file-left-out',
    'src/content/fraga-doktorn/b.markdown:7:yaml-type',
    'src/content/fraga-doktorn/c.mdown:1:file-left-out',
    'src/content/fraga-doktorn/c.mdown:2:duplicate-title',
  ]);
  const text = await run(['check'], dir);
  assert.match(text.stdout, /The site builds only articles whose file name ends in \.md: it makes no page of “b\.markdown”\. Rename the file “b\.md”\./);
  assert.match((await run(['check', '--lang', 'sv', 'src/content/fraga-doktorn/axel'], dir)).stdout, /av ”D\.MD” blir ingen sida\. Byt namn på filen till ”D\.md”\./);
  // A warning: the site still builds the rest.
  assert.equal(r.code, 1);
  // A folder named outside the articles: its Markdown files, not its README, and no word of the site's names.
  fs.mkdirSync(path.join(dir, 'drafts'));
  fs.writeFileSync(path.join(dir, 'drafts', 'x.markdown'), article({ title: 'title: "Utkast"' }));
  fs.writeFileSync(path.join(dir, 'drafts', 'README.markdown'), '# Utkast\n');
  assert.match((await run(['check', 'drafts'], dir)).stdout, /^1 file checked: no problems/m);
});

test('a folder with no project says how to point at one', async () => {
  const dir = tmpDir({ 'a.md': article() });
  const r = await run(['check'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /No project found in \. or the folders above it: no \.qa-articles\.json, astro\.config\.\* or package\.json/);
  // Named files are still checked, with the built-in contract.
  const named = await run(['check', 'a.md'], dir);
  assert.equal(named.code, 0);
  assert.equal(named.stdout, '1 file checked: no problems.\n');
});

test('errors exit 1; text lines are file:line:col  severity  message  rule', async () => {
  const dir = tmpProject({ 'sub/a.md': article({ date: 'date: "2017-08-15"' }) });
  const r = await run(['check', 'sub'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^sub\/a\.md:7:7 {2}error {2}Remove the quotes: .* {2}yaml-type$/m);
  assert.match(r.stdout, /1 file checked: 1 error, 0 warnings, 0 suggestions\./);
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
  const rootFile = await run(['check', '--root', 'a.md'], dir);
  assert.equal(rootFile.code, 2);
  assert.match(rootFile.stderr, /Not a folder: a\.md/);
  const unknown = await run(['frobnicate'], dir);
  assert.match(unknown.stderr, /^Unknown command frobnicate: use check or preview\./);
  // A link that is there but leads nowhere (its target gone, or a loop) is said to be one.
  fs.symlinkSync('gone.md', path.join(dir, 'dangling.md'));
  fs.symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
  fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
  const links = await run(['check', 'dangling.md', 'loop-a.md'], dir);
  assert.equal(links.stderr, 'dangling.md is a link that leads nowhere: what it points to is missing, or it points back to itself.\nloop-a.md is a link that leads nowhere: what it points to is missing, or it points back to itself.\n');
  assert.equal(links.code, 2);
  assert.match((await run(['check', '--lang', 'sv', 'dangling.md'], dir)).stderr, /^dangling\.md är en länk som inte leder någonstans/);
  // A missing path alone: its error, and no "0 files checked" after it.
  const alone = await run(['check', 'nope.md'], dir);
  assert.equal(alone.code, 2);
  assert.equal(alone.stdout, '');
});

test('binary, non-UTF-8 and 5 MB files: a clear message, no crash', async () => {
  const big = article({}, 'Lång rad. '.repeat(520_000) + '\n\n**Sammanfattning:**\n- En\n');
  const latin1 = Buffer.from(article().replace('Ont i axeln', 'Ont i axeln NNN'), 'utf8');
  latin1.set([0xe5, 0xe4, 0xf6], latin1.indexOf('NNN'));
  const dir = tmpProject({ 'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'latin1.md': latin1, 'big.md': big.replace('Ont i axeln', 'Stor'), 'ok.md': article() });
  const r = await run(['check', '--format', 'json'], dir);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files, 4);
  // The site reads a file with bytes that are not UTF-8 (they show as �): a warning on the first of them, not an error.
  assert.deepEqual(out.problems.map((p: { file: string; rule: string; line: number }) => `${p.file}:${p.rule}:${p.line}`), ['bin.md:file-unreadable:1', 'latin1.md:file-encoding:2']);
  assert.match(out.problems[0].message, /not a text file/);
  assert.match(out.problems[1].message, /not UTF-8/);
  assert.equal(r.code, 1);
});

test('Swedish with --lang sv or from the environment', async () => {
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }) });
  assert.match((await run(['check', '--lang', 'sv'], dir)).stdout, /Ta bort citattecknen/);
  assert.match((await run(['check'], dir, { LANG: 'sv_SE.UTF-8' })).stdout, /1 fil kontrollerad: 1 fel/);
});

test('a project config and a project schema are used; a broken one exits 2', async () => {
  const schema = { type: 'object', required: ['title', 'rubrik'], properties: { title: { type: 'string' }, rubrik: { type: 'string' } } };
  const dir = tmpProject({ 'a.md': article(), '.qa-articles.json': '{"include": "*.md", "rules": {"unknown-field": "off"}}', '.qa-articles.schema.json': JSON.stringify(schema) });
  const r = await run(['check', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(r.stdout).problems.map((p: { rule: string }) => p.rule), ['schema-required']);
  const other = tmpProject({ 's.json': '{"type": "object", "required": ["x"]}', 'a.md': article() });
  assert.deepEqual(JSON.parse((await run(['check', '--schema', 's.json', '--format', 'json'], other)).stdout).problems.map((p: { rule: string }) => p.rule), ['schema-required']);
  const broken = tmpProject({ 'a.md': article(), '.qa-articles.json': '{\n  "rules": ' });
  const b = await run(['check'], broken);
  assert.equal(b.code, 2);
  assert.equal(b.stderr, '.qa-articles.json:2:12  The config file .qa-articles.json could not be used: not valid JSON: a value is expected here (JSON allows no comma before ] or }).\n');
  assert.equal(b.stdout, '');
  // The usual slips in a hand-written config, in words and at their place, not as the JSON reader's codes.
  const slips: [string, string, string][] = [
    ['{"include": ["*.md"],}', '1:22', "not valid JSON: a setting's name in double quotes is expected here (JSON allows no comma before })."],
    ['{"include": ["*.md"] "rules": {}}', '1:22', 'not valid JSON: a comma is missing before this.'],
    ['{"include" ["*.md"]}', '1:12', "not valid JSON: a colon is missing after the setting's name."],
    ['{"include": ["*.md"]', '1:21', 'not valid JSON: a closing } or ] is missing.'],
    ["{'include': ['*.md']}", '1:2', 'not valid JSON: names and texts are written in double quotes ("…"), and this character is not allowed here.'],
    ['// the site\n{}', '1:1', 'not valid JSON: this file allows no comments.'],
    ['  \n', '1:1', 'the file is empty: write {} with the settings inside.'],
  ];
  for (const [text, at, why] of slips) {
    const r = await run(['check'], tmpProject({ 'a.md': article(), '.qa-articles.json': text }));
    assert.equal(r.stderr, `.qa-articles.json:${at}  The config file .qa-articles.json could not be used: ${why}\n`, text);
    assert.equal(r.code, 2);
  }
  const sv = await run(['check', '--lang', 'sv'], tmpProject({ 'a.md': article(), '.qa-articles.json': '{"include": ["*.md"],}' }));
  assert.equal(sv.stderr, '.qa-articles.json:1:22  Konfigurationsfilen .qa-articles.json kunde inte användas: inte giltig JSON: här väntas en inställnings namn inom dubbla citattecken (JSON tillåter inget kommatecken före }).\n');
  const nullSchema = tmpProject({ 'a.md': article(), '.qa-articles.schema.json': 'null' });
  const n = await run(['check'], nullSchema);
  assert.equal(n.code, 2);
  assert.match(n.stderr, /The schema \.qa-articles\.schema\.json could not be used: a schema must be a JSON object/);
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

test('one named file is checked against its project\'s corpus, without walking unrelated folders', async () => {
  const dir = tmpDir({
    'package.json': '{}',
    'src/content/fraga-doktorn/a.md': article({ tags: 'tags: ["Smärta"]' }),
    'src/content/fraga-doktorn/b.md': article({ title: 'title: "B"', tags: 'tags: ["smärta"]' }),
    'src/content/fraga-doktorn/c.md': article({ title: 'title: "C"', tags: 'tags: ["smärta"]' }),
  });
  // A folder the walk must never enter: unreadable, so a walk into it would show.
  const locked = path.join(dir, 'unrelated');
  fs.mkdirSync(locked);
  fs.writeFileSync(path.join(locked, 'x.md'), '# no');
  const r = await run(['check', '--format', 'json', 'src/content/fraga-doktorn/a.md'], dir);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files, 1);
  assert.deepEqual(out.problems.map((p: { rule: string }) => p.rule), ['tag-variant']);
});

test('hidden folders are not searched; a config in a parent folder and a schema beside it are found', async () => {
  const schema = { type: 'object', required: ['rubrik'], properties: { rubrik: { type: 'string' } } };
  const dir = tmpDir({ '.qa-articles.json': '{"include": "**/*.md"}', '.qa-articles.schema.json': JSON.stringify(schema), 'site/a.md': article(), '.github/notes.md': '# no', 'site/.obsidian/x.md': '# no' });
  const r = await run(['check', '--format', 'json'], path.join(dir, 'site'));
  const out = JSON.parse(r.stdout);
  assert.equal(out.files, 1);
  assert.ok(out.problems.every((p: { file: string }) => p.file === 'a.md'));
  assert.ok(out.problems.some((p: { rule: string }) => p.rule === 'schema-required'));
});

test('special files, links out of the project and files over the size limit are not read', async (t) => {
  const dir = tmpProject({ 'ok.md': article() });
  const outside = tmpDir({ 'secret.md': article() });
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
  fs.writeFileSync(path.join(dir, 'huge.md'), Buffer.alloc(11 * 1024 * 1024, 0x61));
  let fifo = false;
  try {
    require('node:child_process').execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    fifo = true;
  } catch {
    t.diagnostic('mkfifo is not available: the FIFO case is skipped');
  }
  const r = await run(['check', '--format', 'json'], dir);
  const out = JSON.parse(r.stdout);
  const byFile = Object.fromEntries(out.problems.map((p: { file: string; message: string }) => [p.file, p.message]));
  assert.match(byFile['huge.md'], /larger than 10 MB/);
  assert.equal(byFile['link.md'], undefined, 'a link out of the project is not an article of it');
  // A pipe is not listed: the site's build (tinyglobby over fdir) does not list it either, so it makes no page and no error.
  assert.equal(out.files, 2);
  assert.equal(byFile['pipe.md'], undefined);
  // Named on the command line, a link out of the project is refused with its reason.
  const named = JSON.parse((await run(['check', '--format', 'json', 'link.md'], dir)).stdout);
  assert.match(named.problems[0]?.message ?? '', /leads outside the project/);
  if (!fifo) return;
  // A pipe named on the command line: there is nothing to check (exit 2), and the other paths are still checked.
  const pipe = await run(['check', 'pipe.md', 'ok.md'], dir);
  assert.equal(pipe.stderr, 'pipe.md is not a file but a pipe, socket or device: the site does not see it, and there is nothing to check.\n');
  assert.equal(pipe.stdout, '1 file checked: no problems.\n');
  assert.equal(pipe.code, 2);
  assert.match((await run(['check', '--lang', 'sv', 'pipe.md'], dir)).stderr, /^pipe\.md är ingen fil utan en pipe, socket eller enhet: webbplatsen ser den inte/);
  // A link to a pipe is listed by the site, whose build then waits on it for ever: an error, and the pipe is never opened.
  fs.symlinkSync('pipe.md', path.join(dir, 'to-pipe.md'));
  const linked = await run(['check'], dir);
  assert.match(linked.stdout, /^to-pipe\.md:1:1 {2}error {2}Not a regular file \(a pipe, socket or device\): not read\. {2}file-unreadable$/m);
  assert.equal(linked.code, 1);
});

test('what the site\'s build lists is what is checked: links that lead nowhere and sockets are left out, a folder named x.md is searched', async () => {
  // Astro 5.18's glob loader lists entries with tinyglobby over fdir: a link that cannot be resolved and anything but a file,
  // folder or link is not returned (no page, no message); a folder is walked whatever its name.
  const dir = tmpProject({ 'ok.md': article(), 'x.md/inner.md': article({ title: 'title: "Ont i knät"', date: 'date: "2017-08-15"' }) });
  fs.mkdirSync(path.join(dir, 'empty.md'));
  fs.symlinkSync('gone.md', path.join(dir, 'dangling.md'));
  fs.symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
  fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
  const server = require('node:net').createServer() as import('node:net').Server;
  await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.md'), resolve));
  try {
    assert.ok(fs.lstatSync(path.join(dir, 'socket.md')).isSocket());
    const r = await run(['check', '--format', 'json'], dir);
    const out = JSON.parse(r.stdout);
    assert.equal(r.stderr, '');
    assert.equal(out.files, 2);
    assert.deepEqual(out.problems.map((p: { file: string; rule: string; severity: string }) => `${p.file} ${p.severity} ${p.rule}`), ['x.md/inner.md error yaml-type']);
    assert.equal(r.code, 1);
    // Named, a socket is nothing to check; a link that leads nowhere is said to be one (exit 2 both).
    const named = await run(['check', 'socket.md', 'dangling.md', 'ok.md'], dir);
    assert.equal(named.stderr, 'socket.md is not a file but a pipe, socket or device: the site does not see it, and there is nothing to check.\ndangling.md is a link that leads nowhere: what it points to is missing, or it points back to itself.\n');
    assert.equal(named.stdout, '1 file checked: no problems.\n');
    assert.equal(named.code, 2);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a file without read permission, for real: a warning that the site leaves it out, exit 0', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('running as root, who may read every file: a file without read permission cannot be made');
    return;
  }
  const dir = tmpProject({ 'ok.md': article(), 'locked.md': article({ title: 'title: "Ont i knät"' }) });
  const locked = path.join(dir, 'locked.md');
  fs.chmodSync(locked, 0);
  try {
    const r = await run(['check'], dir);
    assert.equal(r.stdout, "locked.md:1:1  warning  The site cannot read this file and leaves it out: no page is made for it. The file's permissions do not allow reading it.  file-left-out\n\n2 files checked: 0 errors, 1 warning, 0 suggestions.\n");
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
  } finally {
    fs.chmodSync(locked, 0o644);
  }
});

test('file names are printed with control characters escaped', async () => {
  const dir = tmpProject({ 'a\nb.md': article({ date: 'date: "2017-08-15"' }), 'c\u001b[31m.md': article({ title: 'title: "Annan"', date: 'date: "2017-08-15"' }) });
  const r = await run(['check'], dir);
  assert.match(r.stdout, /^a\\nb\.md:7:7 {2}error/m);
  assert.match(r.stdout, /^c\\u001b\[31m\.md:7:7 {2}error/m);
  assert.ok(!r.stdout.includes('\u001b'));
  assert.ok(!/^b\.md/m.test(r.stdout));
});

test('the built CLI bundle runs as a program (dist/cli.js)', (t) => {
  const bundle = path.resolve(__dirname, '../../dist/cli.js');
  if (!fs.existsSync(bundle)) {
    t.skip(`no ${bundle}: run npm run build first (npm test does)`);
    return;
  }
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }) });
  const r = spawnSync(process.execPath, [bundle, 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).problems.map((p: { rule: string }) => p.rule), ['yaml-type']);
});

test('--fix applies the safe fixes, keeps line ends and untouched bytes, and a second run changes nothing', async () => {
  const crlf = article({ date: 'date: "2017-08-15"', published: 'published: "true"' }).replace(/\n/g, '\r\n');
  const latin = Buffer.concat([Buffer.from(article({ title: 'title: "Annan"', date: 'date: "2017-08-15"' })), Buffer.from([0xe5, 0x0a])]);
  const dir = tmpProject({ 'a.md': crlf, 'ok.md': article({ title: 'title: "Okej"' }), 'latin.md': latin });
  const okBefore = fs.statSync(path.join(dir, 'ok.md')).mtimeMs;
  const r = await run(['check', '--fix', '--format', 'json'], dir);
  const fixed = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
  // Only the two values changed; every line still ends in CR LF.
  assert.equal(fixed, crlf.replace('date: "2017-08-15"', 'date: 2017-08-15').replace('published: "true"', 'published: true'));
  assert.match(r.stderr, /Files fixed: 1\. Problems fixed: 2\./);
  assert.match(r.stderr, /latin\.md: not fixed, the file has bytes that are not UTF-8/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'latin.md')), latin, 'a file that cannot be written back byte for byte is left alone');
  assert.equal(fs.statSync(path.join(dir, 'ok.md')).mtimeMs, okBefore, 'a file with nothing to fix is not written');
  const left = JSON.parse(r.stdout).problems.map((p: { file: string; rule: string }) => `${p.file}:${p.rule}`);
  assert.deepEqual(left.filter((x: string) => x.startsWith('a.md')), []);
  const aBefore = fs.statSync(path.join(dir, 'a.md')).mtimeMs;
  const again = await run(['check', '--fix'], dir);
  assert.doesNotMatch(again.stderr, /Files fixed/);
  assert.equal(fs.statSync(path.join(dir, 'a.md')).mtimeMs, aBefore);
});

test('--fix leaves to the writer what the writer has to write or decide: no summary with an empty bullet, no empty question, no list labelled the summary, no date of today, in files nobody is looking at', async () => {
  // No summary block and no question: the editor's fixes add them with nothing in them, for the writer to fill in.
  const text = article({ date: 'date: "2017-08-15"', question: null }, 'Svaret.\n');
  // An answer that ends with a bullet list: whether it is the summary is the writer's call.
  const list = article({ date: 'date: "2017-08-15"' }, 'Svaret.\n\n- Vila\n- Is\n');
  // No date: today's is right for a new answer, not for one written years ago.
  const undated = article({ date: null });
  const dir = tmpProject({ 'a.md': text, 'b.md': list, 'c.md': undated });
  const r = await run(['check', '--fix', '--format', 'json'], dir);
  const after = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
  // The quoted date is fixed; nothing else is written.
  assert.equal(after, text.replace('date: "2017-08-15"', 'date: 2017-08-15'));
  assert.equal(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), list.replace('date: "2017-08-15"', 'date: 2017-08-15'));
  assert.match(r.stderr, /Files fixed: 2\. Problems fixed: 2\./);
  // All are still reported, so the writer knows to see to them.
  const left = JSON.parse(r.stdout).problems.map((p: { file: string; rule: string }) => `${p.file}:${p.rule}`);
  assert.ok(left.includes('a.md:summary-block'), left.join());
  assert.ok(left.includes('b.md:summary-block'), left.join());
  assert.ok(left.includes('a.md:schema-required'), left.join());
  assert.equal(fs.readFileSync(path.join(dir, 'c.md'), 'utf8'), undated);
  assert.ok(left.includes('c.md:schema-required'), left.join());
});

test('--cache: a same-size edit is checked again, and a file cached for the corpus only is checked when named', async () => {
  const dir = tmpProject({ 'a.md': article({ title: 'title: "Rubrik"', date: 'date: "2017-08-15"' }), 'b.md': article({ title: 'title: "Rubrik B"' }) });
  const a = path.join(dir, 'a.md');
  // First run: only b.md is checked; a.md is read for the corpus alone (and cached so).
  assert.equal((await run(['check', '--cache', 'b.md'], dir)).code, 0);
  // Named now and unchanged, a.md needs its own problems, not the corpus-only result.
  const named = JSON.parse((await run(['check', '--cache', '--format', 'json', 'a.md'], dir)).stdout);
  assert.deepEqual(named.problems.map((p: { rule: string }) => p.rule), ['yaml-type']);
  // The same size, another content, a later modification time: checked again.
  const before = fs.readFileSync(a, 'utf8');
  const same = before.replace('date: "2017-08-15"', 'date: 2017-08-15  ');
  assert.equal(Buffer.byteLength(same), Buffer.byteLength(before));
  fs.writeFileSync(a, same);
  const t = new Date(Date.now() + 5000);
  fs.utimesSync(a, t, t);
  const again = JSON.parse((await run(['check', '--cache', '--format', 'json', 'a.md'], dir)).stdout);
  assert.deepEqual(again.problems.map((p: { rule: string }) => p.rule), []);
});

/** The phases of a run with QA_ARTICLES_PROFILE=1: `rules` stays 0 when no file was checked (every result from the cache). */
const phases = (stderr: string) => JSON.parse(/qa-articles profile (\{.*\})/.exec(stderr)![1]) as Record<string, number>;
const rulesOf = (stdout: string) => (JSON.parse(stdout) as { problems: { rule: string }[] }).problems.map((p) => p.rule);

test('--cache: new content of the same size with its old modification time restored (touch -d, cp -p, rsync -t) is checked again', async (t) => {
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }) });
  const a = path.join(dir, 'a.md');
  // The runs begin a minute from now, so the file written above counts as settled and is kept.
  // Whole seconds, as a file system of coarse times has them (and as they can be put back exactly).
  const second = Math.floor(Date.now() / 1000);
  fs.utimesSync(a, second, second);
  const now = Date.now();
  t.mock.method(Date, 'now', () => now + 60_000);
  const args = ['check', '--cache', '--format', 'json'];
  assert.deepEqual(rulesOf((await run(args, dir)).stdout), ['yaml-type']);
  const hit = await run(args, dir, { QA_ARTICLES_PROFILE: '1' });
  assert.deepEqual(rulesOf(hit.stdout), ['yaml-type']);
  assert.equal(phases(hit.stderr).rules, 0, 'the unchanged file came from the cache');
  // Another text of the same size, and the old times put back.
  const before = fs.statSync(a);
  const text = fs.readFileSync(a, 'utf8');
  const same = text.replace('date: "2017-08-15"', 'date: 2017-08-15  ');
  assert.equal(Buffer.byteLength(same), Buffer.byteLength(text));
  fs.writeFileSync(a, same);
  fs.utimesSync(a, before.atime, before.mtime);
  assert.equal(fs.statSync(a).mtimeMs, before.mtimeMs);
  assert.equal(fs.statSync(a).size, before.size);
  const again = await run(args, dir);
  assert.deepEqual(rulesOf(again.stdout), [], 'the new text has no problem');
  assert.equal(again.code, 0);
  // The same through a copy that keeps the times (another file put in its place).
  const copy = path.join(dir, 'copy');
  fs.writeFileSync(copy, text);
  fs.utimesSync(copy, before.atime, before.mtime);
  fs.renameSync(copy, a);
  assert.deepEqual(rulesOf((await run(args, dir)).stdout), ['yaml-type']);
});

test('--cache: an edit in the same tick as the run that cached the file is checked again', async (t) => {
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }) });
  const a = path.join(dir, 'a.md');
  const args = ['check', '--cache', '--format', 'json'];
  // A file system that counts in seconds: the file written, checked and written again within one.
  const second = Math.floor(Date.now() / 1000);
  fs.utimesSync(a, second, second);
  const before = fs.statSync(a);
  // The file was written a moment ago: its result may not be trusted by its stat alone.
  assert.deepEqual(rulesOf((await run(args, dir)).stdout), ['yaml-type']);
  const text = fs.readFileSync(a, 'utf8');
  fs.writeFileSync(a, text.replace('date: "2017-08-15"', 'date: 2017-08-15  '));
  fs.utimesSync(a, second, second);
  assert.equal(fs.statSync(a).size, before.size);
  assert.equal(fs.statSync(a).mtimeMs, before.mtimeMs);
  assert.deepEqual(rulesOf((await run(args, dir)).stdout), []);
  // Once the file has been left alone, a run keeps it, and the next one takes it from the cache.
  const now = Date.now();
  t.mock.method(Date, 'now', () => now + 60_000);
  assert.deepEqual(rulesOf((await run(args, dir)).stdout), []);
  const hit = await run(args, dir, { QA_ARTICLES_PROFILE: '1' });
  assert.deepEqual(rulesOf(hit.stdout), []);
  assert.equal(phases(hit.stderr).rules, 0);
});

test('--cache: a damaged cache file, or one of the older layout, is ignored and replaced', async (t) => {
  const dir = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }), 'b.md': article({ title: 'title: "Annan rubrik"' }) });
  const cacheFile = path.join(dir, '.qa-articles-cache');
  const now = Date.now();
  t.mock.method(Date, 'now', () => now + 60_000);
  const args = ['check', '--cache', '--format', 'json'];
  const plain = await run(['check', '--format', 'json'], dir);
  assert.equal((await run(args, dir)).stdout, plain.stdout);
  const good = fs.readFileSync(cacheFile);
  const cachedRun = async () => {
    const r = await run(args, dir, { QA_ARTICLES_PROFILE: '1' });
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.code, plain.code);
    return phases(r.stderr).rules === 0;
  };
  assert.ok(await cachedRun());
  for (const damaged of [good.subarray(0, good.length >> 1), Buffer.concat([good.subarray(0, good.length - 100), Buffer.alloc(100, 0x41)]), Buffer.from('\x00\xff garbage'), Buffer.alloc(0)]) {
    fs.writeFileSync(cacheFile, damaged);
    assert.equal(await cachedRun(), false, 'nothing taken from it');
    assert.ok(await cachedRun(), 'a good one written in its place');
  }
  // The layout before this version, with this checker's key and a.md's size and time: a reader
  // of that layout would have taken its (wrong) result of no problems.
  const key = good.toString('utf8').split('\n')[1];
  const st = fs.statSync(path.join(dir, 'a.md'));
  fs.writeFileSync(cacheFile, JSON.stringify({ key, files: { [toCorePath(path.join(dir, 'a.md'))]: { size: st.size, mtimeMs: st.mtimeMs, target: true, result: { problems: [] } } } }));
  assert.equal(await cachedRun(), false);
  assert.match(fs.readFileSync(cacheFile, 'latin1'), /^qa-articles cache \d+ (LE|BE)\n/);
  assert.ok(await cachedRun());
});

test('--cache: a change to the site\'s lists that a file\'s own messages show is a change of the checker', async (t) => {
  const topics = fs.readFileSync(path.resolve(__dirname, '../fixtures/site/src/data/topics.ts'), 'utf8');
  const dir = tmpProject({ 'src/data/topics.ts': topics, 'a.md': article({ topic: 'topic: "frusenaxel"' }) });
  const now = Date.now();
  t.mock.method(Date, 'now', () => now + 60_000);
  const args = ['check', '--cache', '--format', 'json'];
  const messages = async () => (JSON.parse((await run(args, dir)).stdout) as { problems: { rule: string; message: string }[] }).problems.filter((p) => p.rule === 'topic-no-page').map((p) => p.message);
  assert.match((await messages())[0], /\baxel\b/i);
  // Only the label of the body part changes, not the list of topics.
  fs.writeFileSync(path.join(dir, 'src/data/topics.ts'), topics.replace("axel: 'Axel',", "axel: 'Skuldra',"));
  assert.match((await messages())[0], /Skuldra/);
});

test('a large check shared with worker threads prints exactly what one thread prints (dist/cli.js)', (t) => {
  const bundle = path.resolve(__dirname, '../../dist/cli.js');
  if (!fs.existsSync(bundle) || !fs.existsSync(path.resolve(__dirname, '../../dist/cli-worker.js'))) {
    t.skip(`no ${bundle} or its cli-worker.js: run npm run build first (npm test does)`);
    return;
  }
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  // 1,800 articles (above the threshold for helpers): some with problems, duplicate titles,
  // tag variants, and missing categories taken from the other articles; the config is read by both sides.
  const files: Record<string, string> = { '.qa-articles.json': '{"include": ["**/*.md"], "titleMax": 30}' };
  for (let i = 0; i < 1800; i++) {
    const title = `title: "Artikel nummer ${i % 700} om en axel som gör ont"`;
    files[`a${String(i).padStart(4, '0')}.md`] = i % 97 === 5 ? article({ category: null, title }) : article({ title, tags: i % 3 ? 'tags: ["smärta"]' : 'tags: ["Smärta"]', date: i % 50 ? 'date: 2017-08-15' : 'date: "2017-08-15"' });
  }
  // The project's own schema (compiled by each thread) and the site's topic list (read by each).
  const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../schemas/article.schema.json'), 'utf8'));
  schema.properties.author = { type: 'string', pattern: '^Dr\\. ' };
  files['.qa-articles.schema.json'] = JSON.stringify(schema);
  for (const f of ['topics.ts', 'conditions.ts']) files[`src/data/${f}`] = fs.readFileSync(path.resolve(__dirname, '../fixtures/site/src/data', f), 'utf8');
  files['a0900.md'] = article({ title: 'title: "Frusen"', topic: 'topic: "frusenaxel"', author: 'author: "Anna"' });
  const dir = tmpProject(files);
  const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [bundle, 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env, QA_ARTICLES_PROFILE: '1' } });
  const one = run({ QA_ARTICLES_THREADS: '0' });
  const shared = run({ QA_ARTICLES_THREADS: '2' });
  assert.equal(one.status, 1, one.stderr);
  assert.equal(shared.status, one.status);
  assert.equal(JSON.parse(one.stdout).files, 1800);
  assert.equal(shared.stdout, one.stdout);
  const threads = (r: typeof one) => JSON.parse(/qa-articles profile (\{.*\})/.exec(r.stderr)![1]).threads as number;
  assert.equal(threads(one), 0);
  assert.equal(threads(shared), 2, 'both helper threads took part');
  const rules = new Set(JSON.parse(one.stdout).problems.map((p: { rule: string }) => p.rule));
  for (const r of ['title-length', 'duplicate-title', 'tag-variant', 'yaml-type', 'schema-required', 'topic-no-page', 'schema']) assert.ok(rules.has(r), `${r} among ${[...rules].join(', ')}`);
});

test('a file read as listed is opened without waiting: a FIFO put in its place is reported, not waited on', async (t) => {
  const dir = tmpProject({ 'a.md': article(), 'big.md': Buffer.alloc(11 * 1024 * 1024, 0x61) });
  const files = nodeFileHost();
  const project = { root: toCorePath(dir), isArticle: () => true };
  const at = (f: string) => toCorePath(path.join(dir, f));
  const a = await readArticleFile(files, at('a.md'), project, undefined, true);
  assert.ok(a.ok && a.text === article() && a.stat.size === Buffer.byteLength(article()));
  const big = await readArticleFile(files, at('big.md'), project, undefined, true);
  assert.ok(!big.ok && big.unreadable.key === 'file-too-large');
  const gone = await readArticleFile(files, at('gone.md'), project, undefined, true);
  assert.ok(!gone.ok && gone.missing);
  try {
    require('node:child_process').execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
  } catch {
    t.skip('mkfifo is not available: the FIFO case is skipped');
    return;
  }
  // As if the listing had seen a regular file that was then replaced by a FIFO.
  const pipe = await readArticleFile(files, at('pipe.md'), project, undefined, true);
  assert.ok(!pipe.ok && pipe.unreadable.key === 'file-special');
});

test('--fix with --cache fixes a file whose result came from the cache', async () => {
  const text = article({ date: 'date: "2017-08-15"' });
  const dir = tmpProject({ 'a.md': text });
  const cache = path.join(dir, 'cache');
  const first = await run(['check', '--cache', '--cache-location', cache], dir);
  assert.equal(first.code, 1, first.stderr);
  const fixed = await run(['check', '--fix', '--cache', '--cache-location', cache], dir);
  assert.match(fixed.stderr, /Files fixed: 1\. Problems fixed: 1\./);
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), text.replace('date: "2017-08-15"', 'date: 2017-08-15'));
});

/** The project's own folder. */
const ROOT = path.resolve(__dirname, '../..');
const { spawnSync } = require('node:child_process') as typeof import('node:child_process');

/**
 * A copy of the built program (bin/ and the CLI's bundles, without their code cache), so a test
 * can change its bundle or make its cache; undefined, with the test skipped, before a build.
 */
function programCopy(t: { skip(message: string): void }): string | undefined {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) {
    t.skip('no dist/cli.js: run npm run build first (npm test does)');
    return undefined;
  }
  const copy = tmpDir({});
  fs.mkdirSync(path.join(copy, 'bin'));
  fs.mkdirSync(path.join(copy, 'dist'));
  fs.copyFileSync(path.join(ROOT, 'bin/qa-articles.js'), path.join(copy, 'bin/qa-articles.js'));
  for (const f of fs.readdirSync(path.join(ROOT, 'dist'))) if (/^cli[\w-]*\.js$/.test(f)) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(copy, 'dist', f));
  return copy;
}

test('bin/qa-articles.js uses the code cache made for its bundle only, and a stale or broken one changes nothing', (t) => {
  const root = ROOT;
  const copy = programCopy(t);
  if (!copy) return;
  const project = tmpProject({ 'a.md': article({ date: 'date: "2017-08-15"' }), 'b.md': article({ title: 'title: "Annat"' }) });
  const run = (env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [path.join(copy, 'bin/qa-articles.js'), 'check', '--format', 'json'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
  const cache = path.join(copy, 'dist/cli.js.cache');
  const plain = run();
  assert.equal(plain.status, 1, plain.stderr);
  assert.ok(!fs.existsSync(cache));
  assert.equal(run({ QA_ARTICLES_WRITE_CODE_CACHE: '1' }).stdout, plain.stdout);
  const header = fs.readFileSync(cache).subarray(0, 40).toString().split('\n')[0];
  const st = fs.statSync(path.join(copy, 'dist/cli.js'));
  assert.equal(header, `${st.size} ${st.mtimeMs}`, 'the cache names the bundle it was made from');
  assert.equal(run().stdout, plain.stdout);
  // A cache whose data V8 cannot use: rejected, the bundle compiles as usual.
  fs.writeFileSync(cache, Buffer.concat([Buffer.from(header + '\n'), Buffer.alloc(5000, 7)]));
  const broken = run();
  assert.equal(broken.stdout, plain.stdout);
  assert.equal(broken.stderr, '');
  // Another bundle of the same size (the program rebuilt with another version number): V8 alone
  // would take the old cache for it (it compares sizes), and print the old number.
  run({ QA_ARTICLES_WRITE_CODE_CACHE: '1' });
  const bundle = fs.readFileSync(path.join(copy, 'dist/cli.js'), 'utf8');
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const other = version.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
  assert.ok(bundle.includes(`"${version}"`));
  fs.writeFileSync(path.join(copy, 'dist/cli.js'), bundle.replace(`"${version}"`, `"${other}"`));
  const versionRun = spawnSync(process.execPath, [path.join(copy, 'bin/qa-articles.js'), '--version'], { encoding: 'utf8' });
  assert.equal(versionRun.stdout.trim(), other);
});

test('bin/qa-articles.js, as npm run build leaves it, checks a site that has its own topics.ts and conditions.ts', (t) => {
  const copy = programCopy(t);
  if (!copy) return;
  // The site's layout: the articles, and the lists the site's pages are built from.
  const site = tmpDir({
    'package.json': '{}',
    'src/content/fraga-doktorn/a.md': article({ topic: 'topic: "frusenaxel"' }),
    'src/data/topics.ts': fs.readFileSync(path.join(__dirname, '../fixtures/site/src/data/topics.ts')),
    'src/data/conditions.ts': fs.readFileSync(path.join(__dirname, '../fixtures/site/src/data/conditions.ts')),
  });
  const cli = (env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [path.join(copy, 'bin/qa-articles.js'), 'check'], { cwd: site, encoding: 'utf8', env: { ...process.env, ...env } });
  // The run that makes the code cache (as the build does), and a run that uses it.
  for (const r of [cli({ QA_ARTICLES_WRITE_CODE_CACHE: '1' }), cli()]) {
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /a\.md:\d+:\d+ {2}warning {2}.*Did you mean "frusen-axel" \(Frusen axel\)\?.* {2}topic-no-page$/m);
    assert.match(r.stdout, /^1 file checked: 0 errors, 1 warning, 0 suggestions\.$/m);
    assert.equal(r.status, 0);
  }
  assert.ok(fs.existsSync(path.join(copy, 'dist/cli.js.cache')));
});

/** Node's file system module itself (the import above is a copy of its bindings), whose methods a test can replace. */
const nodeFs = require('node:fs') as typeof fs;

/** An error as Node's file system throws it when the user may not read or write a path. */
function denied(call: string, p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, ${call} '${p}'`), { code: 'EACCES', errno: -13, syscall: call, path: p });
}

test('files and folders the user may not read: plain words in English and Swedish, no stack trace; a folder not checked is exit 2', async (t) => {
  const dir = tmpProject({ 'a.md': article(), 'secret.md': article(), 'locked/b.md': article() });
  const locked = path.join(dir, 'locked');
  const secret = path.join(dir, 'secret.md');
  // As the system answers a user without the permission (the tests may run as root, whom nothing stops).
  const readdirSync = nodeFs.readdirSync;
  const lstatSync = nodeFs.lstatSync;
  t.mock.method(nodeFs, 'readdirSync', (p: fs.PathLike, ...rest: unknown[]) => {
    if (String(p) === locked) throw denied('scandir', locked);
    return (readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
  });
  t.mock.method(nodeFs, 'lstatSync', (p: fs.PathLike, ...rest: unknown[]) => {
    if (String(p).startsWith(locked + path.sep)) throw denied('lstat', String(p));
    return (lstatSync as (...a: unknown[]) => unknown)(p, ...rest);
  });
  for (const name of ['openSync', 'readFileSync'] as const) {
    const real = nodeFs[name] as (...a: unknown[]) => unknown;
    t.mock.method(nodeFs, name, (p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(p) === secret) throw denied('open', secret);
      return real(p, ...rest);
    });
  }
  const all = await run(['check'], dir);
  assert.equal(all.stderr, 'The folder locked could not be opened: you have no permission to read it, so the articles in it were not checked.\n');
  // The site's build cannot read the file either: it logs it, leaves it out (no page) and goes on, so a warning, not a build error.
  assert.equal(all.stdout, "secret.md:1:1  warning  The site cannot read this file and leaves it out: no page is made for it. The file's permissions do not allow reading it.  file-left-out\n\n2 files checked: 0 errors, 1 warning, 0 suggestions.\n");
  assert.equal(all.code, 2, 'the folder could not be checked');
  const sv = await run(['check', '--lang', 'sv', 'locked', 'secret.md', 'locked/b.md'], dir);
  assert.equal(sv.stderr, 'Mappen locked kunde inte öppnas: du har inte behörighet att läsa den, så artiklarna i den kontrollerades inte.\n');
  assert.match(sv.stdout, /^locked\/b\.md:1:1 {2}warning {2}Webbplatsen kan inte läsa filen och hoppar över den: ingen sida skapas för den\. Filens behörigheter tillåter inte att den läses\. {2}file-left-out$/m);
  assert.match(sv.stdout, /^secret\.md:1:1 {2}warning {2}Webbplatsen kan inte läsa filen och hoppar över den: ingen sida skapas för den\. Filens behörigheter tillåter inte att den läses\. {2}file-left-out$/m);
  assert.equal(sv.code, 2);
  // The unreadable file alone: the site builds without it, so the run passes (exit 0) with the warning, unless warnings are capped.
  const one = await run(['check', 'secret.md'], dir);
  assert.equal(one.stdout, "secret.md:1:1  warning  The site cannot read this file and leaves it out: no page is made for it. The file's permissions do not allow reading it.  file-left-out\n\n1 file checked: 0 errors, 1 warning, 0 suggestions.\n");
  assert.equal(one.stderr, '');
  assert.equal(one.code, 0);
  assert.equal((await run(['check', 'secret.md', '--max-warnings', '0'], dir)).code, 1);
  // --baseline-update does not record it (the page is missing, whatever the baseline says), and it stays shown.
  const update = await run(['check', 'secret.md', '--baseline-update'], dir);
  assert.equal(update.code, 0, update.stderr);
  assert.ok(!fs.readFileSync(path.join(dir, '.qa-articles-baseline.json'), 'utf8').includes('file-left-out'));
  assert.match((await run(['check', 'secret.md'], dir)).stdout, /file-left-out$/m);
  // A folder outside any project, that cannot be looked into at all.
  const alone = await run(['check', 'b.md'], locked);
  assert.equal(alone.stdout, "b.md:1:1  warning  The site cannot read this file and leaves it out: no page is made for it. The file's permissions do not allow reading it.  file-left-out\n\n1 file checked: 0 errors, 1 warning, 0 suggestions.\n");
  assert.equal(alone.stderr, '');
  assert.equal(alone.code, 0);
  const page = await run(['preview', 'secret.md'], dir);
  assert.equal(page.stderr, 'secret.md: The file could not be read: you have no permission to read it.\n');
  assert.equal(page.code, 2);
});

/** Writing `file` fails as it does for a user without the permission; other files are written as usual. */
function denyWrite(t: { mock: typeof mock }, file: string): void {
  const writeFileSync = nodeFs.writeFileSync;
  t.mock.method(nodeFs, 'writeFileSync', (p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (String(p) === file) throw denied('open', file);
    return (writeFileSync as (...a: unknown[]) => unknown)(p, ...rest);
  });
}

test('--fix leaves a file it may not write as it was, says so, and fixes the others', async (t) => {
  const broken = article({ date: 'date: "2017-08-15"' });
  const other = article({ title: 'title: "Ont i knät"', date: 'date: "2017-08-15"' });
  const dir = tmpProject({ 'a.md': broken, 'b.md': other });
  const a = path.join(dir, 'a.md');
  denyWrite(t, a);
  const r = await run(['check', '--fix'], dir);
  assert.equal(r.stderr, 'a.md: not fixed, the file cannot be written (it is read-only, or you have no permission to change it).\nFiles fixed: 1. Problems fixed: 1. What is left is listed below.\n');
  assert.match(r.stdout, /^a\.md:7:7 {2}error {2}Remove the quotes: .* {2}yaml-type$/m);
  assert.match(r.stdout, /^2 files checked: 1 error, 0 warnings, 0 suggestions\.$/m);
  assert.equal(r.code, 1);
  assert.equal(fs.readFileSync(a, 'utf8'), broken);
  assert.equal(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), other.replace('date: "2017-08-15"', 'date: 2017-08-15'));
  const sv = await run(['check', '--fix', '--lang', 'sv'], dir);
  assert.match(sv.stderr, /^a\.md: inte rättad, filen kan inte skrivas \(den är skrivskyddad, eller du har inte behörighet att ändra den\)\.$/m);
});

test('--help (and check --help, -h) says what every option does; a switch given a value (--fix=no) is refused, not taken as yes', async () => {
  const text = article({ date: 'date: "2017-08-15"' });
  const dir = tmpProject({ 'a.md': text });
  const options = [...new Set([...format('en', 'cli-usage').matchAll(/--[a-z-]+/g)].map((m) => m[0]))];
  assert.ok(options.length >= 11);
  for (const args of [['--help'], ['check', '--help'], ['check', '-h'], ['check', 'a.md', '--help'], ['preview', '--help']]) {
    const r = await run(args, dir);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^qa-articles: checks the articles as the site's build reads them/);
    assert.match(r.stdout, /\nUsage: qa-articles check \[paths…\] \[options\]\n/);
    // Each option of check on a line of its own, with what it does; the exit codes at the end.
    for (const o of options.filter((o) => o !== '--out')) assert.match(r.stdout, new RegExp(`\\n  ${o}\\b[^\\n]* {2,}\\S`), o);
    assert.match(r.stdout, /Exit codes: 0 no errors, 1 errors \(or too many warnings\), 2 the check could not run\.\n$/);
  }
  const svHelp = (await run(['check', '--help', '--lang', 'sv'], dir)).stdout;
  assert.match(svHelp, /\nAnvändning: qa-articles check \[sökvägar…\] \[flaggor\]\n/);
  for (const o of options.filter((o) => o !== '--out')) assert.match(svHelp, new RegExp(`\\n  ${o}\\b[^\\n]* {2,}\\S`), o);
  for (const flag of ['--fix=no', '--fix=false', '--cache=false', '--no-baseline=yes', '--baseline-update=0']) {
    const r = await run(['check', flag], dir);
    assert.equal(r.code, 2, flag);
    const name = flag.slice(0, flag.indexOf('='));
    assert.equal(r.stderr.split('\n')[0], `${name} takes no value: write ${name} alone, or leave it out (not ${flag}).`);
    assert.equal(r.stdout, '');
  }
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), text, '--fix=no changed nothing');
  assert.ok(!fs.existsSync(path.join(dir, '.qa-articles-cache')));
  assert.ok(!fs.existsSync(path.join(dir, '.qa-articles-baseline.json')));
  // An option left without its value: said so in the language asked, also when the next option follows at once.
  for (const [args, said] of [
    [['check', '--max-warnings'], '--max-warnings needs a value after it.'],
    [['check', '--root', '--lang', 'en'], '--root needs a value after it.'],
    [['check', '--lang', 'sv', '--schema'], '--schema behöver ett värde efter sig.'],
    [['preview', 'a.md', '--out'], '--out needs a value after it.'],
    [['preview', '--lang', 'sv', 'a.md', '--out='], '--out behöver ett värde efter sig.'],
  ] as const) {
    const r = await run([...args], dir);
    assert.equal(r.stderr.split('\n')[0], said, args.join(' '));
    assert.equal(r.code, 2);
  }
  const sv = await run(['check', '--lang', 'sv', '--fix=nej'], dir);
  assert.equal(sv.stderr.split('\n')[0], '--fix tar inget värde: skriv bara --fix, eller utelämna det (inte --fix=nej).');
});

test('a named folder with nothing to check is said, and is not a pass (exit 2); the other paths are still checked', async () => {
  const dir = tmpDir({ '.qa-articles.json': '{"include": ["*.md"]}', 'a.md': article({ date: 'date: "2017-08-15"' }), 'notes/README.md': '# Notes\n', 'notes/list.txt': 'x\n' });
  fs.mkdirSync(path.join(dir, 'empty'));
  const alone = await run(['check', 'empty'], dir);
  assert.equal(alone.stderr, 'No articles in empty: it holds no Markdown files to check.\n');
  assert.equal(alone.stdout, '');
  assert.equal(alone.code, 2);
  const sv = await run(['check', '--lang', 'sv', 'notes', 'a.md'], dir);
  assert.equal(sv.stderr, 'Inga artiklar i notes: mappen innehåller inga Markdown-filer att kontrollera.\n');
  assert.match(sv.stdout, /^a\.md:7:7 {2}error {2}Ta bort citattecknen/m);
  assert.match(sv.stdout, /^1 fil kontrollerad: 1 fel, 0 varningar, 0 förslag\.$/m);
  assert.equal(sv.code, 2);
});

test('preview: a folder, a page it cannot write and a second article are said in words, not system codes', async () => {
  const dir = tmpProject({ 'a.md': article(), 'b.md': article({ title: 'title: "Ont i knät"' }), 'sub/c.md': article() });
  const folder = await run(['preview', 'sub'], dir);
  assert.equal(folder.stderr, 'sub: This is a folder, not a file: name an article (a .md file), or use check for a whole folder.\n');
  assert.equal(folder.code, 2);
  const noFolder = await run(['preview', 'a.md', '--out', 'missing/page.html'], dir);
  assert.equal(noFolder.stderr, 'The page could not be written to missing/page.html: there is no such folder.\n');
  assert.equal(noFolder.code, 2);
  const onFolder = await run(['preview', 'a.md', '--out', 'sub', '--lang', 'sv'], dir);
  assert.equal(onFolder.stderr, 'Sidan kunde inte skrivas till sub: det är en mapp, inte en fil.\n');
  assert.equal(onFolder.code, 2);
  const two = await run(['preview', 'a.md', 'b.md'], dir);
  assert.equal(two.stderr.split('\n')[0], 'preview shows one article at a time: a.md or b.md?');
  assert.equal(two.code, 2);
  assert.equal((await run(['check', 'sub/c.md', '--format', 'json'], dir)).code, 0);
});

test('a link among the articles back to its own folder or one above is not walked round and round', async () => {
  const dir = tmpProject({ 'articles/a.md': article(), 'articles/knä/b.md': article({ title: 'title: "Ont i knät"' }) });
  fs.symlinkSync('.', path.join(dir, 'articles/self'));
  const r = await run(['check'], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '2 files checked: no problems.\n');
  assert.equal(r.code, 0);
  // Two such links: each level would double the folders to walk.
  fs.symlinkSync('..', path.join(dir, 'articles/knä/up'));
  assert.equal((await run(['check', 'articles'], dir)).stdout, '2 files checked: no problems.\n');
  assert.equal((await run(['check'], dir)).stdout, '2 files checked: no problems.\n');
});

test('--baseline-update in a folder it may not write says so (exit 2), with no stack trace', async (t) => {
  const dir = tmpProject({ 'a.md': article({ title: `title: "${'a'.repeat(70)}"` }) });
  const file = path.join(dir, '.qa-articles-baseline.json');
  denyWrite(t, file);
  const r = await run(['check', '--baseline-update'], dir);
  assert.equal(r.stderr, 'The baseline .qa-articles-baseline.json could not be written: you have no permission to write there. Nothing was recorded.\n');
  assert.match(r.stdout, /^a\.md:2:8 {2}warning {2}The title is 70 characters/m);
  assert.equal(r.code, 2);
  assert.ok(!fs.existsSync(file));
  const sv = await run(['check', '--baseline-update', '--lang', 'sv'], dir);
  assert.equal(sv.stderr, 'Baslinjen .qa-articles-baseline.json kunde inte skrivas: du har inte behörighet att skriva där. Inget sparades.\n');
});

test('helper threads only for idle cores', () => {
  assert.equal(idleHelpers(0.1), 0, 'no core idle besides the main thread\'s');
  assert.equal(idleHelpers(0.9), 1);
  assert.equal(idleHelpers(1.6), 1);
  assert.equal(idleHelpers(6), 3, 'at most three');
  assert.equal(idleHelpers(-0.5), 0);
});
