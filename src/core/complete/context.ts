import { findFrontmatter } from '../frontmatter';
import { LineIndex } from '../lines';

export type Quote = '"' | "'" | '';

/** The frontmatter's top-level keys as the lines show them, read without a YAML parser (the text is often half-typed). */
export interface FrontmatterLines {
  /** Top-level keys in source order, with the raw text after `:` (trimmed, comment removed). */
  keys: { key: string; line: number; raw: string }[];
}

/** What sits at the cursor inside the frontmatter. */
export type CursorContext =
  | {
      kind: 'field';
      /** The part of a field name already typed, and the range a completion replaces. */
      partial: string;
      start: number;
      end: number;
      present: Set<string>;
      fm: FrontmatterLines;
    }
  | {
      /** A scalar value (`key: va|`) or a list item (`[a, b|]`, `- b|`). */
      kind: 'value' | 'item';
      key: string;
      partial: string;
      start: number;
      end: number;
      /** The quote the user opened ('' when none); `closed` when its closing quote is already there. */
      quote: Quote;
      closed: boolean;
      /** Text to put before the value, e.g. a space after a bare `:` or `-`. */
      lead: string;
      /** Items of the list other than the one at the cursor (unquoted). */
      siblings: string[];
      /** Quote style of the list's other items ('"' when the list has none). */
      listQuote: Quote;
      style?: 'flow' | 'block';
      fm: FrontmatterLines;
    };

const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)(.*)$/;

/** The cursor context at `offset`, or undefined outside the frontmatter or where nothing can be offered. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const block = findFrontmatter(text);
  // Fields in TOML (`+++`): every suggestion would be written as YAML.
  if (!block || block.kind === 'toml') return undefined;
  const inside = offset >= block.contentStart && (block.closeStart === undefined ? offset <= block.contentEnd : offset < block.contentEnd);
  if (!inside) return undefined;
  const lines = new LineIndex(text);
  const firstLine = lines.positionAt(block.contentStart).line;
  const lastLine = block.closeStart === undefined ? lines.lineCount - 1 : lines.positionAt(block.closeStart).line - 1;
  const fm = readLines(lines, firstLine, lastLine);
  const pos = lines.positionAt(offset);
  const lineStart = lines.starts[pos.line];
  const lineText = lines.lineText(pos.line);
  const before = lineText.slice(0, pos.character);
  if (/(^|[ \t])#/.test(stripQuoted(before))) return undefined;

  const keyMatch = KEY_LINE.exec(lineText);
  if (keyMatch && pos.character > keyMatch[1].length) {
    const colon = lineText.indexOf(':', keyMatch[1].length);
    if (pos.character <= colon) return undefined;
    return valueContext(keyMatch[1], lineText, lineStart, colon + 1, pos.character, fm);
  }
  if (/^[A-Za-z_][\w.-]*$|^$/.test(before) && !/^[\w.-]*[ \t]*:/.test(lineText.slice(pos.character))) {
    if (before === '' && insideBlock(lines, pos.line, firstLine, lastLine)) return undefined;
    const rest = /^[\w.-]*/.exec(lineText.slice(pos.character))![0];
    const present = new Set(fm.keys.filter((k) => k.line !== pos.line).map((k) => k.key));
    return { kind: 'field', partial: before, start: lineStart, end: lineStart + pos.character + rest.length, present, fm };
  }
  const dash = /^([ \t]*)-(?=[ \t]|$)/.exec(lineText);
  const owner = ownerKey(fm, pos.line);
  if (dash && pos.character > dash[0].length - 1 && owner && owner.raw === '') {
    const siblings = blockItems(lines, owner.line, lastLine, fm).filter((s) => s.line !== pos.line);
    const ctx = scalarAt(lineText, lineStart, dash[0].length, pos.character);
    if (!ctx) return undefined;
    return { kind: 'item', key: owner.key, ...ctx, siblings: siblings.map((s) => s.value), listQuote: listQuote(siblings.map((s) => s.quote)), style: 'block', fm };
  }
  if (/^[ \t]+$/.test(before) && lineText.trim() === '' && owner && owner.raw === '' && owner.line === previousContentLine(lines, pos.line, firstLine, owner.line)) {
    // An indented empty line right under `tags:` (or under its items): offer items with their dash.
    const siblings = blockItems(lines, owner.line, lastLine, fm);
    return { kind: 'item', key: owner.key, partial: '', start: offset, end: lineStart + lineText.length, quote: '', closed: false, lead: '- ', siblings: siblings.map((s) => s.value), listQuote: listQuote(siblings.map((s) => s.quote)), style: 'block', fm };
  }
  return undefined;
}

