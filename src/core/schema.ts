import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import defaultSchemaJson from '../../schemas/article.schema.json';

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
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true });
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
