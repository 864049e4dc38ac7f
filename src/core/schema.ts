import Ajv, { _, type ErrorObject, type KeywordDefinition, type Options, type ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import defaultSchemaJson from '../../schemas/article.schema.json';
import { validate as validateDefault } from './articleValidator.generated';

/**
 * Schema patterns run on a linear-time engine (RE2, pure JS so it also runs in a browser): a
 * project schema such as `"pattern": "^(a+)+$"` cannot make a check hang.
 */
const linearRegExp = Object.assign(
  (pattern: string) => {
    const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { test: (s: string) => re.test(s), toString: () => pattern };
  },
  { code: 'linearRegExp' },
);

/** A JSON Schema for the frontmatter, with the metadata the editor shows. */
export interface ArticleSchema {
  json: SchemaObject;
  validate: ValidateFunction;
  /** Field names the schema knows, in schema order. */
  fields: string[];
  required: string[];
}

export interface SchemaObject {
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  enum?: unknown[];
  items?: SchemaObject;
  description?: string;
  'x-sv-description'?: string;
  'x-yaml-type'?: string;
  'x-enum-labels'?: Record<string, string>;
  'x-enum-descriptions'?: string[];
  [k: string]: unknown;
}

export const defaultSchemaObject = defaultSchemaJson as SchemaObject;

/** `x-yaml-type: "timestamp"`: the value is a valid date (an unquoted YAML date); other kinds pass. Written as code, so a validator generated ahead of time holds it too. */
const YAML_TYPE_KEYWORD: KeywordDefinition = {
  keyword: 'x-yaml-type',
  schemaType: 'string',
  code(cxt) {
    if (cxt.schema !== 'timestamp') return;
    cxt.fail(_`!(${cxt.data} instanceof Date) || Number.isNaN(${cxt.data}.getTime())`);
  },
};

/** An Ajv set up as every article schema is compiled; `extra` is for scripts/gen-validator.ts (standalone code). */
export function articleAjv(extra: Options = {}): Ajv {
  // `logger: false`: the validator's own notes (an unknown `format` it does not check) went to
  // stderr as raw text, once per compile; a format it does not know passes, as it says.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true, logger: false, ...extra, code: { regExp: linearRegExp, ...extra.code } });
  ajv.addKeyword(YAML_TYPE_KEYWORD);
  return ajv;
}

function withFields(json: SchemaObject, validate: ValidateFunction): ArticleSchema {
  return { json, validate, fields: Object.keys(json.properties ?? {}), required: json.required ?? [] };
}

/**
 * Compiles a schema. Besides standard JSON Schema it understands `x-yaml-type: "timestamp"`
 * (an unquoted YAML date) and ignores other `x-` keywords (descriptions in Swedish, labels).
 */
export function compileSchema(json: SchemaObject): ArticleSchema {
  return withFields(json, articleAjv().compile(json));
}

let cachedDefault: ArticleSchema | undefined;

/**
 * The site's contract (schemas/article.schema.json). Its validator was generated from the
 * schema at build time (scripts/gen-validator.ts), so starting costs no compile and no code
 * generation; a unit test holds the generated code to the schema.
 */
export function defaultSchema(): ArticleSchema {
  return (cachedDefault ??= withFields(defaultSchemaObject, validateDefault as unknown as ValidateFunction));
}

/** The property schema of a top-level field, if the schema declares it. */
export function fieldSchema(schema: ArticleSchema, key: string): SchemaObject | undefined {
  return schema.json.properties?.[key];
}

export type { ErrorObject };
