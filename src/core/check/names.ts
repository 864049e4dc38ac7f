/**
 * Finding names in free text: a patient's sign-off at the end of a question, a signature at the
 * end of an answer, a given name anywhere. Pure text functions on offsets; the rules that report
 * them are in privacy.ts.
 */

import type { LineIndex } from '../lines';
import { isSpaceUnit } from '../render/text';
import { escapedParts, lastLineOf, lastLines, lineAbove, lineRemovalStart, withoutEndComments, type TextLine } from './rangeLines';

/** A found name: the span to underline and the span a fix removes (the name and what only it needs). */
export interface NameSpan {
  start: number;
  end: number;
  removeStart: number;
  removeEnd: number;
}

// Swedish sign-off greetings, as patients write them: Mvh, MVH, M.v.h, Med vänlig hälsning,
// Vänliga hälsningar, Hälsningar, Vänligen, Tack på förhand, Tacksam för svar.
const GREETING_SRC = String.raw`(?:m\.?[ ]?v\.?[ ]?h\.?|(?:med[ \t]+)?vänlig(?:a)?[ \t]+häls(?:n)?ing(?:ar)?|hälsningar|vänligen|(?:stort[ \t]+)?tack[ \t]+på[ \t]+förhand|tacksam[ \t]+för[ \t]+svar)`;
const GREETING_RE = new RegExp(String.raw`(?<![\p{L}\d])${GREETING_SRC}(?![\p{L}])`, 'giu');
const GREETING_ONLY_RE = new RegExp(String.raw`^[ \t]*${GREETING_SRC}[\s,.!:/]*$`, 'iu');
// "/Lisa", "//Michael", "/ Carlos Rivero Siri" ending a line.
const SLASH_RE = /\/{1,2}[ \t]*([^/]+?)[\s.!]*$/u;

/**
 * Words of medicine that are also names of people or places (Bankart, Hill-Sachs, SLAP …):
 * never taken for a signature.
 */
const EPONYMS = new Set(
  ['bankart', 'hill-sachs', 'slap', 'tietze', 'bechterew', 'neer', 'jobe', 'hawkins', 'popeye', 'dupuytren', 'sudeck', 'scheuermann', 'parsonage-turner', 'latarjet', 'mumford', 'weightlifter', 'kennedy', 'speed', 'yergason', 'spurling', 'ac', 'mr', 'ct', 'ryg', 'rtg'],
);

/**
 * Whether a short text is a name (or initials, or a signed nickname): one to four words, the
 * first capitalised or initials — a lone lower-case word ("maria") also counts — no digits,
 * no question, no medical eponym.
 */
