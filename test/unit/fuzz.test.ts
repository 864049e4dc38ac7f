import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeSummary, fuzz } from './fuzzEngine';

// A seeded, deterministic run over mutated real articles (see fuzzEngine.ts for what is checked);
// `npm run fuzz -- --seed N --cases M` runs many more outside the unit suite.
test('fuzz: mutated real articles — no throw, no hang, ranges inside, fixes safe, fix-all converges, steps and tag renames exact', (t) => {
  const s = fuzz({ seed: 20261201, cases: 2000, hangMs: 2000 });
  for (const line of describeSummary(s)) {
    console.log(line);
    t.diagnostic(line);
  }
  // The run must have exercised what it claims to check.
  assert.ok(s.fixesTried > 500, `only ${s.fixesTried} fixes tried`);
  assert.ok(s.steps.ok > 1000 && s.steps.refused > 300, `steps: ${JSON.stringify(s.steps)}`);
  assert.ok(s.renames.ok > 300, `renames: ${JSON.stringify(s.renames)}`);
  const shown = s.failures.slice(0, 8).map((f) => `case ${f.case} [${f.mutations.join(', ')}] ${f.property}: ${f.detail}\n${JSON.stringify(f.text.slice(0, 600))}`);
  assert.deepEqual(shown, []);
});
