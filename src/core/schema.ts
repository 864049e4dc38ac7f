import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import defaultSchemaJson from '../../schemas/article.schema.json';

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

/**
 * Compiles a schema. Besides standard JSON Schema it understands `x-yaml-type: "timestamp"`
 * (an unquoted YAML date) and ignores other `x-` keywords (descriptions in Swedish, labels).
 */
export function compileSchema(json: SchemaObject): ArticleSchema {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true, code: { regExp: linearRegExp } });
  ajv.addKeyword({
    keyword: 'x-yaml-type',
    schemaType: 'string',
    errors: true,
    validate: function yamlType(kind: string, data: unknown) {
      if (kind !== 'timestamp') return true;
      return data instanceof Date && !Number.isNaN(data.getTime());
    },
  });
  const validate = ajv.compile(json);
  const props = json.properties ?? {};
  return { json, validate, fields: Object.keys(props), required: json.required ?? [] };
}

let cachedDefault: ArticleSchema | undefined;

/** The site's contract (schemas/article.schema.json), compiled once. */
export function defaultSchema(): ArticleSchema {
  return (cachedDefault ??= compileSchema(defaultSchemaObject));
}

/** The property schema of a top-level field, if the schema declares it. */
export function fieldSchema(schema: ArticleSchema, key: string): SchemaObject | undefined {
  return schema.json.properties?.[key];
}

export type { ErrorObject };
