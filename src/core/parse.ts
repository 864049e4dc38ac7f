import { isMap, isScalar, isSeq, parseDocument, Schema, visit, type Document, type ScalarTag, type DocumentOptions, type ParseOptions, type SchemaOptions, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { readCommonShapes } from './commonShapes';
import { findFrontmatter, type FrontmatterBlock } from './frontmatter';
import { readAsSite, type SiteReading } from './yaml/siteReader';
import { LineIndex } from './lines';
import { readToml, tomlFields } from './toml/read';
import type { Field } from './field';

/**
 * The timestamps the site's parser (js-yaml) reads as dates: `2017-08-15` with two-digit month
 * and day, or a date and time. The yaml package's own tag would also take `2017-8-15`, which
 * the site reads as text, so its test is replaced by js-yaml's.
 */
const TIMESTAMP_TAG = (() => {
  const tag = new Schema({ schema: 'core', customTags: ['timestamp'] }).tags.find((t) => t.tag === 'tag:yaml.org,2002:timestamp')!;
  const test = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;
  return { ...tag, test } as ScalarTag;
})();

/**
 * The `yaml` package's reading, for source ranges: set up close to the site's reader (1.2 core plus
 * timestamps) so that its nodes line up with js-yaml's values; what a value *is* comes from js-yaml.
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { schema: 'core', customTags: [TIMESTAMP_TAG], uniqueKeys: false, prettyErrors: false };

/**
 * The keys written twice in any mapping of the document, as the yaml package's `uniqueKeys`
 * finds them (scalar keys of equal value, or two empty keys), in one pass: its own check
 * compares each key with every one before it, and took 137 s on a block of 100,000 fields.
 */
function duplicateKeys(doc: Document.Parsed): YamlIssue[] {
  const out: YamlIssue[] = [];
  const EMPTY = {};
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        const value = key === null ? EMPTY : isScalar(key) ? key.value : undefined;
        // A key that is no scalar equals no other; NaN equals nothing, not even itself.
        if (value === undefined && key !== null) continue;
        if (typeof value === 'number' && Number.isNaN(value)) continue;
        if (seen.has(value)) {
          const at = (key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? map.range?.[0] ?? 0;
          out.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', start: at, end: at + 1 });
        } else seen.add(value);
      }
    },
  });
  return out;
}

export type { Field } from './field';

/** A YAML problem at document offsets. */
export interface YamlIssue {
  code: string;
  message: string;
  start: number;
  end: number;
}

/** An article split into frontmatter and body, with the YAML read as the site reads it and with source ranges. */
export interface ParsedArticle {
  text: string;
  lines: LineIndex;
  frontmatter?: FrontmatterBlock;
  /** The `yaml` document, for source ranges only (offsets in it are document offsets); undefined when it could not be built. */
  doc?: Document.Parsed;
  /**
   * Frontmatter as plain values. When the site's reader (js-yaml) reads the block, exactly its
   * values (dates as Date, `0b101` as 5, merge keys applied); otherwise a best effort from the
   * source, for the preview and the index. Undefined when the frontmatter is not a mapping.
   */
  data?: Record<string, unknown>;
  /** Top-level fields by key (the first one when a key repeats), from the source. */
  fields: Map<string, Field>;
  /** Every top-level field in source order, repeats included. */
  fieldList: Field[];
  /**
   * Why the site's build cannot read the YAML: at most one issue (code `SITE`, js-yaml's reason as
   * message, its mark as position). Empty when the site reads it.
   */
  yamlIssues: YamlIssue[];
  /**
   * The `yaml` package's own complaints. They never make a diagnostic (the site does not use that
   * reader); they mark source ranges that may be wrong, where an edit must not trust them.
   */
  sourceIssues: YamlIssue[];
  /** The Markdown body and its offset. */
  body: string;
  bodyStart: number;
}

/**
 * Parses an article. The site's reader decides what the YAML means; the `yaml` document gives
 * every key and value its source range. Lone CRs are read as line breaks, as VS Code and the
 * site's parser do; offsets everywhere are offsets into the original text. Never throws. The
 * common frontmatter shapes are read by a fast reader that gives the same result; `exact` always
 * runs both full readings.
 */
