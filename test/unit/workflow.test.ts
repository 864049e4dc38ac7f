import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { parseArticle } from '../../src/core/parse';
import { baseName, groupArticles } from '../../src/core/workflow/articleGroups';
import { newArticleText, QUESTION_PLACEHOLDER } from '../../src/core/workflow/newArticle';
import { fileSlug, isWindowsReserved, slugify, uniqueSlug } from '../../src/core/workflow/slug';
import { relativeFolder } from '../../src/core/workflow/articleFolder';
import { applyEdits } from '../../src/core/fix/index';
import { publishBlockers, statusEdits, type WorkflowAction } from '../../src/core/workflow/statusEdits';

/** The edits of a step that must not refuse. */
function stepEdits(text: string, action: WorkflowAction) {
  const r = statusEdits(text, action);
  assert.ok(r.ok, `refused: ${r.ok ? '' : r.reason}`);
  return r.edits;
}

const errors = (text: string) => createChecker().check(text).filter((p) => p.severity === 'error');

describe('slugify', () => {
  it('folds Swedish letters and accents', () => {
    assert.equal(slugify('Ont i knät när jag går i trappor'), 'ont-i-knaet-nar-jag-gar-i-trappor'.replace('knaet', 'knat'));
    assert.equal(slugify('Frusen axel – vad gör man?'), 'frusen-axel-vad-gor-man');
    assert.equal(slugify('Armbåge, café & öl'), 'armbage-cafe-ol');
    assert.equal(slugify('Smärta efter Bankart-operation (PRP)'), 'smarta-efter-bankart-operation-prp');
  });
  it('collapses and trims separators', () => {
    assert.equal(slugify('  --Hej!!  på   dig--  '), 'hej-pa-dig');
    assert.equal(slugify('Æble, øre, straße'), 'aeble-ore-strasse');
  });
  it('caps long titles at a word boundary', () => {
    const s = slugify('Jag har haft ont i axeln i flera månader och undrar om jag behöver opereras eller om träning räcker');
    assert.ok(s.length <= 70, s);
    assert.ok(!s.endsWith('-'));
    assert.ok('jag-har-haft-ont-i-axeln-i-flera-manader-och-undrar-om-jag-behover-opereras-eller'.startsWith(s));
    assert.equal(slugify('a'.repeat(100)).length, 70);
  });
  it('never returns an empty slug', () => {
    assert.equal(slugify('???'), 'artikel');
    assert.equal(slugify(''), 'artikel');
  });
  it('numbers collisions from -2', () => {
    const taken = new Set(['knat', 'knat-2']);
    assert.equal(uniqueSlug('knat', (s) => taken.has(s)), 'knat-3');
    assert.equal(uniqueSlug('axel', (s) => taken.has(s)), 'axel');
  });
});

