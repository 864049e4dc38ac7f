// A helper thread of a batch check (see pool.ts): a service of its own over the settings' files
// as the main thread read them; it claims chunks of files until none is left and posts each
// chunk's analyses.
import { parentPort, workerData } from 'worker_threads';
import { performance } from 'perf_hooks';
import type { Analysis } from '../core/project/api';
import type { PhaseProfile, ProfilePhase } from '../core/profile';
import { createArticleService } from '../core/project/service';
import { nodeFileHost } from './host';
import { claimer, type WorkerJob, type WorkerMessage } from './pool';
import { snapshotHost } from './snapshot';

async function main(job: WorkerJob): Promise<void> {
  const phases: Record<string, number> = {};
  const profile: PhaseProfile | undefined = job.profile
    ? { now: () => performance.now(), add: (p: ProfilePhase, ms: number) => void (phases[p] = (phases[p] ?? 0) + ms), reading: () => undefined }
    : undefined;
  const service = createArticleService({ files: snapshotHost(nodeFileHost(), job.snapshot), root: job.root, settings: job.settings, lang: job.lang, profile });
  await service.ready;
  const { files, target, listed, fixes } = job.batch;
  const claim = claimer(job.counter, files.length, job.chunk);
  for (let c = claim(); c >= 0; c = claim()) {
    const analyses: [string, Analysis][] = [];
    for (let i = c * job.chunk; i < Math.min(files.length, (c + 1) * job.chunk); i++) {
      analyses.push([files[i], await service.analyze(files[i], { target: target[i], listed: listed[i], fixes })]);
    }
    parentPort!.postMessage({ kind: 'chunk', analyses } satisfies WorkerMessage);
  }
  // Kept alive until the main thread ends it, so no message is lost to an exit.
  parentPort!.on('message', () => undefined);
  parentPort!.postMessage({ kind: 'done', phases } satisfies WorkerMessage);
}

void main(workerData as WorkerJob);
