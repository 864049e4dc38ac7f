// Raw HTML in the answer: shown as the site shows it (its parser reads the answer's HTML as one
// stream), filtered tag by tag so that nothing an article smuggles in runs or loads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerReadability } from '../../src/core/check/readability';
import { parseArticle } from '../../src/core/parse';
import { renderArticle, renderWebviewHtml } from '../../src/core/render';
import { filterStyle, rawHtmlText, wellNested } from '../../src/core/render/rawHtml';

const page = (body: string) => parseArticle(`---\ntitle: "Rutan"\ncategory: "axel"\ndate: 2020-01-02\nauthor: "Dr. A"\nquestion: "Hur?"\n---\n\n${body}`);
/** The answer's HTML, as the page holds it. */
function answer(body: string, hostLinks = false): string {
  const html = renderArticle(page(body), { hostLinks, problems: [] });
  const start = html.indexOf('data-qa="answer">') + 'data-qa="answer">'.length;
  return html.slice(start, html.indexOf('</section>', start)).replace(/<\/div>\n$/, '');
}
const BOX = [
  '<div style="background: #e0f2fe; border-radius: 8px; padding: 1.5rem; border-left: 4px solid #0284c7;">',
  '<strong style="color: #075985; font-size: 1.1rem;">Bra att veta</strong>',
  '',
  '<p>Vila axeln en vecka och börja sedan träna lätt.</p>',
  '</div>',
].join('\n');

