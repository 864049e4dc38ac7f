import { md, plainText, type RenderEnv, type Token } from './markdown';
import { Nester } from './rawHtml';
import { lixCounts, type LixCounts } from './text';

/**
 * The answer is parsed in segments, cut where markdown-it's block parser starts afresh, and
 * each segment's HTML is kept by its text: a preview update after an edit re-parses only the
 * segment edited. A segment's tokens are dropped once it is rendered (but where the summary may
 * be lifted out of it), so a first render of a long answer leaves the GC little to keep.
 */
interface Segment {
  text: string;
  lines: number;
  counts: LixCounts;
  /** LIX counts of the segment's first `**Sammanfattning:**` label paragraph, if it has one. */
  label?: LixCounts;
  /** Whether the segment has any block at all. */
  empty: boolean;
  /** Whether it has raw HTML (html_block or html_inline tokens). */
  raw: boolean;
  /**
   * The HTML with `data-line` counted from `templateBase` (the line the segment started on
   * when parsed): for a host that opens links itself (`hostLinks`, index 1) and for one that
   * does not (0); one string when the segment has no link.
   */
  template: [string, string];
  templateBase: number;
  /** The HTML with `data-line` counted from `base`, as last used. */
  html: [string | undefined, string | undefined];
  base: number;
  /** Tokens with maps relative to the segment: kept only where the summary was lifted out. */
  tokens?: Token[];
}

/** A segment's place in a body: its first line there. */
interface Part {
  line: number;
  seg: Segment;
}

export interface ParsedBody {
  /** LIX counts of `plainText` of the body's tokens. */
  counts: LixCounts;
  /** LIX counts of the body's first paragraph that is only a `**Sammanfattning:**` label, if any. */
  label?: LixCounts;
  /** The segments of the body, in order. */
  parts: Part[];
  /** Whether any segment has raw HTML: the answer's HTML is then read once more as a whole (rawHtml.ts wellNested). */
  raw: boolean;
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

// By text, one entry per occurrence within a body: each place has its own lines in `data-line`.
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

// Raw HTML that goes on over blank lines (markdown-it's HTML blocks of kinds 1 to 5: `<pre>`,
// `<script>`, `<style>`, `<textarea>`, comments, processing instructions, declarations, CDATA) up to
// its end: no cut falls before that, wherever on a line it starts (a cut too few costs only time).
const RAW_OPEN = /<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z]))/gi;
const RAW_CLOSE: Record<number, RegExp> = { 1: /<\/(?:script|pre|style|textarea)>/i, 2: /-->/, 3: /\?>/, 4: /\]\]>/, 5: />/ };

/** The end of the raw HTML left open on a line, or undefined when none is. */
function rawLeftOpen(line: string): RegExp | undefined {
  RAW_OPEN.lastIndex = 0;
  for (let m = RAW_OPEN.exec(line); m; m = RAW_OPEN.exec(line)) {
    const close = RAW_CLOSE[m.findIndex((g, i) => i > 0 && g !== undefined)];
    const after = m.index + m[0].length;
    const end = close.exec(line.slice(after));
    if (!end) return close;
    RAW_OPEN.lastIndex = after + end.index + end[0].length;
  }
  return undefined;
}

