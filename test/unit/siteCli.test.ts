import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkCommand } from '../../src/cli/check';
import { article } from './helpers';

const SITE = path.join(__dirname, '..', 'fixtures', 'site', 'src', 'data');

async function run(cwd: string, args: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await checkCommand(args, { stdout: (s) => (out.stdout += s), stderr: (s) => (out.stderr += s), cwd, env: {}, isTTY: false }, 'en');
  return { code, ...out };
}

test('qa-articles check reads the site\'s topics.ts of the project on every run, and says when it cannot', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qa-site-cli-'));
  try {
    mkdirSync(path.join(dir, 'src', 'content', 'fraga-doktorn'), { recursive: true });
    cpSync(SITE, path.join(dir, 'src', 'data'), { recursive: true });
    writeFileSync(path.join(dir, '.qa-articles.json'), '{}\n');
    writeFileSync(path.join(dir, 'src', 'content', 'fraga-doktorn', 'a.md'), article({ topic: 'topic: "frusenaxel"' }));
    const first = await run(dir, ['--format', 'json']);
    const problems = (JSON.parse(first.stdout) as { problems: { rule: string; message: string }[] }).problems.filter((p) => p.rule === 'topic-no-page');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Did you mean "frusen-axel" \(Frusen axel\)\?/);
    assert.equal(first.stderr, '');
    // A topics.ts that is computed by code: one message, and the rule is off.
    writeFileSync(path.join(dir, 'src', 'data', 'topics.ts'), 'export const topics = buildTopics();\n');
    const second = await run(dir, ['--format', 'json']);
    assert.match(second.stderr, /^The site's list could not be read: at src\/data\/topics\.ts, line 1, a value is computed by code/);
    assert.equal(second.stderr.trim().split('\n').length, 1);
    assert.deepEqual((JSON.parse(second.stdout) as { problems: { rule: string }[] }).problems.filter((p) => p.rule === 'topic-no-page'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
