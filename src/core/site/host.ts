import type { ProjectConfig } from '../config';
import type { FileHost } from '../project/host';
import { dirname, relative, resolve } from '../project/paths';
import { loadSiteKnowledge } from './read';
import { siteSources } from './sources';
import type { SiteKnowledge, SiteSource } from './types';

/** What locating the site's files needs of a project's settings. */
export interface SiteProject {
  root: string;
  config: Pick<ProjectConfig, 'topics' | 'conditions'>;
  configFile?: string;
}

/** The site files of a project (absolute `/`-separated paths), for reading and watching; inline lists have none. */
export function siteFilePaths(p: SiteProject): { topics?: string; conditions?: string } {
  const src = siteSources(p.config);
  const abs = (r: typeof src.topics) => (r.kind === 'path' ? resolve(r.base === 'config' && p.configFile ? dirname(p.configFile) : p.root, r.path) : undefined);
  return { topics: abs(src.topics), conditions: abs(src.conditions) };
}

/** Larger than any list of topics; such a file is refused unread. */
const MAX_SITE_BYTES = 2_000_000;

/**
 * Reads the site's topic and condition lists through the host's file access: the files the
 * config names (or the default `src/data/topics.ts`, `src/data/conditions.ts`), or its inline
 * lists. Nothing read is run. Files are named in messages relative to the root.
 */
export async function readSiteKnowledge(files: FileHost, p: SiteProject): Promise<SiteKnowledge> {
  const src = siteSources(p.config);
  const paths = siteFilePaths(p);
  const configName = p.configFile ? relative(p.root, p.configFile) || p.configFile : '.qa-articles.json';
  const source = async (r: typeof src.topics, file: string | undefined): Promise<SiteSource> => {
    if (r.kind === 'inline') return { kind: 'inline', value: r.value, file: configName };
    const shown = relative(p.root, file!) || file!;
    let text: string | undefined;
    let st: Awaited<ReturnType<FileHost['stat']>>;
    try {
      st = await files.stat(file!);
    } catch {
      // In a folder that cannot be looked into: the site's usual file is as one not there; one the config names cannot be read.
      return { kind: 'file', file: shown, text: r.explicit ? '\u0000' : undefined, explicit: r.explicit };
    }
    try {
      if (st && st.type !== 'file') text = '\u0000';
      else if (st && st.size > MAX_SITE_BYTES) text = '\u0000';
      else {
        const bytes = st ? await files.read(file!) : undefined;
        text = bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      }
    } catch {
      text = '\u0000'; // an I/O failure: reported as an unreadable file
    }
    return { kind: 'file', file: shown, text, explicit: r.explicit };
  };
  return loadSiteKnowledge({ topics: await source(src.topics, paths.topics), conditions: await source(src.conditions, paths.conditions) });
}
