#!/usr/bin/env node
// Figures measured in the real VS Code (code-server 1.139 + headless chromium, see
// scripts/vscode/vscode-shim.js) on a workspace of 20 copies of the real corpus.
//
//   node bench/vscode/run.mjs        (after `npm run build`; `npm run bench` calls it at the end)
//
// - builds, once, bench/.work/vscode-ws/src/content/fraga-doktorn/copy-NN/*.md (the site's layout,
//   so the default include glob matches) and resets its .vscode/settings.json on every run
// - bundles bench/vscode/bench.ts into dist/bench/vscode/bench.js (the extensionTestsPath entry)
// - runs it through @vscode/test-electron's runTests with the shim, as scripts/vscode/run-tests.mjs
//   does, and prints the figures it wrote to $QA_BENCH_OUT, each beside its target
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'fraga-doktorn');
const shim = path.join(root, 'scripts', 'vscode', 'vscode-shim.js');
const workspace = path.join(root, 'bench', '.work', 'vscode-ws');
const COPIES = 20;

function fail(msg) {
  console.error(`[bench:vscode] ${msg}`);
  process.exit(1);
}

/** The 12,980-article workspace, made once; settings rewritten each run so an aborted run leaves nothing behind. */
function prepareWorkspace() {
  if (!fs.existsSync(corpus)) fail(`the corpus is not at ${corpus}`);
  const content = path.join(workspace, 'src', 'content', 'fraga-doktorn');
  const marker = path.join(workspace, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(workspace, { recursive: true, force: true });
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md'));
    for (let c = 1; c <= COPIES; c++) {
      const dir = path.join(content, `copy-${String(c).padStart(2, '0')}`);
      fs.mkdirSync(dir, { recursive: true });
      // Copies, not links: nothing done in the editor may reach the read-only corpus.
      for (const f of files) fs.copyFileSync(path.join(corpus, f), path.join(dir, f));
    }
    fs.writeFileSync(marker, '');
  }
  // The site's root is known by its package.json, as the project model finds a project.
  fs.writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ name: 'bench-site', private: true }) + '\n');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  // No auto save: the benchmark's edits stay unsaved and are reverted.
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }, null, 2) + '\n');
}

const fmt = (ms) => (ms === undefined || Number.isNaN(ms) ? '—' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`);
const fmtValue = (x, unit) => (x === undefined ? '—' : unit === 'MB' ? `${x.toFixed(1)} MB` : fmt(x));

function table(title, header, rows) {
  const all = [header, ...rows];
  const w = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const [k, r] of all.entries()) {
    console.log('  ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('   '));
    if (k === 0) console.log('  ' + w.map((n) => '-'.repeat(n)).join('   '));
  }
}

function report(out) {
  const rows = out.figures.map((f) => {
    const single = f.value !== undefined || f.median === undefined;
    const target = f.target ? `${f.target.on === 'value' ? '' : f.target.on + ' '}< ${f.target.max} ${f.unit}` : '';
    const actual = f.target ? f[f.target.on] : undefined;
    const met = f.target ? (actual === undefined ? '?' : actual < f.target.max ? 'met' : 'NOT met') : '';
    return [f.what, single ? fmtValue(f.value, f.unit) : fmtValue(f.median, f.unit), single ? '' : fmtValue(f.p95, f.unit), f.n ? String(f.n) : '', target, met, f.note ?? ''];
  });
  const i = out.info;
  const load = (l) => (l ? l.map((x) => x.toFixed(2)).join(' ') : '?');
  table(`In VS Code ${i.vscode} (code-server, headless chromium), ${i.indexedFiles ?? '?'} articles; load average ${load(i.loadavgStart)} at start, ${load(i.loadavgEnd)} at end, ${i.cpus} cores`,
    ['figure', 'median', 'p95', 'n', 'target', '', 'note'], rows);
  console.log(`  typical article: ${i.typicalArticle ?? '?'}; extension active before the bench: ${i.activeBeforeBench}; gc: ${i.gcAvailable}; host memory at end: ${JSON.stringify(i.hostMemoryMb ?? {})}`);
}

const t0 = Date.now();
const setup = spawnSync('bash', [path.join(root, 'scripts', 'vscode', 'setup.sh')], { stdio: 'inherit' });
if (setup.status !== 0) fail(`setup.sh failed (exit ${setup.status ?? setup.signal})`);
if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) fail('dist/extension.js missing: run npm run build first');
try { fs.accessSync(shim, fs.constants.X_OK); } catch { fs.chmodSync(shim, 0o755); }
prepareWorkspace();

const entry = path.join(root, 'dist', 'bench', 'vscode', 'bench.js');
await build({ entryPoints: [path.join(here, 'bench.ts')], outfile: entry, bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['vscode'], sourcemap: 'linked', logLevel: 'warning' });

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-articles-bench-'));
const outFile = path.join(runDir, 'figures.json');
// Indexing 12,980 files in a busy headless workbench takes a while.
process.env.VSCODE_SHIM_TIMEOUT_MS ??= '900000';
let exitCode = 0;
try {
  exitCode = await runTests({
    vscodeExecutablePath: shim,
    extensionDevelopmentPath: root,
    extensionTestsPath: entry,
    launchArgs: [workspace, `--user-data-dir=${path.join(runDir, 'user-data')}`, `--extensions-dir=${path.join(runDir, 'extensions')}`],
    extensionTestsEnv: { QA_BENCH_OUT: outFile },
    // The figures are printed as a table below; the host's console line is noise here.
    stdout: { write: (c) => (/^QA_BENCH /m.test(String(c)) ? true : process.stdout.write(c)) },
    stderr: process.stderr,
  });
} catch (e) {
  exitCode = typeof e?.code === 'number' ? e.code : 1;
  console.error(`[bench:vscode] ${e?.message ?? e}`);
}

let out;
try {
  out = JSON.parse(fs.readFileSync(outFile, 'utf8'));
} catch {
  fail(`no figures (exit ${exitCode}); files kept in ${runDir}`);
}
report(out);
if (out.error) console.error(`\n[bench:vscode] the benchmark stopped early:\n${out.error}`);
fs.rmSync(runDir, { recursive: true, force: true });
console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
process.exit(exitCode === 0 && !out.error ? 0 : 1);
