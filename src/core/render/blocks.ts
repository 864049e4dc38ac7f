import { md, plainText, type RenderEnv, type Token } from './markdown';
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
  /** LIX counts of the segment's first `**Sammanfattning:**` label paragraph, if it has one. */
  label?: LixCounts;
  /** The body line the token maps now start from (-1 before first use). */
  line: number;
  /** The line `data-line` attributes now count from (-1: not marked). */
  marked: number;
  /** The tokens' HTML as `marked` and `hostLinks` left it; dropped when either changes. */
  html?: string;
  hostLinks?: boolean;
}

/** A segment's place in a body: the index of its first token there, and its first line. */
interface Part {
  first: number;
  line: number;
  seg: Segment;
}

export interface ParsedBody {
  /** Block tokens with maps in lines of the body, as `md.parse(body)` gives them. */
  tokens: Token[];
  /** LIX counts of `plainText(tokens)`. */
  counts: LixCounts;
  /** LIX counts of the body's first paragraph that is only a `**Sammanfattning:**` label, if any. */
  label?: LixCounts;
  /** The segments the tokens come from, in order. */
  parts: Part[];
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
  for (let i = 0; i < tokens.length; i++) {
    const map = tokens[i].map;
    if (map) {
      mapStarts[i] = map[0];
      mapEnds[i] = map[1];
    }
  }
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { text, tokens, mapStarts, mapEnds, lines, counts: lixCounts(plainText(tokens)), label: labelCounts(tokens), line: 0, marked: -1 };
}

const SUMMARY_LABEL_TEXT = /^\s*Sammanfattning\s*(?::\s*)?$/i;

/**
 * LIX counts of the first paragraph that is only a `**Sammanfattning:**` label: it is a label,
 * not the writer's text, and is left out of the answer's LIX.
 */
function labelCounts(tokens: Token[]): LixCounts | undefined {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open') continue;
    // Bold needs two markers side by side in the source: most paragraphs are passed over here.
    if (!t.content.includes('**') && !t.content.includes('__')) continue;
    const kids = (t.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
    const strong = kids.length >= 3 && kids[0].type === 'strong_open';
    const text = kids.filter((c) => c.type === 'text').map((c) => c.content).join('');
    if (strong && SUMMARY_LABEL_TEXT.test(text)) return lixCounts(text);
  }
  return undefined;
}

/** markdown-it's own normalization, done first so that lines are counted as it counts them. */
function normalize(body: string): string {
  let text = body;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\0')) text = text.replace(/\0/g, '\uFFFD');
  return text;
}

/**
 * The first part of a long answer, about `chars` characters, ending where one of its segments
 * ends: parsed, it gives the answer's own first blocks, and the segments it parses are the ones
 * the whole answer is made of, cached for it. It never ends inside the summary: the label and
 * its list have no cut between them (each line of the list starts with a marker or an indent).
 * Undefined when the answer is less than four times `chars`, or is parsed whole.
 */
export function bodyHead(body: string, chars: number): string | undefined {
  // A fence or a reference definition anywhere makes the whole answer one parse (see WHOLE_RE).
  if (body.length < 4 * chars || WHOLE_RE.test(body)) return undefined;
  // Only a window is read: normalized, it is the start of the normalized answer, and its cuts are
  // the answer's own but in the last line or so (whose hash could reach past the window).
  const text = normalize(body.slice(0, 4 * chars));
  const last = text.length - 64;
  const end = cuts(text).find((at) => at >= chars && at < last);
  return end === undefined ? undefined : text.slice(0, end);
}

/** Block tokens and LIX counts of an answer, as one `md.parse(body)` would give them. */
export function parseBody(body: string): ParsedBody {
  const text = normalize(body);
  if (WHOLE_RE.test(text)) {
    const seg = parseSegment(text);
    return { tokens: seg.tokens, counts: seg.counts, label: seg.label, parts: [{ first: 0, line: 0, seg }] };
  }
  const starts = cuts(text);
  const tokens: Token[] = [];
  const parts: Part[] = [];
  const counts: LixCounts = { words: 0, sentences: 0, longWords: 0 };
  let label: LixCounts | undefined;
  const seen = new Map<string, number>();
  let line = 0;
  for (let k = 0; k < starts.length; k++) {
    const segText = text.slice(starts[k], starts[k + 1] ?? text.length);
    const nth = seen.get(segText) ?? 0;
    seen.set(segText, nth + 1);
    const seg = segment(segText, nth);
    // The token objects are shared by every place the segment is used: their maps are moved
    // only when this place starts on another line than the last one did.
    if (seg.line !== line) {
      for (let i = 0; i < seg.tokens.length; i++) {
        const map = seg.tokens[i].map;
        if (!map) continue;
        // In place: where markdown-it gave two tokens one array, both hold the same lines.
        map[0] = seg.mapStarts[i] + line;
        map[1] = seg.mapEnds[i] + line;
      }
      seg.line = line;
    }
    parts.push({ first: tokens.length, line, seg });
    for (let i = 0; i < seg.tokens.length; i++) tokens.push(seg.tokens[i]);
    counts.words += seg.counts.words;
    counts.sentences += seg.counts.sentences;
    counts.longWords += seg.counts.longWords;
    label ??= seg.label;
    line += seg.lines;
  }
  return { tokens, counts, label, parts };
}

/**
 * Adds `data-line` (the block's first line plus `lineOffset`) to top-level blocks and list
 * items, so the editor and preview can scroll together.
 */
export function markLines(body: ParsedBody, lineOffset: number): void {
  for (const { line, seg } of body.parts) {
    const base = line + lineOffset;
    if (seg.marked === base) continue;
    for (let i = 0; i < seg.tokens.length; i++) {
      const t = seg.tokens[i];
      const start = seg.mapStarts[i];
      if (start < 0) continue;
      if (t.nesting === 1 ? t.level === 0 || t.type === 'list_item_open' : t.nesting === 0 && t.block && t.level === 0) t.attrSet('data-line', String(start + base));
    }
    seg.marked = base;
    seg.html = undefined;
  }
}

/**
 * HTML of `tokens[from..to)`, as `md.renderer.render(tokens.slice(from, to))` gives it, with
 * whole segments taken from the cache. Segments end at top level with every block closed, where
 * the renderer looks neither ahead nor back, so their HTML joins up as one render's would.
 */
export function renderTokens(body: ParsedBody, from: number, to: number, hostLinks: boolean): string {
  const env: RenderEnv = { hostLinks };
  let out = '';
  for (let k = 0; k < body.parts.length; k++) {
    const { first, seg } = body.parts[k];
    const end = first + seg.tokens.length;
    if (end <= from || first >= to) continue;
    if (first >= from && end <= to) {
      if (seg.html === undefined || seg.hostLinks !== hostLinks) {
        seg.html = md.renderer.render(seg.tokens, md.options, env);
        seg.hostLinks = hostLinks;
      }
      out += seg.html;
    } else {
      out += md.renderer.render(body.tokens.slice(Math.max(from, first), Math.min(to, end)), md.options, env);
    }
  }
  return out;
}

/** Forgets every parsed segment, so that the next render is a first one (for benchmarks). */
export function clearBodyCache(): void {
  cache.clear();
  cachedChars = 0;
}
