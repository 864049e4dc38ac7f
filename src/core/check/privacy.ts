import { isScalar, type Scalar } from 'yaml';
import type { CheckContext } from './context';
import { findName, findSignature, findSignOff, type NameSpan } from './names';
import { hiddenLines } from '../document/hidden';
import { findSummaryBlock } from '../document/summary';
import type { Fix } from '../types';

/** The source range of the question's text (for a quoted value without its quotes), and whether it is in double quotes. */
function questionRange(ctx: CheckContext): [number, number, boolean] | undefined {
  const f = ctx.article.fields.get('question');
  if (!f || f.valueEnd <= f.valueStart) return undefined;
  const node = f.node;
  const type = isScalar(node) ? (node as Scalar).type : undefined;
  const quoted = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
  return [f.valueStart + (quoted ? 1 : 0), f.valueEnd - (quoted ? 1 : 0), type === 'QUOTE_DOUBLE'];
}

function removal(title: string, n: NameSpan, preferred = true): Fix {
  return { title, edits: [{ start: n.removeStart, end: n.removeEnd, newText: '' }], preferred };
}

/** The author last asked about, and the words of their name (most articles of a corpus have the author of the one before). */
let lastAuthor = '';
let lastWords: readonly string[] = [];

/** The capitalised words of the author's name ("Dr. Carlos Rivero Siri" → Carlos, Rivero, Siri). */
function authorWords(author: unknown): readonly string[] {
  if (typeof author !== 'string') return [];
  if (author !== lastAuthor) {
    lastAuthor = author;
    lastWords = author.split(/[\s.]+/u).filter((w) => /^\p{Lu}\p{L}+$/u.test(w) && w !== 'Dr');
  }
  return lastWords;
}

/**
 * Names that identify the patient (a sign-off ending the question, the `patientName` in the
 * question or the answer) and a signature ending the answer. The site builds a page for
 * unpublished articles too, so these are checked whatever the article's state.
 */
export function checkPrivacy(ctx: CheckContext): void {
  const { article } = ctx;
  const { text } = article;
  const q = questionRange(ctx);
  const reported: NameSpan[] = [];
  const overlaps = (n: NameSpan) => reported.some((r) => n.start < r.end && n.end > r.start);
  if (ctx.on('patient-name')) {
    const signOff = q && findSignOff(article.lines, q[0], q[1], q[2]);
    if (signOff) {
      const name = text.slice(signOff.start, signOff.end);
      const words = name.replace(/^\/+/, '').split(/\s+/).filter(Boolean);
      const author = authorWords(article.data?.author);
      // The author's signature in the question: the answer was written into the question field.
      if (author.length && words.every((w) => author.includes(w))) {
        if (ctx.on('answer-signature')) ctx.report('answer-signature', signOff.start, signOff.end, ctx.msg('question-signature', name), [removal(ctx.msg('fix-remove-signature'), signOff)]);
      } else ctx.report('patient-name', signOff.start, signOff.end, ctx.msg('patient-sign-off', name), [removal(ctx.msg('fix-remove-name', name), signOff)]);
      reported.push(signOff);
    }
    const given = article.data?.patientName;
    if (typeof given === 'string') {
      const ranges: [number, number][] = [];
      if (q) ranges.push([q[0], q[1]]);
      if (article.frontmatter?.closeEnd !== undefined) ranges.push([article.bodyStart, text.length]);
      for (const [from, to] of ranges) {
        for (const n of findName(text, from, to, given)) {
          if (overlaps(n)) continue;
          // Inside a sentence ("Jag heter Anna och …") the writer rewords it: not a fix-all fix.
          ctx.report('patient-name', n.start, n.end, ctx.msg('patient-name-in-text', given.trim()), [removal(ctx.msg('fix-remove-name', given.trim()), n, false)]);
          reported.push(n);
        }
      }
    }
  }
  if (ctx.on('answer-signature') && article.frontmatter?.closeEnd !== undefined && article.body.trim() !== '') {
    const words = authorWords(article.data?.author);
    const summary = findSummaryBlock(article.lines, article.bodyStart);
    const { hidden } = hiddenLines(article.lines, article.bodyStart);
    const sig = findSignature(article.lines, article.bodyStart, text.length, words, summary?.start, hidden);
    if (sig && !overlaps(sig)) {
      ctx.report('answer-signature', sig.start, sig.end, ctx.msg('answer-signature', text.slice(sig.start, sig.end).trim()), [removal(ctx.msg('fix-remove-signature'), sig)]);
    }
  }
}
