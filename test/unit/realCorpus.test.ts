import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { parseArticle } from '../../src/core/parse';
import { CORPUS } from './helpers';

const present = fs.existsSync(CORPUS);
if (!present) console.log(`# skipped: the real corpus is not at ${CORPUS}`);

test('all 649 real articles: zero errors, and the known tag variants are warned', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  assert.equal(files.length, 649);
  const index = new CorpusIndex();
  const parsed = files.map((f) => {
    const a = parseArticle(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    index.set(f, entryOf(a));
    return [f, a] as const;
  });
  const checker = createChecker({ index });
  const errors: string[] = [];
  const byRule = new Map<string, number>();
  const variants = new Set<string>();
  for (const [f, a] of parsed) {
    for (const p of checker.checkParsed(a, f)) {
      byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
      if (p.severity === 'error') errors.push(`${f}:${p.range.start.line + 1}: ${p.message}`);
      if (p.rule === 'tag-variant') variants.add(a.text.slice(p.start, p.end));
    }
  }
  assert.deepEqual(errors, []);
  assert.ok(variants.has('"frozen shoulder"'), 'frozen shoulder → frozen-shoulder');
  assert.ok(variants.has('"AC-luxation"'), 'AC-luxation → ac-luxation');
  assert.equal(byRule.get('title-length'), 38);
  assert.equal(byRule.get('description-length'), 272);
  assert.ok((byRule.get('summary-block') ?? 0) > 0);
});

test('CR LF articles of the corpus keep exact VS Code line numbers', { skip: !present && 'no corpus' }, () => {
  const crlf = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8')).filter((t) => t.includes('\r'));
  assert.ok(crlf.length >= 85);
  for (const text of crlf) {
    const a = parseArticle(text);
    assert.equal(a.yamlIssues.length, 0);
    const f = a.fields.get('date')!;
    // The date's line, counted with every kind of break, holds the date text.
    const pos = a.lines.positionAt(f.valueStart);
    assert.match(a.lines.lineText(pos.line), /^date: \d{4}-\d{2}-\d{2}/);
  }
});
