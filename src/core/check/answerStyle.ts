import type { CheckContext } from './context';
import type { Fix } from '../types';
import type { ParsedArticle } from '../parse';

/** A line of the answer outside fenced code, with its document offset. */
export interface BodyLine {
  start: number;
  text: string;
}

/** Each article's answer lines, worked out once for the rules that read them. */
const linesOf = new WeakMap<ParsedArticle, readonly BodyLine[]>();

/** The answer's lines outside fenced code blocks, with document offsets. */
export function answerLines(ctx: Pick<CheckContext, 'article'>): readonly BodyLine[] {
  let out = linesOf.get(ctx.article);
  if (!out) linesOf.set(ctx.article, (out = findAnswerLines(ctx.article)));
  return out;
}

function findAnswerLines(article: ParsedArticle): BodyLine[] {
  const { lines, bodyStart } = article;
  const out: BodyLine[] = [];
  let fence: string | undefined;
  for (let l = lines.positionAt(bodyStart).line; l < lines.lineCount; l++) {
    if (lines.starts[l] < bodyStart) continue;
    const text = lines.lineText(l);
    const f = /^\s{0,3}(```|~~~)/.exec(text);
    if (f) {
      fence = fence === f[1] ? undefined : fence ?? f[1];
      continue;
    }
    if (!fence) out.push({ start: lines.starts[l], text });
  }
  return out;
}

/** The line with inline code replaced by spaces (same length), so markers inside code are not read. */
function maskCode(text: string): string {
  if (!text.includes('`')) return text;
  return text.replace(/`+[^`]*`+/g, (m) => ' '.repeat(m.length));
}

const SUMMARY_LABEL = /^(?:\*\*|__)\s*Sammanfattning\s*(?::\s*)?(?:\*\*|__)$/i;
// *text* or _text_, not ** or __, not a list marker "* ", not inside a word (snake_case).
const ITALIC_STAR = /(?<![*\\\p{L}\p{N}])\*(?![\s*])([^*\n]*?[^\s*\\])\*(?![*\p{L}\p{N}])/gu;
const ITALIC_UNDERSCORE = /(?<![_\\\p{L}\p{N}])_(?![\s_])([^_\n]*?[^\s_\\])_(?![_\p{L}\p{N}])/gu;
const BOLD = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gu;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
/** Bold longer than this many words is a paragraph in bold, not a stress. */
export const BOLD_MAX_WORDS = 6;

const words = (s: string) => s.replace(/\]\([^)]*\)/g, ']').match(WORD)?.length ?? 0;

/** Italics, long bold runs and "Läs mer om …" links in the answer: the site's guide forbids or discourages them. */
export function checkAnswerStyle(ctx: CheckContext): void {
  const italics = ctx.on('answer-italics');
  const bold = ctx.on('answer-bold');
  const readMore = ctx.on('answer-read-more');
  if (!italics && !bold && !readMore) return;
  for (const line of answerLines(ctx)) {
    const text = maskCode(line.text);
    if (!text.trim()) continue;
    if (italics && (text.includes('*') || text.includes('_'))) {
      // Bold runs are hidden first, so "**a** b **c**" is not read as italics.
      const plain = text.replace(/\*\*|__/g, '  ');
      for (const re of [ITALIC_STAR, ITALIC_UNDERSCORE]) {
        for (const m of plain.matchAll(re)) {
          const s = line.start + m.index!;
          const e = s + m[0].length;
          const fix: Fix = { title: ctx.msg('fix-remove-italics'), edits: [{ start: s, end: s + 1, newText: '' }, { start: e - 1, end: e, newText: '' }], preferred: true };
          ctx.report('answer-italics', s, e, ctx.msg('answer-italics'), [fix]);
        }
      }
    }
    if (bold && (text.includes('**') || text.includes('__'))) {
      for (const m of text.matchAll(BOLD)) {
        const n = words(m[2]);
        if (n <= BOLD_MAX_WORDS || SUMMARY_LABEL.test(m[0])) continue;
        const s = line.start + m.index!;
        const e = s + m[0].length;
        const fix: Fix = { title: ctx.msg('fix-remove-bold'), edits: [{ start: s, end: s + 2, newText: '' }, { start: e - 2, end: e, newText: '' }] };
        ctx.report('answer-bold', s, e, ctx.msg('answer-bold', n, BOLD_MAX_WORDS), [fix]);
      }
    }
    if (readMore && /läs mer/i.test(text)) checkReadMore(ctx, line, text);
  }
}

// "[Läs mer om impingement](/sjukdomar/…)", "[Läs mer →](https://…)".
const READ_MORE_LINK = /\[\s*läs mer\b[^\]]*\]\([^)]*\)/giu;
// A line that is only a "Läs mer" pointer: "Läs mer om [impingement](…).", "**Läs mer:** [X](…) (engelska)".
const READ_MORE_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*läs mer\b.*(?:\]\([^)]*\)|https?:\/\/\S+)/iu;

function checkReadMore(ctx: CheckContext, line: BodyLine, text: string): void {
  const { article } = ctx;
  if (READ_MORE_LINE.test(text)) {
    // The whole line goes, with its line break (or the one before it at the end of the answer).
    const s = line.start;
    const lineEnd = s + text.length;
    const nextStart = lineEnd + (article.text.startsWith('\r\n', lineEnd) ? 2 : /[\r\n]/.test(article.text[lineEnd] ?? '') ? 1 : 0);
    const edit = nextStart > lineEnd ? { start: s, end: nextStart, newText: '' } : { start: trimBack(article.text, s, article.bodyStart), end: lineEnd, newText: '' };
    const fix: Fix = { title: ctx.msg('fix-remove-read-more'), edits: [edit], preferred: true };
    ctx.report('answer-read-more', s + (text.length - text.trimStart().length), lineEnd, ctx.msg('answer-read-more'), [fix]);
    return;
  }
  for (const m of text.matchAll(READ_MORE_LINK)) {
    const s = line.start + m.index!;
    const e = s + m[0].length;
    // A space before the link goes with it.
    const from = s > line.start && /[ \t]/.test(article.text[s - 1]) ? s - 1 : s;
    const fix: Fix = { title: ctx.msg('fix-remove-read-more'), edits: [{ start: from, end: e, newText: '' }], preferred: true };
    ctx.report('answer-read-more', s, e, ctx.msg('answer-read-more'), [fix]);
  }
}

function trimBack(text: string, s: number, floor: number): number {
  while (s > floor && /\s/.test(text[s - 1])) s--;
  return s;
}
