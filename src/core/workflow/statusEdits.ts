import { isAlias, isMap, isScalar, type Scalar } from 'yaml';
import type { MessageKey } from '../i18n/messages';
import { dominantEol } from '../lines';
import { parseArticle, type Field, type ParsedArticle } from '../parse';
import { readBack, sameValue } from './readBack';
import type { TextEdit } from '../types';
import { fileStyle, styleOf, valueSpan, writeString } from '../yaml/quote';

/** A workflow step on one article. */
export type WorkflowAction = 'markDraft' | 'markReady' | 'publish' | 'unpublish';

export { workflowState, type WorkflowState } from './state';

/**
 * What a workflow step does to a text: the edits to make, or why it refuses. A refusal names
 * a message (with its arguments) that says what to mend first, and the zero-based line where.
 */
export type StatusEditResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: MessageKey; args: (string | number)[]; line: number };

/**
 * The edits that perform a workflow step, touching only the `status` and `published` lines:
 * - markDraft / markReady set `status` to `utkast` / `klar` (inserted after `published` when missing);
 * - publish sets `published: true` and, when a `status` is present, `status: klar`;
 * - unpublish sets `published: false`.
 * Quoting of an existing status is kept; a new one follows the file's other quoted values.
 * Refuses, changing nothing, when the frontmatter is missing, unclosed, in TOML, has a YAML error, is
 * not one field per line, or when the field to change is not a single value on its own line;
 * the result is checked by reading it back, and refused unless only the intended values changed.
 */
export function statusEdits(text: string, action: WorkflowAction): StatusEditResult {
  const a = parseArticle(text);
  const fm = a.frontmatter;
  const lineOf = (o: number) => a.lines.positionAt(o).line;
  const refuse = (reason: MessageKey, line: number, ...args: (string | number)[]): StatusEditResult => ({ ok: false, reason, args, line });
  if (!fm || fm.closeStart === undefined) return refuse('workflow-no-frontmatter', fm ? lineOf(fm.openStart) : 0);
  if (fm.kind === 'toml') return refuse('workflow-toml', lineOf(fm.openStart), lineOf(fm.openStart) + 1);
  if (a.yamlIssues.length) {
    const line = lineOf(a.yamlIssues[0].start);
    return refuse('workflow-yaml-broken', line, line + 1);
  }
  // Where the source reading (the yaml package) went astray, its ranges cannot be trusted for an
  // edit, even when the site reads the block: refuse rather than overwrite the wrong bytes.
  if (a.sourceIssues.length) {
    const line = lineOf(a.sourceIssues[0].start);
    return refuse('workflow-unsafe', line, line + 1);
  }
  const root = a.doc?.contents;
  if (!a.data || (root != null && !isMap(root))) return refuse('workflow-not-fields', lineOf(fm.contentStart));
  if (isMap(root) && root.flow) return refuse('workflow-flow-frontmatter', lineOf(root.range?.[0] ?? fm.contentStart));

  const want: Record<string, string | boolean> = {};
  const setStatus = (v: string) => (want.status = v);
  const setPublished = (v: boolean) => (want.published = v);
  switch (action) {
    case 'markDraft':
      setStatus('utkast');
      break;
    case 'markReady':
      setStatus('klar');
      break;
    case 'publish':
      setPublished(true);
      if (a.fields.has('status')) setStatus('klar');
      break;
    case 'unpublish':
      setPublished(false);
      break;
  }

  const edits: TextEdit[] = [];
  for (const [key, value] of Object.entries(want)) {
    const f = a.fields.get(key);
    const written = typeof value === 'boolean' ? String(value) : writeString(value, f && hasValue(f) ? styleOf(f.node) : fileStyle(a.fields));
    if (!f) {
      edits.push(key === 'status' ? insertField(a, key, written, ['published'], ['question']) : insertField(a, key, written, [], ['status', 'question']));
      continue;
    }
    const edit = valueEdit(a, f, written);
    if (!edit) return refuse('workflow-field-shape', lineOf(f.keyStart), key, lineOf(f.keyStart) + 1, `${key}: ${written}`);
    edits.push(edit);
  }
  // Drop edits that change nothing, so a no-op step leaves the document clean.
  const changed = edits.filter((e) => text.slice(e.start, e.end) !== e.newText).sort((x, y) => x.start - y.start);
  if (changed.length && !onlyIntended(a, changed, want)) return refuse('workflow-unsafe', lineOf(changed[0].start), lineOf(changed[0].start) + 1);
  return { ok: true, edits: changed };
}

export { publishBlockers } from './publish';

function hasValue(f: Field): boolean {
  return f.valueEnd > f.valueStart;
}

/** The edit that replaces a field's value, or undefined when the value is not one scalar on the key's line. */
function valueEdit(a: ParsedArticle, f: Field, newText: string): TextEdit | undefined {
  const line = a.lines.positionAt(f.keyStart).line;
  // An empty value (`status:`) ends right after the colon and needs its separating space.
  if (!hasValue(f)) return { start: f.valueStart, end: f.valueEnd, newText: ' ' + newText };
  const node = f.node;
  if (!node || isAlias(node) || !isScalar(node) || !node.range) return undefined;
  const t = (node as Scalar).type;
  if (t !== 'PLAIN' && t !== 'QUOTE_DOUBLE' && t !== 'QUOTE_SINGLE') return undefined;
  const span = valueSpan(a.text, node);
  if (a.lines.positionAt(span.start).line !== line || a.lines.positionAt(span.end).line !== line) return undefined;
  return { start: span.start, end: span.end, newText };
}

/**
 * A new `key: value` line: after the first present field of `after`, else before the first of
 * `before`, else at the end of the frontmatter; indented as the other fields are.
 */
function insertField(a: ParsedArticle, key: string, value: string, after: string[], before: string[]): TextEdit {
  const eol = dominantEol(a.text);
  const { lines } = a;
  const indent = a.fieldList.length ? ' '.repeat(lines.positionAt(a.fieldList[0].keyStart).character) : '';
  const line = `${indent}${key}: ${value}`;
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

/**
 * Whether the edits change only what they mean to: each replaces text within one line (or adds
 * one whole line), and reading the result back gives the intended values, every other field
 * unchanged and in the same order, and the same body.
 */
function onlyIntended(a: ParsedArticle, edits: TextEdit[], want: Record<string, unknown>): boolean {
  const text = a.text;
  const breaks = /[\r\n]/;
  for (const e of edits) {
    if (breaks.test(text.slice(e.start, e.end))) return false;
    if (!breaks.test(e.newText)) continue;
    // A text with a line break may only add one whole line.
    const atLineStart = e.start === 0 || breaks.test(text[e.start - 1]) || e.start === text.length;
    if (e.start !== e.end || !atLineStart || e.newText.split(/\r\n|\r|\n/).length !== 2) return false;
  }
  const b = readBack(a, edits);
  if (!b) return false;
  const others = (p: ParsedArticle) => p.fieldList.map((f) => f.key).filter((k) => !(k in want));
  const ka = others(a);
  const kb = others(b);
  if (ka.length !== kb.length || ka.some((k, i) => kb[i] !== k)) return false;
  if (ka.some((k) => !sameValue(a.data![k], b.data![k]))) return false;
  return Object.entries(want).every(([k, v]) => b.data![k] === v && b.fieldList.filter((f) => f.key === k).length === 1);
}
