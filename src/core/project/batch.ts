import type { Checker } from '../check/index';
import { entryOf, type CorpusIndex } from '../corpus';
import { findFrontmatter } from '../frontmatter';
import { parseArticle, type ParsedArticle } from '../parse';
import type { PhaseProfile } from '../profile';
import type { Problem } from '../types';
import type { Analysis, AnalysisCache, AnalysisPool, CheckFilesOptions, FileResult } from './api';
import type { CancellationToken, FileStat, Log } from './host';
import type { ReadOutcome, Unreadable } from './read';

/** What a batch check needs of the service it runs in. */
export interface BatchService {
  readonly index: CorpusIndex;
  readonly profile?: PhaseProfile;
  readonly pool?: AnalysisPool;
  readonly log?: Log;
  findArticles(token?: CancellationToken): Promise<string[]>;
  readArticle(path: string, before?: (stat: FileStat) => boolean): Promise<ReadOutcome>;
  unreadableProblem(u: Unreadable): Problem | undefined;
  /** Whether the last search listed a path as a regular file. */
  listed(path: string): boolean;
  /** Runs one file's check; a failure inside it becomes that file's own problem. */
  safeCheck(path: string, run: () => Problem[]): Problem[];
  /** Asks the host about the files an article's images need, before its check; the number of images in its answer. */
  prepareImages?(path: string, article: ParsedArticle): Promise<number>;
}

/**
 * Checks many files in one pass, each read once; the corpus is the project's articles plus
 * `targets` outside it. The parsed document of each file is dropped at once; the corpus rules
 * run afterwards, over the complete index. A large batch is shared with the host's helpers.
 */
export async function checkBatch(s: BatchService, checker: Checker, targets: string[], opts: CheckFilesOptions): Promise<FileResult[]> {
  const targetSet = new Set(targets);
  const profile = s.profile;
  const t0 = profile?.now() ?? 0;
  const corpus = opts.articles ?? (await s.findArticles(opts.token));
  const all = [...new Set([...corpus, ...targets])];
  if (!opts.articles) profile?.add('discovery', profile.now() - t0);
  const inCorpus = new Set(corpus);
  const analyses = new Map<string, Analysis>();
  const cancelled = () => opts.token?.isCancellationRequested === true;
  const fixes = opts.fixes ?? true;
  // Not with a cache: its hits are known here.
  const pool = s.pool;
  const run = pool && !opts.cache && all.length >= pool.minFiles ? pool.start({ files: all, target: all.map((f) => targetSet.has(f)), listed: all.map((f) => s.listed(f)), fixes }) : undefined;
  if (run) {
    for (let c = run.claim(); c >= 0 && !cancelled(); c = run.claim()) {
      for (const file of all.slice(c * run.chunk, (c + 1) * run.chunk)) analyses.set(file, await analyzeFile(s, file, targetSet.has(file), checker, fixes));
      await run.between?.();
    }
    if (cancelled()) run.stop();
    for (const [file, a] of await run.done) analyses.set(file, a);
  }
  for (const file of all) {
    if (cancelled()) break;
    if (!analyses.has(file)) analyses.set(file, await analyzeFile(s, file, targetSet.has(file), checker, fixes, opts.cache));
  }
  // The index in the files' order, however the work was shared.
  for (const file of all) {
    const a = analyses.get(file);
    if (!a || !inCorpus.has(file)) continue;
    if (a.entry) s.index.set(file, a.entry);
    else s.index.delete(file);
  }
  // A file whose local rules read the index (a few at most) is checked again over the whole of it.
  for (const file of all) {
    const a = analyses.get(file);
    if (!a?.recheck || !targetSet.has(file) || cancelled()) continue;
    const again = await analyzeFile(s, file, true, checker, fixes);
    analyses.set(file, again.unreadable ? again : { ...again, entry: a.entry, recheck: undefined });
  }
  const results: FileResult[] = [];
  for (const file of [...targetSet].sort()) {
    const a = analyses.get(file);
    if (!a) continue;
    if (a.unreadable) {
      const p = s.unreadableProblem(a.unreadable);
      results.push({ file, problems: p ? [p] : [], readable: false });
      continue;
    }
    const problems = [...(a.problems ?? []), ...(a.facts ? s.safeCheck(file, () => checker.checkCorpus(a.facts!, file)) : [])];
    if (!fixes) for (const p of problems) delete p.fixes;
    problems.sort((x, y) => x.start - y.start || x.end - y.end);
    results.push({ file, problems, readable: true });
  }
  return results;
}

/** One file's part of a batch: its index entry and, for a target, its local problems and the facts the corpus rules need. */
export async function analyzeFile(s: Pick<BatchService, 'profile' | 'readArticle' | 'log' | 'prepareImages'>, file: string, target: boolean, checker: Checker, fixes: boolean, cache?: AnalysisCache): Promise<Analysis> {
  const profile = s.profile;
  profile?.reading();
  const t0 = profile?.now() ?? 0;
  // A cache hit is known from the stat alone: the file is not read at all.
  let hit: Analysis | undefined;
  const r = await s.readArticle(file, cache ? (stat) => (hit = cache.get(file, stat, target)) !== undefined : undefined);
  profile?.add('read', profile.now() - t0);
  if (hit) return hit;
  if (!r.ok) return { unreadable: r.unreadable };
  let a: Analysis;
  // An article with images depends on other files than itself: its result is not kept in a cache.
  let images = 0;
  try {
    const article = profile ? parseProfiled(r.text, profile) : parseArticle(r.text);
    // Only a closed frontmatter is one the site reads, and only YAML that parses is worth comparing.
    const closed = article.frontmatter?.closeStart !== undefined;
    if (!target) a = { entry: closed ? entryOf(article) : undefined };
    else {
      if (s.prepareImages) images = await s.prepareImages(file, article);
      const { problems, facts, corpusRead } = checker.checkLocal(article, file);
      if (!fixes) for (const p of problems) delete p.fixes;
      a = { entry: closed ? facts.entry : undefined, problems, facts: closed && article.data && article.yamlIssues.length === 0 ? facts : undefined };
      if (corpusRead) a.recheck = true;
    }
  } catch (e) {
    s.log?.(`${file}: ${(e as Error)?.stack ?? String(e)}`);
    return { unreadable: { key: 'check-crashed', args: [(e as Error)?.message ?? String(e)] } };
  }
  if (images === 0) cache?.set(file, r.stat, target, a);
  return a;
}

/**
 * Parses an article timing its parts for a profiler: the frontmatter is found once more on its
 * own to time the split; `yaml` is the rest of parsing (the YAML and the line index).
 */
function parseProfiled(text: string, profile: PhaseProfile): ParsedArticle {
  const t0 = profile.now();
  findFrontmatter(text);
  const t1 = profile.now();
  const article = parseArticle(text);
  const t2 = profile.now();
  profile.add('split', t1 - t0);
  profile.add('yaml', Math.max(0, t2 - t1 - (t1 - t0)));
  return article;
}
