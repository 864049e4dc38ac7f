import * as fs from 'fs';
import * as nodePath from 'path';
import { fixAllText } from '../core/fix/index';
import { format, ioReason, type Lang, type MessageKey } from '../core/i18n/messages';
import type { ArticleService, FileResult } from '../core/project/service';
import { applyBaseline, BASELINE_FILE, baselineKey, serializeBaseline, updateBaseline } from '../core/baseline';
import { describeSiteError } from '../core/site/lookup';
import { isInside, join, relative } from '../core/project/paths';
import { errorCode, noPermission, unreadableFolder, type UnreadableFolder } from '../core/project/read';
import type { Problem } from '../core/types';
import { fromCorePath, nodeFileHost, toCorePath } from '../node/host';
import { CheckCache } from './cache';
import { parseCheckArgs, UsageError } from './args';
import { jsonReport, terminalSafe, textReport } from './output';
import type { Profile } from './profile';
import { version } from '../../package.json';
import { openProject } from './project';
import { explicitMarkdownFiles } from './walk';

/**
 * Helper threads for a large check: `QA_ARTICLES_THREADS` (0 for none), else one per idle core
 * besides the main thread's (at most 3).
 */
export function helperThreads(env: NodeJS.ProcessEnv): number | 'auto' {
  const v = env.QA_ARTICLES_THREADS;
  return v !== undefined && /^\d{1,2}$/.test(v.trim()) ? Number(v) : 'auto';
}

/** The default cache file of `--cache`, in the current folder. */
export const CACHE_FILE = '.qa-articles-cache';
const VERSION: string = version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export type { FileProblem } from './output';

