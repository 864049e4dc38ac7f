// Bundles the extension (Node/CommonJS, `vscode` external), the CLI (Node) and the webview script (browser).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';

// The site's contract compiled ahead of time (src/core/articleValidator.generated.ts), so that
// neither the CLI nor the extension compiles it at start.
// TSX_DISABLE_CACHE: tsx would keep its compiled files in the system's temp folder (tsx-<uid>).
const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-validator.ts'], { stdio: 'inherit', env: { ...process.env, TSX_DISABLE_CACHE: '1' } });
if (gen.status !== 0) process.exit(gen.status ?? 1);

// Swedish strings of the extension's UI live in l10n/parts/*.sv.json (one file per feature);
// VS Code reads them merged as l10n/bundle.l10n.sv.json.
function mergeL10n() {
  const dir = 'l10n/parts';
  if (!existsSync(dir)) return;
  const merged = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.sv.json')).sort()) {
    Object.assign(merged, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
  }
  mkdirSync('l10n', { recursive: true });
  writeFileSync('l10n/bundle.l10n.sv.json', JSON.stringify(merged, null, 2) + '\n');
}
mergeL10n();
// A production build starts clean, so no stale file (source maps, removed entries) reaches the package.
if (process.argv.includes('--production')) rmSync('dist', { recursive: true, force: true });

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// ES module builds first: they tree-shake, and some packages' CommonJS builds (jsonc-parser's UMD)
// require files by paths a bundle cannot follow.
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none', mainFields: ['module', 'main'] };

/** Leaves `from` (imported by the file ending in `importer`) out of the bundle, loaded at run time from the file `to` beside it. */
function separate(from, to, importer = 'src/cli/main.ts') {
  return {
    name: 'separate',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${from.replace(/[.]/g, '\\.')}$`) }, (args) => (args.importer.endsWith(importer) ? { path: to, external: true } : undefined));
    },
  };
}

/**
 * Ajv compiles only a project's own schema (the site's contract has a validator generated at build
 * time), so the CLI loads it from a file of its own on first use: `check` with the contract never
 * parses it.
 */
const lazyAjv = {
  name: 'lazy-ajv',
  setup(build) {
    build.onResolve({ filter: /^(ajv|re2js)$/ }, (args) => (args.importer.endsWith('src/core/schema.ts') ? { path: args.path, namespace: 'lazy-ajv' } : undefined));
    build.onResolve({ filter: /^\.\/cli-ajv\.js$/, namespace: 'lazy-ajv' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /^ajv$/, namespace: 'lazy-ajv' }, () => ({
      contents: [
        'let ajv;',
        "const load = () => (ajv ??= require('./cli-ajv.js'));",
        'export default function Ajv(options) { return new (load().default)(options); }',
        'export function _(...args) { return load()._(...args); }',
      ].join('\n'),
      loader: 'js',
    }));
    // RE2 runs a project schema's patterns, so it is needed only where Ajv compiles one.
    build.onLoad({ filter: /^re2js$/, namespace: 'lazy-ajv' }, () => ({
      contents: [
        'let re2;',
        "const load = () => (re2 ??= require('./cli-ajv.js').RE2JS);",
        'export const RE2JS = { compile: (...a) => load().compile(...a), translateRegExp: (...a) => load().translateRegExp(...a) };',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // The CLI starts for every check, so its bundle is small and minified in every build (V8 parses
  // all of it before the first file is read); the preview command's renderer is a file of its own,
  // loaded only by `qa-articles preview`.
  // bin/qa-articles.js runs this bundle as a vm.Script (for the code cache), where import() has no
  // loader: its parts loaded later (the reader of the site's topics.ts) are required instead.
  { ...common, minify: true, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', supported: { 'dynamic-import': false }, plugins: [separate('./preview', './cli-preview.js'), separate('./script.js', './cli-site-script.js', 'src/core/site/read.ts'), lazyAjv], metafile: true },
  { ...common, minify: true, entryPoints: ['src/core/site/script.ts'], outfile: 'dist/cli-site-script.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, minify: true, stdin: { contents: "export { default, _ } from 'ajv'; export { RE2JS } from 're2js';", resolveDir: '.', loader: 'js' }, outfile: 'dist/cli-ajv.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, minify: true, entryPoints: ['src/cli/preview.ts'], outfile: 'dist/cli-preview.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The helper thread of a large `check` (src/node/pool.ts): the same engine, without the CLI.
  { ...common, minify: true, entryPoints: ['src/node/worker.ts'], outfile: 'dist/cli-worker.js', platform: 'node', format: 'cjs', target: 'node20', plugins: [separate('./script.js', './cli-site-script.js', 'src/core/site/read.ts'), lazyAjv] },
];
if (existsSync('src/webview/preview.ts')) {
  builds.push({ ...common, entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}
const present = builds.filter((b) => !b.entryPoints || b.entryPoints.every((e) => existsSync(e)));
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(present.map((b) => esbuild.build(b)));
  // `node scripts/build.mjs --sizes`: what the CLI bundle is made of (esbuild's metafile), largest first.
  if (process.argv.includes('--sizes')) {
    for (const [i, r] of results.entries()) {
      if (!r.metafile) continue;
      const out = Object.entries(r.metafile.outputs).find(([k]) => k.endsWith('.js'))[1];
      const by = {};
      for (const [k, v] of Object.entries(out.inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(k);
        const key = m ? m[1] : k.split('/').slice(0, 3).join('/');
        by[key] = (by[key] ?? 0) + v.bytesInOutput;
      }
      console.log(`${present[i].outfile}: ${(out.bytes / 1024).toFixed(0)} KB`);
      for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(v / 1024).toFixed(1).padStart(7)} KB  ${k}`);
    }
  }
}

// V8's code cache of the CLI bundle (see bin/qa-articles.js): made by one check of the sample
// workspace, so the functions a check runs are in it. A failure here costs only speed.
if (!watch && existsSync('dist/cli.js')) {
  const made = spawnSync(process.execPath, ['bin/qa-articles.js', 'check', '--format', 'json', '--root', 'sample-workspace'], { env: { ...process.env, QA_ARTICLES_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
  if (made.status !== 0 && made.status !== 1) console.warn(`The CLI's code cache was not made: ${made.stderr.slice(0, 500)}`);
}
