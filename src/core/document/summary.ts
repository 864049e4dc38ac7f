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
  // Found once per text: the rules and the preview each ask.
  const known = found.get(lines);
  if (known && known.bodyStart === bodyStart) return known.block;
  const block = searchSummaryBlock(lines, bodyStart);
  found.set(lines, { bodyStart, block });
  return block;
}

const found = new WeakMap<LineIndex, { bodyStart: number; block: SummaryBlock | undefined }>();

function searchSummaryBlock(lines: LineIndex, bodyStart: number): SummaryBlock | undefined {
  let found: SummaryBlock | undefined;
  let fence: string | undefined;
  const first = lines.positionAt(bodyStart).line;
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
    const heading = HEADING_LABEL.test(t);
    const bold = heading ? null : BOLD_LABEL.exec(t);
    if (!heading && !bold && !PLAIN_LABEL.test(t)) continue;
    // Only a line that starts a block is a label: one right under a line of text continues
    // that paragraph in Markdown (a heading interrupts it).
    if (!heading && l > first && lines.starts[l - 1] >= bodyStart && !startsBlockAfter(lines.lineText(l - 1))) continue;
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
    found = { labelLine: l, endLine: end, start: lines.starts[l], end: lines.starts[l] + t.length, bullets, intro };
  }
  return found;
}
