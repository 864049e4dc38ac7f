import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerReadability } from '../../src/core/check/readability';
import { applyEdits } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import { article, check, only } from './helpers';

// Markdown at the end of the answer that the page shows no text for: link reference
// definitions, HTML comments, thematic breaks. The rules that look for the answer's last text
// read past them to what the reader sees last.

const author = { author: 'author: "Dr. Carlos Rivero Siri"' };
const withBody = (body: string) => article(author, body);
const spans = (text: string, rule: string) => only(check(text), rule).map((p) => text.slice(p.start, p.end));
const fixed = (text: string, rule: string) => {
  const [p] = only(check(text), rule);
  assert.ok(p, `no ${rule} problem`);
  return applyEdits(text, p.fixes![0].edits);
};
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const DEFINITIONS = [
  '[r1]: ./bild.webp',
  '[1]: https://www.1177.se/x "Titel"',
  '   [Carlos]: ./x',
  '[1]: https://www.1177.se/x "Titel"\n[2]: <./a b.webp>\n[r3]: /bilder/axel.webp \'Axeln\'',
  '[1]:\n  https://www.1177.se/x\n  "En titel på två\n  rader"',
];

test('a reference definition ending the answer is no signature', () => {
  for (const def of DEFINITIONS) {
    for (const body of [`Det låter som impingement.\n\nSe bilden.\n\n${def}\n`, `Det låter som impingement.\n\n**Sammanfattning:**\n- Vila\n\n${def}\n`, `Det låter som impingement.\n\n- Vila\n\n${def}\n`]) {
      assert.deepEqual(spans(withBody(body), 'answer-signature'), [], body);
      assert.deepEqual(spans(withBody(crlf(body)), 'answer-signature'), [], body);
    }
  }
});

test('a signature above reference definitions is still found, and the fix removes only the signature', () => {
  for (const def of DEFINITIONS) {
    for (const [sig, shown] of [
      ['Mvh Carlos', 'Mvh Carlos'],
      ['/Carlos', '/Carlos'],
      ['MVH', 'MVH'],
      ['Dr. Carlos Rivero Siri', 'Dr. Carlos Rivero Siri'],
    ]) {
      for (const eol of [(s: string) => s, crlf]) {
        const text = withBody(eol(`Det låter som impingement.\n\n${sig}\n\n${def}\n`));
        assert.deepEqual(spans(text, 'answer-signature'), [shown], `${sig} / ${def}`);
        assert.equal(fixed(text, 'answer-signature'), withBody(eol(`Det låter som impingement.\n\n${def}\n`)), `${sig} / ${def}`);
      }
    }
  }
  // Without any of them the answer is read as before.
  assert.deepEqual(spans(withBody('Det låter som impingement.\n\nMvh Carlos\n'), 'answer-signature'), ['Mvh Carlos']);
  // After the summary list the definitions may stand too: the signature above the summary is found.
  const text = withBody('Det låter som impingement.\n\nMvh Carlos\n\n**Sammanfattning:**\n- Vila\n\n[1]: https://www.1177.se/x\n');
  assert.deepEqual(spans(text, 'answer-signature'), ['Mvh Carlos']);
  assert.equal(fixed(text, 'answer-signature'), withBody('Det låter som impingement.\n\n**Sammanfattning:**\n- Vila\n\n[1]: https://www.1177.se/x\n'));
  // Definitions between the signature and the summary, and between the signature and a final list.
  const between = withBody('Det låter som impingement.\n\nMvh Carlos\n\n[1]: ./x.webp\n\n**Sammanfattning:**\n- Vila\n');
  assert.equal(fixed(between, 'answer-signature'), withBody('Det låter som impingement.\n\n[1]: ./x.webp\n\n**Sammanfattning:**\n- Vila\n'));
  const list = withBody('Det låter som impingement.\n\n/Carlos\n\n- Vila\n\n[1]: ./x.webp\n');
  assert.equal(fixed(list, 'answer-signature'), withBody('Det låter som impingement.\n\n- Vila\n\n[1]: ./x.webp\n'));
});

test('a line that looks like a definition but is text on the page is read as text', () => {
  // Right under a line of text a definition cannot start: it goes on with that paragraph, and the page shows it.
  assert.deepEqual(spans(withBody('Det låter som impingement.\n/Carlos\n[1]: https://www.1177.se\n'), 'answer-signature'), []);
  assert.deepEqual(spans(withBody('Det låter som impingement.\n\n[1]: ./x\nMvh Carlos\n'), 'answer-signature'), ['Mvh Carlos']);
});

