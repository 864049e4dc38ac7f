import { applyBaseline, BASELINE_FILE, baselineKey } from '../baseline';
import type { ArticleFiles } from '../check/context';
import { createChecker, type Checker } from '../check/index';
import { CONFIG_FILE, DEFAULT_CONFIG, SCHEMA_FILE } from '../config';
import { defaultSchema } from '../schema';
import { CorpusIndex, entryOf, type IndexEntry } from '../corpus';
import { format, type Lang } from '../i18n/messages';
import { parseArticle, type ParsedArticle } from '../parse';
import { severityOf } from '../rules';
import type { Problem } from '../types';
import { publishBlockers } from '../workflow/publish';
import { workflowState, type WorkflowState } from '../workflow/state';
import type { Analysis, AnalyzeOptions, ArticleService, ArticleServiceInit, CheckFilesOptions, FileResult, ProjectChange } from './api';
import { analyzeFile, checkBatch, type BatchService } from './batch';
import { savedEncoding } from './decode';
import { readArticleFile, type ReadOutcome, type Unreadable, type UnreadableFolder } from './read';
import { Emitter } from './events';
import type { CancellationToken, Disposable, FileStat } from './host';
import { ArticleMatcher } from './include';
import { findArticleFiles } from './walk';
import { isInside, join, relative } from './paths';
import { loadProjectSettings, type HostSettings, type LoadProblem, type ProjectSettings } from './settings';
import { readSiteKnowledge, siteFilePaths } from '../site/host';
import { describeSiteError } from '../site/lookup';
import { EMPTY_SITE, type SiteKnowledge } from '../site/types';
import { ImageFiles, IMAGE_WATCH_GLOBS, isImageWatchPath } from './images';

/** This many article changes in a row, with less than a second between them, make a burst. */
const BURST = 20;

export type { Analysis, AnalysisCache, AnalysisPool, AnalyzeOptions, ArticleService, ArticleServiceInit, CheckFilesOptions, FileResult, PoolBatch, PoolRun, ProjectChange } from './api';
export { MAX_ARTICLE_BYTES, readArticleFile, type ReadOutcome, type Unreadable } from './read';

/** Creates the project model for a root. */
export function createArticleService(init: ArticleServiceInit): ArticleService {
  return new Service(init);
}

class Service implements ArticleService {
  readonly index = new CorpusIndex();
  readonly root: string;
  settings: ProjectSettings;
  site: SiteKnowledge = EMPTY_SITE;
  ready: Promise<void>;
  private matcher: ArticleMatcher;
  private checker?: Checker;
  private checkerLang?: Lang;
  private generation = 0;
  private indexBuilt = false;
  private restartWatch: () => void = () => undefined;
  private buildGeneration = 0;
  private host: HostSettings;
  private readonly emitter = new Emitter<ProjectChange>();
  readonly onDidChange = this.emitter.event;
  private readonly parses = new Map<string, { version: number; text: string; parsed: ParsedArticle }>();
  private readonly checks = new Map<string, { version: number; text: string; revision: number; images: number; generation: number; lang: Lang; encoding: string | undefined; problems: readonly Problem[] }>();
  private readonly images: ImageFiles;
  private readonly watchers: Disposable[] = [];
  /** The articles the last search listed as regular files (not links): read without a stat of their own. */
  private listed = new Set<string>();
  unreadableFolders: readonly UnreadableFolder[] = [];
  unbuiltFiles: readonly string[] = [];

  constructor(private readonly init: ArticleServiceInit) {
    this.root = init.root;
    this.host = init.settings ?? {};
    // The built-in settings until the project's own are read, so a host may ask at once.
    this.settings = { root: this.root, config: DEFAULT_CONFIG, schema: defaultSchema(), schemaSource: 'bundled', errors: [], watchFiles: [] };
    this.matcher = new ArticleMatcher(this.root, DEFAULT_CONFIG.include, DEFAULT_CONFIG.exclude);
    this.images = new ImageFiles(init.files, this.root, (articles) => {
      for (const path of articles) this.emitter.fire({ kind: 'images', path });
    }, init.log);
    this.ready = this.load();
  }

  get lang(): Lang {
    const l = this.init.lang;
    return typeof l === 'function' ? l() : (l ?? 'en');
  }

