import { isCollection, isMap, isScalar, isSeq, visit, type Document, type Node, type Scalar } from 'yaml';
import type { CheckContext } from './context';
import { writtenDate, YES_NO } from './written';
import { nodeAt } from '../parse';
import { fieldSchema, type ErrorObject, type SchemaObject } from '../schema';
import { nearest } from '../similarity';
import type { Fix } from '../types';
import { doubleQuoted, readsAs, valueSpan, writeLike } from '../yaml/quote';
import { fieldRenames, invisibleKeyFix, invisibleVariant } from './style';
import { codePointName, INVISIBLE } from '../yaml/siteErrors';

const DATE_RE = /^\d{4}-\d{2}-\d{2}([Tt ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{1,2}(:?\d{2})?)?)?$/;

/** Validates what the site read from the frontmatter against the schema; every violation at its key or value, in the writer's terms. */
export function checkSchema(ctx: CheckContext): void {
  const { article, schema } = ctx;
  const data = article.data;
  if (!article.frontmatter || data === undefined) return;
  const errors = [...(schema.validate(data) ? [] : (schema.validate.errors ?? [])), ...notANumber(schema.json, data)];
  if (errors.length === 0) return;
  const first = ctx.problems.length;
  reportErrors(ctx, errors);
  // Where the source reading went astray (the site reads the block, the yaml package does not), a
  // fix would edit by ranges that cannot be trusted: the problems stay, their fixes go.
  if (article.sourceIssues.length > 0) for (const p of ctx.problems.slice(first)) delete p.fixes;
  // With an alias (`author: *a`), a value changed where its anchor stands changes the other
  // fields that repeat it too: the fix is offered, and the writer applies it, not a fix-all.
  else if (article.doc && hasAlias(article.doc)) for (const p of ctx.problems.slice(first)) for (const f of p.fixes ?? []) f.preferred = false;
}

/** Whether the document repeats a value by an alias (`*a`). */
function hasAlias(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

function reportErrors(ctx: CheckContext, errors: ErrorObject[]): void {
  const { article } = ctx;
  const data = article.data!;
  const handled = new Set<string>();
  for (const err of errors) {
    const path = pointerToPath(err.instancePath);
    const key = path.join('/');
    if (err.keyword === 'required') {
      reportRequired(ctx, (err.params as { missingProperty: string }).missingProperty, path);
      continue;
    }
    if (handled.has(key)) continue;
    handled.add(key);
    const value = valueAt(data, path);
    const found = nodeAt(article, path);
    // A value the source does not show at its path (merged in with `<<`, or the source reading lost it) is reported where it comes from.
    const node = found ?? undefined;
    const range = found === undefined ? fallbackRange(ctx, path) : nodeRange(ctx, path, found);
    if (value === null) {
      ctx.report('yaml-empty-value', range.start, range.end, ctx.msg('type-empty', String(path[path.length - 1])));
      continue;
    }
    if (err.keyword === 'type' || err.keyword === 'x-yaml-type') {
      reportType(ctx, err, path, node, range, value);
    } else if (err.keyword === 'enum') {
      reportEnum(ctx, err, path, node, range, value);
    } else {
      ctx.report('schema', range.start, range.end, otherMessage(ctx, err, path));
    }
  }
}

/**
 * A project schema's other rules (lengths, limits, patterns …) in the writer's words, not the
 * validator's: the field (or the item of a list) and what the schema asks of it.
 */
function otherMessage(ctx: CheckContext, err: ErrorObject, path: (string | number)[]): string {
  const last = path[path.length - 1];
  const item = path.length > 1 && /^\d+$/.test(String(last)) ? Number(last) : undefined;
  const name = item !== undefined ? ctx.msg('schema-item', path.slice(0, -1).join('.'), item + 1) : ctx.msg('schema-field', path.join('.') || '…');
  const p = err.params as Record<string, unknown>;
  const limit = String(p.limit ?? '');
  switch (err.keyword) {
    case 'minLength':
      return ctx.msg('schema-min-length', name, Number(p.limit));
    case 'maxLength':
      return ctx.msg('schema-max-length', name, Number(p.limit));
    case 'minItems':
      return ctx.msg('schema-min-items', name, Number(p.limit));
    case 'maxItems':
      return ctx.msg('schema-max-items', name, limit);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const key = { minimum: 'schema-minimum', maximum: 'schema-maximum', exclusiveMinimum: 'schema-exclusive-minimum', exclusiveMaximum: 'schema-exclusive-maximum' } as const;
      return ctx.msg(key[err.keyword], name, limit);
    }
    case 'multipleOf':
      return ctx.msg('schema-multiple-of', name, String(p.multipleOf ?? ''));
    case 'pattern':
      return ctx.msg('schema-pattern', name, String(p.pattern ?? ''));
    case 'const':
      return ctx.msg('schema-const', name, JSON.stringify(p.allowedValue));
    case 'uniqueItems':
      return ctx.msg('schema-unique', name, Math.min(Number(p.i), Number(p.j)) + 1, Math.max(Number(p.i), Number(p.j)) + 1);
    case 'format':
      return ctx.msg('schema-format', name, String(p.format ?? ''));
    case 'not':
    case 'false schema':
      return ctx.msg('schema-not-allowed', name);
    default:
      return ctx.msg('schema-unfit', name, err.keyword);
  }
}