test('comments and a final break are passed over as definitions are; a comment shows nothing', () => {
  const cases: [string, string[]][] = [
    ['Det låter som impingement.\n\nMvh Carlos\n\n<!-- granskad 2024 -->\n', ['Mvh Carlos']],
    ['Det låter som impingement.\n\nMvh Carlos\n\n<!--\nAtt göra: bild\n-->\n', ['Mvh Carlos']],
    ['Det låter som impingement.\n\nMvh Carlos\n\n---\n', ['Mvh Carlos']],
    ['Det låter som impingement.\n\nMvh Carlos\n\n* * *\n\n**Sammanfattning:**\n- Vila\n', ['Mvh Carlos']],
    // A signature inside a comment is not on the page.
    ['Det låter som impingement.\n\n<!-- Mvh Carlos -->\n', []],
    // Text after the comment on its line is shown, and ends the answer.
    ['Det låter som impingement.\n\nMvh Carlos\n\n<!-- x --> Vila gärna.\n', []],
  ];
  for (const [body, shown] of cases) assert.deepEqual(spans(withBody(body), 'answer-signature'), shown, body);
  assert.equal(fixed(withBody('Det låter som impingement.\r\n\r\nMvh Carlos\r\n\r\n<!-- granskad -->\r\n'), 'answer-signature'), withBody('Det låter som impingement.\r\n\r\n<!-- granskad -->\r\n'));
});

test('summary-block points at the last text above definitions, comments and breaks, and its fix keeps them after the summary', () => {
  const plain = article({}, 'Svar.\n\nMer text.\n\n[1]: ./x.webp\n\n<!-- granskad -->\n');
  const [p] = only(check(plain), 'summary-block');
  assert.equal(plain.slice(p.start, p.end), 'Mer text.');
  assert.match(p.message, /no summary block/);
  assert.equal(fixed(plain, 'summary-block'), article({}, 'Svar.\n\nMer text.\n\n**Sammanfattning:**\n\n- \n\n[1]: ./x.webp\n\n<!-- granskad -->\n'));
  assert.equal(fixed(crlf(article({}, 'Svar.\n\n---\n')), 'summary-block'), crlf(article({}, 'Svar.\n\n**Sammanfattning:**\n\n- \n\n---\n')));
  // A comment right under the text (an HTML block needs no blank line before it).
  assert.equal(fixed(article({}, 'Svar.\n<!-- k -->\n'), 'summary-block'), article({}, 'Svar.\n\n**Sammanfattning:**\n\n- \n\n<!-- k -->\n'));
  // Nothing after the text: the trailing blank lines are replaced, as before.
  assert.equal(fixed(article({}, 'Svar.\n\n\n'), 'summary-block'), article({}, 'Svar.\n\n**Sammanfattning:**\n\n- \n'));
});

test('a bullet list above trailing definitions still ends the answer: it is labelled, not given a second list', () => {
  for (const tail of ['[1]: https://www.1177.se/x "Titel"', '<!-- granskad -->', '---']) {
    for (const eol of [(s: string) => s, crlf]) {
      const text = eol(article({}, `Svar.\n\n- Vila\n- Is\n\n${tail}\n`));
      const [p] = only(check(text), 'summary-block');
      assert.match(p.message, /ends with a bullet list but no summary label/, tail);
      assert.equal(text.slice(p.start, p.end), '- Vila', tail);
      assert.equal(applyEdits(text, p.fixes![0].edits), eol(article({}, `Svar.\n\n**Sammanfattning:**\n- Vila\n- Is\n\n${tail}\n`)), tail);
    }
  }
});

test('reference definitions are not counted as words or sentences of the answer', () => {
  const sentence = `${Array.from({ length: 30 }, () => 'ord').join(' ')}`;
  const body = (tail: string) => `${sentence}.\n\n${tail}\n`;
  // 30 words: under the limit of 35; the definition's words would make it over.
  assert.deepEqual(spans(article({}, body('[1]: https://www.1177.se/x "Titel med fem ord här"')), 'sentence-length'), []);
  // The counts are those of the answer without its definitions.
  const counts = (b: string) => answerReadability({ article: parseArticle(article({}, b)) }).counts;
  for (const def of DEFINITIONS) assert.deepEqual(counts(body(def)), counts(body('')), def);
  // A break has no words either, but ends the sentence above it.
  assert.deepEqual(counts('Vila nu\n***\nsedan mer'), { words: 4, sentences: 2, longWords: 0 });
  // The answer's very first line too, right below the closing fence.
  const direct = (b: string) => answerReadability({ article: parseArticle(article({}, '').replace(/\n\n$/, '\n') + b) }).counts;
  assert.deepEqual(direct('[1]: https://www.1177.se/x "Titel med ord"\n\nVila nu.\n'), direct('Vila nu.\n'));
  assert.deepEqual(direct('***\nVila nu.\n'), direct('Vila nu.\n'));
});