describe('newArticleText', () => {
  const date = new Date(2024, 4, 3);
  it('passes the checker with zero errors, with and without optional parts', () => {
    const full = newArticleText({ title: 'Knät "viker" sig: vad göra?', category: 'kna', topic: 'menisk', question: 'Hej!\n\nMitt knä viker sig.\r\n   Indraget\tmed tabb  \nMVH', author: 'Dr. Test', date });
    assert.deepEqual(errors(full.text), []);
    const bare = newArticleText({ title: 'Titel', category: 'annat', date });
    assert.deepEqual(errors(bare.text), []);
    const indented = newArticleText({ title: 'T', category: 'axel', question: '  indraget först\nsen inte', date });
    assert.deepEqual(errors(indented.text), []);
    assert.equal(parseArticle(indented.text).data!.question, '  indraget först\nsen inte\n');
  });
  it('writes the expected fields', () => {
    const { text } = newArticleText({ title: ' Ont i axeln ', category: 'axel', topic: 'impingement', question: 'Rad 1\nRad 2', author: 'Dr. A', date });
    const d = parseArticle(text).data!;
    assert.equal(d.title, 'Ont i axeln');
    assert.equal(d.category, 'axel');
    assert.equal(d.topic, 'impingement');
    assert.deepEqual(d.tags, []);
    assert.ok(d.date instanceof Date);
    assert.match(text, /^date: 2024-05-03$/m);
    assert.equal(d.author, 'Dr. A');
    assert.equal(d.published, false);
    assert.equal(d.status, 'obesvarad');
    assert.equal(d.question, 'Rad 1\nRad 2\n');
    assert.ok(!('description' in d));
    assert.match(text, /\*\*Sammanfattning:\*\*\n\n- \n$/);
  });
  it('omits empty author and topic, and puts a placeholder question', () => {
    const { text } = newArticleText({ title: 'T', category: 'axel', topic: ' ', author: '', question: '\n \n', date });
    const d = parseArticle(text).data!;
    assert.ok(!('author' in d) && !('topic' in d));
    assert.equal(d.question, QUESTION_PLACEHOLDER + '\n');
  });
  it('puts the cursor on the empty answer line, also with CR LF', () => {
    for (const eol of ['\n', '\r\n']) {
      const { text, cursor } = newArticleText({ title: 'T', category: 'axel', date, eol });
      assert.equal(text.slice(cursor - eol.length * 2 - 3, cursor), `---${eol}${eol}`);
      assert.equal(text.slice(cursor, cursor + eol.length * 2 + 3), `${eol}${eol}**S`);
      if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(text));
      assert.deepEqual(errors(text), []);
    }
  });
});

const ART = (extra: string, eol = '\n') =>
  ['---', 'title: "Knät"', 'category: "kna"', 'date: 2024-05-03', ...extra.split('\n').filter(Boolean), 'question: |', '  Fråga?', '---', '', 'Svar.', '', '**Sammanfattning:**', '- Punkt', ''].join(eol);

describe('statusEdits', () => {
  it('changes only the status value, keeping its quotes', () => {
    const text = ART('published: false\nstatus: "obesvarad"');
    const out = applyEdits(text, stepEdits(text, 'markDraft'));
    assert.equal(out, text.replace('status: "obesvarad"', 'status: "utkast"'));
    const single = ART("published: false\nstatus: 'utkast'");
    assert.equal(applyEdits(single, stepEdits(single, 'markReady')), single.replace("'utkast'", "'klar'"));
    const plain = ART('published: false\nstatus: utkast # note');
    assert.equal(applyEdits(plain, stepEdits(plain, 'markReady')), plain.replace('utkast #', 'klar #'));
  });
  it('inserts a missing status after published, in the file style, keeping CR LF', () => {
    const text = ART('published: false', '\r\n');
    const out = applyEdits(text, stepEdits(text, 'markReady'));
    assert.equal(out, text.replace('published: false\r\n', 'published: false\r\nstatus: "klar"\r\n'));
    const noPub = ART('author: "X"');
    assert.equal(applyEdits(noPub, stepEdits(noPub, 'markDraft')), noPub.replace('question: |', 'status: "utkast"\nquestion: |'));
  });
  it('publishes: published true and status klar', () => {
    const text = ART('published: false\nstatus: "utkast"', '\r\n');
    const out = applyEdits(text, stepEdits(text, 'publish'));
    assert.equal(out, text.replace('published: false', 'published: true').replace('"utkast"', '"klar"'));
    const none = ART('');
    assert.equal(applyEdits(none, stepEdits(none, 'publish')), none.replace('question: |', 'published: true\nquestion: |'));
    const quoted = ART('published: "false"');
    assert.equal(applyEdits(quoted, stepEdits(quoted, 'publish')), quoted.replace('"false"', 'true'));
  });
  it('unpublishes, inserting published before status', () => {
    const text = ART('status: "klar"');
    assert.equal(applyEdits(text, stepEdits(text, 'unpublish')), text.replace('status: "klar"', 'published: false\nstatus: "klar"'));
  });
  it('fills an empty value and leaves no-ops empty', () => {
    const text = ART('published: false\nstatus:');
    assert.equal(applyEdits(text, stepEdits(text, 'markDraft')), text.replace('status:', 'status: "utkast"'));
    const done = ART('published: false\nstatus: "utkast"');
    assert.deepEqual(stepEdits(done, 'markDraft'), []);
  });
  it('refuses text without a closed frontmatter', () => {
    assert.deepEqual(statusEdits('Bara text', 'publish'), { ok: false, reason: 'workflow-no-frontmatter', args: [], line: 0 });
    assert.deepEqual(statusEdits('---\ntitle: x\n', 'publish'), { ok: false, reason: 'workflow-no-frontmatter', args: [], line: 0 });
  });
  it('blocks publishing on errors and blockPublish warnings', () => {
    const text = ART('published: false\nstatus: "obesvarad"').replace('Svar.', 'Ring 070-123 45 67.');
    const after = applyEdits(text, stepEdits(text, 'publish'));
    const blockers = publishBlockers(createChecker().check(after), ['published-incomplete', 'personal-data']);
    assert.deepEqual(blockers.map((p) => p.rule), ['personal-data']);
    const empty = ART('published: false\nstatus: "utkast"').replace(/\n\nSvar[\s\S]*$/, '\n');
    const b2 = publishBlockers(createChecker().check(applyEdits(empty, stepEdits(empty, 'publish'))), ['published-incomplete']);
    assert.deepEqual(b2.map((p) => p.rule), ['published-incomplete']);
    const bad = ART('published: false').replace('"kna"', '"Knä"');
    assert.ok(publishBlockers(createChecker().check(applyEdits(bad, stepEdits(bad, 'publish'))), []).some((p) => p.rule === 'schema-enum'));
  });
});

