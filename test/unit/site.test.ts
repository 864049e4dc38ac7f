import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseConfig } from '../../src/core/config';
import { describeSiteError, loadSiteKnowledge, nearestTopic, siteSources, topicsOf, type SiteKnowledge, type SiteSource } from '../../src/core/site/index';
import { article, check, only, rules } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'site');
const file = (rel: string, name = rel): SiteSource => ({ kind: 'file', file: name, text: readFileSync(path.join(FIXTURES, rel), 'utf8'), explicit: false });
const fixtureSite = () => loadSiteKnowledge({ topics: file('src/data/topics.ts'), conditions: file('src/data/conditions.ts') });

test('the topics and conditions of the site\'s TypeScript files are read as data, with their groups and body parts', async () => {
  const site = await fixtureSite();
  assert.deepEqual(site.errors, []);
  assert.deepEqual(site.topics?.map((t) => t.id), ['axelsmarta', 'frusen-axel', 'axel-ur-led', 'menisk', 'tennisarm']);
  const frusen = site.topics![1];
  assert.deepEqual({ ...frusen, line: undefined }, { id: 'frusen-axel', title: 'Frusen axel', shortTitle: 'Stel axel', description: 'När axeln stelnar och värker', group: 'diagnos', bodyPart: 'axel', line: undefined });
  assert.equal(frusen.line, 35, 'a topic remembers its line in the file');
  assert.equal(site.topics![2].description, 'Axelleden har hoppat ur läge', 'a template literal without code is text');
  assert.deepEqual(site.topicGroups, { smarta: 'Var det gör ont', diagnos: 'Diagnoser', skada: 'Skador' });
  assert.equal(site.bodyParts.kna, 'Knä');
  assert.deepEqual(Object.keys(site.conditions!), ['/sjukdomar/axel/frusen-axel', '/sjukdomar/kna/menisk']);
  assert.equal(site.conditions!['/sjukdomar/kna/menisk'].title, 'Meniskskada');
  assert.equal(site.topicsFile, 'src/data/topics.ts');
  assert.deepEqual(topicsOf(site, 'kna').map((t) => t.id), ['menisk']);
});

test('the lists can be JSON, YAML, plain JavaScript or written inline in the config', async () => {
  const json = await loadSiteKnowledge({ topics: file('topics.json') });
  assert.deepEqual(json.topics?.map((t) => t.id), ['menisk']);
  assert.equal(json.topicGroups.diagnos, 'Diagnoser');
  const yaml = await loadSiteKnowledge({ topics: file('topics.yaml') });
  assert.deepEqual(yaml.topics?.map((t) => [t.id, t.bodyPart]), [['tennisarm', 'armbage']]);
  const js = await loadSiteKnowledge({ topics: { kind: 'file', file: 'topics.js', text: "export const topics = [{ id: 'x', title: 'X', bodyPart: 'kna' }];", explicit: true } });
  assert.deepEqual(js.topics?.map((t) => t.id), ['x']);
  const cfg = parseConfig(JSON.stringify({ topics: [{ id: 'egen', title: 'Eget ämne', bodyPart: 'axel' }], conditions: { '/sjukdomar/x': { title: 'X' } } }));
  const src = siteSources(cfg);
  assert.equal(src.topics.kind, 'inline');
  const inline = await loadSiteKnowledge({
    topics: { kind: 'inline', value: (src.topics as { value: unknown }).value, file: '.qa-articles.json' },
    conditions: { kind: 'inline', value: (src.conditions as { value: unknown }).value, file: '.qa-articles.json' },
  });
  assert.deepEqual(inline.topics?.map((t) => t.id), ['egen']);
  assert.equal(inline.conditions!['/sjukdomar/x'].url, '/sjukdomar/x', 'a condition without url is at its key');
});