/** Start offsets of the segments of a normalized body. */
function cuts(body: string): number[] {
  const out = [0];
  let prevBlank = false;
  let lineStart = 0;
  // The next `<` at or after the line's start (searched for again once passed), and the end of
  // raw HTML left open by a line before.
  let lt = body.indexOf('<');
  let open: RegExp | undefined;
  while (lineStart < body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = body.length;
    const blank = isBlank(body, lineStart, lineEnd);
    if (!open && prevBlank && !blank && lineStart > 0 && !NO_CUT_FIRST.has(body[lineStart]) && takeCut(body, lineStart)) out.push(lineStart);
    if (lt >= 0 && lt < lineStart) lt = body.indexOf('<', lineStart);
    if (open) {
      const line = body.slice(lineStart, lineEnd);
      const end = open.exec(line);
      if (end) open = rawLeftOpen(line.slice(end.index + end[0].length));
    } else if (lt >= 0 && lt < lineEnd) open = rawLeftOpen(body.slice(lineStart, lineEnd));
    prevBlank = blank;
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * The `nth` occurrence (from 0) of a segment text in the body being parsed. `own`: a new
 * segment is parsed from a copy of its text (see parseBody).
 */
function segment(text: string, nth: number, base: number, own: boolean): Segment {
  let list = cache.get(text);
  if (list) cache.delete(text);
  else list = [];
  // Kept under the text it was made from: the slice of this body would keep this body alive.
  let key = list[0]?.text ?? text;
  if (!list[nth]) {
    if (own) key = JSON.parse(JSON.stringify(text)) as string;
    list[nth] = parseSegment(key, base);
    cachedChars += text.length;
  }
  // Most recently used last, so eviction drops what no open article has used for longest.
  cache.set(key, list);
  for (const [old, segs] of cache) {
    if (cachedChars <= CACHE_MAX_CHARS || segs === list) break;
    cache.delete(old);
    cachedChars -= old.length * segs.length;
  }
  return list[nth];
}

/** A segment of text parsed and rendered with `data-line` counted from `base`. */
function parseSegment(text: string, base: number, keepTokens = false): Segment {
  const tokens = md.parse(text, {});
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  markTokens(tokens, base);
  const plain = md.renderer.render(tokens, md.options, { hostLinks: false } satisfies RenderEnv);
  const raw = hasRawHtml(tokens);
  const linked = raw || hasLink(tokens) ? md.renderer.render(tokens, md.options, { hostLinks: true } satisfies RenderEnv) : plain;
  return {
    text,
    lines,
    counts: lixCounts(plainText(tokens)),
    label: labelCounts(tokens),
    empty: tokens.length === 0,
    raw,
    template: [plain, linked],
    templateBase: base,
    html: [plain, linked],
    base,
    tokens: keepTokens ? tokens : undefined,
  };
}

/** Whether there is raw HTML among the tokens (a raw `<a>` is a link too). */
function hasRawHtml(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.type === 'html_block' || (t.type === 'inline' && t.children?.some((c) => c.type === 'html_inline'))) return true;
  }
  return false;
}

function hasLink(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.type === 'inline' && t.children?.some((c) => c.type === 'link_open')) return true;
  }
  return false;
}

/**
 * Adds `data-line` (the block's first line plus `base`) to top-level blocks and list items, so
 * the editor and preview can scroll together.
 */
