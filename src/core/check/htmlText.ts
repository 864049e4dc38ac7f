import { rawHtmlText } from '../render/rawHtml';
import type { BodyLine } from './answerStyle';

// Raw HTML as markdown-it finds it (its common/html_re, common/html_blocks and rules_block/html_block),
// so that the readability rule reads the text the preview shows of it and nothing else.
const OPEN_TAG = `<[A-Za-z][A-Za-z0-9\\-]*(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)*\\s*\\/?>`;
const CLOSE_TAG = '<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>';
const BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|' +
  'h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** Start, end, and whether the block may interrupt a paragraph. */
const SEQUENCES: [RegExp, RegExp, boolean][] = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(${BLOCK_NAMES})(?=(\\s|/?>|$))`, 'i'), /^$/, true],
  [new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`), /^$/, false],
];
/** Raw HTML within a line of text: a tag, a comment, a processing instruction, a declaration or CDATA. */
const INLINE = new RegExp(`${OPEN_TAG}|${CLOSE_TAG}|<!---?>|<!--[\\s\\S]*?-->|<[?][\\s\\S]*?[?]>|<![A-Za-z][^>]*>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>`, 'g');
const INDENT = /^ {0,3}(?=<)/;
const LEADING = /^[ \t]*/;

/**
 * The HTML block that starts at line `n`, as markdown-it reads one: per line of it, the text a
 * reader sees (rawHtmlText: tags and what is never shown blanked). Undefined where none starts;
 * `inParagraph`: the line would go on a paragraph, which only some blocks may interrupt;
 * `column`: where a list item's text starts on the line (the block is the item's first).
 */
export function htmlBlockAt(lines: readonly BodyLine[], n: number, inParagraph: boolean, column = 0): string[] | undefined {
  const line = lines[n].text;
  const indent = INDENT.exec(line.slice(column));
  if (!indent) return undefined;
  const first = line.slice(column + indent[0].length);
  const seq = SEQUENCES.find(([start]) => start.test(first));
  if (!seq || (inParagraph && !seq[2])) return undefined;
  const [, end] = seq;
  const endsOnBlank = end.test('');
  let k = n + 1;
  if (!end.test(first)) {
    for (; k < lines.length; k++) {
      const lead = LEADING.exec(lines[k].text)![0].length;
      const t = lines[k].text.slice(lead);
      // In a list item (`column`), a line indented less than its text ends the item and the block.
      if (lead < column && (endsOnBlank || t.length !== 0)) break;
      if (end.test(t)) {
        if (t.length !== 0) k++;
        break;
      }
    }
  }
  // The list marker before `column` is no text.
  const text = ' '.repeat(column) + lines.slice(n, k).map((l) => l.text).join('\n').slice(column);
  return rawHtmlText(text).split('\n');
}

/**
 * A line of a paragraph, heading or list item with its raw HTML blanked (same length), as the
 * preview shows it: a tag is no text. Not in inline code, nor after a backslash.
 */
export function maskInlineHtml(text: string): string {
  if (!text.includes('<')) return text;
  const code: [number, number][] = [];
  if (text.includes('`')) for (const m of text.matchAll(/`+[^`]*`+/g)) code.push([m.index, m.index + m[0].length]);
  return text.replace(INLINE, (m: string, at: number) => {
    if (code.some(([s, e]) => at >= s && at < e)) return m;
    let slashes = 0;
    while (at - slashes - 1 >= 0 && text.charCodeAt(at - slashes - 1) === 0x5c) slashes++;
    return slashes % 2 === 1 ? m : rawHtmlText(m);
  });
}

/** Whether a line holds only spaces and tabs: between two newlines, the end of a sentence to LIX. */
export const isBlankText = (s: string): boolean => LEADING.exec(s)![0].length === s.length;
