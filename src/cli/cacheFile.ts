// The file `--cache` keeps (see cache.ts for when a result may be reused): its layout, and
// writing and reading it. A file that is not exactly one this layout wrote for this key is
// refused whole (Malformed), never half read.
import { constants } from 'buffer';
import * as fs from 'fs';
import * as os from 'os';
import type { CorpusFacts, Span } from '../core/check/corpus';
import type { IndexEntry } from '../core/corpus';
import type { Analysis } from '../core/project/service';
import type { Position, Problem, Range, Severity } from '../core/types';

/**
 * The layout of the cache file, written into its first line: a cache of another layout (an
 * older version's) is never parsed, only replaced. Raised with every change of the layout.
 */
const FORMAT = 3;
const MAGIC = 'qa-articles cache';
/** The file ends in the SHA-1 of everything before it (as git's index does; here in hex). */
const SUM_CHARS = 40;

/** A result with the stat it was made from: every field must be the same again for it to be reused. */
export interface Cached {
  size: number;
  mtime: number;
  ctime: number;
  ino: number;
  dev: number;
  /** Made with the local rules (a result for the corpus only has no problems). */
  target: boolean;
  result: Analysis;
}

/** The results of a cache file: file i's stat is `stats[5i…5i+4]` (size, mtime, ctime, ino, dev). */
export interface Loaded {
  row: Map<string, number>;
  stats: Float64Array;
  target: Uint8Array;
  results: Analysis[];
}

export const NONE: Loaded = { row: new Map(), stats: new Float64Array(0), target: new Uint8Array(0), results: [] };

/** The first two lines of a cache file: the layout (and byte order) and the key (JSON has no raw line break). */
export function header(key: string): string {
  return `${MAGIC} ${FORMAT} ${os.endianness()}\n${key}\n`;
}

// After the header, padded with spaces to a multiple of 8 bytes, the body is binary in the
// machine's byte order:
//   6 × u32   files, words, strings in the table, Latin-1 bytes, UTF-16 code units, 0
//   5 × f64   per file: size, mtime, ctime, ino, dev
//   u32 words the table's strings, then per file what `encode` writes
//   Latin-1   the strings of no character above U+00FF (Swedish text, nearly all), in order
//   UTF-16LE  the other strings, in order
//   40 bytes  the SHA-1 of everything before it, in hex
// A string is a word: its length × 2, + 1 when it is in the UTF-16 part (and + 1 again where it
// may be absent, 0 meaning none). The table holds what repeats across files (rule ids,
// severities, messages, categories, topics, tags, authors, statuses); the rest (paths, titles,
// descriptions, question lines) is written where it comes. So no number is parsed, each index
// entry is stored once (the facts share it), a problem or span is a few words, and the strings
// are cut out of two decoded texts, the first of one byte a character as V8 keeps such strings.
const HAS_ENTRY = 1;
const HAS_PROBLEMS = 2;
const HAS_FACTS = 4;
const HAS_TOPIC = 8;
const HAS_TITLE = 16;
const PUBLISHED = 32;
const TARGET = 64;
const RECHECK = 128;
const UNTRUSTED = 256;
const FLAGS = 511;
const QUOTES: readonly Span['quote'][] = ['double', 'single', 'plain'];
/** A character Latin-1 cannot hold. */
const WIDE = /[^\u0000-\u00ff]/;
const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'info', 'hint']);

// A field added to any of these must be written and read here too (else it is lost on the way
// through the cache): until it is, this does not compile.
type Fields<T, K extends PropertyKey> = [keyof T] extends [K] ? ([K] extends [keyof T] ? true : false) : false;
type Stored<T extends true> = T;
export type StoredFields = [
  Stored<Fields<Analysis, 'unreadable' | 'entry' | 'problems' | 'facts' | 'recheck'>>,
  Stored<Fields<IndexEntry, 'title' | 'description' | 'category' | 'topic' | 'tags' | 'author' | 'status' | 'published' | 'questionLine' | 'slug'>>,
  Stored<Fields<Problem, 'rule' | 'severity' | 'message' | 'range' | 'start' | 'end' | 'fixes'>>,
  Stored<Fields<CorpusFacts, 'entry' | 'tags' | 'topic' | 'title' | 'untrusted'>>,
  Stored<Fields<Span, 'value' | 'start' | 'end' | 'range' | 'quote'>>,
  Stored<Fields<Range, 'start' | 'end'>>,
  Stored<Fields<Position, 'line' | 'character'>>,
];

