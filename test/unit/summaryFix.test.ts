import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { applyEdits } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import { renderArticle } from '../../src/core/render';
import { CORPUS, article, check, only } from './helpers';

const fixOf = (text: string) => {
  const [p] = only(check(text), 'summary-block');
  assert.ok(p, 'a summary-block problem');
  return { p, after: applyEdits(text, p.fixes![0].edits) };
};

test('a final list right after a lone CR: the label gets a blank line above it, so it is a label and not the line before it going on', () => {
  const text = article({}, 'Det läker av sig självt.\r- Vila i två veckor\n- Träna sedan försiktigt\n');
  const { p, after } = fixOf(text);
  assert.equal(p.fixes![0].title, 'Label the final list as the summary');
  assert.ok(after.includes('Det läker av sig självt.\r\n\n**Sammanfattning:**\n- Vila i två veckor'));
  assert.deepEqual(only(check(after), 'summary-block'), []);
});

test('an answer ending with a bullet list: the fix labels that list as the summary', () => {
  const text = article({}, 'Det läker av sig självt.\n\n- Vila i två veckor\n- Träna sedan försiktigt\n');
  const { p, after } = fixOf(text);
  assert.equal(p.fixes![0].title, 'Label the final list as the summary');
  assert.match(p.message, /ends with a bullet list/);
  assert.equal(text.slice(p.start, p.end), '- Vila i två veckor');
  assert.equal(after, article({}, 'Det läker av sig självt.\n\n**Sammanfattning:**\n- Vila i två veckor\n- Träna sedan försiktigt\n'));
  assert.deepEqual(only(check(after), 'summary-block'), []);
  // The preview shows the list as the key points, with no second, empty block.
  const html = renderArticle(parseArticle(after));
  assert.equal(html.match(/Sammanfattning/g)?.length, 1);
  assert.match(html, /data-qa="summary"/);
});

test('a list right below a paragraph gets a blank line before its label; CR LF is kept', () => {
  const { after } = fixOf(article({}, 'Det läker.\n- Vila\n- Träna\n'));
  assert.equal(after, article({}, 'Det läker.\n\n**Sammanfattning:**\n- Vila\n- Träna\n'));
  const crlf = article({}, 'Det läker.\n\n- Vila\n  mer om vila\n\n- Träna\n').replace(/\n/g, '\r\n');
  assert.equal(fixOf(crlf).after, article({}, 'Det läker.\n\n**Sammanfattning:**\n- Vila\n  mer om vila\n\n- Träna\n').replace(/\n/g, '\r\n'));
});

test('an answer ending with text, or a numbered list, gets a new summary block whose label stays a label', () => {
  for (const body of ['Det läker.\n', 'Gör så här:\n\n1. Vila\n2. Träna\n', '- Vila\n\nSedan en mening.\n']) {
    const { p, after } = fixOf(article({}, body));
    assert.equal(p.fixes![0].title, 'Add a summary block', body);
    assert.match(after, /\*\*Sammanfattning:\*\*\n\n- \n$/);
    // Rendered, the label is a paragraph, not a heading.
    assert.doesNotMatch(renderArticle(parseArticle(after)), /<h2>\s*<strong>Sammanfattning/);
  }
});

const present = fs.existsSync(CORPUS);
if (!present) console.log(`# skipped: the real corpus is not at ${CORPUS}`);

test('the real corpus: 388 of the articles without a summary end with a bullet list, and labelling it satisfies the rule', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const checker = createChecker();
  let labelled = 0;
  let added = 0;
  for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    const p = checker.check(text, f).find((x) => x.rule === 'summary-block' && x.fixes);
    if (!p) continue;
    const after = applyEdits(text, p.fixes![0].edits);
    if (p.fixes![0].title === 'Label the final list as the summary') {
      labelled++;
      assert.equal(checker.check(after, f).filter((x) => x.rule === 'summary-block').length, 0, f);
      assert.equal(after.length - text.length, p.fixes![0].edits[0].newText.length);
    } else added++;
  }
  assert.equal(labelled, 388);
  assert.equal(added, 102);
});
