/** Letters that NFD decomposition does not reduce to ASCII. */
const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };

/** Default slug length cap: long enough for a whole title, short enough for a readable URL. */
export const SLUG_MAX = 70;

/**
 * A file-name slug from a title: å/ä/ö → a/a/o, é → e, lower case, every run of other
 * characters → one hyphen, capped at a word boundary. Empty titles give `artikel`.
 */
export function slugify(title: string, max = SLUG_MAX): string {
  let s = title
    .toLowerCase()
    .replace(/[æøœßđłþð]/g, (c) => SPECIAL[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  // Runs are single hyphens now, so trimming one at each end is enough (and linear).
  if (s.startsWith('-')) s = s.slice(1);
  if (s.endsWith('-')) s = s.slice(0, -1);
  if (s.length > max) {
    const cut = s.lastIndexOf('-', max);
    // A single very long word is cut hard rather than dropped.
    s = cut > 0 ? s.slice(0, cut) : s.slice(0, max);
    if (s.endsWith('-')) s = s.slice(0, -1);
  }
  return s || 'artikel';
}

// Device names Windows reserves in every folder, with any extension: `con.md` cannot be created
// or opened there, and a colleague who syncs the site to Windows would lose the article.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Whether a file name (without its extension) is one Windows reserves, whatever its case or trailing dots and spaces. */
export function isWindowsReserved(name: string): boolean {
  const base = name.split('.')[0].trimEnd();
  return WINDOWS_RESERVED.test(base.toLowerCase());
}

/** The slug for an article's file name: `slugify`, and never a name Windows reserves (`con` → `con-artikel`). */
export function fileSlug(title: string, max = SLUG_MAX): string {
  const s = slugify(title, max);
  return isWindowsReserved(s) ? `${s}-artikel` : s;
}

/** The first of `slug`, `slug-2`, `slug-3` … for which `taken` is false. */
export function uniqueSlug(slug: string, taken: (candidate: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) {
    const c = `${slug}-${n}`;
    if (!taken(c)) return c;
  }
}
