// Field lines in the shapes writers break them, found where the site's reader stumbled: a
// full-width colon or wide space after a key, and fields written in a shape the reader refuses
// (a colon left out, two fields on one line, text after a block's `|`, a question pasted at the
// left margin …); the invisible characters a word processor pastes are in invisibleShapes.ts.
// Each names the cause on its line, with a fix that changes only what it names; checkFrontmatter
// asks these first.
import type { CheckContext } from './context';
import type { YamlIssue } from '../parse';
import { fieldSchema } from '../schema';
import type { Fix } from '../types';
import { doubleQuoted } from '../yaml/quote';
import { siteErrorKind } from '../yaml/siteErrors';
import { mendsAll, mendsLine, reportLine, trimBlanksEnd } from './mend';

/** A key, then a colon or a space YAML does not read as one: a no-break or other wide space, or a full-width colon. */
const ODD_SEPARATOR = /^([A-Za-z_][\w-]*)(?:(:)([ \t]*[\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*)|[ \t]*(\uff1a)[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*)(?=\S)/;

/**
 * A field whose key and value are parted by what only looks like `: ` (text pasted from a word
 * processor brings a no-break space; some keyboards a full-width colon), at or above where the
 * site's reader stumbled: the error is there, and its fix the ordinary `: `.
 */
export function oddSeparator(ctx: CheckContext, issue: YamlIssue): boolean {
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
 * A field of the schema written in a shape the site's reader refuses, on `line` (where the
 * reader stumbled, the line above it, or the field line above an indented run): indented above
 * a field that is not, its name broken over two lines, a stray quote before its name, the colon
 * after the name left out (`question |`), two fields run together on one line (`published:
 * truequestion: |`, a line break lost), stray marks or text right after a block's `|`, or a
 * list item on the field's own line (`tags: - axel`).
 */
export function fieldShape(ctx: CheckContext, line: number): boolean {
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
  // `tags: ["knä";"smärta"]`, `tags: ["knä",, "smärta"]`: quoted items parted by something other
  // than a comma (a semicolon, as a spreadsheet writes lists, or nothing), or a comma with no item before it.
  if (rest.startsWith('[') && fieldSchema(ctx.schema, key)?.type === 'array') {
    const list = listSeparators(rest);
    if (list) {
      const from = km[0].length;
      const message = list.wrong === ',' ? ctx.msg('yaml-list-empty-item', key) : list.wrong === '' ? ctx.msg('yaml-list-no-comma', key) : ctx.msg('yaml-list-separator', key, list.wrong);
      return report(from, from + list.end, message, { start: start + from, end: start + from + list.end, newText: list.mended }, ctx.msg('fix-list-commas'));
    }
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
export function unindentedBlock(ctx: CheckContext, line: number): boolean {
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
export function fieldLineAbove(ctx: CheckContext, line: number): number {
  const { lines } = ctx.article;
  const first = lines.positionAt(ctx.article.frontmatter!.contentStart).line;
  let l = Math.min(line, lines.lineCount - 1);
  while (l > first && (lines.starts[l] >= ctx.article.frontmatter!.contentEnd || /^(\s|$)/.test(lines.lineText(l)))) l--;
  return l;
}

/**
 * A one-line flow list (`[…]`, from `rest`'s start) whose items are parted by something other
 * than one comma: the first wrong separator (`;`, `''` when there is only a space, `,` for a
 * comma with no item before it), the end of the list, and the list written with one comma
 * between its items. Undefined when every item is parted by one comma, or the list is not one
 * this reading knows (not closed on the line, nested, a plain item holding a quote or a bracket).
 */
export function listSeparators(rest: string): { wrong: string; end: number; mended: string } | undefined {
  const items: string[] = [];
  let wrong: string | undefined;
  let i = 1;
  const skip = () => {
    while (rest[i] === ' ' || rest[i] === '\t') i++;
  };
  for (;;) {
    skip();
    const c = rest[i];
    if (c === undefined || c === '[' || c === '{') return undefined;
    if (c === ']') break;
    if (c === ',') {
      // A comma where an item belongs (`[,` or `,,`); one after the last item (`, ]`) YAML allows.
      wrong ??= ',';
      i++;
      continue;
    }
    const from = i;
    let quoted = false;
    if (c === '"' || c === "'") {
      quoted = true;
      for (i++; ; i++) {
        if (i >= rest.length) return undefined;
        if (c === '"' && rest[i] === '\\') i++;
        else if (rest[i] === c) {
          if (c === "'" && rest[i + 1] === "'") i++;
          else break;
        }
      }
      i++;
    } else {
      while (i < rest.length && rest[i] !== ',' && rest[i] !== ']') {
        if (/["'[\]{}#]/.test(rest[i])) return undefined;
        i++;
      }
    }
    items.push(trimBlanksEnd(rest.slice(from, i)));
    skip();
    if (rest[i] === ',') {
      i++;
      continue;
    }
    if (rest[i] === ']') break;
    // After a quoted item, what stands before the next item is a separator the writer meant.
    if (!quoted) return undefined;
    const sep = i;
    while (i < rest.length && !/[\s"'\],]/.test(rest[i])) i++;
    const typed = rest.slice(sep, i);
    // `"a": "b"` is a mapping in the list, which YAML reads: no separator.
    if (typed.length > 3 || typed.includes(':')) return undefined;
    wrong ??= typed;
    skip();
    if (rest[i] === ',') i++;
  }
  if (wrong === undefined || items.length === 0) return undefined;
  return { wrong, end: i + 1, mended: '[' + items.join(', ') + ']' };
}
