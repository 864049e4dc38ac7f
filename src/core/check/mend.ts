// Whether a fix of the fields mends the line it is for: the edited text is checked again. The
// check itself is handed in by frontmatter.ts (the shape checks that use this run inside it).
import { parseArticle } from '../parse';
import { CheckContext } from './context';
import type { Fix } from '../types';
import { standsWithoutDeletion } from '../yaml/refusedDeletion';

let recheck: ((ctx: CheckContext) => void) | undefined;

/** The check of the fields a tried fix is put through (frontmatter.ts's). */
export function setRecheck(check: (ctx: CheckContext) => void): void {
  recheck = check;
}

/** The text without the spaces and tabs at its end. */
export function trimBlanksEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === ' ' || s[e - 1] === '\t')) e--;
  return s.slice(0, e);
}

/** Reports a whole line (from its first non-space character). */
export function reportLine(ctx: CheckContext, line: number, message: string, rule: 'yaml-syntax' | 'yaml-duplicate-key' = 'yaml-syntax', fixes?: Fix[]): void {
  const { lines } = ctx.article;
  const l = Math.max(0, Math.min(line, lines.lineCount - 1));
  const t = lines.lineText(l);
  const s = lines.starts[l] + /^\s*/.exec(t)![0].length;
  ctx.report(rule, s, Math.max(s + 1, lines.starts[l] + t.length), message, fixes);
}

/** Set while a fix is being tried, so the check of the edited text does not try its own fixes. */
let trying = false;

/**
 * Whether an edit leaves its line (and the lines next to it) reading as YAML to the site: the
 * edited text is checked as the writer would see it. A fix that would not is still offered, but
 * a fix-all does not apply it: the line needs a person. A deletion of characters the site refuses
 * mends its line when the error left there stands with them read as a letter: the site had
 * stopped at them before reaching it.
 */
export function mendsLine(ctx: CheckContext, edit: { start: number; end: number; newText: string }, line: number): boolean {
  if (trying) return true;
  // Untried, a fix is only offered: no fix-all applies it.
  if (!recheck) return false;
  const { text } = ctx.article;
  trying = true;
  try {
    const after = parseArticle(text.slice(0, edit.start) + edit.newText + text.slice(edit.end));
    const check = new CheckContext(after, ctx.schema, ctx.config, ctx.lang, undefined, undefined, (f) => f);
    recheck(check);
    const shift = edit.newText.split(/\r\n|\r|\n/).length - text.slice(edit.start, edit.end).split(/\r\n|\r|\n/).length;
    // An edit over several lines (one fix for a run of them) must leave every one of them read.
    const spanEnd = after.lines.positionAt(edit.start).line + edit.newText.split(/\r\n|\r|\n/).length - 1;
    const last = Math.max(line + Math.max(0, shift), spanEnd) + 1;
    const left = check.problems.filter((p) => (p.rule === 'yaml-syntax' || p.rule.startsWith('frontmatter-')) && p.range.start.line >= line - 1 && p.range.start.line <= last);
    // An error that deleting refused characters only lets the reader reach, there whatever they were read as, is not the edit's.
    return !left.length || (left.every((p) => p.rule === 'yaml-syntax') && standsWithoutDeletion(text, [edit], new Set([edit])));
  } finally {
    trying = false;
  }
}

/** `mendsLine` for several edits (of one line or of a run of lines), tried as one: the first's start to the last's end. */
export function mendsAll(ctx: CheckContext, edits: { start: number; end: number; newText: string }[], line: number): boolean {
  const { text } = ctx.article;
  const first = edits[0];
  const last = edits[edits.length - 1];
  let middle = '';
  for (let k = 0; k < edits.length; k++) middle += edits[k].newText + text.slice(edits[k].end, k + 1 < edits.length ? edits[k + 1].start : last.end);
  return mendsLine(ctx, { start: first.start, end: last.end, newText: middle }, line);
}
