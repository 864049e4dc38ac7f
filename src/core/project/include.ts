import picomatch from 'picomatch/posix';
import { asArticleName } from './markdownFiles';
import { relative } from './paths';

/** Folders never searched for articles: dependencies, builds, and hidden folders (`.git`, `.github`, `.obsidian` …). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build']);

/** Which files under a root are articles: one include/exclude setting, one glob engine. */
export class ArticleMatcher {
  private readonly includeRe: ((p: string) => boolean)[];
  private readonly excludeRe: (p: string) => boolean;
  /** Folders (relative to the root) a search must start from: the fixed part of each include glob. */
  readonly bases: string[];

  constructor(
    readonly root: string,
    readonly include: readonly string[],
    readonly exclude: readonly string[],
  ) {
    const opts = { dot: false, nocase: false };
    const clean = (g: string) => g.replace(/^\.\//, '');
    this.includeRe = include.map((g) => picomatch(clean(g), opts));
    this.excludeRe = exclude.length ? picomatch(exclude.map(clean), opts) : () => false;
    this.bases = [...new Set(include.map((g) => picomatch.scan(clean(g)).base))];
  }

  /** Whether a path (absolute) is an article of this project. */
  matches(path: string): boolean {
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith('../') || rel === '..') return false;
    return this.matchesRelative(rel);
  }

  /** Whether a path relative to the root is an article. */
  matchesRelative(rel: string): boolean {
    return this.includeRe.some((m) => m(rel)) && !this.excludeRe(rel);
  }

  /**
   * A Markdown file the include globs would take under the site's own extension (`knä.markdown`
   * or `knä.MD` where they take `knä.md`): meant as an article, but the site builds no page of
   * it. The path relative to the root it would need, or undefined.
   */
  unbuiltRelative(rel: string): string | undefined {
    // The extension is the end of the path: the path with the site's extension in its place.
    const meant = asArticleName(rel);
    return meant !== undefined && !this.matchesRelative(rel) && this.matchesRelative(meant) ? meant : undefined;
  }

  /** `unbuiltRelative` of an absolute path: the file name the site would build, or undefined. */
  unbuiltName(path: string): string | undefined {
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith('../') || rel === '..') return undefined;
    const meant = this.unbuiltRelative(rel);
    return meant === undefined ? undefined : meant.slice(meant.lastIndexOf('/') + 1);
  }

  /** Whether a folder (relative to the root) is worth searching: not skipped, and on the way to or below a base. */
  searches(relDir: string): boolean {
    const name = relDir.slice(relDir.lastIndexOf('/') + 1);
    if (relDir !== '' && (name.startsWith('.') || SKIP_DIRS.has(name))) return false;
    return this.bases.some((b) => b === '' || relDir === '' || b === relDir || b.startsWith(relDir + '/') || relDir.startsWith(b + '/'));
  }
}
