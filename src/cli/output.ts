import { format, type Lang } from '../core/i18n/messages';
import { countProblems, type ProblemCounts } from '../core/problems';
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

/**
 * A check's report, written file by file as the results come: the same text as the report made
 * whole, never held whole in memory (20 copies of the corpus give a 16 MB report). `write`
 * gets pieces of at least 64 KB, and the rest at `end`.
 */
export interface ReportWriter {
  /** One file's problems, in order (a file without any may be left out). */
  add(file: string, problems: readonly Problem[]): void;
  end(): void;
  /** What the problems added so far count up to. */
  readonly counts: ProblemCounts;
}

/** Collects pieces and hands them on in 64 KB runs. */
function chunked(write: (s: string) => void): { put(s: string): void; flush(): void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length) write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    put(s) {
      parts.push(s);
      size += s.length;
      if (size >= 65536) flush();
    },
    flush,
  };
}

type Put = (s: string) => void;

/**
 * A report writer from its parts: its opening text, how one file's problems are written
 * (`first` for the first file that has any) and how the report ends. Files without problems are
 * skipped, the counts kept and the text handed on in 64 KB runs here, for every format.
 */
function reportWriter(write: Put, head: string, file: (put: Put, file: string, problems: readonly Problem[], first: boolean) => void, end: (put: Put, counts: ProblemCounts, any: boolean) => void): ReportWriter {
  const out = chunked(write);
  if (head) out.put(head);
  const counts: ProblemCounts = { errors: 0, warnings: 0, suggestions: 0 };
  let any = false;
  return {
    counts,
    add(name, problems) {
      if (!problems.length) return;
      file(out.put, name, problems, !any);
      any = true;
      const k = countProblems(problems);
      counts.errors += k.errors;
      counts.warnings += k.warnings;
      counts.suggestions += k.suggestions;
    },
    end() {
      end(out.put, counts, any);
      out.flush();
    },
  };
}

/** `file:line:col  severity  message  rule`, grouped by file, with a summary line; names and messages printed escaped. */
export function textReport(fileCount: number, display: (f: string) => string, lang: Lang, color: boolean, write: (s: string) => void): ReportWriter {
  const c = (code: string, s: string) => (color ? code + s + RESET : s);
  return reportWriter(
    write,
    '',
    (put, file, problems, first) => {
      if (!first) put('\n');
      const name = terminalSafe(display(file));
      if (color) put(c(BOLD + '\x1b[4m', name) + '\n');
      for (const p of problems) {
        const loc = `${name}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
        put(`${color ? c(DIM, loc) : loc}  ${c(COLORS[p.severity], p.severity)}  ${terminalSafe(p.message)}  ${c(DIM, terminalSafe(p.rule))}\n`);
      }
    },
    (put, n, any) => {
      if (any) put('\n');
      const summary = any ? format(lang, 'cli-summary', fileCount, n.errors, n.warnings, n.suggestions) : format(lang, 'cli-clean', fileCount);
      put(c(BOLD + (n.errors ? COLORS.error : n.warnings ? COLORS.warning : '\x1b[32m'), summary) + '\n');
    },
  );
}

const quotedIds = new Map<string, string>();
/** A rule id or severity as a JSON string, made once. */
function quoted(id: string): string {
  let q = quotedIds.get(id);
  if (q === undefined) quotedIds.set(id, (q = JSON.stringify(id)));
  return q;
}

/** Exactly one JSON object (and a line break): files checked and every problem, 1-based lines and columns. */
export function jsonReport(fileCount: number, display: (f: string) => string, write: (s: string) => void): ReportWriter {
  return reportWriter(
    write,
    `{"files":${JSON.stringify(fileCount)},"problems":[`,
    (put, file, problems, first) => {
      // The same object JSON.stringify would write, key for key: the file's name is written once
      // for all its problems, and a rule's id and a severity once for the run.
      const name = JSON.stringify(display(file));
      for (let i = 0; i < problems.length; i++) {
        const p = problems[i];
        const { start, end } = p.range;
        const one = `{"file":${name},"line":${start.line + 1},"column":${start.character + 1},"endLine":${end.line + 1},"endColumn":${end.character + 1},"severity":${quoted(p.severity)},"rule":${quoted(p.rule)},"message":${JSON.stringify(p.message)}}`;
        put(first && i === 0 ? one : ',' + one);
      }
    },
    (put) => put(']}\n'),
  );
}

/** Runs a report over problems already sorted by file, and returns its text. */
function whole(problems: FileProblem[], report: (write: (s: string) => void) => ReportWriter): string {
  let text = '';
  const w = report((s) => void (text += s));
  for (let i = 0; i < problems.length; ) {
    let j = i;
    while (j < problems.length && problems[j].file === problems[i].file) j++;
    w.add(problems[i].file, problems.slice(i, j));
    i = j;
  }
  w.end();
  return text;
}

/** The text report made whole (see textReport). */
export function formatText(fileCount: number, problems: FileProblem[], display: (f: string) => string, lang: Lang, color: boolean): string {
  return whole(problems, (write) => textReport(fileCount, display, lang, color, write));
}

/** The JSON report made whole, without its final line break (see jsonReport). */
export function formatJson(fileCount: number, problems: FileProblem[], display: (f: string) => string): string {
  return whole(problems, (write) => jsonReport(fileCount, display, write)).slice(0, -1);
}
