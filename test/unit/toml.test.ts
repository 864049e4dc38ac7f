import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
// @ts-expect-error TS1479: smol-toml's types are an ES module's; its CommonJS build is what runs.
import { stringify } from 'smol-toml';
import { cursorContext } from '../../src/core/complete/context';
import { CorpusIndex } from '../../src/core/corpus';
import { hoverAt } from '../../src/core/complete/hover';
import { applyEdits, fixAllText } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import { defaultSchema } from '../../src/core/schema';
import { statusEdits } from '../../src/core/workflow/statusEdits';
import { tagRename } from '../../src/core/workflow/tagEdits';
import type { Problem } from '../../src/core/types';
import { article, at, check, CORPUS, joinLines, only, rules } from './helpers';
import { buildFails } from './siteBuild';

/** The answer of the articles below. */
const ANSWER = ['', 'Svaret.', '', '**Sammanfattning:**', '- En punkt', ''];

/** An article whose fields are written in TOML between `+++` lines. */
const TOML_ARTICLE = joinLines(
  '+++',
  'title = "Ont i knät när jag springer"',
  'description = "' + 'x'.repeat(130) + '"',
  'category = "kna"',
  'tags = ["löparknä", "knäsmärta"]',
  'date = 2024-03-05',
  'author = "Dr. A"',
  'published = true',
  'question = """',
  'Hej!',
  '',
  'Varför gör knät ont?"""',
  '+++',
  ...ANSWER,
);

const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');

test('fields in TOML between +++ lines build on the site: no error, one warning that the editor helps with YAML only, and a fix that writes the same values as YAML', () => {
  assert.equal(buildFails(TOML_ARTICLE), false);
  const ps = check(TOML_ARTICLE);
  assert.deepEqual(errors(ps), []);
  const [w] = only(ps, 'frontmatter-toml');
  assert.equal(w.severity, 'warning');
  assert.equal(at(w), '1:1-1:4');
  assert.match(w.message, /TOML, between lines `\+\+\+`.*YAML between lines `---`/);
  const fix = w.fixes![0];
  assert.equal(fix.title, 'Write the fields as YAML between lines `---`');
  const yaml = applyEdits(TOML_ARTICLE, fix.edits);
  assert.equal(
    yaml,
    joinLines(
      '---',
      'title: "Ont i knät när jag springer"',
      'description: "' + 'x'.repeat(130) + '"',
      'category: "kna"',
      'tags: ["löparknä", "knäsmärta"]',
      'date: 2024-03-05',
      'author: "Dr. A"',
      'published: true',
      'question: |-',
      '  Hej!',
      '',
      '  Varför gör knät ont?',
      '---',
      ...ANSWER,
    ),
  );
  assert.deepEqual(check(yaml), []);
  assert.deepEqual(parseArticle(yaml).data, parseArticle(TOML_ARTICLE).data);
});

test('a TOML article gets the schema\'s verdicts at its own lines, and no fix that would write YAML into it; the answer\'s fixes stay', () => {
  const text = TOML_ARTICLE.replace('category = "kna"', 'category = "knä"').replace('date = 2024-03-05', 'date = "2024-03-05"').replace('Svaret.', 'Svaret med *kursiv* text.');
  assert.equal(buildFails(text), true);
  const ps = check(text);
  const [cat] = only(ps, 'schema-enum');
  assert.equal(at(cat), '4:13-4:16');
  assert.equal(cat.fixes, undefined);
  const [date] = only(ps, 'yaml-type');
  assert.equal(at(date), '6:9-6:19');
  assert.equal(date.fixes, undefined);
  const [italics] = only(ps, 'answer-italics');
  assert.ok(italics.fixes?.length, 'the answer is Markdown as in any article: its fixes stand');
  // Fix all writes the fields as YAML, and then mends them as in any article.
  const fixed = fixAllText(text, (t) => check(t)).text;
  assert.ok(fixed.startsWith('---\ntitle: "Ont i knät när jag springer"\n'));
  assert.equal(buildFails(fixed), false);
});

