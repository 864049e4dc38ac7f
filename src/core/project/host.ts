// What a host (the CLI, VS Code, later a browser) supplies to the project model: file access
// and, where it has one, a watcher. Nothing else of the host reaches the core.

/** What a path is. Symbolic links are followed; `other` is a FIFO, socket or device. */
export type FileType = 'file' | 'directory' | 'other';

export interface FileStat {
  type: FileType;
  /** Bytes. */
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
  /**
   * The status change time (POSIX `st_ctime`, not the creation time), in milliseconds since the
   * epoch: moved to the present by every write, and by every change of the modification time
   * (`touch -d`, `cp -p`, `rsync -t`, `tar x`), so no user tool can restore it. With `ino` and
   * `dev` it is what lets a cache know a file unchanged by its stat alone; a host that cannot
   * tell it (a virtual file system, the unit tests' memory host) leaves it out, and its files
   * are then always read.
   */
  ctime?: number;
  /** The file's inode number (the file, not the path: a file renamed into place has another). */
  ino?: number;
  /** The device the file is on. */
  dev?: number;
  /** For a path through a symbolic link: the real path it leads to. */
  realPath?: string;
}

export interface DirEntry {
  name: string;
  /** `symlink` when the entry is a link (its target is known only by `stat`). */
  type: FileType | 'symlink';
}

/** A change a watcher saw. */
export type FileChange = 'created' | 'changed' | 'deleted';

export interface Disposable {
  dispose(): void;
}

/** Cancellation as VS Code gives it: a flag to poll. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** A result or a promise of it: a host with synchronous access (the CLI) answers at once. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * File access of a host. Paths are absolute and `/`-separated. Every method answers
 * `undefined` for a path that does not exist and throws only for a real I/O failure.
 */
export interface FileHost {
  stat(path: string): MaybePromise<FileStat | undefined>;
  read(path: string): MaybePromise<Uint8Array | undefined>;
  list(dir: string): MaybePromise<DirEntry[] | undefined>;
  /**
   * Opens a file without waiting (a FIFO put in its place is never waited on), stats the open
   * file and reads it only when it is a regular file of at most `maxBytes`: one path lookup
   * instead of a stat and a read. Used for paths a listing called regular files.
   */
  readListed?(path: string, maxBytes: number): MaybePromise<{ stat: FileStat; bytes?: Uint8Array } | undefined>;
  /** Calls `onChange` for changes to files matching the globs (relative to `base`) until disposed. */
  watch?(base: string, globs: string[], onChange: (path: string, change: FileChange) => void): Disposable;
}

/** Where the model writes what a user may want to see in a log (the editor's output channel). */
export type Log = (message: string) => void;

/** Whether a path is a regular file; in a folder that cannot be looked into (no permission), none is. */
export async function isFile(files: FileHost, path: string): Promise<boolean> {
  try {
    return (await files.stat(path))?.type === 'file';
  } catch {
    return false;
  }
}
