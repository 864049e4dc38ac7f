import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { previewCommand } from '../../src/cli/preview';
import { parseArticle } from '../../src/core/parse';
import { escapeHtml, extractSummary, formatSwedishDate, lix, lixBand, renderArticle, renderPage, renderWebviewHtml } from '../../src/core/render';
import type { Problem } from '../../src/core/types';
import { CORPUS } from './helpers';


function article(fields: string, body = 'Svar.\n'): string {
  return `---\n${fields}\n---\n\n${body}`;
}

const BASE = 'title: "Ont i axeln"\ncategory: "axel"\ndate: 2017-08-15\nauthor: "Dr. Test"\nquestion: |\n  Rad ett\n  Rad två\n\n  Nytt stycke';

/** The inner HTML of the first element carrying data-qa=name (good enough for flat hooks). */
function hook(html: string, name: string): string | undefined {
  const m = new RegExp(`<(\\w+)[^>]*data-qa="${name}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m?.[2];
}

describe('formatSwedishDate', () => {
  const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  it('writes every month in Swedish', () => {
    months.forEach((name, i) => assert.equal(formatSwedishDate(new Date(Date.UTC(2017, i, 15))), `15 ${name} 2017`));
  });
  it('formats in UTC, so a YAML date never slips a day', () => {
    assert.equal(formatSwedishDate(new Date('2017-08-01T00:00:00Z')), '1 augusti 2017');
    assert.equal(formatSwedishDate(new Date('2017-12-31T23:30:00Z')), '31 december 2017');
  });
  it('gives an empty string for an invalid date', () => {
    assert.equal(formatSwedishDate(new Date('nope')), '');
  });
});

describe('extractSummary', () => {
  it('finds the label and its list', () => {
    const s = extractSummary('Svar här.\n\n**Sammanfattning:**\n- Ett\n- Två *viktigt*\n');
    assert.deepEqual(s?.items, ['Ett', 'Två *viktigt*']);
    assert.equal(s?.intro, undefined);
    assert.equal(s?.startLine, 2);
    assert.equal(s?.endLine, 5);
  });
  it('is undefined when there is no summary', () => {
    assert.equal(extractSummary('Bara ett svar.\n\n- en lista\n'), undefined);
    assert.equal(extractSummary(''), undefined);
  });
  it('reads CRLF line ends', () => {
    const s = extractSummary('Svar.\r\n\r\n**Sammanfattning:**\r\n- Ett\r\n- Två\r\n');
    assert.deepEqual(s?.items, ['Ett', 'Två']);
    assert.equal(s?.startLine, 2);
  });
  it('keeps the inline form without a list as intro', () => {
    const s = extractSummary('Svar.\n\n**Sammanfattning:** Sök vård snart.\n');
    assert.equal(s?.intro, 'Sök vård snart.');
    assert.deepEqual(s?.items, []);
  });
  it('accepts a Sammanfattning heading and a blank line before the list', () => {
    assert.deepEqual(extractSummary('Svar.\n\n### Sammanfattning\n\n- A\n- B\n')?.items, ['A', 'B']);
  });
  it('takes the last summary when there are two', () => {
    assert.deepEqual(extractSummary('**Sammanfattning:**\n- A\n\nMer.\n\n**Sammanfattning:**\n- B\n')?.items, ['B']);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    assert.equal(escapeHtml(undefined), '');
  });
});

describe('lix', () => {
  it('scores a known text', () => {
    // 12 words, 2 sentences, 1 word over six letters ("promenader"): 12/2 + 100·1/12.
    const r = lix('Jag har en hund. Den är mycket snäll och tycker om promenader.');
    assert.equal(r.words, 12);
    assert.equal(r.sentences, 2);
    assert.equal(r.longWords, 1);
    assert.ok(Math.abs(r.score - (6 + 100 / 12)) < 1e-9);
    assert.equal(r.band, 'mycket lätt');
  });
  it('does not end a sentence inside a number', () => {
    assert.equal(lix('Ta 1.5 tabletter klockan 08:30 varje dag.').sentences, 1);
  });
  it('uses the Swedish bands', () => {
    assert.deepEqual([10, 25, 34.9, 35, 44, 45, 54, 55, 70].map(lixBand), ['mycket lätt', 'lätt', 'lätt', 'medelsvår', 'medelsvår', 'svår', 'svår', 'mycket svår', 'mycket svår']);
  });
  it('is zero for no words', () => {
    assert.deepEqual(lix('  \n '), { score: 0, band: 'mycket lätt', words: 0, sentences: 0, longWords: 0 });
  });
  it('ends a sentence at a stop before any white space, and at a blank line without one', () => {
    const n = (t: string) => lix(t).sentences;
    assert.equal(n('Vila.\tTräna.\u00a0Gå!\u2028Spring? Nej: ja'), 6, '. ! ? and : each end one');
    assert.equal(n('Vila en vecka\n  \nTräna sedan'), 2, 'a blank line (blanks allowed) ends a paragraph without a stop');
    assert.equal(n('Vila en vecka\nTräna sedan'), 1, 'one line break is no end');
    assert.equal(n('Vila.\u0001Träna'), 1, 'a control character is no space');
    assert.equal(n('Vila😀. Träna 𝐀𝐁𝐂𝐃𝐄𝐅𝐆.'), 2);
  });
  it('counts words and long words as a reader does: hyphens and apostrophes join, digits are no letters', () => {
    const r = lix("AC-leden är ont. Patientens röntgen’s bild visar 1234567 och ½ samt 𝐀𝐁𝐂𝐃𝐄𝐅𝐆 – ja");
    // AC-leden, är, ont, Patientens, röntgen’s, bild, visar, 1234567, och, ½, samt, 𝐀𝐁𝐂𝐃𝐄𝐅𝐆, ja
    assert.equal(r.words, 13);
    // Long (more than six letters): AC-leden (7 letters), Patientens, röntgen’s (8), 𝐀𝐁𝐂𝐃𝐄𝐅𝐆 (7); 1234567 has no letters.
    assert.equal(r.longWords, 4);
    assert.equal(lix('a-').words, 1, 'a hyphen at the end joins nothing');
    assert.equal(lix("ord-'ord").words, 2, 'two joiners in a row split');
  });
});

describe('renderArticle', () => {
  it('labels every category in Swedish', () => {
    for (const [value, label] of [['axel', 'Axel'], ['kna', 'Knä'], ['armbage', 'Armbåge'], ['annat', 'Annat']]) {
      const html = renderArticle(parseArticle(article(BASE.replace('"axel"', `"${value}"`))));
      assert.equal(hook(html, 'category'), label);
    }
  });
  it('shows an unknown category or status as written, even one named like a built-in', () => {
    assert.equal(hook(renderArticle(parseArticle(article(BASE.replace('"axel"', '"höft"')))), 'category'), 'höft');
    assert.equal(hook(renderArticle(parseArticle(article(BASE.replace('"axel"', '"constructor"')))), 'category'), 'constructor');
    assert.match(hook(renderArticle(parseArticle(article(`${BASE}\nstatus: "toString"`))), 'status') ?? '', /Status: toString/);
  });
  it('shows images as a placeholder instead of loading them', () => {
    const html = renderArticle(parseArticle(article(BASE, 'Se ![röntgen](https://example.com/x.png).\n')));
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<span class="qa-image" title="https:\/\/example.com\/x.png">\[Bild: röntgen\]<\/span>/);
  });
  it('fills the header and question hooks', () => {
    const html = renderArticle(parseArticle(article(`${BASE}\npatientName: "Carina"\npatientAge: 28`)));
    assert.equal(hook(html, 'title'), 'Ont i axeln');
    assert.equal(hook(html, 'date'), '15 augusti 2017');
    assert.equal(hook(html, 'author'), 'Dr. Test');
    assert.equal(hook(html, 'asker'), 'Carina, 28 år');
    assert.match(hook(html, 'question') ?? '', /<p>Rad ett<br>Rad två<\/p>\s*<p>Nytt stycke<\/p>/);
    assert.equal(hook(html, 'answerer'), 'Dr. Test');
    assert.match(html, /data-qa="answerer">Dr\. Test<\/span> <span class="qa-verb">svarar<\/span>/);
    assert.match(html, /data-qa="asker">Carina, 28 år<\/span> <span class="qa-verb">frågar<\/span>/);
  });
  it('calls an anonymous asker Patient and leaves out a missing author', () => {
    const html = renderArticle(parseArticle(article(BASE.replace('author: "Dr. Test"\n', ''))));
    assert.equal(hook(html, 'asker'), 'Patient');
    assert.equal(hook(html, 'author'), undefined);
    // The page invents no author (the search result's fallback sentence is the site's own, above the page).
    assert.doesNotMatch(html.slice(html.indexOf('<article')), /Carlos/);
  });
  it('shows the status banner only when it applies', () => {
    assert.equal(hook(renderArticle(parseArticle(article(BASE))), 'status'), undefined);
    assert.equal(hook(renderArticle(parseArticle(article(`${BASE}\npublished: true`))), 'status'), undefined);
    assert.match(hook(renderArticle(parseArticle(article(`${BASE}\npublished: false`))), 'status') ?? '', /Inte publicerad: artikeln finns inte med i webbplatsens listor .*men sidan byggs ändå och kan nås på sin adress: <span class="qa-address">sodermalmsortopedi\.se\/fraga-doktorn\/…<\/span>/);
    const draft = hook(renderArticle(parseArticle(article(`${BASE}\nstatus: "utkast"`))), 'status') ?? '';
    assert.match(draft, /Utkast/);
    assert.doesNotMatch(draft, /Inte publicerad/);
    assert.match(hook(renderArticle(parseArticle(article(`${BASE}\nstatus: "obesvarad"\npublished: false`))), 'status') ?? '', /Inte publicerad[\s\S]*Obesvarad/);
  });
  it('puts tags as chips and the summary in the key-points box', () => {
    const html = renderArticle(parseArticle(article(`${BASE}\ntags: ["a", "b c"]`, 'Svar.\n\n**Sammanfattning:**\n- Ett\n- Två\n')));
    assert.equal(hook(html, 'tags'), '<li class="qa-chip">a</li><li class="qa-chip">b c</li>');
    assert.match(html, /data-qa="summary"[^>]*>[\s\S]*<li data-line="\d+">Ett<\/li>\s*<li data-line="\d+">Två<\/li>[\s\S]*<\/aside>/);
    assert.doesNotMatch(html, /\*\*Sammanfattning/);
  });
  it('marks answer blocks with their 0-based source line', () => {
    const text = article(BASE, 'Första.\n\nAndra.\n');
    const html = renderArticle(parseArticle(text));
    const lines = text.split('\n');
    assert.match(html, new RegExp(`<p data-line="${lines.indexOf('Första.')}">Första.</p>`));
    assert.match(html, new RegExp(`<p data-line="${lines.indexOf('Andra.')}">Andra.</p>`));
  });
  it('escapes every interpolated value and drops script links', () => {
    const evil = '<script>alert(1)</script>';
    const html = renderArticle(parseArticle(article(`title: "${evil}"\ncategory: "${evil}"\ntags: ["${evil}"]\npatientName: "\\"><svg onload=alert(1)>"\nquestion: "${evil}"`, `${evil}\n\n[x](javascript:alert(1)) [y](data:text/html;base64,PHNjcmlwdD4=) <img src=x onerror=alert(1)>\n`)));
    assert.doesNotMatch(html, /<script|<svg|<img/i);
    assert.doesNotMatch(html, /href="(javascript|data):/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
  it('lists problems with their lines, most severe first', () => {
    const p = (severity: Problem['severity'], line: number, message: string): Problem => ({ rule: 'r', severity, message, range: { start: { line, character: 0 }, end: { line, character: 1 } }, start: 0, end: 1 });
    const html = renderArticle(parseArticle(article(BASE)), { lang: 'sv', problems: [p('warning', 1, 'varning <b>'), p('error', 4, 'fel')] });
    assert.match(html, /data-count="2">2 problem</);
    assert.match(html, /data-line="4"[^>]*>.*Fel[\s\S]*data-line="1"[^>]*>.*varning &lt;b&gt;/);
    assert.doesNotMatch(renderArticle(parseArticle(article(BASE))), /data-qa="problems"/);
    const odd = { ...p('error', 0, 'x'), severity: 'constructor' as Problem['severity'], range: undefined as unknown as Problem['range'] };
    assert.match(renderArticle(parseArticle(article(BASE)), { problems: [odd] }), /qa-sev-info" data-qa="problem" data-line="0"/);
  });
  it('still renders a broken article', () => {
    const cases = ['', 'Bara text, ingen frontmatter.\n', '---\ntitle: [oj\n---\nSvar.\n', '---\ntitle: "x"\ntitle: "y"\n\tcategory: axel\n---\n', '---\n- en\n- lista\n---\nSvar\n', '---\ndate: "2017-08-15"\ntags: "en"\nquestion:\n---\n', '---\nunclosed: true\n'];
    for (const text of cases) {
      const parsed = parseArticle(text);
      const html = renderPage(parsed, { problems: [] });
      assert.match(html, /<article class="qa-page"/, text);
      assert.match(html, /data-qa="title"/, text);
      assert.match(html, /data-qa="answer"/, text);
    }
    const noData = { ...parseArticle('Svar utan frontmatter.\n'), data: undefined };
    assert.match(renderArticle(noData), /Svar utan frontmatter\./);
  });
});

describe('renderWebviewHtml', () => {
  it('sets a strict CSP and nonces every style and script', () => {
    const html = renderWebviewHtml(parseArticle(article(BASE)), { cspSource: 'vscode-webview://abc', nonce: 'n0nce', scriptUri: 'vscode-webview://abc/p.js', styleUris: ['vscode-webview://abc/a.css'], extraStylesheetUris: ['vscode-webview://abc/user.css'] });
    assert.match(html, /content="default-src 'none'; img-src vscode-webview:\/\/abc data:; style-src vscode-webview:\/\/abc 'nonce-n0nce'; style-src-attr 'unsafe-inline'; script-src 'nonce-n0nce'"/);
    assert.match(html, /<script nonce="n0nce" src="vscode-webview:\/\/abc\/p.js"><\/script>/);
    assert.match(html, /<style nonce="n0nce">/);
    assert.ok(html.indexOf('a.css') < html.indexOf('user.css'));
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, / style="/);
  });
});

describe('preview CLI', () => {
  const io = () => {
    const o = { out: '', err: '' };
    return { o, io: { stdout: (s: string) => (o.out += s), stderr: (s: string) => (o.err += s), cwd: mkdtempSync(path.join(tmpdir(), 'qa-preview-')) } };
  };
  it('writes the page to --out', async () => {
    const { o, io: x } = io();
    const src = path.join(x.cwd, 'a.md');
    writeFileSync(src, article(BASE));
    assert.equal(await previewCommand(['a.md', '--out', 'page.html'], x), 0);
    assert.match(readFileSync(path.join(x.cwd, 'page.html'), 'utf8'), /<h1 class="qa-title" data-qa="title"[^>]*>Ont i axeln<\/h1>/);
    assert.equal(o.err, '');
    rmSync(x.cwd, { recursive: true });
  });
  it('prints to stdout and lists the problems as check reports them, with the project config', async () => {
    const { o, io: x } = io();
    writeFileSync(path.join(x.cwd, '.qa-articles.json'), '{"include": ["*.md"], "titleMax": 10}');
    writeFileSync(path.join(x.cwd, 'a.md'), article(BASE).replace('date: 2017-08-15', 'date: "2017-08-15"'));
    const code = await previewCommand(['a.md', '--lang=sv'], x);
    assert.equal(code, 0);
    assert.match(o.out, /^<!DOCTYPE html>/);
    assert.match(o.out, /data-count="3"[\s\S]*Ta bort citattecknen[\s\S]*Rubriken är 11 tecken; håll den till högst 10/);
    // The title limit of the config, not the default: "Ont i axeln" is 11 characters.
    assert.match(o.out, /data-qa="title-length" class="qa-tooLong"/);
    rmSync(x.cwd, { recursive: true });
  });
  it('stops with exit 2 on a broken config, as check does', async () => {
    const { o, io: x } = io();
    writeFileSync(path.join(x.cwd, '.qa-articles.json'), '{"rules": ');
    writeFileSync(path.join(x.cwd, 'a.md'), article(BASE));
    assert.equal(await previewCommand(['a.md'], x), 2);
    assert.match(o.err, /\.qa-articles\.json could not be used: not valid JSON/);
    assert.equal(o.out, '');
    rmSync(x.cwd, { recursive: true });
  });
  it('fails with exit 2 on a missing file or a bad option', async () => {
    const { o, io: x } = io();
    assert.equal(await previewCommand(['nope.md'], x), 2);
    assert.match(o.err, /nope\.md/);
    assert.equal(await previewCommand([], x), 2);
    assert.equal(await previewCommand(['a.md', '--bogus'], x), 2);
    assert.equal(await previewCommand(['a.md', '--lang', 'de'], x), 2);
    assert.equal(o.out, '');
    rmSync(x.cwd, { recursive: true });
  });
});

describe('corpus', () => {
  it('renders every corpus article without throwing', (t) => {
    if (!existsSync(CORPUS)) {
      t.skip(`corpus not found at ${CORPUS}`);
      return;
    }
    let withSummary = 0;
    for (const name of readdirSync(CORPUS).filter((n) => n.endsWith('.md'))) {
      const html = renderPage(parseArticle(readFileSync(path.join(CORPUS, name), 'utf8')), { problems: [] });
      assert.match(html, /data-qa="title"/, name);
      if (html.includes('data-qa="summary"')) withSummary++;
    }
    assert.ok(withSummary > 100, `summaries found in ${withSummary} articles`);
  });
});
