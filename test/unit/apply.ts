import type { Problem, TextEdit } from '../../src/core/types';

/** Applies edits (document offsets, non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies a problem's first (or preferred) fix. */
export function applyAll(text: string, p: Problem): string {
  const fix = p.fixes?.find((f) => f.preferred) ?? p.fixes?.[0];
  if (!fix) throw new Error(`no fix for ${p.rule}: ${p.message}`);
  return applyEdits(text, fix.edits);
}
