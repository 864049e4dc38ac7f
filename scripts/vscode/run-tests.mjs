#!/usr/bin/env node
// Runs the integration tests (dist/test/integration/*.test.js, built by scripts/build-tests.mjs)
// in a real VS Code 1.139.1 (code-server + headless chromium, see vscode-shim.js) through
// @vscode/test-electron's runTests.
//
//   node scripts/vscode/run-tests.mjs [--screenshot <file.png>] [--grep <pattern>] [--locale <id>]
//
// - runs scripts/vscode/setup.sh first (a no-op in ~0.1 s once .vscode-test/ is installed)
// - opens a fresh temp copy of sample-workspace/ (or an empty temp folder), also passed to the
//   tests as $QA_TEST_WORKSPACE
// - prints Mocha's output, a final "N passed, N failed" line, and writes
//   test-results/integration.json = {"passed":N,"failed":M,...}
// - exits non-zero when a test failed or the run broke
// Env: QA_EXTENSION_DEVELOPMENT_PATH overrides the extension folder (for checking the harness itself);
//      QA_KEEP_WORKSPACE=1 keeps the temp workspace; VSCODE_SHIM_* are passed on to the shim.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const shim = path.join(here, 'vscode-shim.js');
const resultsFile = path.join(root, 'test-results', 'integration.json');

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node scripts/vscode/run-tests.mjs [--screenshot <file.png>] [--grep <pattern>] [--locale <id>]');
  process.exit(2);
}
const opts = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split(/=(.*)/s);
  const value = () => inline ?? args[++i] ?? usage(`${flag} needs a value`);
  if (flag === '--screenshot') opts.screenshot = path.resolve(value());
  else if (flag === '--grep') opts.grep = value();
  else if (flag === '--locale') opts.locale = value();
  else if (flag === '-h' || flag === '--help') usage();
  else usage(`unknown argument: ${args[i]}`);
}

function writeResults(r) {
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify(r, null, 2) + '\n');
}
function fail(msg) {
  console.error(`[run-tests] ${msg}`);
  writeResults({ passed: 0, failed: 1, error: msg });
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const t0 = Date.now();
fs.rmSync(resultsFile, { force: true });

// 1. VS Code, Node 24, chromium (idempotent)
const setup = spawnSync('bash', [path.join(here, 'setup.sh')], { stdio: 'inherit' });
if (setup.status !== 0) fail(`setup.sh failed (exit ${setup.status ?? setup.signal})`);
const tSetup = Date.now();

// 2. what to run (the shim is spawned directly, so it must be executable even if git lost the bit)
try { fs.accessSync(shim, fs.constants.X_OK); } catch { fs.chmodSync(shim, 0o755); }
const extensionDevelopmentPath = path.resolve(process.env.QA_EXTENSION_DEVELOPMENT_PATH || root);
const extensionTestsPath = path.join(root, 'dist', 'test', 'integration', 'index.js');
if (!fs.existsSync(extensionTestsPath)) fail(`${path.relative(root, extensionTestsPath)} missing; run node scripts/build-tests.mjs`);
const pkg = JSON.parse(fs.readFileSync(path.join(extensionDevelopmentPath, 'package.json'), 'utf8'));
if (pkg.main && !fs.existsSync(path.join(extensionDevelopmentPath, pkg.main)) && !fs.existsSync(path.join(extensionDevelopmentPath, pkg.main + '.js'))) {
  fail(`${pkg.main} missing in ${extensionDevelopmentPath}; build the extension first (npm run build)`);
}

// 3. a scratch workspace the tests may modify
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-articles-it-'));
const workspace = path.join(runDir, 'workspace');
const sample = path.join(root, 'sample-workspace');
if (fs.existsSync(sample)) fs.cpSync(sample, workspace, { recursive: true });
else fs.mkdirSync(workspace);
const rawResults = path.join(runDir, 'results.json');

// A display language other than English needs a language pack installed in VS Code; VS Code
// ships none for Swedish, so the tests install a minimal one (scripts/vscode/language-pack-<id>).
let languagePack;
if (opts.locale && !opts.locale.startsWith('en')) {
  const dir = path.join(here, `language-pack-${opts.locale}`);
  if (!fs.existsSync(dir)) fail(`no language pack for ${opts.locale} in ${dir}`);
  languagePack = path.join(root, '.vscode-test', `language-pack-${opts.locale}.vsix`);
  const vsce = spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '-o', languagePack], { cwd: dir, stdio: 'inherit' });
  if (vsce.status !== 0) fail('could not package the language pack');
}

// 4. run; keep a copy of stdout to find the QA_RESULTS line
let captured = '';
const tee = (stream) => ({ write(chunk) { captured += chunk.toString(); stream.write(chunk); return true; } });
const extensionTestsEnv = {
  ...(languagePack ? { VSCODE_SHIM_LANGUAGE_PACK: languagePack } : {}),
  QA_TEST_WORKSPACE: workspace,
  QA_TEST_RESULTS: rawResults,
  ...(opts.grep ? { QA_TEST_GREP: opts.grep } : {}),
  ...(opts.screenshot ? { VSCODE_SHIM_SCREENSHOT: opts.screenshot } : {}),
};
if (opts.screenshot) fs.mkdirSync(path.dirname(opts.screenshot), { recursive: true });

let exitCode = 0;
let runError;
try {
  exitCode = await runTests({
    vscodeExecutablePath: shim,
    extensionDevelopmentPath,
    extensionTestsPath,
    // fresh, run-local profile folders (otherwise test-electron uses <cwd>/.vscode-test/{user-data,extensions})
    launchArgs: [workspace, `--user-data-dir=${path.join(runDir, 'user-data')}`, `--extensions-dir=${path.join(runDir, 'extensions')}`, ...(opts.locale ? [`--locale=${opts.locale}`] : [])],
    extensionTestsEnv,
    stdout: tee(process.stdout),
    stderr: tee(process.stderr),
  });
} catch (e) {
  exitCode = typeof e?.code === 'number' ? e.code : 1;
  runError = e;
}

// 5. counts: the file the tests wrote if the env var reached the extension host, else the stdout line
let counts;
let source;
try {
  counts = JSON.parse(fs.readFileSync(rawResults, 'utf8'));
  source = 'file';
} catch {
  const lines = [...captured.matchAll(/^QA_RESULTS (\{.*\})\s*$/gm)];
  if (lines.length) { counts = JSON.parse(lines.at(-1)[1]); source = 'stdout'; }
}
const result = {
  passed: counts?.passed ?? 0,
  failed: counts?.failed ?? 0,
  pending: counts?.pending ?? 0,
  exitCode,
  durationMs: Date.now() - t0,
};
if (exitCode !== 0 && result.failed === 0) {
  // the run broke outside Mocha (no results, crash, timeout): count it as one failure
  result.failed = 1;
  result.error = runError ? String(runError.message ?? runError) : `exit code ${exitCode}`;
}
if (exitCode === 0 && !counts) {
  result.failed = 1;
  result.error = 'the tests reported no results';
  exitCode = 1;
}
writeResults(result);

// The scratch workspace goes whatever the outcome; QA_KEEP_WORKSPACE=1 keeps it to look into.
if (!process.env.QA_KEEP_WORKSPACE) fs.rmSync(runDir, { recursive: true, force: true });
else console.log(`[run-tests] workspace kept in ${workspace}`);
console.log(`[run-tests] setup ${tSetup - t0} ms, tests ${Date.now() - tSetup} ms; results (from ${source ?? 'nowhere'}) in ${path.relative(root, resultsFile)}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(exitCode === 0 && result.failed === 0 ? 0 : 1);
