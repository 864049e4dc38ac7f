#!/usr/bin/env node
// Seeded mutation testing of the core: applies one small deliberate bug at a time to a source
// file (a flipped comparison, an off-by-one, a dropped branch, a swapped constant), runs the
// unit tests, and reports the mutants no test noticed. Slow (one unit run per mutant): run it
// by hand from time to time, not in CI.
//
//   node scripts/mutate.mjs [file or folder under src/core …] [--seed N] [--max N] [--list]
//                           [--tests "test/unit/*.test.ts"] [--timeout SECONDS] [--restore]
//
// Default: every .ts file under src/core, seed 1, 40 mutants. The same seed and files give the
// same mutants. A mutated file is always restored — after each run, on Ctrl+C, on an error; a
// run killed outright leaves .mutate-backup.json, and `--restore` puts the originals back.
// Exit code 0 when every mutant was killed, 1 when some survived, 2 on bad arguments.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const backupFile = path.join(root, '.mutate-backup.json');

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node scripts/mutate.mjs [paths…] [--seed N] [--max N] [--list] [--tests GLOB] [--timeout S] [--restore]');
  process.exit(2);
}

const opts = { seed: 1, max: 40, list: false, tests: 'test/unit/*.test.ts', timeout: 300, restore: false, paths: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i].split(/=(.*)/s);
  const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
  if (flag === '--seed') opts.seed = Number(value());
  else if (flag === '--max') opts.max = Number(value());
  else if (flag === '--tests') opts.tests = value();
  else if (flag === '--timeout') opts.timeout = Number(value());
  else if (flag === '--list') opts.list = true;
  else if (flag === '--restore') opts.restore = true;
  else if (flag.startsWith('-')) usage(`unknown option ${flag}`);
  else opts.paths.push(argv[i]);
}
if (!Number.isInteger(opts.seed) || !Number.isInteger(opts.max) || opts.max < 1 || !(opts.timeout > 0)) usage('--seed and --max take whole numbers, --timeout seconds');

// --- restoring -------------------------------------------------------------------------------
/** Original text of the file currently mutated, if any. */
let mutated;
function restore() {
  if (!mutated) return;
  fs.writeFileSync(mutated.file, mutated.text);
  mutated = undefined;
  fs.rmSync(backupFile, { force: true });
}
function restoreFromBackup() {
  if (!fs.existsSync(backupFile)) return false;
  const { file, text } = JSON.parse(fs.readFileSync(backupFile, 'utf8'));
  fs.writeFileSync(file, text);
  fs.rmSync(backupFile, { force: true });
  console.log(`restored ${path.relative(root, file)}`);
  return true;
}
if (opts.restore) {
  if (!restoreFromBackup()) console.log('nothing to restore');
  process.exit(0);
}
if (restoreFromBackup()) console.log('(a previous run was interrupted; its file is restored)');
process.on('exit', restore);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killRun(child);
    restore();
    console.log(`\n${sig}: stopped, files restored`);
    process.exit(130);
  });
}
process.on('uncaughtException', (e) => {
  restore();
  console.error(e);
  process.exit(2);
});

// --- mutants -----------------------------------------------------------------------------------
function sourceFiles(p) {
  const abs = path.resolve(root, p);
  if (!abs.startsWith(path.join(root, 'src', 'core'))) usage(`${p}: only files under src/core are mutated`);
  if (!fs.existsSync(abs)) usage(`${p}: no such file or folder`);
  if (fs.statSync(abs).isFile()) return [abs];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(abs, e.name)) : e.name.endsWith('.ts') ? [path.join(abs, e.name)] : []));
}

