import type { Fix, Problem, TextEdit } from '../types';
import { standsWithoutDeletion } from '../yaml/refusedDeletion';

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
  const taken = new TakenEdits();
  const all: TextEdit[] = [];
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
    // A fix whose own edits overlap can never be applied; one that meets an edit taken waits for the next pass.
    if (selfOverlapping(fix.edits) || fix.edits.some((e) => taken.overlaps(e))) continue;
    seen.add(key);
    for (const e of fix.edits) taken.add(e);
    // One by one: a spread of a fix's edits (100,000 lines indented) would overflow the call stack.
    for (const e of fix.edits) all.push(e);
    fixed.push(p);
  }
  return { edits: sortEdits(all), fixed };
}

/**
 * Whether two of a fix's edits overlap: in order of (start, end), each against the one before
 * it that reaches furthest (a fix that indents 100,000 lines is not compared pair by pair).
 */
export function selfOverlapping(edits: readonly TextEdit[]): boolean {
  if (edits.length < 2) return false;
  const sorted = sortEdits(edits);
  let reach = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    const e = sorted[i];
    if (editsOverlap(e, reach)) return true;
    if (e.end > reach.end) reach = e;
  }
  return false;
}

/**
 * Edits taken so far, none overlapping another, in order of (start, end): whether a new one
 * overlaps one of them is a binary search and a look at its neighbours, not a comparison with
 * every one (a fix-all of 40,000 problems took 10 s that way).
 */
class TakenEdits {
  private readonly edits: TextEdit[] = [];