describe('raw HTML in the answer', () => {
  it('shows a box as a div with its style, holding the heading and the paragraph after the blank line', () => {
    const html = answer(`Inledning.\n\n${BOX}\n\nEfter rutan.\n`);
    assert.match(html, /<div style="background: #e0f2fe; border-radius: 8px; padding: 1\.5rem; border-left: 4px solid #0284c7">\n<strong style="color: #075985; font-size: 1\.1rem">Bra att veta<\/strong>\n<p>Vila axeln en vecka och börja sedan träna lätt\.<\/p>\n<\/div>\n<p data-line="\d+">Efter rutan\.<\/p>/);
    assert.equal([...html.matchAll(/<div\b/g)].length, [...html.matchAll(/<\/div>/g)].length);
  });
  it('keeps lists, tables, links and emphasis the answer writes in HTML', () => {
    const html = answer('<ul>\n<li><strong>Ett</strong> – <a href="/fritt-vardval" class="underline">läs mer</a></li>\n<li>Två</li>\n</ul>\n\n<table><tr><td colspan="2" onclick="x">Cell</td></tr></table>\n');
    assert.match(html, /<ul>\n<li><strong>Ett<\/strong> – <a href="\/fritt-vardval">läs mer<\/a><\/li>\n<li>Två<\/li>\n<\/ul>/);
    assert.match(html, /<table><tbody><tr><td colspan="2">Cell<\/td><\/tr><\/tbody><\/table>|<table><tr><td colspan="2">Cell<\/td><\/tr><\/table>/);
    // In the webview a raw link is written as a markdown link is: the host opens it.
    assert.match(answer('<a href="https://example.org/a">där</a>\n', true), /<a data-href="https:\/\/example\.org\/a" title="https:\/\/example\.org\/a" role="link" tabindex="0">där<\/a>/);
  });
  it('escapes text, and an attribute value cannot break out of its quotes', () => {
    const html = answer('<p title=\'a"b>c\' style="color: red">1 &lt; 2 &amp; "x" <b>fet</b></p>\n');
    assert.match(html, /<p title="a&quot;b&gt;c" style="color: red">1 &lt; 2 &amp; &quot;x&quot; <b>fet<\/b><\/p>/);
  });
  const hostile: [string, string, RegExp?][] = [
    ['a script with its content', 'Före <script>window.x = 1</script> efter.', /Före {2}efter\./],
    ['a script block, unclosed to the end', 'Text.\n\n<script\nwindow.x = 1\n\nmer();\n', /<p data-line="\d+">Text\.<\/p>\s*$/],
    ['an image with onerror', '<img src=x onerror="window.x=1">', /<span class="qa-image" title="x">\[Bild\]<\/span>/],
    ['a javascript: link', '<a href="javascript:window.x=1" onclick="x">klick</a>', /<a>klick<\/a>/],
    ['an entity-hidden javascript: link', '<a href="jav&#x61;script:alert(1)">klick</a>', /<a>klick<\/a>/],
    ['an iframe, its content after a blank line', 'A\n\n<iframe src="https://example.invalid/">\n\ninne\n</iframe>\n\nB', /<p data-line="\d+">A<\/p>\s*<p data-line="\d+">B<\/p>/],
    ['a remote background', '<div style="background:url(https://example.invalid/t.png); color: red">x</div>', /<div>x<\/div>|<div style="color: red">x<\/div>/],
    ['an onclick', '<div onclick="window.x=1">x</div>', /<div>x<\/div>/],
    ['a script in an svg', '<svg><script>window.x=1</script></svg>Efter', /Efter/],
    ['a comment', 'A <!-- dold kommentar --> B', /A {2}B/],
    ['a base, a meta and a link', '<base href="https://example.invalid/"><meta http-equiv="refresh" content="0;url=https://example.invalid"><link rel="stylesheet" href="https://example.invalid/a.css">Text', /Text/],
    ['a form', '<form action="https://example.invalid"><input name="q"><button>Skicka</button></form>', /Skicka/],
    ['a style element', '<style>body { display: none }</style>Text', /Text/],
    ['an object, an embed, a template, a noscript, a textarea', '<object data="x.swf">o</object><embed src="x"><template>t</template><noscript>n</noscript><textarea>ta</textarea>Kvar', /Kvar/],
  ];
  for (const [name, body, shown] of hostile) {
    it(`neutralises ${name}`, () => {
      for (const hostLinks of [false, true]) {
        const html = answer(body + '\n', hostLinks);
        assert.doesNotMatch(html, /<(script|iframe|img|svg|object|embed|template|noscript|textarea|style|base|meta|link|form|input|button)\b/i, name);
        assert.doesNotMatch(html, /\son\w+=|javascript:|url\(|<!--|window\.x|dold kommentar|display: none|inne|\bta\b/i, name);
        if (shown) assert.match(html, shown, name);
      }
    });
  }
  it('closes nothing of the page: a stray closing tag is dropped, an unclosed box closed at the answer\'s end', () => {
    const html = answer('Text </div></section></article> mer.\n\n<div style="color: red">\n\nÖppen ruta.\n');
    assert.match(html, /<p data-line="\d+">Text {2}mer\.<\/p>\n<div style="color: red">\n<p data-line="\d+">Öppen ruta\.<\/p>\n<\/div>$/);
    assert.equal(wellNested('<b>fet <i>och</b> kursiv'), '<b>fet <i>och</i></b> kursiv');
  });
  it('leaves an answer without raw HTML as it was', () => {
    assert.equal(answer('Vila *en* vecka, **sedan** [träning](https://example.org).\n'), '\n<p data-line="8">Vila <em>en</em> vecka, <strong>sedan</strong> <a href="https://example.org">träning</a>.</p>\n');
  });
  it('keeps only ordinary visual CSS properties', () => {
    assert.equal(filterStyle('color: #123; background: #fff; border-left: 4px solid #16a34a'), 'color: #123; background: #fff; border-left: 4px solid #16a34a');
    assert.equal(filterStyle('position: fixed; top: 0; color: red; z-index: 9'), 'color: red');
    for (const bad of ['background: url(x)', 'width: expression(alert(1))', '@import "x"; color: red', 'color: red\\3b', 'background-image: image-set("x.png" 1x)', 'color: red; --x: 1', 'behavior: url(x.htc)', 'color: <b>']) {
      assert.doesNotMatch(filterStyle(bad) ?? '', /url|expression|import|image-set|--x|\\|</, bad);
    }
  });
  it('lets style attributes apply in the webview, and nothing else inline', () => {
    const html = renderWebviewHtml(page(BOX), { cspSource: 'vscode-webview://abc', nonce: 'n0nce' });
    const csp = /content="([^"]*)"/.exec(html)![1];
    assert.match(csp, /style-src vscode-webview:\/\/abc 'nonce-n0nce'; style-src-attr 'unsafe-inline'; script-src 'nonce-n0nce'/);
    assert.match(html, /<div style="background: #e0f2fe;/);
  });
});

describe('the text of raw HTML', () => {
  it('is the text between its tags, in place, a block\'s tag a full stop', () => {
    assert.equal(rawHtmlText('<p style="color: red">Hej <b>du</b></p>\n<script>x()</script>&amp;'), `.${' '.repeat(21)}Hej    du    .   \n${' '.repeat(20)}&    `);
  });
  it('is what the readability rule and the preview count: words between tags, not in them', () => {
    const a = page(`${BOX}\n\nText med <span style="color: red">färg</span> här.\n`);
    const r = answerReadability({ article: a });
    // "Bra att veta" + "Vila axeln en vecka och börja sedan träna lätt." + "Text med färg här."
    assert.deepEqual(r.counts, { words: 16, sentences: 3, longWords: 0 });
    const shown = /data-qa="lix" data-score="(\d+)"/.exec(renderArticle(a, { lang: 'en' }))![1];
    assert.equal(shown, String(Math.round(r.lix!.score)));
  });
});
