#!/usr/bin/env node
// Mutation fuzzing of real articles, many more cases than the unit suite runs (not part of CI):
//
//   npm run fuzz -- [--seed N] [--cases N] [--max-failures N] [--sample]
//
// Uses ../shared/corpus/fraga-doktorn when present (else, or with --sample, the sample workspace's articles) and
// checks, for every mutated article: no throw, no check over 2 s (a hang, not a slow machine),
// every range inside the text, every preferred fix removes its problem without a new error,
// fix-all converges in at most 6 passes, workflow steps change only their own lines or refuse,
// and a tag rename finds the tag in every spelling. Prints a summary and each failure (its
// mutations, the property, and the text as JSON); exits 1 when a property failed.
import { createRequire } from 'node:module';

// tsx keeps a cache of compiled files in the temp folder unless told not to: a run leaves nothing there.
process.env.TSX_DISABLE_CACHE ??= '1';
const { register } = await import('tsx/cjs/api');
register();
const { fuzz, describeSummary } = createRequire(import.meta.url)('../test/unit/fuzzEngine.ts');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return dflt;
  const v = args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a whole number, got ${v}`);
    process.exit(2);
  }
  return n;
};
const seed = opt('seed', Date.now() % 1_000_000);
const cases = opt('cases', 50_000);
const maxFailures = opt('max-failures', 50);

const t0 = Date.now();
const s = fuzz({ seed, cases, maxFailures, sampleOnly: args.includes('--sample') });
for (const line of describeSummary(s)) console.log(line);
console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s; repeat with: npm run fuzz -- --seed ${seed} --cases ${cases}`);
// The slowest check once more, alone: a busy machine makes any check slow once, a hang stays slow.
if (s.slowest.text !== undefined) {
  const { createChecker } = createRequire(import.meta.url)('../src/core/check/index.ts');
  const t1 = performance.now();
  createChecker().check(s.slowest.text);
  console.log(`the slowest case (${s.slowest.case}) checked again alone: ${(performance.now() - t1).toFixed(1)} ms`);
}
for (const f of s.failures) {
  console.log(`\ncase ${f.case} — ${f.property}: ${f.detail}\n  mutations: ${f.mutations.join(', ')}\n  text: ${JSON.stringify(f.text)}`);
}
process.exit(s.failures.length ? 1 : 0);