test('YAML fields behind +++ fences fail the build (the site reads TOML there): one error on the fence, and the fix puts --- in its place', () => {
  const yamlText = article();
  for (const text of [yamlText.replace(/^---/, '+++'), yamlText.replace(/^---/, '+++').replace('\n---\n', '\n+++\n')]) {
    assert.equal(buildFails(text), true);
    const ps = check(text);
    assert.deepEqual(rules(ps), ['yaml-syntax']);
    assert.equal(at(ps[0]), '1:1-1:4');
    assert.match(ps[0].message, /start with `\+\+\+`, so the site reads them as TOML, not YAML/);
    const fix = ps[0].fixes![0];
    assert.equal(fix.title, 'Start and end the fields with `---`');
    assert.equal(fix.preferred, true);
    assert.equal(applyEdits(text, fix.edits), yamlText);
  }
});

test('TOML the site cannot read: one error on the line, in words; an unclosed +++ block gets no guessed fence', () => {
  const text = TOML_ARTICLE.replace('author = "Dr. A"', 'author = "Dr. A');
  assert.equal(buildFails(text), true);
  const ps = check(text);
  assert.deepEqual(rules(errors(ps)), ['yaml-syntax']);
  assert.equal(ps[0].range.start.line, 6);
  assert.match(ps[0].message, /line 7 is not TOML/);
  assert.doesNotMatch(ps[0].message, /Invalid TOML|unterminated|illegal/i);
  assert.match(check(text, { lang: 'sv' })[0].message, /rad 7 är inte TOML/);

  const unclosed = '+++\ntitle = "x"\n\nSvaret.\n';
  assert.equal(buildFails(unclosed), true);
  const [u] = check(unclosed);
  assert.equal(u.rule, 'frontmatter-unclosed');
  assert.deepEqual(u.fixes ?? [], []);
});

test('the workflow steps and tag renames refuse TOML fields, changing nothing; suggestions are not offered in them, hovers are', () => {
  const publish = statusEdits(TOML_ARTICLE.replace('published = true', 'published = false'), 'publish');
  assert.equal(publish.ok, false);
  assert.equal(!publish.ok && publish.reason, 'workflow-toml');
  const rename = tagRename(TOML_ARTICLE, 'löparknä', 'löpning');
  assert.equal(rename.ok, false);
  assert.equal(!rename.ok && rename.reason, 'tag-rename-toml');
  assert.equal(cursorContext(TOML_ARTICLE, TOML_ARTICLE.indexOf('"kna"') + 1), undefined);
  const hover = hoverAt(TOML_ARTICLE, TOML_ARTICLE.indexOf('category') + 2, { schema: defaultSchema(), index: new CorpusIndex(), lang: 'en' });
  assert.ok(hover?.markdown.includes('category'));
});

/** A value as a writer would write it in TOML: text of several lines between `\'\'\'`, a date without a time as a date. */
function tomlValue(key: string, v: unknown): string {
  if (typeof v === 'string' && v.includes('\n') && !v.includes("\'\'\'") && !/[\0-\x08\x0b-\x1f\x7f]/.test(v)) return `${key} = \'\'\'\n${v}\'\'\'`;
  if (v instanceof Date && v.getTime() % 86400000 === 0) return `${key} = ${v.toISOString().slice(0, 10)}`;
  return stringify({ [key]: v });
}

/** The article's YAML fields written as TOML between `+++` lines. */
function asToml(text: string): string | undefined {
  const m = /^---\r?\n([\s\S]*?\r?\n)---(\r?\n[\s\S]*)?$/.exec(text);
  if (!m) return undefined;
  const data = load(m[1]);
  if (!data || typeof data !== 'object') return undefined;
  return `+++\n${Object.entries(data).map(([k, v]) => tomlValue(k, v)).join('\n')}\n+++${m[2] ?? ''}`;
}

