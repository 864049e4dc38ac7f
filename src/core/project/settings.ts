import { BASELINE_FILE, BaselineError, parseBaseline, type Baseline } from '../baseline';
import { CONFIG_FILE, ConfigError, DEFAULT_CONFIG, parseConfig, SCHEMA_FILE, type ProjectConfig } from '../config';
import { schemaFromAstroCollection } from '../astroSchema';
import type { Lang, MessageKey } from '../i18n/messages';
import { LineIndex } from '../lines';
import type { RuleSetting } from '../rules';
import { compileSchema, defaultSchema, type ArticleSchema, type SchemaObject } from '../schema';
import { isFile, type FileHost } from './host';
import { errorCode, unreadableFor } from './read';
import { dirname, join, resolve } from './paths';

/** What a host's own settings add to the project's config file (the editor's `qaArticles.*`, the CLI's flags). */
export interface HostSettings {
  /** Replaces the config's `include` (only when the user set it). */
  include?: string[];
  exclude?: string[];
  /** Merged over the config's `rules`. */
  rules?: Record<string, RuleSetting>;
  /** A schema file (relative to the root): the editor's `qaArticles.schemaPath`, the CLI's `--schema`. */
  schemaPath?: string;
  /** False in an untrusted workspace: no schema file of the workspace is compiled. */
  trusted?: boolean;
}

