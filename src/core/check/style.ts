import type { CheckContext } from './context';
import { nearest } from '../similarity';
import { parseArticle, type Field, type ParsedArticle } from '../parse';
import type { ArticleSchema } from '../schema';
import type { Fix, Range } from '../types';
import { hiddenLines } from '../document/hidden';
import { findSummaryBlock } from '../document/summary';
import { charCount as char } from '../render/text';
import { slugField, slugOf } from '../site/address';
import { doubleQuoted, valueSpan } from '../yaml/quote';
import { YES_NO } from './written';
import { codePointName, INVISIBLE, invisibleEdits, withoutInvisible } from '../yaml/siteErrors';
import { deleteCharsTitle } from './invisibleShapes';


/** Title and description lengths, unknown fields, the summary block, headings and published-but-incomplete articles. */
export function checkStyle(ctx: CheckContext): void {
  const { article, config } = ctx;
  const data = article.data;
  if (!data) return;
  const field = (k: string) => article.fields.get(k);

  const title = data.title;
  const tf = field('title');
  // A title no longer in code units than the limit is no longer in characters either (`char` counts fewer).
  if (typeof title === 'string' && tf && title.length > config.titleMax && char(title) > config.titleMax) {
    ctx.report('title-length', tf.valueStart, tf.valueEnd, ctx.msg('title-length', char(title), config.titleMax));
  }
  const desc = data.description;
  const df = field('description');
  if (typeof desc === 'string' && df) {
    const n = char(desc.trim());
    if (n < config.descriptionMin) ctx.report('description-length', df.valueStart, df.valueEnd, ctx.msg('description-short', n, config.descriptionMin, config.descriptionMax));
    else if (n > config.descriptionMax) ctx.report('description-length', df.valueStart, df.valueEnd, ctx.msg('description-long', n, config.descriptionMin, config.descriptionMax));
  }

  if (ctx.on('unknown-field') && ctx.schema.fields.length) {
    const known = knownFields(ctx.schema);
    const renames = fieldRenames(article, ctx.schema);
    for (const f of article.fieldList) {
      // `<<` is YAML's merge key: the site reads the fields it brings in, not a field of that name.
      if (known.has(f.key) || f.key === '<<') continue;
      // A `slug` the site does not drop: its content collection takes it as the page's address.
      const slug = f.key === 'slug' ? slugField(data) : undefined;
      if (slug !== undefined) {
        pageAddress(ctx, f, slug);
        continue;
      }
      const hiddenKey = INVISIBLE.test(f.key) ? withoutInvisible(f.key) : undefined;
      if (hiddenKey !== undefined && known.has(hiddenKey) && !article.fields.has(hiddenKey)) {
        // A required field written so is reported as missing, at this key (schema.ts).
        if (!ctx.schema.required.includes(hiddenKey)) ctx.report('unknown-field', f.keyStart, f.keyEnd, ctx.msg('unknown-field-invisible', hiddenKey, codePointName(f.key[f.key.search(INVISIBLE)])), [invisibleKeyFix(ctx, f)]);
        continue;
      }
      const rename = renames.get(f);
      // A required field under a misspelt name is reported as missing, at this key (schema.ts).
      if (rename && ctx.schema.required.includes(rename.to) && !article.fields.has(rename.to)) continue;
      if (rename) {
        const fix: Fix = { title: ctx.msg('fix-rename-field', rename.to), edits: [{ start: f.keyStart, end: f.keyEnd, newText: rename.to }], preferred: rename.fits };
        // A misspelt `published` is ignored and the site's default (true) applies: the draft goes live.
        if (rename.to === 'published' && data[f.key] !== true && ctx.on('published-typo')) {
          // `Published: ja` means published: true; the renamed key takes the value it means too.
          const said = data[f.key];
          const meant = typeof said === 'string' ? YES_NO[said.trim().toLowerCase()] : undefined;
          const both: Fix | undefined = meant === undefined || !f.node ? undefined : { title: ctx.msg('fix-rename-field-value', rename.to, String(meant)), edits: [fix.edits[0], { ...valueSpan(article.text, f.node), newText: String(meant) }], preferred: true };
          const fixes = both ? [both, fix] : [fix];
          ctx.report('published-typo', f.keyStart, f.keyEnd, ctx.msg('published-typo', f.key), fixes);
          continue;
        }
        ctx.report('unknown-field', f.keyStart, f.keyEnd, ctx.msg('unknown-field-suggest', f.key, rename.to), [fix]);
      } else ctx.report('unknown-field', f.keyStart, f.keyEnd, ctx.msg('unknown-field', f.key));
    }
  }

  checkDateExists(ctx);
  if (ctx.on('typographic-quotes')) checkTypographicQuotes(ctx);
  if (ctx.on('question-folded')) checkQuestionFolded(ctx);
  if (ctx.on('value-comment')) checkValueComments(ctx);

  const published = data.published !== false;
  const bodyEmpty = article.body.trim() === '';
  if (published && article.frontmatter) {
    const status = field('status');
    if (data.status === 'obesvarad' && status) {
      ctx.report('published-incomplete', status.valueStart, status.valueEnd, ctx.msg('published-unanswered'));
    }
    const q = field('question');
    if (q && typeof data.question === 'string' && data.question.trim() === '') {
      ctx.report('published-incomplete', q.keyStart, q.valueEnd, ctx.msg('published-empty-question'));
    }
    if (bodyEmpty) {
      const pf = field('published');
      const fm = article.frontmatter;
      const at = pf ? { s: pf.keyStart, e: pf.valueEnd } : { s: fm.closeStart ?? fm.openStart, e: fm.closeEnd ?? fm.openEnd };
      ctx.report('published-incomplete', at.s, at.e, ctx.msg('published-empty-answer'));
    } else if (ctx.on('summary-block')) {
      checkSummary(ctx);
    }
  }
  if (!bodyEmpty && ctx.on('answer-heading')) checkHeadings(ctx);
}

