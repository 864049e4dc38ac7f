import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createChecker } from '../../src/core/check/index';
import { findName, looksLikeName } from '../../src/core/check/names';
import { applyEdits } from '../../src/core/fix/index';
import { CORPUS, article, check, only } from './helpers';

const question = (...lines: string[]) => 'question: |\n' + lines.map((l) => '  ' + l).join('\n');
const spans = (text: string, rule: string) => only(check(text), rule).map((p) => text.slice(p.start, p.end));
const fixed = (text: string, rule: string) => {
  const [p] = only(check(text), rule);
  assert.ok(p, `no ${rule} problem`);
  return applyEdits(text, p.fixes![0].edits);
};

test('a sign-off with a name ending the question is a warning on the name, in every greeting form', () => {
  const cases: [string, string][] = [
    ['Mvh Anna', 'Anna'],
    ['M.v.h Carina', 'Carina'],
    ['MVH. Markus', 'Markus'],
    ['Med vänlig hälsning, Eva Berg', 'Eva Berg'],
    ['Vänliga hälsningar Gustav.', 'Gustav'],
    ['Hälsningar: Rosie', 'Rosie'],
    ['Tack på förhand! Sara', 'Sara'],
    ['Tack på förhand/Nancy', 'Nancy'],
    ['Vad ska jag göra? Mvh JP', 'JP'],
    ['mvh maria', 'maria'],
    ['/Lisa', '/Lisa'],
    ['Hur länge ska jag vila? //Michael', '//Michael'],
    ['Tacksam för svar och tips./ PH.', '/ PH'],
  ];
  for (const [line, name] of cases) {
    const text = article({ question: question('Hej!', '', 'Jag har ont i axeln.', line) });
    assert.deepEqual(spans(text, 'patient-name'), [name], line);
    const p = only(check(text), 'patient-name')[0];
    assert.equal(p.severity, 'warning');
    assert.match(p.message, new RegExp(`"${name.replace(/[/.]/g, '\\$&')}"`));
  }
});

test('a sign-off ending a long line is found however much space and punctuation stand in it', () => {
  // The greeting is looked for only near the line's end (a paragraph can be long): these are its limits.
  const long = 'Jag har haft ont i axeln sedan i våras och undrar vad jag ska göra nu när det inte går över av sig självt';
  const cases: [string, string[]][] = [
    [long + '. Stort tack    \t  på      förhand,' + ' '.repeat(50) + ', , ,Sara', ['Sara']],
    [long + '. Mvh' + ' '.repeat(80) + 'Anna', ['Anna']],
    [long + '. Tack på förhand! Anna-Karin Östlund-Berg', ['Anna-Karin Östlund-Berg']],
    // Longer than a name: none.
    [long + '. Tacksam för svar! ' + 'X'.repeat(41), []],
  ];
  for (const [line, names] of cases) assert.deepEqual(spans(article({ question: question('Hej!', line) }), 'patient-name'), names, line);
});

test('the name alone on the line after a greeting is found too', () => {
  const text = article({ question: question('Hej!', 'Går det över?', 'Tack på förhand!', 'Lovisa') });
  assert.deepEqual(spans(text, 'patient-name'), ['Lovisa']);
  assert.equal(fixed(text, 'patient-name'), article({ question: question('Hej!', 'Går det över?', 'Tack på förhand!') }));
});

test('the fix removes the name and keeps the greeting, in one edit', () => {
  const text = article({ question: question('Hej!', '', 'Jag har ont.', '', 'M.v.h Carina') });
  const [p] = only(check(text), 'patient-name');
  assert.equal(p.fixes!.length, 1);
  assert.equal(p.fixes![0].edits.length, 1);
  assert.equal(p.fixes![0].preferred, true);
  assert.equal(applyEdits(text, p.fixes![0].edits), article({ question: question('Hej!', '', 'Jag har ont.', '', 'M.v.h') }));
  assert.equal(fixed(article({ question: question('Hej!', 'Tack på förhand! Sara') }), 'patient-name'), article({ question: question('Hej!', 'Tack på förhand!') }));
  assert.equal(fixed(article({ question: question('Hej!', 'Tacksam för svar./Erik') }), 'patient-name'), article({ question: question('Hej!', 'Tacksam för svar.') }));
  // A lone "/Lisa" line goes with its line.
  assert.equal(fixed(article({ question: question('Hej!', 'Gör det ont?', '', '/Lisa') }), 'patient-name'), article({ question: question('Hej!', 'Gör det ont?') }));
  // CR LF stays CR LF.
  const crlf = article({ question: question('Hej!', 'Mvh Anna') }).replace(/\n/g, '\r\n');
  assert.equal(fixed(crlf, 'patient-name'), article({ question: question('Hej!', 'Mvh') }).replace(/\n/g, '\r\n'));
});

