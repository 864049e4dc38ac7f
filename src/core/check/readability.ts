import { answerLines, type BodyLine } from './answerStyle';
import type { CheckContext } from './context';
import { hiddenLines } from '../document/hidden';
import { htmlBlockAt, isBlankText, maskInlineHtml } from './htmlText';
import { isSpaceUnit, isStop, lixBand, lixOf, nextWordStart, wordEnd, type LixCounts, type LixResult } from '../render/text';

/** A sentence of the answer: document offsets and its number of words. */
export interface Sentence {
  start: number;
  end: number;
  words: number;
}

export interface AnswerReadability {
  sentences: Sentence[];
  counts: LixCounts;
  /** Undefined when the answer has no words: an empty answer has no readability. */
  lix?: LixResult;
}

const BLOCK_START = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+|^\s{0,3}#{1,6}(?:[ \t]+|$)|^\s{0,3}>/;
// `\s*(?::\s*)?`, never `\s*:?\s*`: two runs of blanks side by side backtrack quadratically on a long line.
const SUMMARY_LINE = /^\s{0,3}(?:\*\*|__)\s*Sammanfattning\s*(?::\s*)?(?:\*\*|__)\s*(?::\s*)?$/i;
const HEADING = /^\s{0,3}#/;
const LIST_ITEM_HTML = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]{1,4}(?=<)/;
const QUOTE = /^\s{0,3}>/;


const DELIMITER_CELL = /^:?-+:?$/;

/** The cells of a table line (`| a | b |` or `a | b`): outer pipes dropped, `\|` kept in its cell. */
function cells(line: string): string[] {
  const out = line.trim().split(/(?<!\\)\|/);
  if (out.length && out[0].trim() === '') out.shift();
  if (out.length && out[out.length - 1].trim() === '') out.pop();
  return out;
}

const DELIMITER_ROW = /^[|:-][|:\- \t]*$/;
const LIST_DASH = /^-[ \t]/;

/** How many columns a delimiter row (`|---|:--:|`) gives, or 0 when the line is none. */
function delimiterColumns(line: string): number {
  const t = line.trim();
  if (!DELIMITER_ROW.test(t) || LIST_DASH.test(t)) return 0;
  const parts = t.split('|');
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    const cell = parts[i].trim();
    if (!cell) {
      if (i === 0 || i === parts.length - 1) continue;
      return 0;
    }
    if (!DELIMITER_CELL.test(cell)) return 0;
    n++;
  }
  return n;
}

const HEADING_START = /^\s{0,3}#{1,6}(?:[ \t]|$)/;
const CONTAINER_START = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^\s{0,3}>/;
const INDENTED = /^\s{4}/;
const NO_LINES: ReadonlySet<number> = new Set();

/**
 * The indices of the answer lines that are rows of a table, as markdown-it reads tables: a line
 * with a pipe whose cells match the delimiter row under it, then the lines after it up to a
 * blank line or one that starts another block. Pipes anywhere else are text, also in a list
 * item or a quote, whose lines go on until a blank line. `doc` is the text the lines are of.
 */
function tableLines(lines: readonly BodyLine[], doc: string): ReadonlySet<number> {
  // A table starts at a line with a pipe: none starts after the document's last one. (The next
  // pipe is searched for forwards, in the document's text: a search backwards is slower.)
  let pipe = lines.length === 0 ? -1 : doc.indexOf('|', lines[0].start);
  if (pipe === -1) return NO_LINES;
  const out = new Set<number>();
  // Line k comes right after line k - 1 (no fenced code between them).
  const adjacent = (k: number) => lines[k].start - (lines[k - 1].start + lines[k - 1].text.length) <= 2;
  let container = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (pipe < lines[i].start && (pipe = doc.indexOf('|', lines[i].start)) === -1) break;
    const head = lines[i].text;
    // A blank line, a fence or a heading ends a list item or quote.
    if (head.trim() === '' || (i > 0 && !adjacent(i)) || HEADING_START.test(head)) container = false;
    if (out.has(i)) continue;
    if (CONTAINER_START.test(head)) container = true;
    if (container || !head.includes('|') || !adjacent(i + 1) || INDENTED.test(head)) continue;
    const columns = delimiterColumns(lines[i + 1].text);
    if (columns === 0 || cells(head).length !== columns) continue;
    out.add(i);
    out.add(i + 1);
    for (let k = i + 2; k < lines.length && adjacent(k) && lines[k].text.trim() !== '' && !BLOCK_START.test(lines[k].text); k++) out.add(k);
  }
  return out;
}

/**
 * The answer's sentences and LIX counts, read as the preview reads the rendered text: a
 * sentence ends at . ! ? : before a space, at a blank line and where a list item or heading
 * starts; link addresses, reference definitions and the `**Sammanfattning:**` label are not text.
 */
