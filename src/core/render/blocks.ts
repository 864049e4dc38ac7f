import { md, plainText, type Token } from './markdown';
import { lixCounts, type LixCounts } from './text';

/**
 * The answer is parsed in segments, cut where markdown-it's block parser starts afresh, and
 * each segment's tokens are kept by its text: a preview update after an edit re-parses only the
 * segment edited. Smaller parses are also faster cold (less for the GC to trace), so a 1 MB
 * article costs less on first sight too.
 */
interface Segment {
  text: string;
  tokens: Token[];
  /** Token maps relative to the segment, restored per use (the token objects are shared). */
  mapStarts: Int32Array;
  mapEnds: Int32Array;
  lines: number;
  counts: LixCounts;
}

export interface ParsedBody {
  /** Block tokens with maps in lines of the body, as `md.parse(body)` gives them. */
  tokens: Token[];
  /** LIX counts of `plainText(tokens)`. */
  counts: LixCounts;
}

// A cut is safe before a line at indent 0, after a blank line, that cannot continue a list
// (no marker character first). What could still reach across one – a fenced block spanning blank
// lines, a reference definition used elsewhere – makes the whole body one parse.
const WHOLE_RE = /```|~~~|\]:/;
const NO_CUT_FIRST = new Set([' ', '\t', '-', '+', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
// About one safe cut in CUT_EVERY is taken, chosen by the text of the line after it, so that an
// edit moves no cut but its own.
const CUT_EVERY = 8;
const CACHE_MAX_CHARS = 4_000_000;

// By text, one entry per occurrence within a body: token objects carry their line, so a
// segment repeated in an article needs tokens of its own for each place.
const cache = new Map<string, Segment[]>();
let cachedChars = 0;

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

function takeCut(text: string, lineStart: number): boolean {
  let h = 0x811c9dc5;
  const end = Math.min(text.length, lineStart + 32);
  for (let i = lineStart; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % CUT_EVERY === 0;
}

/** Start offsets of the segments of a normalized body. */
function cuts(body: string): number[] {
  const out = [0];
  let prevBlank = false;
  let lineStart = 0;
  while (lineStart < body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = body.length;
    const blank = isBlank(body, lineStart, lineEnd);
    if (prevBlank && !blank && lineStart > 0 && !NO_CUT_FIRST.has(body[lineStart]) && takeCut(body, lineStart)) out.push(lineStart);
    prevBlank = blank;
    lineStart = lineEnd + 1;
  }
  return out;
}

/** The `nth` occurrence (from 0) of a segment text in the body being parsed. */
function segment(text: string, nth: number): Segment {
  let list = cache.get(text);
  if (list) cache.delete(text);
  else list = [];
  // Most recently used last, so eviction drops what no open article has used for longest.
  cache.set(text, list);
  if (!list[nth]) {
    list[nth] = parseSegment(text);
    cachedChars += text.length;
    for (const [key, old] of cache) {
      if (cachedChars <= CACHE_MAX_CHARS || old === list) break;
      cache.delete(key);
      cachedChars -= key.length * old.length;
    }
  }
  return list[nth];
}

function parseSegment(text: string): Segment {
  const tokens = md.parse(text, {});
  const mapStarts = new Int32Array(tokens.length).fill(-1);
  const mapEnds = new Int32Array(tokens.length);
  tokens.forEach((t, i) => {
    if (t.map) [mapStarts[i], mapEnds[i]] = t.map;
  });
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { text, tokens, mapStarts, mapEnds, lines, counts: lixCounts(plainText(tokens)) };
}

/** Block tokens and LIX counts of an answer, as one `md.parse(body)` would give them. */
export function parseBody(body: string): ParsedBody {
  // markdown-it's own normalization, done first so that lines are counted as it counts them.
  const text = body.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  if (WHOLE_RE.test(text)) {
    const tokens = md.parse(text, {});
    return { tokens, counts: lixCounts(plainText(tokens)) };
  }
  const starts = cuts(text);
  const tokens: Token[] = [];
  const counts: LixCounts = { words: 0, sentences: 0, longWords: 0 };
  const seen = new Map<string, number>();
  let line = 0;
  for (let k = 0; k < starts.length; k++) {
    const segText = text.slice(starts[k], starts[k + 1] ?? text.length);
    const nth = seen.get(segText) ?? 0;
    seen.set(segText, nth + 1);
    const seg = segment(segText, nth);
    for (let i = 0; i < seg.tokens.length; i++) {
      const t = seg.tokens[i];
      if (seg.mapStarts[i] >= 0) t.map = [seg.mapStarts[i] + line, seg.mapEnds[i] + line];
      tokens.push(t);
    }
    counts.words += seg.counts.words;
    counts.sentences += seg.counts.sentences;
    counts.longWords += seg.counts.longWords;
    line += seg.lines;
  }
  return { tokens, counts };
}

/** Forgets every parsed segment, so that the next render is a first one (for benchmarks). */
export function clearBodyCache(): void {
  cache.clear();
  cachedChars = 0;
}
