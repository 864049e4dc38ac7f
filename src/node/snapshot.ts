import type { DirEntry, FileHost, FileStat } from '../core/project/host';

/** What a host answered, path by path: a helper thread reads the same settings from it. */
export interface HostSnapshot {
  stat: [string, FileStat | null][];
  read: [string, Uint8Array | null][];
  list: [string, DirEntry[] | null][];
}

/**
 * A file host that remembers its answers until `snapshot()`: the config, schema and site files
 * the project's settings were read from. A helper given the snapshot reads exactly those bytes,
 * even when a file changes on disk meanwhile.
 */
export function recordingHost(inner: FileHost): { files: FileHost; snapshot(): HostSnapshot } {
  let recording = true;
  const stat = new Map<string, FileStat | null>();
  const read = new Map<string, Uint8Array | null>();
  const list = new Map<string, DirEntry[] | null>();
  const keep = <T>(map: Map<string, T | null>, path: string, value: T | undefined | Promise<T | undefined>): T | undefined | Promise<T | undefined> => {
    if (!recording) return value;
    if (value instanceof Promise) return value.then((v) => (recording && map.set(path, v ?? null), v));
    map.set(path, value ?? null);
    return value;
  };
  const files: FileHost = {
    stat: (p) => keep(stat, p, inner.stat(p)),
    read: (p) => keep(read, p, inner.read(p)),
    list: (p) => keep(list, p, inner.list(p)),
  };
  if (inner.watch) files.watch = inner.watch.bind(inner);
  // The articles' own reads (open and stat in one go) are not settings: passed on, not kept.
  if (inner.readListed) files.readListed = inner.readListed.bind(inner);
  return {
    files,
    snapshot() {
      recording = false;
      return { stat: [...stat], read: [...read], list: [...list] };
    },
  };
}

/** A host that answers from a snapshot where it has an answer, and from `inner` elsewhere. */
export function snapshotHost(inner: FileHost, snap: HostSnapshot): FileHost {
  const stat = new Map(snap.stat);
  const read = new Map(snap.read);
  const list = new Map(snap.list);
  const files: FileHost = {
    stat: (p) => (stat.has(p) ? (stat.get(p) ?? undefined) : inner.stat(p)),
    read: (p) => (read.has(p) ? (read.get(p) ?? undefined) : inner.read(p)),
    list: (p) => (list.has(p) ? (list.get(p) ?? undefined) : inner.list(p)),
  };
  // Articles are read from the disk, as the main thread reads them (the snapshot is of settings).
  if (inner.readListed) files.readListed = inner.readListed.bind(inner);
  return files;
}
