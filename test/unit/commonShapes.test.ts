import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readCommonShapes } from '../../src/core/commonShapes';
import { findFrontmatter } from '../../src/core/frontmatter';
import { parseArticle, type ParsedArticle } from '../../src/core/parse';
import { CORPUS, article } from './helpers';

const present = fs.existsSync(CORPUS);
if (!present) console.log(`# skipped: the real corpus is not at ${CORPUS}`);

/** Everything of a yaml node a rule, a fix or a completion could read: class, own fields, children. */
function node(n: unknown): unknown {
  if (n === null || typeof n !== 'object') return n;
  if (n instanceof Date) return { date: n.getTime() };
  const o = n as Record<string, unknown>;
  const out: Record<string, unknown> = { class: o.constructor?.name };
  for (const k of Object.keys(o).sort()) {
    if (k === 'items') out.items = (o.items as unknown[]).map(node);
    else if (k === 'key' || k === 'value') out[k] = node(o[k]);
    else out[k] = o[k];
  }
  return out;
}

/** What the rest of the product reads of a parsed article. */
function snapshot(a: ParsedArticle): unknown {
  return {
    frontmatter: a.frontmatter,
    data: a.data,
    yamlIssues: a.yamlIssues,
    sourceIssues: a.sourceIssues,
    fields: a.fieldList.map((f) => ({ key: f.key, keyStart: f.keyStart, keyEnd: f.keyEnd, valueStart: f.valueStart, valueEnd: f.valueEnd, node: node(f.node), pair: node(f.pair) })),
    byKey: [...a.fields.keys()],
    contents: node(a.doc?.contents),
    docErrors: a.doc?.errors.length,
    docWarnings: a.doc?.warnings.length,
    docRange: a.doc?.range,
    body: a.body,
    bodyStart: a.bodyStart,
  };
}

/** Whether the fast reader took the text (else parseArticle ran the full readers). */
function fast(text: string): boolean {
  const fm = findFrontmatter(text);
  if (!fm || fm.closeStart === undefined) return false;
  return !!readCommonShapes(text.slice(fm.contentStart, fm.contentEnd).replace(/\r(?!\n)/g, '\n'), fm.contentStart);
}

function same(text: string, label: string): void {
  assert.deepStrictEqual(snapshot(parseArticle(text)), snapshot(parseArticle(text, { exact: true })), `${label}: ${JSON.stringify(text.slice(0, 300))}`);
}

