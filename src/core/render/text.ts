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

/** Length as a reader counts characters: an emoji or å written as one code point is one. */
export function charCount(s: string): number {
  return Array.from(s).length;
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

// A hyphenated compound ("AC-led") is one word, as a reader sees it.
const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
// A sentence ends at . ! ? : followed by space or end (so 1.5 and 08:30 do not end one),
// or at a blank line (a paragraph or list item without a full stop is still a sentence).
const SENTENCE_END_RE = /[.!?:]+(?=\s|$)|\n[ \t]*\n/u;

export function lixBand(score: number): LixBand {
  if (score < 25) return 'mycket lätt';
  if (score < 35) return 'lätt';
  if (score < 45) return 'medelsvår';
  if (score < 55) return 'svår';
  return 'mycket svår';
}

/** Björnsson's LIX readability index for Swedish text. */
export function lix(text: string): LixResult {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const part of text.split(SENTENCE_END_RE)) {
    let inPart = 0;
    for (const m of part.matchAll(WORD_RE)) {
      inPart++;
      // Letters only: a hyphen or a digit does not make a word harder to read.
      if ((m[0].match(/\p{L}/gu)?.length ?? 0) > 6) longWords++;
    }
    if (inPart > 0) sentences++;
    words += inPart;
  }
  const score = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { score, band: lixBand(score), words, sentences, longWords };
}
