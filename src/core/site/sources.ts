import type { ProjectConfig } from '../config';

/** Where the site keeps its topic list, relative to the project root, unless the config says otherwise. */
export const DEFAULT_TOPICS_FILE = 'src/data/topics.ts';
/** Where the site keeps its condition list, relative to the project root. */
export const DEFAULT_CONDITIONS_FILE = 'src/data/conditions.ts';

/** A file the host must read (relative to the config file's folder, or to the root for a default), or an inline list. */
export type SiteRef = { kind: 'path'; path: string; explicit: boolean; base: 'config' | 'root' } | { kind: 'inline'; value: unknown };

export interface SitePaths {
  topics: SiteRef;
  conditions: SiteRef;
}

/** What the host must read to know the site: the config's `topics`/`conditions`, else the default files. */
export function siteSources(config: Pick<ProjectConfig, 'topics' | 'conditions'>): SitePaths {
  const ref = (v: unknown, fallback: string): SiteRef =>
    typeof v === 'string' ? { kind: 'path', path: v, explicit: true, base: 'config' } : v !== undefined ? { kind: 'inline', value: v } : { kind: 'path', path: fallback, explicit: false, base: 'root' };
  return { topics: ref(config.topics, DEFAULT_TOPICS_FILE), conditions: ref(config.conditions, DEFAULT_CONDITIONS_FILE) };
}
