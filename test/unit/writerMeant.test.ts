// Fixes that do what the writer meant, on articles broken as writers break them (found by
// `npm run fuzz -- --seed 1201`): a closing fence indented or mistyped, a signature written twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addedErrors, applyEdits, editsOverlap, fixAll, fixAllText, preferredFix } from '../../src/core/fix/index';
import { parseArticle } from '../../src/core/parse';
import type { Problem } from '../../src/core/types';
import { article, check, only } from './helpers';
import { buildFails } from './siteBuild';

const fields = [
  'title: "Ont i axeln"',
  'description: "' + 'x'.repeat(130) + '"',
  'category: "axel"',
  'topic: "impingement"',
  'tags: ["smärta"]',
  'date: 2017-08-15',
  'author: "Dr. A"',
  'published: true',
  'question: |',
  '  Hej!',
  '  Varför gör det ont?',
];
const body = 'Svaret.\n\n---\n\nMer om axeln.\n\n**Sammanfattning:**\n- En punkt\n';
const fixOf = (p: Problem) => preferredFix(p) ?? p.fixes?.[0];

describe('an indented or mistyped closing fence', () => {
  it('a tab before the closing `---`: the fix removes the tab, so the line closes the fields', () => {
    // Without its fence the fields run on to the `---` in the answer, which then reads as YAML.
    const text = `---\n${fields.join('\n')}\n\t---\n\n${body}`;
    const [p] = only(check(text), 'yaml-syntax');
    assert.match(p.message, /indented with a tab, so it does not close the fields/);
    const fix = preferredFix(p)!;
    assert.equal(fix.title, 'Remove the indentation: this `---` closes the fields');
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, `---\n${fields.join('\n')}\n---\n\n${body}`);
    assert.deepEqual(check(fixed).filter((x) => x.severity === 'error'), []);
    assert.equal(fixAllText(text, (t) => check(t)).text, fixed);
  });

  it('a tab in front of a field is still replaced by the field\'s indentation', () => {
    const text = article({ question: 'question: |\n  Hej!\n\tVarför gör det ont?' });
    const fix = preferredFix(only(check(text), 'yaml-syntax')[0])!;
    assert.equal(fix.title, 'Replace the tab with spaces');
    assert.match(applyEdits(text, fix.edits), /\n {2}Varför gör det ont\?\n/);
  });

  it('`--` where the fence belongs: the fix corrects it, and a fix-all applies it', () => {
    const plain = 'Svaret.\n\n**Sammanfattning:**\n- En punkt\n';
    // With no `---` below, the fields are never closed; with one in the answer, they run on to it.
    for (const [answer, rule] of [[plain, 'frontmatter-unclosed'], [body, 'yaml-syntax']] as const) {
      const text = `---\n${fields.join('\n')}\n--\n\n${answer}`;
      const [p] = only(check(text), rule);
      if (rule === 'yaml-syntax') {
        assert.equal(p.message, 'The fields end with a line `---`; this line has `--`, so the site reads the answer below it as fields too.');
        assert.equal(p.range.start.line, fields.length + 1);
      }
      const fix = preferredFix(p)!;
      assert.equal(fix.title, 'Correct `--` to the closing `---`');
      const right = `---\n${fields.join('\n')}\n---\n\n${answer}`;
      assert.equal(applyEdits(text, fix.edits), right);
      assert.equal(fixAllText(text, (t) => check(t)).text, right);
    }
  });

  it('`--` below fields the site cannot read: offered, but no fix-all guesses', () => {
    // A lone CR splits the date where the writer typed none.
    const broken = fields.map((f) => (f.startsWith('date') ? 'date: 2017-08\r-15' : f));
    const text = `---\n${broken.join('\n')}\n--\n\nSvaret.\n`;
    const [p] = only(check(text), 'frontmatter-unclosed');
    assert.equal(preferredFix(p), undefined);
    assert.equal(p.fixes?.[0].title, 'Correct `--` to the closing `---`');
    assert.equal(fixAllText(text, (t) => check(t)).text, text);
  });

  it('a closing fence that would leave no fields is never applied by a fix-all', () => {
    // The fence moved up and indented, the fields written as one flow mapping below it.
    const text = '---\n ---\n{title: "Ont i axeln", category: "axel", published: true}\n\nSvaret.\n';
    const [p] = only(check(text), 'frontmatter-unclosed');
    assert.equal(preferredFix(p), undefined, fixOf(p)?.title);
    assert.equal(fixAllText(text, (t) => check(t)).text, text);
  });
});

