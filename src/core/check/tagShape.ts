import { isScalar, isSeq, type Scalar, type YAMLSeq } from 'yaml';
import type { CheckContext } from './context';
import { applyEdits } from '../fix/index';
import { parseArticle } from '../parse';
import type { Fix, TextEdit } from '../types';
import { styleOf, writeString } from '../yaml/quote';

/** A comma or semicolon inside one tag: where the writer meant a new tag. */
const SEPARATOR = /[,;]/;

/**
 * The tags a writer meant by one list item, when the item holds several or a stray separator;
 * undefined for an ordinary tag. `joined`: the item runs on over lines that each start with
 * `- ` (a dash indented further than the one above it is no new item, so YAML joins the lines).
 */
function meantTags(item: Scalar<string>, source: string): { parts: string[]; joined: boolean; separator?: string } | undefined {
  let pieces = [item.value];
  let joined = false;
  if (item.type === 'PLAIN' && /[\r\n]/.test(source)) {
    const lines = source.split(/\r\n|\r|\n/);
    // Every further line a `- ` item and no blank line: otherwise the lines are one folded value.
    if (lines.length < 2 || !lines.slice(1).every((l) => /^[ \t]+- \S/.test(l))) return undefined;
    pieces = [lines[0].trim(), ...lines.slice(1).map((l) => l.trim().slice(2).trim())];
    joined = true;
  }
  const separator = pieces.map((p) => SEPARATOR.exec(p)?.[0]).find((s) => s !== undefined);
  if (!joined && separator === undefined) return undefined;
  const parts = pieces.flatMap((p) => p.split(SEPARATOR)).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  return { parts, joined, separator };
}

/**
 * One list item in place of several: the edit that writes each tag as an item of its own in
 * the list's style (`a, b` in a flow list, a `- ` line each at the item's place in a block list),
 * each in the item's own quoting where that reads back the same. Undefined where the item's
 * place cannot be known exactly.
 */
function splitEdit(ctx: CheckContext, seq: YAMLSeq, item: Scalar<string>, parts: string[]): TextEdit | undefined {
  const [start, end] = item.range!;
  const { text, lines } = ctx.article;
  const written = parts.map((p) => writeString(p, styleOf(item)));
  if (seq.flow) return { start, end, newText: written.join(', ') };
  const line = lines.positionAt(start).line;
  // The item's own line up to its value: an indentation, the dash and the space after it.
  const lead = /^([ \t]*)-([ \t]+)$/.exec(text.slice(lines.starts[line], start));
  if (!lead) return undefined;
  return { start, end, newText: written.join(`${ctx.eol}${lead[1]}-${lead[2]}`) };
}

/**
 * Tags that are several tags to the writer but one to the site: `- kalkaxel` with `  - operation`
 * indented below it (YAML reads "kalkaxel - operation"), and `kalkaxel; operation` or
 * `kalkaxel,` written as one item. The site makes a tag page for each tag as it is written, so
 * such a tag gets a page of its own that lists this article alone. The fix writes the tags as
 * items of their own, and is offered only where the list then reads as exactly those tags.
 */
export function checkTagShapes(ctx: CheckContext): void {
  if (!ctx.on('tag-joined')) return;
  const node = ctx.article.fields.get('tags')?.node;
  if (!isSeq(node) || !Array.isArray(ctx.article.data?.tags)) return;
  const seq = node as YAMLSeq;
  const { text } = ctx.article;
  const tags = ctx.article.data.tags as unknown[];
  (seq.items as unknown[]).forEach((raw, i) => {
    if (!isScalar(raw) || typeof (raw as Scalar).value !== 'string' || !(raw as Scalar).range) return;
    const item = raw as Scalar<string>;
    const [start, end] = item.range!;
    const meant = meantTags(item, text.slice(start, end));
    if (!meant) return;
    const { parts, joined, separator } = meant;
    const message = joined
      ? ctx.msg('tag-joined-lines', item.value, parts.length)
      : parts.length > 1
        ? ctx.msg('tag-joined-separator', item.value, separator!)
        : ctx.msg('tag-stray-separator', item.value, separator!);
    const edit = splitEdit(ctx, seq, item, parts);
    const fix: Fix | undefined = edit && {
      title: parts.length > 1 ? ctx.msg('fix-split-tag', parts.map((p) => `"${p}"`).join(', '), parts.length) : ctx.msg('fix-replace', parts[0]),
      edits: [edit],
      preferred: true,
    };
    ctx.report('tag-joined', start, end, message, fix && readsAsMeant(ctx, fix, tags, i, parts) ? [fix] : undefined);
  });
}

/** Whether the article with the fix applied has the same fields, its tags with item `i` replaced by `parts`. */
function readsAsMeant(ctx: CheckContext, fix: Fix, tags: unknown[], i: number, parts: string[]): boolean {
  const after = parseArticle(applyEdits(ctx.article.text, fix.edits));
  if (after.yamlIssues.length || !after.data) return false;
  const expected = { ...ctx.article.data, tags: [...tags.slice(0, i), ...parts, ...tags.slice(i + 1)] };
  return JSON.stringify(after.data) === JSON.stringify(expected) && after.body === ctx.article.body;
}
