import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { answerReadability } from '../../src/core/check/readability';
import { parseConfig } from '../../src/core/config';
import { applyEdits, fixAll } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import { renderArticle } from '../../src/core/render';
import { newArticleText } from '../../src/core/workflow/newArticle';
import { CORPUS, article, check, only } from './helpers';
import { rng } from './mutate';

const withBody = (body: string) => article({}, body + '\n\n**Sammanfattning:**\n- Vila\n');
const spans = (text: string, rule: string, options = {}) => only(check(text, options), rule).map((p) => text.slice(p.start, p.end));
const fixOne = (text: string, rule: string) => applyEdits(text, only(check(text), rule)[0].fixes![0].edits);

test('italics in the answer: a warning on *text* and _text_ with a fix that removes the markers', () => {
  const text = withBody('Det kallas *impingement* eller _inklämning_.');
  assert.deepEqual(spans(text, 'answer-italics'), ['*impingement*', '_inklämning_']);
  assert.equal(applyEdits(text, fixAll(only(check(text), 'answer-italics')).edits), withBody('Det kallas impingement eller inklämning.'));
  // Not bold, not a "* " list, not snake_case, not inside code, not a lone star.
  for (const body of ['Det är **viktigt** att vila.', '* en punkt\n* en till', 'Filen heter min_fil_namn.', 'Skriv `*så*` i koden.', '2 * 3 är 6 och 4 * 5 är 20.', '**Fet** och **fet**']) {
    assert.deepEqual(spans(withBody(body), 'answer-italics'), [], body);
  }
});

test('bold of more than six words is a warning; a few words and the summary label are not', () => {
  const text = withBody('**Vila axeln i två veckor och träna sedan försiktigt.** Sedan kan du börja.');
  const [p] = only(check(text), 'answer-bold');
  assert.equal(text.slice(p.start, p.end), '**Vila axeln i två veckor och träna sedan försiktigt.**');
  assert.match(p.message, /9 words/);
  assert.equal(p.fixes![0].preferred, undefined);
  assert.equal(fixOne(text, 'answer-bold'), withBody('Vila axeln i två veckor och träna sedan försiktigt. Sedan kan du börja.'));
  assert.deepEqual(spans(withBody('Det är **mycket viktigt att vila nu** och sedan träna.'), 'answer-bold'), []);
});

test('"Läs mer" links: a line of its own goes with its line; a link in a sentence goes alone', () => {
  const text = withBody('Det läker.\n\nLäs mer om [impingement](/sjukdomar/axel/impingement).\n\nVila.');
  assert.deepEqual(spans(text, 'answer-read-more'), ['Läs mer om [impingement](/sjukdomar/axel/impingement).']);
  assert.equal(fixOne(text, 'answer-read-more'), withBody('Det läker.\n\n\nVila.'));
  const inline = withBody('En studie från 2016. [Läs mer →](https://example.org/a)');
  assert.deepEqual(spans(inline, 'answer-read-more'), ['[Läs mer →](https://example.org/a)']);
  assert.equal(fixOne(inline, 'answer-read-more'), withBody('En studie från 2016.'));
  assert.deepEqual(spans(withBody('Du kan läsa mer om det hos din vårdcentral.'), 'answer-read-more'), []);
  assert.deepEqual(spans(withBody('Läs mer noggrant i remissen.'), 'answer-read-more'), []);
});

const hard = 'Rotatorkuffrupturer förekommer huvudsakligen hos medelålders personer. Degenerativa förändringar accelererar successivt senvävnadens försvagning. Konservativ sjukgymnastisk rehabilitering rekommenderas initialt.';

