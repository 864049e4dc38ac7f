// Inputs that made a regular expression backtrack quadratically: each must give the right
// result, and the guard fails only when one takes more than two seconds of CPU time (on the old
// patterns these took from ten seconds to minutes; the linear ones take milliseconds). CPU time,
// not the clock: on a busy machine the clock runs on while this process waits for a core.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findPersonalData } from '../../src/core/check/personalData';
import { answerReadability } from '../../src/core/check/readability';
import { complete } from '../../src/core/complete/completions';
import { CorpusIndex } from '../../src/core/corpus';
import { parseArticle } from '../../src/core/parse';
import { renderArticle } from '../../src/core/render/article';
import { extractSummary } from '../../src/core/render/markdown';
import { defaultSchema } from '../../src/core/schema';
import { newArticleText } from '../../src/core/workflow/newArticle';
import { editsOverlap, fixAllText, selfOverlapping } from '../../src/core/fix/index';
import { article, check, CORPUS, only } from './helpers';

const N = 100_000;
const BLANKS = ' '.repeat(N);
const TABS = '\t'.repeat(N);

/**
 * Runs `f`, failing if it took more than `limitMs` of this process's CPU time (two seconds
 * unless said): a hang guard, not a speed test.
 */
function guarded<T>(what: string, f: () => T, limitMs = 2000): T {
  const t0 = process.cpuUsage();
  const r = f();
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < limitMs, `${what} took ${Math.round(ms)} ms of CPU time: super-linear on this input`);
  return r;
}

describe('summary label followed by a long run of blanks', () => {
  for (const [name, blanks] of [['spaces', BLANKS], ['tabs', TABS]] as const) {
    for (const bold of ['**', '__']) {
      it(`${bold}Sammanfattning + ${N} ${name} + x is no label: check and preview say so (${name}, ${bold})`, () => {
        const text = article({}, `Svaret.\n\n${bold}Sammanfattning${blanks}x\n`);
        const problems = guarded('check', () => check(text));
        assert.deepEqual(only(problems, 'summary-block').map((p) => p.message), ['The answer has no summary block: end it with a line **Sammanfattning:** and a bullet list of the key points.']);
        const html = guarded('render', () => renderArticle(parseArticle(text)));
        assert.doesNotMatch(html, /data-qa="summary"/);
      });

      it(`a real label with ${N} ${name} before its colon is still a label (${bold})`, () => {
        const text = article({}, `Svaret.\n\n${bold}Sammanfattning${blanks}:${bold}\n- En punkt\n`);
        assert.deepEqual(only(guarded('check', () => check(text)), 'summary-block'), []);
        const html = guarded('render', () => renderArticle(parseArticle(text)));
        assert.match(html, /<aside class="qa-key-points" data-qa="summary"[^>]*>[\s\S]*<li[^>]*>En punkt<\/li>/);
      });
    }
  }

  it('a heading Sammanfattning + blanks + x is not the summary heading', () => {
    const s = guarded('extractSummary', () => extractSummary(`Svar.\n\n## Sammanfattning${BLANKS}x\n\n- punkt\n`));
    assert.equal(s, undefined);
    const real = guarded('extractSummary', () => extractSummary(`Svar.\n\n## Sammanfattning${BLANKS}:${BLANKS}\n\n- punkt\n`));
    assert.deepEqual(real?.items, ['punkt']);
  });
});

describe('personal data next to long runs', () => {
  it('a run of % before an e-mail address', () => {
    const text = '%'.repeat(N) + ' skriv till a@b.se';
    const found = guarded('findPersonalData', () => findPersonalData(text));
    assert.deepEqual(found, [{ kind: 'email', start: text.indexOf('a@b.se'), end: text.length }]);
  });

  it('a long local part that never reaches a domain', () => {
    assert.deepEqual(guarded('findPersonalData', () => findPersonalData('a%'.repeat(N / 2) + '@')), []);
    assert.deepEqual(guarded('findPersonalData', () => findPersonalData('a@' + 'a-'.repeat(N / 2))), []);
    assert.deepEqual(guarded('findPersonalData', () => findPersonalData('a.'.repeat(N / 2) + '@x')), []);
  });

  it('long runs of digits, spaces and hyphens', () => {
    assert.deepEqual(guarded('findPersonalData', () => findPersonalData('1'.repeat(N))), []);
    assert.deepEqual(guarded('findPersonalData', () => findPersonalData('0' + ' 1'.repeat(N / 2))), []);
    assert.deepEqual(guarded('findPersonalData', () => findPersonalData('0-'.repeat(N / 2))), []);
  });
});