test('no warning on a greeting without a name, a slash inside words, questions, or medical eponyms', () => {
  for (const last of [
    'Mvh',
    'Tack på förhand!',
    'Tack på förhand från en som älskar styrketräning!',
    'Jag har ont när axel/arm är stilla.',
    'Ska jag gå till sjukgymnast/naprapat?',
    'Läkaren sa att det är en skada på labrum/SLAP',
    'MR visade en Bankart',
    'Mvh Bankart',
    'Tacksam för svar. /Hill-Sachs',
    'Jag vill vänligen be om hjälp med min axel',
    'Jag har en Hill-Sachs-skada och en SLAP-skada efter en luxation.',
  ]) {
    assert.deepEqual(spans(article({ question: question('Hej!', last) }), 'patient-name'), [], last);
  }
  assert.equal(looksLikeName('Bankart'), false);
  assert.equal(looksLikeName('SLAP'), false);
  assert.equal(looksLikeName('Anna'), true);
});

test('the patientName value in the question or the answer is a warning at each place', () => {
  const text = article({ patientName: 'patientName: "Jenny"', question: question('Hej!', 'Jag heter Jenny och har ont.') }, 'Hej Jenny, det låter som impingement.\n\n**Sammanfattning:**\n- Vila\n');
  const ps = only(check(text), 'patient-name');
  assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['Jenny', 'Jenny']);
  assert.ok(ps.every((p) => /Jenny/.test(p.message)));
  // Inside a sentence the writer rewords it, so Fix All leaves it alone.
  assert.ok(ps.every((p) => p.fixes![0].preferred === false));
  assert.match(applyEdits(text, ps[1].fixes![0].edits), /\nHej, det låter/);
  // One letter is too common a word to search for; a name inside another word is not the name.
  assert.deepEqual(spans(article({ patientName: 'patientName: "A"', question: question('Hej!', 'A och B') }), 'patient-name'), []);
  assert.deepEqual(spans(article({ patientName: 'patientName: "Erik"', question: question('Hej!', 'Min bror Eriksson') }), 'patient-name'), []);
  // A sign-off that is the patientName is reported once.
  assert.deepEqual(spans(article({ patientName: 'patientName: "Anna"', question: question('Hej!', 'Mvh Anna') }), 'patient-name'), ['Anna']);
});

test('a signature ending the answer, before the summary or a final list, is a warning with a fix that removes it', () => {
  const body = (sig: string) => `Det låter som impingement.\n\n${sig}\n\n**Sammanfattning:**\n- Vila\n`;
  for (const [sig, shown] of [
    ['MVH', 'MVH'],
    ['Med vänlig hälsning,', 'Med vänlig hälsning'],
    ['Mvh Carlos', 'Mvh Carlos'],
    ['Dr. Carlos Rivero Siri', 'Dr. Carlos Rivero Siri'],
    ['/Carlos', '/Carlos'],
  ]) {
    const text = article({ author: 'author: "Dr. Carlos Rivero Siri"' }, body(sig));
    assert.deepEqual(spans(text, 'answer-signature'), [shown], sig);
    assert.equal(fixed(text, 'answer-signature'), article({ author: 'author: "Dr. Carlos Rivero Siri"' }, 'Det låter som impingement.\n\n**Sammanfattning:**\n- Vila\n'), sig);
  }
  // The author's name after the last sentence, and a final bullet list without a heading.
  const text = article({ author: 'author: "Dr. Carlos Rivero Siri"' }, 'Det läker av sig självt.  Rivero Siri\n\n- Vila\n');
  assert.deepEqual(spans(text, 'answer-signature'), ['Rivero Siri']);
  assert.equal(fixed(text, 'answer-signature'), article({ author: 'author: "Dr. Carlos Rivero Siri"' }, 'Det läker av sig självt.\n\n- Vila\n'));
});

test('no signature warning on an answer that ends in a sentence, a name in a sentence, or an eponym', () => {
  for (const last of ['Det brukar gå över.', 'Det kallas en Bankart', 'Läs om SLAP', 'Kontakta Carlos om det inte blir bättre.', 'Operationen kallas Latarjet.']) {
    assert.deepEqual(spans(article({ author: 'author: "Dr. Carlos Rivero Siri"' }, `${last}\n\n**Sammanfattning:**\n- Vila\n`), 'answer-signature'), [], last);
  }
});

test('the author signing the question means the answer was written into it', () => {
  const text = article({ author: 'author: "Dr. Carlos Rivero Siri"', question: question('Hej!', 'Gör det ont?', '', 'Det brukar gå över. /Carlos Rivero Siri') });
  const [p] = only(check(text), 'answer-signature');
  assert.equal(text.slice(p.start, p.end), '/Carlos Rivero Siri');
  assert.match(p.message, /into the question/);
  assert.deepEqual(only(check(text), 'patient-name'), []);
});

test('Swedish messages for the privacy rules', () => {
  const [p] = only(check(article({ question: question('Hej!', 'Mvh Anna') }), { lang: 'sv' }), 'patient-name');
  assert.match(p.message, /^Frågan är undertecknad "Anna"/);
  assert.equal(p.fixes![0].title, 'Ta bort namnet "Anna"');
});

