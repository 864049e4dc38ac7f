// Mutation fuzzing of real articles: the engine shared by test/unit/fuzz.test.ts (a few thousand
// cases in the unit suite) and scripts/fuzz.mjs (`npm run fuzz`, many more, with a seed).
// Every case is a real article with one to three slips of the keyboard; the properties are what
// a writer relies on: the check never throws or hangs, ranges stay inside the text, a fix removes
// its problem without a new error, fix-all converges, a workflow step changes only its own lines
// or refuses, and a tag rename finds every spelling.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isScalar, isSeq, type Scalar } from 'yaml';
import { createChecker, type Checker } from '../../src/core/check/index';
import { CorpusIndex, entryOf } from '../../src/core/corpus';
import { addedErrors, applyEdits, fixAllText, lineEdits, sortEdits } from '../../src/core/fix/index';
import { en, format, sv } from '../../src/core/i18n/messages';
import { LineIndex } from '../../src/core/lines';
import { parseArticle } from '../../src/core/parse';
import type { Problem } from '../../src/core/types';
import { asToml, rng } from './mutate';
import { statusEdits, type WorkflowAction } from '../../src/core/workflow/statusEdits';
import { tagRename } from '../../src/core/workflow/tagEdits';
import { doubleQuoted, plainSafe, singleQuoted, valueSpan } from '../../src/core/yaml/quote';

const ROOT = path.resolve(__filename, '..', '..', '..');

/** The articles to mutate: the real corpus beside the project when present, else the sample workspace. */
export function loadArticles(sampleOnly = false): { source: string; texts: string[] } {
  const corpus = path.join(ROOT, '..', 'shared', 'corpus', 'fraga-doktorn');
  const sample = path.join(ROOT, 'sample-workspace', 'src', 'content', 'fraga-doktorn');
  const dir = fs.existsSync(corpus) && !sampleOnly ? corpus : sample;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  return { source: path.relative(ROOT, dir) + ` (${files.length} articles)`, texts: files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) };
}

/** A small, seeded, deterministic random source: the one the verdict test's mutations use too. */
export const random = rng;

const CHARS = ['"', "'", ':', ' ', '\t', '#', '[', ']', '{', '}', '-', '|', '>', '!', '&', '*', '\\', '\r', '\n', '\r\n', 'ä', '😀', ',', '\u0000', '%', '@', '`', '?'];
const VALUES = ['yes', 'nej', 'ja', '"false"', "'true'", '12', '"47"', '!!binary aGVsbG8=', '|', '>-', '"x\'', '~', '', '[a, b]', '{a: 1}', '*a', '&a x', '2017-02-30', '"2017-01-01"', 'a: b', '"a \\" b"', 'Kna', '"Axel"', "'utkast'", 'klar', '!!str no', '"sm\\u00e4rta"', 'x #c', '- a'];
const KEYS = ['title', 'category', 'status', 'published', 'tags', 'date', 'question', 'author', 'topic', 'patientAge', 'patientName', 'description'];

