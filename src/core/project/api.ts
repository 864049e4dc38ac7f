import type { ArticleFiles } from '../check/context';
import type { CorpusFacts } from '../check/corpus';
import type { CorpusIndex, IndexEntry } from '../corpus';
import type { Lang } from '../i18n/messages';
import type { ParsedArticle } from '../parse';
import type { PhaseProfile } from '../profile';
import type { SiteKnowledge } from '../site/types';
import type { Problem } from '../types';
import type { WorkflowState } from '../workflow/state';
import type { Event } from './events';
import type { CancellationToken, Disposable, FileHost, FileStat, Log } from './host';
import type { ReadOutcome, Unreadable, UnreadableFolder } from './read';
import type { HostSettings, LoadProblem, ProjectSettings } from './settings';

// The project model's interface as every host sees it; service.ts implements it.

export interface ArticleServiceInit {
  files: FileHost;
  /** The project root (see `findProjectRoot`). */
  root: string;
  settings?: HostSettings;
  /** The language of messages, read on every check so a setting change takes effect at once. */
  lang?: Lang | (() => Lang);
  log?: Log;
  /** Where a host's profiler learns the time of each phase of `checkFiles`. */
  profile?: PhaseProfile;
  /** Helpers that take a share of a large batch check (the CLI's worker threads). */
  pool?: AnalysisPool;
}

/**
 * Helpers that analyse files beside the service, each a service of its own over the same
 * settings: the files of a batch are handed out in chunks as the service and the helpers claim
 * them, so a helper that starts late or runs slow takes less. The result is the same as the
 * service's own analysis of every file.
 */
export interface AnalysisPool {
  /** Below this many files a batch is checked without helpers (starting one costs more than it saves). */
  readonly minFiles: number;
  /** Starts helpers on a batch; undefined when none can start. */
  start(batch: PoolBatch): PoolRun | undefined;
}

/** The files of a batch, and for each what `ArticleService.analyze` is told. */
export interface PoolBatch {
  files: string[];
  /** Whether file i gets its local rules. */
  target: boolean[];
  /** Whether a listing called file i a regular file. */
  listed: boolean[];
  /** Whether problems keep their fixes. */
  fixes: boolean;
}

/** A batch shared with helpers. */
export interface PoolRun {
  /** Files per chunk. */
  readonly chunk: number;
  /** The next chunk nobody has claimed (file index `chunk × n`), or -1 when every file is taken. */
  claim(): number;
  /** Stops handing out chunks (a cancelled check). */
  stop(): void;
  /**
   * Called by the service after each chunk of its own: lets the host take in what helpers have
   * posted meanwhile, so that work is shared out with the rest instead of all waiting for the end.
   */
  between?(): Promise<void>;
  /**
   * The helpers' analyses, once each has finished what it claimed. A file missing from it (a
   * helper that failed) is for the service to analyse.
   */
  readonly done: Promise<Map<string, Analysis>>;
}

/** What a change to the project was. */
export interface ProjectChange {
  /**
   * `settings`: config, schema or host settings; every result may differ. `index`: the corpus
   * changed (one file, or all when `path` is unset). `images`: a file an article's image needs
   * appeared or went (`path`: the article).
   */
  kind: 'settings' | 'index' | 'images';
  path?: string;
}

/** One file's result in a batch check. */
export interface FileResult {
  file: string;
  problems: Problem[];
  /** Whether the file could be read at all. */
  readable: boolean;
}

/**
 * A cache of a batch check's per-file work, keyed by what identifies a file's content (CLI
 * `--cache`). `get` is asked with the stat taken just before the file would be read: an answer
 * means the file is not read at all, so it must come only where that stat proves the content
 * unchanged (see FileStat's `ctime`, `ino` and `dev`). `set` is told the stat the analysed text
 * was read under.
 */
export interface AnalysisCache {
  get(file: string, stat: FileStat, target: boolean): Analysis | undefined;
  set(file: string, stat: FileStat, target: boolean, analysis: Analysis): void;
}

export interface CheckFilesOptions {
  cache?: AnalysisCache;
  token?: CancellationToken;
  /** False: the problems without their fixes. */
  fixes?: boolean;
  /** The project's articles as `findArticles` has just found them: not searched for again. */
  articles?: readonly string[];
}

export interface AnalyzeOptions {
  /** Whether the file gets its local rules (else only its index entry). */
  target: boolean;
  /** A listing (by the service sharing the batch) called the path a regular file. */
  listed?: boolean;
  /** False: the problems without their fixes (a host that only prints them; less to keep and to pass between threads). */
  fixes?: boolean;
}

/** What one pass over one file yields, small enough to keep for thousands of files. */
export interface Analysis {
  unreadable?: Unreadable;
  entry?: IndexEntry;
  /** Local problems (targets only). */
  problems?: Problem[];
  facts?: CorpusFacts;
  /** A local rule read the corpus index: checked again once the index is complete. */
  recheck?: true;
}