export function parseArticle(text: string, opts: { exact?: boolean } = {}): ParsedArticle {
  const lines = new LineIndex(text);
  const fm = findFrontmatter(text);
  const fields = new Map<string, Field>();
  const fieldList: Field[] = [];
  const yamlIssues: YamlIssue[] = [];
  const sourceIssues: YamlIssue[] = [];
  if (!fm) return { text, lines, fields, fieldList, yamlIssues, sourceIssues, body: text, bodyStart: 0 };
  const body = text.slice(fm.bodyStart);
  if (fm.kind === 'toml') return parseToml(text, lines, fm, body);

  // The common shapes, read fast: the same nodes, ranges and values as the readings below
  // (commonShapes.ts; test/unit/commonShapes.test.ts compares them with `exact`).
  if (fm.closeStart !== undefined && !opts.exact) {
    const fast = readCommonShapes(text.slice(fm.contentStart, fm.contentEnd).replace(/\r(?!\n)/g, '\n'), fm.contentStart);
    if (fast) {
      collectFields(fast.map, fields, fieldList);
      return { text, lines, frontmatter: fm, doc: fast.doc, data: fast.data, fields, fieldList, yamlIssues, sourceIssues, body, bodyStart: fm.bodyStart };
    }
  }

  // The site's verdict: js-yaml on the text between the fences (only a closed block is frontmatter to it).
  let site: SiteReading | undefined;
  if (fm.closeStart !== undefined) {
    site = readAsSite(text.slice(fm.siteStart, fm.contentEnd));
    if (!site.ok) {
      const start = Math.min(fm.siteStart + site.position, fm.contentEnd);
      yamlIssues.push({ code: 'SITE', message: site.reason, start, end: start });
    }
  }

  // The source ranges. The yaml package knows only LF and CR LF; a lone CR becomes LF, which keeps every offset.
  const base = fm.contentStart;
  let doc: Document.Parsed | undefined;
  try {
    // On a very long broken line (a 6 KB run of `": "`) the yaml package blows up inside its
    // parser (a stack overflow, or a fatal V8 error that no catch can stop). Where the site's
    // reader has already refused the text, the line-based messages need no document.
    if (site?.ok === false && hasLongLine(text, base, fm.contentEnd)) throw new Error('no source reading');
    doc = parseDocument(text.slice(base, fm.contentEnd).replace(/\r(?!\n)/g, '\n'), YAML_OPTIONS) as Document.Parsed;
    shiftRanges(doc, base);
    for (const e of [...doc.errors, ...doc.warnings]) {
      sourceIssues.push({ code: e.code, message: e.message.split('\n')[0], start: e.pos[0] + base, end: e.pos[1] + base });
    }
    // Ranges are document offsets once shifted.
    const dup = duplicateKeys(doc);
    if (dup.length) {
      for (const d of dup) sourceIssues.push(d);
      sourceIssues.sort((a, b) => a.start - b.start);
    }
    if (isMap(doc.contents)) collectFields(doc.contents, fields, fieldList);
  } catch {
    // Hostile input can exhaust the yaml package (deep nesting): the article still gets the site's verdict, without ranges.
    doc = undefined;
    fields.clear();
    fieldList.length = 0;
    sourceIssues.push({ code: 'UNREADABLE', message: 'source ranges unavailable', start: base, end: fm.contentEnd });
  }

  let data: Record<string, unknown> | undefined;
  if (site?.ok) {
    const v = site.value;
    // The site takes anything that is not an object as an empty frontmatter (an array stays an array and fails its schema).
    if (v === null || v === undefined) data = {};
    else if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !ArrayBuffer.isView(v)) data = v as Record<string, unknown>;
  } else if (doc && isMap(doc.contents)) {
    data = partialData(fieldList);
  } else if (doc && doc.contents == null) {
    data = {};
  }
  if (site?.ok && sourceIssues.length > 0 && data) dropMisread(fields, fieldList, data);
  return { text, lines, frontmatter: fm, doc, data, fields, fieldList, yamlIssues, sourceIssues, body, bodyStart: fm.bodyStart };
}

