import * as fs from 'fs';
import * as path from 'path';
import { createChecker } from '../core/check/index';
import { CorpusIndex } from '../core/corpus';
import { format, type Lang } from '../core/i18n/messages';
import { severityOf } from '../core/rules';
import type { Problem, Severity } from '../core/types';
import { findMarkdownFiles } from '../node/files';
import { loadProject, ProjectError } from '../node/project';
import { analyzeAll } from './analyze';
import { CheckCache } from './cache';
import { parseCheckArgs, UsageError } from './args';
import { formatJson, formatText } from './output';

/** The default cache file of `--cache`, in the current folder. */
export const CACHE_FILE = '.qa-articles-cache';
const VERSION: string = (require('../../package.json') as { version: string }).version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/** A problem with the file it belongs to. */
export interface FileProblem extends Problem {
  file: string;
}

/** Runs `qa-articles check`; returns the exit code (0 clean, 1 problems, 2 could not run). */
export async function checkCommand(argv: string[], io: Io, lang: Lang): Promise<number> {
  let args;
  try {
    args = parseCheckArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(format(lang, e.key, ...e.args) + '\n' + format(lang, 'cli-usage') + '\n');
      return 2;
    }
    throw e;
  }
  if (args.lang) lang = args.lang as Lang;
  const root = path.resolve(io.cwd, args.root ?? '.');
  let exit = 0;
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    io.stderr(format(lang, 'path-missing', root) + '\n');
    return 2;
  }
  let project;
  try {
    project = loadProject(root, args.schema ? path.resolve(io.cwd, args.schema) : undefined);
  } catch (e) {
    if (e instanceof ProjectError) {
      io.stderr(format(lang, e.key, path.relative(io.cwd, e.file) || e.file, e.reason) + '\n');
      return 2;
    }
    throw e;
  }

  // The files to check.
  const targets = new Set<string>();
  for (const p of args.paths.length ? args.paths : ['.']) {
    const abs = path.resolve(io.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      io.stderr(format(lang, 'path-missing', p) + '\n');
      exit = 2;
      continue;
    }
    if (st.isDirectory()) for (const f of await findMarkdownFiles(abs)) targets.add(f);
    else targets.add(abs);
  }

  // One pass reads and parses every file once: index entries for the corpus, local problems
  // and corpus facts for the targets. Corpus rules run after, when the index is complete.
  const corpusFiles = await findMarkdownFiles(root);
  const inRoot = new Set(corpusFiles);
  const all = [...new Set([...corpusFiles, ...targets])];
  const shown = new Map<string, string>();
  const display = (f: string) => shown.get(f) ?? (shown.set(f, path.relative(io.cwd, f) || f), shown.get(f)!);
  const index = new CorpusIndex();
  const checker = createChecker({ schema: project.schema, config: project.config, index, lang, displayPath: display });
  const cache = args.cache
    ? new CheckCache(path.resolve(io.cwd, args.cacheLocation ?? CACHE_FILE), CheckCache.keyOf({ version: VERSION, schema: project.schema.json, config: project.config, lang }))
    : undefined;
  const results = cache ? all.map((f) => cache.analyze(f, targets.has(f), checker)) : analyzeAll(all, targets, checker);
  cache?.save();
  for (const r of results) if (r.entry && inRoot.has(r.file)) index.set(r.file, r.entry);

  const problems: FileProblem[] = [];
  const files = [...targets].sort();
  const byFile = new Map(results.map((r) => [r.file, r]));
  for (const f of files) {
    const r = byFile.get(f)!;
    if (r.unreadable) {
      const sev: Severity | undefined = severityOf('file-unreadable', project.config.rules);
      if (!sev) continue;
      const u = r.unreadable;
      const message = u.reason === 'binary' ? format(lang, 'file-binary') : u.reason === 'encoding' ? format(lang, 'file-encoding') : format(lang, 'file-unreadable', u.detail ?? '');
      problems.push({ file: f, rule: 'file-unreadable', severity: sev, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, start: 0, end: 0 });
      continue;
    }
    const own = [...(r.problems ?? []), ...(r.facts ? checker.checkCorpus(r.facts, f) : [])];
    own.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const p of own) problems.push({ ...p, file: f });
  }

  const color = args.color ?? (io.isTTY && !io.env.NO_COLOR);
  if (args.format === 'json') io.stdout(formatJson(files.length, problems, display) + '\n');
  else io.stdout(formatText(files.length, problems, display, lang, color));

  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (exit) return exit;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(format(lang, 'cli-too-many-warnings', warnings, args.maxWarnings) + '\n');
    return 1;
  }
  return 0;
}