  private async load(): Promise<void> {
    const s = await loadProjectSettings(this.init.files, this.root, this.host, this.lang);
    for (const e of s.errors) this.init.log?.(`${e.file}:${e.line + 1}:${e.column + 1} ${this.describe(e)}`);
    this.settings = s;
    this.site = await readSiteKnowledge(this.init.files, s);
    await this.images.findPublicDir();
    for (const e of this.site.errors) this.init.log?.(describeSiteError(e, this.lang));
    this.matcher = new ArticleMatcher(this.root, s.config.include, s.config.exclude);
    this.checker = undefined;
    this.generation++;
  }

  async reload(settings?: HostSettings): Promise<void> {
    if (settings) this.host = settings;
    const before = this.ready.then(() => this.includeKey());
    const was = await before.catch(() => '');
    await (this.ready = this.ready.then(() => this.load(), () => this.load()));
    const changed = was !== this.includeKey();
    this.restartWatch();
    this.emitter.fire({ kind: 'settings' });
    // Other include globs are another corpus.
    if (changed && this.indexBuilt) await this.buildIndex();
  }

  private includeKey(): string {
    return JSON.stringify([this.settings.config.include, this.settings.config.exclude]);
  }

  withoutBaseline(path: string, problems: readonly Problem[]): { shown: Problem[]; hidden: number } {
    const b = this.settings.baseline;
    if (!b || !isInside(this.root, path)) return { shown: [...problems], hidden: 0 };
    return applyBaseline(problems, b[baselineKey(relative(this.root, path))]);
  }

  describe(p: LoadProblem): string {
    return format(this.lang, p.key, ...p.args);
  }

  private currentChecker(): Checker {
    const lang = this.lang;
    if (!this.checker || this.checkerLang !== lang) {
      this.checkerLang = lang;
      // Each file's name is worked out once: the duplicate-title rule names the other files, and
      // with many duplicates that was most of the corpus rules' time. Kept per root.
      const shown = new Map<string, string>();
      let shownRoot = this.root;
      const displayPath = (f: string): string => {
        if (shownRoot !== this.root) {
          shown.clear();
          shownRoot = this.root;
        }
        let s = shown.get(f);
        if (s === undefined) shown.set(f, (s = relative(this.root, f) || f));
        return s;
      };
      this.checker = createChecker({
        profile: this.init.profile,
        schema: this.settings.schema,
        config: this.settings.config,
        index: this.index,
        lang,
        displayPath,
        site: this.site,
        root: this.root,
        publicDir: this.images.publicDir,
        images: this.images,
        unbuiltName: (path) => this.unbuiltName(path),
      });
    }
    return this.checker;
  }

  isArticle(path: string): boolean {
    return this.matcher.matches(path);
  }

  unbuiltName(path: string): string | undefined {
    return this.matcher.unbuiltName(path);
  }

  async findArticles(token?: CancellationToken): Promise<string[]> {
    await this.ready;
    const found = await findArticleFiles(this.init.files, this.root, this.matcher, token);
    this.listed = found.listed;
    this.unreadableFolders = found.unreadable;
    this.unbuiltFiles = found.unbuilt;
    return found.files;
  }

  async buildIndex(token?: CancellationToken, progress?: (done: number, total: number) => void): Promise<boolean> {
    const generation = ++this.buildGeneration;
    this.indexBuilt = true;
    const cancelled = () => token?.isCancellationRequested || generation !== this.buildGeneration;
    const articles = await this.findArticles(token);
    if (cancelled()) return false;
    const keep = new Set(articles);
    for (const [f] of [...this.index.files()]) if (!keep.has(f)) this.index.delete(f);
    let done = 0;
    for (const path of articles) {
      if (cancelled()) return false;
      await this.indexFromDisk(path);
      // Counted apart from the call: `progress?.(++done)` counts nothing without a progress callback.
      done++;
      progress?.(done, articles.length);
      // Let the host breathe between files (the editor's extension host stays responsive).
      if (done % 100 === 0) await new Promise<void>((r) => setTimeout(r, 0));
    }
    this.emitter.fire({ kind: 'index' });
    return true;
  }

  private async indexFromDisk(path: string): Promise<boolean> {
    const r = await this.readArticle(path);
    if (!r.ok) return this.dropEntry(path);
    return this.setEntry(path, parseArticle(r.text));
  }

  /** Sets a file's index entry; false when nothing changed (a second event for one save). */
  private setEntry(path: string, article: ParsedArticle): boolean {
    if (article.frontmatter?.closeStart === undefined) return this.dropEntry(path);
    const entry = entryOf(article);
    const old = this.index.get(path);
    if (old && sameEntry(old, entry)) return false;
    this.index.set(path, entry);
    return true;
  }

