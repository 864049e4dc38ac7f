import type { CheckContext } from './context';
import type { Fix } from '../types';
import type { ParsedArticle } from '../parse';
import { nextWordStart, wordEnd } from '../render/text';

/** A line of the answer outside fenced code, with its document offset. */
export interface BodyLine {
  start: number;
  text: string;
}

/**
 * The answer lines of the article asked about last: the rules that read them run one after the
 * other on an article, so they are worked out once for all. A parsed article is never changed,
 * so they cannot go stale. One entry rather than a WeakMap of all articles: a WeakMap costs
 * more to read and add to, and its entries are work for the garbage collector.
 */
let lastLines: { article: ParsedArticle; lines: readonly BodyLine[] } | undefined;

/** The answer's lines outside fenced code blocks, with document offsets. */
export function answerLines(ctx: Pick<CheckContext, 'article'>): readonly BodyLine[] {
  const { article } = ctx;
  if (lastLines?.article !== article) lastLines = { article, lines: findAnswerLines(article) };
  return lastLines.lines;
}

const FENCE = /^\s{0,3}(```|~~~)/;

function findAnswerLines(article: ParsedArticle): BodyLine[] {
  const { lines, bodyStart } = article;
  const out: BodyLine[] = [];
  // Only an answer with ``` or ~~~ somewhere has a fence line to look for.
  const fences = lines.text.indexOf('```', bodyStart) >= 0 || lines.text.indexOf('~~~', bodyStart) >= 0;
  let fence: string | undefined;
  for (let l = lines.positionAt(bodyStart).line; l < lines.lineCount; l++) {
    const start = lines.starts[l];
    if (start < bodyStart) continue;
    const text = lines.lineText(l);
    const f = fences ? FENCE.exec(text) : null;
    if (f) {
      fence = fence === f[1] ? undefined : fence ?? f[1];
      continue;
    }
    if (!fence) out.push({ start, text });
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
/** Bold longer than this many words is a paragraph in bold, not a stress. */
export const BOLD_MAX_WORDS = 6;

const scratch = { letters: 0 };

/** The words of a text (/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\/u, as nextWordStart and wordEnd read them), link addresses left out. */
function words(s: string): number {
  const t = s.includes('](') ? s.replace(/\]\([^)]*\)/g, ']') : s;
  let n = 0;
  for (let i = nextWordStart(t, 0); i >= 0; i = nextWordStart(t, wordEnd(t, i, scratch))) n++;
  return n;
}

/**
 * Where something next occurs in a text, searched for again only once a caller's offset has
 * passed it: asked line after line in order, it reads the text once. Whether a line holds a
 * character is cheaper to learn this way than from the line's own string, a slice.
 */
class NextOccurrence {
  private at = -1;
  /** `find(from)`: where it starts at or after `from`, or -1; `length`: how long it is. */
  constructor(
    private readonly find: (from: number) => number,
    private readonly length: number,
  ) {}

  /** Whether it occurs within [from, to); `from` never less than in the call before. */
  within(from: number, to: number): boolean {
    if (this.at < from) {
      const i = this.find(from);
      this.at = i === -1 ? Infinity : i;
    }
    return this.at + this.length <= to;
  }
}

const READ_MORE_ANYWHERE = /läs mer/gi;

/** Italics, long bold runs and "Läs mer om …" links in the answer: the site's guide forbids or discourages them. */
export function checkAnswerStyle(ctx: CheckContext): void {
  const italics = ctx.on('answer-italics');
  const bold = ctx.on('answer-bold');
  const readMore = ctx.on('answer-read-more');
  if (!italics && !bold && !readMore) return;
  // Each rule reads only a line with its markers (code spans blanked out only remove some): most
  // lines have none, and are passed over without reading their text.
  const doc = ctx.article.lines.text;
  const stars = new NextOccurrence((from) => doc.indexOf('*', from), 1);
  const underscores = new NextOccurrence((from) => doc.indexOf('_', from), 1);
  const readMores = new NextOccurrence((from) => {
    READ_MORE_ANYWHERE.lastIndex = from;
    return READ_MORE_ANYWHERE.test(doc) ? READ_MORE_ANYWHERE.lastIndex - 'läs mer'.length : -1;
  }, 'läs mer'.length);
  for (const line of answerLines(ctx)) {
    const from = line.start;
    const to = from + line.text.length;
    const markers = (italics || bold) && (stars.within(from, to) || underscores.within(from, to));
    if (!markers && !(readMore && readMores.within(from, to))) continue;
    const text = maskCode(line.text);
    if (!text.trim()) continue;
    if (italics && (text.includes('*') || text.includes('_'))) {
      // Bold runs are hidden first, so "**a** b **c**" is not read as italics.
      const plain = text.replace(/\*\*|__/g, '  ');
      if (plain.includes('*')) reportItalics(ctx, line, plain, ITALIC_STAR);
      if (plain.includes('_')) reportItalics(ctx, line, plain, ITALIC_UNDERSCORE);
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

function reportItalics(ctx: CheckContext, line: BodyLine, plain: string, re: RegExp): void {
  for (const m of plain.matchAll(re)) {
    const s = line.start + m.index!;
    const e = s + m[0].length;
    const fix: Fix = { title: ctx.msg('fix-remove-italics'), edits: [{ start: s, end: s + 1, newText: '' }, { start: e - 1, end: e, newText: '' }], preferred: true };
    ctx.report('answer-italics', s, e, ctx.msg('answer-italics'), [fix]);
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