function checkSummary(ctx: CheckContext): void {
  const { article } = ctx;
  const s = findSummaryBlock(article.lines, article.bodyStart);
  if (s && s.bullets > 0) return;
  if (s) {
    ctx.report('summary-block', s.start, s.end, ctx.msg('summary-empty'));
    return;
  }
  // Point at the last line of the answer's text: the summary goes after it. Definitions, comments
  // and breaks below it show nothing, and stay below the summary.
  const { lines, text } = article;
  const { hidden } = hiddenLines(lines, article.bodyStart);
  const unseen = (l: number) => lines.lineText(l).trim() === '' || hidden(l);
  let last = lines.lineCount - 1;
  while (last > 0 && unseen(last) && lines.starts[last] > article.bodyStart) last--;
  let rest = last + 1;
  while (rest < lines.lineCount && lines.lineText(rest).trim() === '') rest++;
  const start = Math.max(lines.starts[last], article.bodyStart);
  const end = Math.max(start, lines.starts[last] + lines.lineText(last).length);
  const eol = ctx.eol;
  const list = finalBulletList(ctx);
  if (list !== undefined) {
    // The answer already ends with its key points: label that list instead of adding an empty one.
    const first = lines.positionAt(list).line;
    const blankBefore = first === 0 || lines.starts[first - 1] < article.bodyStart || lines.lineText(first - 1).trim() === '';
    // After a lone CR, an inserted LF would join it as one CR LF break, not make the blank line.
    const joinsCr = text[list - 1] === '\r' && eol[0] === '\n';
    const label = `${blankBefore ? '' : joinsCr ? eol + eol : eol}**Sammanfattning:**${eol}`;
    const fix: Fix = { title: ctx.msg('fix-label-summary'), edits: [{ start: list, end: list, newText: label }], preferred: true, needsWriter: true };
    const length = lines.lineText(first).length;
    ctx.report('summary-block', list, lines.starts[first] + length, ctx.msg('summary-unlabelled'), [fix], onLine(first, 0, length));
    return;
  }
  // The blank lines after the text are replaced; what shows nothing stays after a blank line.
  const kept = rest < lines.lineCount;
  const replaced = kept ? lines.starts[rest] : text.length;
  // A blank line between the label and the empty bullet: "- " right below a line would make that line a heading.
  const skeleton = `${eol}${eol}**Sammanfattning:**${eol}${eol}- ${eol}${kept ? eol : ''}`;
  const fix: Fix = { title: ctx.msg('fix-add-summary'), edits: [{ start: end, end: replaced, newText: skeleton }], preferred: true, needsWriter: true };
  ctx.report('summary-block', start, end, ctx.msg('summary-missing'), [fix], start === lines.starts[last] ? onLine(last, 0, end - start) : undefined);
}