test('a signature underlined as a heading (`---` or `===` under it) is found, and its fix takes the underline too', () => {
  for (const underline of ['---', '===', '-', '  ----  ']) {
    for (const eol of [(s: string) => s, crlf]) {
      for (const [sig, shown] of [
        ['Mvh Carlos', 'Mvh Carlos'],
        ['/Carlos', '/Carlos'],
        ['Dr. Carlos Rivero Siri', 'Dr. Carlos Rivero Siri'],
      ]) {
        const text = withBody(eol(`Det låter som impingement.\n\n${sig}\n${underline}\n`));
        assert.deepEqual(spans(text, 'answer-signature'), [shown], `${sig} / ${underline}`);
        assert.equal(fixed(text, 'answer-signature'), withBody(eol('Det låter som impingement.\n')), `${sig} / ${underline}`);
      }
      // A greeting over the name, both underlined: one heading, taken whole.
      const two = withBody(eol(`Det låter som impingement.\n\nMed vänlig hälsning\nCarlos\n${underline}\n`));
      assert.equal(fixed(two, 'answer-signature'), withBody(eol('Det låter som impingement.\n')), underline);
    }
  }
  // A heading that also holds a sentence keeps its underline when the signature goes: the sentence stays the heading it was.
  const mixed = withBody('Det låter som impingement.\n\nVila axeln.\nMvh Carlos\n---\n');
  assert.deepEqual(spans(mixed, 'answer-signature'), ['Mvh Carlos']);
  assert.equal(fixed(mixed, 'answer-signature'), withBody('Det låter som impingement.\n\nVila axeln.\n---\n'));
  // After a blank line `---` is a break, and `===` a paragraph: the signature above a break is found, a "===" line is the text's end.
  assert.equal(fixed(withBody('Det låter som impingement.\n\nMvh Carlos\n\n---\n'), 'answer-signature'), withBody('Det låter som impingement.\n\n---\n'));
  assert.deepEqual(spans(withBody('Det låter som impingement.\n\nMvh Carlos\n\n===\n'), 'answer-signature'), []);
  // A list item, a quote or indented code over the line is no heading: no signature there.
  for (const above of ['- Mvh Carlos', '> Mvh Carlos', '    Mvh Carlos']) {
    assert.deepEqual(spans(withBody(`Det låter som impingement.\n\n${above}\n===\n`), 'answer-signature'), [], above);
  }
  // An underlined heading that is no signature is none.
  assert.deepEqual(spans(withBody('Det låter som impingement.\n\nVila axeln\n---\n'), 'answer-signature'), []);
});

test('a signature before a comment on its line is found; the fix leaves the comment, alone on its line', () => {
  for (const eol of [(s: string) => s, crlf]) {
    for (const comment of ['<!-- x -->', '<!-- a --> <!-- b -->', '<!--x-->\t', '<!---->']) {
      const text = withBody(eol(`Det låter som impingement.\n\nMvh Carlos ${comment}\n`));
      assert.deepEqual(spans(text, 'answer-signature'), ['Mvh Carlos'], comment);
      assert.equal(fixed(text, 'answer-signature'), withBody(eol(`Det låter som impingement.\n\n${comment}\n`)), comment);
    }
    // A greeting over the name: both lines go, the comment stays.
    const two = withBody(eol('Det låter som impingement.\n\nMed vänlig hälsning\nCarlos <!-- x -->\n'));
    assert.equal(fixed(two, 'answer-signature'), withBody(eol('Det låter som impingement.\n\n<!-- x -->\n')));
    // After the last sentence, on its line: the name goes, the comment stays after the sentence.
    const after = withBody(eol('Det låter som impingement. /Carlos <!-- x -->\n'));
    assert.deepEqual(spans(after, 'answer-signature'), ['/Carlos']);
    assert.equal(fixed(after, 'answer-signature'), withBody(eol('Det låter som impingement. <!-- x -->\n')));
  }
  // A comment in a code span is text the page shows; a comment alone on the line is hidden, and the line above is the end.
  assert.deepEqual(spans(withBody('Det låter som impingement.\n\nMvh Carlos `<!-- x -->`\n'), 'answer-signature'), []);
  assert.deepEqual(spans(withBody('Det låter som impingement.\n\nMvh Carlos\n<!-- x -->\n'), 'answer-signature'), ['Mvh Carlos']);
  // Text after the comment ends the line: no signature there.
  assert.deepEqual(spans(withBody('Det låter som impingement.\n\nMvh Carlos <!-- x --> och mer\n'), 'answer-signature'), []);
});
