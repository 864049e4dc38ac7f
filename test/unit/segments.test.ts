// The preview parses the answer in segments (src/core/render/blocks.ts). Whatever the cuts, the
// page must be the one a single parse gives: a cut inside a list would split it in two.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBody } from '../../src/core/render/blocks';
import { md } from '../../src/core/render/markdown';

const segmented = (body: string) => md.renderer.render(parseBody(body).tokens, md.options, {});
const whole = (body: string) => md.render(body);
const words = ['axel', 'knä', 'smärta', 'träning', 'vila', 'is', 'röntgen', 'operation'];
/** Item or paragraph text that differs per line, so that the cuts (chosen by a hash of the line) fall in many places. */
const say = (i: number) => `${words[i % 8]} nummer ${i} och ${words[(i * 7) % 8]}`;
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n\n') + '\n';

describe('segmented parse of the answer', () => {
  it('is segmented at all: an edit at the end leaves the first block\'s tokens as they were', () => {
    const body = many(300, (i) => `Stycke ${say(i)}.`);
    const first = parseBody(body).tokens[0];
    const again = parseBody(body.replace(/Stycke [^\n]*\n$/, 'Ändrat sista stycke.\n')).tokens[0];
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
    ['a summary list after a long answer', many(200, (i) => `Stycke ${say(i)}.`) + '\n**Sammanfattning:**\n\n' + many(40, (i) => `- ${say(i)}`)],
  ];
  for (const [name, body] of cases) {
    it(`renders as one parse does: ${name}`, () => {
      assert.equal(segmented(body), whole(body));
      // Line maps are those of one parse too (they place data-line for scroll sync).
      const a = parseBody(body).tokens.map((t) => t.map?.join(','));
      const b = md.parse(body, {}).map((t) => t.map?.join(','));
      assert.deepEqual(a, b);
    });
  }
});
