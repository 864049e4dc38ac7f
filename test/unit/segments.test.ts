// The preview parses the answer in segments (src/core/render/blocks.ts). Whatever the cuts, the
// page must be the one a single parse gives: a cut inside a list would split it in two.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyHtml, clearBodyCache, parseBody } from '../../src/core/render/blocks';
import { md } from '../../src/core/render/markdown';
import { wellNested } from '../../src/core/render/rawHtml';

/** The answer's HTML from its segments, `data-line` counted from `offset`. */
const segmented = (body: string, offset: number) => bodyHtml(parseBody(body, offset), offset, false);
/**
 * One parse's HTML, with `data-line` on top-level blocks and list items (their first line plus
 * `offset`): what the editor and the preview scroll together by.
 */
function whole(body: string, offset: number): string {
  const tokens = md.parse(body, {});
  for (const t of tokens) {
    const top = t.level === 0 && (t.nesting === 1 || (t.nesting === 0 && t.block));
    if (t.map && (top || t.type === 'list_item_open')) t.attrSet('data-line', String(t.map[0] + offset));
  }
  const html = md.renderer.render(tokens, md.options, {});
  // Raw HTML: the answer's HTML read as one stream, as the site's parser reads it.
  return tokens.some((t) => t.type === 'html_block' || t.children?.some((c) => c.type === 'html_inline')) ? wellNested(html) : html;
}
const words = ['axel', 'knä', 'smärta', 'träning', 'vila', 'is', 'röntgen', 'operation'];
/** Item or paragraph text that differs per line, so that the cuts (chosen by a hash of the line) fall in many places. */
const say = (i: number) => `${words[i % 8]} nummer ${i} och ${words[(i * 7) % 8]}`;
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n\n') + '\n';

describe('segmented parse of the answer', () => {
  it('is segmented at all: an edit at the end leaves the first segment as it was', () => {
    const body = many(300, (i) => `Stycke ${say(i)}.`);
    const first = parseBody(body).parts[0].seg;
    const again = parseBody(body.replace(/Stycke [^\n]*\n$/, 'Ändrat sista stycke.\n')).parts[0].seg;
    assert.ok(parseBody(body).parts.length > 10);
    assert.equal(again, first);
  });
  const cases: [string, string][] = [
    ['a loose bullet list (-)', many(200, (i) => `- ${say(i)}`)],
    ['a loose bullet list (*)', many(200, (i) => `* ${say(i)}`)],
    ['a loose bullet list (+)', many(200, (i) => `+ ${say(i)}`)],
    ['a loose ordered list', many(200, (i) => `${i + 1}. ${say(i)}`)],
    ['an ordered list with )', many(200, (i) => `${i + 1}) ${say(i)}`)],
    ['items with continuation paragraphs', many(150, (i) => `- ${say(i)}\n\n  Mer om ${say(i + 1)}.`)],
    ['nested lists with blank lines', many(120, (i) => `- ${say(i)}\n\n  - under ${say(i + 3)}\n\n    ${say(i + 5)}`)],
    ['indented list items', many(150, (i) => `   - ${say(i)}`)],
    ['paragraphs, lists and quotes mixed', many(200, (i) => (i % 3 === 0 ? `Stycke ${say(i)}.` : i % 3 === 1 ? `- ${say(i)}\n\n- ${say(i + 1)}` : `> ${say(i)}`))],
    ['raw HTML boxes split by blank lines', many(120, (i) => `<div style="background: #dcfce7; padding: 1rem;">\n<strong style="color: #166534;">Ruta ${i}</strong>\n\n<p>${say(i)}.</p>\n</div>\n\nStycke ${say(i + 1)} med <b>fet</b> text.`)],
    ['raw HTML that goes on over blank lines (pre, comments, scripts)', many(120, (i) => (i % 3 === 0 ? `<pre>\n${say(i)}\n\nKod ${say(i + 1)}\n</pre>` : i % 3 === 1 ? `<!-- kommentar\n\nDold ${say(i)}\n-->` : `Före <script>\n\nSkript ${say(i)}\n</script> efter.`))],
    ['a summary list after a long answer', many(200, (i) => `Stycke ${say(i)}.`) + '\n**Sammanfattning:**\n\n' + many(40, (i) => `- ${say(i)}`)],
  ];
  for (const [name, body] of cases) {
    it(`renders as one parse does, data-line included: ${name}`, () => {
      clearBodyCache();
      assert.equal(segmented(body, 0), whole(body, 0));
      // Segments parsed for one place, shown at another (text inserted above moves them down).
      assert.equal(segmented(body, 7), whole(body, 7));
      assert.equal(segmented(body, 0), whole(body, 0));
    });
  }
});
