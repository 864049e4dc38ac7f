import type { LineIndex } from '../lines';

/** The summary block of an answer, as both the house-style rule and the preview see it. */
export interface SummaryBlock {
  /** 0-based document lines: the label line, and the end of the block (exclusive). */
  labelLine: number;
  endLine: number;
  /** Document offsets of the label line (without its line break). */
  start: number;
  end: number;
  /** Top-level bullets right after the label. */
  bullets: number;
  /** Text after the label on its own line (`**Sammanfattning:** text`, the inline form). */
  intro?: string;
}

// The label, in the forms writers use: `**Sammanfattning:**`, `**Sammanfattning**:`,
// `__Sammanfattning:__`, a plain `Sammanfattning:` line, or a heading `## Sammanfattning`.
// Blanks, an optional colon and optional closing #s are written `[ \t]*(?::[ \t]*)?`, not
// `[ \t]*:?[ \t]*`: the same lines, but a run of blanks splits only one way, so a long run
// followed by no label is rejected in linear time (the other form is quadratic, cubic with `#*`).
const BOLD_LABEL = /^[ \t]{0,3}(\*\*|__)[ \t]*Sammanfattning[ \t]*(?::[ \t]*)?\1[ \t]*:?/i;
const PLAIN_LABEL = /^[ \t]{0,3}Sammanfattning[ \t]*:[ \t]*$/i;
const HEADING_LABEL = /^[ \t]{0,3}#{1,6}[ \t]+Sammanfattning[ \t]*(?::[ \t]*)?(?:#+[ \t]*)?$/i;
const BULLET = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** Whether a line after `prev` starts a new Markdown block even without a blank line. */
function startsBlockAfter(prev: string): boolean {
  return prev.trim() === '' || /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/.test(prev) || FENCE.test(prev);
}

/**
 * Finds the answer's summary block: the last label line outside code fences, and the bullets
 * that follow it (blank lines between label and list allowed; an indented line continues an
 * item). The one detector the `summary-block` rule and the preview share.
 */
export function findSummaryBlock(lines: LineIndex, bodyStart: number): SummaryBlock | undefined {
  // Found once per text: the rules and the preview each ask, one after the other. One entry (the
  // text asked about last) rather than a WeakMap of all texts: a WeakMap costs more to read and
  // add to, and its entries are work for the garbage collector. A LineIndex is never changed.
  if (last?.lines !== lines || last.bodyStart !== bodyStart) last = { lines, bodyStart, block: searchSummaryBlock(lines, bodyStart) };
  return last.block;
}

let last: { lines: LineIndex; bodyStart: number; block: SummaryBlock | undefined } | undefined;

// Where a label line may be: every label has the word, in the labels' own case folding.
const LABEL_WORD = /Sammanfattning/gi;

function searchSummaryBlock(lines: LineIndex, bodyStart: number): SummaryBlock | undefined {
  const text = lines.text;
  const first = lines.positionAt(bodyStart).line;
  if (text.indexOf('```', bodyStart) >= 0 || text.indexOf('~~~', bodyStart) >= 0) return searchFenced(lines, bodyStart, first);
  // Without a fence, only the lines with the word can be labels: they are found by searching the
  // text, not by reading every line.
  let found: SummaryBlock | undefined;
  LABEL_WORD.lastIndex = bodyStart;
  while (LABEL_WORD.test(text)) {
    const l = lines.positionAt(LABEL_WORD.lastIndex - 1).line;
    if (lines.starts[l] >= bodyStart) found = labelBlock(lines, l, bodyStart, first, lines.lineText(l)) ?? found;
    if (l + 1 >= lines.lineCount) break;
    LABEL_WORD.lastIndex = lines.starts[l + 1];
  }
  return found;
}

/** The search where the answer may have fenced code: every line is read, a fence's lines are passed over. */
function searchFenced(lines: LineIndex, bodyStart: number, first: number): SummaryBlock | undefined {
  let found: SummaryBlock | undefined;
  let fence: string | undefined;
  for (let l = first; l < lines.lineCount; l++) {
    if (lines.starts[l] < bodyStart) continue;
    const t = lines.lineText(l);
    const f = FENCE.exec(t);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && t.trim() === f[1]) fence = undefined;
      continue;
    }
    if (fence) continue;
    found = labelBlock(lines, l, bodyStart, first, t) ?? found;
  }
  return found;
}

/** The summary block whose label is line `l` (its text `t`, outside a fence), or undefined when the line is no label. */
function labelBlock(lines: LineIndex, l: number, bodyStart: number, first: number, t: string): SummaryBlock | undefined {
  const heading = HEADING_LABEL.test(t);
  const bold = heading ? null : BOLD_LABEL.exec(t);
  if (!heading && !bold && !PLAIN_LABEL.test(t)) return undefined;
  // Only a line that starts a block is a label: one right under a line of text continues
  // that paragraph in Markdown (a heading interrupts it).
  if (!heading && l > first && lines.starts[l - 1] >= bodyStart && !startsBlockAfter(lines.lineText(l - 1))) return undefined;
  const intro = bold ? t.slice(bold[0].length).trim() || undefined : undefined;
  let bullets = 0;
  let end = l + 1;
  for (let k = l + 1; k < lines.lineCount; k++) {
    const u = lines.lineText(k);
    if (u.trim() === '') {
      if (bullets > 0) {
        // A blank line ends the list unless the next line is another item or a continuation.
        const next = k + 1 < lines.lineCount ? lines.lineText(k + 1) : '';
        if (!BULLET.test(next) && !/^(?: {2,}|\t)\S/.test(next)) break;
      }
      continue;
    }
    if (BULLET.test(u)) bullets++;
    else if (bullets === 0 || !/^(?: {2,}|\t)\S/.test(u)) break;
    end = k + 1;
  }
  return { labelLine: l, endLine: end, start: lines.starts[l], end: lines.starts[l] + t.length, bullets, intro };
}
