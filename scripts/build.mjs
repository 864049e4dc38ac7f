// Bundles the extension (Node/CommonJS, `vscode` external), the CLI (Node) and the webview script (browser).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';

// The site's contract compiled ahead of time (src/core/articleValidator.generated.ts), so that
// neither the CLI nor the extension compiles it at start.
const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-validator.ts'], { stdio: 'inherit' });
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

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20' },
];
if (existsSync('src/webview/preview.ts')) {
  builds.push({ ...common, entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}
const present = builds.filter((b) => b.entryPoints.every((e) => existsSync(e)));
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