/** Runs `qa-articles check`; returns the exit code (0 clean, 1 problems, 2 could not run). */
export async function checkCommand(argv: string[], io: Io, lang: Lang, profile?: Profile): Promise<number> {
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
  if (args.help) {
    io.stdout(format(lang, 'cli-help') + '\n');
    return 0;
  }
  const opened = await openProject({ cwd: io.cwd, root: args.root, paths: args.paths, settings: { schemaPath: args.schema ? nodePath.resolve(io.cwd, args.schema) : undefined }, lang, profile, threads: helperThreads(io.env) });
  if (!opened.ok) {
    io.stderr(opened.message + '\n');
    return 2;
  }
  const service = opened.service;
  const cwd = toCorePath(io.cwd);
  // Each file's name as printed, worked out once (a file is named on every line of its problems).
  const names = new Map<string, string>();
  const shown = (f: string) => {
    let n = names.get(f);
    if (n === undefined) names.set(f, (n = printable(fromCorePath(relative(cwd, f) || f))));
    return n;
  };
  // A config or schema that cannot be used stops the run: its verdicts would be the wrong ones.
  if (service.settings.errors.length) {
    for (const e of service.settings.errors) io.stderr(`${shown(e.file)}:${e.line + 1}:${e.column + 1}  ${format(lang, e.kind === 'config' ? 'cli-bad-config' : 'cli-bad-schema', shown(e.file), service.describe(e))}\n`);
    return 2;
  }

  // The site's own lists (read, never run): one message per file that could not be read; the rules that need it stay off.
  for (const e of service.site.errors) io.stderr(describeSiteError(e, lang) + '\n');

  // The files to check: the project's articles, or the files and folders named. The articles,
  // once found, are the corpus of the check too (not searched for again).
  let exit = 0;
  const targets = new Set<string>();
  let articles: string[] | undefined;
  // Folders that cannot be opened: each said once (not those inside another one said), and the run cannot say all is well (exit 2).
  const unopened = new Map<string, UnreadableFolder>();
  const cannotOpen = (f: UnreadableFolder) => void unopened.set(f.path, f);
  const sayUnopened = () => {
    for (const f of [...unopened.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      if ([...unopened.keys()].some((other) => other !== f.path && isInside(other, f.path))) continue;
      const u = unreadableFolder(f, shown(f.path) || '.');
      io.stderr(format(lang, u.key, ...u.args) + '\n');
      exit = 2;
    }
  };
  // The articles, and the Markdown files among them the site builds no page of for their name (.markdown): checked, to say so.
  const checked = (found: string[]) => [...found, ...service.unbuiltFiles];
  const findArticles = async () => {
    const t0 = profile?.now() ?? 0;
    const found = await service.findArticles();
    profile?.add('discovery', profile.now() - t0);
    for (const f of service.unreadableFolders) cannotOpen(f);
    return found;
  };
  if (args.paths.length === 0) {
    articles = await findArticles();
    for (const f of checked(articles)) targets.add(f);
    sayUnopened();
    if (targets.size === 0) {
      io.stderr(format(lang, 'project-no-articles', shown(service.root) || '.', service.settings.config.include.join(', ')) + '\n');
      return 2;
    }
  } else {
    const files = nodeFileHost();
    for (const p of args.paths) {
      const abs = toCorePath(nodePath.resolve(io.cwd, p));
      let st: Awaited<ReturnType<typeof files.stat>>;
      try {
        st = files.stat(abs) as typeof st;
      } catch {
        // In a folder that cannot be looked into: the check reports why the file cannot be read.
        targets.add(abs);
        continue;
      }
      if (!st) {
        // A link that is there (ls lists it) but leads nowhere is not "no such file".
        const link = fs.lstatSync(fromCorePath(abs), { throwIfNoEntry: false })?.isSymbolicLink();
        io.stderr(format(lang, link ? 'path-broken-link' : 'path-missing', printable(p)) + '\n');
        exit = 2;
        continue;
      }
      // A pipe, socket or device itself (not a link to one, which the site lists): the site does not see it, and there is nothing to check.
      if (st.type === 'other' && st.realPath === undefined) {
        io.stderr(format(lang, 'path-special', printable(p)) + '\n');
        exit = 2;
        continue;
      }
      if (st.type !== 'directory') {
        targets.add(abs);
        continue;
      }
      // A folder: the project's articles in it; a folder outside the articles is taken as asked, every Markdown file in it.
      articles ??= await findArticles();
      const inside = checked(articles).filter((f) => isInside(abs, f));
      const found = inside.length ? inside : explicitMarkdownFiles(abs, cannotOpen);
      for (const f of found) targets.add(f);
      // A folder with nothing to check (a wrong one named): said, and not a pass (as a missing path).
      if (found.length === 0 && !unopened.has(abs)) {
        io.stderr(format(lang, 'cli-folder-no-articles', printable(p)) + '\n');
        exit = 2;
      }
    }
    sayUnopened();
    if (exit && targets.size === 0) return exit;
  }

  const tCache = profile?.now() ?? 0;
  // Everything a file's own problems depend on besides its text: the site's lists with their
  // labels and files, as the messages name them, too.
  const cache = args.cache
    ? new CheckCache(nodePath.resolve(io.cwd, args.cacheLocation ?? CACHE_FILE), CheckCache.keyOf({ version: VERSION, checker: CheckCache.checker(), schema: service.settings.schema.json, config: service.settings.config, lang, site: service.site }))
    : undefined;
  if (cache) profile?.add('cache', profile.now() - tCache);
  let results = await service.checkFiles([...targets], { cache, fixes: false, articles });
  if (args.fix) {
    const fixed = applyFixes(service, results, (key, ...a) => io.stderr(format(lang, key, ...a) + '\n'), shown);
    if (fixed.files > 0) {
      io.stderr(format(lang, 'cli-fixed', fixed.files, fixed.problems) + '\n');
      // What is left, over the corpus as the fixes left it.
      results = await service.checkFiles([...targets], { cache, fixes: false, articles });
    }
  }
  cache?.save();

  // The baseline: warnings already known are hidden unless --no-baseline; --baseline-update records them.
  const baselineFile = fromCorePath(join(service.root, BASELINE_FILE));
  const { baselineError } = service.settings;
  if (baselineError && !args.noBaseline && !args.baselineUpdate) {
    io.stderr(format(lang, 'cli-bad-baseline', shown(toCorePath(baselineFile)), format(lang, baselineError.key, ...baselineError.args)) + '\n');
    return 2;
  }
  let baseline = args.noBaseline && !args.baselineUpdate ? undefined : service.settings.baseline;
  if (args.baselineUpdate) {
    const inProject = results.filter((r) => isInside(service.root, r.file));
    baseline = updateBaseline(baselineError ? {} : baseline ?? {}, inProject.map((r) => [baselineKey(relative(service.root, r.file)), r.problems]), (k) => fs.existsSync(fromCorePath(join(service.root, k))));
    try {
      fs.writeFileSync(baselineFile, serializeBaseline(baseline));
      const counts = Object.values(baseline).flatMap((e) => Object.values(e));
      io.stderr(format(lang, 'cli-baseline-updated', shown(toCorePath(baselineFile)), counts.reduce((n, c) => n + c.count, 0), Object.keys(baseline).length) + '\n');
    } catch (e) {
      // Not recorded: the report below still shows what the old baseline (if any) hides, and the run says it did not do what was asked.
      io.stderr(format(lang, 'cli-baseline-not-written', shown(toCorePath(baselineFile)), ioReason(lang, errorCode(e))) + '\n');
      exit = 2;
      baseline = service.settings.baseline;
    }
  }
  const tOutput = profile?.now() ?? 0;
  const color = args.color ?? (io.isTTY && !io.env.NO_COLOR);
  // The report goes out file by file: a large one is never held whole.
  const report = args.format === 'json' ? jsonReport(results.length, shown, io.stdout) : textReport(results.length, shown, lang, color, io.stdout);
  let hidden = 0;
  for (const r of results) {
    const kept = baseline && !args.noBaseline ? applyBaseline(r.problems, baseline[baselineKey(relative(service.root, r.file))]) : { shown: r.problems, hidden: 0 };
    // A file outside the project is not in its baseline.
    const own = isInside(service.root, r.file) ? kept : { shown: r.problems, hidden: 0 };
    hidden += own.hidden;
    report.add(r.file, own.shown);
  }
  report.end();
  const { errors, warnings } = report.counts;
  if (hidden > 0) io.stderr(format(lang, 'cli-baseline-hidden', hidden, shown(toCorePath(baselineFile))) + '\n');
  if (profile) {
    profile.add('output', profile.now() - tOutput);
    io.stderr(await profile.report());
  }

  if (exit) return exit;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(format(lang, 'cli-too-many-warnings', warnings, args.maxWarnings) + '\n');
    return 1;
  }
  return 0;
}