/**
 * One file's words: flags, then its entry, problems and facts. A string of the table is its
 * index there (`opt`: 0 for none, else index + 1); any other string is written by `text`, as
 * the layout says, its characters following those of the strings before it.
 */
function encode(c: Cached, id: (s: string) => number, w: (n: number) => void, text: (s: string | undefined) => void): void {
  const { entry, problems, facts, recheck } = c.result;
  const opt = (s: string | undefined) => w(s === undefined ? 0 : id(s) + 1);
  const range = (r: Range) => {
    w(r.start.line);
    w(r.start.character);
    w(r.end.line);
    w(r.end.character);
  };
  const span = (s: Span, value: () => void) => {
    value();
    w(s.start);
    w(s.end);
    range(s.range);
    w(QUOTES.indexOf(s.quote));
  };
  w((entry ? HAS_ENTRY : 0) | (problems ? HAS_PROBLEMS : 0) | (facts ? HAS_FACTS : 0) | (facts?.topic ? HAS_TOPIC : 0) | (facts?.title ? HAS_TITLE : 0) | (entry?.published ? PUBLISHED : 0) | (c.target ? TARGET : 0) | (recheck ? RECHECK : 0) | (facts?.untrusted ? UNTRUSTED : 0));
  if (entry) {
    text(entry.title);
    text(entry.description);
    opt(entry.category);
    opt(entry.topic);
    w(entry.tags.length);
    for (const t of entry.tags) w(id(t));
    opt(entry.author);
    opt(entry.status);
    text(entry.questionLine);
    text(entry.slug);
  }
  if (problems) {
    w(problems.length);
    for (const p of problems) {
      w(id(p.rule));
      w(id(p.severity));
      w(id(p.message));
      w(p.start);
      w(p.end);
      range(p.range);
    }
  }
  if (facts) {
    w(facts.tags.length);
    for (const t of facts.tags) span(t, () => w(id(t.value)));
    if (facts.topic) span(facts.topic, () => w(id(facts.topic!.value)));
    // A title span's value is nearly always the entry's title: 0 for that, else 1 and the text.
    const title = facts.title;
    if (title) span(title, () => (title.value === entry?.title ? w(0) : (w(1), text(title.value))));
  }
}

/** Writes a cache file: the header, the numbers, the strings, the sum. */
export function write(file: string, head: string, files: Map<string, Cached>): void {
  const ids = new Map<string, number>();
  const table: string[] = [];
  const id = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = table.push(s) - 1));
    return i;
  };
  const stats: number[] = [];
  const words: number[] = [];
  const w = (x: number) => {
    if (!(Number.isInteger(x) && x >= 0 && x < 0xffffffff)) throw new RangeError(`not a word: ${x}`);
    words.push(x);
  };
  /** Strings for the Latin-1 part and the UTF-16 part. */
  type Strings = { narrow: string[]; wide: string[] };
  const word = (s: string, into: Strings): number => {
    const isWide = WIDE.test(s);
    (isWide ? into.wide : into.narrow).push(s);
    return s.length * 2 + (isWide ? 1 : 0);
  };
  const texts: Strings = { narrow: [], wide: [] };
  const { narrow, wide } = texts;
  const text = (s: string | undefined) => w(s === undefined ? 0 : word(s, texts) + 1);
  let n = 0;
  for (const [path, c] of files) {
    // A file with anything a word cannot hold is left out (it is checked again next time).
    const w0 = words.length;
    const n0 = narrow.length;
    const x0 = wide.length;
    const ids0 = table.length;
    try {
      text(path);
      encode(c, id, w, text);
      stats.push(c.size, c.mtime, c.ctime, c.ino, c.dev);
      n++;
    } catch {
      words.length = w0;
      narrow.length = n0;
      wide.length = x0;
      for (const s of table.splice(ids0)) ids.delete(s);
    }
  }
  // The table's strings go first in both parts, as its words go before the files'.
  const tableStrings: Strings = { narrow: [], wide: [] };
  const tableWords = table.map((s) => word(s, tableStrings));
  const allNarrow = tableStrings.narrow.concat(narrow);
  const allWide = tableStrings.wide.concat(wide);
  let narrowChars = 0;
  for (const s of allNarrow) narrowChars += s.length;
  let wideChars = 0;
  for (const s of allWide) wideChars += s.length;
  const head8 = head + ' '.repeat((8 - (Buffer.byteLength(head) % 8)) % 8);
  const u32 = new Uint32Array(table.length + words.length);
  u32.set(tableWords);
  u32.set(words, table.length);
  const parts = [Buffer.from(head8), Buffer.from(new Uint32Array([n, u32.length, table.length, narrowChars, wideChars, 0]).buffer), Buffer.from(new Float64Array(stats).buffer), Buffer.from(u32.buffer)];
  // The strings in runs of about 1 MB: never one string of them all.
  for (const [list, encoding] of [[allNarrow, 'latin1'], [allWide, 'utf16le']] as const) {
    let run: string[] = [];
    let size = 0;
    for (const s of list) {
      run.push(s);
      size += s.length;
      if (size > 1 << 20) {
        parts.push(Buffer.from(run.join(''), encoding));
        run = [];
        size = 0;
      }
    }
    parts.push(Buffer.from(run.join(''), encoding));
  }
  const { createHash } = require('crypto') as typeof import('crypto');
  const hash = createHash('sha1');
  for (const b of parts) hash.update(b);
  parts.push(Buffer.from(hash.digest('hex'), 'latin1'));
  const fd = fs.openSync(file, 'w');
  try {
    for (const b of parts) for (let done = 0; done < b.length; ) done += fs.writeSync(fd, b, done);
  } finally {
    fs.closeSync(fd);
  }
}