export function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 40 || /[\d?()"]/.test(t)) return false;
  const words = t.split(/[\s,&]+/u).filter(Boolean);
  if (words.length > 4) return false;
  if (!words.every((w) => /^[\p{L}][\p{L}.'-]*$/u.test(w))) return false;
  if (words.some((w) => EPONYMS.has(w.toLowerCase().replace(/\.$/, '')))) return false;
  if (/^\p{Lu}/u.test(words[0])) return words.slice(1).every((w) => /^\p{Lu}/u.test(w) || words.length <= 2);
  return words.length === 1 && words[0].length <= 15;
}

/** How much of a line's end is searched for a signature (a name is short; the rest is the text). */
const TAIL = 120;

/** Horizontal white space, the no-break space included. */
const SPACE = /[^\S\r\n]/;

/** `[\s.!,]`: what a name's end drops. */
const isTrailing = (c: number) => c === 46 || c === 33 || c === 44 || isSpaceUnit(c);

/** `[\s,.:;!/-]`: what stands between a greeting and the name after it. */
const isBetween = (c: number) => c === 44 || c === 46 || c === 58 || c === 59 || c === 33 || c === 47 || c === 45 || isSpaceUnit(c);

const trimEnd = (text: string, start: number, end: number) => {
  while (end > start && isTrailing(text.charCodeAt(end - 1))) end--;
  return end;
};

/**
 * Every greeting holds one of these; a line with none has no greeting (and the full search is
 * slow on a long line). Searched for from `lastIndex`.
 */
const GREETING_HINT = /m\.?[ ]?v\.?[ ]?h|vänlig|häls|tack/giu;

/** The longest greeting, each run of spaces or tabs in it counted as one character: "med vänliga hälsningar". */
const GREETING_LONGEST = 22;

/**
 * Where in a line the greeting that a name follows can start, at the earliest (an offset in the
 * line): the name is at most 40 characters (`looksLikeName`) before what ends it (`trimEnd`),
 * only `[\s,.:;!/-]` stands between it and the greeting, and a greeting is at most
 * `GREETING_LONGEST` characters, not counting the second and later of a run of spaces or tabs.
 * A greeting ending earlier is followed by too long a text to be a name, so the hint is looked
 * for only from here: the last lines searched are often whole paragraphs.
 */
function greetingFrom(text: string, line: TextLine): number {
  const e = trimEnd(text, line.start, line.end);
  let w = Math.max(line.start, e - 40);
  while (w > line.start && isBetween(text.charCodeAt(w - 1))) w--;
  const blankOrTab = (c: number) => c === 32 || c === 9;
  for (let n = 0; w > line.start && n <= GREETING_LONGEST; ) {
    w--;
    if (!(blankOrTab(text.charCodeAt(w)) && w > line.start && blankOrTab(text.charCodeAt(w - 1)))) n++;
  }
  return w - line.start;
}

/** A greeting followed by a name on one line: the name's span. */
function greetingWithName(text: string, line: TextLine): NameSpan | undefined {
  GREETING_HINT.lastIndex = greetingFrom(text, line);
  if (!GREETING_HINT.test(line.text)) return undefined;
  let last: RegExpExecArray | undefined;
  GREETING_RE.lastIndex = 0;
  for (let m = GREETING_RE.exec(line.text); m; m = GREETING_RE.exec(line.text)) last = m;
  if (!last) return undefined;
  let greetingEnd = line.start + last.index + last[0].length;
  // "Mvh. Markus" and "Tack på förhand! Sara" keep their punctuation when the name goes.
  while (greetingEnd < line.end && /[.!]/.test(text[greetingEnd])) greetingEnd++;
  let s = greetingEnd;
  while (s < line.end && /[\s,.:;!/-]/.test(text[s])) s++;
  const e = trimEnd(text, s, line.end);
  if (e <= s || !looksLikeName(text.slice(s, e))) return undefined;
  return { start: s, end: e, removeStart: greetingEnd, removeEnd: e };
}

/** A "/Name" ending a line: the span from the slash. */
function slashName(text: string, from: number, line: TextLine): NameSpan | undefined {
  // Only the line's end can hold a signature; a bounded tail also keeps the lazy match linear.
  const tail = Math.max(0, line.text.length - TAIL);
  // No slash in the tail (nearly every line): no signature of this kind.
  if (line.text.indexOf('/', tail) < 0) return undefined;
  const m = SLASH_RE.exec(line.text.slice(tail));
  if (!m) return undefined;
  m.index += tail;
  const slash = line.start + m.index;
  const before = slash > line.start ? text[slash - 1] : ' ';
  const spaceAfter = /[ \t]/.test(text[slash + m[0].indexOf(m[1]) - 1] ?? '');
  // "axel/arm" is one word; "vägen./Erik", " /K" and "svar/ chris" are signatures.
  if (/[\p{L}\d]/u.test(before) && !spaceAfter) return undefined;
  if (!looksLikeName(m[1])) return undefined;
  const end = trimEnd(text, slash, line.end);
  const wholeLine = line.text.slice(0, m.index).trim() === '';
  let rs = slash;
  while (rs > line.start && SPACE.test(text[rs - 1])) rs--;
  // The signature's own full stop goes with it ("tipps./ PH." → "tipps.").
  return { start: slash, end, removeStart: wholeLine ? lineRemovalStart(text, from, line) : rs, removeEnd: line.end };
}

/**
 * The name a patient signs the question with, in `text` between `from` and `to` (the question's
 * source): "Mvh Anna", "M.v.h Carina", "Med vänlig hälsning, Eva", "Tack på förhand! Sara",
 * "/Lisa", or a greeting on one line and the name alone on the last. A greeting without a name
 * is not reported.
 */
export function findSignOff(lines: LineIndex, from: number, to: number, escapes = false): NameSpan | undefined {
  const text = lines.text;
  let [last, prev] = lastLines(lines, from, to, 2);
  if (!last) return undefined;
  // In double quotes `\n` is a line break of the question's text.
  if (escapes && last.text.includes('\\')) {
    const parts = [last, ...(prev ? [prev] : [])].flatMap((l) => escapedParts(text, l)).filter((l) => l.text.trim() !== '');
    [last, prev] = parts;
    if (!last) return undefined;
  }
  const same = greetingWithName(text, last) ?? slashName(text, from, last);
  if (same) return withCopies(lines, from, same, last);
  // A greeting, then a name on the line below ("Tack på förhand" above "Med Vänliga Hälsningar" is two greetings).
  if (prev && GREETING_ONLY_RE.test(prev.text) && !GREETING_ONLY_RE.test(last.text) && looksLikeName(last.text) && /^\s*\p{Lu}/u.test(last.text)) {
    const s = last.start + (last.text.length - last.text.trimStart().length);
    const e = trimEnd(text, s, last.end);
    return withCopies(lines, from, { start: s, end: e, removeStart: lineRemovalStart(text, from, last), removeEnd: e }, last);
  }
  return undefined;
}

/**
 * A signature whose removal takes its whole line takes the same line written again just above
 * it too ("/Pernilla" twice): removing one copy would leave the other as the text's end.
 */
function withCopies(lines: LineIndex, from: number, span: NameSpan, line: TextLine): NameSpan {
  if (span.removeStart > line.start) return span;
  const text = lines.text;
  const own = line.text.trim();
  let removeStart = span.removeStart;
  for (let l = lineAbove(lines, from, line); l; l = lineAbove(lines, from, l)) {
    if (l.text.trim() === '') continue;
    if (l.text.trim() !== own) break;
    removeStart = lineRemovalStart(text, from, l);
  }
  return removeStart === span.removeStart ? span : { ...span, removeStart };
}

const BULLET_LINE = /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S/;
/** A line that makes the text line above it a heading (`===` or `---` under it). */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A line the underline cannot make a heading of: a list item, a quote, indented code. */
const NOT_HEADING_TEXT = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t]{0,3}>|^(?: {4}|\t)/;

const NOTHING_HIDDEN = () => false;

/**
 * The signature that ends an answer's text, before a final summary or bullet list: a greeting
 * alone or with a name ("MVH", "Med vänlig hälsning, Carlos"), "Dr …", "/Carlos", or the
 * author's name after the last sentence. `authorWords` are the words of the article's author;
 * `hidden` tells the lines that show no text (reference definitions, comments, breaks), which
 * are passed over as blank lines are.
 */
export function findSignature(lines: LineIndex, from: number, to: number, authorWords: readonly string[], summaryStart?: number, hidden: (line: number) => boolean = NOTHING_HIDDEN): NameSpan | undefined {
  const unseen = (l: TextLine) => l.text.trim() === '' || hidden(l.line);
  // The prose ends before the summary block, or before a final bullet list: its last line.
  let last: TextLine | undefined;
  for (let l: TextLine | undefined = lastLineOf(lines, from, summaryStart ?? to); l; l = lineAbove(lines, from, l)) {
    if (unseen(l) || (summaryStart === undefined && BULLET_LINE.test(l.text))) continue;
    last = l;
    break;
  }
  if (!last) return undefined;
  // "Mvh Carlos" over `---` (or `===`) is a heading on the page: its text is the line above.
  if (SETEXT_UNDERLINE.test(last.text)) {
    const above = lineAbove(lines, from, last);
    if (!above || unseen(above) || NOT_HEADING_TEXT.test(above.text)) return undefined;
    const sig = signatureOn(lines, from, above, authorWords, unseen);
    // A fix that takes the whole heading takes its underline too (left alone, it would make the text above a heading).
    let top = above;
    for (let l = lineAbove(lines, from, top); l && l.text.trim() !== ''; l = lineAbove(lines, from, l)) top = l;
    return sig && sig.removeStart <= top.start && sig.removeEnd === above.end ? { ...sig, removeEnd: last.end } : sig;
  }
  return signatureOn(lines, from, last, authorWords, unseen);
}

/** The signature on `last`, the last line of the answer's text (see findSignature). */
function signatureOn(lines: LineIndex, from: number, line: TextLine, authorWords: readonly string[], unseen: (l: TextLine) => boolean): NameSpan | undefined {
  const { line: last, comment } = withoutEndComments(lines.text, line);
  const sig = signatureBefore(lines, from, last, authorWords, unseen);
  if (!sig || comment === undefined || sig.removeEnd !== last.end) return sig;
  if (sig.removeStart > last.start) return sig;
  // The comments stay, alone on their line: the removal starts at the start of the first line it takes.
  let k = sig.removeStart;
  while (k < last.start && /\s/.test(lines.text[k])) k++;
  return { ...sig, removeStart: lines.starts[lines.positionAt(k).line], removeEnd: comment };
}

/** The signature on `last`, the last line of the answer's visible text. */
function signatureBefore(lines: LineIndex, from: number, last: TextLine, authorWords: readonly string[], unseen: (l: TextLine) => boolean): NameSpan | undefined {
  const text = lines.text;
  let prev = lineAbove(lines, from, last);
  while (prev && unseen(prev)) prev = lineAbove(lines, from, prev);
  const whole = (l: TextLine, startLine: TextLine = l): NameSpan => {
    const s = startLine.start + (startLine.text.length - startLine.text.trimStart().length);
    const e = trimEnd(text, s, l.end) || l.end;
    const span = { start: s, end: Math.max(e, s + 1), removeStart: lineRemovalStart(text, from, startLine), removeEnd: l.end };
    return startLine === l ? withCopies(lines, from, span, l) : span;
  };
  if (GREETING_ONLY_RE.test(last.text)) return whole(last);
  const lineText = last.text.trim();
  if (/^Dr\.?\s+\p{Lu}/u.test(lineText) && looksLikeName(lineText.replace(/^Dr\.?\s+/u, ''))) return whole(last);
  const g = greetingWithName(text, last);
  if (g && GREETING_ONLY_RE.test(text.slice(last.start, g.start))) return whole(last);
  if (prev && GREETING_ONLY_RE.test(prev.text) && looksLikeName(lineText)) return whole(last, prev);
  const slash = slashName(text, from, last);
  if (slash) return withCopies(lines, from, slash, last);
  // The author's name after the last sentence: "… överarmen.  Rivero Sir".
  const { words, re } = authorName(authorWords);
  if (re) {
    const tail = Math.max(0, last.text.length - TAIL);
    const m = re.exec(last.text.slice(tail));
    if (m) m.index += tail;
    if (m && m[2].split(/\s+/).filter((w) => !/^Dr\.?$/.test(w)).every((w) => words.some((a) => a.startsWith(w) || w.startsWith(a)))) {
      const s = last.start + m.index + m[1].length;
      if (m[1] === '') return whole(last);
      let rs = s;
      while (rs > last.start && SPACE.test(text[rs - 1])) rs--;
      return { start: s, end: trimEnd(text, s, last.end), removeStart: rs, removeEnd: trimEnd(text, s, last.end) };
    }
  }
  return undefined;
}

/** The words of an author's name that are looked for ending the answer (three letters or more), and the regex that finds them (none without such words). */
function authorName(authorWords: readonly string[]): { words: string[]; re?: RegExp } {
  const words = authorWords.filter((w) => w.length >= 3);
  return { words, re: words.length ? authorNameAtEnd(words) : undefined };
}

/** The regex of an author's name ending a line, made once per author (a corpus has a few). */
const authorRes = new Map<string, RegExp>();
function authorNameAtEnd(words: string[]): RegExp {
  // One alternative per distinct start: an author written out many times over ("Dr. Carlos
  // Rivero Siri Dr. Carlos …", 5,000 characters) gave hundreds of equal alternatives, and a
  // failed match tried each of them in every place of up to four words: seconds a check. The
  // letters after the start are one \p{L}* for all of them: each costs a compile of the
  // Unicode tables, and an author of 500 words (a text pasted in) took 2 s.
  const starts = [...new Set(words.map((w) => w.slice(0, 3)))];
  const key = starts.join('\n');
  let re = authorRes.get(key);
  if (!re) {
    const word = String.raw`(?:${starts.map(escapeRe).join('|')})\p{L}*`;
    re = new RegExp(String.raw`(^|[.!?][ \t]+)((?:Dr\.?[ \t]+)?${word}(?:[ \t]+${word}){0,3})[\s.]*$`, 'u');
    if (authorRes.size > 100) authorRes.clear();
    authorRes.set(key, re);
  }
  return re;
}

const LETTER_OR_DIGIT = /^[\p{L}\d]$/u;

/** Whether the character (code point) at `i` is a letter or a digit. */
function wordCharAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(s.codePointAt(i)!));
}

