/** Why a folder setting cannot be used for new articles. */
export type FolderRefusal = 'absolute' | 'outside';

/**
 * The path segments of a folder setting relative to the workspace folder, or why it is refused:
 * an absolute path (`/tmp`, `C:\x`, `\\server\share`, `~/x`) or one whose `..` climbs out of the
 * workspace folder. New Article must never write outside the workspace a user opened, whatever
 * a (possibly untrusted) workspace's settings say. Both `/` and `\` separate segments.
 */
export function relativeFolder(setting: string): { segments: string[] } | { refused: FolderRefusal } {
  const s = setting.trim();
  if (/^[\\/~]/.test(s) || /^[A-Za-z]:/.test(s) || s.includes('\0')) return { refused: 'absolute' };
  const segments: string[] = [];
  for (const part of s.split(/[\\/]/)) {
    // Windows drops trailing dots and spaces from a segment, so `.. ` and `...` climb as `..` does.
    const dots = /^[. ]*$/.test(part);
    if (dots && !part.includes('..')) continue;
    if (dots) {
      if (segments.length === 0) return { refused: 'outside' };
      segments.pop();
    } else segments.push(part);
  }
  return { segments };
}
