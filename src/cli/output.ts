import { format, type Lang } from '../core/i18n/messages';
import { countProblems } from '../core/problems';
import type { FileProblem } from './check';

const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** `file:line:col  severity  message  rule`, grouped by file, with a summary line. */
export function formatText(fileCount: number, problems: FileProblem[], display: (f: string) => string, lang: Lang, color: boolean): string {
  const c = (code: string, s: string) => (color ? code + s + RESET : s);
  const out: string[] = [];
  let current: string | undefined;
  for (const p of problems) {
    if (p.file !== current) {
      if (current !== undefined) out.push('');
      if (color) out.push(c(BOLD + '\x1b[4m', display(p.file)));
      current = p.file;
    }
    const loc = `${display(p.file)}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
    out.push(`${color ? c(DIM, loc) : loc}  ${c(COLORS[p.severity], p.severity)}  ${p.message}  ${c(DIM, p.rule)}`);
  }
  const n = countProblems(problems);
  if (out.length) out.push('');
  const summary = problems.length ? format(lang, 'cli-summary', fileCount, n.errors, n.warnings, n.suggestions) : format(lang, 'cli-clean', fileCount);
  out.push(c(BOLD + (n.errors ? COLORS.error : n.warnings ? COLORS.warning : '\x1b[32m'), summary));
  return out.join('\n') + '\n';
}

/** Exactly one JSON object: files checked and every problem, 1-based lines and columns. */
export function formatJson(fileCount: number, problems: FileProblem[], display: (f: string) => string): string {
  return JSON.stringify({
    files: fileCount,
    problems: problems.map((p) => ({
      file: display(p.file),
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      endLine: p.range.end.line + 1,
      endColumn: p.range.end.character + 1,
      severity: p.severity,
      rule: p.rule,
      message: p.message,
    })),
  });
}
