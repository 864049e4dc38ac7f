import { answerLines } from './answerStyle';
import type { CheckContext } from './context';
import { lixOf, type LixCounts, type LixResult } from '../render/text';
import { lixBand } from '../render/text';

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

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/gu;
const BLOCK_START = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+|^\s{0,3}#{1,6}(?:[ \t]+|$)|^\s{0,3}>/;
// `\s*(?::\s*)?`, never `\s*:?\s*`: two runs of blanks side by side backtrack quadratically on a long line.
const SUMMARY_LINE = /^\s{0,3}(?:\*\*|__)\s*Sammanfattning\s*(?::\s*)?(?:\*\*|__)\s*(?::\s*)?$/i;
const STOP = /[.!?:]/;

/**
 * The answer's sentences and LIX counts, read as the preview reads the rendered text: a
 * sentence ends at . ! ? : before a space, at a blank line and where a list item or heading
 * starts; link addresses and the `**Sammanfattning:**` label are not text.
 */
export function answerReadability(ctx: Pick<CheckContext, 'article'>): AnswerReadability {
  const sentences: Sentence[] = [];
  let words = 0;
  let longWords = 0;
  let current: Sentence | undefined;
  let ended = true;
  for (const line of answerLines(ctx)) {
    if (!line.text.trim() || SUMMARY_LINE.test(line.text)) {
      ended = true;
      continue;
    }
    if (BLOCK_START.test(line.text)) ended = true;
    // Link addresses are not read; the same length keeps the offsets.
    // List markers ("1.", "-") are not words; the same length keeps the offsets.
    const text = line.text.replace(BLOCK_START, (m) => ' '.repeat(m.length)).replace(/\]\([^)]*\)/g, (m) => ']' + ' '.repeat(m.length - 1)).replace(/<https?:[^>]*>/g, (m) => ' '.repeat(m.length));
    // Each cell of a table row is a block of its own, as in the rendered page.
    const table = /^\s*\|/.test(text);
    if (table) ended = true;
    let lastEnd = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      if (table && text.slice(lastEnd, m.index).includes('|')) ended = true;
      lastEnd = m.index + m[0].length;
      const s = line.start + m.index;
      let e = s + m[0].length;
      if (ended || !current) {
        current = { start: s, end: e, words: 0 };
        sentences.push(current);
        ended = false;
      }
      current.words++;
      words++;
      if ((m[0].match(LETTER)?.length ?? 0) > 6) longWords++;
      // A stop between this word and the next (or the line's end), before white space, ends the sentence.
      WORD.lastIndex = lastEnd;
      const next = WORD.exec(text);
      WORD.lastIndex = lastEnd;
      const gapEnd = next ? next.index : text.length;
      for (let k = lastEnd; k < gapEnd; k++) {
        if (!STOP.test(text[k])) continue;
        // Emphasis markers are not in the rendered text: "**Fas:** Man" reads "Fas: Man".
        let j = k + 1;
        while (j < text.length && (text[j] === '*' || text[j] === '_')) j++;
        if (j >= text.length || /\s/.test(text[j]) || (table && text[j] === '|')) {
          e = line.start + k + 1;
          ended = true;
          break;
        }
      }
      current.end = e;
    }
  }
  const counts = { words, sentences: sentences.length, longWords };
  return { sentences, counts, lix: words ? lixOf(counts) : undefined };
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