describe('a signature written twice', () => {
  it('in the question: removing the name removes both copies', () => {
    const text = article({ question: 'question: |\n  Hej!\n  Varför gör det ont?\n  /Pernilla\n  /Pernilla' });
    const [p] = only(check(text), 'patient-name');
    const fixed = applyEdits(text, preferredFix(p)!.edits);
    assert.equal(parseArticle(fixed).data?.question, 'Hej!\nVarför gör det ont?\n');
    assert.deepEqual(only(check(fixed), 'patient-name'), []);
  });

  it('the author\'s signature in the question, twice: both go', () => {
    const text = article({ author: 'author: "Dr. Carlos Rivero Siri"', question: 'question: |\n  Hej!\n  Varför gör det ont?\n    /Carlos Rivero Siri\n    /Carlos Rivero Siri' });
    const [p] = only(check(text), 'answer-signature');
    const fixed = applyEdits(text, preferredFix(p)!.edits);
    assert.equal(parseArticle(fixed).data?.question, 'Hej!\nVarför gör det ont?\n');
  });

  it('a signature once, after a line that only looks like it, keeps that line', () => {
    const text = article({ question: 'question: |\n  Hej!\n  Jag heter Pernilla.\n  /Pernilla' });
    const fixed = applyEdits(text, preferredFix(only(check(text), 'patient-name')[0])!.edits);
    assert.equal(parseArticle(fixed).data?.question, 'Hej!\nJag heter Pernilla.\n');
  });
});

describe('what a fix-all counts as an error it added', () => {
  it('a whole line rewritten (with its line break) touches that line, not the one after it', () => {
    // The second error was there before: the site reports one at a time.
    const text = '---\ntitle: a: b\nx: 1\n---\n';
    const before: Problem[] = [{ rule: 'yaml-syntax', severity: 'error', message: 'one', start: 4, end: 5, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } }];
    const after = (line: number): Problem[] => [{ rule: 'yaml-syntax', severity: 'error', message: 'two', start: 0, end: 1, range: { start: { line, character: 0 }, end: { line, character: 1 } } }];
    const edits = [{ start: 4, end: 16, newText: 'title: "a: b"\n' }];
    assert.deepEqual(addedErrors(text, edits, before, after(3)), []);
    // The lines next to the one written still count.
    assert.equal(addedErrors(text, edits, before, after(2)).length, 1);
  });

  it('an error of the same rule on the same line, its message changed by the edit, is not a new one', () => {
    const text = '---\nstatus: “Axel”\nx: 1\n---\n';
    const err = (message: string, line: number, character: number, start: number): Problem => ({ rule: 'schema-enum', severity: 'error', message, start, end: start + 1, range: { start: { line, character }, end: { line, character: character + 1 } } });
    const before = [err('"“Axel”" is not allowed', 1, 8, 12)];
    // The whole line rewritten (as a line diff of a fix-all gives it): the error stays on its line.
    const whole = [{ start: 4, end: 19, newText: 'status: "Axel"\n' }];
    assert.deepEqual(addedErrors(text, whole, before, [err('"Axel" is not allowed', 1, 8, 12)]), []);
    // Two lines added above it: still the same error, two lines down.
    const above = [{ start: 4, end: 4, newText: 'a: 1\nb: 2\n' }];
    assert.deepEqual(addedErrors(text, above, before, [err('"Axel" is not allowed', 3, 8, 22)]), []);
    // On another line it is another error.
    assert.equal(addedErrors(text, whole, before, [err('"Axel" is not allowed', 2, 0, 20)]).length, 1);
  });
});

