import { isScalar, isSeq, type Node, type Scalar, type YAMLSeq } from 'yaml';
import type { MessageKey } from '../i18n/messages';
import { parseArticle, type ParsedArticle } from '../parse';
import { readBack, sameValue } from './readBack';
import type { TextEdit } from '../types';
import { valueSpan, writeLike } from '../yaml/quote';

/** What renaming a tag does to one article: the edits (none when it has no such tag), or why it refuses. */
export type TagRenameResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: MessageKey; args: (string | number)[]; line: number };

/**
 * The edits that rename tag `from` to `to` in one article's `tags` list, touching only list
 * items: each `from` item is rewritten in its own quoting style, or removed when `to` is
 * already in the list (a merge, no duplicates). Flow (`[a, b]`) and block (`- a`) lists both
 * work, and every spelling of the tag is found (escapes such as `\u00e4`, single quotes, a
 * value folded over two lines); line ends are never touched. Refuses, changing nothing, when
 * `to` is blank, when the frontmatter has a YAML error or its `tags` is not a list while the
 * tag may be in it, or when reading the result back shows anything but the renamed tags changed.
 */
export function tagRename(text: string, from: string, to: string): TagRenameResult {
  const refuse = (reason: MessageKey, line: number, ...args: (string | number)[]): TagRenameResult => ({ ok: false, reason, args, line });
  if (to.trim() === '') return refuse('tag-rename-blank', 0);
  if (from === to || !mayContain(text, from)) return { ok: true, edits: [] };
  const a = parseArticle(text);
  const fm = a.frontmatter;
  if (!fm || !mayContain(text.slice(fm.contentStart, fm.contentEnd), from)) return { ok: true, edits: [] };
  const lineOf = (o: number) => a.lines.positionAt(o).line;
  if (fm.closeStart === undefined) return refuse('workflow-no-frontmatter', lineOf(fm.openStart));
  if (fm.kind === 'toml') return refuse('tag-rename-toml', lineOf(fm.openStart), lineOf(fm.openStart) + 1);
  if (a.yamlIssues.length) return refuse('tag-rename-yaml-broken', lineOf(a.yamlIssues[0].start), lineOf(a.yamlIssues[0].start) + 1);
  // Where the source reading went astray (though the site reads the block), its ranges cannot be trusted for an edit.
  if (a.sourceIssues.length) return refuse('tag-rename-unsafe', lineOf(a.sourceIssues[0].start), lineOf(a.sourceIssues[0].start) + 1);
  const field = a.fields.get('tags');
  const node = field?.node;
  if (!field || !node) return { ok: true, edits: [] };
  if (!isSeq(node)) {
    const says = isScalar(node) && typeof node.value === 'string' && node.value.includes(from);
    return says ? refuse('tag-rename-not-list', lineOf(field.keyStart), lineOf(field.keyStart) + 1) : { ok: true, edits: [] };
  }
  const seq = node as YAMLSeq;
  const items = seq.items.map((it) => (isScalar(it) && typeof it.value === 'string' && it.range ? (it as Scalar<string>) : undefined));
  if (!items.some((it) => it?.value === from)) return { ok: true, edits: [] };

  const edits = listEdits(a, seq, items, from, to);
  if (!edits) return refuse('tag-rename-unsafe', lineOf(field.keyStart), lineOf(field.keyStart) + 1);
  const expected = renamedList(seq.items.map((it) => (isScalar(it) ? (it as Scalar).value : it)), from, to);
  if (!onlyTagsChanged(a, edits, expected)) return refuse('tag-rename-unsafe', lineOf(field.keyStart), lineOf(field.keyStart) + 1);
  return { ok: true, edits };
}

/** The edits of {@link tagRename}, or [] when it refuses or the article has no such tag. */
export function tagRenameEdits(text: string, from: string, to: string): TextEdit[] {
  const r = tagRename(text, from, to);
  return r.ok ? r.edits : [];
}

/** Whether a text may hold the tag in some spelling: as written, escaped, with `''` for `'`, or folded at a space. */
function mayContain(text: string, tag: string): boolean {
  if (text.includes(tag) || text.includes('\\') || tag.includes("'")) return true;
  if (!/\s/.test(tag)) return false;
  const folded = tag.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(folded).test(text);
}

/** A list with `from` renamed to `to` and the repeats a merge makes removed, as the edits do. */
function renamedList(values: unknown[], from: string, to: string): unknown[] {
  let hasTo = values.includes(to);
  const out: unknown[] = [];
  for (const v of values) {
    if (v !== from) out.push(v);
    else if (!hasTo) {
      hasTo = true;
      out.push(to);
    }
  }
  return out;
}

function listEdits(a: ParsedArticle, seq: YAMLSeq, items: (Scalar<string> | undefined)[], from: string, to: string): TextEdit[] | undefined {
  const text = a.text;
  let hasTo = items.some((it) => it?.value === to);
  const keep: boolean[] = [];
  const replaced = new Map<number, string>();
  items.forEach((it, i) => {
    if (it?.value !== from) return void keep.push(true);
    if (hasTo) return void keep.push(false);
    hasTo = true;
    keep.push(true);
    replaced.set(i, writeLike(it, to));
  });
  const span = (i: number) => valueSpan(text, items[i]!);
  const edits: TextEdit[] = [];
  if (keep.every(Boolean)) {
    for (const [i, newText] of replaced) edits.push({ ...span(i), newText });
    return edits;
  }
  if (seq.flow) {
    // Rebuild the list between its brackets, keeping its own spacing and separator.
    const nodes = seq.items as Array<Node | null>;
    if (nodes.some((n) => !n?.range) || !seq.range) return undefined;
    const r = (i: number) => nodes[i]!.range!;
    const open = text.slice(seq.range[0], r(0)[0]);
    const close = text.slice(r(nodes.length - 1)[1], seq.range[1]);
    const sep = nodes.length > 1 ? text.slice(r(0)[1], r(1)[0]) : ', ';
    const parts = nodes.map((_, i) => replaced.get(i) ?? text.slice(r(i)[0], r(i)[1])).filter((_, i) => keep[i]);
    edits.push({ start: seq.range[0], end: seq.range[1], newText: open + parts.join(sep) + close });
    return edits;
  }
  for (const [i, newText] of replaced) edits.push({ ...span(i), newText });
  const { lines } = a;
  items.forEach((it, i) => {
    if (keep[i] || !it) return;
    // The whole `- item` line (or lines, for a value folded over several).
    const first = lines.positionAt(it.range![0]).line;
    const last = lines.positionAt(span(i).end).line;
    const end = last + 1 < lines.lineCount ? lines.starts[last + 1] : text.length;
    edits.push({ start: lines.starts[first], end, newText: '' });
  });
  return edits.sort((x, y) => x.start - y.start);
}

/** Whether, read back, the result has the expected tags and every other field and the body as before. */
function onlyTagsChanged(a: ParsedArticle, edits: TextEdit[], expected: unknown[]): boolean {
  const b = readBack(a, edits);
  if (!b) return false;
  const ka = a.fieldList.map((f) => f.key);
  const kb = b.fieldList.map((f) => f.key);
  if (!sameValue(ka, kb)) return false;
  return ka.every((k) => (k === 'tags' ? sameValue(b.data![k], expected) : sameValue(a.data![k], b.data![k])));
}