function markTokens(tokens: Token[], base: number): void {
  for (const t of tokens) {
    if (!t.map) continue;
    if (t.nesting === 1 ? t.level === 0 || t.type === 'list_item_open' : t.nesting === 0 && t.block && t.level === 0) t.attrSet('data-line', String(t.map[0] + base));
  }
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
  // One scan finds whether there is anything to replace (most answers have neither).
  return /[\r\0]/.test(body) ? body.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') : body;
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

/**
 * The segments and LIX counts of an answer; `lineOffset` is where `data-line` will count from
 * (segments first seen are rendered for it at once).
 */
export function parseBody(body: string, lineOffset = 0): ParsedBody {
  const text = normalize(body);
  if (WHOLE_RE.test(text)) {
    const seg = parseSegment(text, lineOffset, true);
    return { counts: seg.counts, label: seg.label, parts: [{ line: 0, seg }], raw: seg.raw };
  }
  const starts = cuts(text);
  const texts: string[] = [];
  const nths: number[] = [];
  const seen = new Map<string, number>();
  let missing = 0;
  for (let k = 0; k < starts.length; k++) {
    const segText = text.slice(starts[k], starts[k + 1] ?? text.length);
    const nth = seen.get(segText) ?? 0;
    seen.set(segText, nth + 1);
    texts.push(segText);
    nths.push(nth);
    if (!cache.get(segText)?.[nth]) missing += segText.length;
  }
  // A slice keeps the whole text it was cut from alive, and so do the tokens and HTML made from
  // it. After an edit, the few new segments would keep that version of the answer for as long as
  // they are cached, a version per edit: they are parsed from copies of their own text. A first
  // parse, new through and through, keeps its one version (copying would cost more than a tenth
  // of the parse).
  const own = missing > 0 && missing <= text.length / 2;
  const parts: Part[] = [];
  const counts: LixCounts = { words: 0, sentences: 0, longWords: 0 };
  let label: LixCounts | undefined;
  let raw = false;
  let line = 0;
  for (let k = 0; k < texts.length; k++) {
    const seg = segment(texts[k], nths[k], line + lineOffset, own);
    parts.push({ line, seg });
    counts.words += seg.counts.words;
    counts.sentences += seg.counts.sentences;
    counts.longWords += seg.counts.longWords;
    label ??= seg.label;
    raw ||= seg.raw;
    line += seg.lines;
  }
  return { counts, label, parts, raw };
}


/** Whether the answer has no block at all (nothing but blank lines). */
export function isEmpty(body: ParsedBody): boolean {
  return body.parts.every((p) => p.seg.empty);
}

// A `data-line` attribute as the renderer writes it. Every other attribute value and all text
// is escaped (no raw `"`), so nothing else in the HTML can read like one.
const DATA_LINE = / data-line="(\d+)"/g;

/**
 * The answer's HTML, as one `md.render(body)` would give it (read as one stream, rawHtml.ts
 * Nester, when it has raw HTML) but with `data-line` on top-level blocks and list items (their
 * first line plus `lineOffset`). Segments end at top level with
 * every block closed, where the renderer looks neither ahead nor back, so their HTML joins up
 * as one render's would. `lift`, given the tokens of the segment holding body line
 * `liftLine` (maps relative to it, `data-line` marked) and the line they start on, may render
 * that segment itself (the summary's key-points box); undefined keeps the segment's own HTML.
 */
export function bodyHtml(body: ParsedBody, lineOffset: number, hostLinks: boolean, liftLine?: number, lift?: (tokens: Token[], base: number) => string | undefined): string {
  const which = hostLinks ? 1 : 0;
  // The segment holding the line: the last one starting at or before it.
  let target = -1;
  if (lift && liftLine !== undefined) for (let k = 0; k < body.parts.length && body.parts[k].line <= liftLine; k++) target = k;
  // With raw HTML anywhere, the answer's HTML is read as one stream, as the site reads it.
  const nester = body.raw ? new Nester() : undefined;
  let out = '';
  const add = (html: string, raw: boolean) => {
    if (nester) nester.add(html, raw);
    else out += html;
  };
  for (let k = 0; k < body.parts.length; k++) {
    const { line, seg } = body.parts[k];
    const base = line + lineOffset;
    if (k === target && lift) {
      // Parsed again the first time: the same text gives the same tokens.
      seg.tokens ??= md.parse(seg.text, {});
      markTokens(seg.tokens, base);
      const own = lift(seg.tokens, base);
      if (own !== undefined) {
        add(own, seg.raw);
        continue;
      }
    }
    if (seg.base !== base) {
      seg.html = [undefined, undefined];
      seg.base = base;
    }
    const shift = base - seg.templateBase;
    add((seg.html[which] ??= shift === 0 ? seg.template[which] : seg.template[which].replace(DATA_LINE, (_, n: string) => ` data-line="${Number(n) + shift}"`)), seg.raw);
  }
  return nester ? nester.end() : out;
}

/** Forgets every parsed segment, so that the next render is a first one (for benchmarks). */
export function clearBodyCache(): void {
  cache.clear();
  cachedChars = 0;
}
