import { isMap, isScalar, isSeq, parseDocument, Schema, type Document, type ScalarTag, type DocumentOptions, type ParseOptions, type SchemaOptions, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { findFrontmatter, type FrontmatterBlock } from './frontmatter';
import { LineIndex } from './lines';

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

/** One YAML reading for the whole product, as the site reads YAML: 1.2 core plus timestamps (js-yaml's default schema). */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { schema: 'core', customTags: [TIMESTAMP_TAG], uniqueKeys: true, prettyErrors: false };

/** A top-level frontmatter field with the source offsets of its key and value. */
export interface Field {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Value offsets; for an empty value, both equal the end of the key's `:`. */
  valueStart: number;
  valueEnd: number;
  /** The YAML node of the value (null for an empty value). */
  node: Node | null;
  pair: Pair;
}

/** A YAML syntax error at document offsets. */
export interface YamlIssue {
  code: string;
  message: string;
  start: number;
  end: number;
}

/** An article split into frontmatter and body, with the YAML read once. */
export interface ParsedArticle {
  text: string;
  lines: LineIndex;
  frontmatter?: FrontmatterBlock;
  /** The parsed YAML document (offsets in it are document offsets). */
  doc?: Document.Parsed;
  /** Frontmatter as plain values (dates as Date); undefined when it is not a mapping. */
  data?: Record<string, unknown>;
  /** Top-level fields by key (the first one when a key repeats). */
  fields: Map<string, Field>;
  /** Every top-level field in source order, repeats included. */
  fieldList: Field[];
  yamlIssues: YamlIssue[];
  /** The Markdown body and its offset. */
  body: string;
  bodyStart: number;
}

/**
 * Parses an article. Lone CRs are read as line breaks, as VS Code and the site's parser do;
 * offsets everywhere are offsets into the original text.
 */
export function parseArticle(text: string): ParsedArticle {
  const lines = new LineIndex(text);
  const fm = findFrontmatter(text);
  const fields = new Map<string, Field>();
  const fieldList: Field[] = [];
  const yamlIssues: YamlIssue[] = [];
  if (!fm) return { text, lines, fields, fieldList, yamlIssues, body: text, bodyStart: 0 };

  // The yaml package knows only LF and CR LF; a lone CR becomes LF, which keeps every offset.
  const yamlText = text.slice(fm.contentStart, fm.contentEnd).replace(/\r(?!\n)/g, '\n');
  const doc = parseDocument(yamlText, YAML_OPTIONS) as Document.Parsed;
  const base = fm.contentStart;
  shiftRanges(doc, base);
  for (const e of [...doc.errors, ...doc.warnings]) {
    yamlIssues.push({ code: e.code, message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), start: e.pos[0] + base, end: e.pos[1] + base });
  }
  let data: Record<string, unknown> | undefined;
  if (isMap(doc.contents)) {
    collectFields(doc.contents, fields, fieldList);
    if (doc.errors.length === 0) {
      try {
        data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
      } catch (e) {
        yamlIssues.push({ code: 'ALIAS', message: (e as Error).message, start: base, end: fm.contentEnd });
      }
    } else {
      data = partialData(fieldList);
    }
  } else if (doc.contents == null && doc.errors.length === 0) {
    data = {};
  }
  return { text, lines, frontmatter: fm, doc, data, fields, fieldList, yamlIssues, body: text.slice(fm.bodyStart), bodyStart: fm.bodyStart };
}

/** Moves every node's range from YAML-text offsets to document offsets. */
function shiftRanges(doc: Document.Parsed, base: number): void {
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as Node & { range?: [number, number, number] };
    if (node.range) node.range = [node.range[0] + base, node.range[1] + base, node.range[2] + base];
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (item && typeof item === 'object' && 'key' in item) {
          visit((item as Pair).key);
          visit((item as Pair).value);
        } else visit(item);
      }
    }
  };
  visit(doc.contents);
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

/** Best-effort values when the YAML has errors, so later rules and the preview still see what can be read. */
function partialData(list: Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of list) {
    if (f.key in out) continue;
    try {
      // toJSON would turn a date into text, and the schema would then call a correct date wrong.
      out[f.key] = isScalar(f.node) && f.node.value instanceof Date ? f.node.value : f.node && 'toJSON' in f.node ? (f.node as Scalar).toJSON() : null;
    } catch {
      out[f.key] = undefined;
    }
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
