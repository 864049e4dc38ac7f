import { format, type Lang } from '../core/i18n/messages';
import { createArticleService, type ArticleService } from '../core/project/service';
import { findProjectRoot } from '../core/project/root';
import * as nodePath from 'path';
import { dirname, relative } from '../core/project/paths';
import type { HostSettings } from '../core/project/settings';
import type { Profile } from './profile';
import * as fs from 'fs';
import { nodeFileHost, toCorePath } from '../node/host';
import { workerPool } from '../node/pool';
import { recordingHost } from '../node/snapshot';
import type { ProfilePhase } from '../core/profile';

/** A helper thread's phase times, added to this run's (per-file phases are summed over threads). */
function addPhases(profile: Profile, phases: Record<string, number>): void {
  for (const [k, ms] of Object.entries(phases)) profile.add(k as ProfilePhase, ms);
  profile.threads++;
}

/** The CLI's project: the service over Node's file system, or why none could be opened. */
export type OpenedProject = { ok: true; service: ArticleService; found: boolean } | { ok: false; message: string };

/**
 * Opens the project the CLI works on: `--root` when given (it must be a folder), else the
 * project found at or above the first path named (or the current folder). With no project
 * found, named files are still checked, against the built-in contract and no corpus.
 */
export async function openProject(opts: { cwd: string; root?: string; paths: string[]; settings: HostSettings; lang: Lang; profile?: Profile; threads?: number | 'auto' }): Promise<OpenedProject> {
  const files = nodeFileHost();
  const cwd = toCorePath(opts.cwd);
  let root: string | undefined;
  let found = true;
  if (opts.root !== undefined) {
    root = toCorePath(nodePath.resolve(opts.cwd, opts.root));
    const st = await files.stat(root);
    if (!st) return { ok: false, message: format(opts.lang, 'path-missing', opts.root) };
    if (st.type !== 'directory') return { ok: false, message: format(opts.lang, 'root-not-folder', opts.root) };
  } else {
    let start = cwd;
    const first = opts.paths[0] !== undefined ? toCorePath(nodePath.resolve(opts.cwd, opts.paths[0])) : undefined;
    if (first) {
      let st: Awaited<ReturnType<typeof files.stat>>;
      try {
        st = await files.stat(first);
      } catch {
        // In a folder that cannot be looked into: taken as a file, whose check says why it cannot be read.
        st = { type: 'file', size: 0, mtime: 0 };
      }
      if (st) start = st.type === 'directory' ? first : dirname(first);
    }
    root = (await findProjectRoot(files, start))?.root;
    if (!root) {
      if (opts.paths.length === 0) return { ok: false, message: format(opts.lang, 'project-none', relative(cwd, start) || '.') };
      root = start;
      found = false;
    }
  }
  const t0 = opts.profile?.now() ?? 0;
  // A large batch check shares its files with worker threads, which read the settings' files as this service read them.
  const recorded = recordingHost(files);
  const script = nodePath.join(__dirname, 'cli-worker.js');
  const threads = opts.threads === 'auto' ? undefined : opts.threads;
  const pool = opts.threads !== undefined && threads !== 0 && fs.existsSync(script) ? workerPool({ script, root, settings: opts.settings, lang: opts.lang, snapshot: recorded.snapshot, threads, onPhases: opts.profile && ((p) => addPhases(opts.profile!, p)) }) : undefined;
  const service = createArticleService({ files: pool ? recorded.files : files, root, settings: opts.settings, lang: opts.lang, profile: opts.profile, pool });
  await service.ready;
  opts.profile?.add('project', opts.profile.now() - t0);
  return { ok: true, service, found };
}
