import { Document, isPair, isScalar, Pair, Scalar, Schema, YAMLMap, YAMLSeq } from 'yaml';

/**
 * A fast reading of the frontmatter shapes nearly every article uses, for parse.ts: one field a
 * line, `key: "text"`, `key: 'text'`, `key: ["a", "b"]`, `key: 2017-08-15`, `key: true`,
 * `key: 42` and `key: |` followed by an indented block. It builds the same nodes, with the same
 * source ranges, and the same values as the full YAML readers; anything else — a comment, a tab,
 * an escape other than `\"` and `\\`, a plain text value, a second line of a quoted value, a
 * repeated key, a date that does not exist — returns undefined, and the full readers run. A unit
 * test (test/unit/commonShapes.test.ts) holds it to them on every corpus article and on mutations.
 */
export interface CommonShapes {
  /** The frontmatter as a yaml document (node ranges in document offsets), as parseDocument and the range shift build it. */
  doc: Document.Parsed;
  map: YAMLMap;
  data: Record<string, unknown>;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const APOS = 0x27;
const BACKSLASH = 0x5c;

/** A key the full readers read the same way: a plain word, never `<<`, `__proto__` or one that needs quotes. */
const KEY_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INT_RE = /^(?:0|[1-9][0-9]{0,14})$/;

/** The schema a document of YAML 1.2 gets by default, made once and shared: documents only read it. */
const CORE_SCHEMA = new Schema({ resolveKnownTags: true, schema: 'core' });

/**
 * yaml's node constructors mark each node's kind with `Object.defineProperty` (~150 ns a node,
 * a good part of a fast read). A prototype of our own carries the same mark once, so a node made
 * from it is what the yaml package and every rule read alike (`isScalar`, `instanceof Scalar`,
 * `clone`), with the same own fields. Should a yaml version mark nodes otherwise, the probe below
 * fails and the constructors are used.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');
const SCALAR_PROTO = Object.create(Scalar.prototype, { [NODE_TYPE]: { value: Symbol.for('yaml.scalar') } }) as Scalar;
const PAIR_PROTO = Object.create(Pair.prototype, { [NODE_TYPE]: { value: Symbol.for('yaml.pair') } }) as Pair;
const MARKED = isScalar(Object.create(SCALAR_PROTO)) && isPair(Object.create(PAIR_PROTO));

function newScalar(value: unknown): Scalar {
  if (!MARKED) return new Scalar(value);
  const s = Object.create(SCALAR_PROTO) as Scalar;
  s.value = value;
  return s;
}

function newPair(key: Scalar, value: Scalar | YAMLSeq): Pair {
  if (!MARKED) return new Pair(key, value);
  const p = Object.create(PAIR_PROTO) as Pair;
  p.key = key;
  p.value = value;
  return p;
}

class Unsupported {}
const UNSUPPORTED = new Unsupported();

/**
 * Reads the YAML text between the fences (`src`, with lone CRs already turned into LFs, so
 * offsets are the document's) starting at document offset `base`; undefined when the text has
 * any shape this reader does not know.
 */
export function readCommonShapes(src: string, base: number): CommonShapes | undefined {
  // A BOM or a line separator changes how the full readers read the text; so does a comment; a
  // character the site's reader calls non-printable makes its build fail.
  if (/[\uFEFF\u2028\u2029#\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/.test(src)) return undefined;
  // What is left that a value may not hold: a CR, a surrogate (lone ones are refused), a tab
  // (read alike only as the text of a `|` block's line, after its indentation). Text without any
  // (nearly all) needs no look at each value's characters.
  checkChars = /[\t\r\uD800-\uDFFF]/.test(src);
  slashAt = -2;
  try {
    return read(src, base);
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

function unsupported(): never {
  throw UNSUPPORTED;
}

/** End of the line starting at `i` (before its break) and the start of the next line. */
function lineAt(src: string, i: number): { end: number; next: number } {
  let end = src.indexOf('\n', i);
  if (end === -1) return { end: src.length, next: src.length };
  const next = end + 1;
  if (end > i && src.charCodeAt(end - 1) === CR) end--;
  return { end, next };
}

function isBlankLine(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (src.charCodeAt(i) !== SPACE) return false;
  return true;
}

/** Whether values must be looked at character by character (see readCommonShapes). */
let checkChars = true;

/**
 * No control characters (but the line breaks folding made, and with `tabs` a tab), DEL or C1
 * controls, which the readers treat differently.
 */
function plainChars(s: string, tabs = false): boolean {
  if (!checkChars) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== LF && !(tabs && c === TAB)) || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff)) {
      // A surrogate pair is fine; a lone surrogate is not.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          continue;
        }
      }
      return false;
    }
  }
  return true;
}

