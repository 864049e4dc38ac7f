// Paths in the project model are absolute and `/`-separated on every platform (a Windows host
// gives `C:/site/a.md`): the core never sees a host's own path syntax.

/** The folder part of a path (`/a/b.md` → `/a`); the root stays the root. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  const d = p.slice(0, i);
  return /^[A-Za-z]:$/.test(d) ? d + '/' : d;
}

/** The last segment of a path. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Joins segments with `/`, resolving `.` and `..`. */
export function join(base: string, ...parts: string[]): string {
  return normalize([base, ...parts].filter((s) => s !== '').join('/'));
}

const ABNORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

/** A path with `.`/`..` segments resolved and duplicate separators removed. */
export function normalize(p: string): string {
  // Most paths are normal already: an absolute path without `.`, `..`, `//` or a trailing `/`.
  if (p.length > 1 && p.charCodeAt(0) === 47 && !ABNORMAL.test(p)) return p;
  const abs = p.startsWith('/');
  const drive = /^[A-Za-z]:/.exec(p)?.[0];
  const rest = drive ? p.slice(2) : p;
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs && !drive) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  if (drive) return `${drive}/${body}`;
  return abs ? `/${body}` : body || '.';
}

/** Resolves `p` against `base` unless it is already absolute. */
export function resolve(base: string, p: string): string {
  return isAbsolute(p) ? normalize(p) : join(base, p);
}

/** Whether a path is absolute (`/x`, or `C:/x` on Windows hosts). */
export function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

/** `p` relative to `from`, with `/`; `..` segments when it lies outside. */
export function relative(from: string, p: string): string {
  const f = normalize(from);
  const n = normalize(p);
  // The common case: `p` lies below `from`.
  if (n === f) return '';
  const prefix = f.endsWith('/') ? f : f + '/';
  if (n.startsWith(prefix)) return n.slice(prefix.length);
  const a = f.split('/').filter(Boolean);
  const b = n.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** Whether `p` is `dir` or lies below it. */
export function isInside(dir: string, p: string): boolean {
  const d = normalize(dir);
  const n = normalize(p);
  return n === d || n.startsWith(d.endsWith('/') ? d : d + '/');
}
