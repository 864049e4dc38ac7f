import { PerformanceObserver, performance } from 'perf_hooks';
import type { PhaseProfile, ProfilePhase } from '../core/profile';

/** The phases of a `check` run, in the order they happen (per-file phases summed over all files). */
export const PHASES = ['startup', 'discovery', 'read', 'split', 'yaml', 'schema', 'rules', 'corpus', 'output'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Where a `check` run spends its time, when `QA_ARTICLES_PROFILE` is set: printed to stderr as
 * one line `qa-articles profile {json}` (milliseconds), so the bench and a curious user read the
 * same figures. `startup` is process start → the first article read (Node's own start, loading
 * the bundle, reading the config and schema, loading `--cache`'s file); `load`, `project` and
 * `cache` are parts of it; `gc` is the
 * garbage collector's pauses, which fall inside the other phases. With helper threads
 * (`threads`), the per-file phases are summed over all threads, so they may add up to more
 * than `total`.
 */
export class Profile implements PhaseProfile {
  private readonly ms = new Map<string, number>();
  private readonly gc: PerformanceObserver;
  private gcMs = 0;
  private firstRead?: number;
  /** Helper threads that took a share of the files (their per-file phases are in the sums). */
  threads = 0;

  constructor(private readonly loadedAt: number) {
    this.gc = new PerformanceObserver((list) => this.countGc(list.getEntries()));
    this.gc.observe({ entryTypes: ['gc'] });
  }

  /** Milliseconds since the process started. */
  now(): number {
    return performance.now();
  }

  add(phase: ProfilePhase | 'cache' | 'output', ms: number): void {
    this.ms.set(phase, (this.ms.get(phase) ?? 0) + ms);
  }

  /** Marks the first article read, which ends the startup phase. */
  reading(): void {
    this.firstRead ??= this.now();
  }

  /** The line for stderr: every phase, the whole run, and the process's peak memory. */
  async report(): Promise<string> {
    const end = this.now();
    // Node delivers GC entries to observers asynchronously: let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.countGc(this.gc.takeRecords());
    this.gc.disconnect();
    const out: Record<string, number> = {};
    out.startup = this.firstRead ?? this.now();
    out.load = this.loadedAt;
    out.project = this.ms.get('project') ?? 0;
    out.cache = this.ms.get('cache') ?? 0;
    for (const p of PHASES.slice(1)) out[p] = this.ms.get(p) ?? 0;
    out.gc = this.gcMs;
    out.total = end;
    out.threads = this.threads;
    for (const k of Object.keys(out)) out[k] = Math.round(out[k] * 10) / 10;
    out.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return `qa-articles profile ${JSON.stringify(out)}\n`;
  }

  private countGc(entries: PerformanceEntryList): void {
    for (const e of entries) this.gcMs += e.duration;
  }
}

/** A profile for this run when `QA_ARTICLES_PROFILE` is set (to anything but `0`), else undefined. Called first in `main`, when the bundle has loaded. */
export function profileFromEnv(env: NodeJS.ProcessEnv): Profile | undefined {
  const v = env.QA_ARTICLES_PROFILE;
  return v && v !== '0' ? new Profile(performance.now()) : undefined;
}