export function answerReadability(ctx: Pick<CheckContext, 'article'>): AnswerReadability {
  const sentences: Sentence[] = [];
  let words = 0;
  let longWords = 0;
  let current: Sentence | undefined;
  let ended = true;
  const word = { letters: 0 };
  // Whether the line before was a quote's line with text: the next `>` line goes on with its paragraph.
  let inQuote = false;
  const doc = ctx.article.lines.text;
  const lines = answerLines(ctx);
  // Reference definitions (and breaks) are no text: the page and the preview show none for them.
  const hidden = hiddenLines(ctx.article.lines, ctx.article.bodyStart);
  const unrendered = (start: number) => hidden.any && hidden.unrendered(ctx.article.lines.positionAt(start).line);
  const tables = tableLines(lines, doc);
  // Whether a line may hold a link address to blank out: looked for once in the whole answer.
  const links = lines.length > 0 && (doc.indexOf('](', lines[0].start) >= 0 || doc.indexOf('<http', lines[0].start) >= 0);
  /**
   * Reads the words of `text` from `from` to `end` (document offsets `base` + index); `table`: a
   * table row, whose cells are blocks; `raw`: raw HTML's text, where `*` and `_` are shown as
   * written; `masked`: raw HTML was blanked in the line, and a block's tag left a stop.
   */
  const read = (text: string, base: number, from: number, end: number, table: boolean, raw = false, masked = raw) => {
    let lastEnd = from;
    // The next cell border at or after lastEnd (found again only once passed, so a long row is read once).
    let bar = -1;
    let ws = nextWordStart(text, from, end);
    // In raw HTML's text a stop may come before the line's first word (a block's tag is one).
    if (masked) {
      for (let k = from, gapEnd = ws >= 0 ? ws : end; k < gapEnd; k++) {
        if (isStop(text.charCodeAt(k)) && (k + 1 === end || isSpaceUnit(text.charCodeAt(k + 1)))) ended = true;
      }
    }
    while (ws >= 0) {
      const we = wordEnd(text, ws, word, end);
      if (table) {
        if (bar < lastEnd) {
          const b = indexOfBar(text, lastEnd, end);
          bar = b === -1 ? Infinity : b;
        }
        if (bar < ws) ended = true;
      }
      lastEnd = we;
      const s = base + ws;
      let e = base + we;
      if (ended || !current) {
        current = { start: s, end: e, words: 0 };
        sentences.push(current);
        ended = false;
      }
      current.words++;
      words++;
      if (word.letters > 6) longWords++;
      // A stop between this word and the next (or the line's end), before white space, ends the sentence.
      const next = nextWordStart(text, we, end);
      const gapEnd = next >= 0 ? next : end;
      for (let k = lastEnd; k < gapEnd; k++) {
        if (!isStop(text.charCodeAt(k))) continue;
        // Emphasis markers are not in the rendered text: "**Fas:** Man" reads "Fas: Man".
        let j = k + 1;
        let c = j < end ? text.charCodeAt(j) : -1;
        while (!raw && (c === 0x2a || c === 0x5f)) c = ++j < end ? text.charCodeAt(j) : -1; // * _
        if (c === -1 || isSpaceUnit(c) || (table && c === 0x7c)) {
          e = base + k + 1;
          ended = true;
          break;
        }
      }
      current.end = e;
      ws = next;
    }
  };
  // Whether the answer has raw HTML to read as the preview reads it (looked for once), the lines
  // left of the HTML block being read, and whether the line before went on a paragraph.
  const html = lines.length > 0 && doc.indexOf('<', lines[0].start) >= 0;
  let htmlBlock: string[] | undefined;
  let htmlLine = 0;
  let para = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const lineText = line.text;
    // Fenced code between this line and the one before (its lines are not answer lines) is a
    // block of its own: what follows it starts a new sentence, as on the page.
    if (n > 0 && line.start - (lines[n - 1].start + lines[n - 1].text.length) > 2) {
      ended = true;
      inQuote = false;
    }
    if (htmlBlock === undefined && html && lineText.includes('<')) {
      htmlBlock = htmlBlockAt(lines, n, para);
      // A list item whose text is an HTML block.
      const item = htmlBlock === undefined && mayStartBlock(doc.charCodeAt(line.start)) ? LIST_ITEM_HTML.exec(lineText) : null;
      if (item) htmlBlock = htmlBlockAt(lines, n, false, item[0].length);
      htmlLine = 0;
      // A block of its own: it starts a sentence, and so does what follows it.
      if (htmlBlock) ended = true;
    }
    if (htmlBlock) {
      const shown = htmlBlock[htmlLine++];
      if (isBlankText(shown)) ended = true;
      else read(shown, line.start, 0, shown.length, false, true);
      if (htmlLine === htmlBlock.length) {
        htmlBlock = undefined;
        ended = true;
      }
      para = false;
      inQuote = false;
      continue;
    }
    const blank = !lineText.trim();
    // Only a line that starts with a blank, * _ - + # > or a digit can be the label or start a
    // block: most lines start with a letter, and need neither regex.
    const marked = !blank && mayStartBlock(doc.charCodeAt(line.start));
    if (blank || (marked && SUMMARY_LINE.test(lineText)) || unrendered(line.start)) {
      ended = true;
      inQuote = false;
      para = !blank && !unrendered(line.start);
      continue;
    }
    // The line is read in place in the document's text, from `from` to `end`; document offsets
    // are `base` + an index in `text`. Reading the line's own string (a slice of the document)
    // costs several times more per character.
    let text = doc;
    let base = 0;
    let from = line.start;
    let end = line.start + lineText.length;
    // List markers ("1.", "-") are not words: reading starts after them.
    const block = marked ? BLOCK_START.exec(lineText) : null;
    const quote = block !== null && QUOTE.test(block[0]);
    if (block) {
      // Every alternative starts at the line's start.
      if (!(quote && inQuote)) ended = true;
      from += block[0].length;
    }
    inQuote = quote ? lineText.slice(block[0].length).trim() !== '' : inQuote && !block;
    // Link addresses are not read: they become spaces, in a copy of the line (the same length
    // keeps the offsets). A list marker has no `](` or `<` to start one in.
    if (links && (lineText.includes('](') || lineText.includes('<http'))) {
      const marker = block ? block[0].length : 0;
      text = ' '.repeat(marker) + lineText.slice(marker);
      if (text.includes('](')) text = text.replace(/\]\([^)]*\)/g, (m) => ']' + ' '.repeat(m.length - 1));
      if (text.includes('<http')) text = text.replace(/<https?:[^>]*>/g, (m) => ' '.repeat(m.length));
      base = line.start;
      from = marker;
      end = text.length;
    }
    // Each cell of a table row is a block of its own, as in the rendered page.
    const table = tables.has(n);
    if (table) ended = true;
    para = true;
    // Raw HTML in the line is no text: blanked, in a copy of the line (the same length keeps the offsets).
    if (html && lineText.includes('<')) {
      if (text === doc) {
        text = lineText;
        base = line.start;
        from -= line.start;
        end = lineText.length;
      }
      text = maskInlineHtml(text);
    }
    read(text, base, from, end, table, false, html && lineText.includes('<'));
    // A heading is a block of its own: the line after it starts another.
    if (block && HEADING.test(block[0])) {
      ended = true;
      para = false;
    }
  }
  const counts = { words, sentences: sentences.length, longWords };
  return { sentences, counts, lix: words ? lixOf(counts) : undefined };
}

