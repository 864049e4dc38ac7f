import type { Problem } from './types';

/** Problems counted by severity, as every summary shows them (info and hint are both suggestions). */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  suggestions: number;
}

/** Counts problems by severity: the one counter for the CLI, Check All, the status bar and the preview. */
export function countProblems(problems: Iterable<Pick<Problem, 'severity'>>): ProblemCounts {
  const c: ProblemCounts = { errors: 0, warnings: 0, suggestions: 0 };
  for (const p of problems) {
    if (p.severity === 'error') c.errors++;
    else if (p.severity === 'warning') c.warnings++;
    else c.suggestions++;
  }
  return c;
}
