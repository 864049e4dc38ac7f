import { applyEdits } from '../../src/core/fix/index';
import type { Problem } from '../../src/core/types';

/** Applies a problem's preferred (else first) fix, as the editor's quick fix would. */
export function applyAll(text: string, p: Problem): string {
  const fix = p.fixes?.find((f) => f.preferred) ?? p.fixes?.[0];
  if (!fix) throw new Error(`no fix for ${p.rule}: ${p.message}`);
  return applyEdits(text, fix.edits);
}
