#!/usr/bin/env node
// The whole test suite, as CI runs it: type-check, lint, build, unit tests, browser tests and
// the tests against a real `astro sync` in plain Node, then the integration tests in a real VS Code. Ends with one line
// "N passed, N failed" that sums every part; exits non-zero when anything failed.
//   node scripts/test.mjs [--unit-only]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const unitOnly = process.argv.includes('--unit-only');
let passed = 0;
let failed = 0;
let skipped = 0;

/** Runs a command, echoing its output; resolves with its exit code and output. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    // tsx keeps its compiled files in the system's temp folder (tsx-<uid>) unless told not to: a
    // test run leaves nothing there (the suite takes as long without it).
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, TSX_DISABLE_CACHE: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** A step that is one check (type-check, lint, build): counts as one passed or failed test. */
async function step(name, cmd, args) {
  console.log(`\n== ${name}`);
  const { code } = await run(cmd, args);
  if (code === 0) passed++;
  else {
    failed++;
    console.log(`== ${name} FAILED (exit ${code})`);
  }
  return code === 0;
}

/** Node's test runner over some files; counts its tests from the closing summary. */
async function nodeTests(name, files) {
  console.log(`\n== ${name}`);
  const list = files.filter((f) => fs.existsSync(path.join(root, f)));
  if (!list.length) return;
  const { code, out } = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...list]);
  const num = (label) => Number((out.match(new RegExp(`^\\S*\\s*${label} (\\d+)\\s*$`, 'm')) ?? [])[1] ?? NaN);
  const p = num('pass');
  const f = num('fail');
  const s = num('skipped');
  if (Number.isNaN(p) || Number.isNaN(f)) {
    failed++;
    console.log(`== ${name}: no test summary (exit ${code})`);
    return;
  }
  passed += p;
  failed += f + (code !== 0 && f === 0 ? 1 : 0);
  skipped += Number.isNaN(s) ? 0 : s;
}

const glob = (dir, suffix) =>
  fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith(suffix)).sort().map((f) => `${dir}/${f}`) : [];

await step('type-check', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
// The core alone, without Node or DOM types: a browser host will run it.
await step('type-check of the core without Node or DOM', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'src/core']);
await step('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--no-error-on-unmatched-pattern', 'src', 'test', 'bench', 'scripts']);
const built = await step('build', process.execPath, ['scripts/build.mjs']);
await nodeTests('unit tests', glob('test/unit', '.test.ts'));
// Chromium (for the browser tests) and the test VS Code come from one idempotent setup; on a
// fresh machine it installs them first, so the browser tests run instead of skipping.
if (!unitOnly) await step('setup of Chromium and the test VS Code', 'bash', ['scripts/vscode/setup.sh']);
await nodeTests('browser tests', glob('test/browser', '.test.ts'));
// The checker's verdicts against the site's own build tool (Astro, installed by the same setup).
await nodeTests('site build tests (a real astro sync)', glob('test/site', '.test.ts'));

/** One run of the integration tests in a real VS Code; adds its counts. */
async function integration(name, args) {
  console.log(`\n== ${name}`);
  const results = path.join(root, 'test-results', 'integration.json');
  fs.rmSync(results, { force: true });
  await run(process.execPath, ['scripts/vscode/run-tests.mjs', ...args]);
  try {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    passed += r.passed ?? 0;
    failed += r.failed ?? 0;
    skipped += r.pending ?? 0;
    return r;
  } catch {
    failed++;
    console.log(`== ${name}: no results`);
    return undefined;
  }
}

if (!unitOnly) {
  if (built && (await run(process.execPath, ['scripts/build-tests.mjs'])).code === 0) {
    await integration('integration tests (real VS Code)', []);
    // The Swedish suite is skipped in the English run and is the whole of this one.
    await integration('integration tests (real VS Code, Swedish display language)', ['--locale', 'sv', '--grep', 'Swedish display language']);
  } else {
    failed++;
    console.log('== integration tests: not built');
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
