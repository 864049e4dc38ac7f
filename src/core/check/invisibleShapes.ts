// The invisible characters a word processor pastes into the fields (a no-break space, a byte
// order mark, U+2028 …), found where the site's reader stumbled: YAML takes them for text, so
// its own message points at nothing the writer can see. Each is named on its line, with a fix
// that deletes them, or writes ordinary spaces where they stand for an indentation.
import type { CheckContext } from './context';
import type { YamlIssue } from '../parse';
import type { Fix } from '../types';
import { codePointName, INVISIBLE, INVISIBLE_CHARS, invisibleEdits, siteErrorKind, withoutInvisible } from '../yaml/siteErrors';
import { fieldLineAbove } from './fieldShapes';
import { mendsAll, mendsLine } from './mend';

/**
 * Invisible characters (a no-break space, U+2028 …, see `INVISIBLE`) where YAML wants nothing or
 * a space, at or just above where the site's reader stumbled: after the opening `---`, before a
 * line's first visible character, after its last, or as the whole line. The reader takes them
 * for text, so its message (a stray character, text after a quote) points at nothing the
 * writer can see. The fix deletes them from that line.
 */
export function invisibleChars(ctx: CheckContext, issue: YamlIssue): boolean {
  // A key written twice, a tab, a control character or deep nesting is its own cause.
  const kind = siteErrorKind(issue.message);
  if (kind === 'control-char' || kind === 'duplicate-key' || kind === 'tab' || kind === 'too-deep') return false;
  const { lines, text } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const at = lines.positionAt(issue.start).line;
  const firstLine = lines.positionAt(fm.openStart).line;
  // After the fence, the reader's first line is the rest of the fence line: it stumbles on the line below.
  if (fm.contentStart === fm.siteStart && at <= firstLine + 1) {
    const rest = text.slice(fm.siteStart, fm.openEnd);
    if (/^[ \t]*$/.test(withoutInvisible(rest)) && INVISIBLE.test(rest)) {
      const edits = invisibleEdits(text, fm.siteStart, fm.openEnd);
      ctx.report('yaml-syntax', fm.openStart, fm.openEnd, ctx.msg('yaml-invisible-fence', codePointName(text[edits[0].start])), [deleteFix(ctx, edits, firstLine)]);
      return true;
    }
    // A stray mark typed after it (`---%`, `----`), or a word (`--- yaml`, as a code block in
    // Markdown is marked): the line must hold the fence alone.
    const marks = rest.trim();
    if (/^(?:[^\w\s"'[{]{1,3}|[\p{L}\d_-]{1,20})$/u.test(marks)) {
      const edit = { start: fm.siteStart, end: fm.openEnd, newText: '' };
      ctx.report('yaml-syntax', fm.openStart, fm.openEnd, ctx.msg('yaml-fence-marks', marks), [{ title: ctx.msg('fix-delete-text', marks), edits: [edit], preferred: mendsLine(ctx, edit, firstLine) }]);
      return true;
    }
    // The first field on the fence's line (`--- title: …`).
    const field = /^([ \t]*)([A-Za-z_][\w-]*):(\s|$)/.exec(rest);
    if (field && ctx.schema.fields.includes(field[2])) {
      const edit = { start: fm.siteStart, end: fm.siteStart + field[1].length, newText: ctx.eol };
      ctx.report('yaml-syntax', fm.openStart, fm.openEnd, ctx.msg('yaml-field-on-fence', field[2]), [{ title: ctx.msg('fix-split-line', field[2]), edits: [edit], preferred: mendsLine(ctx, edit, firstLine) }]);
      return true;
    }
  }
  if (invisibleLeads(ctx, at)) return true;
  for (const l of new Set([at, Math.max(lines.positionAt(fm.contentStart).line, at - 1), fieldLineAbove(ctx, at)])) {
    if (l >= lines.lineCount || lines.starts[l] >= fm.contentEnd) continue;
    const start = lines.starts[l];
    const t = lines.lineText(l);
    let lead = 0;
    while (lead < t.length && BLANKISH.test(t[lead])) lead++;
    let trail = t.length;
    while (trail > lead && BLANKISH.test(t[trail - 1])) trail--;
    const trailing = trail > lead ? invisibleEdits(text, start + trail, start + t.length) : [];
    const edits = [...invisibleEdits(text, start, start + lead), ...trailing];
    if (!edits.length) continue;
    ctx.report('yaml-syntax', start, start + t.length, ctx.msg('yaml-invisible-char', codePointName(text[edits[0].start])), [deleteFix(ctx, edits, l)]);
    return true;
  }
  return false;
}

/**
 * Lines of a block that start with invisible characters (`\ufeff  Hur ska jag …`, a byte order
 * mark pasted in; `\u00a0\u00a0Jag har …`, indented with no-break spaces), in the run of
 * lines that ends where the site's reader stumbled: to YAML such a line starts at the left
 * margin, so it ends the block, and the reader takes it and the lines below it for one long key
 * and stumbles only at their end. The error is on the first of them; the fix mends them all:
 * ordinary spaces where the line is meant to be indented, else the characters deleted.
 */
function invisibleLeads(ctx: CheckContext, at: number): boolean {
  const { lines, text } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const first = lines.positionAt(fm.contentStart).line;
  let l = Math.min(at, lines.lineCount - 1);
  while (l > first && lines.starts[l] >= fm.contentEnd) l--;
  // The reader's mark may be on the field line after the run.
  if (l > first && /^[^ \t]/.test(lines.lineText(l)) && !INVISIBLE.test(lines.lineText(l)[0])) l--;
  const found: { line: number; edit: { start: number; end: number; newText: string }; indent: boolean }[] = [];
  for (; l > first; l--) {
    const t = lines.lineText(l);
    let lead = 0;
    while (lead < t.length && BLANKISH.test(t[lead])) lead++;
    // A line that starts with a visible character, or is a field (`\ufeffquestion: |`, the block's
    // own line, its invisible character named as the key's), ends the run.
    if ((lead === 0 && t !== '') || /^[A-Za-z_][\w-]*:(\s|$)/.test(t.slice(lead))) break;
    const run = t.slice(0, lead);
    if (!INVISIBLE.test(run)) continue;
    const start = lines.starts[l];
    const indent = meantIndent(ctx, l, run);
    found.unshift({ line: l, edit: { start, end: start + lead, newText: indent ?? run.replace(/[^ \t]/g, '') }, indent: indent !== undefined });
  }
  // Only the lines of a block (`question: |` above them): under another field the lines were
  // never meant as its text, and mending their start would not mend them.
  if (!found.length || !/^[A-Za-z_][\w-]*:[ \t]*[|>][-+0-9]*[ \t]*$/.test(withoutInvisible(lines.lineText(l)))) return false;
  const [top] = found;
  const edits = found.map((f) => f.edit);
  const shown = [...text.slice(top.edit.start, top.edit.end)].find((c) => INVISIBLE.test(c))!;
  const title = top.indent ? ctx.msg('fix-invisible-to-space') : deleteCharsTitle(ctx, found.map((f) => ({ start: f.edit.start, end: f.edit.start + [...text.slice(f.edit.start, f.edit.end)].filter((c) => INVISIBLE.test(c)).length })));
  const fix: Fix = { title, edits, preferred: mendsAll(ctx, edits, top.line) };
  const t = lines.lineText(top.line);
  ctx.report('yaml-syntax', lines.starts[top.line], lines.starts[top.line] + t.length, ctx.msg(top.indent ? 'yaml-invisible-indent' : 'yaml-invisible-char', codePointName(shown)), [fix]);
  return true;
}

/** The invisible characters that show as a space: no-break and other wide spaces (the zero-width ones show as nothing). */
const SPACE_LIKE_CHARS = '\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
const SPACE_LIKE = new RegExp(`[${SPACE_LIKE_CHARS}]`);
/** A line's lead of blanks, space-like characters counted as blanks. */
const WIDE_LEAD = new RegExp(`^[ \\t${SPACE_LIKE_CHARS}]*`);

/**
 * The ordinary spaces a line's leading run of blanks (`lead`) stands for, when it holds a
 * space-like invisible character and the line belongs indented where it is: under a line that
 * opens a block (`question: |`), or at least as far in as the indented line above it. Undefined
 * otherwise (at a field's line they are only to be deleted).
 */
function meantIndent(ctx: CheckContext, line: number, lead: string): string | undefined {
  if (![...lead].some((c) => SPACE_LIKE.test(c))) return undefined;
  const spaces = [...lead].map((c) => (c === ' ' || c === '\t' || SPACE_LIKE.test(c) ? ' ' : '')).join('');
  const { lines } = ctx.article;
  const first = lines.positionAt(ctx.article.frontmatter!.contentStart).line;
  for (let l = line - 1; l >= first; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    // The line above may be indented with the same characters, not yet mended.
    const above = [...WIDE_LEAD.exec(t)![0]].length;
    const opens = /:[ \t]*(?:[|>][-+0-9]*)?[ \t]*$/.test(t);
    if (!((opens && spaces.length > above) || (above > 0 && spaces.length >= above))) return undefined;
    // The ordinary blanks alone already give the indentation of the text around it (the
    // character was pasted beside them): deleting it keeps the block's indentation, where a
    // space more would set a deeper one for the lines below (the first line of a block sets it).
    const plain = [...lead].filter((c) => c === ' ' || c === '\t').length;
    const around = opens ? indentBelow(ctx, line) : above;
    return around !== undefined && plain === around && plain > 0 ? undefined : spaces;
  }
  return undefined;
}

/** How far in the next line with text below `line` is indented with ordinary blanks (undefined when it holds other characters there). */
function indentBelow(ctx: CheckContext, line: number): number | undefined {
  const { lines } = ctx.article;
  for (let l = line + 1; l < lines.lineCount && lines.starts[l] < ctx.article.frontmatter!.contentEnd; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const lead = /^[ \t]*/.exec(t)![0];
    return SPACE_LIKE.test(t[lead.length] ?? '') ? undefined : lead.length;
  }
  return undefined;
}

/** A space, a tab or an invisible character. */
const BLANKISH = new RegExp(`[ \\t${INVISIBLE_CHARS}]`);

/** The title of a fix that deletes characters: "Delete the invisible character", or the number of them. */
export function deleteCharsTitle(ctx: Pick<CheckContext, 'msg'>, edits: readonly { start: number; end: number }[]): string {
  const n = edits.reduce((k, e) => k + e.end - e.start, 0);
  return n > 1 ? ctx.msg('fix-delete-chars', n) : ctx.msg('fix-delete-char');
}

function deleteFix(ctx: CheckContext, edits: { start: number; end: number; newText: string }[], line: number): Fix {
  return { title: deleteCharsTitle(ctx, edits), edits, preferred: mendsAll(ctx, edits, line) };
}
