import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, DEFAULT_CONFIG, parseConfig, SCHEMA_FILE, type ProjectConfig } from '../core/config';
import { compileSchema, defaultSchema, type ArticleSchema, type SchemaObject } from '../core/schema';

/** A project's settings as read from disk: its config file and its schema. */
export interface Project {
  root: string;
  config: ProjectConfig;
  schema: ArticleSchema;
  /** Where the config and schema came from, for messages. */
  configFile?: string;
  schemaFile?: string;
}

/** Thrown when a config or schema file exists but cannot be used; `key` names the message. */
export class ProjectError extends Error {
  constructor(readonly key: 'cli-bad-schema' | 'cli-bad-config', readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

/** The nearest config file at or above a folder. */
export function findConfigFile(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    const f = path.join(d, CONFIG_FILE);
    if (fs.existsSync(f)) return f;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** Reads and compiles a schema file. */
export function loadSchemaFile(file: string): ArticleSchema {
  let json: SchemaObject;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaObject;
  } catch (e) {
    throw new ProjectError('cli-bad-schema', file, (e as Error).message);
  }
  try {
    return compileSchema(json);
  } catch (e) {
    throw new ProjectError('cli-bad-schema', file, (e as Error).message);
  }
}

/**
 * Loads a project: the config file found at or above `root` (`.qa-articles.json`), and the
 * schema from `schemaOverride`, else the config's `schema`, else `.qa-articles.schema.json`
 * beside the config or in the root, else the site's built-in contract.
 */
export function loadProject(root: string, schemaOverride?: string, opts: { trusted?: boolean } = {}): Project {
  const trusted = opts.trusted ?? true;
  const configFile = findConfigFile(root);
  let config = DEFAULT_CONFIG;
  if (configFile) {
    try {
      config = parseConfig(fs.readFileSync(configFile, 'utf8'));
    } catch (e) {
      throw new ProjectError('cli-bad-config', configFile, (e as Error).message);
    }
  }
  let schemaFile: string | undefined;
  if (schemaOverride) schemaFile = path.resolve(schemaOverride);
  else if (trusted) {
    const candidates = [
      configFile && config.schema ? path.resolve(path.dirname(configFile), config.schema) : undefined,
      configFile ? path.join(path.dirname(configFile), SCHEMA_FILE) : undefined,
      path.join(root, SCHEMA_FILE),
    ];
    schemaFile = candidates.find((c) => c && fs.existsSync(c));
    if (configFile && config.schema && !schemaFile) schemaFile = path.resolve(path.dirname(configFile), config.schema);
  }
  const schema = schemaFile ? loadSchemaFile(schemaFile) : defaultSchema();
  return { root, config, schema, configFile, schemaFile };
}