/** Anything in a cache file that is not as this version writes it. */
class Malformed extends Error {}
const bad = (): never => {
  throw new Malformed();
};
const finite = (x: number): number => (Number.isFinite(x) ? x : bad());

/** `n` numbers of a typed array's kind from `data` at `at`, copied when not aligned for them. */
function view<T>(make: (b: ArrayBuffer, at: number, n: number) => T, size: number, data: Buffer, at: number, n: number): T {
  const abs = data.byteOffset + at;
  if (abs % size === 0) return make(data.buffer as ArrayBuffer, abs, n);
  return make(new Uint8Array(data.subarray(at, at + n * size)).buffer, 0, n);
}

/**
 * The whole of a file that begins with `head`, or throws: another layout, byte order or key is
 * known from its first bytes, and the rest is not even read.
 */
function readCache(file: string, head: Buffer): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    // More than a string can hold is no cache of ours (and would only fill the memory).
    if (size < head.length + SUM_CHARS || size > constants.MAX_STRING_LENGTH) bad();
    const readInto = (b: Buffer) => {
      let read = 0;
      while (read < b.length) {
        const got = fs.readSync(fd, b, read, b.length - read, read);
        if (got === 0) bad();
        read += got;
      }
      return b;
    };
    if (!readInto(Buffer.allocUnsafe(head.length)).equals(head)) bad();
    return readInto(Buffer.allocUnsafe(size));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a cache file written by `write` with this header, or throws. Every count, index, length
 * and kind is checked as it is taken, and all must be used up exactly, so even a file that hashes
 * right but is not one this version wrote is refused, never misread.
 */
