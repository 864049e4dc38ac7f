/**
 * What went wrong, by js-yaml's reason: the classes the checker has a message in the writer's
 * words for. js-yaml's own text is never shown.
 */
export type SiteErrorKind =
  | 'unclosed-quote'
  | 'unclosed-list'
  | 'duplicate-key'
  | 'tab'
  | 'control-char'
  | 'too-deep'
  | 'bad-escape'
  | 'unknown-tag'
  | 'alias'
  | 'merge'
  | 'structure';

const KINDS: [RegExp, SiteErrorKind][] = [
  [/within a (double|single) quoted scalar/, 'unclosed-quote'],
  [/within a flow collection|missed comma between flow collection/, 'unclosed-list'],
  [/^duplicated mapping key/, 'duplicate-key'],
  [/^tab characters must not be used/, 'tab'],
  [/non-printable characters|null byte|expected valid JSON character/, 'control-char'],
  [/nesting exceeded maxDepth|^internal$/, 'too-deep'],
  [/unknown escape sequence|expected hexadecimal character/, 'bad-escape'],
  [/tag/, 'unknown-tag'],
  [/alias|anchor/, 'alias'],
  [/merge/, 'merge'],
];

/** The class of a js-yaml failure, from its reason. */
export function siteErrorKind(reason: string): SiteErrorKind {
  for (const [re, kind] of KINDS) if (re.test(reason)) return kind;
  return 'structure';
}

/** A character the site's reader refuses in a value: a C0 control other than tab and line breaks, DEL and C1 controls, U+FFFE/U+FFFF, a lone surrogate. */
function refused(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if ((c >= 0x7f && c <= 0x84) || (c >= 0x86 && c <= 0x9f) || c === 0xfffe || c === 0xffff) return true;
  if (c >= 0xd800 && c <= 0xdbff) return !(text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff);
  if (c >= 0xdc00 && c <= 0xdfff) return !(text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff);
  return false;
}

/**
 * The refused character js-yaml stopped at: its mark is on the character (a NUL) or at the end of
 * the value holding it, so the last one at or before the mark. -1 when there is none.
 */
export function controlCharBefore(text: string, from: number, mark: number): number {
  for (let i = Math.min(mark, text.length - 1); i >= from; i--) if (refused(text, i)) return i;
  return -1;
}

/** Every character the site's reader refuses in [from, to), at most `max` of them. */
export function refusedChars(text: string, from: number, to: number, max: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to && out.length < max; i++) if (refused(text, i)) out.push(i);
  return out;
}

/**
 * Characters that show as nothing or as a space but that YAML does not read as a space (only
 * the space and the tab are): the no-break and other wide spaces, zero-width characters, the
 * line and paragraph separators, NEL and a byte order mark inside the text. Text pasted from a
 * word processor brings them.
 */
export const INVISIBLE_CHARS = '\\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff';
export const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`);
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** The string without its invisible characters (see `INVISIBLE`). */
export function withoutInvisible(s: string): string {
  return s.replace(INVISIBLE_ALL, '');
}

/** Edits deleting each run of invisible characters in [from, to). */
export function invisibleEdits(text: string, from: number, to: number): { start: number; end: number; newText: string }[] {
  const out: { start: number; end: number; newText: string }[] = [];
  for (let i = from; i < to; i++) {
    if (!INVISIBLE.test(text[i])) continue;
    let j = i + 1;
    while (j < to && INVISIBLE.test(text[j])) j++;
    out.push({ start: i, end: j, newText: '' });
    i = j;
  }
  return out;
}

/** How a character is named in a message: U+000B. */
export function codePointName(ch: string): string {
  return 'U+' + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}
