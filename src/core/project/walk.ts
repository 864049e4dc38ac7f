import type { CancellationToken, DirEntry, FileHost, FileStat } from './host';
import type { ArticleMatcher } from './include';
import { isInside, join, relative } from './paths';
import { errorCode, type UnreadableFolder } from './read';

/** What a search of the project's folders found. */
export interface FoundArticles {
  /** The articles, sorted. */
  files: string[];
  /** Those listed as regular files (not links): they can be read without a stat of their own. */
  listed: Set<string>;
  /** Folders that could not be opened (no permission): the others are still searched. */
  unreadable: UnreadableFolder[];
  /** Markdown files the site builds no page of for their extension alone (`knä.markdown`, `knä.MD`), sorted. */
  unbuilt: string[];
}

/**
 * Finds the articles under `root` that `matcher` takes, walking only the folders its globs can
 * reach. A link is followed only where it stays inside the project, and never back to a folder
 * being walked; one that leads nowhere is left out. As the site's build lists its entries
 * (Astro's glob loader: tinyglobby over fdir), a folder is walked whatever its name (`x.md/`
 * included) and a pipe, socket or device is not listed at all: the site does not see it.
 */
export async function findArticleFiles(files: FileHost, root: string, matcher: ArticleMatcher, token?: CancellationToken): Promise<FoundArticles> {
  const out: string[] = [];
  const seenDirs = new Set<string>();
  const unreadable: UnreadableFolder[] = [];
  const listed = new Set<string>();
  const unbuilt: string[] = [];
  // `chain`: where the folders being walked, this one last, really are (a link's target, else the path).
  const walk = async (dir: string, chain: string[]): Promise<void> => {
    if (token?.isCancellationRequested || seenDirs.has(dir)) return;
    seenDirs.add(dir);
    let entries: DirEntry[] | undefined;
    try {
      entries = await files.list(dir);
    } catch (e) {
      unreadable.push({ path: dir, code: errorCode(e) });
      return;
    }
    for (const e of entries ?? []) {
      // Not a file, folder or link (a pipe, socket or device): the site's listing skips it, and so does this one.
      if (e.type === 'other') continue;
      const path = join(dir, e.name);
      let type: DirEntry['type'] = e.type;
      let real = join(chain[chain.length - 1], e.name);
      if (type === 'symlink') {
        let st: FileStat | undefined;
        try {
          st = await files.stat(path);
        } catch {
          // A link whose target cannot be looked at is as one that leads nowhere: not followed.
          continue;
        }
        if (!st || (st.realPath !== undefined && !isInside(root, st.realPath))) continue;
        type = st.type;
        if (st.realPath !== undefined) real = st.realPath;
        // A link back to a folder being walked (`self -> .`, `up -> ..`) would walk it again and again, every article once more at each level.
        if (type === 'directory' && chain.some((c) => isInside(real, c))) continue;
      }
      const rel = relative(root, path);
      if (type === 'directory') {
        if (matcher.searches(rel)) await walk(path, [...chain, real]);
      } else if (matcher.matchesRelative(rel)) {
        out.push(path);
        if (e.type === 'file') listed.add(path);
      } else if (matcher.unbuiltRelative(rel) !== undefined) unbuilt.push(path);
    }
  };
  for (const base of matcher.bases) {
    const start = join(root, base);
    let st: FileStat | undefined;
    try {
      st = await files.stat(start);
    } catch (e) {
      unreadable.push({ path: start, code: errorCode(e) });
      continue;
    }
    if (st?.type === 'directory') await walk(start, [st.realPath ?? start]);
  }
  return { files: [...new Set(out)].sort(), listed, unreadable, unbuilt: [...new Set(unbuilt)].sort() };
}
