/**
 * The lines of a text range (a question's source, an answer) as the name searches read them:
 * from the last up, a double-quoted value's `\n` escapes as breaks, a line without the comments
 * that end it, and where a removal of a whole line starts.
 */

import type { LineIndex } from '../lines';

/** A line of a text with its offsets (end excludes the line break) and its number in the line table. */
export interface TextLine {
  start: number;
  end: number;
  text: string;
  line: number;
  /** A part of a double-quoted value's source line between two `\n` escapes (a line of the value's text). */
  escaped?: true;
}

/*
 * The lines of a text range are read from the last to the first, by the article's line table
 * (CR LF, lone CR and lone LF each end a line) rather than by searching the text backward for
 * each break: the last lines of an answer are whole paragraphs.
 */

/** The line of the range from `from` that ends at `end`; `line` is the line of the table that holds `end`. */
export function lineOf(lines: LineIndex, from: number, line: number, end: number): TextLine {
  const start = Math.max(from, lines.starts[line]);
  return { start, end, text: lines.text.slice(start, end), line };
}

/** The last line of a text range: a CR LF across `to` ends the range's text. */
export function lastLineOf(lines: LineIndex, from: number, to: number): TextLine {
  const text = lines.text;
  const end = to > from && text.charCodeAt(to - 1) === 13 && text.charCodeAt(to) === 10 ? to - 1 : to;
  // The line of the table that holds `end` (an offset between a CR and its LF is on the line it ends).
  return lineOf(lines, from, lines.positionAt(end).line, end);
}

/** The line above a line of a text range, or undefined for the range's first line. */
export function lineAbove(lines: LineIndex, from: number, l: TextLine): TextLine | undefined {
  if (lines.starts[l.line] <= from) return undefined;
  // A range that starts between a CR and its LF has an empty first line there.
  return lineOf(lines, from, l.line - 1, Math.max(from, lines.lineEnd(l.line - 1)));
}

/** The last non-blank lines of a text range, last first. */
export function lastLines(lines: LineIndex, from: number, to: number, n: number): TextLine[] {
  const out: TextLine[] = [];
  if (n <= 0) return out;
  for (let l: TextLine | undefined = lastLineOf(lines, from, to); l; l = lineAbove(lines, from, l)) {
    if (l.text.trim() === '') continue;
    out.push(l);
    if (out.length === n) break;
  }
  return out;
}

/** Where a whole-line removal starts: after the last non-blank text before the line (its break included, or its `\n` escapes). */
export function lineRemovalStart(text: string, from: number, line: TextLine): number {
  let s = line.start;
  for (;;) {
    if (s > from && /\s/.test(text[s - 1])) s--;
    else if (line.escaped && s - 1 > from && text[s - 2] === '\\' && 'nrt'.includes(text[s - 1]) && !escapedAt(text, s - 2)) s -= 2;
    else break;
  }
  return s > from ? s : line.start;
}

/** Whether the character at `i` is escaped (an odd number of backslashes before it). */
export function escapedAt(text: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && text.charCodeAt(i - n - 1) === 92) n++;
  return n % 2 === 1;
}

/** A double-quoted value's source line cut at its `\n` escapes: the lines of the value's text, last first (a part's `\r` escape before the break dropped). */
export function escapedParts(text: string, l: TextLine): TextLine[] {
  const out: TextLine[] = [];
  let start = l.start;
  const part = (end: number) => {
    const e = end - start >= 2 && text[end - 2] === '\\' && text[end - 1] === 'r' && !escapedAt(text, end - 2) ? end - 2 : end;
    out.push({ start, end: e, text: text.slice(start, e), line: l.line, escaped: true });
  };
  for (let i = l.start; i < l.end - 1; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    if (text[i + 1] === 'n') {
      part(i);
      start = i + 2;
    }
    i++; // the escaped character is no backslash of its own
  }
  if (out.length === 0) return [l];
  part(l.end);
  return out.reverse();
}

/**
 * The line without the HTML comments that end it (`Mvh Carlos <!-- x -->`: the page shows none
 * of them), and where the first of them starts; the line itself when none ends it or when it is
 * all comment (a hidden line).
 */
export function withoutEndComments(text: string, l: TextLine): { line: TextLine; comment?: number } {
  if (!l.text.includes('-->')) return { line: l };
  let end = l.end;
  let comment: number | undefined;
  for (;;) {
    while (end > l.start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end - l.start < 7 || !text.startsWith('-->', end - 3)) break;
    // The comment that ends here opens at the first `<!--` after the comment before it.
    const before = text.lastIndexOf('-->', end - 4);
    const open = text.indexOf('<!--', before >= l.start ? before + 3 : l.start);
    if (open === -1 || open + 4 > end - 3) break;
    comment = open;
    end = open;
  }
  // Every way out of the loop is after its first step: `end` is past no blank.
  if (comment === undefined || end === l.start) return { line: l };
  return { line: { ...l, text: text.slice(l.start, end), end }, comment };
}