describe('frontmatter lines with long runs of blanks', () => {
  it('a missing title next to a question line of blanks still gets its add-field fix', () => {
    const text = article({ title: null, question: `question: |\n  a${BLANKS}b` });
    const req = only(guarded('check', () => check(text)), 'schema-required');
    assert.equal(req.length, 1);
    assert.equal(req[0].fixes?.length, 1);
  });

  it('tag items with long runs of blanks: completion still knows which tags are there', () => {
    const index = new CorpusIndex();
    index.set('/a.md', { tags: ['smärta', 'knä', 'träning'], published: true });
    const text = `---\ntitle: "x"\ntags:\n  - smärta${BLANKS}# vanligast\n  - knä${BLANKS}x\n  - \n---\n`;
    const offset = text.indexOf('  - \n') + 4;
    const items = guarded('complete', () => complete(text, offset, { schema: defaultSchema(), index, lang: 'en', today: '2024-06-01' }));
    // smärta is written (its comment aside); `knä   x` is another value, so knä is still offered.
    assert.deepEqual(items.map((i) => i.label).sort(), ['knä', 'träning']);
  });

  it('a pasted question with long trailing blanks becomes a clean block', () => {
    const { text } = guarded('newArticleText', () => newArticleText({ category: 'axel', topic: '', title: 'T', question: `Rad ett${BLANKS}\nRad${TABS}två${BLANKS}`, author: '', eol: '\n' }));
    assert.match(text, /question: \|\n {2}Rad ett\n {2}Rad {2,}två\n/);
  });
});

describe('a table with a very long row', () => {
  it('is read once: each cell border is searched for once, not again for every word', () => {
    const words = 600_000;
    const body = `| Vecka | Råd |\n|---|---|\n| ett | ${'vila '.repeat(words)}|\n`;
    const r = guarded('readability of a 3 MB table row', () => answerReadability({ article: parseArticle(article({}, body)) }));
    assert.equal(r.counts.words, 2 + 1 + words);
    // Header cells, then the row's two cells: four blocks.
    assert.deepEqual(r.sentences.map((s) => s.words), [1, 1, 1, words]);
  });
});

describe('an author written out many times over', () => {
  // Pasted 80 times: each of the name's words gave 80 equal alternatives to the search for the
  // author's name ending the answer (15 s on this input; 2 minutes at 230 times).
  const author = 'author: "' + 'Dr. Carlos Rivero Siri '.repeat(80).trim() + '"';
  it('a last line that is no signature: none found, in linear time', () => {
    const text = article({ author }, 'Det läker av sig självt. Carlos Rivero Siri Carlos Rivero x\n');
    assert.deepEqual(only(guarded('check', () => check(text)), 'answer-signature'), []);
  });
  it('an author of 2,000 different words (a text of the corpus pasted in): checked in linear time', { skip: !fs.existsSync(CORPUS) && `no corpus at ${CORPUS}` }, () => {
    // Each word's letters after its first three were a pattern of their own: 15 s here.
    const corpus = fs.readdirSync(CORPUS).sort().slice(0, 80).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8')).join(' ');
    const words = [...new Set(corpus.replace(/[^\p{L} ]/gu, ' ').split(/\s+/).filter((w) => w.length >= 3).map((w) => w[0].toUpperCase() + w.slice(1)))].slice(0, 2000);
    const text = article({ author: `author: "${words.join(' ')}"` }, 'Det läker av sig självt. Carlos Rivero Siri Carlos Rivero x\n');
    assert.deepEqual(only(guarded('check', () => check(text)), 'answer-signature'), []);
  });
  it('the author\'s name ending the answer is still found', () => {
    const text = article({ author }, 'Det läker av sig självt. Rivero Siri\n');
    assert.deepEqual(only(guarded('check', () => check(text)), 'answer-signature').map((p) => p.message), ['The answer ends with a signature ("Rivero Siri"): the site already shows the author above the answer. Remove it.']);
  });
});

describe('a patient name as long as a question', () => {
  it('20,000 characters in patientName: no name to search for, and the check does not throw', () => {
    // As a case-blind pattern the name overflowed the regular expression compiler's stack.
    const name = 'Maria '.repeat(3400).trim();
    const text = article({ patientName: `patientName: "${name}"` }, `Hej ${name}!\n\n**Sammanfattning:**\n- Vila\n`);
    assert.deepEqual(only(guarded('check', () => check(text)), 'patient-name'), []);
    // A name of a person's length is still found.
    const short = article({ patientName: 'patientName: "Maria Svensson"' }, 'Hej Maria Svensson!\n\n**Sammanfattning:**\n- Vila\n');
    assert.deepEqual(only(check(short), 'patient-name').map((p) => p.message), ['The patient\'s name "Maria Svensson" (the patientName field) stands in the text, which the site shows to everyone: remove it here.']);
  });
});

