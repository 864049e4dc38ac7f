import { CONFIG_FILE } from '../config';
import { isFile, type FileHost } from './host';
import { dirname, join } from './paths';

/** How a project root was recognised. */
export type RootMarker = 'config' | 'astro' | 'package';

const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

/**
 * The project root for a folder: the nearest folder at or above it with `.qa-articles.json`;
 * else the nearest with an `astro.config.*`; else the nearest with a `package.json`.
 * Undefined when none of these is found up to the file system's root.
 */
export async function findProjectRoot(files: FileHost, start: string): Promise<{ root: string; marker: RootMarker } | undefined> {
  const chain: string[] = [];
  for (let d = start; ; d = dirname(d)) {
    chain.push(d);
    if (dirname(d) === d) break;
  }
  // A folder that cannot be looked into (no permission) holds no marker that counts.
  const has = (dir: string, name: string) => isFile(files, join(dir, name));
  for (const d of chain) if (await has(d, CONFIG_FILE)) return { root: d, marker: 'config' };
  for (const d of chain) for (const c of ASTRO_CONFIGS) if (await has(d, c)) return { root: d, marker: 'astro' };
  for (const d of chain) if (await has(d, 'package.json')) return { root: d, marker: 'package' };
  return undefined;
}
