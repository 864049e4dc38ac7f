import { isScalar, type Scalar } from 'yaml';
import { dominantEol } from '../lines';
import { parseArticle, type Field, type ParsedArticle } from '../parse';
import type { Problem, TextEdit } from '../types';

/** A workflow step on one article. */
export type WorkflowAction = 'markDraft' | 'markReady' | 'publish' | 'unpublish';

export { workflowState, type WorkflowState } from './state';

/**
 * The edits that perform a workflow step, touching only the `status` and `published` lines:
 * - markDraft / markReady set `status` to `utkast` / `klar` (inserted after `published` when missing);
 * - publish sets `published: true` and, when a `status` is present, `status: klar`;
 * - unpublish sets `published: false`.
 * Quoting of an existing status is kept; a new one follows the file's other quoted values.
 * Returns undefined when the text has no frontmatter mapping to edit.
 */
export function statusEdits(text: string, action: WorkflowAction): TextEdit[] | undefined {
  const a = parseArticle(text);
  // An unclosed block or a frontmatter that is not a mapping has no safe place for a field.
  if (!a.frontmatter || a.frontmatter.closeStart === undefined || !a.data) return undefined;
  // Where the source reading (the yaml package) went astray, its ranges cannot be trusted for an
  // edit, even when the site reads the block: refuse rather than overwrite the wrong bytes.
  if (a.sourceIssues.length > 0) return undefined;
  const edits: TextEdit[] = [];
  const status = a.fields.get('status');
  const published = a.fields.get('published');
  const setStatus = (value: string) => {
    if (status) pushValue(edits, status, scalarText(a, status, value));
    else edits.push(insertField(a, 'status', quoteLike(a, value), ['published'], ['question']));
  };
  const setPublished = (value: boolean) => {
    if (published) pushValue(edits, published, String(value));
    else edits.push(insertField(a, 'published', String(value), [], ['status', 'question']));
  };
  switch (action) {
    case 'markDraft':
      setStatus('utkast');
      break;
    case 'markReady':
      setStatus('klar');
      break;
    case 'publish':
      setPublished(true);
      if (status) setStatus('klar');
      break;
    case 'unpublish':
      setPublished(false);
      break;
  }
  // Drop edits that change nothing, so a no-op step leaves the document clean.
  return edits.filter((e) => text.slice(e.start, e.end) !== e.newText).sort((x, y) => x.start - y.start);
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((x, y) => x.start - y.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

export { publishBlockers } from './publish';

function pushValue(edits: TextEdit[], f: Field, newText: string): void {
  // An empty value (`status:`) ends right after the colon and needs its separating space.
  if (f.valueStart === f.valueEnd) edits.push({ start: f.valueStart, end: f.valueEnd, newText: ' ' + newText });
  else edits.push({ start: f.valueStart, end: f.valueEnd, newText });
}

/** A string value written in the quoting style of the field's current value. */
function scalarText(a: ParsedArticle, f: Field, value: string): string {
  const node = f.node;
  if (node && isScalar(node)) {
    const t = (node as Scalar).type;
    if (t === 'QUOTE_DOUBLE') return `"${value}"`;
    if (t === 'QUOTE_SINGLE') return `'${value}'`;
    if (t === 'PLAIN' && node.range && node.range[0] < node.range[1]) return value;
  }
  return quoteLike(a, value);
}

/** A string value quoted as the file's other string values are (double quotes by default, as the site does). */
function quoteLike(a: ParsedArticle, value: string): string {
  for (const key of ['category', 'title', 'topic', 'author']) {
    const n = a.fields.get(key)?.node;
    if (n && isScalar(n)) {
      const t = (n as Scalar).type;
      if (t === 'QUOTE_SINGLE') return `'${value}'`;
      if (t === 'PLAIN') return value;
      if (t === 'QUOTE_DOUBLE') return `"${value}"`;
    }
  }
  return `"${value}"`;
}

/**
 * A new `key: value` line: after the first present field of `after`, else before the first of
 * `before`, else at the end of the frontmatter.
 */
function insertField(a: ParsedArticle, key: string, value: string, after: string[], before: string[]): TextEdit {
  const eol = dominantEol(a.text);
  const line = `${key}: ${value}`;
  const { lines } = a;
  for (const k of after) {
    const f = a.fields.get(k);
    if (!f) continue;
    const last = lines.positionAt(Math.max(f.valueEnd, f.keyEnd)).line;
    const at = last + 1 < lines.lineCount ? lines.starts[last + 1] : a.text.length;
    return { start: at, end: at, newText: at === a.text.length ? eol + line : line + eol };
  }
  for (const k of before) {
    const f = a.fields.get(k);
    if (!f) continue;
    const at = lines.starts[lines.positionAt(f.keyStart).line];
    return { start: at, end: at, newText: line + eol };
  }
  const fm = a.frontmatter!;
  const end = fm.contentEnd;
  // contentEnd is the start of the closing fence line; an empty frontmatter still gets its own line.
  const needsBreak = end > fm.contentStart && !/[\r\n]$/.test(a.text.slice(fm.contentStart, end));
  return { start: end, end, newText: (needsBreak ? eol : '') + line + eol };
}