describe('a list of very many quoted tags', () => {
  it("200,000 tags on one line: read in linear time, and no error", () => {
    // Each quoted value searched the rest of the text for a backslash: the parse alone took 4.5 s here.
    const tags = Array.from({ length: 200_000 }, (_, i) => `"tagg${i}"`).join(', ');
    const text = article({ tags: `tags: [${tags}]` });
    const a = guarded('parse', () => parseArticle(text));
    assert.equal((a.data?.tags as string[]).length, 200_000);
    assert.deepEqual(guarded('check', () => check(text)).filter((p) => p.severity === 'error'), []);
  });
});

describe('a frontmatter of very many fields', () => {
  it('25,000 distinct fields and one written twice: the repeat is found, in linear time', () => {
    // The yaml package's own check of repeated keys compares each key with all before it (5 s here; 137 s for 100,000).
    const fields = Array.from({ length: 25_000 }, (_, i) => `k${i}: b`).join('\n');
    const text = `---\ntitle: "Ont"\n${fields}\nk7: c\n---\n\nSvar.\n`;
    const a = guarded('parse', () => parseArticle(text));
    assert.deepEqual(a.sourceIssues.map((i) => [i.code, a.lines.positionAt(i.start).line]), [['DUPLICATE_KEY', 25_002]]);
    const [dup] = only(guarded('check', () => check(text)), 'yaml-duplicate-key');
    assert.match(dup.message, /`k7`/);
  });
});

describe('a fix of very many edits', () => {
  it('a question of 100,000 lines pasted at the left margin: one fix indents them all, and Fix All applies it', () => {
    const lines = 'Jag har ont i knät.\n'.repeat(N);
    const text = `---\ntitle: "Knät"\ncategory: kna\ndate: 2020-01-01\nquestion: |\n${lines}---\n\nSvar.\n`;
    const [p] = guarded('check', () => check(text)).filter((q) => q.severity === 'error');
    assert.match(p.message, /text of `question` must be indented/);
    assert.equal(p.fixes![0].edits.length, N);
    // Fix All checks the 100,000 lines again after each pass: about two seconds, linear; pair by pair it took minutes.
    const r = guarded('fix-all', () => fixAllText(text, (t) => check(t)), 20_000);
    // (A second pass adds the summary block the answer lacks.)
    assert.ok(r.text.startsWith(text.replace(lines, '  Jag har ont i knät.\n'.repeat(N)).split('\n---\n')[0] + '\n---\n'));
  });
  it('whether a fix\'s own edits overlap is what comparing every pair says', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let round = 0; round < 2000; round++) {
      const edits = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => {
        const start = Math.floor(rnd() * 30);
        return { start, end: rnd() < 0.4 ? start : start + 1 + Math.floor(rnd() * 5), newText: '' };
      });
      const pairwise = edits.some((e, i) => edits.some((f, j) => j < i && editsOverlap(e, f)));
      assert.equal(selfOverlapping(edits), pairwise, JSON.stringify(edits));
    }
  });
});

describe('a frontmatter of 100,000 fields the site does not know (a pasted table)', () => {
  for (const [name, fence, sep] of [['YAML', '---', ': '], ['TOML', '+++', ' = ']] as const) {
    it(`${name}: each is reported, the first ones with the known field they may mean`, () => {
      const text = `${fence}\n${Array.from({ length: N }, (_, i) => `k${i}${sep}${i}`).join('\n')}\ndescripton${sep}"x"\n${fence}\n\nSvaret.\n`;
      // Comparing every key with the known ones took 6 s.
      const ps = guarded('check', () => check(text), 4000);
      assert.equal(only(ps, 'unknown-field').length, N + 1);
      assert.equal(only(ps, 'unknown-field').filter((p) => p.message.includes('did you mean')).length, 0, 'descripton, past the first hundred, is not compared');
      const early = check(`${fence}\ndescripton${sep}"x"\n${Array.from({ length: 200 }, (_, i) => `k${i}${sep}${i}`).join('\n')}\n${fence}\n\nSvaret.\n`);
      assert.match(only(early, 'unknown-field')[0].message, /did you mean `description`/);
    });
  }
});
