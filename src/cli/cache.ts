import * as fs from 'fs';
import type { FileStat } from '../core/project/host';
import type { Analysis, AnalysisCache } from '../core/project/service';

/** One file's analysis as the cache keeps it, with what identifies the file's content on disk. */
interface CachedFile {
  size: number;
  mtimeMs: number;
  target: boolean;
  result: Analysis;
}

interface CacheFile {
  key: string;
  files: Record<string, CachedFile>;
}

/**
 * Results of earlier checks, reused for files whose size and modification time are unchanged,
 * as long as the checker is the same (version, schema, config, language: `key`). Like ESLint's
 * `--cache`: a repeated check in CI or before a commit reads only what changed. The corpus
 * rules always run afresh, over the index of this run.
 */
export class CheckCache implements AnalysisCache {
  private old: Record<string, CachedFile> = {};
  private readonly next: Record<string, CachedFile> = {};
  private misses = 0;

  constructor(private readonly location: string, private readonly key: string) {
    try {
      const data = JSON.parse(fs.readFileSync(location, 'utf8')) as CacheFile;
      if (data && data.key === key && data.files && typeof data.files === 'object') this.old = data.files;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /**
   * A key for everything that decides a file's problems besides its text: the parts themselves
   * as JSON, compared whole (no hash, so no collision, and no crypto module loaded at start).
   */
  static keyOf(parts: unknown): string {
    return JSON.stringify(parts);
  }

  get(file: string, stat: FileStat, target: boolean): Analysis | undefined {
    const hit = this.old[file];
    // A result made for the corpus only has no problems: a file now being checked needs its own.
    if (hit && hit.size === stat.size && hit.mtimeMs === stat.mtime && (hit.target || !target)) {
      this.next[file] = hit;
      return hit.result;
    }
    return undefined;
  }

  set(file: string, stat: FileStat, target: boolean, analysis: Analysis): void {
    this.misses++;
    // Fixes are for editors; the CLI never prints them.
    const problems = analysis.problems?.map(({ fixes: _fixes, ...p }) => p);
    this.next[file] = { size: stat.size, mtimeMs: stat.mtime, target, result: { ...analysis, problems } };
  }

  /** Writes the results of this run (files no longer checked drop out); nothing when nothing changed. */
  save(): void {
    const unchanged = this.misses === 0 && Object.keys(this.old).length === Object.keys(this.next).length;
    if (unchanged) return;
    try {
      fs.writeFileSync(this.location, JSON.stringify({ key: this.key, files: this.next } satisfies CacheFile));
    } catch {
      // A cache that cannot be written costs only speed next time.
    }
  }
}