/** One article with one to three slips: lines deleted, duplicated, swapped, re-indented; characters, line ends, values or keys changed. */
export function mutate(text: string, rnd: () => number): { text: string; what: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const what: string[] = [];
  let t = text;
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const lines = t.split(/(?<=\r\n|\r(?!\n)|\n)/);
    // Mostly in the frontmatter, where the YAML is.
    const fmEnd = Math.max(2, lines.findIndex((l, i) => i > 0 && /^---[ \t]*(\r\n|\r|\n)?$/.test(l)) + 1);
    const li = rnd() < 0.85 ? Math.floor(rnd() * fmEnd) : Math.floor(rnd() * lines.length);
    const line = lines[li] ?? '';
    const op = Math.floor(rnd() * 13);
    switch (op) {
      case 0:
        lines.splice(li, 1);
        what.push(`delete line ${li}`);
        break;
      case 1:
        lines.splice(li, 0, line);
        what.push(`duplicate line ${li}`);
        break;
      case 2:
        if (li + 1 < lines.length) [lines[li], lines[li + 1]] = [lines[li + 1], lines[li]];
        what.push(`swap lines ${li}/${li + 1}`);
        break;
      case 3: {
        const at = Math.floor(rnd() * (line.length + 1));
        const c = pick(CHARS);
        lines[li] = line.slice(0, at) + c + line.slice(at);
        what.push(`insert ${JSON.stringify(c)} at ${li}:${at}`);
        break;
      }
      case 4: {
        const at = Math.floor(rnd() * line.length);
        lines[li] = line.slice(0, at) + line.slice(at + 1);
        what.push(`delete char ${li}:${at}`);
        break;
      }
      case 5: {
        const body = line.replace(/(\r\n|\r|\n)$/, '');
        lines[li] = body + pick(['\n', '\r\n', '\r', '']);
        what.push(`line end of ${li}`);
        break;
      }
      case 6:
        lines[li] = rnd() < 0.5 ? ' ' + line : line.replace(/^ /, '');
        what.push(`indent ${li}`);
        break;
      case 7: {
        const m = /^(\s*[\w-]+:)[^\r\n]*/.exec(line);
        if (m) lines[li] = m[1] + ' ' + pick(VALUES) + line.slice(m[0].length);
        what.push(`value of ${li}`);
        break;
      }
      case 8: {
        const m = /^([\w-]+):/.exec(line);
        if (m && m[1].length > 2) {
          const i = 1 + Math.floor(rnd() * (m[1].length - 1));
          lines[li] = m[1].slice(0, i) + m[1].slice(i + 1) + line.slice(m[1].length);
        }
        what.push(`key typo ${li}`);
        break;
      }
      case 9:
        lines.splice(li, 0, `${pick(KEYS)}: ${pick(VALUES)}\n`);
        what.push(`add field at ${li}`);
        break;
      case 10: {
        // Fields inside braces on one line, as some YAML writers do.
        const fm = lines.slice(1, fmEnd - 1).map((l) => l.replace(/(\r\n|\r|\n)$/, '')).filter((l) => /^[\w-]+: \S/.test(l) && !/[|>]\s*$/.test(l));
        if (fm.length && rnd() < 0.3) {
          lines.splice(1, fmEnd - 2, `{${fm.join(', ')}}\n`);
          what.push('flow mapping');
        } else what.push('no-op');
        break;
      }
      case 11: {
        // What a word processor or a paste does: a no-break space or full-width colon after a key,
        // typographic quotes, a date written out, the closing fence mistyped or indented, an
        // invisible character at a line's start or end (after the opening fence too).
        const kind = Math.floor(rnd() * 6);
        const eol = /(\r\n|\r|\n)$/.exec(line)?.[0] ?? '';
        if (kind === 0) lines[li] = line.replace(/^([\w-]+):[ ]/, (_m, k: string) => k + pick([':\u00a0', ':\u202f', '\uff1a ', ': \u00a0']));
        else if (kind === 1) lines[li] = line.replace(/^([\w-]+: )"([^"\r\n]*)"/, (_m, k: string, v: string) => k + pick(['”' + v + '”', '“' + v + '”', '«' + v + '»']));
        else if (kind === 2) {
          const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
          lines[li] = line.replace(/^(date: )(\d{4})-(\d{2})-(\d{2})/, (_m, k: string, y: string, mo: string, d: string) => k + pick([`${+d} ${months[+mo - 1]} ${y}`, `${y}-${+mo}-${+d}`, `${y}${mo}${d}`, `${+d}/${+mo} ${y}`]));
        } else if (kind === 3) {
          const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*(\r\n|\r|\n)?$/.test(l));
          if (close > 0) lines[close] = pick(['--', '\t---', ' ---', '----', '-- -']) + (/(\r\n|\r|\n)$/.exec(lines[close])?.[0] ?? '');
        } else if (kind === 4) lines[li] = line.replace(/^([\w-]+): /, '$1： ');
        else {
          const x = pick(['\u00a0', '\u2028', '\u200b', '\u3000', '\u202f', '\ufeff']);
          const at = rnd() < 0.2 ? 0 : li;
          const body = lines[at].replace(/(\r\n|\r|\n)$/, '');
          lines[at] = (rnd() < 0.5 ? x + body : body + x) + (/(\r\n|\r|\n)$/.exec(lines[at])?.[0] ?? '');
        }
        if (!lines[li]?.endsWith(eol)) lines[li] = (lines[li] ?? '') + eol;
        what.push(`word processor ${kind} at ${li}`);
        break;
      }
      case 12: {
        // The fences as `+++` (the site then reads TOML), or the fields really written in TOML.
        const kind = Math.floor(rnd() * 3);
        const fences = lines.map((l, i) => (/^---/.test(l) ? i : -1)).filter((i) => i >= 0).slice(0, kind === 0 ? 1 : 2);
        if (kind < 2) for (const i of fences) lines[i] = '+++' + lines[i].slice(3);
        else {
          const toml = asToml(lines.join(''));
          if (toml) lines.splice(0, lines.length, toml);
        }
        what.push(`toml ${kind}`);
        break;
      }
    }
    t = lines.join('');
  }
  return { text: t, what };
}