describe('workflow grouping', () => {
  const index = new CorpusIndex();
  const add = (file: string, fields: string) => index.set(file, entryOf(parseArticle(ART(fields))));
  add('/c/b.md', 'published: false\nstatus: "obesvarad"');
  add('/c/a.md', 'published: false\nstatus: "utkast"');
  add('/c/c.md', '');
  add('/c/d.md', 'published: false');
  it('groups by state, then category, with counts', () => {
    const g = groupArticles(index.files(), ['axel', 'kna']);
    assert.deepEqual(g.map((s) => [s.state, s.count]), [['unanswered', 1], ['draft', 2], ['ready', 0], ['published', 1]]);
    assert.deepEqual(g[1].categories.map((c) => [c.category, c.articles.map((a) => baseName(a.file))]), [['kna', ['a', 'd']]]);
  });
  it('filters by title, file name and question, ignoring case and accents', () => {
    assert.equal(groupArticles(index.files(), [], 'KNAT').reduce((n, s) => n + s.count, 0), 4);
    assert.equal(groupArticles(index.files(), [], 'fraga').reduce((n, s) => n + s.count, 0), 4);
    assert.deepEqual(groupArticles(index.files(), [], 'b').flatMap((s) => s.categories.flatMap((c) => c.articles.map((a) => a.file))), ['/c/b.md']);
  });
  it('filters folding å, ä, ö and accents both ways, and finds an article by a tag or topic alone', () => {
    const idx = new CorpusIndex();
    idx.set('/c/knat.md', { title: 'Ont i knät', category: 'kna', tags: ['smärta'], topic: 'menisk', published: true, questionLine: 'Jag har ont' });
    idx.set('/c/axel.md', { title: 'Stel axel', category: 'axel', tags: ['frozen-shoulder', 'Övningar'], topic: 'frusen-axel', published: true });
    idx.set('/c/arm.md', { title: 'Tennisarmbåge', category: 'armbage', tags: [], published: true });
    const found = (filter: string) => groupArticles(idx.files(), [], filter).flatMap((s) => s.categories.flatMap((c) => c.articles.map((a) => baseName(a.file)))).sort();
    for (const f of ['knät', 'KNAT', 'knat', 'Knä']) assert.deepEqual(found(f), ['knat'], f);
    for (const f of ['SMÄRTA', 'smarta', 'smär']) assert.deepEqual(found(f), ['knat'], f);
    assert.deepEqual(found('frozen-shoulder'), ['axel'], 'a tag only this article has');
    assert.deepEqual(found('ovningar'), ['axel'], 'a tag with Ö, typed without');
    assert.deepEqual(found('menisk'), ['knat'], 'the topic');
    assert.deepEqual(found('armbage'), ['arm']);
    assert.deepEqual(found('  '), ['arm', 'axel', 'knat'], 'blank keeps everything');
    assert.deepEqual(found('xyz'), []);
  });
  it('groups and filters 13,000 articles (speed: npm run bench)', () => {
    const big = new CorpusIndex();
    const cats = ['axel', 'kna', 'armbage', 'annat'];
    const st = ['obesvarad', 'utkast', 'klar', undefined];
    for (let i = 0; i < 13000; i++) {
      big.set(`/c/artikel-${i}.md`, { title: `Fråga nummer ${i} om smärta`, category: cats[i % 4], topic: 't', tags: ['a', 'b'], status: st[i % 4], published: i % 3 === 0, questionLine: 'Jag har ont i axeln' });
    }
    const g = groupArticles(big.files(), cats);
    assert.equal(g.reduce((n, s) => n + s.count, 0), 13000);
    // "nummer 12" matches the titles whose number starts with 12 (12, 120–129, 1200–1299, 12000–12999).
    const f = groupArticles(big.files(), cats, 'NUMMER 12');
    const expected = Array.from({ length: 13000 }, (_, i) => i).filter((i) => String(i).startsWith('12')).length;
    assert.equal(f.reduce((n, s) => n + s.count, 0), expected);
  });
});

