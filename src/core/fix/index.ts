import type { Fix, Problem, TextEdit } from '../types';

/** Whether two edits touch the same text (two insertions at one point do not). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Edits in the order a text editor applies them: by start, insertions before replacements at the same point, otherwise as given. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i)
    .map((x) => x.e);
}

/** Applies edits given on the original text's offsets; throws when two of them overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (e.start < 0 || e.end > text.length || e.start > e.end) throw new RangeError(`edit out of range: ${e.start}-${e.end}`);
    if (i > 0 && editsOverlap(sorted[i - 1], e)) throw new RangeError(`overlapping edits at ${e.start}`);
    if (e.start < at) throw new RangeError(`overlapping edits at ${e.start}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The preferred fix of a problem: the one marked preferred, or the only one offered. */
export function preferredFix(p: Problem): Fix | undefined {
  const fixes = p.fixes ?? [];
  return fixes.find((f) => f.preferred);
}

export interface FixAllResult {
  edits: TextEdit[];
  /** The problems whose fix is part of `edits`. */
  fixed: Problem[];
}

/**
 * The edits of every preferred fix, in problem order, skipping a fix when any of its edits
 * overlaps an edit already taken (a later "fix all" run picks it up against the new text).
 */
export function fixAll(problems: readonly Problem[]): FixAllResult {
  const taken: TextEdit[] = [];
  const fixed: Problem[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    const fix = preferredFix(p);
    if (!fix || fix.edits.length === 0) continue;
    // Two problems can offer the very same edit (e.g. one line reported twice): apply it once.
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) {
      fixed.push(p);
      continue;
    }
    if (fix.edits.some((e) => taken.some((t) => editsOverlap(e, t)))) continue;
    seen.add(key);
    taken.push(...fix.edits);
    fixed.push(p);
  }
  return { edits: sortEdits(taken), fixed };
}