/**
 * An article whose fields open with `+++`: the site reads them as TOML. Only a closed block is
 * frontmatter to it; a TOML error is the site's verdict (code `TOML`, at its line and column).
 */
function parseToml(text: string, lines: LineIndex, fm: FrontmatterBlock, body: string): ParsedArticle {
  const yamlIssues: YamlIssue[] = [];
  const fields = new Map<string, Field>();
  let data: Record<string, unknown> | undefined;
  if (fm.closeStart !== undefined) {
    const read = readToml(text.slice(fm.siteStart, fm.contentEnd));
    if (read.ok) data = read.value;
    else {
      const start = Math.min(fm.siteStart + read.position, fm.contentEnd);
      yamlIssues.push({ code: 'TOML', message: read.reason, start, end: start });
    }
  }
  const { fields: fieldList, doc } = tomlFields(text, fm.contentStart, fm.contentEnd, data);
  for (const f of fieldList) if (!fields.has(f.key)) fields.set(f.key, f);
  return { text, lines, frontmatter: fm, doc, data, fields, fieldList, yamlIssues, sourceIssues: [], body, bodyStart: fm.bodyStart };
}

/** Where the source reading went astray but the site reads the block, a "field" the site does not have is an artefact of the former. */
function dropMisread(fields: Map<string, Field>, list: Field[], data: Record<string, unknown>): void {
  const keep = list.filter((f) => Object.prototype.hasOwnProperty.call(data, f.key) || f.key === '<<');
  list.length = 0;
  for (const f of keep) list.push(f);
  for (const k of [...fields.keys()]) if (!Object.prototype.hasOwnProperty.call(data, k)) fields.delete(k);
}

/** Longest frontmatter line the source reading is tried on once the site's reader has refused the block. */
const LONG_LINE = 1000;

function hasLongLine(text: string, from: number, to: number): boolean {
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) start = i + 1;
    else if (i - start >= LONG_LINE) return true;
  }
  return false;
}

/** Moves every node's range from YAML-text offsets to document offsets (iteratively: nesting can be deep). */
function shiftRanges(doc: Document.Parsed, base: number): void {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    const node = n as Node & { range?: [number, number, number] };
    if (node.range) node.range = [node.range[0] + base, node.range[1] + base, node.range[2] + base];
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (item && typeof item === 'object' && 'key' in item) stack.push((item as Pair).key, (item as Pair).value);
        else stack.push(item);
      }
    }
  }
}

function collectFields(map: YAMLMap, fields: Map<string, Field>, list: Field[]): void {
  for (const pair of map.items) {
    const k = pair.key as Scalar | null;
    if (!k || !isScalar(k) || !k.range) continue;
    const key = String(k.value);
    const v = (pair.value as Node | null) ?? null;
    let valueStart: number;
    let valueEnd: number;
    if (v && v.range && !(isScalar(v) && v.value === null && v.range[0] === v.range[1])) {
      valueStart = v.range[0];
      valueEnd = v.range[1];
    } else {
      valueStart = valueEnd = k.range[1] + 1; // just past the ':'
    }
    const field: Field = { key, keyStart: k.range[0], keyEnd: k.range[1], valueStart, valueEnd, node: v, pair };
    list.push(field);
    if (!fields.has(key)) fields.set(key, field);
  }
}

/**
 * Best-effort values when the site cannot read the YAML, so the preview and the index still see
 * what can be read: scalars and lists of scalars only. A broken collection is never converted
 * whole (on `{{{{…` that costs seconds and gigabytes).
 */
function partialData(list: Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of list) {
    if (f.key in out) continue;
    const n = f.node;
    if (isScalar(n)) out[f.key] = n.value;
    else if (isSeq(n)) out[f.key] = n.items.map((i) => (isScalar(i) ? i.value : undefined)).filter((v) => v !== undefined);
    else out[f.key] = n === null ? null : undefined;
  }
  return out;
}

/** The node at a path of keys and indices below the frontmatter root, or undefined. */
export function nodeAt(article: ParsedArticle, path: (string | number)[]): Node | null | undefined {
  let node: unknown = article.doc?.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String((p.key as Scalar).value) === String(seg));
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)];
    } else return undefined;
  }
  return node as Node | null;
}
