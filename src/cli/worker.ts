import { parentPort, workerData } from 'worker_threads';
import { createChecker } from '../core/check/index';
import { loadProject } from '../node/project';
import { analyzeAll, type WorkerJob } from './analyze';

/** True when this thread was started by analyzeParallel. */
export function isCheckWorker(): boolean {
  return !!parentPort && !!(workerData as { qaArticlesJob?: WorkerJob } | undefined)?.qaArticlesJob;
}

/** The worker side: builds the same checker (without the index: corpus rules run in the main thread) and analyzes its share. */
export function runCheckWorker(): void {
  const job = (workerData as { qaArticlesJob: WorkerJob }).qaArticlesJob;
  const project = loadProject(job.root, job.schema);
  const checker = createChecker({ schema: project.schema, config: project.config, lang: job.lang });
  const results = analyzeAll(job.files, new Set(job.targets), checker);
  parentPort!.postMessage(results);
}
