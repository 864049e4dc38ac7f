import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { complete } from '../../src/core/complete/completions';
import { hoverAt } from '../../src/core/complete/hover';
import { CorpusIndex } from '../../src/core/corpus';
import { defaultSchema } from '../../src/core/schema';
import { loadSiteKnowledge } from '../../src/core/site/index';
import { topicChoices } from '../../src/core/workflow/topicChoices';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'site', 'src', 'data');
const site = () =>
  loadSiteKnowledge({
    topics: { kind: 'file', file: 'src/data/topics.ts', text: readFileSync(path.join(FIXTURES, 'topics.ts'), 'utf8'), explicit: false },
    conditions: { kind: 'file', file: 'src/data/conditions.ts', text: readFileSync(path.join(FIXTURES, 'conditions.ts'), 'utf8'), explicit: false },
  });

function index(): CorpusIndex {
  const idx = new CorpusIndex();
  idx.set('/a.md', { tags: [], published: true, category: 'axel', topic: 'frusen-axel' });
  idx.set('/b.md', { tags: [], published: true, category: 'axel', topic: 'frusen-axel' });
  idx.set('/c.md', { tags: [], published: true, category: 'axel', topic: 'gammalt-amne' });
  return idx;
}

const doc = (category: string, line: string) => `---\ntitle: "T"\ncategory: "${category}"\n${line}\n---\n`;

test('topic: completes the site\'s topics of the article\'s category, with title, description and corpus count', async () => {
  const text = doc('axel', 'topic: ');
  const entries = complete(text, text.indexOf('topic: ') + 7, { schema: defaultSchema(), index: index(), lang: 'en', site: await site() });
  assert.deepEqual(entries.map((e) => e.label), ['axelsmarta', 'frusen-axel', 'axel-ur-led'], 'only Axel topics, in the site\'s group order; no topic without a page');
  const frusen = entries.find((e) => e.label === 'frusen-axel')!;
  assert.equal(frusen.description, 'Frusen axel · 2 articles');
  assert.match(frusen.documentation!, /När axeln stelnar och värker/);
  assert.match(frusen.documentation!, /Diagnoser/);
  assert.match(frusen.filterText!, /Stel axel/, 'the short title finds it');
  const kna = doc('kna', 'topic: ');
  assert.deepEqual(complete(kna, kna.indexOf('topic: ') + 7, { schema: defaultSchema(), index: index(), lang: 'en', site: await site() }).map((e) => e.label), ['menisk']);
});

test('relatedCondition: completes the site\'s condition pages; hover shows what the site says of a topic', async () => {
  const s = await site();
  const text = doc('axel', 'relatedCondition: ');
  const entries = complete(text, text.length - 5, { schema: defaultSchema(), index: index(), lang: 'en', site: s });
  assert.deepEqual(entries.map((e) => [e.label, e.description]), [['/sjukdomar/axel/frusen-axel', 'Frusen axel'], ['/sjukdomar/kna/menisk', 'Meniskskada']]);
  const t2 = doc('axel', 'topic: "frusen-axel"');
  const h = hoverAt(t2, t2.indexOf('frusen-axel') + 2, { schema: defaultSchema(), index: index(), lang: 'en', site: s });
  assert.match(h!.markdown, /\*\*Frusen axel\*\* \(Stel axel\)/);
  assert.match(h!.markdown, /När axeln stelnar och värker/);
  assert.match(h!.markdown, /Topic page \/fraga-doktorn\/axel\/frusen-axel · Axel, Diagnoser · 2 articles/);
  const t3 = doc('axel', 'topic: "gammalt-amne"');
  assert.match(hoverAt(t3, t3.indexOf('gammalt') + 2, { schema: defaultSchema(), index: index(), lang: 'en', site: s })!.markdown, /no topic page: not one of the site's Axel topics/);
});

test('New Article offers the site\'s topics of the category first, under the site\'s topic groups', async () => {
  const sections = topicChoices(await site(), index(), 'axel');
  assert.deepEqual(
    sections.map((s) => [s.group, s.choices.map((c) => `${c.value}:${c.uses}`)]),
    [
      ['Var det gör ont', ['axelsmarta:0']],
      ['Diagnoser', ['frusen-axel:2']],
      ['Skador', ['axel-ur-led:0']],
      [undefined, ['gammalt-amne:1']],
    ],
  );
  assert.equal(sections[1].choices[0].label, 'Frusen axel');
  assert.deepEqual(topicChoices(undefined, index(), 'axel').map((s) => s.choices.map((c) => c.value)), [['frusen-axel', 'gammalt-amne']], 'without the site: the articles\' topics');
});