/** Edits of a frontmatter a writer makes, in and out of the shapes the fast reader knows. */
function mutations(text: string): string[] {
  const fm = findFrontmatter(text)!;
  const head = text.slice(0, fm.contentStart);
  const yaml = text.slice(fm.contentStart, fm.contentEnd);
  const tail = text.slice(fm.contentEnd);
  const lines = yaml.split('\n');
  const withYaml = (y: string) => head + y + tail;
  const out: string[] = [];
  const edits: ((l: string, i: number) => string | string[])[] = [
    (l) => l.replace(/: "([^"\\]*)"\s*$/, ": '$1'"),
    (l) => l.replace(/"\s*$/, '"   '),
    (l) => [l, ''],
    (l) => [l, '', '  '],
    (l) => l.replace(/: "/, ': "\\"'),
    (l) => l.replace(/: "/, ': "\\n'),
    (l) => l.replace(/: "/, ': "\\\\'),
    (l) => l.replace(/"\s*$/, ''),
    (l) => l.replace(/: /, ':\t'),
    (l) => l + ' # note',
    (l) => ['# comment', l],
    (l) => l.replace(/^(\w+):.*$/, '$1:'),
    (l) => l.replace(/^(\w+): .*$/, '$1: plain text'),
    (l) => l.replace(/^(\w+): .*$/, '$1: 2017-02-30'),
    (l) => l.replace(/^(\w+): .*$/, '$1: 2017-8-15'),
    (l) => l.replace(/^(\w+): .*$/, '$1: 2017-08-15T10:00:00Z'),
    (l) => l.replace(/^(\w+): .*$/, '$1: yes'),
    (l) => l.replace(/^(\w+): .*$/, '$1: True'),
    (l) => l.replace(/^(\w+): .*$/, '$1: 042'),
    (l) => l.replace(/^(\w+): .*$/, '$1: -1'),
    (l) => l.replace(/^(\w+): .*$/, '$1: 1e3'),
    (l) => l.replace(/^(\w+): .*$/, '$1: 7'),
    (l) => l.replace(/^(\w+): .*$/, '$1: ~'),
    (l) => l.replace(/^(\w+): .*$/, '$1: null'),
    (l) => l.replace(/^(\w+):/, '"$1":'),
    (l) => l.replace(/^(\w+):/, '$1 :'),
    (l) => l.replace(/^(\w+):/, ' $1:'),
    (l) => l.replace(/^(\w+):/, '<<:'),
    (l) => l.replace(/^(\w+):/, '__proto__:'),
    (l) => l.replace(/^(\w+):/, 'title:'),
    (l) => l.replace(/\[/, '[ ').replace(/\]/, ' ]'),
    (l) => l.replace(/\]/, ', ]'),
    (l) => l.replace(/\[/, '[[').replace(/\]/, ']]'),
    (l) => l.replace(/"([^"]*)"(?=[,\]])/, '$1'),
    (l) => l.replace(/\[.*\]/, '[]'),
    (l) => l.replace(/\|$/, '|-'),
    (l) => l.replace(/\|$/, '>'),
    (l) => l.replace(/\|$/, '| '),
    (l) => (l.startsWith('  ') ? ' ' + l.slice(2) : l),
    (l) => (l.startsWith('  ') ? '    ' + l.slice(2) : l),
    (l) => (l.trim() === '' ? '      ' : l),
    (l) => (l.startsWith('  ') ? l + '\u0007' : l),
    (l) => (l.startsWith('  ') ? l + ' \ud800' : l),
    (l) => (l.startsWith('  ') ? l + '\ufffe' : l.replace(/"$/, '\uffff"')),
    (l) => l.replace(/: "/, ': "\u0085'),
    (l) => l.replace(/"$/, 'é😀"'),
    (l) => l.replace(/: "([^" ]+) /, ': "$1\n  '),
    (l) => l.replace(/: "([^" ]+) /, ': "$1   \n\n   '),
    (l) => l.replace(/: "([^" ]+) /, ': "$1\n'),
    (l) => l.replace(/: "([^" ]+) /, ': "$1\n  \n  \n '),
    (l) => l.replace(/: "([^" ]+) /, ': "$1\r\n  \r\n  '),
    (l) => l.replace(/: "([^"' ]+) ([^"']*)"\s*$/, ": '$1\n  $2'"),
    (l) => l.replace(/"\s*$/, '\n  "'),
    (l) => l.replace(/"\s*$/, '\n---\n"'),
    // Tabs: the text of a block's line after its indentation, and anywhere else.
    (l) => (l.startsWith('  ') ? l.slice(0, 2) + '\t' + l.slice(2) : l.replace(/: /, ': \t')),
    (l) => (l.startsWith('  ') ? '\t' + l.slice(2) : l + '\t'),
    (l) => (l.startsWith('  ') ? ' \t' + l.slice(2) : l.replace(/"$/, '\t"')),
    (l) => l.replace(/ (\S+)$/, '\t$1'),
    (l) => [l, '  \t'],
    (l) => [l, '\t'],
    (l) => [l, '    \t  '],
    (l) => l.replace(/, "/, ',\t"'),
  ];
  for (const [e, edit] of edits.entries()) {
    // Each edit on a few lines of the block, chosen so that every kind of line is hit across the corpus.
    for (let i = e % 3; i < lines.length; i += 3) {
      const r = edit(lines[i], i);
      const copy = [...lines];
      copy.splice(i, 1, ...(Array.isArray(r) ? r : [r]));
      const y = copy.join('\n');
      if (y !== yaml) out.push(withYaml(y));
    }
  }
  out.push(text.replace(/\r?\n/g, '\r\n'), text.replace(/\r?\n/g, '\r'), withYaml(yaml.replace(/\n$/, '')), withYaml('\n' + yaml), withYaml(yaml + '\n\n'));
  return out;
}

test('the fast reader gives exactly what the full readers give, on every real article', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  let taken = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    same(text, f);
    if (fast(text)) taken++;
  }
  // It must be the path the corpus takes, or it speeds nothing up.
  assert.ok(taken >= files.length * 0.95, `${taken} of ${files.length} articles read by the fast reader`);
});

test('the fast reader gives exactly what the full readers give, on mutations of real articles', { skip: !present && `no corpus at ${CORPUS}` }, () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  let compared = 0;
  let taken = 0;
  for (const f of files.filter((_, i) => i % 25 === 0)) {
    for (const m of mutations(fs.readFileSync(path.join(CORPUS, f), 'utf8'))) {
      same(m, f);
      compared++;
      if (fast(m)) taken++;
    }
  }
  // Both paths are exercised: edits inside the known shapes and edits that must fall back.
  assert.ok(taken > compared * 0.2 && taken < compared * 0.9, `${taken} of ${compared} mutations read by the fast reader`);
});

test('the fast reader gives exactly what the full readers give, on hand-written shapes', () => {
  const cases = [
    article(),
    article({ tags: 'tags: []' }),
    article({ tags: "tags: ['axel', \"knä\" ,'a''b']" }),
    article({ question: 'question: |\n  Hej!\n\n  Två rader.\n\n\n' }),
    article({ question: 'question: |\n    Djupt indrag\n    rad två' }),
    article({ patientAge: 'patientAge: 0' }),
    article({ title: 'title: "Citat \\"inuti\\" och \\\\"' }),
    article({ title: "title: ''" }),
    article({ title: 'title: ""' }),
    '---\ntitle: "Bara titel"\n---\n',
    '---\nquestion: |\n  Sist\n---\n',
    '---\nquestion: |\n  a\n     \n---\n',
    '---\nquestion: |\n  a\n     \n\n  b\n    \ntitle: "t"\n---\n',
    '---\nquestion: |\n   \n  a\n---\n',
    '---\n---\n',
    '---\n\n---\n',
    '---\ntitle: "x"\n',
    '---\r\ntitle: "x"\r\ndate: 2020-01-01\r\nquestion: |\r\n  a\r\n  \r\n  b\r\n---\r\nSvar\r\n',
    '---\nquestion: |\n  a\tb\n  \t\n---\n',
    '---\nquestion: |\n  \tindraget\n  rad två\n---\n',
    '---\nquestion: |\n  a\n  \t\n\n  b\n---\n',
    '---\nquestion: |\n  a\n\t\n---\n',
    '---\nquestion: |\n  a\n \t\n---\n',
    '---\nquestion: |\n  a\n  \t\ntitle: "t\tu"\n---\n',
    '---\nquestion: |\n  a\n  b\t\ntitle:\t"t"\n---\n',
    '---\ntitle: "a\t\n  b"\nquestion: |\n  a\t\n---\n',
    '---\ntags: ["a",\t"b"]\nquestion: |\n  a\t\n---\n',
  ];
  for (const [i, c] of cases.entries()) same(c, `case ${i}`);
  assert.ok(fast(article()), 'a typical article takes the fast path');
});