/** The range of characters `from` to `to` of a line: what `lines.range` gives for offsets known to be on it. */
const onLine = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

const LIST_ITEM_RE = /^[ \t]{0,3}[-*+][ \t]+\S/;

/** The offset of the first line of the bullet list that ends the answer, if it ends with one. */
export function finalBulletList(ctx: Pick<CheckContext, 'article'>): number | undefined {
  const { lines, bodyStart } = ctx.article;
  const first = lines.positionAt(bodyStart).line;
  const { hidden } = hiddenLines(lines, bodyStart);
  let l = lines.lineCount - 1;
  // Definitions, comments and breaks after the list show nothing: the list still ends the answer.
  while (l >= first && (lines.lineText(l).trim() === '' || hidden(l))) l--;
  if (l < first) return undefined;
  let top: number | undefined;
  for (; l >= first && lines.starts[l] >= bodyStart; l--) {
    const t = lines.lineText(l);
    if (LIST_ITEM_RE.test(t)) top = l;
    // A blank line goes on with the list; an indented one is an item's own text (after the
    // last item too, where Markdown reads it as that item's).
    else if (t.trim() !== '' && !/^\s{2,}\S/.test(t)) break;
  }
  return top === undefined ? undefined : lines.starts[top];
}

/**
 * A fence line as CommonMark reads it: up to three spaces, then three or more backticks or
 * tildes; a backtick fence's info string may hold no backtick.
 */
function fenceOf(line: string): { char: string; length: number; rest: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return undefined;
  let j = i;
  while (line[j] === c) j++;
  if (j - i < 3) return undefined;
  const rest = line.slice(j);
  if (c === '`' && rest.includes('`')) return undefined;
  return { char: c, length: j - i, rest };
}

/**
 * Headings in the answer, outside code. A fence closes only with the same character, at least
 * as long and with nothing after it; one never closed runs to the end, as the site renders it,
 * so what follows it is code and no heading.
 */
function checkHeadings(ctx: CheckContext): void {
  const { lines, bodyStart, text } = ctx.article;
  // A heading holds a #: an answer with none has no heading to find (fences only hide headings).
  if (text.indexOf('#', bodyStart) < 0) return;
  let open: { char: string; length: number } | undefined;
  for (let l = lines.positionAt(bodyStart).line; l < lines.lineCount; l++) {
    if (lines.starts[l] < bodyStart) continue;
    // A fence or a heading starts with # ` or ~ after at most three spaces: other lines need no closer look.
    let k = lines.starts[l];
    while (k < lines.starts[l] + 3 && text.charCodeAt(k) === 32) k++;
    const first = text.charCodeAt(k);
    if (first !== 35 && first !== 96 && first !== 126) continue;
    const t = lines.lineText(l);
    const f = fenceOf(t);
    if (open) {
      if (f && f.char === open.char && f.length >= open.length && f.rest.trim() === '') open = undefined;
      continue;
    }
    if (f) {
      open = f;
      continue;
    }
    const h = /^ {0,3}#{1,6}(?:[ \t]|$)/.exec(t);
    if (h) ctx.report('answer-heading', lines.starts[l], lines.starts[l] + t.length, ctx.msg('answer-heading'), undefined, onLine(l, 0, t.length));
  }
}

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})/;

/**
 * Whether a date written so is that day, as a round trip through `Date.UTC` tells (without
 * making a Date): the day is in its month, and a year below 100 is none (`Date.UTC` takes 17 as 1917).
 */
function dayExists(y: number, mo: number, d: number): boolean {
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31);
}

/** A date such as 2017-02-30 parses (the day overflows into March), so the build passes with the wrong day. */
function checkDateExists(ctx: CheckContext): void {
  const f = ctx.article.fields.get('date');
  const value = ctx.article.data?.date;
  if (!f || !(value instanceof Date) || !ctx.on('date-invalid')) return;
  const m = DATE_RE.exec(ctx.article.text.slice(f.valueStart, f.valueEnd));
  if (!m) return;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (dayExists(y, mo, d)) return;
  const shown = value.toISOString().slice(0, 10);
  ctx.report('date-invalid', f.valueStart, f.valueEnd, ctx.msg('date-invalid', m[0], shown));
}

