// A preview opening a long article shows the first part of its answer at once
// (renderArticleHead) and the whole page right after. The first part must be the page's own
// start: the same blocks, lines and frame, with the LIX line and a note saying the rest is coming.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/core/parse';
import { HEAD_CHARS, renderArticle, renderArticleHead } from '../../src/core/render';
import { clearBodyCache } from '../../src/core/render/blocks';

const FIELDS = 'title: "Ont i axeln"\ncategory: "axel"\ndate: 2017-08-15\nauthor: "Dr. Test"\ntags: ["axel", "träning"]\nquestion: |\n  Jag har ont i axeln.';
const words = ['axeln', 'knät', 'smärtan', 'träningen', 'vilan', 'isen', 'röntgen', 'operationen'];
/** A paragraph of its own per `i`, so that the segment cuts (chosen by a line's text) fall in many places. */
const paragraph = (i: number) => `Stycke ${i}: ${words[i % 8]} och ${words[(i * 3) % 8]} blir bättre med tiden, skriver doktorn i svar nummer ${i}.`;
/** An answer of `n` paragraphs, with `extra` blocks after paragraph `at`. */
function answer(n: number, at = -1, extra = ''): string {
  const blocks = Array.from({ length: n }, (_, i) => paragraph(i));
  if (at >= 0) blocks.splice(at, 0, extra);
  return blocks.join('\n\n') + '\n';
}
const page = (body: string) => parseArticle(`---\n${FIELDS}\n---\n\n${body}`);
const opts = { lang: 'sv', problems: [] } as const;
/** The answer's blocks as the page shows them (inside the answer box). */
const answerOf = (html: string) => /data-qa="answer">\n([\s\S]*?)<\/div>\n<\/section>/.exec(html)?.[1] ?? '';
const MORE = /<p class="qa-missing" data-qa="answer-more" role="status">Resten av svaret visas strax …<\/p>\n$/;

describe('renderArticleHead (first part of a long answer)', () => {
  const long = answer(2000); // about 200 KB

  it('is left out for an answer short enough to render whole at once', () => {
    assert.equal(renderArticleHead(page(answer(20)), opts), undefined);
    assert.equal(renderArticleHead(page(''), opts), undefined);
  });

  it('shows the page\'s own first blocks, with their lines, and a note that the rest is coming', () => {
    clearBodyCache();
    const head = renderArticleHead(page(long), opts);
    assert.ok(head !== undefined);
    const whole = renderArticle(page(long), opts);
    const first = answerOf(head);
    assert.match(first, MORE);
    const shown = first.replace(MORE, '');
    assert.ok(shown.length >= HEAD_CHARS / 2 && shown.length < answerOf(whole).length / 4, `${shown.length} characters shown`);
    assert.ok(answerOf(whole).startsWith(shown), 'the first part is the start of the whole answer');
    assert.match(shown, /^<p data-line="\d+">Stycke 0:/);
  });

  it('says LIX is still being counted, and shows everything else as the whole page does', () => {
    const head = renderArticleHead(page(long), { lang: 'en', problems: [] })!;
    const whole = renderArticle(page(long), { lang: 'en', problems: [] });
    assert.match(head, /<span data-qa="lix" data-pending="true">LIX: counting …<\/span>/);
    assert.match(whole, /<span data-qa="lix" data-score="\d+"/);
    const frame = (html: string) => html.replace(/<span data-qa="lix"[^>]*>[^<]*<\/span>/, 'LIX').replace(/data-qa="answer">[\s\S]*?<\/div>\n<\/section>/, 'ANSWER');
    assert.equal(frame(head), frame(whole));
  });

  it('leaves the whole page as a render without a first part gives it', () => {
    clearBodyCache();
    const alone = renderArticle(page(long), opts);
    clearBodyCache();
    renderArticleHead(page(long), opts);
    assert.equal(renderArticle(page(long), opts), alone);
  });

  it('never ends inside the summary: the key-points box is shown whole', () => {
    // A summary list from about 9 000 to 50 000 characters: across the point where the first part would end.
    const items = Array.from({ length: 400 }, (_, i) => `- ${paragraph(i)}`).join('\n');
    const body = answer(2000, 100, `**Sammanfattning:**\n\n${items}`);
    const head = renderArticleHead(page(body), opts)!;
    const box = (html: string) => /<aside class="qa-key-points"[\s\S]*?<\/aside>/.exec(html)?.[0];
    assert.ok(box(head));
    assert.equal(box(head), box(renderArticle(page(body), opts)));
    assert.match(box(head)!, /Stycke 399:/);
    assert.match(answerOf(head), /Stycke 100:/);
  });

  it('is left out when the answer is parsed whole (a fenced block or a reference definition anywhere)', () => {
    assert.equal(renderArticleHead(page(answer(2000, 1500, '```\nkod\n```')), opts), undefined);
    assert.equal(renderArticleHead(page(answer(2000, 1500, '[ref]: https://example.com')), opts), undefined);
  });

  it('reads CR LF line ends as the whole page does', () => {
    const crlf = long.replace(/\n/g, '\r\n');
    const shown = answerOf(renderArticleHead(page(crlf), opts)!).replace(MORE, '');
    assert.ok(answerOf(renderArticle(page(crlf), opts)).startsWith(shown));
  });
});