describe('file names of new articles', () => {
  it('never a name Windows reserves, in any case or with trailing dots', () => {
    for (const [title, slug] of [['CON', 'con-artikel'], ['NUL', 'nul-artikel'], ['AUX', 'aux-artikel'], ['PRN.', 'prn-artikel'], ['COM1', 'com1-artikel'], ['lpt9', 'lpt9-artikel'], ['Com0', 'com0-artikel']]) {
      assert.equal(fileSlug(title), slug, title);
    }
    // A long title cut back to a device name is renamed too.
    assert.equal(fileSlug('Con ' + 'x'.repeat(80)), 'con-artikel');
    // Names that merely start with one are fine.
    assert.equal(fileSlug('Console och auxiliär'), 'console-och-auxiliar');
    assert.equal(fileSlug('COM10'), 'com10');
    assert.equal(fileSlug('Nul i knät'), 'nul-i-knat');
  });

  it('isWindowsReserved knows the device names with an extension or trailing spaces', () => {
    for (const n of ['con', 'CON.md', 'nul.tar.gz', 'aux ', 'Prn', 'com9.md', 'LPT1']) assert.ok(isWindowsReserved(n), n);
    for (const n of ['cons', 'com', 'lpt10', 'icon', 'con-artikel', 'artikel']) assert.ok(!isWindowsReserved(n), n);
  });

  it('slugify stays linear on runs of separators', () => {
    assert.equal(slugify('-'.repeat(50_000) + 'a' + ' '.repeat(50_000) + 'b' + '-'.repeat(50_000)), 'a-b');
  });
});

describe('the folder for new articles', () => {
  it('is relative to the workspace folder; .. may not climb out of it', () => {
    assert.deepEqual(relativeFolder('src/content/fraga-doktorn'), { segments: ['src', 'content', 'fraga-doktorn'] });
    assert.deepEqual(relativeFolder(' ./a\\b/../c/ '), { segments: ['a', 'c'] });
    assert.deepEqual(relativeFolder('a/b/../..'), { segments: [] });
    for (const s of ['..', '../x', 'a/../..', 'a/../../b', 'src\\..\\..', '.. /x', '.../x']) assert.deepEqual(relativeFolder(s), { refused: 'outside' }, s);
  });

  it('refuses absolute paths of every platform', () => {
    for (const s of ['/tmp', '/', '\\\\server\\share', '\\x', 'C:\\Users', 'c:foo', '~/x', '~']) assert.deepEqual(relativeFolder(s), { refused: 'absolute' }, s);
  });

  it('is a restricted setting in untrusted workspaces', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('qaArticles.newArticleFolder'));
  });
});