/**
 * The project model every host goes through: which files are articles, the config and schema
 * in force, the corpus index, per-version parse and check caches, the workflow state and the
 * publish gate. A host supplies only file access (and a watcher, where it has one).
 */
export interface ArticleService extends Disposable {
  readonly root: string;
  /** The settings in force (config + host settings + schema) and their load errors. */
  readonly settings: ProjectSettings;
  readonly index: CorpusIndex;
  /** The site's topic and condition lists, read (never run) with the settings. */
  readonly site: SiteKnowledge;
  readonly lang: Lang;
  /** Resolves when the settings are loaded; they are reloaded by `reload`. */
  readonly ready: Promise<void>;
  readonly onDidChange: Event<ProjectChange>;
  /** Re-reads the config and schema, with new host settings when given. */
  reload(settings?: HostSettings): Promise<void>;
  /** Whether a path is one of the project's articles (the include/exclude setting). */
  isArticle(path: string): boolean;
  /** The name a Markdown file among the articles would need for the site to build it (`knä.markdown` → `knä.md`); undefined for an article or any other file. */
  unbuiltName(path: string): string | undefined;
  /** Every article of the project, sorted (searching only below the include globs' folders). */
  findArticles(token?: CancellationToken): Promise<string[]>;
  /** The folders the last `findArticles` could not open (no permission …): the articles in them were not found. */
  readonly unreadableFolders: readonly UnreadableFolder[];
  /**
   * The Markdown files the last `findArticles` found among the articles whose name the site does
   * not build (`knä.markdown`, `knä.MD`): worth a check that says so, never part of the corpus.
   */
  readonly unbuiltFiles: readonly string[];
  /** Builds the corpus index from disk; false when cancelled (a newer build cancels an older one). */
  buildIndex(token?: CancellationToken, progress?: (done: number, total: number) => void): Promise<boolean>;
  /** Re-reads one file into the index (or drops it when it is gone or not an article). */
  refreshFile(path: string): Promise<void>;
  /** Drops a file from the index. */
  removeFile(path: string): void;
  /** Reads a file as an article: stat (regular files only, within the size limit), read, decode. */
  readArticle(path: string, before?: (stat: FileStat) => boolean): Promise<ReadOutcome>;
  /** The problem for a file that cannot be read (`file-left-out` when the site leaves it out, else `file-unreadable`); undefined when that rule is off. */
  unreadableProblem(u: Unreadable): Problem | undefined;
  /** The text parsed, once per version (cached while `version` is given and unchanged). */
  parse(path: string, text: string, version?: number): ParsedArticle;
  /**
   * The problems of a text at a path, against the corpus; cached per version, index revision and
   * settings. `encoding`: what an editor will save the text in (VS Code's name, `utf8` …), when
   * it knows; in another than UTF-8 the site reads other text, which a problem says.
   */
  check(path: string, text: string, version?: number, encoding?: string): readonly Problem[];
  /**
   * Asks the host about the files a text's images need, so that a `check` after it knows them
   * (without it, `check` leaves out what it does not know yet and fires an `images` change once it does).
   */
  prepare(path: string, text: string, version?: number): Promise<void>;
  /** Reads a file from disk and checks it. */
  checkFile(path: string): Promise<readonly Problem[]>;
  /**
   * Where an article's images are looked for and what is known of their files, as the image
   * rules see them (for the preview). A file not asked about yet is asked about, and an `images`
   * change follows once it is known.
   */
  articleFiles(path: string): ArticleFiles;
  /**
   * One file's part of a batch check: read and parsed once, its index entry and (for a target)
   * its local problems and the facts the corpus rules need; no parsed document is kept.
   */
  analyze(path: string, opts: AnalyzeOptions): Promise<Analysis>;
  /** Checks many files in one pass, each read once; the corpus is the project's articles plus `targets` outside it. */
  checkFiles(targets: string[], opts?: CheckFilesOptions): Promise<FileResult[]>;
  /** Forgets the cached parse and check of a path (a closed document). */
  forget(path: string): void;
  /** The problems that stop Publish: every error, and warnings of the `blockPublish` rules. */
  publishBlockers(problems: readonly Problem[]): Problem[];
  /** The one workflow state of an article's values. */
  workflowState(data: { published?: unknown; status?: unknown } | undefined): WorkflowState;
  /** A load problem's message in the current language. */
  describe(p: LoadProblem): string;
  /** A file's problems without the warnings the project's baseline knows, and how many were left out. */
  withoutBaseline(path: string, problems: readonly Problem[]): { shown: Problem[]; hidden: number };
  /** Starts watching the project's files through the host (articles, config, schema). */
  watch(): Disposable;
}