/**
 * `--fix`: every safe fix of each file (the editor's Fix All: the same core function), written
 * back only when the text changed. Untouched bytes and line ends stay as they were; a file
 * with bytes that are not UTF-8, or one that changed meanwhile, is left alone with a message.
 */
function applyFixes(service: ArticleService, results: FileResult[], say: (key: MessageKey, ...args: (string | number)[]) => void, shown: (f: string) => string): { files: number; problems: number } {
  let files = 0;
  let problems = 0;
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (const r of results) {
    // The batch's problems carry no fixes (they are only printed): each file with problems is checked again here, with them.
    if (!r.readable || r.problems.length === 0) continue;
    const file = fromCorePath(r.file);
    let bytes: Buffer;
    let mtime: number;
    try {
      bytes = fs.readFileSync(file);
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      continue;
    }
    let text: string;
    try {
      text = strict.decode(bytes);
    } catch {
      say('cli-fix-not-written', shown(r.file), format(service.lang, 'cli-fix-why-encoding'));
      continue;
    }
    // What leaves text to write (a summary's empty bullet) or guesses the writer's meaning is the editor's, where the writer sees it.
    const out = fixAllText(text, (t) => service.check(r.file, t).map(unattended));
    if (out.text === text) continue;
    if (fs.statSync(file).mtimeMs !== mtime) {
      say('cli-fix-not-written', shown(r.file), format(service.lang, 'cli-fix-why-changed'));
      continue;
    }
    try {
      fs.writeFileSync(file, out.text);
    } catch (e) {
      const code = errorCode(e);
      say('cli-fix-not-written', shown(r.file), noPermission(code) || code === 'EROFS' ? format(service.lang, 'cli-fix-why-readonly') : format(service.lang, 'cli-fix-why-write', ioReason(service.lang, code)));
      continue;
    }
    files++;
    problems += out.fixed;
  }
  return { files, problems };
}

/** The problem with only the fixes that may be applied with nobody looking (not those `needsWriter`). */
function unattended(p: Problem): Problem {
  return p.fixes?.some((f) => f.needsWriter) ? { ...p, fixes: p.fixes.filter((f) => !f.needsWriter) } : p;
}

/** A file name as it may be printed: control characters (a newline, terminal escape codes) written as escapes. */
export const printable = terminalSafe;
