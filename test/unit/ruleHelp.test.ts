import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleHelpMarkdown } from '../../src/core/help/ruleHelp';
import { RULES } from '../../src/core/rules';

test('every rule has a help page in English and Swedish: what, why, how to fix, how to turn it off', () => {
  for (const id of Object.keys(RULES)) {
    const en = ruleHelpMarkdown(id, 'en')!;
    const sv = ruleHelpMarkdown(id, 'sv')!;
    for (const h of ['## What it checks', '## Why the site cares', '## How to fix it', '## How to turn it off']) assert.ok(en.includes(h), `${id}: ${h}`);
    for (const h of ['## Vad den kontrollerar', '## Varför webbplatsen bryr sig', '## Så rättar du', '## Så stänger du av den']) assert.ok(sv.includes(h), `${id}: ${h}`);
    assert.ok(en.includes(`{ "rules": { "${id}": "off" } }`), `${id}: how to turn it off`);
    assert.notEqual(en.split('## Why')[1], sv.split('## Varför')[1], `${id}: the Swedish page is translated`);
  }
  assert.match(ruleHelpMarkdown('topic-no-page', 'en')!, /no topic page lists the article/);
  assert.match(ruleHelpMarkdown('topic-no-page', 'sv')!, /Standardnivå: \*\*varning \(husstil\)\*\*/);
  assert.equal(ruleHelpMarkdown('no-such-rule', 'en'), undefined);
});
