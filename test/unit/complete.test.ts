import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { complete, MAX_ENTRIES, narrow, needsQuotes, type CompletionEntry } from '../../src/core/complete/completions';
import { cursorContext } from '../../src/core/complete/context';
import { CorpusIndex, type IndexEntry } from '../../src/core/corpus';
import { defaultSchema } from '../../src/core/schema';
import { foldSearch } from '../../src/core/similarity';

const joinLines = (...lines: string[]) => lines.join('\n');
const CURSOR = '$$CURSOR$$';

function entry(e: Partial<IndexEntry>): IndexEntry {
  return { tags: [], published: true, ...e };
}

function makeIndex(): CorpusIndex {
  const idx = new CorpusIndex();
  idx.set('/a.md', entry({ tags: ['smärta', 'knä', 'träning'], category: 'kna', topic: 'menisk', author: 'Dr. Anna Berg' }));
  idx.set('/b.md', entry({ tags: ['smärta', 'frozen-shoulder'], category: 'axel', topic: 'frozen-shoulder', author: 'Dr. Anna Berg' }));
  idx.set('/c.md', entry({ tags: ['smärta', 'träning'], category: 'axel', topic: 'impingement', author: 'Dr. Bo Ek' }));
  idx.set('/d.md', entry({ tags: ['frozen shoulder'], category: 'axel', topic: 'impingement' }));
  return idx;
}

/** Completes at the cursor marker; returns the entries and the text without the marker. */
function at(withCursor: string, index = makeIndex(), lang: 'en' | 'sv' = 'en') {
  const offset = withCursor.indexOf(CURSOR);
  assert.ok(offset >= 0, 'test text needs a cursor marker');
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + CURSOR.length);
  const items = complete(text, offset, { schema: defaultSchema(), index, lang, today: '2024-06-01' });
  return { items, text, offset };
}

/** The text after applying one completion (snippet placeholders removed). */
function apply(text: string, e: CompletionEntry): string {
  const ins = e.snippet ? e.insertText.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d/g, '') : e.insertText;
  return text.slice(0, e.start) + ins + text.slice(e.end);
}

function frontmatterOf(text: string): unknown {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  assert.ok(m);
  const doc = parseDocument(m[1], { schema: 'core', customTags: ['timestamp'] });
  assert.deepEqual(doc.errors, []);
  return doc.toJS();
}

const labels = (items: CompletionEntry[]) => items.map((i) => i.label);

describe('cursor context', () => {
  it('is undefined in the body, before the frontmatter and in a file without one', () => {
    assert.equal(cursorContext(joinLines('---', 'title: "x"', '---', 'body'), 22), undefined);
    assert.equal(cursorContext('# Just Markdown\n', 3), undefined);
    const text = joinLines('---', 'title: "x"', '---', '');
    assert.equal(cursorContext(text, text.indexOf('---', 3)), undefined, 'not on the closing fence');
  });
  it('is undefined inside a `|` block, a comment and a key being edited', () => {
    assert.equal(at(joinLines('---', 'question: |', '  Hej', '$$CURSOR$$', '  igen', '---')).items.length, 0);
    assert.equal(at(joinLines('---', 'title: "x" # note $$CURSOR$$', '---')).items.length, 0);
    assert.equal(at(joinLines('---', 'ti$$CURSOR$$tle: "x"', '---')).items.length, 0);
  });
});