  /** The first index whose edit starts at or after `at`. */
  private firstFrom(at: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(e: TextEdit): boolean {
    // An edit starting at or after e's end cannot overlap it; walk back from there.
    for (let j = this.firstFrom(e.end) - 1; j >= 0; j--) {
      const t = this.edits[j];
      if (editsOverlap(e, t)) return true;
      // Wholly before e: the taken edits before it end before it starts, so none reaches e.
      if (t.start < e.start && t.end <= e.start) return false;
    }
    return false;
  }

  add(e: TextEdit): void {
    const list = this.edits;
    const last = list[list.length - 1];
    if (!last || last.start < e.start || (last.start === e.start && last.end <= e.end)) {
      list.push(e);
      return;
    }
    // After the edits of the same start that end no later (the order sortEdits gives).
    let i = this.firstFrom(e.start);
    while (i < list.length && list[i].start === e.start && list[i].end <= e.end) i++;
    list.splice(i, 0, e);
  }
}


/** What {@link fixAllText} did: the fixed text, how many passes changed it, how many problems were fixed, and the edits from the original to it. */
export interface FixAllTextResult {
  text: string;
  passes: number;
  fixed: number;
  /** Line-level edits on the original text that give `text` (lines not changed are not touched). */
  edits: TextEdit[];
}

/** The rules that report the YAML itself; while one of them reports, the other rules stay silent. */
const SYNTAX_RULES = new Set(['frontmatter-missing', 'frontmatter-unclosed', 'yaml-syntax', 'yaml-duplicate-key']);

/**
 * The errors that edits added: those `after` has more of (by rule and message) than `before`.
 * While `before` has a YAML syntax error the other rules are silent, so what mending it reveals
 * was there all along: then only a syntax error on or next to a line the edits wrote counts (a
 * duplicate key, say, was already written twice), unless those edits only delete characters the
 * site refuses and the error stands with them read as a letter (see `brokeByEdits`).
 */
export function addedErrors(text: string, edits: readonly TextEdit[], before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const readable = !before.some((p) => SYNTAX_RULES.has(p.rule));
  const keyOf = (p: Problem) => p.rule + '\u0000' + p.message;
  const had = new Map<string, Problem[]>();
  for (const p of before) {
    if (p.severity !== 'error') continue;
    const same = had.get(keyOf(p));
    if (same) same.push(p);
    else had.set(keyOf(p), [p]);
  }
  const unmatched: Problem[] = [];
  for (const p of after) {
    if (p.severity !== 'error') continue;
    const same = had.get(keyOf(p));
    if (same?.length) same.pop();
    else unmatched.push(p);
  }
  // An error of the same rule still where it was, its message updated by the edit (a missing
  // category whose suggested value now comes from the corrected topic), is no new error. Not so
  // for the YAML's syntax: the site reports one error at a time, and the next may stand there.
  const moved = editMap(text, sortEdits(edits));
  const byPlace = new Map<string, Problem[]>();
  const place = (rule: string, kind: string, at: number | undefined, b: Problem) => {
    if (at === undefined) return;
    const k = `${rule}\u0000${kind}${at}`;
    const list = byPlace.get(k);
    if (list) list.push(b);
    else byPlace.set(k, [b]);
  };
  for (const list of had.values()) {
    for (const b of list) {
      if (SYNTAX_RULES.has(b.rule)) continue;
      place(b.rule, '@', moved.offset(b.start), b);
      place(b.rule, '#', moved.line(b.start, b.range.start.line), b);
    }
  }
  const taken = new Set<Problem>();
  const sameAs = (p: Problem) => [...(byPlace.get(`${p.rule}\u0000#${p.range.start.line}`) ?? []), ...(byPlace.get(`${p.rule}\u0000@${p.start}`) ?? [])].find((b) => !taken.has(b));
  const sorted = sortEdits(edits);
  const written = readable ? [] : writtenLines(text, sorted);
  const out: Problem[] = [];
  for (const p of unmatched) {
    const was = SYNTAX_RULES.has(p.rule) ? undefined : sameAs(p);
    if (was) {
      taken.add(was);
      continue;
    }
    if (readable || brokeByEdits(text, sorted, written, p)) out.push(p);
  }
  return out;
}

/**
 * Whether a syntax error after edits of a text the site could not read is theirs: it is on or
 * next to a line they wrote (a key written twice was written twice before). Not so when the edits
 * there only delete characters the site's reader refuses and the reader stops there just the same
 * with those characters read as a letter: the error was beyond where the reader had stopped, and
 * stands whatever the characters were.
 */
function brokeByEdits(text: string, sorted: readonly TextEdit[], written: readonly [number, number][], p: Problem): boolean {
  if (p.rule === 'yaml-duplicate-key' || !SYNTAX_RULES.has(p.rule)) return false;
  const line = p.range.start.line;
  const near = new Set<TextEdit>();
  written.forEach(([a, b], i) => {
    if (line >= a - 1 && line <= b + 1) near.add(sorted[i]);
  });
  if (!near.size) return false;
  return p.rule !== 'yaml-syntax' || !standsWithoutDeletion(text, sorted, near);
}

/**
 * Where an offset of the text before the (sorted, non-overlapping) edits is after them, and its
 * line: shifted by what the edits before it wrote or removed; undefined inside a replaced range.
 * A line inside an edit that keeps its number of lines (a line rewritten in place) is the same
 * line of it. Each lookup is a binary search over the edits.
 */
function editMap(text: string, sorted: readonly TextEdit[]): { offset(o: number): number | undefined; line(o: number, line: number): number | undefined } {
  const charsBefore: number[] = [];
  const linesBefore: number[] = [];
  const sameLines: boolean[] = [];
  let chars = 0;
  let lines = 0;
  for (const e of sorted) {
    charsBefore.push(chars);
    linesBefore.push(lines);
    const was = breaks(text.slice(e.start, e.end));
    const now = breaks(e.newText);
    sameLines.push(was === now);
    chars += e.newText.length - (e.end - e.start);
    lines += now - was;
  }
  /** The last edit starting at or before `o` (or -1). */
  const at = (o: number) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= o) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return {
    offset(o) {
      const i = at(o);
      if (i < 0) return o;
      const e = sorted[i];
      // An offset where a replacement starts stays where it was; inside one it is lost.
      if (o === e.start && e.end > e.start) return o + charsBefore[i];
      if (o < e.end) return undefined;
      return o + charsBefore[i] + e.newText.length - (e.end - e.start);
    },
    line(o, line) {
      const i = at(o);
      if (i < 0) return line;
      const e = sorted[i];
      if (o < e.end) return sameLines[i] ? line + linesBefore[i] : undefined;
      return line + linesBefore[i] + breaks(e.newText) - breaks(text.slice(e.start, e.end));
    },
  };
}

const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

