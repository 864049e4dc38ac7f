import * as vscode from 'vscode';
import type { DirEntry, FileChange, FileHost, FileStat } from '../../core/project/host';
import { nodeFileHost } from '../../node/host';

/** The core path of a URI: its `/`-separated path (the scheme and authority are the folder's). */
export function pathOf(uri: vscode.Uri): string {
  return uri.path;
}

function isMissing(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound' || e.code === 'FileNotADirectory');
}

function typeOf(t: vscode.FileType): FileStat['type'] {
  if (t & vscode.FileType.Directory) return 'directory';
  if (t & vscode.FileType.File) return 'file';
  return 'other';
}

/**
 * VS Code's file system (`workspace.fs`) and file watchers as the project model's file host,
 * for the files of one workspace folder: paths are the folder URI's scheme and authority with
 * the core's path, so the same model serves local folders and, later, virtual ones.
 */
export function vscodeFileHost(base: vscode.Uri): FileHost {
  const uriOf = (path: string) => base.with({ path });
  // A local folder is read through Node's fs, which the extension host has: `workspace.fs`
  // costs a round trip to the file service per call, which made a 12,980-file index take
  // minutes instead of seconds. Other schemes (a remote or virtual folder) go through it.
  if (base.scheme === 'file') return { ...localFiles(uriOf), watch: watcher(uriOf) };
  return {
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const st = await vscode.workspace.fs.stat(uriOf(path));
        return { type: typeOf(st.type), size: st.size, mtime: st.mtime };
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    async read(path: string): Promise<Uint8Array | undefined> {
      try {
        return await vscode.workspace.fs.readFile(uriOf(path));
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    async list(dir: string): Promise<DirEntry[] | undefined> {
      try {
        const entries = await vscode.workspace.fs.readDirectory(uriOf(dir));
        return entries.map(([name, t]) => ({ name, type: t & vscode.FileType.SymbolicLink ? 'symlink' : typeOf(t) }));
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    watch: watcher(uriOf),
  };
}

/** VS Code's file watchers, for every scheme. */
function watcher(uriOf: (path: string) => vscode.Uri): NonNullable<FileHost['watch']> {
  return (root: string, globs: string[], onChange: (path: string, change: FileChange) => void): vscode.Disposable => {
    const subs: vscode.Disposable[] = [];
    for (const g of globs) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(uriOf(root), g));
      subs.push(
        w,
        w.onDidCreate((u) => onChange(pathOf(u), 'created')),
        w.onDidChange((u) => onChange(pathOf(u), 'changed')),
        w.onDidDelete((u) => onChange(pathOf(u), 'deleted')),
      );
    }
    return vscode.Disposable.from(...subs);
  };
}

/** A local folder's files through Node's fs (synchronous: small files, nothing to wait for), as the CLI reads them. */
function localFiles(uriOf: (path: string) => vscode.Uri): Omit<FileHost, 'watch'> {
  return nodeFileHost({ toHost: (p) => uriOf(p).fsPath, toCore: (real) => vscode.Uri.file(real).path });
}

/** A host with no files: for documents outside every workspace folder (untitled ones, loose files). */
export const noFiles: FileHost = { stat: () => undefined, read: () => undefined, list: () => undefined };
