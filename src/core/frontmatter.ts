/** Where the frontmatter block sits in a document (UTF-16 offsets). */
export interface FrontmatterBlock {
  /** Offset of the opening `---`. */
  openStart: number;
  /** End of the opening fence line (before its break). */
  openEnd: number;
  /** First offset of the YAML text (after the opening fence's line break). */
  contentStart: number;
  /** End of the YAML text (start of the closing fence line, or end of text when unclosed). */
  contentEnd: number;
  /** Closing fence offsets; undefined when the block is never closed. */
  closeStart?: number;
  closeEnd?: number;
  /** Where the Markdown body starts. */
  bodyStart: number;
}

const isBreak = (c: number) => c === 10 || c === 13;

function lineEndAt(text: string, i: number): number {
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

function skipBreak(text: string, i: number): number {
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i < text.length ? i + 1 : i;
}

/** True when a line is a fence: `---` with only trailing spaces or tabs. */
function isFence(line: string): boolean {
  return /^---[ \t]*$/.test(line);
}

/**
 * Finds the frontmatter as the site does: a `---` line at the very start, after an optional
 * BOM and optional blank lines, closed by the next `---` line. Returns undefined when the
 * document does not open with a fence.
 */
export function findFrontmatter(text: string): FrontmatterBlock | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Leading blank (whitespace-only) lines are tolerated.
  for (;;) {
    const end = lineEndAt(text, i);
    const line = text.slice(i, end);
    if (line.trim() === '' && end < text.length) {
      i = skipBreak(text, end);
      continue;
    }
    if (!isFence(line)) return undefined;
    const openStart = i;
    const openEnd = end;
    const contentStart = skipBreak(text, end);
    let j = contentStart;
    while (j < text.length) {
      const e = lineEndAt(text, j);
      if (isFence(text.slice(j, e))) {
        return { openStart, openEnd, contentStart, contentEnd: j, closeStart: j, closeEnd: e, bodyStart: skipBreak(text, e) };
      }
      j = skipBreak(text, e);
    }
    return { openStart, openEnd, contentStart: Math.min(contentStart, text.length), contentEnd: text.length, bodyStart: text.length };
  }
}
