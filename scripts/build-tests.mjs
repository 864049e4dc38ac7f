// Bundles every test/integration/*.ts into dist/test/integration/*.js (CommonJS, Node) for the
// integration tests run by scripts/vscode/run-tests.mjs. `vscode` (provided by the extension
// host) and `mocha` (loaded from node_modules at run time) stay external.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test', 'integration');
const outDir = path.join(root, 'dist', 'test', 'integration');

const entryPoints = fs.readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => path.join(srcDir, f));
if (entryPoints.length === 0) throw new Error(`no .ts files in ${srcDir}`);

// start clean: index.js loads every *.test.js here, so a deleted test must not linger
fs.rmSync(outDir, { recursive: true, force: true });

const t0 = Date.now();
await build({
  entryPoints,
  outdir: outDir,
  outbase: srcDir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  // ES module builds first, as in scripts/build.mjs (jsonc-parser's UMD build cannot be bundled).
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`[build-tests] ${entryPoints.length} file(s) -> ${path.relative(root, outDir)} in ${Date.now() - t0} ms`);
