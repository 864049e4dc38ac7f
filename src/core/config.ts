import { isRuleId, type RuleSetting } from './rules';

/** The project's config file, read by the CLI and the editor alike. */
export const CONFIG_FILE = '.qa-articles.json';
/** A project's own schema, used when present beside the config file (or at the root). */
export const SCHEMA_FILE = '.qa-articles.schema.json';

export interface ProjectConfig {
  /** Per-rule severity overrides: `"title-length": "error" | "warning" | "info" | "hint" | "off"`. */
  rules: Record<string, RuleSetting>;
  /** Path of a project schema, relative to the config file. */
  schema?: string;
  /** Rules whose warnings stop "Publish" (errors always do). */
  blockPublish: string[];
  /** Limits of the house style. */
  titleMax: number;
  descriptionMin: number;
  descriptionMax: number;
}

export const DEFAULT_CONFIG: ProjectConfig = {
  rules: {},
  blockPublish: ['published-incomplete', 'personal-data'],
  titleMax: 60,
  descriptionMin: 120,
  descriptionMax: 160,
};

const SETTINGS = new Set(['error', 'warning', 'info', 'hint', 'off']);
const KNOWN_KEYS = new Set(['rules', 'schema', 'blockPublish', 'titleMax', 'descriptionMin', 'descriptionMax']);

/** Reads a config file's text. Throws an Error with a readable message when it is not valid. */
export function parseConfig(text: string): ProjectConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected a JSON object');
  const o = raw as Record<string, unknown>;
  const cfg: ProjectConfig = { ...DEFAULT_CONFIG, rules: {} };
  for (const k of Object.keys(o)) {
    if (!KNOWN_KEYS.has(k)) throw new Error(`unknown setting "${k}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object') throw new Error('"rules" must be an object');
    for (const [id, v] of Object.entries(o.rules)) {
      if (!isRuleId(id)) throw new Error(`unknown rule "${id}"`);
      if (typeof v !== 'string' || !SETTINGS.has(v)) throw new Error(`rule "${id}": use error, warning, info, hint or off`);
      cfg.rules[id] = v as RuleSetting;
    }
  }
  if (o.schema !== undefined) {
    if (typeof o.schema !== 'string') throw new Error('"schema" must be a path');
    cfg.schema = o.schema;
  }
  if (o.blockPublish !== undefined) {
    if (!Array.isArray(o.blockPublish) || !o.blockPublish.every((x) => typeof x === 'string' && isRuleId(x))) {
      throw new Error('"blockPublish" must be a list of rule ids');
    }
    cfg.blockPublish = o.blockPublish as string[];
  }
  for (const k of ['titleMax', 'descriptionMin', 'descriptionMax'] as const) {
    if (o[k] !== undefined) {
      if (typeof o[k] !== 'number' || !Number.isInteger(o[k]) || (o[k] as number) < 0) throw new Error(`"${k}" must be a whole number`);
      cfg[k] = o[k] as number;
    }
  }
  return cfg;
}