function scalar(value: unknown, source: string, type: Scalar.Type, range: [number, number, number]): Scalar {
  const s = newScalar(value);
  s.range = range;
  s.source = source;
  s.type = type;
  return s;
}

/**
 * The last search for a backslash: it found none in [slashFrom, slashAt) and one at slashAt (-1:
 * none up to the end; -2: no search yet in this text). Values are read from the top down, so a
 * search goes on from the last: each value searching the rest of the text anew made a list of
 * 40,000 quoted tags take seconds (most texts have no backslash at all).
 */
let slashFrom = 0;
let slashAt = -2;

/** The next backslash at or after `from`, or -1. */
function nextBackslash(src: string, from: number): number {
  if (slashAt !== -2 && from >= slashFrom && (slashAt === -1 || from <= slashAt)) return slashAt;
  slashFrom = from;
  slashAt = src.indexOf('\\', from);
  return slashAt;
}

/**
 * A double- or single-quoted scalar from `i`. With `multiline`, its text may go on over more
 * lines (indented), folded as YAML folds it: a line break becomes a space, an empty line a line
 * break, and the spaces around a break go.
 */
function quoted(src: string, i: number, lineEnd: number, base: number, multiline: boolean): { node: Scalar; end: number } {
  const q = src.charCodeAt(i);
  const quote = q === QUOTE ? '"' : "'";
  let j = i + 1;
  let value = '';
  let from = j;
  // The next quote and the next backslash (an escape only in double quotes), -1 when none is
  // left: each search goes on from the last, so a long value is read once.
  let nextQuote = src.indexOf(quote, j);
  let slash = q === QUOTE ? nextBackslash(src, j) : -1;
  for (;;) {
    // On to the next quote or backslash of the line.
    if (j < lineEnd) {
      if (nextQuote !== -1 && nextQuote < j) nextQuote = src.indexOf(quote, j);
      if (slash !== -1 && slash < j) slash = nextBackslash(src, j);
      let k = lineEnd;
      if (nextQuote !== -1 && nextQuote < k) k = nextQuote;
      if (slash !== -1 && slash < k) k = slash;
      j = k;
    }
    if (j >= lineEnd) {
      if (!multiline || lineEnd >= src.length) unsupported();
      // Fold the break: spaces before it go; empty lines are line breaks; else one space.
      let k = lineEnd;
      while (k > from && src.charCodeAt(k - 1) === SPACE) k--;
      value += src.slice(from, k);
      let line = lineAt(src, lineEnd + (src.charCodeAt(lineEnd) === CR ? 2 : 1));
      let start = lineEnd + (src.charCodeAt(lineEnd) === CR ? 2 : 1);
      let breaks = 0;
      while (isBlankLine(src, start, line.end)) {
        if (line.next >= src.length) unsupported();
        breaks++;
        start = line.next;
        line = lineAt(src, start);
      }
      value += breaks ? '\n'.repeat(breaks) : ' ';
      j = start;
      while (src.charCodeAt(j) === SPACE) j++;
      // A continuation must be indented; one at the margin, or a fence, the readers take differently.
      if (j === start) unsupported();
      from = j;
      lineEnd = line.end;
      continue;
    }
    const c = src.charCodeAt(j);
    if (q === QUOTE && c === BACKSLASH) {
      const e = src.charCodeAt(j + 1);
      if (e !== QUOTE && e !== BACKSLASH) unsupported();
      value += src.slice(from, j) + String.fromCharCode(e);
      j += 2;
      from = j;
      continue;
    }
    if (c === q) {
      if (q === APOS && src.charCodeAt(j + 1) === APOS) {
        value += src.slice(from, j + 1);
        j += 2;
        from = j;
        continue;
      }
      break;
    }
    j++;
  }
  value += src.slice(from, j);
  if (!plainChars(value)) unsupported();
  const end = j + 1;
  return { node: scalar(value, value, q === QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [base + i, base + end, base + end]), end };
}