/** The value the site read at a path. */
function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

/** Where to show a problem whose value has no node of its own: its top-level field, the `<<` line that merged it in, or the opening fence. */
function fallbackRange(ctx: CheckContext, path: (string | number)[]): { start: number; end: number } {
  const f = ctx.article.fields.get(String(path[0])) ?? ctx.article.fields.get('<<');
  if (f) return { start: f.keyStart, end: Math.max(f.valueEnd, f.keyEnd) };
  const fm = ctx.article.frontmatter!;
  return { start: fm.openStart, end: fm.openEnd };
}

/**
 * JSON Schema's `number` takes NaN (`.nan` in YAML); the site's zod `z.number()` does not. A
 * top-level number field holding NaN is reported as a type error, as the build fails on it.
 */
function notANumber(json: SchemaObject, data: Record<string, unknown>): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const [key, prop] of Object.entries(json.properties ?? {})) {
    const t = prop.type;
    if ((t === 'number' || t === 'integer') && typeof data[key] === 'number' && Number.isNaN(data[key])) {
      out.push({ keyword: 'type', instancePath: '/' + key.replace(/~/g, '~0').replace(/\//g, '~1'), schemaPath: `#/properties/${key}/type`, params: { type: t } });
    }
  }
  return out;
}

function pointerToPath(p: string): (string | number)[] {
  if (!p) return [];
  return p.slice(1).split('/').map((s) => {
    const u = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(u) ? Number(u) : u;
  });
}

function nodeRange(ctx: CheckContext, path: (string | number)[], node: Node | null): { start: number; end: number } {
  if (node && node.range && node.range[1] > node.range[0]) return { start: node.range[0], end: node.range[1] };
  // An empty value: point at its key.
  if (path.length === 1) {
    const f = ctx.article.fields.get(String(path[0]));
    if (f) return { start: f.keyStart, end: f.valueEnd };
  }
  const fm = ctx.article.frontmatter!;
  return { start: fm.openStart, end: fm.openEnd };
}

/** The YAML shape to add for a missing field, e.g. `date: 2026-11-29` or `question: |`. */
export function fieldSkeleton(key: string, prop: SchemaObject | undefined, eol: string, today = new Date()): string {
  if (prop?.['x-yaml-type'] === 'timestamp') return `${key}: ${today.toISOString().slice(0, 10)}`;
  if (key === 'question') return `${key}: |${eol}  `;
  if (prop?.enum && prop.enum.length) return `${key}: ${doubleQuoted(String(prop.enum[0]))}`;
  if (prop?.type === 'array') return `${key}: []`;
  if (prop?.type === 'boolean') return `${key}: false`;
  if (prop?.type === 'number' || prop?.type === 'integer') return `${key}: 0`;
  return `${key}: ""`;
}

/** The text before a line's first colon, blanks before it dropped (a scan: `/[ \t]*:.*$/` is quadratic on a long run of blanks). */
function keyOfLine(l: string): string {
  const colon = l.indexOf(':');
  if (colon < 0) return l;
  let end = colon;
  while (end > 0 && (l[end - 1] === ' ' || l[end - 1] === '\t')) end--;
  return l.slice(0, end);
}

/**
 * Where a missing field goes: before the first field written that comes after it in the
 * schema's order (title, description, category, topic …), else after the last field.
 */
export function insertionPoint(ctx: Pick<CheckContext, 'article' | 'schema'>, missing: string): number {
  const { article, schema } = ctx;
  const fm = article.frontmatter!;
  const order = schema.fields;
  const at = order.indexOf(missing);
  if (at >= 0) {
    for (const f of article.fieldList) {
      const i = order.indexOf(f.key);
      if (i > at) return article.lines.starts[article.lines.positionAt(f.keyStart).line];
    }
  }
  return fm.closeStart!;
}

/**
 * The category for an article without one: the body part of its topic in the site's topic list
 * (the page that lists it), else the category most articles with that topic use.
 */
function categoryFromTopic(ctx: CheckContext, prop: SchemaObject | undefined): { category: string; topic: string } | undefined {
  const raw = ctx.article.data?.topic;
  const topic = typeof raw === 'string' ? raw.trim() : '';
  if (!topic) return undefined;
  const allowed = (c: string | undefined): c is string => !!c && (!prop?.enum || prop.enum.includes(c));
  const site = ctx.site?.topics?.find((t) => t.id === topic)?.bodyPart;
  if (allowed(site)) return { category: site, topic };
  ctx.corpusRead = true;
  const found = ctx.index?.categoryOfTopic(topic)?.category;
  return allowed(found) ? { category: found, topic } : undefined;
}

function reportRequired(ctx: CheckContext, missing: string, path: (string | number)[]): void {
  if (path.length > 0) return; // nested objects are not part of the contract
  const fm = ctx.article.frontmatter!;
  // Written, but its key holds an invisible character (a no-break space before it): the site reads another key.
  const hidden = invisibleVariant(ctx.article, missing);
  if (hidden) {
    ctx.report('schema-required', hidden.keyStart, hidden.keyEnd, ctx.msg('schema-required-invisible', missing, codePointName(hidden.key[hidden.key.search(INVISIBLE)])), [invisibleKeyFix(ctx, hidden)]);
    return;
  }
  // Written under a misspelt name (`Title`, `qestion`): that key is where to act.
  if (ctx.on('unknown-field')) {
    for (const [f, r] of fieldRenames(ctx.article, ctx.schema)) {
      if (r.to !== missing) continue;
      const fix: Fix = { title: ctx.msg('fix-rename-field', missing), edits: [{ start: f.keyStart, end: f.keyEnd, newText: missing }], preferred: r.fits };
      ctx.report('schema-required', f.keyStart, f.keyEnd, ctx.msg('schema-required-misspelt', missing, f.key), [fix]);
      return;
    }
  }
  const prop = fieldSchema(ctx.schema, missing);
  const eol = ctx.eol;
  const derived = missing === 'category' ? categoryFromTopic(ctx, prop) : undefined;
  const line = derived ? `category: "${derived.category}"` : fieldSkeleton(missing, prop, eol);
  const fixes: Fix[] = [];
  if (fm.closeStart !== undefined && canAddField(ctx, missing)) {
    const at = insertionPoint(ctx, missing);
    const title = derived ? ctx.msg('fix-add-category', derived.category, derived.topic) : ctx.msg('fix-add-field', missing);
    // A value picked from a list without a reason to pick it (the first category, for an
    // article whose topic tells none) is offered, but a fix-all does not guess it.
    const guess = !derived && !!prop?.enum?.length;
    // An empty value (`title: ""`, `question: |` with no text) is for the writer to fill in;
    // today's date is right for a new answer, not for one written years ago.
    const needsWriter = !derived && (/: (?:""|\[\]|\|\s*)$/.test(line) || prop?.['x-yaml-type'] === 'timestamp');
    fixes.push({ title, edits: [{ start: at, end: at, newText: line + eol }], preferred: !guess, ...(needsWriter ? { needsWriter } : {}) });
  }
  ctx.report('schema-required', fm.openStart, fm.openEnd, ctx.msg('schema-required', missing, line.split(/\r\n|\r|\n/)[0]), fixes);
}

/**
 * Whether a line `key: …` can be added at the end of the frontmatter without a duplicate key or
 * broken YAML: the fields are written one per line from the left margin (not inside `{ }`),
 * the key is not written already (a YAML error above may have swallowed it, or it is indented
 * under another field), and no unknown field is about to be renamed to it.
 */
function canAddField(ctx: CheckContext, key: string): boolean {
  const { article } = ctx;
  const fm = article.frontmatter!;
  const root = article.doc?.contents;
  if (root != null && (!isMap(root) || root.flow)) return false;
  const first = article.fieldList[0];
  if (first && article.lines.positionAt(first.keyStart).character !== 0) return false;
  const lines = article.text.slice(fm.contentStart, fm.contentEnd).split(/\r\n|\r|\n/);
  if (lines.some((l) => keyOfLine(l).replace(/^[ \t]*["']?/, '').replace(/["']$/, '') === key)) return false;
  if (ctx.on('unknown-field') && [...fieldRenames(article, ctx.schema).values()].some((r) => r.to === key && r.fits)) return false;
  return true;
}

function expectedType(err: ErrorObject): string {
  if (err.keyword === 'x-yaml-type') return 'timestamp';
  const t = (err.params as { type: string | string[] }).type;
  return Array.isArray(t) ? t[0] : t;
}

function reportType(ctx: CheckContext, err: ErrorObject, path: (string | number)[], node: Node | undefined, range: { start: number; end: number }, read: unknown): void {
  const name = String(path[0]);
  const expected = expectedType(err);
  const scalar = node && isScalar(node) ? (node as Scalar) : undefined;
  const quoted = scalar && (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE');
  const value = scalar?.value;
  const text = ctx.article.text;
  // A replacement covers the value's tag too (`!!str "true"` stays text whatever is inside);
  // a value the source does not show at its path gets no fix, only its message.
  const span = scalar ? valueSpan(text, scalar) : undefined;
  const replace = (title: string, newText: string): Fix[] => (span ? [{ title, edits: [{ start: span.start, end: span.end, newText }], preferred: true }] : []);
  const unquote = (plain: string): Fix[] => replace(ctx.msg('fix-unquote'), plain);
  const isItem = typeof path[path.length - 1] === 'number';

  if (expected === 'timestamp') {
    const v = typeof value === 'string' ? value.trim() : '';
    if (quoted && DATE_RE.test(v)) {
      ctx.report('yaml-type', range.start, range.end, ctx.msg('type-quoted-date', v, name), readsAs(v, 'date') ? unquote(v) : []);
      return;
    }
    // A day written another way (`11 mars 2024`, `2024-3-5`): the same day as YYYY-MM-DD.
    const meant = scalar ? writtenDate(value) : undefined;
    if (meant && readsAs(meant.date, 'date')) {
      const shown = typeof value === 'string' ? value.trim() : String(value);
      const fixes = replace(ctx.msg('fix-write-date', meant.date), meant.date).map((f) => ({ ...f, preferred: meant.sure }));
      ctx.report('yaml-type', range.start, range.end, ctx.msg(meant.sure ? 'type-date-written' : 'type-date-written-unsure', name, shown, meant.date), fixes);
      return;
    }
    ctx.report('yaml-type', range.start, range.end, ctx.msg('type-not-date', name));
    return;
  }
  if (expected === 'boolean') {
    if (typeof value === 'string') {
      const v = value.trim().toLowerCase();
      if (quoted && (v === 'true' || v === 'false')) {
        ctx.report('yaml-type', range.start, range.end, ctx.msg('type-quoted-boolean', v, name), unquote(v));
        return;
      }
      if (v in YES_NO) {
        const b = String(YES_NO[v]);
        ctx.report('yaml-type', range.start, range.end, ctx.msg('type-yes-no', value, name, b), replace(ctx.msg('fix-write-boolean', b), b));
        return;
      }
    }
    ctx.report('yaml-type', range.start, range.end, ctx.msg('type-not-boolean', name));
    return;
  }
  if (expected === 'number' || expected === 'integer') {
    const v = typeof value === 'string' ? value.trim() : '';
    if (quoted && /^-?\d+(\.\d+)?$/.test(v)) {
      const ok = readsAs(v, 'number') && (expected === 'number' || Number.isInteger(Number(v)));
      ctx.report('yaml-type', range.start, range.end, ctx.msg('type-quoted-number', v, name), ok ? unquote(v) : []);
    } else ctx.report('yaml-type', range.start, range.end, ctx.msg('type-not-number', name));
    return;
  }
  if (expected === 'string') {
    const src = text.slice(range.start, range.end);
    const fixes: Fix[] = [];
    // The value as written, on one line, becomes the text (a tag in front of it is dropped).
    const asText = src.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ').trim();
    const prop = isItem ? undefined : fieldSchema(ctx.schema, name);
    const allowed = prop?.enum?.map(String);
    const single = !!scalar && !isCollection(node);
    if (allowed && !allowed.includes(asText)) {
      // Quoting a value the list does not allow would only trade this error for another: name the list.
      const suggestion = nearest(asText, allowed);
      const choices = !single ? [] : suggestion ? replace(ctx.msg('fix-replace', suggestion), doubleQuoted(suggestion)) : allowed.flatMap((v) => replace(ctx.msg('fix-replace', v), doubleQuoted(v)).map((f) => ({ ...f, preferred: undefined })));
      const message = suggestion ? ctx.msg('schema-enum-suggest', name, asText, allowed.join(', '), suggestion) : ctx.msg('schema-enum', name, asText, allowed.join(', '));
      ctx.report('yaml-type', range.start, range.end, message, choices);
      return;
    }
    if (single && asText !== '') fixes.push(...replace(ctx.msg('fix-quote-value'), doubleQuoted(asText)));
    if (isItem) ctx.report('yaml-type', range.start, range.end, ctx.msg('type-not-text-item', name, src), fixes);
    else ctx.report('yaml-type', range.start, range.end, ctx.msg('type-not-string', name, src.split(/\r\n|\r|\n/)[0]), fixes);
    return;
  }
  if (expected === 'array') {
    const fixes: Fix[] = [];
    // `tags: a, b` is two tags: the fix writes them as a list, and the example shows that list.
    const items = (s: string) => s.split(',').map((t) => t.trim()).filter(Boolean).map(doubleQuoted).join(', ');
    if (scalar && typeof value === 'string') fixes.push(...replace(ctx.msg('fix-replace', `[${items(value)}]`), `[${items(value)}]`));
    const example = typeof read === 'string' && !isMap(node) && !isSeq(node) ? items(read) : '';
    ctx.report('yaml-type', range.start, range.end, ctx.msg('type-not-list', name, example || '"…"'), fixes);
    return;
  }
  ctx.report('schema', range.start, range.end, otherMessage(ctx, err, path));
}

function reportEnum(ctx: CheckContext, err: ErrorObject, path: (string | number)[], node: Node | undefined, range: { start: number; end: number }, read: unknown): void {
  const name = path.join('.');
  const allowed = ((err.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
  const value = typeof read === 'string' || typeof read === 'number' || typeof read === 'boolean' ? String(read) : ctx.article.text.slice(range.start, range.end);
  const suggestion = nearest(value, allowed);
  const list = allowed.join(', ');
  // Only a scalar the source shows can be swapped in place; a block scalar's span stops before its line break.
  const span = node && isScalar(node) ? valueSpan(ctx.article.text, node) : undefined;
  const replace = (v: string, preferred?: boolean): Fix => ({ title: ctx.msg('fix-replace', v), edits: [{ start: span!.start, end: span!.end, newText: writeLike(node, v) }], ...(preferred ? { preferred } : {}) });
  if (suggestion) {
    ctx.report('schema-enum', range.start, range.end, ctx.msg('schema-enum-suggest', name, value, list, suggestion), span ? [replace(suggestion, true)] : []);
  } else {
    ctx.report('schema-enum', range.start, range.end, ctx.msg('schema-enum', name, value, list), span ? allowed.map((a) => replace(a)) : []);
  }
}
