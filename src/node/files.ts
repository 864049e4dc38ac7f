import * as fs from 'fs';
import * as path from 'path';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
/** Project documents that live beside articles but are never articles themselves. */
const NOT_ARTICLES = new Set(['readme.md', 'changelog.md', 'contributing.md', 'license.md', 'code_of_conduct.md']);

/** Every `.md` file under a folder, sorted, skipping dependency and build folders and project documents (README.md …). */
export async function findMarkdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) subdirs.push(path.join(d, e.name));
      } else if ((e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.md') && !NOT_ARTICLES.has(e.name.toLowerCase())) out.push(path.join(d, e.name));
    }
    await Promise.all(subdirs.map(walk));
  };
  await walk(dir);
  return out.sort();
}

/** Outcome of reading one article from disk. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'binary' | 'encoding' | 'unreadable'; detail?: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes as an article: UTF-8 text, refusing binary data and invalid encodings. */
export function decodeArticle(buf: Uint8Array): ReadResult {
  // A NUL byte never occurs in a text article; it marks binary data.
  if (buf.indexOf(0) !== -1) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: decoder.decode(buf) };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

/** Reads and decodes one article. */
export async function readArticle(file: string): Promise<ReadResult> {
  try {
    return decodeArticle(await fs.promises.readFile(file));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: 'unreadable', detail: err.code ?? err.message };
  }
}

/** Reads and decodes one article synchronously: for batch checks of many small files, where it is several times faster. */
export function readArticleSync(file: string): ReadResult {
  try {
    return decodeArticle(fs.readFileSync(file));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: 'unreadable', detail: err.code ?? err.message };
  }
}
