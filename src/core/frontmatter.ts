/** Where the frontmatter block sits in a document (UTF-16 offsets). */
export interface FrontmatterBlock {
  /**
   * How the site reads the fields, decided by the opening fence as its build decides it: YAML
   * after `---`, TOML after `+++` (whichever fence closes the block).
   */
  kind: 'yaml' | 'toml';
  /** Offset of the opening `---` (or `+++`). */
  openStart: number;
  /** End of the opening fence line (before its break). */
  openEnd: number;
  /**
   * First offset of the YAML text: after the opening fence's line break, or right after its
   * `---` when the fence line carries more than spaces (the site reads that rest as YAML).
   */
  contentStart: number;
  /** End of the YAML text (start of the closing fence line, or end of text when unclosed). */
  contentEnd: number;
  /** Closing fence offsets; undefined when the block is never closed. */
  closeStart?: number;
  closeEnd?: number;
  /** Where the Markdown body starts. */
  bodyStart: number;
  /** The text the site's reader gets: from just after the opening `---` to the closing line's start. */
  siteStart: number;
}

const isBreak = (c: number) => c === 10 || c === 13;
const WHITESPACE = /\s/;
const BLANK_REST = /^[ \t]*$/;

function lineEndAt(text: string, i: number): number {
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

function skipBreak(text: string, i: number): number {
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i < text.length ? i + 1 : i;
}

const isFence = (text: string, at: number) => text.startsWith('---', at) || text.startsWith('+++', at);

/** Where the opening `---` or `+++` is, as the site's pattern `(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)` finds it; -1 when there is none. */
function openingFence(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (isFence(text, bom)) return bom;
  let w = 0;
  while (w < text.length && WHITESPACE.test(text[w])) w++;
  return w > 0 && text.charCodeAt(w - 1) === 10 && isFence(text, w) ? w : -1;
}

/**
 * Finds the frontmatter exactly as the site's build does (Astro's markdown pipeline): a `---` or
 * `+++` at the very start (after an optional BOM or whitespace-only lines), closed by the next
 * line that starts with `---` or `+++` (the site's pattern takes either as a fence), whatever
 * follows on it. The opening fence decides how the site reads the fields (`kind`). Returns
 * undefined when the document does not open with a fence. When no closing line exists the
 * block runs to the end and `closeStart` is undefined: the site then sees no frontmatter at all.
 */
export function findFrontmatter(text: string): FrontmatterBlock | undefined {
  const openStart = openingFence(text);
  if (openStart < 0) return undefined;
  const kind = text.startsWith('+++', openStart) ? 'toml' : 'yaml';
  const openEnd = lineEndAt(text, openStart);
  const siteStart = openStart + 3;
  // Only spaces and tabs are blank to the site's YAML reader: any other character after the
  // `---` (a no-break space, U+2028 from a word processor) is YAML text it reads.
  const contentStart = BLANK_REST.test(text.slice(siteStart, openEnd)) ? skipBreak(text, openEnd) : siteStart;
  // The site's pattern: the shortest run from the fence up to a "\n" followed by "---" or
  // "+++" (its pattern closes either kind of frontmatter with either fence).
  const dashes = text.indexOf('\n---', siteStart);
  const pluses = text.indexOf('\n+++', siteStart);
  const nl = dashes < 0 ? pluses : pluses < 0 ? dashes : Math.min(dashes, pluses);
  if (nl < 0) {
    return { kind, openStart, openEnd, contentStart: Math.min(contentStart, text.length), contentEnd: text.length, bodyStart: text.length, siteStart };
  }
  const closeStart = nl + 1;
  const closeEnd = lineEndAt(text, closeStart);
  return { kind, openStart, openEnd, contentStart: Math.min(contentStart, closeStart), contentEnd: closeStart, closeStart, closeEnd, bodyStart: skipBreak(text, closeEnd), siteStart };
}
