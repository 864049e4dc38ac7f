import { format, type Lang } from './i18n/messages';
import { compileSchema, defaultSchemaObject, type ArticleSchema, type SchemaObject } from './schema';

/** Editor metadata the bundled contract adds to a field: descriptions in both languages and enum labels. */
const EDITOR_KEYS = ['description', 'x-sv-description', 'x-enum-labels', 'x-enum-descriptions'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for the `anyOf` Astro writes for `z.date()`: a date-time, a date or a unix time. */
function isAstroDate(s: Record<string, unknown>): boolean {
  const any = s.anyOf;
  if (!Array.isArray(any) || any.length === 0) return false;
  const formats = new Set(['date-time', 'date', 'unix-time']);
  return any.every((a) => isObject(a) && typeof a.format === 'string' && formats.has(a.format));
}

/** One property schema, as the site's zod schema means it. */
function convert(s: unknown): SchemaObject {
  if (!isObject(s)) return {};
  // z.date(): only an unquoted YAML date is a Date to the site (a quoted one stays text).
  if (isAstroDate(s)) {
    const { anyOf: _any, ...rest } = s;
    return { ...rest, 'x-yaml-type': 'timestamp' } as SchemaObject;
  }
  const out: SchemaObject = { ...s };
  if (isObject(s.properties)) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, convert(v)]));
  if (s.items !== undefined) out.items = Array.isArray(s.items) ? (s.items.map(convert) as unknown as SchemaObject) : convert(s.items);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(s[k])) out[k] = (s[k] as unknown[]).map(convert);
  // zod strips unknown keys: the site drops them silently, which the unknown-field rule reports as a warning.
  if (out.additionalProperties === false) delete out.additionalProperties;
  return out;
}

/**
 * Turns the JSON Schema Astro writes for a content collection (`.astro/collections/<name>.schema.json`,
 * parsed) into the checker's schema, with the bundled contract's editor texts for the fields it
 * shares. Dates (`anyOf` date formats) mean an unquoted YAML date, `default` means optional,
 * `additionalProperties: false` means "dropped silently" (a warning). Throws an Error with a
 * plain message when the JSON is not such a schema.
 */
export function schemaFromAstroCollection(json: unknown, lang: Lang = 'en'): ArticleSchema {
  return compileSchema(astroCollectionSchemaObject(json, lang));
}

/** The schema object behind `schemaFromAstroCollection`, before compiling. */
export function astroCollectionSchemaObject(json: unknown, lang: Lang = 'en'): SchemaObject {
  const fail = (why: string): never => {
    throw new Error(format(lang, 'schema-not-astro', why));
  };
  if (!isObject(json)) return fail(format(lang, 'schema-not-astro-object'));
  let root: unknown = json;
  if (typeof json.$ref === 'string') {
    const m = /^#\/definitions\/(.+)$/.exec(json.$ref);
    const defs = json.definitions;
    if (!m || !isObject(defs) || !isObject(defs[decodeURIComponent(m[1])])) return fail(format(lang, 'schema-not-astro-ref', json.$ref));
    root = defs[decodeURIComponent(m[1])];
  }
  if (!isObject(root) || root.type !== 'object' || !isObject(root.properties)) return fail(format(lang, 'schema-not-astro-fields'));
  const converted = convert(root);
  const properties: Record<string, SchemaObject> = {};
  const bundled = defaultSchemaObject.properties ?? {};
  for (const [key, prop] of Object.entries(converted.properties ?? {})) {
    // Astro adds `$schema` for data files' editors; to a Markdown entry it is one more key zod strips.
    if (key === '$schema') continue;
    const extra = bundled[key];
    const merged: SchemaObject = { ...prop };
    if (extra) {
      for (const k of EDITOR_KEYS) {
        if (merged[k] !== undefined || extra[k] === undefined) continue;
        if ((k === 'x-enum-labels' || k === 'x-enum-descriptions') && JSON.stringify(prop.enum) !== JSON.stringify(extra.enum)) continue;
        (merged as Record<string, unknown>)[k] = extra[k];
      }
    }
    properties[key] = merged;
  }
  const required = Array.isArray(root.required) ? root.required.filter((r): r is string => typeof r === 'string' && r !== '$schema') : [];
  return { type: 'object', required, properties };
}
