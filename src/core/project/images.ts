import type { ImageFile, ImageLookup } from '../check/context';
import { answerImages, IMAGE_FORMATS, imagePaths } from '../check/images';
import type { ParsedArticle } from '../parse';
import type { FileHost, Log } from './host';
import { basename, dirname, isInside, join, relative } from './paths';

/** The files a watcher reports for the image rules: pictures anywhere, and everything in the public folder. */
export const IMAGE_WATCH_GLOBS = [`**/*.{${[...IMAGE_FORMATS, ...IMAGE_FORMATS.map((f) => f.toUpperCase())].join(',')}}`, 'public/**'];

/**
 * What the host says about the files the answers' images need. The rules are synchronous, so
 * the answers are asked for first (`prepare`, before a check of a file read from disk) and kept;
 * a check of an editor's text that meets a path not yet asked about leaves it out, asks, and
 * `onAnswer` then names the articles to check again. A watcher's news of a picture (`changed`)
 * asks again about the paths it may concern.
 */
export class ImageFiles implements ImageLookup {
  private readonly known = new Map<string, ImageFile>();
  /** The articles that asked about each path, for the ones to check again when its answer changes. */
  private readonly askedBy = new Map<string, Set<string>>();
  private readonly asking = new Set<string>();
  /** Goes up with every answer that changed: a check cached before it is stale. */
  revision = 0;
  /** The site's public folder (`public/` in the root), when there is one (see `findPublicDir`). */
  publicDir?: string;

  constructor(
    private readonly files: FileHost,
    private readonly root: string,
    private readonly onAnswer: (articles: string[]) => void,
    private readonly log?: Log,
  ) {}

  lookup(path: string, article: string): ImageFile | undefined {
    this.note(path, article);
    const k = this.known.get(path);
    if (!k) void this.ask(path);
    return k;
  }

  /** Looks for the site's public folder, where `/…` image addresses lead. */
  async findPublicDir(): Promise<void> {
    const pub = join(this.root, 'public');
    try {
      this.publicDir = (await this.files.stat(pub))?.type === 'directory' ? pub : undefined;
    } catch {
      this.publicDir = undefined;
    }
  }

  /** Asks the host about the files an article's images need, before its check; the number of images in its answer. */
  async prepareArticle(path: string, article: ParsedArticle): Promise<number> {
    const n = answerImages(article).length;
    if (n > 0) await this.prepare(path, imagePaths(article, path, this.publicDir));
    return n;
  }

  /** Asks the host afresh about the paths an article's images need. */
  async prepare(article: string, paths: readonly string[]): Promise<void> {
    for (const p of paths) {
      this.note(p, article);
      this.set(p, await this.probe(p));
    }
  }

  /** A watcher saw a picture appear, change or go: asks again about every path it may be (any capitals). */
  async changed(path: string): Promise<void> {
    const folded = path.toLowerCase();
    const articles = new Set<string>();
    for (const p of [...this.askedBy.keys()]) {
      if (p.toLowerCase() !== folded && !folded.startsWith(p.toLowerCase() + '/') && !p.toLowerCase().startsWith(folded + '/')) continue;
      if (this.set(p, await this.probe(p))) for (const a of this.askedBy.get(p) ?? []) articles.add(a);
    }
    if (articles.size) this.onAnswer([...articles]);
  }

  private note(path: string, article: string): void {
    let s = this.askedBy.get(path);
    if (!s) this.askedBy.set(path, (s = new Set()));
    s.add(article);
  }

  /** Keeps an answer; true when it differs from the one known. */
  private set(path: string, f: ImageFile): boolean {
    const old = this.known.get(path);
    this.known.set(path, f);
    const changed = !old || JSON.stringify(old) !== JSON.stringify(f);
    if (changed) this.revision++;
    return changed && old !== undefined;
  }

  private async ask(path: string): Promise<void> {
    if (this.asking.has(path)) return;
    this.asking.add(path);
    try {
      const f = await this.probe(path);
      if (this.known.has(path)) return;
      this.set(path, f);
      this.onAnswer([...(this.askedBy.get(path) ?? [])]);
    } finally {
      this.asking.delete(path);
    }
  }

  /**
   * Whether a regular file is at the path with the very capitals written: the site is built on a
   * server that tells them apart, so on a computer that does not, each part of the path below
   * the root is compared with its folder's listing.
   */
  private async probe(path: string): Promise<ImageFile> {
    try {
      const st = await this.files.stat(path);
      if (st?.type === 'file') {
        const wrong = await this.wrongCapitals(path);
        if (wrong) return { exists: false, named: wrong };
        const version = `${st.mtime}-${st.size}`;
        return st.realPath === undefined ? { exists: true, version } : { exists: true, realPath: st.realPath, version };
      }
      const twin = await this.twin(path);
      return twin ? { exists: false, named: twin } : { exists: false };
    } catch (e) {
      this.log?.(`${path}: ${(e as Error)?.message ?? String(e)}`);
      return { exists: false };
    }
  }

  /** The name on disk of the first part of an existing path written with other capitals. */
  private async wrongCapitals(path: string): Promise<string | undefined> {
    const parts = isInside(this.root, path) ? relative(this.root, path).split('/') : [basename(path)];
    let dir = isInside(this.root, path) ? this.root : dirname(path);
    for (const name of parts) {
      const entries = await this.files.list(dir);
      if (entries && !entries.some((e) => e.name === name)) return entries.find((e) => e.name.toLowerCase() === name.toLowerCase())?.name;
      dir = dir === '/' ? '/' + name : `${dir}/${name}`;
    }
    return undefined;
  }

  /** A file beside a missing one whose name differs only in capitals. */
  private async twin(path: string): Promise<string | undefined> {
    const name = basename(path);
    const entries = await this.files.list(dirname(path));
    return entries?.find((e) => e.name !== name && e.name.toLowerCase() === name.toLowerCase() && e.type !== 'directory')?.name;
  }
}

/** Whether a changed path is one the image rules care about (not an article or a settings file). */
export function isImageWatchPath(root: string, path: string): boolean {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return (IMAGE_FORMATS as readonly string[]).includes(ext) || isInside(join(root, 'public'), path);
}