describe('field names', () => {
  it('offers the missing fields only, required ones first, with descriptions', () => {
    const { items } = at(joinLines('---', 'title: "x"', 'tags: ["a"]', '$$CURSOR$$', '---', 'Svar.'));
    const names = labels(items);
    assert.ok(!names.includes('title') && !names.includes('tags'));
    assert.ok(names.includes('category') && names.includes('question') && names.includes('published'));
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 3), ['category', 'date', 'question']);
    assert.match(items.find((i) => i.label === 'category')!.documentation!, /body part/);
  });
  it('uses the Swedish descriptions in Swedish', () => {
    const { items } = at(joinLines('---', '$$CURSOR$$', '---'), makeIndex(), 'sv');
    assert.match(items.find((i) => i.label === 'category')!.documentation!, /Kroppsdelen/);
  });
  it('inserts the YAML shape of each field', () => {
    const { items, text } = at(joinLines('---', 'ti$$CURSOR$$', '---'));
    const by = (l: string) => items.find((i) => i.label === l)!;
    assert.equal(by('question').insertText, 'question: |\n  $0');
    assert.equal(by('tags').insertText, 'tags: [$1]');
    assert.equal(by('date').insertText, 'date: 2024-06-01');
    assert.equal(by('category').insertText, 'category: "$1"');
    assert.ok(by('category').retrigger);
    assert.equal(by('published').insertText, 'published: ${1|false,true|}');
    assert.equal(by('title').insertText, 'title: "$1"');
    assert.equal(text.slice(by('title').start, by('title').end), 'ti');
    assert.deepEqual(frontmatterOf(apply(text, by('date'))), { date: new Date('2024-06-01') });
  });
  it('ignores keys inside a block when listing present fields', () => {
    const names = labels(at(joinLines('---', 'question: |', '  title: not a field', '$$CURSOR$$', '---')).items);
    assert.ok(names.includes('title'));
  });
});

describe('enum values', () => {
  it('lists category values with labels', () => {
    const { items } = at(joinLines('---', 'category: $$CURSOR$$', '---'));
    assert.deepEqual(labels(items), ['axel', 'kna', 'armbage', 'annat']);
    assert.match(items[1].description!, /Knä/);
  });
  for (const [line, expected] of [
    ['category: $$CURSOR$$', 'category: kna'],
    ['category: "$$CURSOR$$"', 'category: "kna"'],
    ['category: "$$CURSOR$$', 'category: "kna"'],
    ["category: '$$CURSOR$$'", "category: 'kna'"],
    ['category: "k$$CURSOR$$"', 'category: "kna"'],
    ['category:$$CURSOR$$', 'category: kna'],
  ] as const) {
    it(`keeps the YAML valid for ${line.replace(CURSOR, "|")}`, () => {
      const { items, text } = at(joinLines('---', line, '---'));
      const kna = items.find((i) => i.label === 'kna')!;
      const out = apply(text, kna);
      assert.equal(out.split('\n')[1], expected);
      assert.deepEqual(frontmatterOf(out), { category: 'kna' });
    });
  }
  it('replaces a typed quote for booleans, which must stay unquoted', () => {
    const { items, text } = at(joinLines('---', 'published: "t$$CURSOR$$"', '---'));
    assert.deepEqual(frontmatterOf(apply(text, items.find((i) => i.label === 'true')!)), { published: true });
  });
});

