// What stands between an article and the preview's reader: escaping, the link filter, the CSP
// nonce, and links the host opens itself. Each test fails if its guard is taken away.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/core/parse';
import { renderArticle, renderPage, renderWebviewHtml } from '../../src/core/render';

const page = (fields: string, body = 'Svar.\n') => parseArticle(`---\ntitle: "Ont i axeln"\ncategory: "axel"\ndate: 2017-08-15\n${fields}\nquestion: |\n  Hej\n---\n\n${body}`);
const anchors = (html: string) => [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);

describe('the author in the page', () => {
  it('is escaped in the answer heading and in the byline', () => {
    const html = renderArticle(page('author: "Dr. <img src=x onerror=alert(1)> & \\"Co\\""'));
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<span class="qa-name" data-qa="answerer">Dr\. &lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;Co&quot;<\/span> <span class="qa-verb">svarar<\/span>/);
    assert.match(html, /<span data-qa="author"[^>]*>Dr\. &lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;Co&quot;<\/span>/);
  });
  it('cannot close the heading and start a script', () => {
    const html = renderArticle(page('author: "</span></h2><script>alert(1)</script>"'));
    assert.doesNotMatch(html, /<script|<\/span><\/h2><\/span>/);
  });
});

describe('data: links', () => {
  const body = [
    '[png](data:image/png;base64,iVBORw0KGgo=) [gif](DATA:image/gif;base64,R0lGODlh) [webp]( data:image/webp;base64,UklGR )',
    '[ref][1] <data:image/jpeg;base64,/9j/4AAQ> [html](data:text/html,<b>x</b>) [tab](da\tta:image/png;base64,AA)',
    '',
    '[1]: data:image/png;base64,iVBORw0KGgo=',
    '',
  ].join('\n');
  for (const hostLinks of [false, true]) {
    it(`are dropped, their text kept (${hostLinks ? 'preview' : 'exported page'})`, () => {
      const html = renderArticle(page('author: "Dr. A"', body), { hostLinks });
      assert.deepEqual(anchors(html), []);
      assert.doesNotMatch(html, /(?:href|data-href)="\s*data:/i);
      // markdown-it shows a refused link as the text it was written as.
      assert.ok(html.includes('[png](data:image/png;base64,iVBORw0KGgo=)'));
    });
  }
  it('an http link beside them stays a link', () => {
    assert.deepEqual(anchors(renderArticle(page('', '[ok](https://example.org/a) [no](data:image/png;base64,AA)\n'))), ['<a href="https://example.org/a">']);
  });
});

describe('the webview document', () => {
  const base = { cspSource: 'vscode-webview://abc', scriptUri: 'vscode-webview://abc/p.js' };
  it('keeps only nonce characters: a nonce cannot break out of the CSP or its attributes', () => {
    for (const nonce of ['"><script>window.__pwned=1</script>', "x' 'unsafe-inline' *; script-src *", 'a b\nc']) {
      const html = renderWebviewHtml(page('author: "A"'), { ...base, nonce });
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      assert.ok(csp, nonce);
      assert.match(csp[1], /^default-src 'none'; img-src vscode-webview:\/\/abc data:; style-src vscode-webview:\/\/abc 'nonce-[A-Za-z0-9+/=_-]*'; style-src-attr 'unsafe-inline'; script-src 'nonce-[A-Za-z0-9+/=_-]*'$/, nonce);
      // Style attributes only (an answer's raw HTML boxes): scripts and <style> elements need the nonce.
      assert.doesNotMatch(csp[1].replace("style-src-attr 'unsafe-inline'", ''), /'unsafe-inline'|\*/);
      assert.equal([...html.matchAll(/<script\b/g)].length, 1, `one script tag with ${nonce}`);
      for (const m of html.matchAll(/nonce="([^"]*)"/g)) assert.match(m[1], /^[A-Za-z0-9+/=_-]*$/);
    }
  });
  it('a hostile cspSource cannot add directives', () => {
    const html = renderWebviewHtml(page('author: "A"'), { cspSource: 'https://x; script-src *"><script>', nonce: 'n0nce' });
    const csp = /content="([^"]*)"/.exec(html)![1];
    assert.equal(csp.split(';').length, 5);
    assert.doesNotMatch(html, /<script>/);
  });
  it('gives links data-href, never href, so only the extension opens them', () => {
    const parsed = page('author: "A"', 'Se [vården](https://example.org/a "Vården") och <mailto:a@example.org> och [upp](#top).\n');
    const html = renderWebviewHtml(parsed, { ...base, nonce: 'n' });
    assert.deepEqual(anchors(html), [
      '<a data-href="https://example.org/a" title="Vården" role="link" tabindex="0">',
      '<a data-href="mailto:a@example.org" title="mailto:a@example.org" role="link" tabindex="0">',
      '<a href="#top">',
    ]);
    // The same (cached) tokens rendered for an exported page keep their real links.
    assert.deepEqual(anchors(renderPage(parsed)), ['<a href="https://example.org/a" title="Vården">', '<a href="mailto:a@example.org">', '<a href="#top">']);
  });
});
