import type { CheckContext } from './context';
import type { YamlIssue } from '../parse';
import { codePointName, controlCharBefore, refusedChars, siteErrorKind } from '../yaml/siteErrors';
import { readAsSite } from '../yaml/siteReader';
import { doubleQuoted, singleQuoted } from '../yaml/quote';
import { closingFixes, mistypedFence } from './fence';
import { checkToml } from './toml';
import { mendsAll, mendsLine, reportLine, setRecheck, trimBlanksEnd } from './mend';
import { fieldLineAbove, fieldShape, oddSeparator, unindentedBlock } from './fieldShapes';
import { deleteCharsTitle, invisibleChars } from './invisibleShapes';
import { danglingQuoteBefore, duplicateKeyAt, openingQuoteBefore, unclosedBracketBefore } from './yamlScan';
import type { Fix } from '../types';

/** Frontmatter presence and YAML syntax as the site's reader judges it, with messages in the writer's terms. */
export function checkFrontmatter(ctx: CheckContext): void {
  const { article } = ctx;
  const fm = article.frontmatter;
  if (!fm) {
    const end = article.lines.lineEnd(0);
    ctx.report('frontmatter-missing', 0, end, ctx.msg('frontmatter-missing'));
    return;
  }
  if (fm.closeStart === undefined) {
    // Without its closing fence the site sees no frontmatter at all: the YAML errors of the
    // answer below would only be noise. (A `---` after fields opened with `+++` would close
    // them as TOML: no fix guesses at that.)
    const fixes = fm.kind === 'toml' ? [] : closingFixes(ctx);
    ctx.report('frontmatter-unclosed', fm.openStart, fm.openEnd, ctx.msg('frontmatter-unclosed'), fixes);
    return;
  }
  if (fm.kind === 'toml') return checkToml(ctx);
  const issue = article.yamlIssues[0];
  if (!issue) {
    if (article.data === undefined) ctx.report('yaml-syntax', fm.contentStart, fm.contentEnd, ctx.msg('frontmatter-not-map'));
    return;
  }
  if (mistypedFence(ctx, issue) || oddSeparator(ctx, issue) || invisibleChars(ctx, issue)) return;
  reportSiteError(ctx, issue);
}

/**
 * The site's reader (js-yaml) refused the YAML at `issue.start` for `issue.message`: one
 * diagnostic where the writer must act, in the writer's words.
 */
