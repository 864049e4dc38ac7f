import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { en, format, sv, type MessageKey } from '../../src/core/i18n/messages';
import { fillTemplate } from '../../src/core/i18n/plural';
import { ui } from '../../src/core/render/strings';

test('plural forms by the language\'s rules, for 0, 1 and 2, in English and Swedish', () => {
  const cases: [MessageKey, 'en' | 'sv', (number | string)[], string][] = [
    ['cli-clean', 'en', [0], '0 files checked: no problems.'],
    ['cli-clean', 'en', [1], '1 file checked: no problems.'],
    ['cli-clean', 'en', [2], '2 files checked: no problems.'],
    ['cli-clean', 'sv', [0], '0 filer kontrollerade: inga problem.'],
    ['cli-clean', 'sv', [1], '1 fil kontrollerad: inga problem.'],
    ['cli-clean', 'sv', [2], '2 filer kontrollerade: inga problem.'],
    ['cli-summary', 'en', [1, 1, 1, 1], '1 file checked: 1 error, 1 warning, 1 suggestion.'],
    ['cli-summary', 'en', [2, 0, 2, 0], '2 files checked: 0 errors, 2 warnings, 0 suggestions.'],
    ['cli-summary', 'sv', [1, 1, 1, 1], '1 fil kontrollerad: 1 fel, 1 varning, 1 förslag.'],
    ['cli-summary', 'sv', [2, 0, 2, 0], '2 filer kontrollerade: 0 fel, 2 varningar, 0 förslag.'],
    ['cli-baseline-hidden', 'en', [1, 'b.json'], '1 known warning is hidden by the baseline b.json; --no-baseline shows it.'],
    ['cli-baseline-hidden', 'en', [2, 'b.json'], '2 known warnings are hidden by the baseline b.json; --no-baseline shows them.'],
    ['cli-baseline-hidden', 'sv', [1, 'b.json'], '1 känd varning döljs av baslinjen b.json; --no-baseline visar den.'],
    ['cli-baseline-hidden', 'sv', [2, 'b.json'], '2 kända varningar döljs av baslinjen b.json; --no-baseline visar dem.'],
  ];
  for (const [key, lang, args, want] of cases) assert.equal(format(lang, key, ...args), want, `${key} ${lang} ${args}`);
  for (const [n, e, s] of [[0, '0 articles', '0 artiklar'], [1, '1 article', '1 artikel'], [2, '2 articles', '2 artiklar']] as const) {
    assert.ok(format('en', 'tag-variant', 'a', 'b', n).includes(`(used in ${e})`));
    assert.ok(format('sv', 'tag-variant', 'a', 'b', n).includes(`(används i ${s})`));
  }
  assert.equal(ui('sv', 'wordsSentences', 1, 1, 1), '1 ord, 1 mening, 1 långt ord');
  assert.equal(ui('sv', 'wordsSentences', 2, 2, 0), '2 ord, 2 meningar, 0 långa ord');
  assert.equal(ui('en', 'wordsSentences', 1, 2, 1), '1 word, 2 sentences, 1 long word');
});

test('templates: placeholders, exact matches, nested placeholders, and text left alone', () => {
  assert.equal(fillTemplate('en', '{0, plural, =0 {none} one {# tag} other {# tags}} in {1}', [0, 'x']), 'none in x');
  assert.equal(fillTemplate('en', '{0, plural, one {one of {1}} other {# of {1}}}', [3, 'x']), '3 of x');
  assert.equal(fillTemplate('en', 'keep {9} and `{` alone', []), 'keep {9} and `{` alone');
  assert.equal(fillTemplate('en', '{0, plural, one {# a} other {# b}}', ['x']), '{0, plural, one {# a} other {# b}}');
});

const ROOT = path.join(__dirname, '../..');
const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.sv.json'), 'utf8')) as Record<string, string>;

test('the extension\'s counted strings read right for 0, 1 and 2 in both languages', () => {
  const plural = Object.keys(bundle).filter((k) => k.includes(', plural,'));
  assert.ok(plural.length >= 7, plural.join('\n'));
  const checked = 'Checked {0, plural, one {# article} other {# articles}}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}.';
  assert.equal(fillTemplate('en', checked, [1, 1, 1]), 'Checked 1 article: 1 error, 1 warning.');
  assert.equal(fillTemplate('en', checked, [2, 0, 2]), 'Checked 2 articles: 0 errors, 2 warnings.');
  assert.equal(fillTemplate('sv', bundle[checked], [1, 1, 1]), 'Kontrollerade 1 artikel: 1 fel, 1 varning.');
  assert.equal(fillTemplate('sv', bundle[checked], [0, 2, 2]), 'Kontrollerade 0 artiklar: 2 fel, 2 varningar.');
  const used = 'Used in {0, plural, one {# article} other {# articles}}';
  assert.deepEqual([0, 1, 2].map((n) => fillTemplate('sv', bundle[used], [n])), ['Används i 0 artiklar', 'Används i 1 artikel', 'Används i 2 artiklar']);
  // Every plural in the Swedish text has both forms ("fel" and "förslag" need none).
  for (const k of plural) assert.equal((bundle[k].match(/one \{/g) ?? []).length, (bundle[k].match(/other \{/g) ?? []).length, k);
});

test('every message of the core exists in both languages, with the same placeholders and no jargon', () => {
  const holes = (s: string) => [...new Set([...s.matchAll(/\{(\d+)/g)].map((m) => m[1]))].sort().join(',');
  for (const key of Object.keys(en) as MessageKey[]) {
    assert.ok(sv[key] && sv[key].trim() !== '', `${key} has Swedish`);
    assert.equal(holes(sv[key]), holes(en[key]), `${key}: the same placeholders`);
  }
  assert.deepEqual(Object.keys(sv).sort(), Object.keys(en).sort());
  // The YAML syntax messages name YAML on purpose (the hover says what it is); no other message uses these words.
  const jargon = /\b(frontmatter|frontmattern|null|slug)\b/i;
  // A field's name in backticks (`slug`) is what the writer sees in the file, not jargon.
  const words = (m: string) => m.replace(/`[^`]*`/g, '');
  const offenders = (Object.keys(en) as MessageKey[]).filter((k) => !/^(yaml|cli|workflow|tag-rename)-/.test(k) && (jargon.test(words(en[k])) || jargon.test(words(sv[k]))));
  assert.deepEqual(offenders, []);
  assert.match(format('sv', 'answer-heading'), /^Husstilen använder inga rubriker i svaret/);
});
