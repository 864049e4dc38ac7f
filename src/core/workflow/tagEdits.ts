import { isScalar, isSeq, parse, type Scalar, type YAMLSeq } from 'yaml';
import { parseArticle, YAML_OPTIONS } from '../parse';
import type { TextEdit } from '../types';

/**
 * The edits that rename tag `from` to `to` in one article's `tags` list, touching only list
 * items: each `from` item is rewritten in its own quoting style, or removed when `to` is
 * already in the list (a merge, no duplicates). Flow (`[a, b]`) and block (`- a`) lists both
 * work; line ends are never touched. Returns [] when the article has no such tag.
 */
export function tagRenameEdits(text: string, from: string, to: string): TextEdit[] {
  if (from === to) return [];
  // Cheap skip for the many files of a corpus without the tag (escaped spellings need the parse).
  if (!/['"\\]/.test(from) && !text.includes(from)) return [];
  const a = parseArticle(text);
  const node = a.fields.get('tags')?.node;
  if (!node || !isSeq(node)) return [];
  const seq = node as YAMLSeq;
  const items = seq.items.map((it) => (isScalar(it) && typeof it.value === 'string' && it.range ? (it as Scalar<string>) : undefined));
  if (!items.some((it) => it?.value === from)) return [];

  let hasTo = items.some((it) => it?.value === to);
  const keep: boolean[] = [];
  const replaced = new Map<number, string>();
  items.forEach((it, i) => {
    if (it?.value !== from) return void keep.push(true);
    if (hasTo) return void keep.push(false);
    hasTo = true;
    keep.push(true);
    replaced.set(i, scalarLike(it, to));
  });
  const edits: TextEdit[] = [];
  if (keep.every(Boolean)) {
    for (const [i, newText] of replaced) edits.push({ start: items[i]!.range![0], end: items[i]!.range![1], newText });
    return edits;
  }
  if (seq.flow) {
    // Rebuild the list between its brackets, keeping its own spacing and separator.
    const nodes = seq.items as Array<{ range?: [number, number, number] | null }>;
    if (nodes.some((n) => !n?.range) || !seq.range) return [];
    const r = (i: number) => nodes[i].range!;
    const open = text.slice(seq.range[0], r(0)[0]);
    const close = text.slice(r(nodes.length - 1)[1], seq.range[1]);
    const sep = nodes.length > 1 ? text.slice(r(0)[1], r(1)[0]) : ', ';
    const parts = nodes.map((_, i) => replaced.get(i) ?? text.slice(r(i)[0], r(i)[1])).filter((_, i) => keep[i]);
    edits.push({ start: seq.range[0], end: seq.range[1], newText: open + parts.join(sep) + close });
    return edits;
  }
  for (const [i, newText] of replaced) edits.push({ start: items[i]!.range![0], end: items[i]!.range![1], newText });
  const { lines } = a;
  items.forEach((it, i) => {
    if (keep[i] || !it) return;
    const first = lines.positionAt(it.range![0]).line;
    const last = lines.positionAt(it.range![1]).line;
    const end = last + 1 < lines.lineCount ? lines.starts[last + 1] : text.length;
    edits.push({ start: lines.starts[first], end, newText: '' });
  });
  return edits.sort((x, y) => x.start - y.start);
}

/** `value` written as `like` is written: double, single or plain (quoted when plain would not read back as the same string). */
export function scalarLike(like: Scalar, value: string): string {
  if (like.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (like.type === 'PLAIN' && plainSafe(value)) return value;
  return JSON.stringify(value);
}

function plainSafe(value: string): boolean {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u.test(value) || /\s$/.test(value)) return false;
  try {
    return parse(value, YAML_OPTIONS) === value;
  } catch {
    return false;
  }
}
