import * as fs from 'fs';
import * as path from 'path';
import type { FileStat } from '../core/project/host';
import type { Analysis, AnalysisCache } from '../core/project/service';
import { header, load, NONE, write, type Cached } from './cacheFile';

/**
 * How long before a run started a file must have last changed for its stat to be trusted by a
 * later run. A file's time stamps count in ticks (FAT's modification time in 2 s, many kernels'
 * clocks in milliseconds, and a time stamp may lag the clock by a tick): a file changed again
 * within the tick of the stat this run keeps would show the same times. Such a "racily clean"
 * file (git's word) is checked, but its result is not kept, so the next run reads it again.
 */
export const RACY_MS = 3000;

/** A stat a cache may trust: one with the status change time and the file's identity. */
type FullStat = FileStat & { ctime: number; ino: number; dev: number };
const full = (s: FileStat): s is FullStat => typeof s.ctime === 'number' && typeof s.ino === 'number' && typeof s.dev === 'number';

/**
 * Results of earlier checks, reused for a file whose stat is the same as when its result was
 * made, as long as the checker is the same (its build, schema, config, language: `key`). Like
 * ESLint's `--cache`: a repeated check in CI or before a commit reads only what changed. The
 * corpus rules always run afresh, over the index of this run.
 *
 * A result is never stale, as git's index knows a file unchanged by its stat:
 * - it is keyed on the size, modification time, status change time (ctime), inode and device.
 *   Every write, rename into place or reset of the modification time (`touch -d`, `cp -p`,
 *   `rsync -t`, `tar x`) moves the ctime to the present, and nothing sets it back;
 * - a result is kept only when the file's times are at least `RACY_MS` before this run began
 *   reading: a file changed during the run, or just before it, could change again within the
 *   same tick of its times, unseen by its stat. Such a file is read again by the next run
 *   (and kept by the first run that begins after it has been left alone);
 * - a host without ctime, inode and device (FileStat's optional fields) gets no hits at all.
 *
 * The file (see `write`) holds each index entry once, problems and spans as a few numbers,
 * repeated strings once; a file that is not exactly one this version wrote for this key
 * (damaged, cut short, from another version or checker, or not a cache) is ignored whole, and
 * one that cannot be written costs only speed. It is written to a temporary file and renamed
 * into place, so a reader never sees half of one and two runs at once never mix theirs. (A file
 * forged to pass all that, with the stats of the files it lies about, would be believed: the
 * cache is trusted as the project's own files are.)
 */
export class CheckCache implements AnalysisCache {
  private old = NONE;
  /** This run's results: made now, or the row of an old one that still holds. */
  private readonly next = new Map<string, Cached | number>();
  /** This run began reading no earlier than this (ms since the epoch). */
  private readonly started: number;
  private changed = false;

  constructor(private readonly location: string, private readonly key: string, now = Date.now()) {
    this.started = now;
    try {
      this.old = load(location, header(key));
    } catch {
      // No cache yet, or one this version did not write for this checker: start afresh.
    }
  }

  /**
   * A key for everything that decides a file's problems besides its text: the parts themselves
   * as JSON, compared whole (no hash, so no collision).
   */
  static keyOf(parts: unknown): string {
    return JSON.stringify(parts);
  }

  /**
   * What the running checker is made of, for the key: the SHA-1 of the bundle this code runs
   * from and of the project-schema compiler beside it (a rebuild with other rules is another
   * checker, whatever the version number says), and the Node and ICU versions (sentences and
   * Swedish collation come from ICU).
   */
  static checker(): string {
    const { createHash } = require('crypto') as typeof import('crypto');
    const hash = createHash('sha1');
    for (const f of [__filename, path.join(__dirname, 'cli-ajv.js')]) {
      try {
        hash.update(fs.readFileSync(f));
      } catch {
        hash.update('-');
      }
    }
    return `${hash.digest('hex')} node ${process.version} icu ${process.versions.icu ?? '-'}`;
  }

  get(file: string, stat: FileStat, target: boolean): Analysis | undefined {
    const i = this.old.row.get(file);
    if (i === undefined || !full(stat)) return undefined;
    const s = this.old.stats;
    const at = i * 5;
    // A result made for the corpus only has no problems: a file now being checked needs its own.
    if (s[at] !== stat.size || s[at + 1] !== stat.mtime || s[at + 2] !== stat.ctime || s[at + 3] !== stat.ino || s[at + 4] !== stat.dev || (target && !this.old.target[i])) return undefined;
    this.next.set(file, i);
    return this.old.results[i];
  }

  set(file: string, stat: FileStat, target: boolean, analysis: Analysis): void {
    this.changed = true;
    // Kept only when safe to trust by its stat alone (see the class), and only as written: the
    // facts share the entry (`batch.ts` makes them so), which is stored once.
    const trusted = full(stat) && stat.mtime < this.started - RACY_MS && stat.ctime < this.started - RACY_MS;
    if (!trusted || analysis.unreadable || (analysis.facts && analysis.facts.entry !== analysis.entry)) {
      this.next.delete(file);
      return;
    }
    // Fixes are for editors; the CLI never prints them.
    const problems = analysis.problems?.map(({ fixes: _fixes, ...p }) => p);
    this.next.set(file, { size: stat.size, mtime: stat.mtime, ctime: stat.ctime, ino: stat.ino, dev: stat.dev, target, result: { ...analysis, problems } });
  }

  /** Writes the results of this run (files no longer checked drop out); nothing when nothing changed. */
  save(): void {
    if (!this.changed && this.old.row.size === this.next.size) return;
    const tmp = `${this.location}.${process.pid}.tmp`;
    const { stats, target, results } = this.old;
    const rows = new Map<string, Cached>();
    for (const [file, c] of this.next) {
      if (typeof c !== 'number') rows.set(file, c);
      else rows.set(file, { size: stats[c * 5], mtime: stats[c * 5 + 1], ctime: stats[c * 5 + 2], ino: stats[c * 5 + 3], dev: stats[c * 5 + 4], target: target[c] === 1, result: results[c] });
    }
    try {
      write(tmp, header(this.key), rows);
      fs.renameSync(tmp, this.location);
    } catch {
      // A cache that cannot be written costs only speed next time.
      try {
        fs.unlinkSync(tmp);
      } catch {
        // Never made.
      }
    }
  }
}