export function load(file: string, head: string): Loaded {
  const h = Buffer.from(head);
  const data = readCache(file, h);
  const end = data.length - SUM_CHARS;
  const { createHash } = require('crypto') as typeof import('crypto');
  if (createHash('sha1').update(data.subarray(0, end)).digest('hex') !== data.toString('latin1', end)) bad();
  let at = h.length;
  while (at % 8) if (data[at++] !== 0x20) bad();
  if (at + 24 > end) bad();
  const [files, nWords, nTable, narrowChars, wideChars] = view((b, o, n) => new Uint32Array(b, o, n), 4, data, at, 6);
  at += 24;
  if (at + files * 40 + nWords * 4 + narrowChars + wideChars * 2 !== end || nTable > nWords) bad();
  const stats = view((b, o, n) => new Float64Array(b, o, n), 8, data, at, files * 5);
  at += files * 40;
  const words = view((b, o, n) => new Uint32Array(b, o, n), 4, data, at, nWords);
  at += nWords * 4;
  // Two strings of them all; each is a slice of one (V8 keeps a long one as a view, not a copy).
  const narrow = data.toString('latin1', at, at + narrowChars);
  const wide = data.toString('utf16le', at + narrowChars, end);
  if (narrow.length !== narrowChars || wide.length !== wideChars) bad();

  let wi = 0;
  let ni = 0;
  let xi = 0;
  const w = (): number => (wi < nWords ? words[wi++] : bad());
  /** A count of things of at least one word each: never more than the words left. */
  const count = (): number => {
    const n = w();
    return n <= nWords - wi ? n : bad();
  };
  /** The string of a word (see the layout). */
  const cut = (word: number): string => {
    const n = word >>> 1;
    if (word & 1) return n <= wideChars - xi ? wide.slice(xi, (xi += n)) : bad();
    return n <= narrowChars - ni ? narrow.slice(ni, (ni += n)) : bad();
  };
  const table = new Array<string>(nTable);
  for (let i = 0; i < nTable; i++) table[i] = cut(w());
  const str = (): string => table[w()] ?? bad();
  const optStr = (): string | undefined => {
    const i = w();
    return i === 0 ? undefined : (table[i - 1] ?? bad());
  };
  const text = (): string | undefined => {
    const n = w();
    return n === 0 ? undefined : cut(n - 1);
  };
  // A range is one object for all its problems and spans that have it: most are alike (a title
  // on line 2 after `title: `, a tag list's line), and nothing changes a range once made.
  const ranges = new Map<number, Range>();
  const range = (): Range => {
    const sl = w();
    const sc = w();
    const el = w();
    const ec = w();
    // Keyed by a small integer: a range on one line, in its first 2048 lines and 1024 columns.
    const known = sl === el && sl < 2048 && sc < 1024 && ec < 1024;
    const key = known ? (sl << 20) | (sc << 10) | ec : -1;
    let r = known ? ranges.get(key) : undefined;
    if (!r) {
      r = { start: { line: sl, character: sc }, end: { line: el, character: ec } };
      if (known) ranges.set(key, r);
    }
    return r;
  };
  const span = (value: string): Span => {
    const start = w();
    const end = w();
    return { value, start, end, range: range(), quote: QUOTES[w()] ?? bad() };
  };
  const row = new Map<string, number>();
  const target = new Uint8Array(files);
  const results = new Array<Analysis>(files);
  for (let i = 0; i < files; i++) {
    const path = text() ?? bad();
    if (row.has(path)) bad();
    const flags = w();
    if (flags > FLAGS || (flags & HAS_FACTS && !(flags & HAS_ENTRY))) bad();
    let entry: IndexEntry | undefined;
    if (flags & HAS_ENTRY) {
      const title = text();
      const description = text();
      const category = optStr();
      const topic = optStr();
      const tags = new Array<string>(count());
      for (let t = 0; t < tags.length; t++) tags[t] = str();
      entry = { title, description, category, topic, tags, author: optStr(), status: optStr(), published: (flags & PUBLISHED) !== 0, questionLine: text(), slug: text() };
    }
    let problems: Problem[] | undefined;
    if (flags & HAS_PROBLEMS) {
      problems = new Array<Problem>(count());
      for (let p = 0; p < problems.length; p++) {
        const rule = str();
        const severity = str();
        if (!SEVERITIES.has(severity)) bad();
        const message = str();
        const start = w();
        const end = w();
        problems[p] = { rule, severity: severity as Severity, message, range: range(), start, end };
      }
    }
    let facts: CorpusFacts | undefined;
    if (flags & HAS_FACTS) {
      const e = entry!;
      const tags = new Array<Span>(count());
      for (let t = 0; t < tags.length; t++) tags[t] = span(str());
      const topic = flags & HAS_TOPIC ? span(str()) : undefined;
      const own = flags & HAS_TITLE ? w() : -1;
      const title = own === -1 ? undefined : span(own === 0 ? (e.title ?? bad()) : own === 1 ? (text() ?? bad()) : bad());
      facts = flags & UNTRUSTED ? { untrusted: true, entry: e, tags, topic, title } : { entry: e, tags, topic, title };
    }
    const result: Analysis = { entry, problems, facts };
    if (flags & RECHECK) result.recheck = true;
    for (let k = i * 5; k < i * 5 + 5; k++) finite(stats[k]);
    row.set(path, i);
    target[i] = flags & TARGET ? 1 : 0;
    results[i] = result;
  }
  // Every word and every string used, none left over.
  if (wi !== nWords || ni !== narrowChars || xi !== wideChars) bad();
  return { row, stats, target, results };
}
