import * as fs from 'fs';
import * as path from 'path';
import type { UnreadableFolder } from '../core/project/read';
import { errorCode } from '../core/project/read';
import { fromCorePath, toCorePath } from '../node/host';
import { isMarkdownName, withoutMarkdownExtension } from '../core/project/markdownFiles';

const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build']);
/** Project documents that live beside articles but are never articles themselves. */
const NOT_ARTICLES = new Set(['readme', 'changelog', 'contributing', 'license', 'code_of_conduct']);

/**
 * Every Markdown file (`.md`, `.markdown` …) under a folder the user named that holds none of the project's articles,
 * sorted: hidden, dependency and build folders and project documents (README.md …) skipped,
 * symbolic links not followed, pipes, sockets and devices not listed (the site's build lists
 * none of them); `unreadable` learns of each folder that could not be opened (no permission …).
 */
export function explicitMarkdownFiles(dir: string, unreadable: (f: UnreadableFolder) => void = () => {}): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(fromCorePath(d), { withFileTypes: true });
    } catch (e) {
      unreadable({ path: d, code: errorCode(e) });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(fromCorePath(d), e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(toCorePath(p));
      } else if (e.isFile() && isMarkdownName(e.name) && !NOT_ARTICLES.has(withoutMarkdownExtension(e.name).toLowerCase())) out.push(toCorePath(p));
    }
  };
  walk(dir);
  return out.sort();
}