/** Whether a line starting with this code unit may match BLOCK_START or SUMMARY_LINE: a blank, * _ - + # > or a digit. */
function mayStartBlock(c: number): boolean {
  return isSpaceUnit(c) || c === 0x2a || c === 0x5f || c === 0x2d || c === 0x2b || c === 0x23 || c === 0x3e || (c >= 0x30 && c <= 0x39);
}

/** The first `|` in `text` from `from` up to `end`, or -1. */
function indexOfBar(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 0x7c) return i;
  return -1;
}

/** An answer whose LIX is above the project's limit, and sentences longer than its limit: suggestions. */
export function checkReadability(ctx: CheckContext): void {
  const lixOn = ctx.on('readability-lix');
  const sentenceOn = ctx.on('sentence-length');
  if (!lixOn && !sentenceOn) return;
  const r = answerReadability(ctx);
  if (!r.lix) return;
  const { lixMax, sentenceMaxWords } = ctx.config;
  if (lixOn && r.lix.score > lixMax) {
    const first = r.sentences[0];
    const line = ctx.article.lines.positionAt(first.start).line;
    const end = ctx.article.lines.starts[line] + ctx.article.lines.lineText(line).length;
    const score = Math.round(r.lix.score);
    ctx.report('readability-lix', first.start, end, ctx.msg('readability-lix', score, ctx.msg(`lix-band-${bandKey(score)}`), lixMax));
  }
  if (sentenceOn) {
    for (const s of r.sentences) {
      if (s.words > sentenceMaxWords) ctx.report('sentence-length', s.start, s.end, ctx.msg('sentence-length', s.words, sentenceMaxWords));
    }
  }
}

function bandKey(score: number): 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard' {
  const b = lixBand(score);
  return b === 'mycket lätt' ? 'very-easy' : b === 'lätt' ? 'easy' : b === 'medelsvår' ? 'medium' : b === 'svår' ? 'hard' : 'very-hard';
}
