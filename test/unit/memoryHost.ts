import type { DirEntry, FileChange, FileHost, FileStat } from '../../src/core/project/host';
import { dirname, normalize } from '../../src/core/project/paths';

/**
 * An in-memory file host for the project model's unit tests: files by absolute path, folders
 * implied by them, and a watcher that reports the changes made through `write`/`remove`.
 * Every call is counted, so a test can tell which folders a search entered.
 */
export class MemoryHost implements FileHost {
  readonly files = new Map<string, Uint8Array>();
  readonly special = new Set<string>();
  /** Files listed as regular files whose read fails as it does for a user without the permission. */
  readonly denied = new Set<string>();
  readonly listed: string[] = [];
  readonly reads: string[] = [];
  /** Each file's modification time: the count of writes made through `write` when it was last written (0 for the files given at the start). */
  private readonly mtimes = new Map<string, number>();
  private writes = 0;
  private watchers: { base: string; onChange: (path: string, change: FileChange) => void }[] = [];

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [p, c] of Object.entries(files)) this.files.set(normalize(p), typeof c === 'string' ? new TextEncoder().encode(c) : c);
  }

  private isDir(p: string): boolean {
    const prefix = p === '/' ? '/' : p + '/';
    for (const f of [...this.files.keys(), ...this.special]) if (f.startsWith(prefix)) return true;
    return false;
  }

  /**
   * No `ctime`, `ino` or `dev`, as a host that cannot tell them: the CLI's `--cache` never trusts
   * such a stat (a test of a cache over this host brings its own cache).
   */
  stat(p: string): FileStat | undefined {
    const f = this.files.get(p);
    if (f) return { type: 'file', size: f.length, mtime: this.mtimes.get(p) ?? 0 };
    if (this.special.has(p)) return { type: 'other', size: 0, mtime: 0 };
    return this.isDir(p) ? { type: 'directory', size: 0, mtime: 0 } : undefined;
  }

  read(p: string): Uint8Array | undefined {
    this.reads.push(p);
    if (this.special.has(p)) throw new Error('a special file must never be read');
    if (this.denied.has(p)) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
    return this.files.get(p);
  }

  list(dir: string): DirEntry[] | undefined {
    this.listed.push(dir);
    if (!this.isDir(dir)) return undefined;
    const prefix = dir === '/' ? '/' : dir + '/';
    const out = new Map<string, DirEntry>();
    for (const f of [...this.files.keys(), ...this.special]) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const name = rest.split('/')[0];
      out.set(name, { name, type: rest.includes('/') ? 'directory' : this.special.has(f) ? 'other' : 'file' });
    }
    return [...out.values()];
  }

  watch(base: string, _globs: string[], onChange: (path: string, change: FileChange) => void) {
    const w = { base, onChange };
    this.watchers.push(w);
    return { dispose: () => (this.watchers = this.watchers.filter((x) => x !== w)) };
  }

  /** Writes a file and tells the watchers, as a save in an editor would. */
  write(p: string, text: string): void {
    const existed = this.files.has(p);
    this.files.set(p, new TextEncoder().encode(text));
    this.mtimes.set(p, ++this.writes);
    for (const w of this.watchers) if (p.startsWith(w.base)) w.onChange(p, existed ? 'changed' : 'created');
  }

  remove(p: string): void {
    this.files.delete(p);
    for (const w of this.watchers) if (p.startsWith(w.base)) w.onChange(p, 'deleted');
  }

  get watcherCount(): number {
    return this.watchers.length;
  }

  /** Whether any listing entered a folder at or below `dir`. */
  entered(dir: string): boolean {
    return this.listed.some((d) => d === dir || dirname(d).startsWith(dir));
  }
}
