import { isScalar, type Node, type Scalar } from 'yaml';
import { isSpaceUnit } from '../render/text';
import { readAsSite } from './siteReader';

/**
 * The one place that decides how a string is written into an article's YAML: every quick fix,
 * tag rename and workflow step writes values through it, so a value always reads back as the
 * same string (to the site's reader, js-yaml) and keeps the quoting of the value it replaces
 * where that is safe.
 */

/** How a scalar is written: in double quotes, in single quotes, or plain. */
export type QuoteStyle = 'double' | 'single' | 'plain';

/** The style of a written scalar; block scalars (`|`, `>`) and anything else are rewritten in double quotes. */
export function styleOf(node: Node | null | undefined): QuoteStyle {
  if (!node || !isScalar(node)) return 'double';
  const t = (node as Scalar).type;
  if (t === 'QUOTE_SINGLE') return 'single';
  if (t === 'PLAIN' && node.range && node.range[0] < node.range[1]) return 'plain';
  return 'double';
}

// Characters js-yaml refuses to read anywhere in a file, and line separators it may fold: escaped.
const ESCAPE_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/** A string as a YAML double-quoted scalar: `"` and `\` escaped, control characters as `\uXXXX`. */
export function doubleQuoted(value: string): string {
  return '"' + value.replace(/["\\]/g, (c) => SHORT[c]).replace(ESCAPE_RE, (c) => SHORT[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"';
}

/** A string as a YAML single-quoted scalar (`'` doubled), or undefined when it holds what single quotes cannot (line breaks, control characters). */
export function singleQuoted(value: string): string | undefined {
  ESCAPE_RE.lastIndex = 0;
  if (ESCAPE_RE.test(value)) return undefined;
  ESCAPE_RE.lastIndex = 0;
  return "'" + value.replace(/'/g, "''") + "'";
}

const PLAIN_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u;

/** Whether a string can be written without quotes, in a block mapping and in a flow list alike, and read back as the same string. */
export function plainSafe(value: string): boolean {
  if (!PLAIN_RE.test(value) || /\s$/.test(value) || /\s{2}/.test(value)) return false;
  const block = readAsSite(`x: ${value}`);
  const flow = readAsSite(`x: [${value}]`);
  return block.ok && flow.ok && (block.value as { x: unknown }).x === value && ((flow.value as { x: unknown[] }).x ?? [])[0] === value;
}

/** `value` in the given style when that style reads back as the same string, else in double quotes. */
export function writeString(value: string, style: QuoteStyle): string {
  if (style === 'plain' && plainSafe(value)) return value;
  if (style === 'single') return singleQuoted(value) ?? doubleQuoted(value);
  return doubleQuoted(value);
}

/** `value` written as `like` is written (double, single or plain), falling back to double quotes. */
export function writeLike(like: Node | null | undefined, value: string): string {
  return writeString(value, styleOf(like));
}

/** The style the file's own string fields use (category, title, topic, author), double quotes by default as the site's files do. */
export function fileStyle(fields: ReadonlyMap<string, { node: Node | null }>): QuoteStyle {
  for (const key of ['category', 'title', 'topic', 'author']) {
    const n = fields.get(key)?.node;
    if (n && isScalar(n) && typeof (n as Scalar).value === 'string') {
      const t = (n as Scalar).type;
      if (t === 'QUOTE_SINGLE') return 'single';
      if (t === 'PLAIN') return 'plain';
      if (t === 'QUOTE_DOUBLE') return 'double';
    }
  }
  return 'double';
}

/**
 * The source span that replacing a scalar value must cover: the tags (`!!binary`, `!!str`) in
 * front of it on its line, which would otherwise keep deciding its type, and the value itself
 * without the line breaks a block scalar (`|`, `>`) counts as its own, so a one-line
 * replacement keeps the next line intact. An anchor (`&a`) stays: an alias may refer to it.
 */
export function valueSpan(text: string, node: Node): { start: number; end: number } {
  const [s, e] = node.range!;
  let end = e;
  if (isScalar(node) && ((node as Scalar).type === 'BLOCK_LITERAL' || (node as Scalar).type === 'BLOCK_FOLDED')) {
    while (end > s && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  }
  let start = s;
  for (;;) {
    let i = start;
    while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    if (i === start) break; // a tag is separated from the value by a space
    let j = i;
    while (j > 0 && !isSpaceUnit(text.charCodeAt(j - 1))) j--;
    // The word before the space is a tag when it starts with `!`.
    if (j === i || text.charCodeAt(j) !== 33) break;
    start = j;
  }
  return { start, end };
}

/** Whether a string written plain is read by the site's YAML as the given kind of value. */
export function readsAs(plain: string, kind: 'date' | 'number' | 'boolean'): boolean {
  const r = readAsSite(`x: ${plain}`);
  if (!r.ok || !r.value || typeof r.value !== 'object') return false;
  const v = (r.value as { x: unknown }).x;
  if (kind === 'date') return v instanceof Date;
  if (kind === 'number') return typeof v === 'number' && Number.isFinite(v);
  return typeof v === 'boolean';
}