function reportSiteError(ctx: CheckContext, issue: YamlIssue): void {
  const { lines, text } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const pos = issue.start;
  const line = lines.positionAt(pos).line;
  switch (siteErrorKind(issue.message)) {
    case 'control-char': {
      const at = controlCharBefore(text, fm.siteStart, pos);
      if (at < 0) break;
      const edit = { start: at, end: at + 1, newText: '' };
      // The reader stops at the first; the fix takes every one in the fields (a writer never means them).
      const all = refusedChars(text, fm.siteStart, fm.contentEnd, 1000);
      const edits = all.length > 1 && all.includes(at) ? all.map((i) => ({ start: i, end: i + 1, newText: '' })) : [edit];
      const fix = { title: deleteCharsTitle(ctx, edits), edits, preferred: mendsLine(ctx, edit, lines.positionAt(at).line) };
      ctx.report('yaml-syntax', at, at + 1, ctx.msg('yaml-control-char', codePointName(text[at])), [fix]);
      return;
    }
    case 'too-deep':
      reportLine(ctx, line, ctx.msg('yaml-too-deep', 100));
      return;
    case 'tab':
      for (const l of [line, line - 1, line + 1]) if (reportTab(ctx, l)) return;
      break;
    case 'duplicate-key': {
      const dup = duplicateKeyAt(ctx, pos);
      if (dup) ctx.report('yaml-duplicate-key', dup.start, dup.end, ctx.msg('yaml-duplicate-key', dup.key));
      else reportLine(ctx, line, ctx.msg('yaml-duplicate-key', '?'), 'yaml-duplicate-key');
      return;
    }
    case 'unclosed-quote': {
      const open = openingQuoteBefore(ctx, pos);
      if (!open) break;
      reportOpenQuote(ctx, open);
      return;
    }
    case 'unclosed-list': {
      // A `#` that made a comment of the list's end (`tags: [#knä, …]`): the nearest list above is the cause to name.
      const first = lines.positionAt(fm.contentStart).line;
      for (let l = Math.min(line, lines.lineCount - 1); l >= first; l--) {
        if (!/^[A-Za-z_][\w-]*:[ \t]*\[/.test(lines.lineText(l))) continue;
        if (fieldShape(ctx, l)) return;
        break;
      }
      const open = unclosedBracketBefore(ctx, pos);
      if (open === undefined) break;
      const brace = text[open] === '{';
      ctx.report('yaml-syntax', open, lines.lineEnd(lines.positionAt(open).line), ctx.msg('yaml-unclosed-list', brace ? '{' : '[', brace ? '}' : ']'));
      return;
    }
    case 'bad-escape':
      reportLine(ctx, line, ctx.msg('yaml-bad-escape'));
      return;
    case 'unknown-tag': {
      // js-yaml marks the end of the tagged value; the `!` may sit lines above.
      const bang = text.lastIndexOf('!', pos);
      reportLine(ctx, bang >= fm.contentStart ? lines.positionAt(bang).line : line, ctx.msg('yaml-unknown-tag'));
      return;
    }
    case 'alias':
      reportLine(ctx, line, ctx.msg('yaml-alias'));
      return;
    case 'merge':
      reportLine(ctx, line, ctx.msg('yaml-merge'));
      return;
    case 'structure': {
      // A second document (a `...` or `---` line inside the block) has no mark: find its line.
      // Text after a `...` on its line (`... mer`) starts that second document: js-yaml then stops
      // on the line below, where the writer did nothing wrong.
      const second = /single document/.test(issue.message);
      if (second || /end of the stream or a document separator/.test(issue.message)) {
        const l = markerLine(ctx);
        if (l !== undefined && (second || (l <= line && lines.lineText(l).startsWith('...')))) {
          const t = lines.lineText(l);
          if (!/^(?:\.\.\.|---)/.test(t)) reportLine(ctx, l, ctx.msg('yaml-syntax'));
          else {
            // The line alone (`...`) goes, its break with it; one with more on it is the writer's to mend.
            const alone = /^(?:\.\.\.|---)[ \t]*$/.test(t);
            const edit = { start: lines.starts[l], end: l + 1 < lines.lineCount ? lines.starts[l + 1] : lines.starts[l] + t.length, newText: '' };
            const fixes = alone ? [{ title: ctx.msg('fix-delete-text', t.trim()), edits: [edit], preferred: mendsLine(ctx, edit, l) }] : undefined;
            // Only a comment after it (`... # x`) is still a line of three dots to the writer.
            const key = alone || /^(?:\.\.\.|---)[ \t]+#/.test(t) ? 'yaml-document-marker' : 'yaml-document-marker-text';
            reportLine(ctx, l, ctx.msg(key, t.slice(0, 3)), 'yaml-syntax', fixes);
          }
          return;
        }
      }
      if (reportStructure(ctx, pos, line)) return;
      break;
    }
  }
  reportLine(ctx, contentLineAtOrBefore(ctx, line), ctx.msg('yaml-syntax'));
}

/**
 * A quote opened on a line and not closed there (`open`: from the quote to the line's end). A
 * value that ends with a typographic quote (`"Ont i knät”`, as a word processor writes it) was
 * closed with it, which YAML does not read as a quote: the error is that character, and its fix
 * the straight quote. Else: add the closing quote.
 */
function reportOpenQuote(ctx: CheckContext, open: { start: number; end: number }): void {
  const { text, lines } = ctx.article;
  const quote = text[open.start];
  const value = trimBlanksEnd(text.slice(open.start, open.end));
  const last = value[value.length - 1];
  if (value.length > 1 && (quote === '"' ? '”“″„' : '’‘′').includes(last)) {
    const at = open.start + value.length - 1;
    const edit = { start: at, end: at + 1, newText: quote };
    const fix = { title: ctx.msg('fix-straight-quote', quote, last), edits: [edit], preferred: mendsLine(ctx, edit, lines.positionAt(at).line) };
    ctx.report('yaml-syntax', at, at + 1, ctx.msg('yaml-typographic-close', last, quote), [fix]);
    return;
  }
  ctx.report('yaml-syntax', open.start, open.end, ctx.msg('yaml-unclosed-quote', quote));
}

/** Mapping and indentation failures: the specific causes a writer makes, checked at and above the line js-yaml stopped at. */
function reportStructure(ctx: CheckContext, pos: number, line: number): boolean {
  const { lines } = ctx.article;
  // A missing space after a key's colon derails the reader a line or two later: name the cause (every such line).
  if (keysWithoutSpace(ctx).length > 0) return true;
  for (const l of [line, line - 1]) if (reportTab(ctx, l)) return true;
  const dangling = danglingQuoteBefore(ctx, pos);
  if (dangling) {
    reportOpenQuote(ctx, dangling);
    return true;
  }
  for (const l of new Set([line, line - 1, fieldLineAbove(ctx, line)])) if (fieldShape(ctx, l)) return true;
  if (unindentedBlock(ctx, line)) return true;
  const lineStart = lines.starts[line];
  const lineText = lines.lineText(line);
  // `key: value`, the value without trailing blanks (trimmed by hand: a lazy pattern is quadratic on a long run of spaces).
  const km = /^([A-Za-z_][\w-]*):[ \t]+/.exec(lineText);
  const m = km ? [km[0], km[1], trimBlanksEnd(lineText.slice(km[0].length))] : undefined;
  // Quoting is right only for a one-line value: not for one that opens a block (`…: |`) or goes on below.
  if (m && /:\s/.test(m[2]) && !/^["'[{|>]/.test(m[2]) && !/\s[|>][-+0-9]*$/.test(m[2]) && !continuesBelow(ctx, line)) {
    const vStart = lineStart + km![0].length;
    const vEnd = vStart + m[2].length;
    const edit = { start: vStart, end: vEnd, newText: doubleQuoted(m[2]) };
    const fix = { title: ctx.msg('fix-quote-value'), edits: [edit], preferred: mendsLine(ctx, edit, line) };
    // The line to type is the fix's own text: a quote or backslash in the value is escaped there too.
    ctx.report('yaml-syntax', vStart, vEnd, ctx.msg('yaml-colon-in-value', m[1], edit.newText), [fix]);
    return true;
  }
  if (m && text(ctx, pos) === ']') {
    ctx.report('yaml-syntax', pos, pos + 1, ctx.msg('yaml-extra-bracket'));
    return true;
  }
  if (m && /^["']/.test(m[2]) && pos > lineStart) {
    const quote = m[2][0];
    if (lineText.slice(pos - lineStart).trim() !== '' && lineText.lastIndexOf(quote) > lineText.indexOf(quote)) {
      // `"Ont i "knät""`, `'Knät's'`: quotes inside a value that ends with its closing quote. What
      // the writer meant is the text between the first and the last quote, written so YAML keeps it.
      const vStart = lineStart + km![0].length;
      // Only a value with its own quote inside: else the quote that broke the reading is on another line.
      const inner = m[2].length > 2 && m[2].endsWith(quote) && m[2].slice(1, -1).includes(quote) ? m[2].slice(1, -1) : undefined;
      const fixes: Fix[] = [];
      if (inner !== undefined && !/[\\]/.test(inner)) {
        const written = quote === '"' && !inner.includes("'") ? singleQuoted(inner) ?? doubleQuoted(inner) : doubleQuoted(inner);
        const edit = { start: vStart, end: vStart + m[2].length, newText: written };
        fixes.push({ title: ctx.msg('fix-requote', written), edits: [edit], preferred: mendsLine(ctx, edit, line) });
      }
      ctx.report('yaml-syntax', pos, lineStart + lineText.length, ctx.msg(quote === '"' ? 'yaml-text-after-quote' : 'yaml-text-after-single-quote'), fixes);
      return true;
    }
  }
  // A line indented where no field can hold it.
  if (!m && /^\s+\S/.test(lineText)) {
    const s = lineStart + /^\s*/.exec(lineText)![0].length;
    ctx.report('yaml-syntax', s, lineStart + lineText.length, ctx.msg('yaml-indent'));
    return true;
  }
  // A line of a block value that lost its indentation (text at the left margin that is no field).
  const stray = contentLineAtOrBefore(ctx, line);
  const strayText = lines.lineText(stray);
  if (/^\S/.test(strayText) && !/^[A-Za-z_][\w-]*:(\s|$)/.test(strayText) && !/^(-|#)/.test(strayText)) {
    reportLine(ctx, stray, ctx.msg('yaml-indent'));
    return true;
  }
  return false;
}

const text = (ctx: CheckContext, at: number) => ctx.article.text[at];


/** The first line inside the block that ends a YAML document (`...`, `---`) or is a directive (`%YAML`). */
function markerLine(ctx: CheckContext): number | undefined {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  for (let l = lines.positionAt(fm.contentStart).line; l < lines.lineCount && lines.starts[l] < fm.contentEnd; l++) {
    if (/^(\.\.\.|---|%)/.test(lines.lineText(l))) return l;
  }
  return undefined;
}

/** The line itself when it has text, else the nearest line above it that has (js-yaml marks the end of the text for some failures). */
function contentLineAtOrBefore(ctx: CheckContext, line: number): number {
  const { lines } = ctx.article;
  const first = lines.positionAt(ctx.article.frontmatter!.contentStart).line;
  for (let l = Math.min(line, lines.lineCount - 1); l >= first; l--) {
    if (lines.starts[l] >= ctx.article.frontmatter!.contentEnd) continue;
    if (lines.lineText(l).trim() !== '') return l;
  }
  return Math.max(first, Math.min(line, lines.lineCount - 1));
}


/** A tab in a line's indentation: one message with a fix to spaces. False when the line has none. */
function reportTab(ctx: CheckContext, line: number): boolean {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  if (line < 0 || line >= lines.lineCount || lines.starts[line] < fm.contentStart || lines.starts[line] >= fm.contentEnd) return false;
  const lineText = lines.lineText(line);
  if (!/^ *\t[ \t]*\S/.test(lineText)) return false;
  const lineStart = lines.starts[line];
  const end = lineStart + /^[ \t]*/.exec(lineText)![0].length;
  // A `---` written indented is the closing fence the writer meant, not a line of the value above.
  const fence = /^[ \t]*---[ \t]*$/.test(lineText);
  const edit = { start: lineStart, end, newText: fence ? '' : ' '.repeat(indentFor(ctx, line)) };
  const edits = [edit];
  // The lines below indented with tabs too (a question pasted from a tab-indented text): one fix
  // for them all, so that Fix All, a pass at a time, does not stop after a few of them.
  for (let l = line + 1; !fence && l < lines.lineCount && lines.starts[l] < fm.contentEnd; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    if (!/^[ \t]/.test(t) || /^[ \t]*---[ \t]*$/.test(t)) break;
    const lead = /^[ \t]*/.exec(t)![0];
    if (lead.includes('\t')) edits.push({ start: lines.starts[l], end: lines.starts[l] + lead.length, newText: ' '.repeat(indentFor(ctx, l)) });
  }
  const title = fence ? ctx.msg('fix-unindent-fence') : edits.length > 1 ? ctx.msg('fix-tabs', edits.length) : ctx.msg('fix-tab');
  const fix = { title, edits, preferred: mendsAll(ctx, edits, line) };
  ctx.report('yaml-syntax', lineStart, Math.max(end, lineStart + 1), ctx.msg(fence ? 'yaml-tab-fence' : 'yaml-tab'), [fix]);
  return true;
}

/** Reports top-level lines such as `author:"Dr A"`, with a fix; returns their line numbers. */
function keysWithoutSpace(ctx: CheckContext): number[] {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const out: number[] = [];
  for (let l = lines.positionAt(fm.contentStart).line; l < lines.lineCount && lines.starts[l] < fm.contentEnd; l++) {
    const t = lines.lineText(l);
    const m = /^([A-Za-z_][\w-]*):([^\s/][^]*)$/.exec(t);
    if (!m) continue;
    const colon = lines.starts[l] + m[1].length;
    // The space helps only when the line then reads as a field (not `ca: tegory: x` or `author: { "…`).
    const edit = { start: colon + 1, end: colon + 1, newText: ' ' };
    const fixes = readAsSite(`${m[1]}: ${m[2]}`).ok ? [{ title: ctx.msg('fix-colon-space'), edits: [edit], preferred: mendsLine(ctx, edit, l) }] : [];
    ctx.report('yaml-syntax', lines.starts[l], lines.starts[l] + t.length, ctx.msg('yaml-colon-space', m[1], m[2]), fixes);
    out.push(l);
  }
  return out;
}

/**
 * The indentation a tab-indented line most likely meant: one step under a line that opens a
 * block (`key:`, `key: |`), the same as a previous indented line, or none at the top level.
 */
function indentFor(ctx: CheckContext, line: number): number {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  for (let l = line - 1; l >= 0 && lines.starts[l] >= fm.contentStart; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const lead = /^[ \t]*/.exec(t)![0];
    const indent = lead.includes('\t') ? indentFor(ctx, l) : lead.length;
    if (/:[ \t]*(?:[|>][-+0-9]*)?[ \t]*(?:#.*)?$/.test(t)) return indent + 2;
    return indent;
  }
  return 0;
}

/** Whether the next line with text in the frontmatter is indented, so it belongs to the value on `line`. */
function continuesBelow(ctx: CheckContext, line: number): boolean {
  const { lines } = ctx.article;
  const fmEnd = ctx.article.frontmatter!.contentEnd;
  for (let l = line + 1; l < lines.lineCount && lines.starts[l] < fmEnd; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    return /^\s/.test(t);
  }
  return false;
}

// A fix is tried by checking the edited text again (mend.ts): with this check.
setRecheck(checkFrontmatter);
