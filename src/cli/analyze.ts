import * as os from 'os';
import { Worker } from 'worker_threads';
import type { Checker } from '../core/check/index';
import type { CorpusFacts } from '../core/check/corpus';
import { entryOf, type IndexEntry } from '../core/corpus';
import { parseArticle } from '../core/parse';
import type { Problem } from '../core/types';
import { readArticleSync } from '../node/files';

/** What one pass over one file yields: its index entry, and for files being checked their local problems and corpus facts. */
export interface FileResult {
  file: string;
  unreadable?: { reason: 'binary' | 'encoding' | 'unreadable'; detail?: string };
  entry?: IndexEntry;
  problems?: Problem[];
  facts?: CorpusFacts;
}

/** Reads and parses one file once; its parsed document is dropped when this returns. */
export function analyzeFile(file: string, isTarget: boolean, checker: Checker): FileResult {
  const r = readArticleSync(file);
  if (!r.ok) return { file, unreadable: { reason: r.reason, detail: r.detail } };
  const article = parseArticle(r.text);
  if (!isTarget) return { file, entry: article.frontmatter ? entryOf(article) : undefined };
  const { problems, facts } = checker.checkLocal(article);
  return { file, entry: article.frontmatter ? facts.entry : undefined, problems, facts: article.data ? facts : undefined };
}

/** Analyzes files in this thread, in order. Small files read synchronously beat any asynchronous scheme here. */
export function analyzeAll(files: string[], targets: Set<string>, checker: Checker): FileResult[] {
  return files.map((f) => analyzeFile(f, targets.has(f), checker));
}

/** What a worker thread is given: its share of the files and how to build the same checker. */
export interface WorkerJob {
  files: string[];
  targets: string[];
  root: string;
  schema?: string;
  lang: 'en' | 'sv';
}

/** Below this many files, threads cost more than they save. */
const PARALLEL_MIN_FILES = 1500;

/**
 * Analyzes files on every core when there are many and this code runs from the bundle
 * (the bundle is its own worker script); otherwise in this thread.
 */
export async function analyzeParallel(files: string[], targets: Set<string>, checker: Checker, job: Omit<WorkerJob, 'files' | 'targets'>): Promise<FileResult[]> {
  const threads = Number(process.env.QA_ARTICLES_THREADS) || Math.min(os.availableParallelism?.() ?? os.cpus().length, 4);
  if (files.length < PARALLEL_MIN_FILES || threads < 2 || !__filename.endsWith('.js')) return Promise.resolve(analyzeAll(files, targets, checker));
  const size = Math.ceil(files.length / threads);
  const parts = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((p) => p.length);
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<FileResult[]>((resolve, reject) => {
          const data: WorkerJob = { ...job, files: part, targets: part.filter((f) => targets.has(f)) };
          const w = new Worker(__filename, { workerData: { qaArticlesJob: data } });
          w.once('message', (m: FileResult[]) => resolve(m));
          w.once('error', reject);
          w.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
        }),
    ),
  );
  return results.flat();
}
