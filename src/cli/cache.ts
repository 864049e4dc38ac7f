import { createHash } from 'crypto';
import * as fs from 'fs';
import type { Checker } from '../core/check/index';
import { analyzeFile, type FileResult } from './analyze';

/** One file's result as the cache keeps it, with what identifies the file's content on disk. */
interface CachedFile {
  size: number;
  mtimeMs: number;
  target: boolean;
  result: Omit<FileResult, 'file'>;
}

interface CacheFile {
  key: string;
  files: Record<string, CachedFile>;
}

/**
 * Results of earlier checks, reused for files whose size and modification time are unchanged,
 * as long as the checker is the same (version, schema, config, language: `key`). Like ESLint's
 * `--cache`: a repeated check in CI or before a commit reads only what changed.
 */
export class CheckCache {
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

  /** A key for everything that decides a file's problems besides its text. */
  static keyOf(parts: unknown): string {
    return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
  }

  /** The file's result, from the cache when its content is unchanged, else freshly analyzed. */
  analyze(file: string, target: boolean, checker: Checker): FileResult {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(file);
    } catch {
      st = undefined;
    }
    const hit = this.old[file];
    if (st && hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && (hit.target || !target)) {
      this.next[file] = hit;
      return { file, ...hit.result };
    }
    const result = analyzeFile(file, target, checker);
    this.misses++;
    if (st) {
      const { file: _file, ...rest } = result;
      void _file;
      // Fixes are for editors; the CLI never prints them.
      const problems = rest.problems?.map(({ fixes: _fixes, ...p }) => p);
      this.next[file] = { size: st.size, mtimeMs: st.mtimeMs, target, result: { ...rest, problems } };
    }
    return result;
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
