import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Analysis, AnalysisPool, PoolBatch, PoolRun } from '../core/project/api';
import type { Lang } from '../core/i18n/messages';
import type { HostSettings } from '../core/project/settings';
import type { HostSnapshot } from './snapshot';

/** What a helper thread is started with (see worker.ts). */
export interface WorkerJob {
  root: string;
  settings: HostSettings;
  lang: Lang;
  snapshot: HostSnapshot;
  batch: PoolBatch;
  /** One Int32: the next chunk to claim, shared by every thread. */
  counter: SharedArrayBuffer;
  chunk: number;
  profile: boolean;
}

/** What a helper thread posts: the analyses of a chunk, then its phase times when it has no more to claim. */
export type WorkerMessage = { kind: 'chunk'; analyses: [string, Analysis][] } | { kind: 'done'; phases: Record<string, number> };

export interface PoolOptions {
  /** The helper script (the bundle's dist/cli-worker.js). */
  script: string;
  root: string;
  settings: HostSettings;
  lang: Lang;
  /** The settings' files as the service read them (taken when the first batch starts). */
  snapshot: () => HostSnapshot;
  /** Helper threads; by default, on 3 cores or more, one for each core left idle while the main thread started (see `idleHelpers`), at most 3. */
  threads?: number;
  minFiles?: number;
  /** Phase times of the helpers, added to the host's profile. */
  onPhases?: (phases: Record<string, number>) => void;
  log?: (message: string) => void;
}

/**
 * Helpers worth starting: one per core left idle while the main thread ran, at most 3. A helper
 * on a core other work keeps busy only adds its own start, heap and hand-over to the run
 * (measured on 2 cores under load: a helper made a check of 12,980 files 20% slower, while on
 * an idle machine it made it 10% faster). `idle` is in cores, the main thread's not counted.
 */
export function idleHelpers(idle: number): number {
  return Math.max(0, Math.min(3, Math.floor(idle + 0.25)));
}

interface CpuTimes {
  /** Every core's idle and total time (ms). */
  idle: number;
  total: number;
  /** This process's CPU time, all its threads (ms). */
  own: number;
}

function cpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const c of os.cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  const u = process.cpuUsage();
  return { idle, total, own: (u.user + u.system) / 1000 };
}

/**
 * How many cores other work left idle since `since` (the pool's creation, while the main
 * thread read the settings and found the files), besides the main thread's: measured, not the
 * load average, which lags a minute behind (a run right after a busy one would find no core
 * free). This process's own time (V8 compiles on threads of its own at start) is not other
 * work. Over too short a window (the system counts in 10 ms steps) the load average stands in.
 */
function idleCores(since: CpuTimes, cores: number): number {
  const now = cpuTimes();
  const total = now.total - since.total;
  if (total < 20 * cores) return cores - 1 - os.loadavg()[0];
  const wall = total / cores;
  const busy = total - (now.idle - since.idle);
  const others = Math.max(0, busy - (now.own - since.own)) / wall;
  return cores - 1 - others;
}

/** Claims the next chunk of a batch through the counter every thread shares: its number, or -1 when all are taken. */
export function claimer(counter: SharedArrayBuffer, files: number, chunk: number): () => number {
  const next = new Int32Array(counter);
  const chunks = Math.ceil(files / chunk);
  return () => {
    const c = Atomics.add(next, 0, 1);
    return c < chunks ? c : -1;
  };
}

/** Files per claim: small enough to share the end of a batch evenly, large enough that claiming costs nothing. */
const CHUNK = 64;

/**
 * Worker threads that take a share of a batch check. A thread loads the bundle and the
 * settings (~100 ms) while the main thread already checks, so below `minFiles` none starts.
 */
export function workerPool(opts: PoolOptions): AnalysisPool | undefined {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  // Two logical cores are often one core's two hyperthreads (small machines, CI runners): there,
  // measured, a check's two threads each ran at ~0.57 of one thread's speed, and a helper added a
  // third to the CPU time and nothing to the speed. Unless asked for, helpers start from 3 cores.
  if (opts.threads === 0 || cores < 2 || (opts.threads === undefined && cores < 3)) return undefined;
  const since = cpuTimes();
  return {
    minFiles: opts.minFiles ?? 1500,
    start(batch: PoolBatch): PoolRun | undefined {
      const threads = opts.threads ?? idleHelpers(idleCores(since, cores));
      if (threads < 1) return undefined;
      const { files } = batch;
      const counter = new SharedArrayBuffer(4);
      const next = new Int32Array(counter);
      const chunks = Math.ceil(files.length / CHUNK);
      const job: WorkerJob = { root: opts.root, settings: opts.settings, lang: opts.lang, snapshot: opts.snapshot(), batch, counter, chunk: CHUNK, profile: !!opts.onPhases };
      const analyses = new Map<string, Analysis>();
      const running = Array.from({ length: threads }, () =>
        new Promise<void>((resolve) => {
          let worker: Worker;
          try {
            worker = new Worker(path.resolve(opts.script), { workerData: job });
          } catch (e) {
            opts.log?.(`helper thread not started: ${(e as Error).message}`);
            resolve();
            return;
          }
          worker.on('message', (m: WorkerMessage) => {
            if (m.kind === 'chunk') for (const [f, a] of m.analyses) analyses.set(f, a);
            else {
              // Every chunk came before this message; the helper waits to be ended.
              opts.onPhases?.(m.phases);
              resolve();
              void worker.terminate();
            }
          });
          // A helper that fails leaves its files to the service: they are missing from `done`.
          worker.on('error', (e) => opts.log?.(`helper thread failed: ${e.stack ?? e.message}`));
          worker.on('exit', () => resolve());
        }),
      );
      return {
        chunk: CHUNK,
        claim: claimer(counter, files.length, CHUNK),
        stop: () => Atomics.store(next, 0, chunks),
        // A turn of the event loop: the helpers' messages are read (and their analyses copied in) as they come.
        between: () => new Promise<void>((resolve) => setImmediate(resolve)),
        done: Promise.all(running).then(() => analyses),
      };
    },
  };
}