test('readability: LIX above the limit and long sentences are info, with the limits from the config', () => {
  const text = withBody(hard);
  const [p] = only(check(text), 'readability-lix');
  assert.equal(p.severity, 'info');
  assert.match(p.message, /^The answer has LIX \d+ \(very hard\); the project's limit is 55\./);
  assert.deepEqual(only(check(text, { config: parseConfig('{"lixMax": 100}') }), 'readability-lix'), []);
  const long = withBody('Jag ' + 'och du '.repeat(20) + 'vilar.');
  const [s] = only(check(long), 'sentence-length');
  assert.equal(s.severity, 'info');
  assert.match(s.message, /42 words long \(more than 35\)/);
  assert.deepEqual(only(check(long, { config: parseConfig('{"sentenceMaxWords": 50}') }), 'sentence-length'), []);
  assert.deepEqual(only(check(withBody('Vila. Träna sedan.')), 'readability-lix'), []);
  const [sv] = only(check(text, { lang: 'sv' }), 'readability-lix');
  assert.match(sv.message, /^Svaret har LIX \d+ \(mycket svår\); projektets gräns är 55\./);
});

test('an empty answer, or one that is only the skeleton, has no readability score', () => {
  const skeleton = newArticleText({ title: 'Ont i axeln', category: 'axel' }).text;
  assert.equal(answerReadability({ article: parseArticle(skeleton) }).lix, undefined);
  assert.match(renderArticle(parseArticle(skeleton)), /data-qa="lix">LIX: no answer text</);
  assert.equal(answerReadability({ article: parseArticle(article({}, '')) }).lix, undefined);
  for (const rule of ['readability-lix', 'sentence-length']) assert.deepEqual(only(check(skeleton), rule), []);
});

const present = fs.existsSync(CORPUS);
if (!present) console.log(`# skipped: the real corpus is not at ${CORPUS}`);

test('the real corpus: house-style counts, and the rule\'s LIX is the preview\'s LIX for every article', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const checker = createChecker();
  const count: Record<string, number> = {};
  let same = 0;
  const files = fs.readdirSync(CORPUS).filter((x) => x.endsWith('.md'));
  for (const f of files) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    for (const p of checker.check(text, f)) {
      if (['answer-italics', 'answer-bold', 'answer-read-more', 'readability-lix', 'sentence-length'].includes(p.rule)) count[p.rule] = (count[p.rule] ?? 0) + 1;
    }
    const a = parseArticle(text);
    const lix = answerReadability({ article: a }).lix;
    const shown = /data-qa="lix"(?: data-score="(\d+)")?/.exec(renderArticle(a))!;
    if ((lix ? String(Math.round(lix.score)) : undefined) === shown[1]) same++;
  }
  // Raw HTML's tags are no text: the words of its style attributes no longer make long sentences,
  // and its list items and paragraphs are sentences of their own.
  assert.deepEqual(count, { 'answer-italics': 3, 'answer-bold': 40, 'answer-read-more': 3, 'readability-lix': 31, 'sentence-length': 16 });
  assert.equal(same, files.length);
});

test('readability reads sentences as the rendered page shows them', () => {
  const counts = (body: string) => answerReadability({ article: parseArticle(article({}, body)) }).sentences.map((s) => s.words);
  // A stop before a tab, a no-break space or a line end ends one; before a control character it does not.
  assert.deepEqual(counts('Vila nu.\tTräna sedan.\u00a0Gå ut.\nSpring.\u0001Fort'), [2, 2, 2, 2]);
  // Emphasis markers are not text: "**Fas:** Man" reads "Fas: Man".
  assert.deepEqual(counts('**Fas 1:** Man vilar.'), [2, 2]);
  // A list item, a heading and a blank line start a new one; a link's address is no words.
  assert.deepEqual(counts('Inledning utan punkt\n- första punkten\n- andra [länken](https://exempel.se/en/lang/adress)\n\n## Rubrik här\nText'), [3, 2, 2, 2, 1]);
  // Each table cell is a block of its own; pipes without a delimiter row are text.
  assert.deepEqual(counts('| Vecka ett | Vila helt |\n|---|---|\n| Vecka två | Träna lätt |'), [2, 2, 2, 2]);
  assert.deepEqual(counts('| Vecka ett | Vila helt |\n| Vecka två | Träna lätt |'), [8]);
  // Lines of a quote go on with its paragraph; a heading is a block of its own.
  assert.deepEqual(counts('> Vila en\n> vecka till\n## Rubrik\nText'), [4, 1, 1]);
  // Long words: more than six letters, digits not counted.
  assert.equal(answerReadability({ article: parseArticle(article({}, 'Rehabiliteringen 1234567 tar tid.')) }).counts.longWords, 1);
});

test('the rule\'s readability counts are the preview\'s on generated answers (headings, lists, quotes, tables and stray pipes, code, links)', () => {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const pieces = ['`kod här`', 'Vila nu.', 'Träna sedan', 'ont i axeln', '**Fas 1:** vila', 'se [länken](https://a.se/x)', '1.5 mg', 'kl 08:30', 'Ja!', 'Varför?', 'AC-leden', 'röntgen’s', '*kursiv*', 'slut:'];
  const starts = ['', '', '', '- ', '1. ', '## ', '> ', '| ', 'table', 'fence'];
  const counted = (html: string) => {
    const m = /(\d+) words?, (\d+) sentences?, (\d+) long words?/.exec(html);
    return m ? { words: Number(m[1]), sentences: Number(m[2]), longWords: Number(m[3]) } : { words: 0, sentences: 0, longWords: 0 };
  };
  for (let i = 0; i < 600; i++) {
    const lines: string[] = [];
    for (let l = 0; l < 1 + Math.floor(r() * 6); l++) {
      const start = r() < 0.15 ? undefined : pick(starts);
      const words = () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(pieces)).join(' ');
      if (start === undefined) lines.push('');
      else if (start === 'fence') lines.push(`${pick(['```', '~~~'])}\n${words()}\n${words()}\n${r() < 0.8 ? pick(['```', '~~~']) : ''}`);
      else if (start === 'table') lines.push(`| ${pick(pieces)} | ${pick(pieces)} |\n|---|:--:|\n| ${pick(pieces)} | ${pick(pieces)} |${r() < 0.5 ? '\n' + words() : ''}`);
      else lines.push(start + words() + (start === '| ' ? ` | ${pick(pieces)} |` : ''));
    }
    const a = parseArticle(article({}, lines.join('\n')));
    assert.deepEqual(answerReadability({ article: a }).counts, counted(renderArticle(a, { lang: 'en' })), JSON.stringify(lines.join('\n')));
  }
});