/**
 * The unknown fields that are near misses of a known field not yet written, with that field and
 * whether the value fits it (a rename that only trades a warning for an error is no fix to apply
 * unasked). Each known field is offered to one unknown field only (the first), so renaming them
 * all never writes a key twice.
 */
/** Unknown keys compared with the known ones for a misspelling, at most. */
const MAX_RENAMED = 100;

const knownSets = new WeakMap<readonly string[], Set<string>>();

/** The schema's fields as a set, made once per schema (every article's keys are looked up in it). */
function knownFields(schema: ArticleSchema): Set<string> {
  let known = knownSets.get(schema.fields);
  if (!known) knownSets.set(schema.fields, (known = new Set(schema.fields)));
  return known;
}

export function fieldRenames(article: ParsedArticle, schema: ArticleSchema): Map<Field, { to: string; fits: boolean }> {
  const fields = schema.fields;
  const known = knownFields(schema);
  const out = new Map<Field, { to: string; fits: boolean }>();
  // Nearly every article has only known keys: then there is nothing to rename.
  if (article.fieldList.every((f) => known.has(f.key) || f.key === '<<')) return out;
  const taken = new Set(article.fieldList.map((f) => f.key));
  // A writer's typos are a few keys: past the first hundred unknown ones (a pasted table of
  // thousands), no key is compared with the known ones, which took seconds a check.
  let unknown = 0;
  for (const f of article.fieldList) {
    if (known.has(f.key) || f.key === '<<') continue;
    if (++unknown > MAX_RENAMED) break;
    const to = nearest(f.key, fields.filter((k) => !taken.has(k)));
    if (!to) continue;
    taken.add(to);
    out.set(f, { to, fits: valueFits(article, schema, f.key, to) });
  }
  return out;
}

/** The field whose key is `key` but for invisible characters in it (`\u00a0category`), if one is written. */
export function invisibleVariant(article: ParsedArticle, key: string): Field | undefined {
  return article.fieldList.find((f) => f.key !== key && INVISIBLE.test(f.key) && withoutInvisible(f.key) === key);
}

/** Deletes the invisible characters of a field's key. */
export function invisibleKeyFix(ctx: Pick<CheckContext, 'msg' | 'article' | 'schema'>, f: Field): Fix {
  const edits = invisibleEdits(ctx.article.text, f.keyStart, f.keyEnd);
  // As for a misspelt key: applied without asking only when the value then passes.
  return { title: deleteCharsTitle(ctx, edits), edits, preferred: valueFits(ctx.article, ctx.schema, f.key, withoutInvisible(f.key)) };
}

/** Whether the value of `from`, written under `to`, passes the schema for `to`. */
function valueFits(article: ParsedArticle, schema: ArticleSchema, from: string, to: string): boolean {
  if (!article.data) return false;
  const data: Record<string, unknown> = { ...article.data, [to]: article.data[from] };
  delete data[from];
  if (schema.validate(data)) return true;
  return !(schema.validate.errors ?? []).some((e) => e.instancePath === `/${to}` || e.instancePath.startsWith(`/${to}/`));
}

/** Typographic quotes a word processor writes, each with the marks that may close it. */
const TYPOGRAPHIC: Record<string, string> = { '”': '”“', '“': '”“', '„': '”“', '«': '»«', '»': '«»', '’': '’‘', '‘': '’‘', '‚': '’‘', '‹': '›‹', '›': '‹›' };

/** The fields whose text the page shows as written, where a comment cuts it short unseen. */
const SHOWN_TEXT = ['title', 'description', 'author', 'patientName'];

/**
 * `title: Fråga #2 om axeln`: YAML ends a plain value at ` #` (a comment), so the page shows
 * "Fråga". The offered fix quotes what was written; a `#` meant as a note stays the writer's call.
 */