/** `[ "a", 'b' ]` on one line from `i`. */
function flowSeq(src: string, i: number, lineEnd: number, base: number): { node: YAMLSeq; values: string[]; end: number } {
  const seq = new YAMLSeq();
  seq.flow = true;
  const values: string[] = [];
  let j = i + 1;
  const skip = () => {
    while (j < lineEnd && src.charCodeAt(j) === SPACE) j++;
  };
  skip();
  if (src.charCodeAt(j) !== 0x5d) {
    for (;;) {
      const c = src.charCodeAt(j);
      if (c !== QUOTE && c !== APOS) unsupported();
      const item = quoted(src, j, lineEnd, base, false);
      seq.items.push(item.node);
      values.push(item.node.value as string);
      j = item.end;
      skip();
      // An item's node reaches over the spaces after it.
      item.node.range![2] = base + j;
      const d = src.charCodeAt(j);
      if (d === 0x5d) break;
      if (d !== 0x2c) unsupported();
      j++;
      skip();
      if (src.charCodeAt(j) === 0x5d) unsupported(); // a trailing comma
    }
  }
  const end = j + 1;
  seq.range = [base + i, base + end, base + end];
  return { node: seq, values, end };
}

/** A plain scalar the readers agree on: a date, `true`/`false` or a whole number. */
function plainValue(text: string): { value: unknown; data: unknown } {
  if (text === 'true' || text === 'false') return { value: text === 'true', data: text === 'true' };
  if (INT_RE.test(text)) return { value: Number(text), data: Number(text) };
  const m = DATE_RE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const date = new Date(Date.UTC(y, mo - 1, d));
    // A day that does not exist moves to another one; the full readers decide how it is reported.
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1000) unsupported();
    return { value: date, data: new Date(date.getTime()) };
  }
  return unsupported();
}

/** A `|` block from the line after `next`, indented by the first line's indentation. */
function literalBlock(src: string, barAt: number, next: number, base: number): { node: Scalar; next: number } {
  let indent = 0;
  while (src.charCodeAt(next + indent) === SPACE) indent++;
  const first = lineAt(src, next);
  if (indent === 0 || first.end === next + indent) unsupported(); // no content, or a blank first line
  const parts: string[] = [];
  let pending = 0; // blank lines not yet known to be inside the block
  let i = next;
  let contentEnd = next;
  while (i < src.length) {
    const { end, next: after } = lineAt(src, i);
    // A line of spaces only is empty up to the indentation; spaces beyond it are its text.
    if (isBlankLine(src, i, end) && end - i <= indent) {
      pending++;
      i = after;
      continue;
    }
    let k = i;
    while (k < end && src.charCodeAt(k) === SPACE) k++;
    if (k - i < indent) {
      if (k !== i) unsupported(); // a less indented line that is not a new field
      break;
    }
    for (; pending > 0; pending--) parts.push('');
    const line = src.slice(i + indent, end);
    // After the indentation a tab is the line's text to both readers (pasted text often has one).
    if (!plainChars(line, true)) unsupported();
    parts.push(line);
    i = after;
    contentEnd = after;
  }
  // The block must end with a line break: the last content line is followed by one.
  if (src.charCodeAt(contentEnd - 1) !== LF) unsupported();
  const value = parts.join('\n') + '\n';
  return { node: scalar(value, value, 'BLOCK_LITERAL', [base + barAt, base + contentEnd, base + contentEnd]), next: contentEnd };
}