describe('values typed as writers type them', () => {
  const dateOf = (v: string) => article({ date: `date: ${v}` });
  it('a date written another way gets the same day as YYYY-MM-DD; a fix-all writes it only where it is sure', () => {
    for (const [typed, iso, sure] of [
      ['2024-3-5', '2024-03-05', true],
      ['11 mars 2024', '2024-03-11', true],
      ['den 1 jan. 2024', '2024-01-01', true],
      ['"11 mars 2024"', '2024-03-11', true],
      ['20240311', '2024-03-11', true],
      ['2024/03/11', '2024-03-11', true],
      ['11/3 2024', '2024-03-11', false],
      ['5.3.2024', '2024-03-05', false],
    ] as const) {
      const text = dateOf(typed);
      const [p] = only(check(text), 'yaml-type');
      assert.ok(p, typed);
      assert.match(p.message, new RegExp(`write date: ${iso}`), typed);
      assert.equal(p.fixes?.[0].title, `Write the date as ${iso}`, typed);
      assert.equal(!!p.fixes?.[0].preferred, sure, typed);
      assert.equal(applyEdits(text, p.fixes![0].edits), dateOf(iso), typed);
      assert.deepEqual(only(check(dateOf(iso)), 'yaml-type'), [], typed);
    }
    const [sv] = only(check(dateOf('11 mars 2024'), { lang: 'sv' }), 'yaml-type');
    assert.equal(sv.message, 'Webbplatsen läser bara datum skrivna ÅÅÅÅ-MM-DD (utan citattecken): skriv date: 2024-03-11 för ”11 mars 2024”.');
  });

  it('a day that does not exist, or a month name unknown, gets no date written for it', () => {
    for (const typed of ['30 februari 2024', '11 marz 2024', '2024-2-30', 'igår', '11 constructor 2024', '1 toString 2024']) {
      const [p] = only(check(dateOf(typed)), 'yaml-type');
      assert.equal(p.message, '`date` must be a date written as YYYY-MM-DD without quotes, e.g. date: 2017-08-15.', typed);
      assert.deepEqual(p.fixes ?? [], [], typed);
    }
  });

  it('tags written as a comma list: the example shows the list the fix writes', () => {
    const text = article({ tags: 'tags: impingement, smärta' });
    const [p] = only(check(text), 'yaml-type');
    assert.equal(p.message, '`tags` must be a list, e.g. tags: ["impingement", "smärta"]');
    assert.equal(applyEdits(text, preferredFix(p)!.edits), article({ tags: 'tags: ["impingement", "smärta"]' }));
  });

  it('a no-break space or a full-width colon between key and value: named, and the fix writes `: `', () => {
    for (const [line, words] of [
      ['category:\u00a0"axel"', /After `category:` comes a special space/],
      ['category：\u00a0"axel"', /full-width colon/],
      ['category： "axel"', /full-width colon/],
    ] as const) {
      const text = article({ category: line });
      const [p] = only(check(text), 'yaml-syntax');
      assert.match(p?.message ?? '(none)', words, JSON.stringify(line));
      const fixed = applyEdits(text, preferredFix(p)!.edits);
      assert.equal(fixed, article(), JSON.stringify(line));
    }
  });
});

