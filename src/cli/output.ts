import { format, type Lang } from '../core/i18n/messages';
import { countProblems } from '../core/problems';
import type { Problem } from '../core/types';

/** A problem with the file it belongs to. */
export interface FileProblem extends Problem {
  file: string;
}

const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text safe to print on one terminal line: control characters (C0, DEL, C1), line and paragraph
 * separators and bidirectional overrides are written as escapes. A file name with a newline
 * could otherwise print a forged `file:line:col error` line, and an escape sequence in a name
 * or a YAML key would reach the terminal.
 */
export function terminalSafe(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (!unsafe) continue;
    out += s.slice(from, i) + (NAMED[s[i]] ?? '\\u' + c.toString(16).padStart(4, '0'));
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** `file:line:col  severity  message  rule`, grouped by file, with a summary line; names and messages printed escaped. */
export function formatText(fileCount: number, problems: FileProblem[], display: (f: string) => string, lang: Lang, color: boolean): string {
  const c = (code: string, s: string) => (color ? code + s + RESET : s);
  const out: string[] = [];
  let current: string | undefined;
  for (const p of problems) {
    if (p.file !== current) {
      if (current !== undefined) out.push('');
      if (color) out.push(c(BOLD + '\x1b[4m', terminalSafe(display(p.file))));
      current = p.file;
    }
    const loc = `${terminalSafe(display(p.file))}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
    out.push(`${color ? c(DIM, loc) : loc}  ${c(COLORS[p.severity], p.severity)}  ${terminalSafe(p.message)}  ${c(DIM, terminalSafe(p.rule))}`);
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
