import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { format, type MessageKey } from './i18n/messages';
import { isRuleId, type RuleSetting } from './rules';
import { ARTICLE_EXTENSION } from './project/markdownFiles';

/** The project's config file, read by the CLI and the editor alike. */
export const CONFIG_FILE = '.qa-articles.json';
/** A project's own schema, used when present beside the config file (or at the root). */
export const SCHEMA_FILE = '.qa-articles.schema.json';
/** Which files are articles when neither the config nor a setting says: those the site's collection builds. */
export const DEFAULT_INCLUDE = [`src/content/fraga-doktorn/**/*.${ARTICLE_EXTENSION}`];

export interface ProjectConfig {
  /** Per-rule severity overrides: `"title-length": "error" | "warning" | "info" | "hint" | "off"`. */
  rules: Record<string, RuleSetting>;
  /** Path of a project schema, relative to the config file. */
  schema?: string;
  /** Globs (relative to the project root) of the files that are articles. */
  include: string[];
  /** Globs of files never taken as articles, even when `include` matches them. */
  exclude: string[];
  /** Rules whose warnings stop "Publish" (errors always do). */
  blockPublish: string[];
  /** Limits of the house style. */
  titleMax: number;
  descriptionMin: number;
  descriptionMax: number;
  /** The site's topic list: a file (`.ts`, `.js`, `.json`, `.yaml`, relative to the config file) or the list itself. Default `src/data/topics.ts` in the root. */
  topics?: string | unknown[];
  /** The site's condition pages: a file, or the map `{ "/sjukdomar/…": { title, shortDescription, url } }` / a list of them. Default `src/data/conditions.ts`. */
  conditions?: string | unknown[] | Record<string, unknown>;
  /** What the site appends to an article's title in the page title (the search result). */
  pageTitleSuffix: string;
  /** The site's address, for the search-result preview. */
  siteUrl: string;
  /** Readability: an answer whose LIX is above this is reported (info). */
  lixMax: number;
  /** Readability: a sentence of more words than this is reported (info). */
  sentenceMaxWords: number;
}

export const DEFAULT_CONFIG: ProjectConfig = {
  rules: {},
  include: DEFAULT_INCLUDE,
  exclude: ['**/_*', '**/_*/**'],
  blockPublish: ['published-incomplete', 'personal-data', 'file-left-out'],
  titleMax: 60,
  descriptionMin: 120,
  descriptionMax: 160,
  pageTitleSuffix: ' - Fråga Doktorn | Södermalms Ortopedi',
  siteUrl: 'https://sodermalmsortopedi.se',
  lixMax: 55,
  sentenceMaxWords: 35,
};

/** Why a config file cannot be used: a message of the core's table, and where in the file. */
export class ConfigError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly args: (string | number)[],
    /** Offset in the file's text of the value at fault. */
    readonly offset = 0,
    readonly length = 0,
  ) {
    super(format('en', key, ...args));
  }
}

const SETTINGS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** What the JSON reader's error codes mean, in words (a code not here is shown as it is). */
const JSON_ERRORS: Record<string, MessageKey> = {
  PropertyNameExpected: 'config-json-name',
  ValueExpected: 'config-json-value',
  CommaExpected: 'config-json-comma',
  ColonExpected: 'config-json-colon',
  CloseBraceExpected: 'config-json-close',
  CloseBracketExpected: 'config-json-close',
  EndOfFileExpected: 'config-json-end',
  InvalidCommentToken: 'config-json-comment',
  UnexpectedEndOfComment: 'config-json-comment',
  UnexpectedEndOfString: 'config-json-string',
  InvalidSymbol: 'config-json-symbol',
  InvalidCharacter: 'config-json-symbol',
};
const KNOWN_KEYS = ['rules', 'schema', 'include', 'exclude', 'blockPublish', 'titleMax', 'descriptionMin', 'descriptionMax', 'topics', 'conditions', 'pageTitleSuffix', 'siteUrl', 'lixMax', 'sentenceMaxWords'];

