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
  // Only a closed frontmatter is one the site reads, and only YAML that parses is worth comparing.
  const closed = article.frontmatter?.closeStart !== undefined;
  if (!isTarget) return { file, entry: closed ? entryOf(article) : undefined };
  const { problems, facts } = checker.checkLocal(article);
  return { file, entry: closed ? facts.entry : undefined, problems, facts: closed && article.data && article.yamlIssues.length === 0 ? facts : undefined };
}

/** Analyzes files in this thread, in order. Small files read synchronously beat any asynchronous scheme here. */
export function analyzeAll(files: string[], targets: Set<string>, checker: Checker): FileResult[] {
  return files.map((f) => analyzeFile(f, targets.has(f), checker));
}
