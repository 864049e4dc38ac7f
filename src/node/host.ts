import * as fs from 'fs';
import * as path from 'path';
import type { DirEntry, FileHost, FileStat } from '../core/project/host';

/** A host path (`C:\site\a.md` on Windows) as the core's `/`-separated path. */
export function toCorePath(p: string): string {
  const abs = path.resolve(p);
  return path.sep === '\\' ? abs.replace(/\\/g, '/') : abs;
}

/** A core path as the host's own. */
export function fromCorePath(p: string): string {
  return path.sep === '\\' ? p.replace(/\//g, '\\') : p;
}

const missing = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

function typeOf(st: fs.Stats): FileStat['type'] {
  return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
}

/** A stat as the core takes it: all from the one system call, so the times belong to the size. */
function statOf(st: fs.Stats): FileStat {
  return { type: typeOf(st), size: st.size, mtime: st.mtimeMs, ctime: st.ctimeMs, ino: st.ino, dev: st.dev };
}

/**
 * Node's file system as the project model's file host (`paths` maps core paths to the host's
 * and back: the CLI's by separators, the editor's through its folder URIs). Synchronous calls: for many small
 * files they are several times faster than the promise API, and the CLI has nothing else to
 * do meanwhile. Special files are never opened (a FIFO would block the read forever).
 */
export function nodeFileHost(paths: { toHost(p: string): string; toCore(p: string): string } = { toHost: fromCorePath, toCore: toCorePath }): FileHost {
  return {
    stat(p: string): FileStat | undefined {
      const hp = paths.toHost(p);
      let lst: fs.Stats;
      try {
        lst = fs.lstatSync(hp);
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
      if (!lst.isSymbolicLink()) return statOf(lst);
      let st: fs.Stats;
      let real: string;
      try {
        st = fs.statSync(hp);
        real = fs.realpathSync(hp);
      } catch (e) {
        if (missing(e) || (e as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
        throw e;
      }
      // The target's stat: a link turned to another file names another inode.
      return { ...statOf(st), realPath: paths.toCore(real) };
    },
    read(p: string): Uint8Array | undefined {
      try {
        return fs.readFileSync(paths.toHost(p));
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
    },
    readListed(p: string, maxBytes: number): { stat: FileStat; bytes?: Uint8Array } | undefined {
      let fd: number;
      try {
        fd = fs.openSync(paths.toHost(p), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
      try {
        const st = fs.fstatSync(fd);
        const stat = statOf(st);
        if (stat.type !== 'file' || st.size > maxBytes) return { stat };
        const bytes = Buffer.allocUnsafe(st.size);
        let read = 0;
        while (read < st.size) {
          const n = fs.readSync(fd, bytes, read, st.size - read, read);
          if (n === 0) break;
          read += n;
        }
        return { stat, bytes: read === st.size ? bytes : bytes.subarray(0, read) };
      } finally {
        fs.closeSync(fd);
      }
    },
    list(dir: string): DirEntry[] | undefined {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(paths.toHost(dir), { withFileTypes: true });
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
      return entries.map((e) => ({ name: e.name, type: e.isSymbolicLink() ? 'symlink' : e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' }));
    },
  };
}
