import type { MessageKey } from './i18n/messages';
import type { Problem } from './types';

/**
 * A project's baseline: the warnings it already had, recorded so that the editor, Check All and
 * the CLI report only new ones — as ESLint's bulk suppressions and PHPStan's baseline do. Kept
 * per file and rule as counts, so it survives edits that move lines. Errors are never recorded:
 * the site's build fails on them.
 */

/** The baseline file, beside the project config at the root. */
export const BASELINE_FILE = '.qa-articles-baseline.json';

/** Per file (relative to the root, `/` separated) and rule, how many problems are known. */
export type Baseline = Record<string, Record<string, { count: number }>>;

/** Why a baseline file cannot be used: `message` the detail (English), `key` the message for the writer. */
export class BaselineError extends Error {
  constructor(
    message: string,
    readonly key: MessageKey = 'baseline-damaged',
  ) {
    super(message);
  }
}

/** Reads a baseline file's text; throws a BaselineError when it is not a baseline. */
export function parseBaseline(text: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // A committed file: two branches that both updated it leave git's conflict markers in it.
    throw new BaselineError(`not valid JSON (${(e as Error).message})`, /^(<{7}|={7}|>{7})/m.test(text) ? 'baseline-conflict' : 'baseline-damaged');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BaselineError('expected an object of files');
  const out: Baseline = {};
  for (const [file, rules] of Object.entries(raw as Record<string, unknown>)) {
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) throw new BaselineError(`"${file}": expected an object of rules`);
    const entry: Record<string, { count: number }> = {};
    for (const [rule, v] of Object.entries(rules as Record<string, unknown>)) {
      const count = (v as { count?: unknown } | null)?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new BaselineError(`"${file}" / "${rule}": expected { "count": N } with N ≥ 1`);
      entry[rule] = { count };
    }
    if (Object.keys(entry).length) out[file] = entry;
  }
  return out;
}

/** The file's text: keys sorted, one rule per line, so that a change shows as a small diff. */
export function serializeBaseline(baseline: Baseline): string {
  const sorted: Baseline = {};
  for (const file of Object.keys(baseline).sort()) {
    const rules = baseline[file];
    const keys = Object.keys(rules).sort();
    if (!keys.length) continue;
    sorted[file] = {};
    for (const r of keys) sorted[file][r] = { count: rules[r].count };
  }
  return JSON.stringify(sorted, null, 2) + '\n';
}

/**
 * Problems a baseline never records nor hides: errors (the site's build fails on them), and a
 * file the site cannot read (the state of the disk, not old text: its page is missing).
 */
function alwaysShown(p: Problem): boolean {
  return p.severity === 'error' || p.rule === 'file-left-out';
}

/** The counts one file's problems add to a baseline (those always shown left out); undefined when none. */
export function baselineEntry(problems: readonly Problem[]): Record<string, { count: number }> | undefined {
  const entry: Record<string, { count: number }> = {};
  for (const p of problems) {
    if (alwaysShown(p)) continue;
    (entry[p.rule] ??= { count: 0 }).count++;
  }
  return Object.keys(entry).length ? entry : undefined;
}

/**
 * The baseline after a run over `checked` files: their entries are replaced by what they have
 * now (a warning that went away leaves), other files' entries stay as they were, and files
 * that no longer exist (`exists` false) are dropped.
 */
export function updateBaseline(old: Baseline, checked: Iterable<[file: string, problems: readonly Problem[]]>, exists: (file: string) => boolean = () => true): Baseline {
  const out: Baseline = {};
  for (const [file, entry] of Object.entries(old)) if (exists(file)) out[file] = entry;
  for (const [file, problems] of checked) {
    const entry = baselineEntry(problems);
    if (entry) out[file] = entry;
    else delete out[file];
  }
  return out;
}

/**
 * One file's problems without those the baseline knows. A rule whose count is within the
 * baseline's is hidden whole; when the file has more of it than recorded, every one of them is
 * shown (which one is new cannot be told from counts: ESLint does the same). Errors, and a file
 * the site leaves out, always show.
 */
export function applyBaseline(problems: readonly Problem[], entry: Record<string, { count: number }> | undefined): { shown: Problem[]; hidden: number } {
  if (!entry) return { shown: [...problems], hidden: 0 };
  const counts = new Map<string, number>();
  for (const p of problems) if (!alwaysShown(p)) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  const shown: Problem[] = [];
  let hidden = 0;
  for (const p of problems) {
    const known = entry[p.rule]?.count ?? 0;
    if (!alwaysShown(p) && (counts.get(p.rule) ?? 0) <= known) hidden++;
    else shown.push(p);
  }
  return { shown, hidden };
}

/** The key of a file in a baseline: its path relative to the root, with `/` separators. */
export function baselineKey(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
}
