import type { MessageKey } from '../i18n/messages';
import { decodeArticle } from './decode';
import type { FileHost, FileStat } from './host';
import { basename, isInside } from './paths';

/** Files above this size are not read: an article is a few kilobytes, and a runaway file must not stall a run. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/** Why a file is not an article that can be read. */
export interface Unreadable {
  key: MessageKey;
  args: (string | number)[];
  /**
   * Set when the site's build lists the file but cannot read it: Astro's glob loader logs the
   * read error, leaves the file out (no page) and builds the rest. The reason, in words.
   */
  leftOut?: MessageKey;
}

/** A folder that could not be opened (no permission, …): the articles in it cannot be found. */
export interface UnreadableFolder {
  path: string;
  /** The error's code (EACCES …), see `unreadableFolder`. */
  code: string;
}

/** Whether an I/O error's code says the user may not (read, open or write) there (`NoPermissions`: VS Code's file system). */
export function noPermission(code: string): boolean {
  return code === 'EACCES' || code === 'EPERM' || code === 'NoPermissions';
}

/** Why a file could not be read, from its I/O error: no permission in plain words, else the code. */
export function unreadableFor(e: unknown): Unreadable {
  const code = errorCode(e);
  return noPermission(code) ? { key: 'file-no-permission', args: [] } : code === 'EISDIR' ? { key: 'file-is-folder', args: [] } : { key: 'file-unreadable', args: [code] };
}

/**
 * Why an article could not be read, from the I/O error of its stat or read. The site's build
 * lists such a file and fails to read it as well: it logs the error, leaves the file out and
 * goes on, so this is the site's verdict too (`leftOut`), its reason in plain words.
 */
function readFailure(e: unknown): Unreadable {
  const u = unreadableFor(e);
  return { ...u, leftOut: u.key === 'file-no-permission' ? 'left-out-no-permission' : 'left-out-read-error' };
}

/** The message for a folder that could not be opened: no permission in plain words, else the code. */
export function unreadableFolder(f: UnreadableFolder, shown: string): Unreadable {
  return noPermission(f.code) ? { key: 'folder-no-permission', args: [shown] } : { key: 'folder-unreadable', args: [shown, f.code] };
}

/** Reading a file as an article: its text, or why not. */
export type ReadOutcome = { ok: true; text: string; stat: FileStat } | { ok: false; unreadable: Unreadable; stat?: FileStat; missing?: boolean; /** `before` asked to stop before the read. */ skipped?: boolean };

/**
 * Reads a file as an article, the one way every host does: a regular file (a FIFO or device is
 * never opened), within the size limit, not a link out of the project, decoded as the site
 * decodes it. `before` may stop it after the stat (a cache that knows the content by it).
 */
type Project = { root: string; isArticle(path: string): boolean };

export async function readArticleFile(files: FileHost, path: string, project: Project, before?: (stat: FileStat) => boolean, listed = false): Promise<ReadOutcome> {
  // A file a listing called regular (no link) is opened and stat-ed in one go, unless a cache may stop the read after the stat.
  if (listed && files.readListed && !before) return readListed(files, path, project);
  let stat: FileStat | undefined;
  try {
    stat = await files.stat(path);
  } catch (e) {
    return { ok: false, unreadable: readFailure(e) };
  }
  if (!stat) return { ok: false, unreadable: { key: 'path-missing', args: [basename(path)] }, missing: true };
  const refused = refusal(stat, path, project);
  if (refused) return refused;
  // The caller may stop here (a cache that knows this file's content by its stat).
  if (before?.(stat)) return { ok: false, unreadable: { key: 'file-unreadable', args: [] }, stat, skipped: true };
  let bytes: Uint8Array | undefined;
  try {
    bytes = await files.read(path);
  } catch (e) {
    return { ok: false, unreadable: readFailure(e), stat };
  }
  if (bytes === undefined) return { ok: false, unreadable: { key: 'path-missing', args: [basename(path)] }, missing: true };
  return decoded(bytes, stat);
}

/** Why a stat-ed path is not read: a folder, a special file, a link out of the project, or over the size limit. */
function refusal(stat: FileStat, path: string, project: Project): ReadOutcome | undefined {
  if (stat.type === 'directory') return { ok: false, unreadable: { key: 'file-is-folder', args: [] }, stat };
  if (stat.type !== 'file') return { ok: false, unreadable: { key: 'file-special', args: [] }, stat };
  if (stat.realPath !== undefined && !isInside(project.root, stat.realPath) && project.isArticle(path)) {
    return { ok: false, unreadable: { key: 'file-outside-root', args: [stat.realPath] }, stat };
  }
  if (stat.size > MAX_ARTICLE_BYTES) return { ok: false, unreadable: { key: 'file-too-large', args: [MAX_ARTICLE_BYTES / 1024 / 1024] }, stat };
  return undefined;
}

function decoded(bytes: Uint8Array, stat: FileStat): ReadOutcome {
  // The stat may be stale (the file grew in between): the cap holds for what was read.
  if (bytes.length > MAX_ARTICLE_BYTES) return { ok: false, unreadable: { key: 'file-too-large', args: [MAX_ARTICLE_BYTES / 1024 / 1024] }, stat };
  const d = decodeArticle(bytes);
  if (!d.ok) return { ok: false, unreadable: { key: d.reason === 'utf16' ? 'file-utf16' : 'file-binary', args: [] }, stat };
  return { ok: true, text: d.text, stat };
}

async function readListed(files: FileHost, path: string, project: Project): Promise<ReadOutcome> {
  let r: { stat: FileStat; bytes?: Uint8Array } | undefined;
  try {
    r = await files.readListed!(path, MAX_ARTICLE_BYTES);
  } catch (e) {
    return { ok: false, unreadable: readFailure(e) };
  }
  if (!r) return { ok: false, unreadable: { key: 'path-missing', args: [basename(path)] }, missing: true };
  const { stat, bytes } = r;
  // The host reads only a regular file within the limit: with no bytes, it was over it.
  return refusal(stat, path, project) ?? (bytes ? decoded(bytes, stat) : { ok: false, unreadable: { key: 'file-too-large', args: [MAX_ARTICLE_BYTES / 1024 / 1024] }, stat });
}

/** The code of an I/O error (ENOENT …), else its message. */
export function errorCode(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  return typeof err?.code === 'string' ? err.code : String(err?.message ?? e);
}