test('the rule\'s readability counts are the preview\'s on generated answers with raw HTML (boxes, inline tags, comments, scripts)', () => {
  const r = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const pieces = ['Vila nu.', 'Träna sedan', 'ont i axeln', '<b>fet</b> text', '<span style="color: red">röd färg</span>', 'rad<br>bryts', 'Ja!', '<!-- dold -->', '<script>x()</script>', '**Fas 1:** vila', '`<b>kod</b>`'];
  const starts = ['', '', '- ', '## ', '<div style="background: #dcfce7; padding: 1rem;">', '</div>', '<p>', '<strong style="color: #166534">Rubrik</strong>', '<!-- en\nkommentar -->', '<ul><li>', '<script>\nlet x = 1;\n</script>', '<pre>\nkod rad\n\nmer\n</pre>'];
  const counted = (html: string) => {
    const m = /(\d+) words?, (\d+) sentences?, (\d+) long words?/.exec(html);
    return m ? { words: Number(m[1]), sentences: Number(m[2]), longWords: Number(m[3]) } : { words: 0, sentences: 0, longWords: 0 };
  };
  for (let i = 0; i < 600; i++) {
    const lines: string[] = [];
    for (let l = 0; l < 1 + Math.floor(r() * 7); l++) {
      const start = r() < 0.2 ? undefined : pick(starts);
      const words = () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(pieces)).join(' ');
      if (start === undefined) lines.push('');
      else lines.push(start + (start.endsWith('>') && r() < 0.5 ? '' : words()));
    }
    const a = parseArticle(article({}, lines.join('\n')));
    assert.deepEqual(answerReadability({ article: a }).counts, counted(renderArticle(a, { lang: 'en' })), JSON.stringify(lines.join('\n')));
  }
});

test('the rule\'s readability counts are the preview\'s on answers with look-alike tables, lists and fenced code', () => {
  const counted = (html: string) => {
    const m = /(\d+) words?, (\d+) sentences?, (\d+) long words?/.exec(html);
    return m ? { words: Number(m[1]), sentences: Number(m[2]), longWords: Number(m[3]) } : { words: 0, sentences: 0, longWords: 0 };
  };
  const bodies = [
    '| Vecka |\n- en punkt här',
    '| Vecka | Dag |\nText med några ord',
    '| A | B |\n- | - |\n| c | d |',
    '| A | B |\n|---|---|\n- en punkt\n| c | d |',
    '    indragen kod | med pipe\n    |---|\n\nText.',
    // Fenced code is code: neither the rule nor the preview counts its words.
    'Före koden.\n\n```\nkod | här\n|---|\n```\n\nEfter koden.',
    '~~~\n*inte kursiv*\n~~~\nVila [länk](https://exempel.se/a|b) nu.',
    'Text före\n```js\nlet x = 1. Och mer.\n```\n- punkt efter',
    // Reference definitions show no text; one right under a line of text goes on with it, and is text.
    'Vila nu.\n\n[1]: https://www.1177.se/x "Titel"\n[r2]: <./a b.webp>',
    'Vila nu.\n\n[1]:\n  https://www.1177.se/x\n  "En titel på\n  två rader"\n\nMer text',
    'Vila nu\n[1]: https://www.1177.se/x',
    '- Vila\n\n  [1]: https://www.1177.se/x\n- Is',
    'Vila nu.\n\n---\n\n* * *',
    'Vila nu\n***\nsedan mer',
  ];
  for (const body of bodies) {
    const a = parseArticle(article({}, body));
    assert.deepEqual(answerReadability({ article: a }).counts, counted(renderArticle(a, { lang: 'en' })), JSON.stringify(body));
  }
});

test('italics and bold inside fenced code are code, not the answer\'s style; each rule works when the others are off', () => {
  for (const fence of ['```', '~~~', '````']) {
    const text = withBody(`Före *kursiv*.\n\n${fence}\nx = *inte kursiv* och **inte fet text med många ord i sig här**\n${fence}\n\nEfter _kursiv_.`);
    assert.deepEqual(spans(text, 'answer-italics'), ['*kursiv*', '_kursiv_'], fence);
    assert.deepEqual(spans(text, 'answer-bold'), [], fence);
  }
  const text = withBody('Det kallas *impingement*. **Vila axeln i två veckor och träna sedan försiktigt.**\n\nLäs mer om [axeln](/sjukdomar/axel).');
  const only1 = (rule: string) => {
    const rules = Object.fromEntries(['answer-italics', 'answer-bold', 'answer-read-more'].map((r) => [r, r === rule ? 'warning' : 'off']));
    return check(text, { config: parseConfig(JSON.stringify({ rules })) }).map((p) => p.rule).filter((r) => r.startsWith('answer-'));
  };
  assert.deepEqual(only1('answer-italics'), ['answer-italics']);
  assert.deepEqual(only1('answer-bold'), ['answer-bold']);
  assert.deepEqual(only1('answer-read-more'), ['answer-read-more']);
});