/** A config or schema file that could not be used, and where in it. */
export interface LoadProblem {
  file: string;
  kind: 'config' | 'schema';
  key: MessageKey;
  args: (string | number)[];
  /** 0-based position of the fault in the file (0:0 when the whole file is at fault). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where the schema in force comes from, in the order they are tried. */
export type SchemaSource = 'setting' | 'config' | 'project' | 'site' | 'bundled';

/** The project's settings, merged once: config file + host settings, the schema, and what failed. */
export interface ProjectSettings {
  root: string;
  config: ProjectConfig;
  schema: ArticleSchema;
  schemaSource: SchemaSource;
  configFile?: string;
  schemaFile?: string;
  errors: LoadProblem[];
  /** Files whose appearance, change or removal changes these settings (watched by the hosts). */
  watchFiles: string[];
  /** The project's baseline (`.qa-articles-baseline.json` at the root): warnings already known. */
  baseline?: Baseline;
  /** Why the baseline file could not be used (then no warning is hidden), as a message. */
  baselineError?: { key: MessageKey; args: (string | number)[] };
}

/**
 * The content collection the articles belong to, from the include globs: `fraga-doktorn` for
 * a glob under `src/content/fraga-doktorn/` (Astro keeps one folder per collection).
 */
export function collectionOf(include: readonly string[]): string | undefined {
  for (const g of include) {
    const m = /^(?:\.\/)?src\/content\/([^/*?{}[\]]+)\//.exec(g);
    if (m) return m[1];
  }
  return undefined;
}

/** Where `astro sync` writes a collection's schema, relative to the project root. */
export function astroSchemaPath(collection: string): string {
  return `.astro/collections/${collection}.schema.json`;
}

const decoder = new TextDecoder('utf-8');

async function readText(files: FileHost, path: string): Promise<string | undefined> {
  const bytes = await files.read(path);
  return bytes === undefined ? undefined : decoder.decode(bytes).replace(/^\uFEFF/, '');
}

function problemAt(file: string, kind: LoadProblem['kind'], key: MessageKey, args: (string | number)[], text = '', offset = 0, length = 0): LoadProblem {
  const lines = new LineIndex(text);
  const s = lines.positionAt(offset);
  const e = lines.positionAt(offset + length);
  return { file, kind, key, args, line: s.line, column: s.character, endLine: e.line, endColumn: e.character };
}

/** Reads and compiles a schema file (the site's generated one when `astro`); a problem instead when it cannot be used. */
export async function loadSchemaFile(files: FileHost, file: string, astro: false | Lang = false): Promise<ArticleSchema | LoadProblem> {
  let text: string | undefined;
  try {
    text = await readText(files, file);
  } catch (e) {
    return problemAt(file, 'schema', 'schema-unreadable', [errorCode(e)]);
  }
  if (text === undefined) return problemAt(file, 'schema', 'schema-missing', []);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return problemAt(file, 'schema', 'schema-not-json', [(e as Error).message], text);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return problemAt(file, 'schema', 'schema-not-object', [], text);
  try {
    return astro ? schemaFromAstroCollection(json, astro) : compileSchema(json as SchemaObject);
  } catch (e) {
    return problemAt(file, 'schema', 'schema-invalid', [(e as Error).message], text);
  }
}

/** The nearest file of that name at or above a folder. */
async function findUp(files: FileHost, dir: string, name: string): Promise<string | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    const f = join(d, name);
    if (await isFile(files, f)) return f;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * Loads the project's settings: `.qa-articles.json` in the root, merged with the host's
 * settings; the schema from the host setting, else the config's `schema`, else
 * `.qa-articles.schema.json` in the root, else the site's contract bundled with the product.
 * A file that cannot be used is reported in `errors` and the defaults stand in for it.
 */
export async function loadProjectSettings(files: FileHost, root: string, host: HostSettings = {}, lang: Lang = 'en'): Promise<ProjectSettings> {
  const trusted = host.trusted ?? true;
  const errors: LoadProblem[] = [];
  const watchFiles: string[] = [];
  const foundConfig = await findUp(files, root, CONFIG_FILE);
  const configFile = foundConfig ?? join(root, CONFIG_FILE);
  watchFiles.push(configFile, join(root, CONFIG_FILE));
  let config: ProjectConfig = DEFAULT_CONFIG;
  let configText: string | undefined;
  try {
    // None found (or none that can be seen, in a folder that cannot be looked into): the defaults.
    if (foundConfig) configText = await readText(files, configFile);
  } catch (e) {
    errors.push(problemAt(configFile, 'config', 'schema-unreadable', [errorCode(e)]));
  }
  if (configText !== undefined) {
    try {
      config = parseConfig(configText);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      errors.push(problemAt(configFile, 'config', e.key, e.args, configText, e.offset, e.length));
    }
  }
  config = {
    ...config,
    include: host.include?.length ? host.include : config.include,
    exclude: host.exclude ?? config.exclude,
    rules: { ...config.rules, ...(host.rules ?? {}) },
  };

  let schema = defaultSchema();
  let schemaSource: SchemaSource = 'bundled';
  let schemaFile: string | undefined;
  if (trusted) {
    const candidates: [SchemaSource, string | undefined][] = [
      ['setting', host.schemaPath ? resolve(root, host.schemaPath) : undefined],
      ['config', config.schema ? resolve(dirname(configFile), config.schema) : undefined],
    ];
    let chosen = candidates.find(([, f]) => f !== undefined) as [SchemaSource, string] | undefined;
    if (!chosen) {
      const own = [...new Set([join(dirname(configFile), SCHEMA_FILE), join(root, SCHEMA_FILE)])];
      const collection = collectionOf(config.include);
      const site = collection ? join(root, astroSchemaPath(collection)) : undefined;
      watchFiles.push(...own, ...(site ? [site] : []));
      for (const [source, f] of [...own.map((f) => ['project', f] as const), ...(site ? [['site', site] as const] : [])]) {
        if (await isFile(files, f)) {
          chosen = [source, f];
          break;
        }
      }
    }
    if (chosen) {
      const r = await loadSchemaFile(files, chosen[1], chosen[0] === 'site' ? lang : false);
      schemaFile = chosen[1];
      if ('validate' in r) {
        schema = r;
        schemaSource = chosen[0];
      } else errors.push(r);
    }
  }
  if (schemaFile) watchFiles.push(schemaFile);
  let baseline: Baseline | undefined;
  let baselineError: ProjectSettings['baselineError'];
  try {
    const text = (await isFile(files, join(root, BASELINE_FILE))) ? await readText(files, join(root, BASELINE_FILE)) : undefined;
    if (text !== undefined) baseline = parseBaseline(text);
  } catch (e) {
    baselineError = e instanceof BaselineError ? { key: e.key, args: [] } : unreadableFor(e);
  }
  return { root, config, schema, schemaSource, configFile: configText !== undefined ? configFile : undefined, schemaFile, errors, watchFiles: [...new Set(watchFiles)], baseline, baselineError };
}