describe('typographic quotes around a value', () => {
  it('a title in ”…” (as a word processor writes it) is a warning, and the fix writes straight quotes', () => {
    for (const [line, open, close] of [['title: ”Ont i axeln”', '”', '”'], ['title: “Ont i axeln”', '“', '”'], ['title: «Ont i axeln»', '«', '»'], ["title: ’Ont i axeln’", '’', '’']] as const) {
      const text = article({ title: line });
      const [p] = only(check(text), 'typographic-quotes');
      assert.equal(p?.message, `The value of \`title\` is in typographic quotes ${open}…${close}, which YAML keeps as text: the page shows them. Write straight quotes "…".`, line);
      const fixed = applyEdits(text, preferredFix(p)!.edits);
      assert.equal(fixed, article(), line);
      assert.equal(parseArticle(fixed).data?.title, 'Ont i axeln');
    }
    const [sv] = only(check(article({ title: 'title: ”Ont i axeln”' }), { lang: 'sv' }), 'typographic-quotes');
    assert.match(sv.message, /^Värdet i `title` står inom typografiska citattecken ”…”/);
  });

  it('a quotation at the start of a title, or quotes inside straight ones, are the writer\'s text', () => {
    for (const line of ['title: ”Frusen axel” – vad är det?', 'title: "”Ont i axeln”"', 'title: ”Ont” i ”axeln”', 'title: Ont i axeln']) {
      assert.deepEqual(only(check(article({ title: line })), 'typographic-quotes'), [], line);
    }
  });
});

describe('two greetings are no name', () => {
  it('"Stort tack på förhand." above "Med Vänliga Hälsningar" signs with no name', () => {
    const text = article({ question: 'question: |\n  Hej!\n  Varför gör det ont?\n  Stort tack på förhand.\n\n  Med Vänliga Hälsningar' });
    assert.deepEqual(only(check(text), 'patient-name'), []);
    // With a name below them, the name is the sign-off.
    const named = article({ question: 'question: |\n  Hej!\n  Varför gör det ont?\n  Stort tack på förhand.\n  Med Vänliga Hälsningar\n  Anna Berg' });
    assert.equal(only(check(named), 'patient-name')[0]?.message.includes('"Anna Berg"'), true);
  });
});

describe('yes and no typed in words', () => {
  it('`Published: ja`: the fix renames the key and writes true, as a fix-all does', () => {
    const text = article({ published: 'Published: ja' });
    const [p] = only(check(text), 'published-typo');
    const fix = preferredFix(p)!;
    assert.equal(fix.title, 'Rename to `published` and write true');
    assert.equal(applyEdits(text, fix.edits), article({ published: 'published: true' }));
    assert.equal(fixAllText(text, (t) => check(t)).text, article({ published: 'published: true' }));
    // The plain rename stays on offer.
    assert.equal(p.fixes?.[1].title, 'Rename to `published`');
    const [sv] = only(check(article({ published: 'Publised: nej' }), { lang: 'sv' }), 'published-typo');
    assert.equal(preferredFix(sv)!.title, 'Byt namn till `published` och skriv false');
  });

  it('a word that is only a name on an object is no yes or no', () => {
    for (const word of ['constructor', 'toString', '__proto__']) {
      const [p] = only(check(article({ published: `published: ${word}` })), 'yaml-type');
      assert.ok(p, word);
      assert.ok(!(p.fixes ?? []).some((f) => /function|\[object/.test(f.title + JSON.stringify(f.edits))), word);
      assert.deepEqual(only(check(article({ published: `Published: ${word}` })), 'published-typo')[0]?.fixes?.map((f) => f.title), ['Rename to `published`'], word);
    }
  });
});

describe('fix-all picks its fixes as before, only faster', () => {
  it('the same fixes as comparing every edit with every one taken, on random edits and insertions', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let round = 0; round < 200; round++) {
      const problems: Problem[] = Array.from({ length: 60 }, (_, i) => {
        const edits = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => {
          const start = Math.floor(rnd() * 50);
          const end = rnd() < 0.3 ? start : start + 1 + Math.floor(rnd() * 6);
          return { start, end, newText: String(i) };
        });
        return { rule: 'x', severity: 'warning', message: String(i), start: 0, end: 0, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [{ title: 't', edits, preferred: true }] };
      });
      // The plain way: each fix against every edit already taken.
      const taken: { start: number; end: number; newText: string }[] = [];
      const want: string[] = [];
      const seen = new Set<string>();
      for (const p of problems) {
        const edits = p.fixes![0].edits;
        const key = JSON.stringify(edits);
        if (seen.has(key)) {
          want.push(p.message);
          continue;
        }
        if (edits.some((e, i) => edits.some((f, j) => j < i && editsOverlap(e, f)))) continue;
        if (edits.some((e) => taken.some((t) => editsOverlap(e, t)))) continue;
        seen.add(key);
        taken.push(...edits);
        want.push(p.message);
      }
      assert.deepEqual(fixAll(problems).fixed.map((p) => p.message), want, `round ${round}`);
    }
  });
});