/** The lines (first, last) of the text after the edits that the edits wrote. */
function writtenLines(text: string, edits: readonly TextEdit[]): [number, number][] {
  const out: [number, number][] = [];
  let line = 0;
  let at = 0;
  for (const e of sortEdits(edits)) {
    line += breaks(text.slice(at, e.start));
    const n = breaks(e.newText);
    // A text that ends with a line break writes up to that break: the next line is not its own.
    out.push([line, line + n - (n > 0 && /[\r\n]$/.test(e.newText) ? 1 : 0)]);
    line += n;
    at = e.end;
  }
  return out;
}

/**
 * Applies every preferred fix, checks again and repeats until nothing is left to fix (at most
 * `maxPasses`, 6 by default: the site's reader reports one YAML error at a time, so a frontmatter
 * with three broken lines takes a pass for each before the other rules speak): the one fix-all
 * of the editor and of `qa-articles check --fix`.
 * A pass never makes things worse: when its fixes together would add an error, they are taken
 * one by one, keeping only those that add none. `check` checks a text (with the same corpus
 * and configuration each time); lines no fix touches are kept byte for byte.
 */
export function fixAllText(text: string, check: (text: string) => Problem[], maxPasses = 6): FixAllTextResult {
  let cur = text;
  let passes = 0;
  let fixed = 0;
  let problems = check(cur);
  while (passes < maxPasses) {
    const all = fixAll(problems);
    if (!all.edits.length) break;
    let next = tryApply(cur, all.edits);
    let nextProblems = next === undefined ? undefined : check(next);
    let count = all.fixed.length;
    if (next === undefined || addedErrors(cur, all.edits, problems, nextProblems!).length) {
      // Together they make things worse: keep each fix only if it adds no error.
      const taken: TextEdit[] = [];
      count = 0;
      next = undefined;
      for (const p of all.fixed) {
        const fix = preferredFix(p)!;
        if (fix.edits.some((e) => taken.some((t) => editsOverlap(e, t) || (e.start === t.start && e.end === t.end)))) continue;
        const trial = tryApply(cur, [...taken, ...fix.edits]);
        if (trial === undefined) continue;
        const trialProblems = check(trial);
        if (addedErrors(cur, [...taken, ...fix.edits], problems, trialProblems).length) continue;
        for (const e of fix.edits) taken.push(e);
        next = trial;
        nextProblems = trialProblems;
        count++;
      }
      if (next === undefined) break;
    }
    if (next === cur) break;
    cur = next;
    problems = nextProblems!;
    passes++;
    fixed += count;
  }
  return { text: cur, passes, fixed, edits: lineEdits(text, cur) };
}

function tryApply(text: string, edits: readonly TextEdit[]): string | undefined {
  try {
    return applyEdits(text, edits);
  } catch {
    return undefined;
  }
}

/** Lines with their own line breaks, and the offset of each. */
function splitLines(text: string): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') {
    starts.push(m.index);
    lines.push(m[0]);
  }
  return { lines, starts };
}

/**
 * Edits on `a`, by whole lines, that give `b`: the common first and last lines are left alone,
 * and between them the longest common run of lines is kept (one replacement when that middle
 * is too large to compare line by line).
 */
export function lineEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  const A = splitLines(a);
  const B = splitLines(b);
  let pre = 0;
  while (pre < A.lines.length && pre < B.lines.length && A.lines[pre] === B.lines[pre]) pre++;
  let suf = 0;
  while (suf < A.lines.length - pre && suf < B.lines.length - pre && A.lines[A.lines.length - 1 - suf] === B.lines[B.lines.length - 1 - suf]) suf++;
  const aMid = A.lines.slice(pre, A.lines.length - suf);
  const bMid = B.lines.slice(pre, B.lines.length - suf);
  const offA = (i: number) => (i < A.lines.length ? A.starts[i] : a.length);
  const n = aMid.length;
  const m = bMid.length;
  if (n * m > 250_000) return [{ start: offA(pre), end: offA(pre + n), newText: bMid.join('') }];
  // Longest common subsequence of the middle lines, then one edit per differing run.
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = aMid[i] === bMid[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  let run: { i: number; text: string } | undefined;
  const flush = () => {
    if (run) edits.push({ start: offA(pre + run.i), end: offA(pre + i), newText: run.text });
    run = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && aMid[i] === bMid[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || dp[i][j + 1] >= dp[i + 1][j])) {
      run ??= { i, text: '' };
      run.text += bMid[j++];
    } else {
      run ??= { i, text: '' };
      i++;
    }
  }
  flush();
  return edits;
}