test('every real article written in TOML: the same verdict, the same problems besides the TOML warning, and a fix back to the same values', { skip: !fs.existsSync(CORPUS) && `the corpus is not at ${CORPUS}` }, () => {
  let n = 0;
  for (const f of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
    const yaml = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    const toml = asToml(yaml);
    if (!toml) continue;
    n++;
    assert.equal(buildFails(toml), buildFails(yaml), f);
    const ours = check(toml);
    const theirs = check(yaml);
    assert.deepEqual(ours.filter((p) => p.rule !== 'frontmatter-toml').map((p) => `${p.rule} ${p.message}`).sort(), theirs.map((p) => `${p.rule} ${p.message}`).sort(), f);
    const [w] = only(ours, 'frontmatter-toml');
    const back = applyEdits(toml, w.fixes![0].edits);
    assert.deepEqual(parseArticle(back).data, parseArticle(yaml).data, f);
  }
  assert.ok(n > 600, `${n} articles written in TOML`);
});

test('the fix to YAML loses nothing: not offered over a comment or a table, and each field is written in its own place', () => {
  for (const extra of ['# granskad av Anna', 'note = "x" # granskad', '[extra]\nkey = 1']) {
    const text = TOML_ARTICLE.replace('published = true\n', `published = true\n${extra}\n`);
    const [w] = only(check(text), 'frontmatter-toml');
    assert.deepEqual(w.fixes ?? [], [], extra);
  }
  // Indented keys and blank lines between fields: each field replaced where it stands, the result read back the same.
  const spaced = TOML_ARTICLE.replace('category = "kna"\n', '  category = "kna"\n\n');
  const [w] = only(check(spaced), 'frontmatter-toml');
  const back = applyEdits(spaced, w.fixes![0].edits);
  assert.deepEqual(parseArticle(back).data, parseArticle(TOML_ARTICLE).data);
  assert.equal(w.fixes![0].edits.length, 2 + 8, 'the two fences and the eight fields');
});

test('messages about fields in TOML show their examples as TOML', () => {
  const text = TOML_ARTICLE.replace('title = "Ont i knät när jag springer"\n', '').replace('date = 2024-03-05', 'date = "2024-03-05"').replace('tags = ["löparknä", "knäsmärta"]', 'tags = "löparknä"');
  const messages = errors(check(text)).map((p) => p.message);
  assert.ok(messages.includes('Missing required field `title`: add a line title = ""'), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('write date = 2024-03-05 for "2024-03-05"')));
  assert.ok(messages.some((m) => m.includes('e.g. tags = ["löparknä"]')));
  assert.ok(!messages.some((m) => /\b(title|date|tags): /.test(m)));
  const noQuestion = errors(check(text.replace(/question = """[^]*?"""\n/, ''))).map((p) => p.message);
  assert.ok(noQuestion.includes('Missing required field `question`: add a line question = """'), noQuestion.join('\n'));
});

test('the fix to YAML writes a time of day, infinity and not-a-number as the site reads them back, and refuses a value YAML would read otherwise', () => {
  const fixed = (extra: string) => {
    const text = TOML_ARTICLE.replace('published = true\n', `published = true\n${extra}\n`);
    const fix = only(check(text), 'frontmatter-toml')[0].fixes?.[0];
    return fix && applyEdits(text, fix.edits);
  };
  assert.match(fixed('date2 = 2024-03-05T10:30:00Z') ?? '', /\ndate2: 2024-03-05T10:30:00\.000Z\n/);
  assert.match(fixed('big = inf\nsmall = -inf\nodd = nan') ?? '', /\nbig: \.inf\nsmall: -\.inf\nodd: \.nan\n/);
  // A time without a day is a date in year 0 to TOML; YAML would read that text as another year.
  assert.equal(fixed('t = 10:00:00'), undefined);
  assert.equal(fixed('x = { a = 1 }'), undefined);
});
