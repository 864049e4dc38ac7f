// Invisible characters a word processor pastes into the fields (a no-break space, U+2028, a
// zero-width space …) where YAML reads only spaces: the verdict is the site's build's, the
// message names the character on the line it sits on, and the fix deletes only it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addedErrors, applyEdits, fixAllText, preferredFix } from '../../src/core/fix/index';
import { findFrontmatter } from '../../src/core/frontmatter';
import type { Problem } from '../../src/core/types';
import { check } from './helpers';
import { buildFails } from './siteBuild';

const lines = [
  '---',
  'title: "Smärta i armbågsvecket vid vridning"',
  'description: "' + 'x'.repeat(130) + '"',
  'category: axel',
  'date: 2020-10-07',
  'tags: ["armbåge", "smärta"]',
  'question: |',
  '  Jag har ont i armbågen.',
  '---',
  '',
  'Svaret.',
  '',
];
const INVISIBLE = ['\u00a0', '\u2028', '\u200b', '\u3000', '\u0085', '\u202f'];
const name = (x: string) => 'U+' + x.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const errors = (text: string) => check(text).filter((p) => p.severity === 'error');

/** Where the character goes, and the line the message must be on. */
const PLACES: { place: string; line: number; put: (l: string[], x: string) => void }[] = [
  { place: 'after the opening ---', line: 0, put: (l, x) => (l[0] += x) },
  { place: 'after a quoted value', line: 1, put: (l, x) => (l[1] += x) },
  { place: 'after a list in brackets', line: 5, put: (l, x) => (l[5] += x) },
  { place: 'after the | of a block', line: 6, put: (l, x) => (l[6] += x) },
  { place: 'alone on a line', line: 4, put: (l, x) => l.splice(4, 0, x) },
];