function valueContext(key: string, lineText: string, lineStart: number, afterColon: number, cursor: number, fm: FrontmatterLines): CursorContext | undefined {
  const valueStart = afterColon + (/^[ \t]*/.exec(lineText.slice(afterColon))![0].length);
  if (cursor < valueStart && cursor !== afterColon) return undefined;
  const first = lineText[valueStart];
  if (first === '[') return flowContext(key, lineText, lineStart, valueStart, cursor, fm);
  if (first === '|' || first === '>' || first === '{' || first === '&' || first === '*' || first === '!') return undefined;
  const ctx = scalarAt(lineText, lineStart, afterColon, cursor);
  if (!ctx) return undefined;
  return { kind: 'value', key, ...ctx, siblings: [], listQuote: '"', fm };
}

/** A scalar starting after `from` (a `:` or `-`): its quote, typed part and replace range. */
function scalarAt(lineText: string, lineStart: number, from: number, cursor: number) {
  const ws = /^[ \t]*/.exec(lineText.slice(from))![0].length;
  const start = from + ws;
  if (cursor < start) return undefined;
  return token(lineText, lineStart, start, cursor, lineText.length, ws === 0 && start === cursor ? ' ' : '');
}

/** The token from `start` (quoted or plain) within `[start, limit)`, as seen from the cursor. */
function token(lineText: string, lineStart: number, start: number, cursor: number, limit: number, lead: string) {
  const q = lineText[start];
  if (q === '"' || q === "'") {
    const close = closingQuote(lineText, start + 1, q, limit);
    if (close >= 0 && cursor > close) return undefined;
    if (cursor === start) return undefined;
    const end = close >= 0 ? close : start + 1 + /^[^,\]"'#]*/.exec(lineText.slice(start + 1, limit))![0].trimEnd().length;
    return { partial: lineText.slice(start + 1, cursor), start: lineStart + start + 1, end: lineStart + Math.max(end, cursor), quote: q as Quote, closed: close >= 0, lead };
  }
  let end = limit;
  const comment = lineText.slice(start, limit).search(/[ \t]#/);
  if (comment >= 0) end = start + comment;
  while (end > start && /[ \t]/.test(lineText[end - 1])) end--;
  if (cursor > end) return undefined;
  return { partial: lineText.slice(start, cursor), start: lineStart + start, end: lineStart + end, quote: '' as Quote, closed: false, lead };
}

function flowContext(key: string, lineText: string, lineStart: number, open: number, cursor: number, fm: FrontmatterLines): CursorContext | undefined {
  if (cursor <= open) return undefined;
  const segments = flowSegments(lineText, open + 1);
  if (segments.closedAt >= 0 && cursor > segments.closedAt) return undefined;
  const seg = segments.items.find((s) => cursor >= s.from && cursor <= s.to);
  if (!seg) return undefined;
  const ws = /^[ \t]*/.exec(lineText.slice(seg.from, seg.to))![0].length;
  const start = seg.from + ws;
  const tok = cursor < start ? { partial: '', start: lineStart + cursor, end: lineStart + cursor, quote: '' as Quote, closed: false, lead: '' } : token(lineText, lineStart, start, cursor, seg.to, '');
  if (!tok) return undefined;
  const others = segments.items.filter((s) => s !== seg).map((s) => unquote(lineText.slice(s.from, s.to).trim())).filter((s) => s.value !== '');
  return { kind: 'item', key, ...tok, siblings: others.map((s) => s.value), listQuote: listQuote(others.map((s) => s.quote)), style: 'flow', fm };
}

/** Splits a flow list's items at commas outside quotes, up to its `]`. */
function flowSegments(lineText: string, from: number): { items: { from: number; to: number }[]; closedAt: number } {
  const items: { from: number; to: number }[] = [];
  let segStart = from;
  let q = '';
  for (let i = from; i < lineText.length; i++) {
    const c = lineText[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === ',') {
      items.push({ from: segStart, to: i });
      segStart = i + 1;
    } else if (c === ']') {
      items.push({ from: segStart, to: i });
      return { items, closedAt: i };
    }
  }
  items.push({ from: segStart, to: lineText.length });
  return { items, closedAt: -1 };
}

function closingQuote(s: string, from: number, q: string, limit: number): number {
  for (let i = from; i < limit; i++) {
    if (q === '"' && s[i] === '\\') i++;
    else if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** A raw item or value without its quotes. */
export function unquote(raw: string): { value: string; quote: Quote } {
  const m = /^(["'])(.*)\1$/.exec(raw);
  if (!m) return { value: raw, quote: '' };
  const q = m[1] as Quote;
  return { value: q === '"' ? m[2].replace(/\\(.)/g, '$1') : m[2].replace(/''/g, "'"), quote: q };
}

function listQuote(quotes: Quote[]): Quote {
  if (quotes.length === 0) return '"';
  return quotes.find((q) => q !== '') ?? '';
}

function stripQuoted(s: string): string {
  return s.replace(/"(?:[^"\\]|\\.)*"?|'[^']*'?/g, '');
}

function readLines(lines: LineIndex, first: number, last: number): FrontmatterLines {
  const keys: FrontmatterLines['keys'] = [];
  for (let l = first; l <= last; l++) {
    const m = KEY_LINE.exec(lines.lineText(l));
    if (m) keys.push({ key: m[1], line: l, raw: m[2].replace(/(^|[ \t])#.*$/, '').trim() });
  }
  return { keys };
}

/** The top-level key a line belongs to: the nearest key line above it. */
function ownerKey(fm: FrontmatterLines, line: number) {
  let owner: FrontmatterLines['keys'][number] | undefined;
  for (const k of fm.keys) if (k.line < line) owner = k;
  return owner;
}

/**
 * The value of a `- item` line without a trailing comment or blanks, as
 * `/^[ \t]*-[ \t]+(.*?)[ \t]*(?:[ \t]#.*)?$/` gives it, but scanned: that pattern is quadratic on
 * a long run of blanks inside the value.
 */
function itemValue(line: string): string | undefined {
  const dash = /^[ \t]*-[ \t]+/.exec(line);
  if (!dash) return undefined;
  let rest = line.slice(dash[0].length);
  const comment = rest.search(/[ \t]#/);
  if (comment >= 0) rest = rest.slice(0, comment);
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
  return rest.slice(0, end);
}

function blockItems(lines: LineIndex, ownerLine: number, last: number, fm: FrontmatterLines): { line: number; value: string; quote: Quote }[] {
  const next = fm.keys.find((k) => k.line > ownerLine)?.line ?? last + 1;
  const out: { line: number; value: string; quote: Quote }[] = [];
  for (let l = ownerLine + 1; l < next; l++) {
    const value = itemValue(lines.lineText(l));
    if (value) out.push({ line: l, ...unquote(value) });
  }
  return out;
}

function previousContentLine(lines: LineIndex, line: number, first: number, fallback: number): number {
  for (let l = line - 1; l >= first; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    return /^[ \t]*-/.test(t) ? fallback : l;
  }
  return -1;
}

/** True when an empty line sits inside an indented block (a `|` question with blank lines). */
function insideBlock(lines: LineIndex, line: number, first: number, last: number): boolean {
  let prev = '';
  for (let l = line - 1; l >= first; l--) if ((prev = lines.lineText(l)).trim() !== '') break;
  let next = '';
  for (let l = line + 1; l <= last; l++) if ((next = lines.lineText(l)).trim() !== '') break;
  return /^[ \t]+\S/.test(prev) && /^[ \t]+\S/.test(next) && !/^[ \t]*-/.test(next);
}

/** A top-level key's value without quotes, as typed (e.g. the article's category). */
export function rawValue(fm: FrontmatterLines, key: string): string | undefined {
  const k = fm.keys.find((x) => x.key === key);
  return k ? unquote(k.raw).value : undefined;
}
