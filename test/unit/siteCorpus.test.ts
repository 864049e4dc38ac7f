import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { parseArticle } from '../../src/core/parse';
import { loadSiteKnowledge, topicPage } from '../../src/core/site/index';

const SHARED = path.resolve(__dirname, '../../../shared');
const CORPUS = path.join(SHARED, 'corpus/fraga-doktorn');
const SITE = path.join(SHARED, 'site/site-files');
const absent = [CORPUS, SITE].find((p) => !fs.existsSync(p));
if (absent) console.log(`# skipped: the real corpus or the site's files are not at ${absent}`);

const readSite = (rel: string) => ({ kind: 'file' as const, file: rel, text: fs.readFileSync(path.join(SITE, rel), 'utf8'), explicit: false });

test('the real site and corpus: exactly the articles whose topic has no topic page are warned, with the right nearest topic', { skip: absent && `not found: ${absent}` }, async () => {
  const site = await loadSiteKnowledge({ topics: readSite('src/data/topics.ts'), conditions: readSite('src/data/conditions.ts') });
  assert.deepEqual(site.errors, []);
  assert.equal(site.topics?.length, 59);
  assert.deepEqual(Object.keys(site.conditions ?? {}), ['/sjukdomar/axel/ac-ledsartros']);
  const checker = createChecker({ site });
  const warned = new Map<string, string>();
  const expected = new Set<string>();
  let published = 0;
  for (const f of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
    const a = parseArticle(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    const { topic, category } = a.data ?? {};
    // The site's own rule, applied independently: a topic page lists the article only when its
    // topic is one of its body part's ids.
    if (typeof topic === 'string' && topic !== '' && typeof category === 'string' && !topicPage(site, category, topic)) {
      expected.add(f);
      if (a.data?.published !== false) published++;
    }
    const ps = checker.checkParsed(a, f);
    for (const p of ps) if (p.rule === 'topic-no-page') warned.set(f, `${p.message} | ${p.fixes?.[0]?.edits[0].newText ?? ''}`);
    assert.deepEqual(ps.filter((p) => p.rule === 'condition-unknown'), [], `${f}: every relatedCondition of the corpus is the one known condition`);
  }
  assert.deepEqual([...warned.keys()].sort(), [...expected].sort());
  assert.equal(warned.size, 80);
  assert.equal(published, 10);
  const fixOf = (topic: string) => [...warned.values()].find((m) => m.includes(`"${topic}" is not`))?.split(' | ')[1];
  assert.equal(fixOf('golfarmbage'), '"golfararmbage"');
  assert.equal(fixOf('axelluxation'), '"axeln-ur-led"');
  assert.equal(fixOf('rotatorkuffskada'), '"rotatorcuffruptur"');
  assert.match([...warned.values()].find((m) => m.includes('"axelluxation"'))!, /Did you mean "axeln-ur-led" \(Axeln ur led\)\?/);
});