describe('an invisible character where YAML reads only spaces', () => {
  for (const x of INVISIBLE) {
    for (const { place, line, put } of PLACES) {
      it(`${name(x)} ${place}: an error on that line naming it; the fix deletes it and the build passes`, () => {
        const l = [...lines];
        put(l, x);
        const text = l.join('\n');
        assert.equal(buildFails(text), true, 'the build fails on it');
        const [p, ...rest] = errors(text);
        assert.ok(p, 'the checker reports an error');
        assert.deepEqual(rest, [], 'one error, where the character is');
        assert.equal(p.rule, 'yaml-syntax');
        assert.equal(lineOf(text, p.start), line);
        assert.ok(p.message.includes(`invisible character (${name(x)}`), p.message);
        const fix = preferredFix(p);
        assert.ok(fix, 'the fix is preferred: it mends the line');
        const fixed = applyEdits(text, fix.edits);
        const without = [...lines];
        put(without, '');
        assert.equal(fixed, without.join('\n'), 'only the character is deleted');
        assert.equal(buildFails(fixed), false);
      });
    }
  }

  it('a byte order mark after the opening --- is what the site skips: no error', () => {
    const text = ['---\ufeff', ...lines.slice(1)].join('\n');
    assert.equal(buildFails(text), false);
    assert.deepEqual(errors(text), []);
  });

  it('spaces and tabs after the opening --- are blank to the site, anything else is its text', () => {
    assert.equal(findFrontmatter('--- \t\ntitle: x\n---\n')!.contentStart, 6);
    // U+2028 is white space to JavaScript's trim(), but not to YAML.
    assert.equal(findFrontmatter('---\u2028\ntitle: x\n---\n')!.contentStart, 3);
    assert.equal(findFrontmatter('---\u00a0\ntitle: x\n---\n')!.contentStart, 3);
  });

  it('in Swedish too', () => {
    const text = ['---\u00a0', ...lines.slice(1)].join('\n');
    const [p] = check(text, { lang: 'sv' }).filter((q: Problem) => q.severity === 'error');
    assert.match(p.message, /osynligt tecken \(U\+00A0/);
  });
});

describe('an invisible character in a key', () => {
  it('before a required key: "missing" would be wrong — the error names the character, at the key, and the fix deletes it', () => {
    const l = [...lines];
    l[3] = '\u00a0' + l[3];
    const text = l.join('\n');
    assert.equal(buildFails(text), true);
    const [p, ...rest] = errors(text);
    assert.deepEqual(rest, []);
    assert.equal(p.rule, 'schema-required');
    assert.equal(lineOf(text, p.start), 3);
    assert.match(p.message, /`category` holds an invisible character \(U\+00A0/);
    const fixed = applyEdits(text, preferredFix(p)!.edits);
    assert.equal(fixed, lines.join('\n'));
    assert.equal(buildFails(fixed), false);
    // No second warning about an unknown field for the same key.
    assert.deepEqual(check(text).filter((q) => q.rule === 'unknown-field'), []);
  });

  it('in an optional key: a warning that its value is ignored, with the same fix', () => {
    const l = [...lines];
    l.splice(4, 0, 'topic\u200b: "armbagssmarta"');
    const text = l.join('\n');
    assert.equal(buildFails(text), false, 'the site ignores the field');
    const [p] = check(text).filter((q) => q.rule === 'unknown-field');
    assert.match(p.message, /`topic` holds an invisible character \(U\+200B/);
    const fixed = applyEdits(text, preferredFix(p)!.edits);
    assert.ok(fixed.includes('\ntopic: "armbagssmarta"\n'));
    assert.equal(fixed.length, text.length - 1);
  });
});

describe('an invisible character in the closing fence', () => {
  it('before the closing ---: the site reads the answer as fields; the error is on that line, and the fix cleans the fence', () => {
    const text = lines.join('\n').replace('\n---\n\nSvaret', '\n\ufeff---\n\nSvaret') + '\n---\n\nMer text.\n';
    assert.equal(buildFails(text), true);
    const [p] = errors(text);
    assert.equal(p.rule, 'yaml-syntax');
    assert.equal(lineOf(text, p.start), 8);
    assert.match(p.message, /ends the fields has an invisible character \(U\+FEFF/);
    const fixed = applyEdits(text, preferredFix(p)!.edits);
    assert.equal(fixed, text.replace('\ufeff---', '---'));
    assert.equal(buildFails(fixed), false);
  });
  it('before the only closing ---: the fields are never closed, and the fix cleans that fence instead of adding another', () => {
    const text = lines.join('\n').replace('\n---\n\nSvaret', '\n\u00a0---\n\nSvaret');
    const [p] = errors(text);
    assert.equal(p.rule, 'frontmatter-unclosed');
    const fixed = applyEdits(text, preferredFix(p)!.edits);
    assert.equal(fixed, lines.join('\n'));
    assert.deepEqual(errors(fixed), []);
  });
});

describe('an invisible character at the start of a line of the question', () => {
  // The question over several lines; the reader ends the block at a line that does not start
  // with a space, and stumbles only at the end of the lines it then takes for one long key.
  const question = ['question: |', '  Hej!', '', '  Jag har ont i armbågen.', '  Vad kan det vara?', '  Mvh'];
  const text = (line: string, at = 3) => lines.join('\n').replace('question: |\n  Jag har ont i armbågen.', question.map((l, i) => (i === at ? line : l)).join('\n'));

  it('a byte order mark before a line\'s indentation: named on that line, and the fix deletes it', () => {
    const broken = text('\ufeff  Jag har ont i armbågen.');
    assert.equal(buildFails(broken), true);
    const [p, ...rest] = errors(broken);
    assert.deepEqual(rest, []);
    assert.equal(lineOf(broken, p.start), 9);
    assert.equal(p.message, "This line has an invisible character (U+FEFF, as text pasted from a word processor brings) where YAML reads only spaces: the site's build fails on it. Delete it.");
    const fixed = applyEdits(broken, preferredFix(p)!.edits);
    assert.equal(fixed, text('  Jag har ont i armbågen.'));
    assert.equal(buildFails(fixed), false);
  });

  it('on an empty line of the question: the same', () => {
    const broken = text('\ufeff', 2);
    const [p] = errors(broken);
    assert.equal(lineOf(broken, p.start), 8);
    assert.match(p.message, /invisible character \(U\+FEFF/);
    assert.equal(buildFails(applyEdits(broken, preferredFix(p)!.edits)), false);
  });

  it('indented with no-break spaces: the message says so, and the fix indents with ordinary spaces', () => {
    for (const lead of ['\u00a0\u00a0', ' \u00a0', '\u00a0\u00a0\u00a0\u00a0']) {
      const broken = text(lead + 'Jag har ont i armbågen.');
      assert.equal(buildFails(broken), true);
      const [p, ...rest] = errors(broken);
      assert.deepEqual(rest, [], JSON.stringify(lead));
      assert.equal(lineOf(broken, p.start), 9);
      assert.equal(p.message, "This line is indented with a special space (U+00A0, as text pasted from a word processor brings), which YAML does not read as a space: the site's build fails on it. Indent it with ordinary spaces.");
      const fix = preferredFix(p)!;
      assert.equal(fix.title, 'Indent with ordinary spaces');
      const fixed = applyEdits(broken, fix.edits);
      assert.equal(fixed, text(' '.repeat(lead.length) + 'Jag har ont i armbågen.'));
      assert.equal(buildFails(fixed), false);
    }
  });

  it('the whole question indented with no-break spaces, or two lines with a byte order mark: one error on the first, one fix for all', () => {
    const pasted = lines.join('\n').replace('question: |\n  Jag har ont i armbågen.', question.map((l, i) => (i > 0 && l ? l.replace('  ', '\u00a0\u00a0') : l)).join('\n'));
    const twice = text('\ufeff  Jag har ont i armbågen.').replace('\n  Mvh', '\n\ufeff  Mvh');
    for (const broken of [pasted, twice]) {
      assert.equal(buildFails(broken), true);
      const [p, ...rest] = errors(broken);
      assert.deepEqual(rest, []);
      assert.equal(lineOf(broken, p.start), broken === pasted ? 7 : 9);
      const fixed = applyEdits(broken, preferredFix(p)!.edits);
      assert.equal(fixed, text('  Jag har ont i armbågen.'));
    }
  });

  it('lines under a field that opens no block are not taken for the question\'s: Fix All adds no error there', () => {
    // A field pasted into the middle of the question: the lines below it follow `patientName`, and
    // deleting the mark before them would only indent them under it.
    const broken = lines.join('\n').replace('question: |\n  Jag har ont i armbågen.', 'question: |\n  Hej!\npatientName: {a: 1}\n \n\u2028  Undrar hur länge?\n  Mvh');
    const before = errors(broken);
    assert.doesNotMatch(before[0].message, /This line has an invisible character/);
    const all = fixAllText(broken, (t) => check(t));
    assert.deepEqual(addedErrors(broken, all.edits, before, check(all.text)), []);
  });

  it('a no-break space beside the two spaces of a line is deleted, not made a third: the first line of a block sets its indentation', () => {
    for (const [at, line] of [[1, '\u00a0  Hej!'], [3, '\u00a0  Jag har ont i armbågen.']] as const) {
      const broken = text(line, at);
      assert.equal(buildFails(broken), true);
      const p = errors(broken)[0];
      assert.match(p.message, /invisible character \(U\+00A0/);
      const fix = preferredFix(p)!;
      assert.equal(fix.title, 'Delete the invisible character');
      const fixed = applyEdits(broken, fix.edits);
      assert.equal(fixed, text(line.replace('\u00a0', ''), at));
      assert.equal(buildFails(fixed), false);
    }
    // With a line at the margin below it too, Fix All mends both: made a third space, the block's
    // first line indented it by three, and the two-space fix of the other line left an error.
    const both = text('>  Jag har ont i armbågen.').replace('\n  Hej!', '\n\u00a0  Hej!');
    const all = fixAllText(both, (t) => check(t));
    assert.deepEqual(errors(all.text), []);
    assert.equal(buildFails(all.text), false);
  });

  it('in Swedish', () => {
    const [p] = check(text('\u00a0\u00a0Jag har ont i armbågen.'), { lang: 'sv' }).filter((q) => q.severity === 'error');
    assert.equal(p.message, 'Raden är indragen med ett specialmellanslag (U+00A0, som text inklistrad från ett ordbehandlingsprogram har med sig), som YAML inte läser som mellanslag: webbplatsens bygge misslyckas på det. Dra in den med vanliga mellanslag.');
    assert.equal(preferredFix(p)?.title, 'Dra in med vanliga mellanslag');
  });

  it('a no-break space before a field at the margin is deleted, not made a space (which would indent the field)', () => {
    const broken = lines.join('\n').replace('\ncategory:', '\n\u00a0category:');
    const [p] = errors(broken);
    assert.doesNotMatch(p.message, /Indent it with ordinary spaces/);
    assert.equal(applyEdits(broken, preferredFix(p)!.edits), lines.join('\n'));
  });
});