describe('tags', () => {
  it('lists corpus tags most used first with counts, without those already present (flow)', () => {
    const { items } = at(joinLines('---', 'tags: ["knä", $$CURSOR$$]', '---'));
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    // "frozen shoulder" is a variant of "frozen-shoulder" (equal counts, the hyphenated spelling wins): not offered.
    assert.deepEqual(labels(sorted), ['smärta', 'träning', 'frozen-shoulder']);
    assert.equal(sorted[0].description, '3 articles');
    assert.equal(sorted[2].description, '1 article');
  });
  it('quotes like the other items of the list', () => {
    const quoted = at(joinLines('---', 'tags: ["knä", $$CURSOR$$]', '---'));
    assert.equal(quoted.items.find((i) => i.label === 'smärta')!.insertText, '"smärta"');
    const plain = at(joinLines('---', 'tags: [knä, $$CURSOR$$]', '---'));
    assert.equal(plain.items.find((i) => i.label === 'smärta')!.insertText, 'smärta');
    const spaced = makeIndex();
    spaced.set('/e.md', entry({ tags: ['ung patient'] }));
    const withSpace = at(joinLines('---', 'tags: [knä, $$CURSOR$$]', '---'), spaced);
    assert.equal(withSpace.items.find((i) => i.label === 'ung patient')!.insertText, 'ung patient');
    const empty = at(joinLines('---', 'tags: [$$CURSOR$$]', '---'));
    assert.equal(empty.items.find((i) => i.label === 'smärta')!.insertText, '"smärta"');
  });
  it('completes inside an opened quote and keeps the list valid', () => {
    for (const line of ['tags: ["knä", "sm$$CURSOR$$"]', 'tags: ["knä", "sm$$CURSOR$$]', 'tags: ["knä", sm$$CURSOR$$]', 'tags: ["sm$$CURSOR$$", "knä"]']) {
      const { items, text } = at(joinLines('---', line, '---'));
      const e = items.find((i) => i.label === 'smärta')!;
      assert.ok(e, line);
      const tags = (frontmatterOf(apply(text, e)) as { tags: string[] }).tags;
      assert.deepEqual([...tags].sort(), ['knä', 'smärta'], line);
    }
  });
  it('lets `smar` find `smärta` through the folded filter text', () => {
    const { items, text } = at(joinLines('---', 'tags: [smar$$CURSOR$$]', '---'));
    const e = items.find((i) => i.label === 'smärta')!;
    assert.equal(text.slice(e.start, e.end), 'smar');
    assert.ok(e.filterText?.includes('smarta'));
    assert.ok(foldSearch(e.filterText!).includes('smar'));
  });
  it('works in block lists, with or without the dash space', () => {
    const block = at(joinLines('---', 'tags:', '  - "knä"', '  - $$CURSOR$$', '---'));
    assert.ok(!labels(block.items).includes('knä'));
    assert.equal(block.items.find((i) => i.label === 'smärta')!.insertText, '"smärta"');
    const dash = at(joinLines('---', 'tags:', '  - knä', '  -$$CURSOR$$', 'date: 2024-01-01', '---'));
    const e = dash.items.find((i) => i.label === 'smärta')!;
    assert.deepEqual((frontmatterOf(apply(dash.text, e)) as { tags: string[] }).tags, ['knä', 'smärta']);
    const bare = at(joinLines('---', 'tags:', '  $$CURSOR$$', '---'));
    assert.deepEqual((frontmatterOf(apply(bare.text, bare.items[0])) as { tags: string[] }).tags, ['smärta']);
  });
  it('offers no tags for a scalar `tags:` value nor list items under other keys', () => {
    assert.equal(at(joinLines('---', 'tags: $$CURSOR$$', '---')).items.length, 0);
    assert.equal(at(joinLines('---', 'title:', '  - $$CURSOR$$', '---')).items.length, 0);
  });
  it('reflects index changes', () => {
    const idx = makeIndex();
    assert.ok(!labels(at(joinLines('---', 'tags: [$$CURSOR$$]', '---'), idx).items).includes('nytt'));
    idx.set('/e.md', entry({ tags: ['nytt'] }));
    assert.ok(labels(at(joinLines('---', 'tags: [$$CURSOR$$]', '---'), idx).items).includes('nytt'));
  });
});

describe('topics and authors', () => {
  it('lists the category\'s topics first', () => {
    const { items } = at(joinLines('---', 'category: "kna"', 'topic: "$$CURSOR$$"', '---'));
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(labels(sorted), ['menisk', 'impingement', 'frozen-shoulder']);
  });
  it('lists authors with counts', () => {
    const { items } = at(joinLines('---', 'author: "$$CURSOR$$"', '---'));
    assert.deepEqual(labels(items), ['Dr. Anna Berg', 'Dr. Bo Ek']);
  });
});

describe('needsQuotes', () => {
  it('quotes what a plain scalar would misread', () => {
    for (const v of ['yes', 'true', '12', '2017-08-15', 'a: b', '#x', '', 'a, b']) assert.ok(needsQuotes(v), v);
    for (const v of ['smärta', 'frozen shoulder', 'Dr. Anna Berg', 'ac-luxation']) assert.ok(!needsQuotes(v), v);
  });
});

describe('tag variants', () => {
  it('leaves out variants the checker would flag and spellings of tags already in the list', () => {
    const index = new CorpusIndex();
    index.set('/a.md', entry({ tags: ['frozen-shoulder', 'ung-patient'] }));
    index.set('/b.md', entry({ tags: ['frozen-shoulder', 'ung-patient'] }));
    index.set('/c.md', entry({ tags: ['frozen shoulder', 'ung patient', 'smärta'] }));
    const offered = labels(at(joinLines('---', 'tags: ["Frozen Shoulder", $$CURSOR$$]', '---'), index).items);
    assert.ok(offered.includes('ung-patient'));
    assert.ok(!offered.includes('ung patient'), 'a variant of a more common tag');
    assert.ok(!offered.includes('frozen-shoulder'), 'already in the list in another spelling');
    assert.ok(offered.includes('smärta'));
  });
});

