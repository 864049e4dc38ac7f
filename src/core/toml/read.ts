// Fields written in TOML between `+++` lines, read as the site's build reads them (Astro's
// markdown pipeline parses such a block with smol-toml), with the source offsets of each
// top-level field so that problems point at the line the writer wrote.
// smol-toml's types are an ES module's, and this project type-checks as CommonJS; its CommonJS build is what runs.
// @ts-expect-error TS1479
import { parse, TomlError } from 'smol-toml';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { Field } from '../field';

export type TomlReading = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; position: number };

/** Plain values: smol-toml's dates are Dates of their own kind, made ordinary ones (the same time). */
function plain(v: unknown): unknown {
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

/** Reads `raw` (the text the site hands its TOML reader) as the site does; never throws. */
export function readToml(raw: string): TomlReading {
  try {
    return { ok: true, value: plain(parse(raw)) as Record<string, unknown> };
  } catch (e) {
    if (!(e instanceof TomlError)) return { ok: false, reason: String((e as Error)?.message ?? e), position: 0 };
    // Its line and column count from 1, lines split at LF.
    let at = 0;
    for (let l = 1; l < e.line && at >= 0; l++) {
      const nl = raw.indexOf('\n', at);
      at = nl < 0 ? -1 : nl + 1;
    }
    const reason = e.message.replace(/^Invalid TOML document: /, '').split('\n')[0];
    return { ok: false, reason, position: at < 0 ? raw.length : Math.min(raw.length, at + Math.max(0, e.column - 1)) };
  }
}

const BARE_KEY = /[A-Za-z0-9_-]/;

/** Where a quoted string starting at `i` ends (after its closing quote); the text's end when unclosed. */
function stringEnd(text: string, i: number, to: number): number {
  const q = text[i];
  if (text.startsWith(q.repeat(3), i)) {
    const close = text.indexOf(q.repeat(3), i + 3);
    if (close < 0 || close >= to) return to;
    let e = close + 3;
    // `""""` ends a multi-line string with a quote of its own (up to two).
    while (e < to && text[e] === q && e - close < 5) e++;
    return e;
  }
  for (let j = i + 1; j < to; j++) {
    const c = text[j];
    if (c === '\n') return j;
    if (q === '"' && c === '\\') j++;
    else if (c === q) return j + 1;
  }
  return to;
}

/** The end of the value starting at `i`, and the ranges of a list's items. */
function valueEnd(text: string, i: number, to: number): { end: number; items?: [number, number][] } {
  const c = text[i];
  if (c === '"' || c === "'") return { end: stringEnd(text, i, to) };
  if (c === '[' || c === '{') {
    const items: [number, number][] = [];
    let depth = 0;
    let itemStart = -1;
    for (let j = i; j < to; j++) {
      const d = text[j];
      if (d === '"' || d === "'") {
        const e = stringEnd(text, j, to);
        if (depth === 1 && c === '[' && itemStart < 0) items.push([j, e]);
        j = e - 1;
      } else if (d === '#') {
        while (j < to && text[j] !== '\n') j++;
      } else if (d === '[' || d === '{') {
        if (depth === 1 && c === '[') itemStart = j;
        depth++;
      } else if (d === ']' || d === '}') {
        depth--;
        if (depth === 1 && itemStart >= 0) {
          items.push([itemStart, j + 1]);
          itemStart = -1;
        }
        if (depth === 0) return { end: j + 1, items: c === '[' ? items : undefined };
      } else if (depth === 1 && c === '[' && itemStart < 0 && !/[\s,]/.test(d)) {
        // A bare item (a number, a date, true): up to the next comma, bracket or space.
        let e = j;
        while (e < to && !/[\s,\]#]/.test(text[e])) e++;
        items.push([j, e]);
        j = e - 1;
      }
    }
    return { end: to, items: c === '[' ? items : undefined };
  }
  let e = i;
  while (e < to && text[e] !== '\n' && text[e] !== '\r' && text[e] !== '#') e++;
  while (e > i && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  return { end: e };
}

/**
 * The text of a string value at `start`–`end` without its quotes (and without the line break
 * that may follow an opening `"""`), so that what is searched in it is the writer's text.
 */
function inner(text: string, start: number, end: number): [number, number] {
  const q = text[start];
  if (q !== '"' && q !== "'") return [start, end];
  const triple = text.startsWith(q.repeat(3), start) ? 3 : 1;
  let s = start + triple;
  if (triple === 3) s += text.startsWith('\r\n', s) ? 2 : text[s] === '\n' ? 1 : 0;
  const e = text.startsWith(q.repeat(triple), end - triple) && end - triple >= s ? end - triple : end;
  return [Math.min(s, e), e];
}

const ranged = <T extends Node>(n: T, start: number, end: number): T => {
  n.range = [start, end, end];
  return n;
};

/** A node for `value` at source offsets: a list's items get their own ranges where they can be told apart. */
function nodeOf(text: string, value: unknown, start: number, end: number, items?: [number, number][]): Node {
  if (Array.isArray(value)) {
    const seq = ranged(new YAMLSeq(), start, end);
    seq.flow = true;
    value.forEach((v, k) => {
      const [s, e] = items && items.length === value.length ? items[k] : [start, end];
      seq.items.push(nodeOf(text, v, ...inner(text, s, e)));
    });
    return seq;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) return ranged(new YAMLMap(), start, end);
  return ranged(new Scalar(value), start, end);
}

/**
 * The top-level fields of a TOML block (`from`–`to` in `text`), in source order, with the
 * values the reader gave (`data`), and each one's whole span (from its key to its value's end,
 * quotes included). Only `key = value` lines before the first table header are
 * top-level fields; a dotted key (`a.b = 1`) is a table's field and is left out.
 */
export function tomlFields(text: string, from: number, to: number, data: Record<string, unknown> | undefined): { fields: Field[]; doc: Document.Parsed; spans: [number, number][] } {
  const fields: Field[] = [];
  const spans: [number, number][] = [];
  const map = new YAMLMap();
  let i = from;
  while (i < to) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    let k = i;
    while (k < lineEnd && (text[k] === ' ' || text[k] === '\t')) k++;
    if (text[k] === '[') break;
    let keyEnd = k;
    let key: string | undefined;
    if (text[k] === '"' || text[k] === "'") {
      keyEnd = stringEnd(text, k, lineEnd);
      key = text.slice(k + 1, keyEnd - 1);
    } else {
      while (keyEnd < lineEnd && BARE_KEY.test(text[keyEnd])) keyEnd++;
      if (keyEnd > k) key = text.slice(k, keyEnd);
    }
    let eq = keyEnd;
    while (eq < lineEnd && (text[eq] === ' ' || text[eq] === '\t')) eq++;
    if (key === undefined || text[eq] !== '=') {
      i = lineEnd + 1;
      continue;
    }
    let vs = eq + 1;
    while (vs < lineEnd && (text[vs] === ' ' || text[vs] === '\t')) vs++;
    const { end, items } = valueEnd(text, vs, to);
    const [valueStart, valueStop] = inner(text, vs, end);
    const value = data && Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    const keyNode = ranged(new Scalar(key), k, keyEnd);
    const node = nodeOf(text, value, valueStart, valueStop, items);
    const pair = new Pair(keyNode, node);
    map.items.push(pair);
    fields.push({ key, keyStart: k, keyEnd, valueStart, valueEnd: valueStop, node, pair });
    spans.push([k, end]);
    const next = text.indexOf('\n', end);
    i = next < 0 || next >= to ? to : next + 1;
  }
  const doc = new Document() as unknown as Document.Parsed;
  doc.contents = map as never;
  return { fields, doc, spans };
}