function checkValueComments(ctx: CheckContext): void {
  const { article } = ctx;
  for (const key of SHOWN_TEXT) {
    const f = article.fields.get(key);
    const node = f?.node as { type?: string; value?: unknown } | null | undefined;
    if (!f || !node || node.type !== 'PLAIN' || typeof node.value !== 'string') continue;
    const span = valueSpan(article.text, f.node!);
    const line = article.lines.positionAt(span.end).line;
    const lineEnd = article.lines.starts[line] + article.lines.lineText(line).length;
    const after = article.text.slice(span.end, lineEnd);
    if (!/^[ \t]+#/.test(after)) continue;
    const written = article.text.slice(span.start, lineEnd).trimEnd();
    const fix: Fix = { title: ctx.msg('fix-quote-value'), edits: [{ start: span.start, end: span.start + written.length, newText: doubleQuoted(written) }], preferred: false };
    ctx.report('value-comment', span.start, span.start + written.length, ctx.msg('value-comment', key, node.value), [fix]);
  }
}

/**
 * A question over several lines that is no block (`question: Hej …` with its lines below it):
 * YAML folds the lines into one, and the page, which shows the question's line breaks, runs them
 * together. The fix, for an unquoted value, writes each line of the source as a line of a block.
 */
function checkQuestionFolded(ctx: CheckContext): void {
  const { article } = ctx;
  const f = article.fields.get('question');
  const node = f?.node as { type?: string; value?: unknown } | null | undefined;
  if (!f || !node || typeof node.value !== 'string' || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(node.type ?? '')) return;
  const span = valueSpan(article.text, f.node!);
  const source = article.text.slice(span.start, span.end);
  if (!/[\r\n]/.test(source)) return;
  const eol = ctx.eol;
  const lines = source.split(/\r\n|\r|\n/).map((l) => l.trim());
  const block = '|' + eol + lines.map((l) => (l === '' ? '' : '  ' + l)).join(eol);
  const fixes: Fix[] = [];
  // Only where each source line is plain text, as the block then reads it (no comment, no quote to undo).
  if (node.type === 'PLAIN' && !lines.some((l) => l.includes(' #'))) {
    const after = article.text.slice(0, span.start) + block + article.text.slice(span.end);
    const want = lines.join('\n').replace(/\n+$/, '') + '\n';
    if (parseArticle(after).data?.question === want) fixes.push({ title: ctx.msg('fix-question-block'), edits: [{ start: span.start, end: span.end, newText: block }], preferred: true });
  }
  ctx.report('question-folded', f.keyStart, span.end, ctx.msg('question-folded'), fixes);
}

/**
 * A plain value between typographic quotes (`title: ”Ont i axeln”`): YAML quotes only with
 * straight marks, so the site shows these around the text. The fix writes straight quotes.
 */
function checkTypographicQuotes(ctx: CheckContext): void {
  const { article } = ctx;
  for (const f of article.fieldList) {
    const node = f.node as { type?: string; value?: unknown; range?: unknown } | null;
    if (!node || node.type !== 'PLAIN' || typeof node.value !== 'string') continue;
    const v = node.value;
    const open = v[0];
    const close = v[v.length - 1];
    if (v.length < 3 || !TYPOGRAPHIC[open]?.includes(close) || article.data?.[f.key] !== v) continue;
    const inner = v.slice(1, -1);
    // A value that only starts with a quotation (”Frusen axel” – vad är det?) is not this.
    if (inner.trim() === '' || [...inner].some((c) => c in TYPOGRAPHIC)) continue;
    const span = valueSpan(article.text, f.node!);
    const fix: Fix = { title: ctx.msg('fix-straight-quotes'), edits: [{ start: span.start, end: span.end, newText: doubleQuoted(inner) }], preferred: true };
    ctx.report('typographic-quotes', span.start, span.end, ctx.msg('typographic-quotes', f.key, open, close), [fix]);
  }
}

/** A `slug` field, which the site takes as the page's address: said where it differs from the file's. */
function pageAddress(ctx: CheckContext, f: Field, slug: string): void {
  if (!ctx.on('page-address')) return;
  const fromFile = ctx.file === undefined ? undefined : slugOf(ctx.file);
  if (slug === fromFile) return;
  const { lines } = ctx.article;
  const first = lines.positionAt(f.keyStart).line;
  const last = lines.positionAt(Math.max(f.keyStart, f.valueEnd - 1)).line;
  const remove: Fix = { title: ctx.msg('fix-remove-slug'), edits: [{ start: lines.starts[first], end: last + 1 < lines.lineCount ? lines.starts[last + 1] : lines.lineEnd(last), newText: '' }], preferred: false, needsWriter: true };
  const message = fromFile === undefined ? ctx.msg('page-address-slug-nofile', slug) : ctx.msg('page-address-slug', slug, fromFile);
  ctx.report('page-address', f.keyStart, f.keyEnd, message, ctx.article.frontmatter?.kind === 'toml' ? [] : [remove]);
}
