import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { PHASES } from '../../src/cli/profile';
import { article } from './helpers';

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env, isTTY: false });
  return { code, stdout, stderr };
}

test('QA_ARTICLES_PROFILE=1 prints every phase of a check on stderr, and the check says the same as without it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-profile-'));
  try {
    const content = path.join(dir, 'src', 'content', 'fraga-doktorn');
    fs.mkdirSync(content, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{}\n');
    fs.writeFileSync(path.join(content, 'a.md'), article());
    fs.writeFileSync(path.join(content, 'b.md'), article({ date: 'date: "2017-08-15"' }));
    const plain = await run(['check', '--format', 'json'], dir);
    const profiled = await run(['check', '--format', 'json'], dir, { QA_ARTICLES_PROFILE: '1' });
    assert.equal(plain.code, 1, plain.stderr);
    assert.equal(JSON.parse(plain.stdout).files, 2);
    assert.equal(profiled.code, plain.code);
    assert.equal(profiled.stdout, plain.stdout);
    assert.equal(plain.stderr, '');
    const lines = profiled.stderr.trim().split('\n');
    assert.equal(lines.length, 1);
    const m = /^qa-articles profile (\{.*\})$/.exec(lines[0]);
    assert.ok(m, lines[0]);
    const p = JSON.parse(m[1]) as Record<string, number>;
    for (const k of [...PHASES, 'load', 'project', 'gc', 'total', 'maxRssMb']) assert.ok(typeof p[k] === 'number' && p[k] >= 0, `${k}: ${p[k]}`);
    // The phases happen within the run.
    assert.ok(p.startup <= p.total && p.load <= p.startup);
    assert.equal((await run(['check'], dir, { QA_ARTICLES_PROFILE: '0' })).stderr, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