const key = (p: Problem) => `${p.rule}: ${p.message}`;
/** How many errors of a rule. */
const perRule = (ps: readonly Problem[], rule: string) => ps.filter((p) => p.rule === rule && p.severity === 'error').length;

/** Where an offset of the text is after the edits (one inside an edited span: at its start). */
function movedOffset(o: number, edits: readonly { start: number; end: number; newText: string }[]): number {
  let shift = 0;
  for (const e of sortEdits(edits)) {
    if (e.end <= o) shift += e.newText.length - (e.end - e.start);
    else if (e.start < o) return e.start + shift;
  }
  return o + shift;
}
const count = (ps: readonly Problem[], k: string) => ps.filter((p) => key(p) === k).length;

export interface Failure {
  case: number;
  property: string;
  detail: string;
  mutations: string[];
  text: string;
}

export interface FuzzSummary {
  source: string;
  seed: number;
  cases: number;
  checks: number;
  /** The slowest check, with the text it checked (to time it again alone). */
  slowest: { ms: number; case: number; text?: string };
  fixesTried: number;
  fixAllRuns: number;
  maxPasses: number;
  steps: { ok: number; refused: number };
  renames: { ok: number; refused: number; skipped: number };
  failures: Failure[];
}

/** Runs `cases` seeded cases and returns what held and what did not (at most `maxFailures` kept). */
export function fuzz(opts: { seed: number; cases: number; maxFailures?: number; hangMs?: number; sampleOnly?: boolean }): FuzzSummary {
  const { source, texts } = loadArticles(opts.sampleOnly);
  const rnd = random(opts.seed);
  const index = new CorpusIndex();
  texts.forEach((t, i) => index.set(`/corpus/${i}.md`, entryOf(parseArticle(t))));
  const checker: Checker = createChecker({ index });
  const hangMs = opts.hangMs ?? 2000;
  const s: FuzzSummary = { source, seed: opts.seed, cases: opts.cases, checks: 0, slowest: { ms: 0, case: -1 }, fixesTried: 0, fixAllRuns: 0, maxPasses: 0, steps: { ok: 0, refused: 0 }, renames: { ok: 0, refused: 0, skipped: 0 }, failures: [] };
  const file = '/corpus/me.md';
  for (let c = 0; c < opts.cases && s.failures.length < (opts.maxFailures ?? 20); c++) {
    const base = texts[Math.floor(rnd() * texts.length)];
    const { text, what } = mutate(base, rnd);
    const fail = (property: string, detail: string) => s.failures.push({ case: c, property, detail, mutations: what, text });
    const check = (t: string): Problem[] => {
      s.checks++;
      // CPU time, not the clock: on a busy machine the clock runs on while the process waits for a core.
      const t0 = process.cpuUsage();
      const ps = checker.check(t, file);
      const used = process.cpuUsage(t0);
      const ms = (used.user + used.system) / 1000;
      if (ms > s.slowest.ms) s.slowest = { ms, case: c, text: t };
      if (ms > hangMs) fail('check within a bound', `${ms.toFixed(0)} ms`);
      return ps;
    };
    try {
      runCase(text, check, fail, s, rnd);
    } catch (e) {
      fail('no throw', (e as Error).stack ?? String(e));
    }
  }
  return s;
}