describe('long lists', () => {
  it('narrows hundreds of tags to what is typed, most used first, and says the list is incomplete', () => {
    const index = new CorpusIndex();
    for (let i = 0; i < 300; i++) index.set(`/t${i}.md`, entry({ tags: [`tagg-${String(i).padStart(3, '0')}`, ...(i < 50 ? ['smärta'] : [])] }));
    const { items, text, offset } = at(joinLines('---', 'tags: [$$CURSOR$$]', '---'), index);
    assert.equal(items.length, 301);
    const all = narrow(items, text, offset);
    assert.equal(all.entries.length, MAX_ENTRIES);
    assert.equal(all.incomplete, true);
    assert.equal(all.entries[0].label, 'smärta', 'the most used tag first');
    const typed = at(joinLines('---', 'tags: ["smar$$CURSOR$$]', '---'), index);
    const some = narrow(typed.items, typed.text, typed.offset);
    assert.deepEqual(some.entries.map((e) => e.label), ['smärta']);
    // Ranked here, so the editor must ask again as the user types.
    assert.equal(some.incomplete, true);
    const short = at(joinLines('---', 'tags: [$$CURSOR$$]', '---'));
    assert.deepEqual(narrow(short.items, short.text, short.offset).entries, short.items);
  });
});

describe('values with quotes and backslashes', () => {
  const odd = () => {
    const idx = makeIndex();
    idx.set('/q.md', entry({ tags: ['säg "aj"', 'C:\\knä', "it's"], author: 'Dr. "Bosse" Ek' }));
    return idx;
  };
  it('inside double quotes, escapes " and \\ so the value reads back as written', () => {
    for (const [line, label] of [
      ['tags: ["$$CURSOR$$"]', 'säg "aj"'],
      ['tags: ["knä", "$$CURSOR$$]', 'C:\\knä'],
      ['tags:\n  - "$$CURSOR$$"', 'säg "aj"'],
      ['author: "$$CURSOR$$"', 'Dr. "Bosse" Ek'],
    ]) {
      const { items, text } = at(joinLines('---', line, '---'), odd());
      const e = items.find((i) => i.label === label);
      assert.ok(e, `${line}: ${labels(items).join(', ')}`);
      const fm = frontmatterOf(apply(text, e)) as { tags?: string[]; author?: string };
      assert.ok((fm.tags ?? [fm.author]).includes(label), `${line} → ${JSON.stringify(fm)}`);
    }
  });
  it("inside single quotes, doubles the '", () => {
    const { items, text } = at(joinLines('---', "tags: ['$$CURSOR$$']", '---'), odd());
    const e = items.find((i) => i.label === "it's")!;
    assert.deepEqual((frontmatterOf(apply(text, e)) as { tags: string[] }).tags, ["it's"]);
  });
  it('unquoted, a value with quotes or a backslash gets quotes that keep it', () => {
    const { items, text } = at(joinLines('---', 'tags: [knä, $$CURSOR$$]', '---'), odd());
    for (const label of ['säg "aj"', 'C:\\knä']) {
      const fm = frontmatterOf(apply(text, items.find((i) => i.label === label)!)) as { tags: string[] };
      assert.deepEqual(fm.tags, ['knä', label]);
    }
  });
});

describe('comments', () => {
  for (const line of ['tags: [knä, # sm$$CURSOR$$', 'tags: [knä,\t#$$CURSOR$$', 'tags: [knä] # sm$$CURSOR$$', 'tags: [knä, smärta] #$$CURSOR$$', 'category: axel # k$$CURSOR$$', 'tags:\n  - knä # sm$$CURSOR$$', 'topic: "menisk" #$$CURSOR$$', '# tags: [sm$$CURSOR$$]', 'author: Dr. #$$CURSOR$$']) {
    it(`offers nothing inside a comment: ${JSON.stringify(line)}`, () => {
      assert.deepEqual(labels(at(joinLines('---', line, '---')).items), []);
    });
  }
  it('a # inside quotes or a word is no comment', () => {
    assert.ok(labels(at(joinLines('---', 'tags: ["a #b", $$CURSOR$$]', '---')).items).includes('smärta'));
    assert.ok(labels(at(joinLines('---', 'tags: [c#, $$CURSOR$$]', '---')).items).includes('smärta'));
  });
});
