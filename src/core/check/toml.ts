// Fields opened with `+++`: the site reads them as TOML. The clinic writes YAML between `---`
// lines, so such a block is almost always YAML behind the wrong fence, and the build then fails;
// a block that really is TOML builds, and can be written as YAML without changing a value.
import type { CheckContext } from './context';
import { doubleQuoted } from '../yaml/quote';
import { readAsSite } from '../yaml/siteReader';
import type { Fix, TextEdit } from '../types';
import { tomlFields } from '../toml/read';
import { findFrontmatter } from '../frontmatter';
import { readsAsFields } from './fence';

/** A line that reads as a YAML field (`title: …`) and not as a TOML one (`title = …`). */
const YAML_FIELD = /^[A-Za-z_][\w-]*:(?:[ \t]|$)/;
const TOML_FIELD = /^[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*[ \t]*=/;

/** The edits that turn the `+++` fences of the block into `---` (a closing `---` stays). */
function fenceEdits(ctx: CheckContext): TextEdit[] {
  const fm = ctx.article.frontmatter!;
  const edits: TextEdit[] = [{ start: fm.openStart, end: fm.openStart + 3, newText: '---' }];
  if (fm.closeStart !== undefined && ctx.article.text.startsWith('+++', fm.closeStart)) edits.push({ start: fm.closeStart, end: fm.closeStart + 3, newText: '---' });
  return edits;
}

/** The checks of a block opened with `+++` (closed: an unclosed one is frontmatter to no one). */
export function checkToml(ctx: CheckContext): void {
  const { article } = ctx;
  const fm = article.frontmatter!;
  const lines = article.lines;
  const block = article.text.slice(fm.contentStart, fm.contentEnd);
  const issue = article.yamlIssues[0];
  const openLine = { start: fm.openStart, end: fm.openEnd };
  if (issue) {
    const rows = block.split(/\r?\n|\r/);
    const yamlLike = rows.some((r) => YAML_FIELD.test(r)) && !rows.some((r) => TOML_FIELD.test(r));
    if (yamlLike) {
      // YAML behind the wrong fence: with `---` the site reads it as YAML.
      const fix: Fix = { title: ctx.msg('fix-toml-fence'), edits: fenceEdits(ctx), preferred: readsAsFields(article.text.slice(fm.siteStart, fm.contentEnd)) };
      ctx.report('yaml-syntax', openLine.start, openLine.end, ctx.msg('toml-fence-yaml'), [fix]);
      return;
    }
    const line = lines.positionAt(issue.start).line;
    ctx.report('yaml-syntax', lines.starts[line], lines.lineEnd(line), ctx.msg('toml-syntax', line + 1));
    return;
  }
  const edits = article.data && toYamlEdits(ctx, article.data);
  const fixes: Fix[] = edits ? [{ title: ctx.msg('fix-toml-to-yaml'), edits, preferred: true }] : [];
  ctx.report('frontmatter-toml', openLine.start, openLine.end, ctx.msg('frontmatter-toml'), fixes);
}

/**
 * The edits that write the fields as YAML: the fences, and each field in its own place (so a
 * problem of a field stays on its line). Undefined where that would lose anything the writer
 * wrote — a comment, a table, a dotted key — or change a value.
 */
function toYamlEdits(ctx: CheckContext, data: Record<string, unknown>): TextEdit[] | undefined {
  const { text } = ctx.article;
  const fm = ctx.article.frontmatter!;
  if (fm.closeStart === undefined) return undefined;
  const { fields, spans } = tomlFields(text, fm.contentStart, fm.contentEnd, data);
  const keys = Object.keys(data);
  if (fields.length !== keys.length || fields.some((f, i) => f.key !== keys[i])) return undefined;
  // Between the fields only blank space: nothing else would survive.
  let at = fm.contentStart;
  for (const [start, end] of [...spans, [fm.contentEnd, fm.contentEnd]]) {
    if (text.slice(at, start).trim() !== '') return undefined;
    at = end;
  }
  const lines: string[] = [];
  for (const k of keys) {
    const line = yamlField(k, data[k], ctx.eol);
    if (line === undefined) return undefined;
    lines.push(line);
  }
  const edits: TextEdit[] = fenceEdits(ctx);
  // A key indented in TOML is not in YAML: the indentation goes too.
  const lineStart = (o: number) => {
    let i = o;
    while (i > fm.contentStart && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
    return i;
  };
  spans.forEach(([start, end], i) => edits.push({ start: lineStart(start), end, newText: lines[i] }));
  edits.sort((a, b) => a.start - b.start);
  // What the site reads in the result, as it would read it, must be the same values.
  let after = '';
  let from = 0;
  for (const e of edits) {
    after += text.slice(from, e.start) + e.newText;
    from = e.end;
  }
  after += text.slice(from);
  const block = findFrontmatter(after);
  if (!block || block.kind !== 'yaml' || block.closeStart === undefined) return undefined;
  const back = readAsSite(after.slice(block.siteStart, block.contentEnd));
  return back.ok && sameValue(back.value ?? {}, data) ? edits : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A value as YAML the site reads back as the same value; undefined for what has no plain form here. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.includes('\n') || v.includes('\r') ? undefined : doubleQuoted(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t) || v.getUTCFullYear() < 0 || v.getUTCFullYear() > 9999) return undefined;
    const day = `${String(v.getUTCFullYear()).padStart(4, '0')}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return t % 86400000 === 0 ? day : v.toISOString();
  }
  return undefined;
}

/** A text of several lines as a YAML literal block, lines indented two spaces; undefined where that cannot keep it exactly. */
function block(text: string, eol: string): string | undefined {
  // A TOML text keeps the file's CR LF; YAML reads every line break of a block as LF.
  const v = text.replace(/\r\n/g, '\n');
  if (v.includes('\r') || /^[ \t\n]/.test(v)) return undefined;
  const trailing = /\n*$/.exec(v)![0].length;
  const indicator = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  const body = v.slice(0, v.length - trailing).split('\n').map((l) => (l === '' ? '' : `  ${l}`));
  const extra = trailing > 1 ? Array(trailing - 1).fill('') : [];
  return `${indicator}${eol}${[...body, ...extra].join(eol)}`;
}

/**
 * One field as YAML in the house style (double-quoted text, a list on one line, text of several
 * lines as a block), without its last line break; undefined for what has no such form here.
 */
function yamlField(key: string, v: unknown, eol: string): string | undefined {
  if (!/^[A-Za-z_][\w-]*$/.test(key)) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(scalar);
    return items.some((i) => i === undefined) ? undefined : `${key}: [${items.join(', ')}]`;
  }
  if (typeof v === 'string' && v.includes('\n')) {
    const b = block(v, eol);
    return b === undefined ? undefined : `${key}: ${b}`;
  }
  const s = scalar(v);
  return s === undefined ? undefined : `${key}: ${s}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  // The one change the conversion makes: a line break written CR LF in a TOML text is LF in YAML (the page shows the same).
  if (typeof a === 'string' && typeof b === 'string') return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
  return Object.is(a, b);
}

/**
 * A message's examples of a field (`title: "…"`, `date: 2017-08-15`, `question: |`) written as
 * TOML (`title = "…"`, `question = """`), for fields between `+++` lines.
 */
export function asTomlExamples(message: string, fields: readonly string[]): string {
  if (!fields.length) return message;
  const keys = fields.map((f) => f.replace(/[^\w-]/g, '')).filter(Boolean).join('|');
  return message.replace(new RegExp(`(?<![\\w-])(${keys}): (\\|(?=$|[\\s.,)])|["'\\[\\d]|true\\b|false\\b)`, 'g'), (_m, key: string, rest: string) => `${key} = ${rest === '|' ? '"""' : rest}`);
}
