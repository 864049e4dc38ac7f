import { CheckContext } from './context';
import { parseArticle, type YamlIssue } from '../parse';
import { codePointName, controlCharBefore, INVISIBLE, INVISIBLE_CHARS, invisibleEdits, refusedChars, siteErrorKind, withoutInvisible } from '../yaml/siteErrors';
import { readAsSite } from '../yaml/siteReader';
import { doubleQuoted, singleQuoted } from '../yaml/quote';
import { closingFixes, mistypedFence } from './fence';
import type { Fix } from '../types';
import { fieldSchema } from '../schema';

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
    // answer below would only be noise.
    const fixes = closingFixes(ctx);
    ctx.report('frontmatter-unclosed', fm.openStart, fm.openEnd, ctx.msg('frontmatter-unclosed'), fixes);
    return;
  }
  const issue = article.yamlIssues[0];
  if (!issue) {
    if (article.data === undefined) ctx.report('yaml-syntax', fm.contentStart, fm.contentEnd, ctx.msg('frontmatter-not-map'));
    return;
  }
  if (mistypedFence(ctx, issue) || oddSeparator(ctx, issue) || invisibleChars(ctx, issue)) return;
  reportSiteError(ctx, issue);
}

/** A key, then a colon or a space YAML does not read as one: a no-break or other wide space, or a full-width colon. */
const ODD_SEPARATOR = /^([A-Za-z_][\w-]*)(?:(:)([ \t]*[\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*)|[ \t]*(\uff1a)[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*)(?=\S)/;

/**
 * A field whose key and value are parted by what only looks like `: ` (text pasted from a word
 * processor brings a no-break space; some keyboards a full-width colon), at or above where the
 * site's reader stumbled: the error is there, and its fix the ordinary `: `.
 */
function oddSeparator(ctx: CheckContext, issue: YamlIssue): boolean {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  // The reader stumbles on such a line or just after it (the line reads as a key with no `: `);
  // an error further down, or one about the whole text (a NUL byte), is another one.
  if (siteErrorKind(issue.message) === 'control-char') return false;
  const at = lines.positionAt(issue.start).line;
  // A block's field line lies above the text the reader stumbled in (`question:\u00a0|`).
  for (const l of new Set([Math.max(lines.positionAt(fm.contentStart).line, at - 1), at, fieldLineAbove(ctx, at)])) {
    if (l >= lines.lineCount || lines.starts[l] >= fm.contentEnd) continue;
    const t = lines.lineText(l);
    const m = ODD_SEPARATOR.exec(t);
    if (!m) continue;
    const key = m[1];
    const start = lines.starts[l] + key.length;
    const end = lines.starts[l] + m[0].length;
    const edit = { start, end, newText: ': ' };
    const message = ctx.msg(m[4] ? 'yaml-odd-colon' : 'yaml-odd-space', key);
    ctx.report('yaml-syntax', start, end, message, [{ title: ctx.msg('fix-odd-separator', key), edits: [edit], preferred: mendsLine(ctx, edit, l) }]);
    return true;
  }
  return false;
}

/**
 * Invisible characters (a no-break space, U+2028 …, see `INVISIBLE`) where YAML wants nothing or
 * a space, at or just above where the site's reader stumbled: after the opening `---`, before a
 * line's first visible character, after its last, or as the whole line. The reader takes them
 * for text, so its message (a stray character, text after a quote) points at nothing the
 * writer can see. The fix deletes them from that line.
 */
function invisibleChars(ctx: CheckContext, issue: YamlIssue): boolean {
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
    // A stray mark typed after it (`---%`, `----`): the line must hold the fence alone.
    const marks = rest.trim();
    if (/^[^\w\s"'[{]{1,3}$/u.test(marks)) {
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
  for (const l of new Set([at, Math.max(lines.positionAt(fm.contentStart).line, at - 1), fieldLineAbove(ctx, at)])) {
    if (l >= lines.lineCount || lines.starts[l] >= fm.contentEnd) continue;
    const start = lines.starts[l];
    const t = lines.lineText(l);
    let lead = 0;
    while (lead < t.length && BLANKISH.test(t[lead])) lead++;
    let trail = t.length;
    while (trail > lead && BLANKISH.test(t[trail - 1])) trail--;
    const edits = [...invisibleEdits(text, start, start + lead), ...(trail > lead ? invisibleEdits(text, start + trail, start + t.length) : [])];
    if (!edits.length) continue;
    ctx.report('yaml-syntax', start, start + t.length, ctx.msg('yaml-invisible-char', codePointName(text[edits[0].start])), [deleteFix(ctx, edits, l)]);
    return true;
  }
  return false;
}

/** A space, a tab or an invisible character. */
const BLANKISH = new RegExp(`[ \\t${INVISIBLE_CHARS}]`);

function deleteFix(ctx: CheckContext, edits: { start: number; end: number; newText: string }[], line: number): Fix {
  const n = edits.reduce((k, e) => k + e.end - e.start, 0);
  return { title: n > 1 ? ctx.msg('fix-delete-chars', n) : ctx.msg('fix-delete-char'), edits, preferred: edits.length === 1 ? mendsLine(ctx, edits[0], line) : mendsAll(ctx, edits, line) };
}

/** `mendsLine` for several edits of one line (applied from the last, so offsets hold). */
function mendsAll(ctx: CheckContext, edits: { start: number; end: number; newText: string }[], line: number): boolean {
  const { text } = ctx.article;
  const first = edits[0];
  const last = edits[edits.length - 1];
  let middle = '';
  for (let k = 0; k < edits.length; k++) middle += edits[k].newText + text.slice(edits[k].end, k + 1 < edits.length ? edits[k + 1].start : last.end);
  return mendsLine(ctx, { start: first.start, end: last.end, newText: middle }, line);
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
      const fix = { title: edits.length > 1 ? ctx.msg('fix-delete-chars', edits.length) : ctx.msg('fix-delete-char'), edits, preferred: mendsLine(ctx, edit, lines.positionAt(at).line) };
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
      ctx.report('yaml-syntax', open.start, open.end, ctx.msg('yaml-unclosed-quote', text[open.start]));
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
      if (/single document/.test(issue.message)) {
        const l = markerLine(ctx);
        if (l !== undefined) {
          reportLine(ctx, l, ctx.msg('yaml-syntax'));
          return;
        }
      }
      if (reportStructure(ctx, pos, line)) return;
      break;
    }
  }
  reportLine(ctx, contentLineAtOrBefore(ctx, line), ctx.msg('yaml-syntax'));
}

/** Mapping and indentation failures: the specific causes a writer makes, checked at and above the line js-yaml stopped at. */
function reportStructure(ctx: CheckContext, pos: number, line: number): boolean {
  const { lines } = ctx.article;
  // A missing space after a key's colon derails the reader a line or two later: name the cause (every such line).
  if (keysWithoutSpace(ctx).length > 0) return true;
  for (const l of [line, line - 1]) if (reportTab(ctx, l)) return true;
  const dangling = danglingQuoteBefore(ctx, pos);
  if (dangling) {
    ctx.report('yaml-syntax', dangling.start, dangling.end, ctx.msg('yaml-unclosed-quote', ctx.article.text[dangling.start]));
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
    ctx.report('yaml-syntax', vStart, vEnd, ctx.msg('yaml-colon-in-value', m[1], m[2]), [fix]);
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

/**
 * A field of the schema written in a shape the site's reader refuses, on `line` (where the
 * reader stumbled, the line above it, or the field line above an indented run): indented above
 * a field that is not, its name broken over two lines, a stray quote before its name, the colon
 * after the name left out (`question |`), two fields run together on one line (`published:
 * truequestion: |`, a line break lost), stray marks or text right after a block's `|`, or a
 * list item on the field's own line (`tags: - axel`).
 */
function fieldShape(ctx: CheckContext, line: number): boolean {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  if (line < 0 || line >= lines.lineCount || lines.starts[line] < fm.contentStart || lines.starts[line] >= fm.contentEnd) return false;
  const known = ctx.schema.fields;
  const start = lines.starts[line];
  const t = lines.lineText(line);
  const eol = ctx.eol;
  const report = (from: number, to: number, message: string, edit?: { start: number; end: number; newText: string }, title?: string) => {
    const fixes = edit && title ? [{ title, edits: [edit], preferred: mendsLine(ctx, edit, line) }] : [];
    ctx.report('yaml-syntax', start + from, start + to, message, fixes);
    return true;
  };
  // ` title: …` above `description: …`: a field indented where the next one is not (the reader stumbles on the next).
  const indented = /^([ \t]+)([A-Za-z_][\w-]*):(\s|$)/.exec(t);
  if (indented && known.includes(indented[2])) {
    const next = line + 1 < lines.lineCount && lines.starts[line + 1] < fm.contentEnd ? lines.lineText(line + 1) : '';
    const m = /^([A-Za-z_][\w-]*):(\s|$)/.exec(next);
    if (m && known.includes(m[1])) {
      const n = indented[1].length;
      return report(n, t.length, ctx.msg('yaml-field-indented', indented[2]), { start, end: start + n, newText: '' }, ctx.msg('fix-unindent-field', indented[2]));
    }
  }
  // `que` above `stion: |`: a line break inside a field's name.
  if (/^[A-Za-z_][\w-]*$/.test(t) && line + 1 < lines.lineCount && lines.starts[line + 1] < fm.contentEnd) {
    const m = /^([\w-]+):(\s|$)/.exec(lines.lineText(line + 1));
    if (m && known.includes(t + m[1]) && !known.includes(m[1])) {
      return report(0, t.length, ctx.msg('yaml-key-split', t + m[1]), { start: start + t.length, end: lines.starts[line + 1], newText: '' }, ctx.msg('fix-join-key', t + m[1]));
    }
  }
  // `"date: 2016-09-01`: a stray quote before a field's name opens a value that runs on to the next quote.
  const stray = /^(["'])([A-Za-z_][\w-]*):(\s|$)/.exec(t);
  if (stray && known.includes(stray[2])) {
    return report(0, 1, ctx.msg('yaml-stray-quote', stray[1], stray[2]), { start, end: start + 1, newText: '' }, ctx.msg('fix-delete-text', stray[1]));
  }
  // `question |`, `category axel`: a field's name and its value with no colon between.
  const bare = /^([A-Za-z_][\w-]*)([ \t]+)\S/.exec(t);
  if (bare && known.includes(bare[1])) {
    const key = bare[1];
    return report(0, key.length, ctx.msg('yaml-missing-colon', key), { start: start + key.length, end: start + key.length, newText: ':' }, ctx.msg('fix-add-colon', key));
  }
  const km = /^([A-Za-z_][\w-]*):[ \t]*/.exec(t);
  if (!km || !known.includes(km[1])) return false;
  const key = km[1];
  const rest = t.slice(km[0].length);
  // A second field of the schema right after a quoted value's closing quote (`"Ont?"description: "…"`).
  if (/^["']/.test(rest)) {
    for (const other of known) {
      const at = rest.indexOf(rest[0] + other + ':', 1);
      if (at < 0) continue;
      const from = km[0].length + at + 1;
      return report(from, t.length, ctx.msg('yaml-fields-joined', key, other), { start: start + from, end: start + from, newText: eol }, ctx.msg('fix-split-line', other));
    }
  } else {
    // A second field of the schema inside a plain value, where a line break was lost.
    for (const other of known) {
      const at = rest.indexOf(other + ':');
      // Glued to the value before it (`truequestion:`); after a space it may be text with a colon, which quoting mends.
      if (at < 0 || (at > 0 && /[ \t]/.test(rest[at - 1])) || (rest.length > at + other.length + 1 && !/[ \t]/.test(rest[at + other.length + 1]))) continue;
      const from = km[0].length + at;
      return report(from, t.length, ctx.msg('yaml-fields-joined', key, other), { start: start + from, end: start + from, newText: eol }, ctx.msg('fix-split-line', other));
    }
  }
  // `question: |"`, `question: >|`: a stray mark after a block's `|`.
  const junk = /^([|>][-+]?)([^\w\s]{1,3})[ \t]*$/u.exec(rest);
  if (junk && !/^[-+]$/.test(junk[2])) {
    const from = km[0].length + junk[1].length;
    return report(from, t.length, ctx.msg('yaml-marks-after-bar', key, junk[1], junk[2]), { start: start + from, end: start + t.length, newText: '' }, ctx.msg('fix-delete-text', junk[2]));
  }
  // `question: |  Hej …`: the text of a block starts on the lines below it.
  const block = /^([|>][-+]?)([ \t]+)(\S.*)$/.exec(rest);
  if (block) {
    const from = km[0].length + block[1].length;
    return report(km[0].length, t.length, ctx.msg('yaml-text-after-bar', key, block[1]), { start: start + from, end: start + from + block[2].length, newText: eol + '  ' }, ctx.msg('fix-text-below', key));
  }
  // `tags: [#knä, smärta]`: a `#` after `[`, a comma or a space starts a comment, and the list is never closed.
  if (rest.startsWith('[') && /(?:^\[|[,\s])#/.test(rest) && fieldSchema(ctx.schema, key)?.type === 'array') {
    const from = km[0].length;
    const value = trimBlanksEnd(rest);
    const quoted = value.replace(/(^\[|,)(\s*)(#[^,\]]*?)(\s*)(?=[,\]]|$)/g, (_m, before: string, sp: string, tag: string, after: string) => before + sp + doubleQuoted(tag) + after);
    const edit = quoted !== value ? { start: start + from, end: start + from + value.length, newText: quoted } : undefined;
    ctx.report('yaml-syntax', start + from, start + from + value.length, ctx.msg('yaml-hash-in-list', key), edit ? [{ title: ctx.msg('fix-quote-hash-tags'), edits: [edit], preferred: false }] : []);
    return true;
  }
  // `title: [Fråga] Ont`, `title: @hem`, `title: Ont i knät:`: a text field's value that starts
  // with a sign YAML reads as its own, or ends with a colon, is text only in quotes.
  const sign = /^[[{%@`>?]/.exec(rest)?.[0] ?? (/[^:]:[ \t]*$/.test(rest) ? ':' : undefined);
  if (sign !== undefined && fieldSchema(ctx.schema, key)?.type === 'string') {
    const value = trimBlanksEnd(rest);
    const from = km[0].length;
    return report(from, from + value.length, ctx.msg(sign === ':' ? 'yaml-ends-with-colon' : 'yaml-starts-with-sign', key, sign), { start: start + from, end: start + from + value.length, newText: doubleQuoted(value) }, ctx.msg('fix-quote-value'));
  }
  // `tags: - axel`: a list item starts a line of its own, below the field.
  const item = /^-[ \t]+\S/.exec(rest);
  if (item) {
    const list = fieldSchema(ctx.schema, key)?.type === 'array';
    const from = km[0].length;
    const edit = list ? { start: start + key.length + 1, end: start + from, newText: eol + '  ' } : undefined;
    return report(from, t.length, ctx.msg(list ? 'yaml-item-on-key-line' : 'yaml-item-not-list', key), edit, ctx.msg('fix-item-below', key));
  }
  return false;
}

/**
 * The text of a block (`question: |`) written at the left margin, where it must be indented
 * under its field (text pasted in): the lines from the block's field down to the next field of
 * the schema, those at the margin indented two spaces by the fix.
 */
function unindentedBlock(ctx: CheckContext, line: number): boolean {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const first = lines.positionAt(fm.contentStart).line;
  const inFields = (l: number) => l >= first && l < lines.lineCount && lines.starts[l] < fm.contentEnd;
  const fieldAt = (l: number) => /^([A-Za-z_][\w-]*):(\s|$)/.exec(lines.lineText(l))?.[1];
  const known = ctx.schema.fields;
  // js-yaml may mark the end of the fields: start from the last line in them.
  while (line > first && !inFields(line)) line--;
  // The block's field: the nearest field line above, opening a block.
  let header = line;
  while (inFields(header) && fieldAt(header) === undefined) header--;
  if (!inFields(header) || header === line) return false;
  const key = fieldAt(header)!;
  if (!known.includes(key) || !/^[A-Za-z_][\w-]*:[ \t]*[|>][-+]?[ \t]*$/.test(lines.lineText(header))) return false;
  const edits: { start: number; end: number; newText: string }[] = [];
  let firstAtMargin: number | undefined;
  for (let l = header + 1; inFields(l); l++) {
    const t = lines.lineText(l);
    const k = fieldAt(l);
    if (k !== undefined && known.includes(k)) break;
    if (/^\S/.test(t)) {
      firstAtMargin ??= l;
      edits.push({ start: lines.starts[l], end: lines.starts[l], newText: '  ' });
    }
  }
  if (firstAtMargin === undefined || firstAtMargin > line) return false;
  const fix: Fix = { title: ctx.msg('fix-indent-block', key), edits, preferred: mendsAll(ctx, edits, firstAtMargin) };
  reportLine(ctx, firstAtMargin, ctx.msg('yaml-block-unindented', key), 'yaml-syntax', [fix]);
  return true;
}

/**
 * The nearest line at or above `line` that starts at the left margin: where the reader took an
 * indented run of lines for one long key (`question |` with its text below), it stumbles at the
 * run's end.
 */
function fieldLineAbove(ctx: CheckContext, line: number): number {
  const { lines } = ctx.article;
  const first = lines.positionAt(ctx.article.frontmatter!.contentStart).line;
  let l = Math.min(line, lines.lineCount - 1);
  while (l > first && (lines.starts[l] >= ctx.article.frontmatter!.contentEnd || /^(\s|$)/.test(lines.lineText(l)))) l--;
  return l;
}

const text = (ctx: CheckContext, at: number) => ctx.article.text[at];

function trimBlanksEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === ' ' || s[e - 1] === '\t')) e--;
  return s.slice(0, e);
}

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

/** Reports a whole line (from its first non-space character). */
function reportLine(ctx: CheckContext, line: number, message: string, rule: 'yaml-syntax' | 'yaml-duplicate-key' = 'yaml-syntax', fixes?: Fix[]): void {
  const { lines } = ctx.article;
  const l = Math.max(0, Math.min(line, lines.lineCount - 1));
  const t = lines.lineText(l);
  const s = lines.starts[l] + /^\s*/.exec(t)![0].length;
  ctx.report(rule, s, Math.max(s + 1, lines.starts[l] + t.length), message, fixes);
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
  const fix = { title: ctx.msg(fence ? 'fix-unindent-fence' : 'fix-tab'), edits: [edit], preferred: mendsLine(ctx, edit, line) };
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

function duplicateKeyAt(ctx: CheckContext, pos: number): { key: string; start: number; end: number } | undefined {
  const seen = new Set<string>();
  let best: { key: string; start: number; end: number } | undefined;
  for (const f of ctx.article.fieldList) {
    if (seen.has(f.key) && f.keyStart <= pos + 1) best = { key: f.key, start: f.keyStart, end: f.keyEnd };
    seen.add(f.key);
  }
  if (best) return best;
  // A nested duplicate: take the word at the position.
  const t = ctx.article.text;
  let s = pos;
  let e = pos;
  while (s > 0 && /[\w-]/.test(t[s - 1])) s--;
  while (e < t.length && /[\w-]/.test(t[e])) e++;
  return e > s ? { key: t.slice(s, e), start: s, end: e } : undefined;
}

/**
 * A quote left open on its line whose "closing" quote is really the opening quote of a later
 * value (text follows it on its line): `title: "Ont` above `description: "Text"`.
 */
function danglingQuoteBefore(ctx: CheckContext, pos: number): { start: number; end: number } | undefined {
  const open = openingQuoteBefore(ctx, pos);
  if (!open) return undefined;
  const { text } = ctx.article;
  const q = text[open.start];
  let i = open.start + 1;
  for (; i < pos; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else break;
    }
  }
  if (i >= pos) return open;
  const after = text.slice(i + 1, ctx.article.lines.lineEnd(ctx.article.lines.positionAt(i).line));
  return /^[ \t]*(#.*)?$/.test(after) ? undefined : open;
}

/** The quote that opens a value and is not closed on its line, searching back from `pos`. */
function openingQuoteBefore(ctx: CheckContext, pos: number): { start: number; end: number } | undefined {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const last = lines.positionAt(Math.min(pos, fm.contentEnd)).line;
  for (let l = last; l >= 0 && lines.starts[l] >= fm.contentStart; l--) {
    const t = lines.lineText(l);
    const m = /^(\s*(?:-\s+|[^\s:#][^:]*:\s+))(["'])(.*)$/.exec(t);
    if (!m) continue;
    const q = m[2];
    const rest = m[3];
    const closed = q === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) {
      const s = lines.starts[l] + m[1].length;
      return { start: s, end: lines.starts[l] + t.length };
    }
  }
  return undefined;
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

/** The offset of a `[` or `{` on a line at or above `pos` that its line does not close. */
function unclosedBracketBefore(ctx: CheckContext, pos: number): number | undefined {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  for (let l = lines.positionAt(Math.min(pos, fm.contentEnd)).line; l >= 0 && lines.starts[l] >= fm.contentStart; l--) {
    const t = lines.lineText(l);
    let depth = 0;
    let quote: string | undefined;
    let open: number | undefined;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') {
        if (depth++ === 0) open = i;
      } else if (c === ']' || c === '}') depth--;
    }
    if (depth > 0 && open !== undefined) return lines.starts[l] + open;
  }
  return undefined;
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

/** Set while a fix is being tried, so the check of the edited text does not try its own fixes. */
let trying = false;

/**
 * Whether an edit leaves its line (and the lines next to it) reading as YAML to the site: the
 * edited text is checked as the writer would see it. A fix that would not is still offered, but
 * a fix-all does not apply it: the line needs a person.
 */
function mendsLine(ctx: CheckContext, edit: { start: number; end: number; newText: string }, line: number): boolean {
  if (trying) return true;
  const { text } = ctx.article;
  trying = true;
  try {
    const after = parseArticle(text.slice(0, edit.start) + edit.newText + text.slice(edit.end));
    const check = new CheckContext(after, ctx.schema, ctx.config, ctx.lang, undefined, undefined, (f) => f);
    checkFrontmatter(check);
    const shift = edit.newText.split(/\r\n|\r|\n/).length - text.slice(edit.start, edit.end).split(/\r\n|\r|\n/).length;
    return !check.problems.some((p) => (p.rule === 'yaml-syntax' || p.rule.startsWith('frontmatter-')) && p.range.start.line >= line - 1 && p.range.start.line <= line + 1 + Math.max(0, shift));
  } finally {
    trying = false;
  }
}
