import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../src/core/rules';

const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

test('the README lists every rule with its default severity', () => {
  const rows = new Map([...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint) \|/gm)].map((m) => [m[1], m[2]]));
  assert.deepEqual([...rows.keys()].sort(), Object.keys(RULES).sort());
  for (const [id, r] of Object.entries(RULES)) assert.equal(rows.get(id), r.severity, id);
});

test('the README gives the test command that CI runs', () => {
  const ci = fs.readFileSync(path.join(__dirname, '../../.ci/run'), 'utf8');
  const cmd = /npm (run )?test[a-z:-]*/.exec(readme)![0];
  assert.equal(cmd, 'npm test');
  assert.ok(ci.split('\n').some((l) => l.trim() === cmd));
});
