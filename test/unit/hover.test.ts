import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../src/core/complete/hover';
import { CorpusIndex, type IndexEntry } from '../../src/core/corpus';
import { defaultSchema } from '../../src/core/schema';

const joinLines = (...lines: string[]) => lines.join('\n');
const CURSOR = '$$CURSOR$$';

function entry(e: Partial<IndexEntry>): IndexEntry {
  return { tags: [], published: true, ...e };
}

function makeIndex(): CorpusIndex {
  const idx = new CorpusIndex();
  idx.set('/a.md', entry({ tags: ['frozen-shoulder', 'smärta'], topic: 'impingement', category: 'axel', author: 'Dr. Anna Berg' }));
  idx.set('/b.md', entry({ tags: ['frozen-shoulder'], topic: 'impingement', category: 'axel' }));
  idx.set('/c.md', entry({ tags: ['frozen shoulder'], topic: 'menisk', category: 'kna' }));
  return idx;
}

function hover(withCursor: string, lang: 'en' | 'sv' = 'en') {
  const offset = withCursor.indexOf(CURSOR);
  assert.ok(offset >= 0);
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + CURSOR.length);
  const h = hoverAt(text, offset, { schema: defaultSchema(), index: makeIndex(), lang });
  return h && { ...h, target: text.slice(h.start, h.end) };
}

describe('hover on field keys', () => {
  it('shows the description, the type and whether the field is required', () => {
    const h = hover(joinLines('---', 'ti$$CURSOR$$tle: "x"', '---'))!;
    assert.equal(h.target, 'title');
    assert.match(h.markdown, /required/);
    assert.match(h.markdown, /headline/);
    assert.match(h.markdown, /text/);
  });
  it('lists enum values with their labels', () => {
    const h = hover(joinLines('---', '$$CURSOR$$category: "kna"', '---'))!;
    assert.match(h.markdown, /`kna` — Knä \(Knee\)/);
    assert.match(h.markdown, /`armbage` — Armbåge/);
  });
  it('says optional, and uses Swedish descriptions in Swedish', () => {
    const h = hover(joinLines('---', 'sta$$CURSOR$$tus: "klar"', '---'), 'sv')!;
    assert.match(h.markdown, /optional/);
    assert.match(h.markdown, /Arbetsläge/);
  });
  it('calls unknown keys out', () => {
    assert.match(hover(joinLines('---', 'tittle$$CURSOR$$: "x"', '---'))!.markdown, /unknown field/);
  });
});

describe('hover on values', () => {
  it('shows a tag\'s use count and its variants, flow and block', () => {
    for (const text of [joinLines('---', 'tags: ["smärta", "frozen sh$$CURSOR$$oulder"]', '---'), joinLines('---', 'tags:', '  - frozen sh$$CURSOR$$oulder', '---')]) {
      const h = hover(text)!;
      assert.match(h.target, /frozen shoulder/);
      assert.match(h.markdown, /used in 1 article\b/);
      assert.match(h.markdown, /`frozen-shoulder` \(2 articles\)/);
      assert.match(h.markdown, /Prefer `frozen-shoulder`/);
    }
  });
  it('does not suggest a preferred spelling for the preferred tag', () => {
    const h = hover(joinLines('---', 'tags: ["frozen-sh$$CURSOR$$oulder"]', '---'))!;
    assert.match(h.markdown, /used in 2 articles/);
    assert.doesNotMatch(h.markdown, /Prefer/);
  });
  it('explains category and status values', () => {
    assert.match(hover(joinLines('---', 'category: "k$$CURSOR$$na"', '---'))!.markdown, /Knä \(Knee\)/);
    assert.match(hover(joinLines('---', 'status: utk$$CURSOR$$ast', '---'))!.markdown, /Draft/);
    assert.match(hover(joinLines('---', 'category: kn$$CURSOR$$ee', '---'))!.markdown, /not allowed/);
  });
  it('counts a topic\'s articles', () => {
    assert.match(hover(joinLines('---', 'topic: "imp$$CURSOR$$ingement"', '---'))!.markdown, /2 articles/);
  });
  it('shows nothing in the body or on plain text values', () => {
    assert.equal(hover(joinLines('---', 'title: "x"', '---', 'Sv$$CURSOR$$ar.')), undefined);
    assert.equal(hover(joinLines('---', 'title: "x$$CURSOR$$"', '---')), undefined);
  });
});