function runCase(text: string, check: (t: string) => Problem[], fail: (property: string, detail: string) => void, s: FuzzSummary, rnd: () => number): void {
  const problems = check(text);
  const lines = new LineIndex(text);

  // Every range inside the text, and every fix's edits too.
  for (const p of problems) {
    if (!(p.start >= 0 && p.start <= p.end && p.end <= text.length)) fail('ranges inside the text', `${p.rule} ${p.start}-${p.end} of ${text.length}`);
    const r = lines.range(p.start, p.end);
    if (p.range.start.line >= lines.lineCount || p.range.end.line >= lines.lineCount || p.range.start.character > lines.lineText(p.range.start.line).length) fail('ranges inside the text', `${p.rule} ${JSON.stringify(p.range)}`);
    if (r.start.line !== p.range.start.line && p.range.start.line !== r.start.line) fail('ranges inside the text', `${p.rule} range does not match offsets`);
    for (const f of p.fixes ?? []) for (const e of f.edits) if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) fail('ranges inside the text', `fix of ${p.rule} ${e.start}-${e.end}`);
  }

  // Every preferred fix removes its problem and adds no error.
  for (const p of problems) {
    const fix = p.fixes?.find((f) => f.preferred);
    if (!fix) continue;
    s.fixesTried++;
    let after: string;
    try {
      after = applyEdits(text, fix.edits);
    } catch (e) {
      fail('fix applies', `${p.rule}: ${(e as Error).message}`);
      continue;
    }
    const ps = check(after);
    // Still there: as many of its kind as before, one of them where it was. The site reports
    // one YAML error at a time, so the same words on another line are the next one, not this.
    if (count(ps, key(p)) >= count(problems, key(p))) {
      const lineAfter = new LineIndex(after);
      const was = lineAfter.positionAt(movedOffset(p.start, fix.edits)).line;
      if (ps.some((q) => key(q) === key(p) && q.range.start.line === was)) fail('fix removes its problem', `${fix.title} → still ${key(p)}`);
    }
    // The fields written in TOML rewritten as YAML: an error of theirs that stays is worded from
    // the new text (its examples as YAML), on lines the edits moved; only more of a rule are new.
    const rewrite = p.rule === 'frontmatter-toml';
    const added = addedErrors(text, fix.edits, problems, ps).filter((q) => !rewrite || perRule(ps, q.rule) > perRule(problems, q.rule));
    if (added.length) fail('fix adds no error', `${fix.title} → ${key(added[0])}`);
  }

  // Fix-all converges (in at most its six passes) and leaves no new error.
  s.fixAllRuns++;
  const all = fixAllText(text, check);
  s.maxPasses = Math.max(s.maxPasses, all.passes);
  const end = check(all.text);
  // Converged: a second run changes nothing (a fix still shown may be one that would add an error here).
  const again = fixAllText(all.text, check);
  if (again.text !== all.text) fail('fix-all converges', `${all.passes} passes, then ${again.passes} more: ` + end.filter((p) => p.fixes?.some((f) => f.preferred)).map(key).join(' | '));
  if (applyEdits(text, all.edits) !== all.text) fail('fix-all edits give its text', '');
  // Fields written in TOML are rewritten whole as YAML: an error of theirs that stays is worded
  // from the new text, on lines the edits moved. There, only more errors of a rule are new ones.
  const rewritten = parseArticle(text).frontmatter?.kind === 'toml';
  const added = addedErrors(text, all.edits, problems, end).filter((p) => !rewritten || perRule(end, p.rule) > perRule(problems, p.rule));
  if (added.length) fail('fix-all adds no error', key(added[0]));

  // Workflow steps change only their own lines, or refuse.
  const before = parseArticle(text);
  const actions: WorkflowAction[] = ['markDraft', 'markReady', 'publish', 'unpublish'];
  // Two of the four steps per case, in turn: each is parsed twice, and the parse is most of the cost.
  const first = Math.floor(rnd() * 4);
  for (const action of [actions[first], actions[(first + 2) % 4]]) {
    const r = statusEdits(text, action);
    if (!r.ok) {
      s.steps.refused++;
      for (const lang of ['en', 'sv'] as const) {
        const m = format(lang, r.reason, ...r.args);
        if (!(r.reason in en) || !(r.reason in sv) || /\{\d\}/.test(m)) fail('a refusal says why', `${r.reason}: ${m}`);
      }
      continue;
    }
    s.steps.ok++;
    const out = applyEdits(text, r.edits);
    const changed = changedLines(text, out);
    for (const l of changed) if (!/^\s*["']?(status|published)["']?\s*:/.test(l)) fail('a step changes only its own lines', `${action} changed ${JSON.stringify(l)}`);
    const b = parseArticle(out);
    if (b.yamlIssues.length || !b.data) fail('a step keeps the YAML readable', `${action}: ${b.yamlIssues.map((i) => i.message).join('; ')}`);
    else {
      const want = action === 'markDraft' ? { status: 'utkast' } : action === 'markReady' ? { status: 'klar' } : action === 'publish' ? { published: true } : { published: false };
      for (const [k, v] of Object.entries(want)) if (b.data[k] !== v) fail('a step does what it says', `${action}: ${k} = ${JSON.stringify(b.data[k])}`);
      for (const k of Object.keys(before.data ?? {})) if (k !== 'status' && k !== 'published' && JSON.stringify(before.data![k]) !== JSON.stringify(b.data[k])) fail('a step changes only its own lines', `${action} changed ${k}`);
    }
  }

  // A tag rename finds the tag however it is written.
  renameCase(text, before, fail, s, rnd);
}

/** The lines of `a` that an edit from `a` to `b` replaces, and the lines it writes. */
function changedLines(a: string, b: string): string[] {
  const split = (t: string) => t.split(/\r\n|\r|\n/).filter((l, i, all) => l !== '' || i < all.length - 1);
  return lineEdits(a, b).flatMap((e) => [...split(a.slice(e.start, e.end)), ...split(e.newText)]);
}

/** Another way to write a tag that YAML reads as the same text, or undefined. */
function respell(tag: string, rnd: () => number): string | undefined {
  const way = Math.floor(rnd() * 5);
  if (way === 0) {
    // One letter as a \u escape in double quotes: "sm\u00e4rta".
    const chars = [...tag];
    const i = chars.findIndex((ch) => ch.codePointAt(0)! > 127 || /[a-z]/.test(ch));
    if (i < 0) return undefined;
    const code = chars[i].codePointAt(0)!;
    const esc = code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    return '"' + chars.map((ch, k) => (k === i ? esc : doubleQuoted(ch).slice(1, -1))).join('') + '"';
  }
  if (way === 1) return singleQuoted(tag);
  if (way === 2) return plainSafe(tag) ? tag : undefined;
  if (way === 3) return doubleQuoted(tag);
  // Folded over two lines at a space: read back as one space.
  return / /.test(tag) && !/ {2}/.test(tag) ? doubleQuoted(tag).replace(' ', '\n    ') : undefined;
}

function renameCase(text: string, a: ReturnType<typeof parseArticle>, fail: (property: string, detail: string) => void, s: FuzzSummary, rnd: () => number): void {
  const node = a.fields.get('tags')?.node;
  // A rename refuses a frontmatter that is unclosed, does not parse, is TOML or whose source ranges are unsure: only readable YAML articles must be renamed.
  if (a.frontmatter?.kind === 'toml') {
    const r = tagRename(text, String((a.data?.tags as unknown[] | undefined)?.[0] ?? ''), 'fuzz');
    if (r.ok && r.edits.length) fail('a tag rename refuses TOML fields', `renamed in TOML: ${JSON.stringify(r.edits)}`);
    return void s.renames.skipped++;
  }
  if (a.yamlIssues.length || a.sourceIssues.length || a.frontmatter?.closeStart === undefined || !isSeq(node) || !a.data) return void s.renames.skipped++;
  // A list with an item that is not text (`"EDS",: "smärta"` reads as a mapping) is one the schema refuses: a rename may refuse it too.
  if (!Array.isArray(a.data.tags) || a.data.tags.some((t) => typeof t !== 'string')) return void s.renames.skipped++;
  const items = node.items.filter((it): it is Scalar<string> => isScalar(it) && typeof it.value === 'string' && !!it.range && it.value.trim() !== '');
  if (!items.length) return void s.renames.skipped++;
  const item = items[Math.floor(rnd() * items.length)];
  const tag = item.value;
  const spelled = respell(tag, rnd);
  if (!spelled) return void s.renames.skipped++;
  const span = valueSpan(text, item);
  const variant = text.slice(0, span.start) + spelled + text.slice(span.end);
  const v = parseArticle(variant);
  if (v.yamlIssues.length || v.sourceIssues.length || JSON.stringify(v.data?.tags) !== JSON.stringify(a.data.tags)) return void s.renames.skipped++;
  const to = rnd() < 0.5 ? 'fuzz-ny tagg' : String((a.data.tags as unknown[]).find((t) => t !== tag) ?? 'fuzz');
  const r = tagRename(variant, tag, to);
  if (!r.ok) {
    s.renames.refused++;
    fail('a tag rename finds every spelling', `refused ${r.reason} for ${spelled}`);
    return;
  }
  s.renames.ok++;
  if (!r.edits.length) return fail('a tag rename finds every spelling', `nothing found for ${spelled}`);
  const out = parseArticle(applyEdits(variant, r.edits));
  const tags = out.data?.tags as unknown[] | undefined;
  const expected: unknown[] = [];
  for (const t of a.data.tags as unknown[]) {
    const nt = t === tag ? to : t;
    if (nt === to && expected.includes(to)) continue;
    expected.push(nt);
  }
  if (out.yamlIssues.length || JSON.stringify(tags) !== JSON.stringify(expected)) fail('a tag rename renames exactly that tag', `${JSON.stringify(tags)} ≠ ${JSON.stringify(expected)}`);
}

/** One line per summary figure, for the test's diagnostics and the fuzz script. */
export function describeSummary(s: FuzzSummary): string[] {
  return [
    `articles: ${s.source}; seed ${s.seed}; ${s.cases} cases; ${s.checks} checks`,
    `slowest check ${s.slowest.ms.toFixed(1)} ms (case ${s.slowest.case}); preferred fixes tried ${s.fixesTried}; fix-all runs ${s.fixAllRuns}, at most ${s.maxPasses} passes`,
    `workflow steps: ${s.steps.ok} done, ${s.steps.refused} refused; tag renames: ${s.renames.ok} done, ${s.renames.refused} refused, ${s.renames.skipped} not applicable`,
    `failures: ${s.failures.length}`,
  ];
}
