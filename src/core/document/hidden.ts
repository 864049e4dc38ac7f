import MarkdownIt from 'markdown-it';
import type { LineIndex } from '../lines';

/**
 * Lines of the answer that hold no text a reader of the page sees: link reference definitions
 * (`[1]: https://… "Titel"`), HTML comments, thematic breaks (`---`). The rules that look for
 * the end of the answer's text (a signature, the place of the summary) pass over them, and the
 * readability counts leave the definitions out, as the preview does.
 */
export interface HiddenLines {
  /** Whether any line is hidden (when none is, the answer was not parsed). */
  any: boolean;
  /** Whether line `l` of the document shows no text: a definition, a comment, a break, or only a list or quote marker. */
  hidden(l: number): boolean;
  /** Whether line `l` is a definition or a break (or only a marker), which the preview shows no text for either. */
  unrendered(l: number): boolean;
}

const TEXT = 0;
/** A line in no block with text: a reference definition, or a line of only list or quote markers. */
const MARKUP = 1;
const BREAK = 2;
/** An HTML block of only comments: the site passes it through, and the browser shows nothing. */
const COMMENT = 3;

const NONE: HiddenLines = { any: false, hidden: () => false, unrendered: () => false };

/**
 * The answer read as the site reads it, blocks only: raw HTML on (the site's Markdown passes it
 * through; the preview's renderer has it off), and no inline parse, which nothing here needs.
 */
const blocks = new MarkdownIt({ html: true });
blocks.core.ruler.enableOnly(['normalize', 'block']);

// A thematic break: three or more of one of - * _, spaces and tabs between, up to three spaces first.
const BREAK_LINE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/m;

/** Blocks whose lines are text on the page. */
const TEXT_BLOCKS = new Set(['paragraph_open', 'heading_open', 'code_block', 'fence', 'table_open']);

let last: { lines: LineIndex; bodyStart: number; hidden: HiddenLines } | undefined;

/** The hidden lines of the answer that starts at `bodyStart` (worked out once for the text asked about last). */
export function hiddenLines(lines: LineIndex, bodyStart: number): HiddenLines {
  if (last?.lines !== lines || last.bodyStart !== bodyStart) last = { lines, bodyStart, hidden: findHidden(lines, bodyStart) };
  return last.hidden;
}

function findHidden(lines: LineIndex, bodyStart: number): HiddenLines {
  const text = lines.text;
  // Every definition holds `]:`, every comment `<!--`; a break is a line of its own. Nearly
  // every answer has none of them, and is not parsed.
  if (text.indexOf(']:', bodyStart) < 0 && text.indexOf('<!--', bodyStart) < 0 && !BREAK_LINE.test(text.slice(bodyStart))) return NONE;
  const first = lines.positionAt(bodyStart).line;
  const kinds = new Uint8Array(lines.lineCount - first).fill(MARKUP);
  const mark = (map: [number, number] | null, kind: number) => {
    if (map) kinds.fill(kind, map[0], map[1]);
  };
  for (const t of blocks.parse(text.slice(bodyStart), {})) {
    if (TEXT_BLOCKS.has(t.type)) mark(t.map, TEXT);
    else if (t.type === 'hr') mark(t.map, BREAK);
    else if (t.type === 'html_block') mark(t.map, onlyComments(t.content) ? COMMENT : TEXT);
  }
  // A blank line is in no block (or inside a comment): it is blank, not hidden. Settled once here, not at every question.
  for (let k = 0; k < kinds.length; k++) if (kinds[k] !== TEXT && lines.lineText(first + k).trim() === '') kinds[k] = TEXT;
  const kind = (l: number): number => {
    const k = l - first;
    return k < 0 || k >= kinds.length ? TEXT : kinds[k];
  };
  return {
    any: true,
    hidden: (l) => kind(l) !== TEXT,
    unrendered: (l) => {
      const k = kind(l);
      return k === MARKUP || k === BREAK;
    },
  };
}

/** Whether an HTML block is only comments and white space (a comment never closed runs to the end). */
function onlyComments(html: string): boolean {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() === '';
}