const present = fs.existsSync(CORPUS);
if (!present) console.log(`# skipped: the real corpus is not at ${CORPUS}`);

test('the real corpus: names signing questions, names in the text, signatures in answers', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const checker = createChecker();
  const count: Record<string, number> = {};
  let initials = 0;
  for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    for (const p of checker.check(text, f)) {
      if (p.rule !== 'patient-name' && p.rule !== 'answer-signature') continue;
      const kind = `${p.rule}:${p.message.split(' ').slice(0, 4).join(' ')}`;
      count[kind] = (count[kind] ?? 0) + 1;
      if (/signed/.test(p.message) && /^\/*\s*\p{Lu}{1,3}$/u.test(text.slice(p.start, p.end))) initials++;
      // Every fix applies and takes the name away.
      const after = applyEdits(text, p.fixes![0].edits);
      assert.ok(!after.slice(p.fixes![0].edits[0].start, p.fixes![0].edits[0].start + 2).includes(text.slice(p.start, p.end)), f);
    }
  }
  assert.deepEqual(count, {
    'patient-name:The question is signed': 87,
    "patient-name:The patient's name \"Jenny\"": 1,
    "patient-name:The patient's name \"SB\"": 1,
    'answer-signature:The question ends with': 8,
    'answer-signature:The answer ends with': 13,
  });
  assert.equal(initials, 40);
});

test('a name is found as a whole word only, as the site\'s reader sees letters (astral ones, digits and case included)', () => {
  const at = (text: string, name: string) => findName(text, 0, text.length, name).map((n) => [n.start, n.end]);
  assert.deepEqual(at('Hej Anna! (anna) ANNA.', 'Anna'), [[4, 8], [11, 15], [17, 21]]);
  // Inside a word, beside a digit, or beside a letter written as a surrogate pair: no name.
  assert.deepEqual(at('Annalena Xanna 2anna anna2', 'Anna'), []);
  assert.deepEqual(at('\u{1D400}anna anna\u{1D400}', 'anna'), []);
  // Beside an emoji (not a letter) it is a name.
  assert.deepEqual(at('😀anna', 'anna'), [[2, 6]]);
  // After a refused place the search goes on one character later, so an overlapping later name is found.
  assert.deepEqual(at('XAnn-Ann-Ann', 'Ann-Ann'), [[5, 12]]);
  // Initials match in capitals only.
  assert.deepEqual(at('SB skrev: sb', 'SB'), [[0, 2]]);
  // The range is the text searched: what lies before it is not looked at.
  assert.deepEqual(findName('xanna', 1, 5, 'anna').map((n) => [n.start, n.end]), [[1, 5]]);
});

test('a question in double quotes with \\n line breaks: the sign-off on its last line is found, and the fix removes the name with its breaks', () => {
  const q = (value: string) => article({ question: `question: "${value}"` }, 'Svar.\n\n**Sammanfattning:**\n- En punkt\n');
  const cases: [string, string, string][] = [
    ['Hej!\\n\\nJag har ont.\\n\\nMvh Anna', 'Anna', 'Hej!\\n\\nJag har ont.\\n\\nMvh'],
    ['Jag har ont.\\r\\nMvh Anna', 'Anna', 'Jag har ont.\\r\\nMvh'],
    ['Jag har ont.\\r\\nMvh Anna\\r\\n', 'Anna', 'Jag har ont.\\r\\nMvh\\r\\n'],
    ['Jag har ont.\\n\\nMvh\\nAnna', 'Anna', 'Jag har ont.\\n\\nMvh'],
    ['Jag har ont.\\n/Anna', '/Anna', 'Jag har ont.'],
    ['Jag har ont.\\n\\n/Anna\\n', '/Anna', 'Jag har ont.\\n'],
    ['Jag har \\"ont\\".\\nMvh Anna', 'Anna', 'Jag har \\"ont\\".\\nMvh'],
    // An escaped backslash before the break stays: without it the value would end in a lone backslash.
    ['Jag har ont.\\\\n\\n/Anna', '/Anna', 'Jag har ont.\\\\n'],
  ];
  for (const [value, name, after] of cases) {
    assert.deepEqual(spans(q(value), 'patient-name'), [name], value);
    assert.equal(fixed(q(value), 'patient-name'), q(after), value);
  }
  // `\\n` is a backslash and an n, no break; in single quotes and in a block `\n` is text too.
  assert.deepEqual(spans(q('Jag har ont.\\\\n/Anna'), 'patient-name'), []);
  assert.deepEqual(spans(article({ question: "question: 'Jag har ont.\\n/Anna'" }), 'patient-name'), []);
  assert.deepEqual(spans(article({ question: question('Jag har ont.\\n/Anna') }), 'patient-name'), []);
  // No sign-off: nothing.
  assert.deepEqual(spans(q('Hej!\\n\\nJag har ont.\\n\\nVad ska jag göra?'), 'patient-name'), []);
});