/** Whether the character (code point) that ends before `i` is a letter or a digit. */
function wordCharBefore(s: string, i: number): boolean {
  const lo = s.charCodeAt(i - 1);
  const hi = i >= 2 ? s.charCodeAt(i - 2) : 0;
  const pair = lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
  return wordCharAt(s, pair ? i - 2 : i - 1);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The longest text searched for as a name. A person's name is a few words; a longer value (a
 * question pasted into `patientName`) is no name to find, and as a case-blind pattern one of
 * 20,000 characters overflows the regular expression compiler's stack: the check threw.
 */
const NAME_MAX = 200;

/**
 * Every whole-word occurrence of a name in a text range. Names of one letter are skipped (they
 * match ordinary words), and so are texts too long to be a name (`NAME_MAX`); initials of two
 * or three capitals match only in capitals.
 */
export function findName(text: string, from: number, to: number, name: string): NameSpan[] {
  const n = name.trim();
  if ([...n].length < 2 || n.length > NAME_MAX || !/\p{L}/u.test(n)) return [];
  const initials = /^\p{Lu}{2,3}$/u.test(n);
  // The name alone in the pattern, its word boundaries tested by hand: a pattern per name with
  // \p{L} in it costs a compile of the Unicode tables each time (~0.4 ms a name).
  const re = new RegExp(escapeRe(n), initials ? 'gu' : 'giu');
  const out: NameSpan[] = [];
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = from + m.index;
    const e = s + m[0].length;
    // Not inside a word: no letter or digit just before or after (as the slice sees it).
    if ((m.index > 0 && wordCharBefore(slice, m.index)) || wordCharAt(slice, m.index + m[0].length)) {
      // The next try starts one character on, as a regex with these look-arounds would.
      re.lastIndex = m.index + (slice.codePointAt(m.index)! > 0xffff ? 2 : 1);
      continue;
    }
    let rs = s;
    while (rs > from && SPACE.test(text[rs - 1])) rs--;
    out.push({ start: s, end: e, removeStart: rs < s ? rs : s, removeEnd: rs < s ? e : Math.min(to, e + (SPACE.test(text[e] ?? '') ? 1 : 0)) });
  }
  return out;
}
