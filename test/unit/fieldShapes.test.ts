// A field of the contract written in a shape the site's reader refuses: the colon left out, a
// line break lost between two fields, text right after a block's `|`, a list item on the
// field's own line. Each gets a message on the field's line that says what to do, and where
// the change is certain a fix that mends it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, preferredFix } from '../../src/core/fix/index';
import type { Problem } from '../../src/core/types';
import { check } from './helpers';
import { buildFails } from './siteBuild';

const good = [
  '---',
  'title: "Ont i armbågen"',
  'description: "' + 'x'.repeat(130) + '"',
  'category: armbage',
  'date: 2020-01-01',
  'tags: ["armbåge"]',
  'published: true',
  'question: |',
  '  Jag har ont i armbågen.',
  '  Vad kan det vara?',
  '---',
  '',
  'Svaret.',
  '',
].join('\n');
/** The same article with `published` above a tags list written one tag a line. */
const tagsBelow = good.replace('tags: ["armbåge"]\npublished: true', 'published: true\ntags:\n  - armbåge');
const errors = (text: string, lang?: 'sv') => check(text, lang ? { lang } : {}).filter((p) => p.severity === 'error');
const lineOf = (text: string, p: Problem) => text.slice(0, p.start).split('\n').length - 1;

describe('a field in a shape the site refuses', () => {
  const cases: { name: string; broken: string; line: number; message: RegExp; fixed?: string }[] = [
    { name: 'the colon after a block field left out (`question |`)', broken: good.replace('question: |', 'question |'), line: 7, message: /colon after `question` is missing/, fixed: good },
    { name: 'the colon after a plain field left out (`category armbage`)', broken: good.replace('category: armbage', 'category armbage'), line: 3, message: /colon after `category` is missing/, fixed: good },
    { name: 'two fields run together (a line break lost)', broken: good.replace('published: true\nquestion', 'published: truequestion'), line: 6, message: /`question:` must start a line of its own, below `published`/, fixed: good },
    { name: 'the text of a block on the line of its `|`', broken: good.replace('question: |\n  Jag', 'question: |  Jag'), line: 7, message: /After `question: \|` the text goes on the lines below/, fixed: good },
    { name: 'the first field indented, the next not', broken: good.replace('title:', ' title:'), line: 1, message: /`title` is indented, the field below it is not/, fixed: good },
    { name: 'a field indented above the block field (`published` above `question: |`)', broken: good.replace('published: true', ' published: true'), line: 6, message: /`published` is indented, the field below it is not/, fixed: good },
    { name: 'two fields run together, the second at the end of the line (`published: truetags:` above its list)', broken: tagsBelow.replace('published: true\ntags:', 'published: truetags:'), line: 5, message: /`tags:` must start a line of its own, below `published`/, fixed: tagsBelow },
    { name: 'a line break inside a field name (`que` above `stion: |`)', broken: good.replace('question: |', 'que\nstion: |'), line: 7, message: /`question` is split over two lines/, fixed: good },
    { name: 'a no-break space after the colon of a block field, the reader stumbling in its text below', broken: good.replace('question: |', 'question:\u00a0|'), line: 7, message: /After `question:` comes a special space/, fixed: good },
    { name: 'a stray mark after a block\'s `|`', broken: good.replace('question: |', 'question: |"'), line: 7, message: /`question: \|` must end its line .*delete `"`/, fixed: good },
    { name: 'a stray mark after the opening fence (`---%`)', broken: good.replace('---\n', '---%\n'), line: 0, message: /opening `---` must stand alone on its line: delete `%`/, fixed: good },
    { name: 'a word after the opening fence (`--- yaml`, as a Markdown code block is marked)', broken: good.replace('---\n', '--- yaml\n'), line: 0, message: /^The opening `---` must stand alone on its line: delete `yaml` after it\.$/, fixed: good },
    { name: 'a letter typed after the opening fence', broken: good.replace('---\n', '---  x\n'), line: 0, message: /opening `---` must stand alone on its line: delete `x`/, fixed: good },
    { name: 'a title closed with a typographic quote (`"Ont i armbågen”`)', broken: good.replace('title: "Ont i armbågen"', 'title: "Ont i armbågen”'), line: 1, message: /^The value ends with ”, a typographic quote \(as a word processor writes it\), which YAML does not read as the end of the quote: write " instead\.$/, fixed: good },
    { name: 'a single-quoted title closed with a typographic apostrophe', broken: good.replace('title: "Ont i armbågen"', "title: 'Ont i armbågen’"), line: 1, message: /The value ends with ’, a typographic quote/, fixed: good.replace('title: "Ont i armbågen"', "title: 'Ont i armbågen'") },
    { name: 'four dashes opening the fields', broken: '-' + good, line: 0, message: /opening `---` must stand alone on its line: delete `-`/, fixed: good },
    { name: 'the first field on the line of the opening fence', broken: good.replace('---\ntitle', '--- title'), line: 0, message: /first field, `title`, must start on the line below/, fixed: good },
    { name: 'two fields run together after a closing quote', broken: good.replace('"\ndescription', '"description'), line: 1, message: /`description:` must start a line of its own, below `title`/, fixed: good },
    { name: 'a title that starts with a bracket', broken: good.replace('title: "Ont i armbågen"', 'title: [Fråga] Ont i armbågen'), line: 1, message: /value of `title` starts with "\[", which YAML reads as a sign of its own/, fixed: good.replace('title: "Ont i armbågen"', 'title: "[Fråga] Ont i armbågen"') },
    { name: 'a title that starts with @', broken: good.replace('title: "Ont i armbågen"', 'title: @hem Ont i armbågen'), line: 1, message: /starts with "@"/, fixed: good.replace('title: "Ont i armbågen"', 'title: "@hem Ont i armbågen"') },
    { name: 'a title that ends with a colon', broken: good.replace('title: "Ont i armbågen"', 'title: Ont i armbågen:'), line: 1, message: /value of `title` ends with a colon/, fixed: good.replace('title: "Ont i armbågen"', 'title: "Ont i armbågen:"') },
    { name: 'a stray quote before a field name', broken: good.replace('date:', '"date:'), line: 4, message: /stray " before `date`/, fixed: good },
    { name: 'quotes inside a double-quoted title', broken: good.replace('title: "Ont i armbågen"', 'title: "Ont i "tennisarmbågen""'), line: 1, message: /text after the closing quote. Inside double quotes/, fixed: good.replace('title: "Ont i armbågen"', 'title: \'Ont i "tennisarmbågen"\'') },
    { name: 'an apostrophe inside a single-quoted title', broken: good.replace('title: "Ont i armbågen"', "title: 'Ont i Eriks armbåge's'"), line: 1, message: /Inside single quotes write an apostrophe twice/, fixed: good.replace('title: "Ont i armbågen"', 'title: "Ont i Eriks armbåge\'s"') },
    { name: 'the text of the question pasted at the left margin', broken: good.replace('question: |\n  Jag har ont i armbågen.\n  Vad kan det vara?', 'question: |\nJag har ont i armbågen.\nVad kan det vara?'), line: 8, message: /text of `question` must be indented under it/, fixed: good },
    { name: 'one line of the question at the left margin', broken: good.replace('\n  Vad kan det vara?', '\nVad kan det vara?'), line: 9, message: /text of `question` must be indented under it/, fixed: good },
    { name: 'tags parted by semicolons (`["armbåge";"smärta"]`)', broken: good.replace('tags: ["armbåge"]', 'tags: ["armbåge";"smärta"; "tennisarmbåge"]'), line: 5, message: /^In `tags`, the items are parted by `;`, which the site does not read as a separator: write a comma between them\.$/, fixed: good.replace('tags: ["armbåge"]', 'tags: ["armbåge", "smärta", "tennisarmbåge"]') },
    { name: 'two quoted tags with no comma between', broken: good.replace('tags: ["armbåge"]', "tags: ['armbåge' 'smärta']"), line: 5, message: /^In `tags`, a comma is missing between two items: write a comma between them\.$/, fixed: good.replace('tags: ["armbåge"]', "tags: ['armbåge', 'smärta']") },
    { name: 'two commas in a row in the tags', broken: good.replace('tags: ["armbåge"]', 'tags: ["armbåge",, "smärta"]'), line: 5, message: /^In `tags`, two commas stand in a row \(or a comma right after \[\): delete the extra comma\.$/, fixed: good.replace('tags: ["armbåge"]', 'tags: ["armbåge", "smärta"]') },
    { name: 'a comma right after the bracket of the tags', broken: good.replace('tags: ["armbåge"]', 'tags: [, "armbåge"]'), line: 5, message: /two commas stand in a row \(or a comma right after \[\)/, fixed: good },
    { name: 'a list item on the line of `tags:`', broken: good.replace('tags: ["armbåge"]', 'tags: - armbåge'), line: 5, message: /list item cannot stand on the line of `tags:`/, fixed: good.replace('tags: ["armbåge"]', 'tags:\n  - armbåge') },
  ];
  for (const c of cases) {
    it(`${c.name}: an error on the field's line${c.fixed ? ', and a fix the build accepts' : ''}`, () => {
      assert.equal(buildFails(c.broken), true);
      const [p, ...rest] = errors(c.broken);
      assert.deepEqual(rest, []);
      assert.equal(p.rule, 'yaml-syntax');
      assert.equal(lineOf(c.broken, p), c.line);
      assert.match(p.message, c.message);
      if (c.fixed) {
        const fix = preferredFix(p);
        assert.ok(fix, 'the fix is preferred');
        const after = applyEdits(c.broken, fix.edits);
        assert.equal(after, c.fixed);
        assert.equal(buildFails(after), false);
      }
    });
  }

  it('tags written as #hashtags in brackets: the comment is named, and the offered fix quotes them', () => {
    const broken = good.replace('tags: ["armbåge"]', 'tags: [#armbåge, smärta, #ont]');
    assert.equal(buildFails(broken), true);
    const [p] = errors(broken);
    assert.equal(lineOf(broken, p), 5);
    assert.match(p.message, /a # after \[, a comma or a space starts a comment/);
    assert.equal(preferredFix(p), undefined, 'whether the # belongs to the tag is the writer\'s call');
    const after = applyEdits(broken, p.fixes![0].edits);
    assert.ok(after.includes('tags: ["#armbåge", smärta, "#ont"]'));
    assert.equal(buildFails(after), false);
  });

  it('a list item on the line of a field that takes one value: the dash is named, with no guess at a fix', () => {
    const broken = good.replace('category: armbage', 'category: - armbage');
    const [p] = errors(broken);
    assert.equal(lineOf(broken, p), 3);
    assert.match(p.message, /`category` takes one value, not a list/);
    assert.equal(p.fixes?.length ?? 0, 0);
  });

  it('text with a colon after a space is not taken for two fields: quoting it is the fix', () => {
    const broken = good.replace('category: armbage', 'category: armbage\ntopic: ont date: i dag');
    const [p] = errors(broken);
    assert.doesNotMatch(p.message, /run together/);
  });

  it('a line that only starts like a field of the contract is no missing colon (`titles of …`)', () => {
    const broken = good.replace('question: |', 'question: |\nhej');
    const [p] = errors(broken);
    assert.doesNotMatch(p.message, /colon after/);
  });

  it('a list the site reads is not taken for one with a wrong separator: a comma after the last tag, a mapping in it', () => {
    assert.deepEqual(errors(good.replace('tags: ["armbåge"]', 'tags: ["armbåge", "smärta",]')), []);
    assert.equal(buildFails(good.replace('tags: ["armbåge"]', 'tags: ["armbåge": "smärta"]')), true);
    assert.doesNotMatch(errors(good.replace('tags: ["armbåge"]', 'tags: ["armbåge": "smärta"]'))[0].message, /separator|comma/);
  });

  it('a value closed with a typographic quote, in Swedish', () => {
    const [p] = errors(good.replace('title: "Ont i armbågen"', 'title: "Ont i armbågen”'), 'sv');
    assert.equal(p.message, 'Värdet slutar med ”, ett typografiskt citattecken (som ett ordbehandlingsprogram skriver det), som YAML inte läser som citatets slut: skriv " i stället.');
    assert.equal(preferredFix(p)?.title, 'Skriv " i stället för ”');
  });

  it('a list with a wrong separator, in Swedish', () => {
    const [p] = errors(good.replace('tags: ["armbåge"]', 'tags: ["armbåge";"smärta"]'), 'sv');
    assert.equal(p.message, 'I `tags` skiljs posterna åt med `;`, som webbplatsen inte läser som skiljetecken: skriv ett kommatecken mellan dem.');
    assert.equal(preferredFix(p)?.title, 'Skriv listan med ett kommatecken mellan posterna');
    const [q] = errors(good.replace('tags: ["armbåge"]', 'tags: ["armbåge",, "smärta"]'), 'sv');
    assert.equal(q.message, 'I `tags` står två kommatecken i rad (eller ett direkt efter [): ta bort det extra kommatecknet.');
  });

  it('in Swedish', () => {
    const [p] = errors(good.replace('question: |', 'question |'), 'sv');
    assert.match(p.message, /Kolonet efter `question` saknas/);
    assert.equal(preferredFix(p)?.title, 'Skriv `question:`');
  });
});

describe('a question over several lines that is no block', () => {
  const folded = good.replace('question: |\n  Jag har ont i armbågen.\n  Vad kan det vara?', 'question: Jag har ont i armbågen.\n  Vad kan det vara?');
  it('passes the build, but the page would run its lines together: a warning, and a fix that writes it as a block', () => {
    assert.equal(buildFails(folded), false);
    const ps = check(folded);
    const [p] = ps.filter((q) => q.rule === 'question-folded');
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /without `\|`/);
    const after = applyEdits(folded, preferredFix(p)!.edits);
    assert.equal(after, good);
    assert.deepEqual(check(after).filter((q) => q.rule === 'question-folded'), []);
  });
  it('a blank line inside it is kept as a blank line of the block', () => {
    const text = folded.replace('  Vad kan', '\n  Vad kan');
    const [p] = check(text).filter((q) => q.rule === 'question-folded');
    assert.equal(applyEdits(text, preferredFix(p)!.edits), good.replace('\n  Vad kan', '\n\n  Vad kan'));
  });
  it('a quoted question over several lines gets the warning without a guess at a fix; one line is fine', () => {
    const quoted = good.replace('question: |\n  Jag har ont i armbågen.\n  Vad kan det vara?', 'question: "Jag har ont i armbågen.\n  Vad kan det vara?"');
    const [p] = check(quoted).filter((q) => q.rule === 'question-folded');
    assert.equal(p.fixes?.length ?? 0, 0);
    const one = good.replace('question: |\n  Jag har ont i armbågen.\n  Vad kan det vara?', 'question: Jag har ont i armbågen. Vad kan det vara?');
    assert.deepEqual(check(one).filter((q) => q.rule === 'question-folded'), []);
  });
});

describe('a text the page shows, cut short by a comment', () => {
  it('title: Fråga #2 om armbågen passes the build, but the page shows "Fråga": a warning, and an offered fix that quotes all of it', () => {
    const text = good.replace('title: "Ont i armbågen"', 'title: Fråga #2 om armbågen');
    assert.equal(buildFails(text), false);
    const [p] = check(text).filter((q) => q.rule === 'value-comment');
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /the page shows only "Fråga"/);
    assert.equal(preferredFix(p), undefined, 'a # meant as a note is the writer\'s call');
    assert.equal(applyEdits(text, p.fixes![0].edits), good.replace('title: "Ont i armbågen"', 'title: "Fråga #2 om armbågen"'));
  });
  it('a # inside quotes, or without a space before it, is text: no warning', () => {
    for (const t of ['title: "Fråga #2"', 'title: Fråga#2 om armbågen']) {
      assert.deepEqual(check(good.replace('title: "Ont i armbågen"', t)).filter((q) => q.rule === 'value-comment'), [], t);
    }
  });
});

describe('a line of three dots among the fields', () => {
  it('ends the fields for the site\'s reader: the error is on that line, says so, and its fix deletes the line (LF and CRLF)', () => {
    for (const eol of ['\n', '\r\n']) {
      for (const dots of ['...', '...  ']) {
        const text = good.replace('date: 2020-01-01\n', `date: 2020-01-01\n${dots}\n`).replace(/\n/g, eol);
        assert.ok(buildFails(text), 'the site\'s build fails on it');
        const [e, ...rest] = errors(text);
        assert.deepEqual(rest, []);
        assert.equal(text.slice(e.start, e.end), dots);
        assert.equal(e.message, 'A line `...` ends the fields for the site\'s reader, and it refuses the fields below it as a second set: the site\'s build fails. Delete the line.');
        const fix = preferredFix(e)!;
        assert.equal(applyEdits(text, fix.edits), good.replace(/\n/g, eol));
      }
    }
    const sv = errors(good.replace('date: 2020-01-01\n', 'date: 2020-01-01\n...\n'), 'sv');
    assert.equal(sv[0].message, 'En rad `...` avslutar fälten för webbplatsens läsare, och den godtar inte fälten under den som en andra uppsättning: webbplatsens bygge stannar. Ta bort raden.');
  });

  it('with text after it (`... mer`), the error is on that line, not on the field below where the reader stopped, and it offers no fix', () => {
    for (const eol of ['\n', '\r\n']) {
      for (const [line, below] of [['... mer', 'tags: ["armbåge"]\n'], ['...\tmer', 'tags: ["armbåge"]\n'], ['... mer: x', 'tags: ["armbåge"]\n'], ['... mer', '']]) {
        const text = good.replace('date: 2020-01-01\ntags: ["armbåge"]\n', `date: 2020-01-01\n${line}\n${below}`).replace(/\n/g, eol);
        assert.ok(buildFails(text), `the site's build fails on ${JSON.stringify(line + below)}`);
        const [e, ...rest] = errors(text);
        assert.deepEqual(rest, []);
        assert.equal(text.slice(e.start, e.end), line, JSON.stringify(line + below));
        assert.equal(e.message, 'A line that starts with `...` ends the fields for the site\'s reader, and it refuses the text after it: the site\'s build fails. Remove the `...`, or the line.');
        assert.equal(e.fixes?.length ?? 0, 0);
      }
    }
    const sv = errors(good.replace('date: 2020-01-01\n', 'date: 2020-01-01\n... mer\n'), 'sv');
    assert.equal(sv[0].message, 'En rad som börjar med `...` avslutar fälten för webbplatsens läsare, och den godtar inte texten efter den: webbplatsens bygge stannar. Ta bort `...` eller raden.');
    // Only a comment after it: still the line of three dots, and the fields below are what is refused.
    const comment = errors(good.replace('date: 2020-01-01\n', 'date: 2020-01-01\n... # slut\n'));
    assert.match(comment[0].message, /^A line `\.\.\.` ends the fields/);
  });

  it('is no error as the fields\' last line, where nothing follows it', () => {
    const text = good.replace('  Vad kan det vara?\n', '  Vad kan det vara?\n...\n');
    assert.equal(buildFails(text), false);
    assert.deepEqual(errors(text), []);
  });
});
