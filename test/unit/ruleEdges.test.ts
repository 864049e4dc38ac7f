// Behaviour of the rules that a plausible slip in the code would change without any other test
// noticing (each was found by putting such a slip in and running the suite).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../src/cli/main';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { findPersonalData } from '../../src/core/check/personalData';
import { parseArticle } from '../../src/core/parse';
import { md } from '../../src/core/render/markdown';
import { RULES, type RuleId } from '../../src/core/rules';
import { article, check, only, rules } from './helpers';

const config = (r: Record<string, string>) => ({ ...DEFAULT_CONFIG, rules: r }) as typeof DEFAULT_CONFIG;

describe('rules set to "off"', () => {
  // An article that breaks many rules at once.
  const bad = article(
    { title: `title: "${'Lång rubrik '.repeat(7)}"`, description: 'description: "kort"', tittle: 'tittle: "x"', tags: 'tags: ["smärta", "smärta"]', date: 'date: 2017-02-30' },
    '# Rubrik\n\nRing 070-123 45 67.\n',
  );
  const all = new Set(rules(check(bad)));

  it('the sample breaks the rules it should', () => {
    for (const r of ['title-length', 'description-length', 'unknown-field', 'tag-duplicate', 'date-invalid', 'answer-heading', 'personal-data', 'summary-block']) assert.ok(all.has(r), r);
  });
  for (const rule of ['title-length', 'description-length', 'unknown-field', 'tag-duplicate', 'date-invalid', 'answer-heading', 'personal-data', 'summary-block']) {
    it(`${rule}: off reports nothing, and leaves the others`, () => {
      const got = new Set(rules(check(bad, { config: config({ [rule]: 'off' }) })));
      assert.ok(!got.has(rule), `${rule} still reported`);
      for (const r of all) if (r !== rule) assert.ok(got.has(r), `${r} lost when ${rule} is off`);
    });
  }
  it('a severity given in the config is the one reported', () => {
    const ps = only(check(bad, { config: config({ 'title-length': 'error', 'answer-heading': 'info' }) }), 'title-length');
    assert.deepEqual(ps.map((p) => p.severity), ['error']);
    assert.deepEqual(only(check(bad, { config: config({ 'answer-heading': 'info' }) }), 'answer-heading').map((p) => p.severity), ['info']);
    assert.equal(RULES['title-length' as RuleId].severity, 'warning');
  });
});

describe('file-unreadable', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  async function run(files: Record<string, string | Buffer>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-unreadable-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, '.qa-articles.json'), '{"include": ["**/*.md"]}');
    for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), c);
    let stdout = '';
    const code = await main(['check', '--format', 'json'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: dir, env: {}, isTTY: false });
    return { code, out: JSON.parse(stdout) as { problems: { rule: string; severity: string }[] } };
  }
  // A PNG saved with an .md name.
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  it('is an error by default', async () => {
    const r = await run({ 'a.md': binary });
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.problems.map((p) => [p.rule, p.severity]), [['file-unreadable', 'error']]);
  });
  it('reports nothing when turned off, and follows a changed severity', async () => {
    const off = await run({ 'a.md': binary, '.qa-articles.json': JSON.stringify({ include: ['**/*.md'], rules: { 'file-unreadable': 'off' } }) });
    assert.deepEqual(off.out.problems, []);
    assert.equal(off.code, 0);
    const warn = await run({ 'a.md': binary, '.qa-articles.json': JSON.stringify({ include: ['**/*.md'], rules: { 'file-unreadable': 'warning' } }) });
    assert.deepEqual(warn.out.problems.map((p) => [p.rule, p.severity]), [['file-unreadable', 'warning']]);
  });
});

describe('corpus rules on a document whose YAML does not parse', () => {
  const index = new CorpusIndex();
  for (let i = 0; i < 3; i++) index.set(`/c/${i}.md`, entryOf(parseArticle(article({ title: `title: "Samma rubrik"`, tags: 'tags: ["smärta"]', topic: 'topic: "impingement"' }))));
  const fields = { title: 'title: "Samma rubrik"', tags: 'tags: ["Smärta"]', topic: 'topic: "impingment"' };
  it('run on a readable one', () => {
    const got = rules(check(article(fields), { index }, '/c/new.md'));
    for (const r of ['duplicate-title', 'tag-variant', 'topic-unknown']) assert.ok(got.includes(r), r);
  });
  it('stay quiet while the YAML is broken: the syntax error is what to fix', () => {
    const broken = article({ ...fields, author: 'author: "Dr. A"\n  bad: indentation: here' });
    const got = rules(check(broken, { index }, '/c/new.md'));
    assert.ok(got.includes('yaml-syntax'), got.join());
    for (const r of ['duplicate-title', 'tag-variant', 'topic-unknown']) assert.ok(!got.includes(r), `${r} on broken YAML`);
  });
});