  private dropEntry(path: string): boolean {
    if (!this.index.get(path)) return false;
    this.index.delete(path);
    return true;
  }

  async refreshFile(path: string): Promise<void> {
    await this.ready;
    const changed = this.isArticle(path) ? await this.indexFromDisk(path) : this.dropEntry(path);
    if (changed) this.emitter.fire({ kind: 'index', path });
  }

  removeFile(path: string): void {
    this.forget(path);
    if (this.dropEntry(path)) this.emitter.fire({ kind: 'index', path });
  }

  readArticle(path: string, before?: (stat: FileStat) => boolean): Promise<ReadOutcome> {
    return readArticleFile(this.init.files, path, { root: this.root, isArticle: (p) => this.isArticle(p) }, before, this.listed.has(path));
  }

  unreadableProblem(u: Unreadable): Problem | undefined {
    // A file the site lists but cannot read is left out of its build, which goes on: not an error of the build.
    const rule = u.leftOut ? 'file-left-out' : 'file-unreadable';
    const severity = severityOf(rule, this.settings.config.rules);
    if (!severity) return undefined;
    const zero = { line: 0, character: 0 };
    const message = u.leftOut ? format(this.lang, 'file-left-out', format(this.lang, u.leftOut)) : format(this.lang, u.key, ...u.args);
    return { rule, severity, message, range: { start: zero, end: zero }, start: 0, end: 0 };
  }

  parse(path: string, text: string, version?: number): ParsedArticle {
    if (version === undefined) return parseArticle(text);
    const hit = this.parses.get(path);
    if (hit && hit.version === version && hit.text === text) return hit.parsed;
    const parsed = parseArticle(text);
    this.parses.set(path, { version, text, parsed });
    return parsed;
  }

  check(path: string, text: string, version?: number, encoding?: string): readonly Problem[] {
    const lang = this.lang;
    const revision = this.index.revision;
    if (version !== undefined) {
      const hit = this.checks.get(path);
      if (hit && hit.version === version && hit.text === text && hit.revision === revision && hit.images === this.images.revision && hit.generation === this.generation && hit.lang === lang && hit.encoding === encoding) return hit.problems;
    }
    const images = this.images.revision;
    const parsed = this.parse(path, text, version);
    const checked = this.safeCheck(path, () => this.currentChecker().checkParsed(parsed, path));
    const saved = this.savedEncodingProblem(parsed, encoding);
    const problems = saved ? [saved, ...checked].sort((a, b) => a.start - b.start || a.end - b.end) : checked;
    if (version !== undefined) this.checks.set(path, { version, text, revision, images, generation: this.generation, lang, encoding, problems });
    return problems;
  }

  /**
   * An editor's text saved in an encoding other than UTF-8 is not what the site reads (see
   * `savedEncoding`): the problem the same file would get from a check of it on disk, said in
   * the editor's terms — an error for UTF-16, else `file-encoding` on the first letter the site
   * would show as �. The text's other problems are those it has once saved as UTF-8.
   */
  private savedEncodingProblem(parsed: ParsedArticle, encoding: string | undefined): Problem | undefined {
    const saved = savedEncoding(encoding, parsed.text);
    if (!saved) return undefined;
    if (saved.kind === 'utf16') return this.unreadableProblem({ key: 'file-utf16', args: [] });
    const severity = severityOf('file-encoding', this.settings.config.rules);
    if (!severity) return undefined;
    const end = saved.at + (parsed.text.codePointAt(saved.at)! > 0xffff ? 2 : 1);
    return { rule: 'file-encoding', severity, message: format(this.lang, 'file-saved-encoding', saved.label), range: parsed.lines.range(saved.at, end), start: saved.at, end };
  }

  /** One file's check never throws: a failure inside it becomes that file's own problem. */
  private safeCheck(path: string, run: () => Problem[]): Problem[] {
    try {
      return run();
    } catch (e) {
      this.init.log?.(`${path}: ${(e as Error)?.stack ?? String(e)}`);
      const p = this.unreadableProblem({ key: 'check-crashed', args: [(e as Error)?.message ?? String(e)] });
      return p ? [p] : [];
    }
  }

