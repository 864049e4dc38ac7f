import { load } from 'js-yaml';
// @ts-expect-error TS1479: smol-toml's types are an ES module's; its CommonJS build is what runs.
import { parse as parseToml } from 'smol-toml';

/**
 * The site's build verdict on one article, written from what the site does (not from the
 * checker's code): Astro 5.18's markdown pipeline finds the frontmatter with its pattern, reads it
 * with js-yaml's `load` (no options) — or, when the opening fence is `+++`, with smol-toml's
 * `parse` — takes a non-object as `{}`, and validates it with the collection's zod schema
 * (src/content/config.ts of the site; zod strips unknown keys).
 */
export function buildFails(text: string): boolean {
  const m = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/.exec(text);
  const toml = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/.exec(text)?.[1] === '+++';
  let data: unknown = {};
  if (m) {
    try {
      const parsed = toml ? parseToml(m[1]) : load(m[1]);
      data = parsed && typeof parsed === 'object' ? parsed : {};
    } catch {
      return true;
    }
  }
  return !zodAccepts(data);
}

type Check = (v: unknown) => boolean;
const string: Check = (v) => typeof v === 'string';
const number: Check = (v) => typeof v === 'number' && !Number.isNaN(v);
const boolean: Check = (v) => typeof v === 'boolean';
const date: Check = (v) => v instanceof Date && !Number.isNaN(v.getTime());
const oneOf = (...allowed: string[]): Check => (v) => typeof v === 'string' && allowed.includes(v);
const arrayOf = (item: Check): Check => (v) => Array.isArray(v) && v.every(item);
/** `.optional()` and `.default()`: only a missing key (undefined) is let through; null is not. */
const optional = (c: Check): Check => (v) => v === undefined || c(v);

const SHAPE: Record<string, Check> = {
  title: string,
  description: optional(string),
  category: oneOf('axel', 'kna', 'armbage', 'annat'),
  topic: optional(string),
  tags: optional(arrayOf(string)),
  date,
  author: optional(string),
  relatedCondition: optional(string),
  published: optional(boolean),
  status: optional(oneOf('obesvarad', 'utkast', 'klar')),
  question: string,
  patientName: optional(string),
  patientAge: optional(number),
};

function zodAccepts(data: unknown): boolean {
  // z.object wants a plain object: not an array, a date or a typed array.
  if (typeof data !== 'object' || data === null || Array.isArray(data) || data instanceof Date || ArrayBuffer.isView(data)) return false;
  const d = data as Record<string, unknown>;
  return Object.entries(SHAPE).every(([k, c]) => c(d[k]));
}