/** Reads a config file's text. Throws a ConfigError (with the offset of the value at fault) when it is not valid. */
export function parseConfig(text: string): ProjectConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !tree) {
    const e = errors[0];
    if (!e || text.trim() === '') throw new ConfigError('config-json-empty', [], 0, 0);
    const plain = JSON_ERRORS[printParseErrorCode(e.error)];
    throw new ConfigError(plain ?? 'config-not-json', plain ? [] : [printParseErrorCode(e.error)], e.offset, e.length);
  }
  if (tree.type !== 'object') throw new ConfigError('config-not-object', [], tree.offset, tree.length);
  const at = (path: (string | number)[]) => {
    const n = findNodeAtLocation(tree, path);
    const prop = n?.parent?.type === 'property' ? n.parent : n;
    return [prop?.offset ?? 0, prop?.length ?? 0] as const;
  };
  const fail = (key: MessageKey, args: (string | number)[], path: (string | number)[]): never => {
    throw new ConfigError(key, args, ...at(path));
  };
  const o = JSON.parse(text) as Record<string, unknown>;
  const cfg: ProjectConfig = { ...DEFAULT_CONFIG, rules: {} };
  for (const k of Object.keys(o)) {
    if (!KNOWN_KEYS.includes(k)) fail('config-unknown-key', [k, KNOWN_KEYS.join(', ')], [k]);
  }
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object' || Array.isArray(o.rules)) fail('config-rules-object', [], ['rules']);
    for (const [id, v] of Object.entries(o.rules as object)) {
      if (!isRuleId(id)) fail('config-unknown-rule', [id], ['rules', id]);
      if (typeof v !== 'string' || !SETTINGS.has(v)) fail('config-rule-setting', [id], ['rules', id]);
      cfg.rules[id] = v as RuleSetting;
    }
  }
  if (o.schema !== undefined) {
    if (typeof o.schema !== 'string' || o.schema.trim() === '') fail('config-path', ['schema'], ['schema']);
    cfg.schema = o.schema as string;
  }
  for (const k of ['include', 'exclude'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || !list.every((g) => typeof g === 'string' && g.trim() !== '')) fail('config-globs', [k], [k]);
    if (k === 'include' && (list as string[]).length === 0) fail('config-globs', [k], [k]);
    cfg[k] = (list as string[]).map((g) => g.trim());
  }
  if (o.blockPublish !== undefined) {
    if (!Array.isArray(o.blockPublish) || !o.blockPublish.every((x) => typeof x === 'string' && isRuleId(x))) fail('config-block-publish', [], ['blockPublish']);
    cfg.blockPublish = o.blockPublish as string[];
  }
  for (const k of ['titleMax', 'descriptionMin', 'descriptionMax', 'lixMax', 'sentenceMaxWords'] as const) {
    if (o[k] !== undefined) {
      if (typeof o[k] !== 'number' || !Number.isInteger(o[k]) || (o[k] as number) < 0) fail('config-whole-number', [k], [k]);
      cfg[k] = o[k] as number;
    }
  }
  if (o.topics !== undefined) {
    if ((typeof o.topics !== 'string' || o.topics.trim() === '') && !Array.isArray(o.topics)) fail('config-topics', [], ['topics']);
    cfg.topics = o.topics as string | unknown[];
  }
  if (o.conditions !== undefined) {
    if ((typeof o.conditions !== 'string' || o.conditions.trim() === '') && (o.conditions === null || typeof o.conditions !== 'object')) fail('config-conditions', [], ['conditions']);
    cfg.conditions = o.conditions as string | unknown[] | Record<string, unknown>;
  }
  for (const k of ['pageTitleSuffix', 'siteUrl'] as const) {
    if (o[k] !== undefined) {
      if (typeof o[k] !== 'string') fail('config-text', [k], [k]);
      cfg[k] = o[k] as string;
    }
  }
  return cfg;
}