test('the default files are src/data/topics.ts and src/data/conditions.ts; the config can name others', () => {
  assert.deepEqual(siteSources(parseConfig('{}')), {
    topics: { kind: 'path', path: 'src/data/topics.ts', explicit: false, base: 'root' },
    conditions: { kind: 'path', path: 'src/data/conditions.ts', explicit: false, base: 'root' },
  });
  assert.deepEqual(siteSources(parseConfig('{"topics": "site/amnen.yaml"}')).topics, { kind: 'path', path: 'site/amnen.yaml', explicit: true, base: 'config' });
  assert.throws(() => parseConfig('{"topics": 3}'), /"topics" must be the path of the site's topic file/);
});

test('an odd file gives one message saying where and what was expected, and its list stays unknown', async () => {
  const cases: [string, RegExp][] = [
    ['odd/computed.ts', /at odd\/computed\.ts, line 5, a value is computed by code, and the file is only read, never run\. Expected a list `topics`/],
    ['odd/broken.ts', /odd\/broken\.ts, line 3 is not valid code or data/],
    ['odd/no-id.ts', /the entry at odd\/no-id\.ts, line 3 has no usable `id`/],
    ['odd/other-name.ts', /odd\/other-name\.ts has no such list\. Expected a list `topics` of entries with id, title/],
    ['odd/binary.ts', /odd\/binary\.ts is too large or not a text file/],
  ];
  for (const [rel, message] of cases) {
    const site = await loadSiteKnowledge({ topics: file(rel) });
    assert.equal(site.topics, undefined, rel);
    assert.equal(site.errors.length, 1, rel);
    assert.match(describeSiteError(site.errors[0], 'en'), message);
    assert.doesNotMatch(describeSiteError(site.errors[0], 'en'), /Unexpected token|SyntaxError/, 'no raw parser text');
    assert.match(describeSiteError(site.errors[0], 'sv'), /Webbplatsens lista kunde inte läsas/);
  }
  const missing = await loadSiteKnowledge({ topics: { kind: 'file', file: 'site/amnen.ts', text: undefined, explicit: true } });
  assert.match(describeSiteError(missing.errors[0], 'en'), /site\/amnen\.ts does not exist/);
  const absentDefault = await loadSiteKnowledge({ topics: { kind: 'file', file: 'src/data/topics.ts', text: undefined, explicit: false } });
  assert.deepEqual(absentDefault.errors, [], 'a site without a topics file is no error');
  assert.equal(absentDefault.topics, undefined);
});

test('nothing in a site file is run, and keys such as __proto__ stay data', async () => {
  const hostile = "globalThis.ran = true;\nexport const topics = [{ id: 'a', title: 'A', bodyPart: 'axel', __proto__: { polluted: true } }];";
  const site = await loadSiteKnowledge({ topics: { kind: 'file', file: 'topics.ts', text: hostile, explicit: false } });
  assert.equal((globalThis as { ran?: boolean }).ran, undefined);
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  assert.deepEqual(site.topics?.map((t) => t.id), ['a']);
});

test('the nearest topic is found by id, title or short title, within the body part\'s list', async () => {
  const site = await fixtureSite();
  const axel = topicsOf(site, 'axel');
  assert.equal(nearestTopic('frusenaxel', axel)?.id, 'frusen-axel');
  assert.equal(nearestTopic('stel-axel', axel)?.id, 'frusen-axel', 'by short title');
  assert.equal(nearestTopic('luxation', axel)?.id, 'axel-ur-led');
  assert.equal(nearestTopic('smärta i axel', axel)?.id, 'axelsmarta', 'by title');
  assert.equal(nearestTopic('tennisarm', axel), undefined, 'another body part\'s topic is not offered');
  assert.equal(nearestTopic('korsband', axel), undefined);
});

async function withSite(over: Record<string, string | null>, site?: SiteKnowledge) {
  return check(article(over), { site: site ?? (await fixtureSite()) });
}

test('a topic no topic page lists is a warning naming the nearest site topic by id and title, and the list it was looked in', async () => {
  const ps = only(await withSite({ topic: 'topic: "frusenaxel"' }), 'topic-no-page');
  assert.equal(ps.length, 1);
  assert.equal(ps[0].severity, 'warning');
  assert.equal(ps[0].message, 'No topic page lists this article: "frusenaxel" is not one of the site\'s Axel topics (looked up in the Axel list of src/data/topics.ts). Did you mean "frusen-axel" (Frusen axel)?');
  assert.equal(ps[0].fixes?.[0].title, 'Change to "frusen-axel" (Frusen axel)');
  assert.equal(ps[0].fixes?.[0].edits[0].newText, '"frusen-axel"');
  assert.deepEqual(rules(await withSite({ topic: 'topic: "frusen-axel"' })).filter((r) => r.startsWith('topic')), []);
});

test('body part scoping: a topic of another body part has no page for this article', async () => {
  const ps = only(await withSite({ category: 'category: "kna"', topic: 'topic: frusen-axel' }), 'topic-no-page');
  assert.match(ps[0].message, /"frusen-axel" is a Axel topic, and its page lists only Axel articles; this one is Knä \(looked up in the Knä list/);
  const none = only(await withSite({ category: 'category: "kna"', topic: 'topic: "korsband"' }), 'topic-no-page');
  assert.match(none[0].message, /Pick one of its 1 topics/);
  assert.equal(none[0].fixes, undefined);
  const annat = only(await withSite({ category: 'category: "annat"', topic: 'topic: "fot"' }), 'topic-no-page');
  assert.match(annat[0].message, /topic pages only for Axel, Knä, Armbåge, not for the category "annat"/);
  assert.match(only(check(article({ topic: 'topic: "frusenaxel"' }), { site: await fixtureSite(), lang: 'sv' }), 'topic-no-page')[0].message, /^Ingen ämnessida listar artikeln: "frusenaxel" är inte ett av webbplatsens ämnen för Axel/);
});

test('without the site\'s topic list the topic rule is quiet; with it, topic-unknown gives way to it', async () => {
  assert.deepEqual(only(check(article({ topic: 'topic: "frusenaxel"' })), 'topic-no-page'), []);
  const broken = await loadSiteKnowledge({ topics: file('odd/broken.ts') });
  assert.deepEqual(only(check(article({ topic: 'topic: "frusenaxel"' }), { site: broken }), 'topic-no-page'), [], 'an unreadable list turns the rule off');
});

test('a relatedCondition that is no condition page is a warning with the known ones as fixes', async () => {
  const ps = only(await withSite({ relatedCondition: 'relatedCondition: "/sjukdomar/axel/frusen-axl"' }), 'condition-unknown');
  assert.equal(ps.length, 1);
  assert.match(ps[0].message, /"\/sjukdomar\/axel\/frusen-axl" is not one of the site's condition pages \(src\/data\/conditions\.ts\): the page shows no breadcrumb and no Fördjupning box for it\. Known: \/sjukdomar\/axel\/frusen-axel, \/sjukdomar\/kna\/menisk\./);
  assert.deepEqual(ps[0].fixes?.map((f) => [f.title, f.preferred]), [['Change to "/sjukdomar/axel/frusen-axel" (Frusen axel)', true], ['Change to "/sjukdomar/kna/menisk" (Meniskskada)', false]]);
  assert.deepEqual(only(await withSite({ relatedCondition: 'relatedCondition: "/sjukdomar/kna/menisk"' }), 'condition-unknown'), []);
});

test('a changed topics file changes what is known', async () => {
  const text = readFileSync(path.join(FIXTURES, 'src/data/topics.ts'), 'utf8');
  const before = await loadSiteKnowledge({ topics: { kind: 'file', file: 'src/data/topics.ts', text, explicit: false } });
  const changed = text.replace("id: 'menisk'", "id: 'meniskskada'");
  const after = await loadSiteKnowledge({ topics: { kind: 'file', file: 'src/data/topics.ts', text: changed, explicit: false } });
  const over = { category: 'category: "kna"', topic: 'topic: "meniskskada"' };
  assert.equal(only(check(article(over), { site: before }), 'topic-no-page').length, 1);
  assert.equal(only(check(article(over), { site: after }), 'topic-no-page').length, 0);
});