describe('topic-unknown', () => {
  it('flags a saved typo although the article itself is in the index', () => {
    const index = new CorpusIndex();
    for (let i = 0; i < 4; i++) index.set(`/c/${i}.md`, entryOf(parseArticle(article({ topic: 'topic: "impingement"' }))));
    const text = article({ topic: 'topic: "impingment"' });
    index.set('/c/me.md', entryOf(parseArticle(text)));
    const ps = only(check(text, { index }, '/c/me.md'), 'topic-unknown');
    assert.deepEqual(ps.map((p) => p.message), ['New topic "impingment": did you mean "impingement" (used in 4 articles)?']);
  });
  it('a topic another article also uses is no typo', () => {
    const index = new CorpusIndex();
    for (let i = 0; i < 4; i++) index.set(`/c/${i}.md`, entryOf(parseArticle(article({ topic: 'topic: "impingement"' }))));
    index.set('/c/other.md', entryOf(parseArticle(article({ topic: 'topic: "impingment"' }))));
    const text = article({ topic: 'topic: "impingment"' });
    index.set('/c/me.md', entryOf(parseArticle(text)));
    assert.deepEqual(only(check(text, { index }, '/c/me.md'), 'topic-unknown'), []);
  });
});

describe('personal data', () => {
  const kinds = (s: string) => findPersonalData(s).map((m) => [m.kind, s.slice(m.start, m.end)]);
  it('a samordningsnummer (day + 60) with a valid check digit', () => {
    assert.deepEqual(kinds('Mitt nummer är 701063-1237.'), [['personnummer', '701063-1237']]);
    assert.deepEqual(kinds('19701063-1237'), [['personnummer', '19701063-1237']]);
  });
  it('no day 32, 0 or 92, no month 13, even with a valid check digit', () => {
    assert.deepEqual(kinds('850131-1230'), [['personnummer', '850131-1230']]);
    for (const s of ['850132-1239', '850100-1237', '851299-1236', '851300-1233']) assert.deepEqual(kinds(s), [], s);
  });
  it('short landline numbers with an area code', () => {
    for (const s of ['031-12 34 56', '031-123456', '08-123 456 78', '031 12 34 56', '+46 31 12 34 56']) assert.deepEqual(kinds(`Ring ${s} i dag`), [['phone', s]], s);
    assert.deepEqual(kinds('Ring 070-123 45 67'), [['phone', '070-123 45 67']]);
  });
  it('not dates, sizes or years', () => {
    for (const s of ['2017-08-15', '1 000 000 kr', 'år 2019 och 2020', 'v. 12-14']) assert.deepEqual(kinds(s), [], s);
  });
});

describe('title length', () => {
  const warn = (title: string) => only(check(article({ title: `title: "${title}"` })), 'title-length').map((p) => p.message);
  it('counts what a reader sees as one character as one', () => {
    // 59 letters and one emoji with a skin tone (two code points, four UTF-16 units) are 60.
    assert.deepEqual(warn('a'.repeat(59) + '👍🏽'), []);
    assert.deepEqual(warn('a'.repeat(58) + '🇸🇪'), []);
    // An å typed as a + combining ring is one character too.
    assert.deepEqual(warn('a'.repeat(59) + 'a\u030a'), []);
    assert.deepEqual(warn('å'.repeat(60)), []);
    assert.deepEqual(warn('a'.repeat(60) + '😀'), ['The title is 61 characters; keep it at most 60 (it is the Google result title).']);
  });
});

describe('answer-heading and code fences', () => {
  const headings = (body: string) => only(check(article({}, body + '\n\n**Sammanfattning:**\n- p\n')), 'answer-heading').map((p) => p.range.start.line);
  /** The lines markdown-it renders as ATX headings: what the site shows. */
  const siteHeadings = (body: string) => md.parse(body, {}).filter((t) => t.type === 'heading_open' && t.markup.startsWith('#')).map((t) => t.map![0]);
  const BODY_LINE = article({}, '').split('\n').length - 1;
  const cases = [
    '```\nkod\n```\n\n# Efter ett stängt block',
    '~~~\n# i koden\n~~~\n# Efter',
    '````\n```\n# i koden\n````\n# Efter',
    '```js\n```python\n# i koden\n```\n## Efter',
    '```\n~~~\n# i koden\n```\n# Efter',
    '``` x ` y\n# en rubrik: det var ingen fence\n',
    '```\nkod som aldrig stängs\n# i koden',
    '    # indragen kod\n\n#Ingen rubrik\n\n#\n\n###### Sex',
    '\t# tabb är indragen kod',
  ];
  for (const body of cases) {
    it(`reports the headings the site renders: ${JSON.stringify(body.slice(0, 30))}`, () => {
      assert.deepEqual(headings(body).map((l) => l - BODY_LINE), siteHeadings(body));
    });
  }
  it('a heading after a closed fence is still found', () => {
    assert.equal(headings('```\nx\n```\n# Rubrik').length, 1);
  });
});

describe('date-invalid', () => {
  it('a date written in another form than YYYY-MM-DD (a tag, a time, an alias) is read, not a crash', () => {
    for (const date of ['date: !!timestamp 2017-08-15', 'date: 2017-08-15T10:30:00Z', 'date: 2017-8-5', 'x-first: &d 2017-08-15\ndate: *d']) {
      const ps = check(article({ date }));
      assert.deepEqual(only(ps, 'date-invalid'), [], date);
    }
  });
});