  async checkFile(path: string): Promise<readonly Problem[]> {
    await this.ready;
    const r = await this.readArticle(path);
    if (!r.ok) {
      const p = this.unreadableProblem(r.unreadable);
      return p ? [p] : [];
    }
    await this.images.prepareArticle(path, parseArticle(r.text));
    return this.check(path, r.text);
  }

  articleFiles(path: string): ArticleFiles {
    return { path, root: this.root, publicDir: this.images.publicDir, images: this.images };
  }

  async prepare(path: string, text: string, version?: number): Promise<void> {
    await this.ready;
    await this.images.prepareArticle(path, this.parse(path, text, version));
  }

  async checkFiles(targets: string[], opts: CheckFilesOptions = {}): Promise<FileResult[]> {
    await this.ready;
    return checkBatch(this.batchPart(), this.currentChecker(), targets, opts);
  }

  async analyze(path: string, opts: AnalyzeOptions): Promise<Analysis> {
    await this.ready;
    if (opts.listed) this.listed.add(path);
    return analyzeFile(this.batchPart(), path, opts.target, this.currentChecker(), opts.fixes ?? true);
  }

  /** What the batch check (batch.ts) needs of this service. */
  private batchPart(): BatchService {
    return {
      index: this.index,
      profile: this.init.profile,
      pool: this.init.pool,
      log: this.init.log,
      findArticles: (token) => this.findArticles(token),
      readArticle: (path, before) => this.readArticle(path, before),
      unreadableProblem: (u) => this.unreadableProblem(u),
      listed: (path) => this.listed.has(path),
      safeCheck: (path, run) => this.safeCheck(path, run),
      prepareImages: (path, article) => this.images.prepareArticle(path, article),
    };
  }

  forget(path: string): void {
    this.parses.delete(path);
    this.checks.delete(path);
  }

  publishBlockers(problems: readonly Problem[]): Problem[] {
    return publishBlockers(problems, this.settings.config.blockPublish);
  }

  workflowState(data: { published?: unknown; status?: unknown } | undefined): WorkflowState {
    return workflowState(data);
  }

  watch(): Disposable {
    const files = this.init.files;
    if (!files.watch) return { dispose: () => undefined };
    const settingsFiles = () =>
      new Set([join(this.root, CONFIG_FILE), join(this.root, SCHEMA_FILE), join(this.root, BASELINE_FILE), this.settings.configFile, this.settings.schemaFile, ...this.settings.watchFiles, ...Object.values(siteFilePaths(this.settings))].filter((f): f is string => !!f));
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    const onSettingsFile = () => {
      // An editor's save can come as several events: reload once.
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => {
        reloadTimer = undefined;
        void this.reload();
      }, 50);
    };
    // A burst of changes (a git checkout, a copied folder) can come with events missing: once it
    // is over, the index is reconciled with the disk (unchanged entries cost no new revision).
    let burst = 0;
    let burstTimer: ReturnType<typeof setTimeout> | undefined;
    const onArticleChange = () => {
      burst++;
      if (burstTimer) clearTimeout(burstTimer);
      burstTimer = setTimeout(() => {
        burstTimer = undefined;
        const n = burst;
        burst = 0;
        if (n >= BURST && this.indexBuilt && !disposed) void this.buildIndex();
      }, 1000);
    };
    let current: Disposable | undefined;
    let disposed = false;
    const start = () => {
      current?.dispose();
      if (disposed) return;
      const watched = settingsFiles();
      const globs = [...this.settings.config.include, ...IMAGE_WATCH_GLOBS, ...[...watched].filter((f) => isInside(this.root, f)).map((f) => relative(this.root, f))];
      current = files.watch!(this.root, [...new Set(globs)], (path, change) => {
        if (watched.has(path)) return onSettingsFile();
        if (isImageWatchPath(this.root, path) && !this.isArticle(path)) return void this.images.changed(path);
        onArticleChange();
        if (change === 'deleted') return this.removeFile(path);
        void this.refreshFile(path);
      });
    };
    this.restartWatch = start;
    void this.ready.then(start);
    const d = {
      dispose: () => {
        disposed = true;
        current?.dispose();
        if (reloadTimer) clearTimeout(reloadTimer);
        if (burstTimer) clearTimeout(burstTimer);
        this.restartWatch = () => undefined;
      },
    };
    this.watchers.push(d);
    return d;
  }

  dispose(): void {
    for (const w of this.watchers.splice(0)) w.dispose();
    this.emitter.dispose();
    this.buildGeneration++;
  }
}

function sameEntry(a: IndexEntry, b: IndexEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
