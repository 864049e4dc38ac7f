import type { Problem } from '../types';

/** The problems that stop publishing: every error, and the warnings of the `blockPublish` rules. */
export function publishBlockers(problems: readonly Problem[], blockPublish: readonly string[]): Problem[] {
  const block = new Set(blockPublish);
  return problems.filter((p) => p.severity === 'error' || (block.has(p.rule) && p.severity === 'warning'));
}
