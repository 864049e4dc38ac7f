import { swedishMonths, type LixBand } from './strings';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * `15 augusti 2017`. YAML dates arrive as UTC midnight, so the local time zone would shift
 * them a day for anyone west of Greenwich.
 */
export function formatSwedishDate(d: Date): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return '';
  return `${d.getUTCDate()} ${swedishMonths[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `2017-08-15`, for `<time datetime>`. */
export function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

// Made on first use: creating a segmenter loads ICU data (milliseconds at every start otherwise).
let graphemes: Intl.Segmenter | undefined;

/**
 * Length as a reader counts characters: user-perceived characters (grapheme clusters), so an
 * emoji (👍🏽 is two code points, four UTF-16 units), a flag, or an å typed as a + ring is one.
 * Google cuts a result title by width, not by any count; the house limit of 60 is in
 * characters as the author sees them, which is what this counts.
 */
export function charCount(s: string): number {
  // Below U+0300 (no combining marks, no surrogates), and in General Punctuation (– — ” …) but
  // for the joiners U+200C and U+200D, every code unit is one character.
  let simple = true;
  for (let i = 0; i < s.length && simple; i++) {
    const c = s.charCodeAt(i);
    simple = c < 0x300 || (c >= 0x2000 && c <= 0x206f && c !== 0x200c && c !== 0x200d);
  }
  if (simple) return s.length;
  let n = 0;
  for (const _ of (graphemes ??= new Intl.Segmenter('sv', { granularity: 'grapheme' })).segment(s)) n++;
  return n;
}

export interface LixResult {
  /** LIX = words / sentences + 100 × long words / words; 0 when there are no words. */
  score: number;
  band: LixBand;
  words: number;
  sentences: number;
  /** Words of more than six letters. */
  longWords: number;
}

// What the scanner in `lix` implements, as the regexes it replaced (they cost ~80 ms on 1 MB):
// a word is /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/u – a hyphenated compound ("AC-led") is one
// word, as a reader sees it – and a sentence ends at /[.!?:]+(?=\s|$)|\n[ \t]*\n/u: at . ! ? :
// followed by space (so 1.5 and 08:30 do not end one), or at a blank line (a paragraph or list
// item without a full stop is still a sentence).
const LETTER = 1;
const NUMBER = 2;
const SPACE = 4;
const CLASSIFIED = 8;
const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;
const SPACE_RE = /^\s$/u;
// Classes of BMP code units, filled on first sight: the Unicode regexes run once per distinct character.
const bmpClass = new Uint8Array(0x10000);

function classify(cp: number): number {
  if (cp < 0x10000 && bmpClass[cp] !== 0) return bmpClass[cp];
  const ch = String.fromCodePoint(cp);
  const c = CLASSIFIED | (LETTER_RE.test(ch) ? LETTER : 0) | (NUMBER_RE.test(ch) ? NUMBER : 0) | (SPACE_RE.test(ch) ? SPACE : 0);
  if (cp < 0x10000) bmpClass[cp] = c;
  return c;
}

/**
 * Latin-1 (ASCII, å ä ö é …), most of a Swedish text, classified up front so the scanners look
 * it up without a call; written out by ranges, since running the Unicode regexes on 256
 * characters costs milliseconds at start (a unit test holds it to `classify`).
 */
export const LATIN1 = (() => {
  const t = new Uint8Array(256).fill(CLASSIFIED);
  const set = (from: number, to: number, cls: number) => {
    for (let c = from; c <= to; c++) t[c] |= cls;
  };
  set(0x30, 0x39, NUMBER); // 0-9
  set(0x41, 0x5a, LETTER); // A-Z
  set(0x61, 0x7a, LETTER); // a-z
  for (const c of [0xaa, 0xb5, 0xba]) t[c] |= LETTER; // ª µ º
  for (const c of [0xb2, 0xb3, 0xb9]) t[c] |= NUMBER; // ² ³ ¹
  set(0xbc, 0xbe, NUMBER); // ¼ ½ ¾
  set(0xc0, 0xff, LETTER); // À … ÿ
  t[0xd7] = t[0xf7] = CLASSIFIED; // × ÷
  set(0x09, 0x0d, SPACE);
  t[0x20] |= SPACE;
  t[0xa0] |= SPACE;
  return t;
})();

/** Classes as `classify` gives them, for the unit test of LATIN1. */
export const classifyCodePoint = (cp: number): number => classify(cp);
const WORD_CHAR = LETTER | NUMBER;

/** Code point at `i`; a lone surrogate stands for itself, as in a /u regex. */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const isJoiner = (c: number) => c === 0x2d || c === 0x27 || c === 0x2019; // - ' ’
/** `. ! ? :`, which end a sentence before white space. */
export const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a;

/** Whether a UTF-16 code unit is white space, as `\s` reads it. */
export const isSpaceUnit = (c: number) => ((c < 256 ? LATIN1[c] : classify(c)) & SPACE) !== 0;

/** The class of the character at `i` beyond Latin-1, with its width in UTF-16 units above the class bits. */
function wideClass(text: string, i: number): number {
  const cp = codePointAt(text, i);
  return classify(cp) | (cp > 0xffff ? WIDE : 0);
}
const WIDE = 16;

/**
 * Where the next word starts at or after `i` and before `end` (-1 when none does): a letter or
 * a digit. A caller reads part of a longer text with `end` (a line of a document: reading it
 * in place costs less than reading a slice of it), which must not split a surrogate pair.
 */
export function nextWordStart(text: string, i: number, end = text.length): number {
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const cls = c < 256 ? LATIN1[c] : wideClass(text, i);
    if (cls & WORD_CHAR) return i;
    if (cls & WIDE) i++;
  }
  return -1;
}

/**
 * The end of the word that starts at `i` (letters and digits joined by single hyphens or
 * apostrophes: /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\/u), and how many of its characters are
 * letters, in `out`. The word ends at `end` at the latest.
 */
export function wordEnd(text: string, i: number, out: { letters: number }, end = text.length): number {
  let letters = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const cls = c < 256 ? LATIN1[c] : wideClass(text, i);
    if (cls & WORD_CHAR) {
      letters += cls & LETTER;
      if (cls & WIDE) i++;
      continue;
    }
    // A hyphen or an apostrophe joins two runs of letters and digits.
    if (i + 1 < end && isJoiner(c)) {
      const d = text.charCodeAt(i + 1);
      if ((d < 256 ? LATIN1[d] : wideClass(text, i + 1)) & WORD_CHAR) continue;
    }
    break;
  }
  out.letters = letters;
  return i;
}

export function lixBand(score: number): LixBand {
  if (score < 25) return 'mycket lätt';
  if (score < 35) return 'lätt';
  if (score < 45) return 'medelsvår';
  if (score < 55) return 'svår';
  return 'mycket svår';
}

/** Word, sentence and long-word counts of a text; counts of texts joined by blank lines add up. */
export type LixCounts = Pick<LixResult, 'words' | 'sentences' | 'longWords'>;

/** Björnsson's LIX readability index for Swedish text. */
export function lix(text: string): LixResult {
  return lixOf(lixCounts(text));
}

/** LIX from counts. */
export function lixOf({ words, sentences, longWords }: LixCounts): LixResult {
  const score = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { score, band: lixBand(score), words, sentences, longWords };
}

/** The counts LIX is made of, in one pass over the text. */
export function lixCounts(text: string): LixCounts {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  // Whether a sentence end lies between the previous word and the next one.
  let ended = false;
  // After a newline with only blanks since: a second newline makes a blank line.
  let afterNewline = false;
  const n = text.length;
  const word = { letters: 0 };
  let i = 0;
  while (i < n) {
    const next = nextWordStart(text, i);
    const gapEnd = next < 0 ? n : next;
    // Between two words: blank lines and stops before white space end a sentence.
    for (let k = i; k < gapEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x0a) {
        if (afterNewline) ended = true;
        afterNewline = true;
      } else if (c !== 0x20 && c !== 0x09) {
        afterNewline = false;
        if (isStop(c) && k + 1 < n) {
          const d = text.charCodeAt(k + 1);
          if (isSpaceUnit(d)) ended = true;
        }
      }
      // The second unit of a surrogate pair is no character of its own.
      if (c >= 0xd800 && c <= 0xdbff && codePointAt(text, k) > 0xffff) k++;
    }
    if (next < 0) break;
    afterNewline = false;
    i = wordEnd(text, next, word);
    if (words === 0) sentences = 1;
    else if (ended) sentences++;
    ended = false;
    words++;
    // Letters only: a hyphen or a digit does not make a word harder to read.
    if (word.letters > 6) longWords++;
  }
  return { words, sentences, longWords };
}