// Each operator: a pattern over one line and the replacement of its match. Matches inside
// comments and string or regex literals are skipped (see `codeOnly`).
const OPERATORS = [
  { name: 'flip equality', re: / (===|!==) /g, to: (m) => (m.includes('===') ? ' !== ' : ' === ') },
  { name: 'flip comparison', re: / (<=|>=|<|>) /g, to: (m) => ({ ' < ': ' <= ', ' <= ': ' < ', ' > ': ' >= ', ' >= ': ' > ' })[m] },
  { name: 'swap logic', re: / (&&|\|\|) /g, to: (m) => (m === ' && ' ? ' || ' : ' && ') },
  { name: 'off by one', re: / ([+-]) 1\b/g, to: (m) => (m.includes('+') ? ' - 1' : ' + 1') },
  { name: 'swap constant', re: /(?<=[\s(,[=:])(\d+)(?=[\s),;\]])/g, to: (m) => String(Number(m) === 0 ? 1 : Number(m) + 1) },
  { name: 'swap boolean', re: /\b(true|false)\b/g, to: (m) => (m === 'true' ? 'false' : 'true') },
  { name: 'drop a branch', re: /\bif \((?=.*\) (?:return|continue|break)\b)/g, to: () => 'if (false && ' },
  { name: 'negate a condition', re: /\bif \((?!false)/g, to: () => 'if (!' },
];

/** Which characters of a line are code (not inside a comment, string, template or regex literal). */
function codeOnly(line, state) {
  const code = new Array(line.length).fill(false);
  let i = 0;
  while (i < line.length) {
    if (state.block) {
      const end = line.indexOf('*/', i);
      if (end < 0) return code;
      state.block = false;
      i = end + 2;
      continue;
    }
    const c = line[i];
    if (c === '/' && line[i + 1] === '/') return code;
    if (c === '/' && line[i + 1] === '*') {
      state.block = true;
      i += 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    // A regex literal follows an operator or an opening bracket, never a value.
    if (c === '/' && /[(,=:!&|?;{}[]\s*$|^\s*$|\breturn\s*$/.test(line.slice(0, i))) {
      i++;
      let inClass = false;
      while (i < line.length && (inClass || line[i] !== '/')) {
        if (line[i] === '[') inClass = true;
        else if (line[i] === ']') inClass = false;
        i += line[i] === '\\' ? 2 : 1;
      }
      i++;
      continue;
    }
    code[i] = true;
    i++;
  }
  return code;
}

function mutantsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const out = [];
  const state = { block: false };
  let offset = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const code = codeOnly(line, state);
    const skip = /^\s*(import|export \{|export type|type |interface )/.test(line);
    if (!skip) {
      for (const op of OPERATORS) {
        for (const m of line.matchAll(op.re)) {
          const at = m.index + (m[0].startsWith(' ') ? 1 : 0);
          if (!code[at]) continue;
          out.push({ file, line: l + 1, start: offset + m.index, end: offset + m.index + m[0].length, from: m[0], to: op.to(m[0]), op: op.name, text });
        }
      }
    }
    offset += line.length + 1;
  }
  return out;
}

/** mulberry32: a small seeded generator, so a seed always picks the same mutants. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const files = (opts.paths.length ? opts.paths : ['src/core']).flatMap(sourceFiles).sort();
const all = files.flatMap(mutantsOf);
const rnd = random(opts.seed);
for (let i = all.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [all[i], all[j]] = [all[j], all[i]];
}
const chosen = all.slice(0, opts.max).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start);
const where = (m) => `${path.relative(root, m.file)}:${m.line}`;
const describe = (m) => `${where(m)}  ${m.op}: \`${m.from.trim()}\` → \`${m.to.trim()}\``;

console.log(`${all.length} possible mutants in ${files.length} files; seed ${opts.seed} picks ${chosen.length}.`);
if (opts.list) {
  for (const m of chosen) console.log(describe(m));
  process.exit(0);
}

// --- run -----------------------------------------------------------------------------------
/** The test files of a pattern with `*` in its last segment only (`test/unit/*.test.ts`), as a shell expands it. */
function expand(pattern) {
  const dir = path.dirname(pattern);
  const re = new RegExp('^' + path.basename(pattern).split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return fs.readdirSync(path.join(root, dir)).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f));
}
const testFiles = expand(opts.tests);
if (testFiles.length === 0) usage(`no test files match ${opts.tests}`);

/** The test run in progress, so that a signal can stop it before the file is restored. */
let child;
let lastOutput = '';
/**
 * Ends the test run with the processes it started: the test runner runs each test file in a
 * process of its own, and one looping in a mutant's endless loop would otherwise run on,
 * keeping a core busy long after this script has ended.
 */
function killRun(c) {
  if (!c?.pid) return;
  try {
    if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(c.pid), '/T', '/F']);
    else process.kill(-c.pid, 'SIGKILL');
  } catch {
    c.kill('SIGKILL');
  }
}

// Asynchronous, so that Ctrl+C (or a kill of this process alone) is handled while the tests run.
function runTests() {
  const args = ['--import', 'tsx', '--test', '--test-reporter=dot', ...testFiles];
  return new Promise((resolve) => {
    // A process group of its own (detached), so that the whole run can be ended at once.
    child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, QA_MUTATION_RUN: '1', TSX_DISABLE_CACHE: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killRun(child);
    }, opts.timeout * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      child = undefined;
      lastOutput = out;
      resolve(timedOut ? 'timeout' : code === 0 ? 'survived' : 'killed');
    });
  });
}

const t0 = Date.now();
console.log('unmutated run …');
if ((await runTests()) !== 'survived') {
  console.error(lastOutput.split('\n').slice(-40).join('\n'));
  console.error('the unit tests fail without any mutant: fix them first');
  process.exit(2);
}
const results = [];
for (const [k, m] of chosen.entries()) {
  mutated = { file: m.file, text: m.text };
  fs.writeFileSync(backupFile, JSON.stringify(mutated));
  fs.writeFileSync(m.file, m.text.slice(0, m.start) + m.to + m.text.slice(m.end));
  const outcome = await runTests();
  restore();
  results.push({ ...m, outcome });
  console.log(`[${k + 1}/${chosen.length}] ${outcome.padEnd(8)} ${describe(m)}`);
}
const count = (o) => results.filter((r) => r.outcome === o).length;
const survivors = results.filter((r) => r.outcome === 'survived');
const killed = count('killed') + count('timeout');
console.log(`\n${killed} of ${results.length} mutants killed (${count('timeout')} by a timeout), ${survivors.length} survived — score ${Math.round((100 * killed) / results.length)}%, ${Math.round((Date.now() - t0) / 1000)} s.`);
if (survivors.length) {
  console.log('Survivors (behaviour no test pins down):');
  for (const s of survivors) console.log(`  ${describe(s)}`);
}
process.exit(survivors.length ? 1 : 0);