describe('invisible characters in the fields', () => {
  it('the fix deletes every one the site refuses, not only the first it stopped at', () => {
    const text = article({ title: 'title: "Ont\u0000 i axeln"', author: 'author: "Dr.\u0007 A"' });
    const [p] = only(check(text), 'yaml-syntax');
    const fix = preferredFix(p)!;
    assert.equal(fix.title, 'Delete the 2 invisible characters');
    assert.equal(applyEdits(text, fix.edits), article());
    assert.equal(preferredFix(only(check(article({ title: 'title: "Ont\u0000 i axeln"' }), { lang: 'sv' }), 'yaml-syntax')[0])!.title, 'Ta bort det osynliga tecknet');
  });

  // `npm run fuzz -- --seed 22`, case 41126: a NUL stops the site's reader before it reads
  // anything, so a line below it indented one space too few is found only once the NUL is gone.
  const indentedTooFew = 'question: |\n  Hej!\n  \u0000\n Varför gör det ont?';
  const wrongIndent = 'Wrong indentation: line up this line with the other fields, or indent it under the field it belongs to.';
  const errorsOf = (text: string) => check(text).filter((p) => p.severity === 'error');

  it('Fix All deletes a NUL even when the line below it was broken all along, and then shows that line', () => {
    const text = article({ question: indentedTooFew });
    const [p, ...rest] = errorsOf(text);
    assert.deepEqual(rest, []);
    assert.equal(p.message, "An invisible control character (U+0000) is in this value: the site's build fails on it. Delete it.");
    assert.equal(preferredFix(p)?.title, 'Delete the invisible character');
    const all = fixAllText(text, (t) => check(t));
    assert.equal(all.text, text.replace('\u0000', ''), 'only the NUL is deleted');
    const left = errorsOf(all.text);
    assert.deepEqual(left.map((q) => [q.range.start.line, q.message]), [[12, wrongIndent]]);
    assert.equal(buildFails(all.text), true, 'the site fails on that line too');
    assert.deepEqual(addedErrors(text, all.edits, [p], left), []);
  });

  it('with a field indented above it too, Fix All mends both and adds no error', () => {
    const text = article({ date: ' date: 2017-08-15', question: indentedTooFew });
    const before = errorsOf(text);
    assert.equal(before.length, 1);
    assert.match(before[0].message, /U\+0000/);
    const all = fixAllText(text, (t) => check(t));
    assert.equal(all.text, article({ question: indentedTooFew.replace('\u0000', '') }));
    const left = errorsOf(all.text);
    assert.deepEqual(left.map((q) => [q.range.start.line, q.message]), [[12, wrongIndent]]);
    assert.deepEqual(addedErrors(text, all.edits, before, left), []);
  });

  it('a NUL whose deletion would indent the lines below it under a field is still left to the writer', () => {
    // Without the NUL, `  namn: 1` becomes patientName's and the line after it no longer reads.
    const text = article({ patientName: 'patientName:\n\u0000  namn: 1\n  Anna' });
    const [p] = errorsOf(text);
    assert.match(p.message, /U\+0000/);
    assert.equal(preferredFix(p), undefined);
    assert.equal(p.fixes?.[0].title, 'Delete the invisible character');
    assert.equal(fixAllText(text, (t) => check(t)).text, text);
  });
});