function read(src: string, base: number): CommonShapes {
  const map = new YAMLMap();
  const data: Record<string, unknown> = {};
  const seen = new Set<string>();
  let i = 0;
  let blankBefore = false;
  let first = -1;
  while (i < src.length) {
    const { end, next } = lineAt(src, i);
    if (isBlankLine(src, i, end)) {
      if (first !== -1) blankBefore = true;
      else unsupported(); // blank lines before the first field shift the map's range
      i = next;
      continue;
    }
    // `key: value`
    const colon = src.indexOf(':', i);
    if (colon === -1 || colon >= end) unsupported();
    const key = src.slice(i, colon);
    if (!KEY_RE.test(key) || seen.has(key)) unsupported();
    seen.add(key);
    if (first === -1) first = i;
    const keyNode = scalar(key, key, 'PLAIN', [base + i, base + colon, base + colon]);
    if (blankBefore) keyNode.spaceBefore = true;
    blankBefore = false;
    let j = colon + 1;
    if (src.charCodeAt(j) !== SPACE) unsupported(); // `key:` alone or `key:value`
    while (src.charCodeAt(j) === SPACE) j++;
    if (j >= end) unsupported();
    const c = src.charCodeAt(j);
    let valueNode: Scalar | YAMLSeq;
    let valueEnd: number;
    let lineEnd = end;
    let after = next;
    if (c === QUOTE || c === APOS) {
      const q = quoted(src, j, end, base, true);
      valueNode = q.node;
      valueEnd = q.end;
      data[key] = q.node.value;
      if (valueEnd > end) {
        // It went on over more lines: the rest of its last line follows.
        const nl = src.indexOf('\n', valueEnd);
        after = nl === -1 ? src.length : nl + 1;
        lineEnd = nl === -1 ? src.length : src.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      }
    } else if (c === 0x5b) {
      const s = flowSeq(src, j, end, base);
      valueNode = s.node;
      valueEnd = s.end;
      data[key] = s.values;
    } else if (c === 0x7c) {
      if (j + 1 !== end) unsupported(); // `|-`, `|+`, `|2` or text after the bar
      const b = literalBlock(src, j, next, base);
      map.items.push(newPair(keyNode, b.node));
      data[key] = b.node.value;
      i = b.next;
      continue;
    } else {
      let e = end;
      while (e > j && src.charCodeAt(e - 1) === SPACE) e--;
      const text = src.slice(j, e);
      const v = plainValue(text);
      valueNode = scalar(v.value, text, 'PLAIN', [base + j, base + e, base + e]);
      valueEnd = e;
      data[key] = v.data;
    }
    if (!isBlankLine(src, valueEnd, lineEnd)) unsupported(); // text after the value
    // A value's node reaches over the spaces after it and the line break.
    valueNode.range = [valueNode.range![0], valueNode.range![1], base + after];
    map.items.push(newPair(keyNode, valueNode));
    i = after;
  }
  if (first === -1) unsupported();
  // The last line must end with a break, as the text between two fences does.
  if (src.charCodeAt(src.length - 1) !== LF) unsupported();
  // The map ends where its last value does (blank lines after it are the document's).
  const last = map.items[map.items.length - 1].value as Scalar | YAMLSeq;
  const mapEnd = last.range![2];
  map.range = [base + first, mapEnd, mapEnd];
  const doc = new Document(undefined, { schema: CORE_SCHEMA }) as unknown as Document.Parsed;
  doc.contents = map as Document.Parsed['contents'];
  doc.range = [0, mapEnd - base, src.length];
  return { doc, map, data };
}
