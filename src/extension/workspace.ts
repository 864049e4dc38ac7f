import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { createChecker, type Checker } from '../core/check/index';
import { DEFAULT_CONFIG, type ProjectConfig } from '../core/config';
import { CorpusIndex, entryOf } from '../core/corpus';
import type { Lang } from '../core/i18n/messages';
import { messageLang } from './l10n';
import { parseArticle, type ParsedArticle } from '../core/parse';
import { defaultSchema, type ArticleSchema } from '../core/schema';
import type { RuleSetting } from '../core/rules';
import type { Problem } from '../core/types';
import { decodeArticle, readArticleSync } from '../node/files';
import { loadProject, loadSchemaFile } from '../node/project';

export const DEFAULT_INCLUDE = ['src/content/fraga-doktorn/**/*.md'];
/** Files indexed between two yields to the extension host's event loop. */
const BUILD_BATCH = 100;

/** Settings of one workspace folder, merged with its `.qa-articles.json`. */
export interface FolderSettings {
  include: string[];
  config: ProjectConfig;
  schema: ArticleSchema;
  /** A message when the config or schema file could not be used (the defaults are used instead). */
  loadError?: string;
}

/** One workspace folder: its settings and its corpus index. */
export class ArticleFolder {
  readonly index = new CorpusIndex();
  settings!: FolderSettings;
  private includeRes: RegExp[] = [];
  checker!: Checker;
  /** Resolves when the first index build is done. */
  ready: Promise<void> = Promise.resolve();

  constructor(readonly folder: vscode.WorkspaceFolder, private readonly langOf: () => Lang) {
    this.reload();
  }

  /** Re-reads settings and the config/schema files. */
  reload(): void {
    const cfg = vscode.workspace.getConfiguration('qaArticles', this.folder.uri);
    const include = cfg.get<string[]>('include', DEFAULT_INCLUDE).filter((g) => typeof g === 'string' && g.trim() !== '');
    const root = this.folder.uri.fsPath;
    let config = DEFAULT_CONFIG;
    let schema = defaultSchema();
    let loadError: string | undefined;
    const trusted = vscode.workspace.isTrusted;
    try {
      const p = loadProject(root, undefined, { trusted });
      config = p.config;
      schema = p.schema;
    } catch (e) {
      loadError = (e as Error).message;
    }
    const schemaPath = cfg.get<string>('schemaPath', '');
    if (schemaPath && trusted) {
      try {
        schema = loadSchemaFile(path.resolve(root, schemaPath));
      } catch (e) {
        loadError = (e as Error).message;
      }
    }
    const rules = cfg.get<Record<string, RuleSetting>>('rules', {});
    config = { ...config, rules: { ...config.rules, ...rules } };
    this.settings = { include: include.length ? include : DEFAULT_INCLUDE, config, schema, loadError };
    this.includeRes = this.settings.include.map(globToRegExp);
    this.checker = createChecker({
      schema,
      config,
      index: this.index,
      lang: this.langOf(),
      displayPath: (f) => path.relative(root, f) || f,
    });
  }

  /** Whether a file path matches the folder's include globs. */
  matches(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file') return false;
    const rel = path.relative(this.folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return this.includeRes.some((re) => re.test(rel));
  }

  /** Builds the index from every file matching the include globs; reports progress through `onFile`. */
  async build(token?: vscode.CancellationToken): Promise<void> {
    const files = await this.findArticles(token);
    const keep = new Set(files.map((u) => u.fsPath));
    for (const [f] of [...this.index.files()]) if (!keep.has(f)) this.index.delete(f);
    // Small files read synchronously are several times faster than through the promise API;
    // reading them in batches and yielding between batches keeps the extension host responsive.
    for (let i = 0; i < files.length; i += BUILD_BATCH) {
      if (token?.isCancellationRequested) return;
      for (const uri of files.slice(i, i + BUILD_BATCH)) {
        const r = readArticleSync(uri.fsPath);
        if (r.ok) this.indexText(uri, r.text);
        else this.index.delete(uri.fsPath);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async findArticles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const seen = new Map<string, vscode.Uri>();
    for (const g of this.settings.include) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, g), '**/node_modules/**', undefined, token);
      for (const u of found) seen.set(u.fsPath, u);
    }
    return [...seen.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  }

  /** Reads one file from disk into the index (or drops it when it is gone or not an article). */
  async indexFile(uri: vscode.Uri): Promise<void> {
    let buf: Buffer;
    try {
      buf = await fs.promises.readFile(uri.fsPath);
    } catch {
      this.index.delete(uri.fsPath);
      return;
    }
    const r = decodeArticle(buf);
    if (!r.ok) {
      this.index.delete(uri.fsPath);
      return;
    }
    this.indexText(uri, r.text);
  }

  indexText(uri: vscode.Uri, text: string, parsed?: ParsedArticle): void {
    const a = parsed ?? parseArticle(text);
    if (a.frontmatter?.closeStart !== undefined) this.index.set(uri.fsPath, entryOf(a));
    else this.index.delete(uri.fsPath);
  }
}

/**
 * The articles of the workspace: which documents are articles, their checker and the corpus
 * index of each folder, kept current as files are saved, created, deleted and renamed.
 */
export class ArticleWorkspace implements vscode.Disposable {
  /** The language of messages: the `qaArticles.language` setting, or VS Code's display language. */
  get lang(): Lang {
    return messageLang();
  }
  private readonly folders = new Map<string, ArticleFolder>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watchers = new Map<string, vscode.Disposable[]>();
  private readonly indexEmitter = new vscode.EventEmitter<{ folder: ArticleFolder; uri?: vscode.Uri }>();
  private readonly settingsEmitter = new vscode.EventEmitter<void>();
  /** Fires when a folder's index changed (one file, or a rebuild when `uri` is undefined). */
  readonly onDidChangeIndex = this.indexEmitter.event;
  /** Fires after settings, the config file or the schema changed and checkers were rebuilt. */
  readonly onDidChangeSettings = this.settingsEmitter.event;

  constructor() {
    for (const f of vscode.workspace.workspaceFolders ?? []) this.addFolder(f);
    this.disposables.push(
      this.indexEmitter,
      this.settingsEmitter,
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.removeFolder(f);
        for (const f of e.added) void this.buildFolder(this.addFolder(f));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('qaArticles')) this.reloadAll(e.affectsConfiguration('qaArticles.include'));
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reloadAll(false)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const f = this.folderOf(doc.uri);
        if (f && f.matches(doc.uri)) {
          f.indexText(doc.uri, doc.getText());
          this.indexEmitter.fire({ folder: f, uri: doc.uri });
        }
      }),
    );
    const cfgWatcher = vscode.workspace.createFileSystemWatcher('**/.qa-articles{.json,.schema.json}');
    this.disposables.push(
      cfgWatcher,
      cfgWatcher.onDidChange(() => this.reloadAll(false)),
      cfgWatcher.onDidCreate(() => this.reloadAll(false)),
      cfgWatcher.onDidDelete(() => this.reloadAll(false)),
    );
  }

  /** Builds every folder's index (after activation, off its critical path). */
  buildAll(): Promise<void> {
    return Promise.all([...this.folders.values()].map((f) => this.buildFolder(f))).then(() => undefined);
  }

  private buildFolder(f: ArticleFolder): Promise<void> {
    f.ready = f.build().then(() => this.indexEmitter.fire({ folder: f }));
    return f.ready;
  }

  private addFolder(wf: vscode.WorkspaceFolder): ArticleFolder {
    const f = new ArticleFolder(wf, () => this.lang);
    this.folders.set(wf.uri.toString(), f);
    this.watch(f);
    return f;
  }

  private removeFolder(wf: vscode.WorkspaceFolder): void {
    const key = wf.uri.toString();
    this.folders.delete(key);
    for (const d of this.watchers.get(key) ?? []) d.dispose();
    this.watchers.delete(key);
  }

  private watch(f: ArticleFolder): void {
    const key = f.folder.uri.toString();
    for (const d of this.watchers.get(key) ?? []) d.dispose();
    const subs: vscode.Disposable[] = [];
    for (const g of f.settings.include) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f.folder, g));
      const update = (uri: vscode.Uri) =>
        void f.indexFile(uri).then(() => this.indexEmitter.fire({ folder: f, uri }));
      subs.push(
        w,
        w.onDidCreate(update),
        w.onDidChange(update),
        w.onDidDelete((uri) => {
          f.index.delete(uri.fsPath);
          this.indexEmitter.fire({ folder: f, uri });
        }),
      );
    }
    this.watchers.set(key, subs);
  }

  private reloadAll(includeChanged: boolean): void {
    this.settingsGeneration++;
    for (const f of this.folders.values()) {
      f.reload();
      if (includeChanged) {
        this.watch(f);
        void this.buildFolder(f);
      }
    }
    this.settingsEmitter.fire();
  }

  allFolders(): ArticleFolder[] {
    return [...this.folders.values()];
  }

  /** The folder a file belongs to. */
  folderOf(uri: vscode.Uri): ArticleFolder | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf ? this.folders.get(wf.uri.toString()) : undefined;
  }

  /**
   * Whether a document is an article: a Markdown file matched by `qaArticles.include`, or any
   * Markdown file whose frontmatter has a `question` field.
   */
  isArticle(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'markdown' && !doc.uri.path.toLowerCase().endsWith('.md')) return false;
    const f = this.folderOf(doc.uri);
    if (f && f.matches(doc.uri)) return true;
    const hit = this.questionCache.get(doc);
    if (hit && hit.version === doc.version) return hit.result;
    // Only the head is read: a long README must not cost a full parse per keystroke.
    const result = hasQuestionField(doc.getText(new vscode.Range(0, 0, 400, 0)));
    this.questionCache.set(doc, { version: doc.version, result });
    return result;
  }
  private readonly questionCache = new WeakMap<vscode.TextDocument, { version: number; result: boolean }>();

  /** The document parsed once per version, shared by diagnostics, the status bar and the preview. */
  parsed(doc: vscode.TextDocument): ParsedArticle {
    const hit = this.parseCache.get(doc);
    if (hit && hit.version === doc.version) return hit.parsed;
    const parsed = parseArticle(doc.getText());
    this.parseCache.set(doc, { version: doc.version, parsed });
    return parsed;
  }
  private readonly parseCache = new WeakMap<vscode.TextDocument, { version: number; parsed: ParsedArticle }>();

  /**
   * Checks a document with its folder's checker (the defaults outside any folder). The result
   * is kept until the document, the corpus index or the settings change; callers must not
   * modify it.
   */
  check(doc: vscode.TextDocument, parsed?: ParsedArticle): readonly Problem[] {
    const f = this.folderOf(doc.uri);
    const revision = f?.index.revision ?? 0;
    const hit = this.checkCache.get(doc);
    if (hit && hit.version === doc.version && hit.revision === revision && hit.settings === this.settingsGeneration) return hit.problems;
    if (this.looseLang !== this.lang) this.looseChecker = undefined;
    const checker = f?.checker ?? (this.looseChecker ??= createChecker({ lang: (this.looseLang = this.lang) }));
    const problems = checker.checkParsed(parsed ?? this.parsed(doc), doc.uri.fsPath);
    this.checkCache.set(doc, { version: doc.version, revision, settings: this.settingsGeneration, problems });
    return problems;
  }
  private looseChecker?: Checker;
  private looseLang?: Lang;
  private readonly checkCache = new WeakMap<vscode.TextDocument, { version: number; revision: number; settings: number; problems: readonly Problem[] }>();
  /** Bumps whenever checkers are rebuilt, so cached results of the old ones are not reused. */
  private settingsGeneration = 0;

  /** The corpus index of the document's folder, or an empty one. */
  indexOf(uri: vscode.Uri): CorpusIndex {
    return this.folderOf(uri)?.index ?? (this.emptyIndex ??= new CorpusIndex());
  }
  private emptyIndex?: CorpusIndex;

  /** The schema that applies to a document. */
  schemaOf(uri: vscode.Uri): ArticleSchema {
    return this.folderOf(uri)?.settings.schema ?? defaultSchema();
  }

  dispose(): void {
    for (const subs of this.watchers.values()) for (const d of subs) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** True when the text opens with frontmatter that has a top-level `question:` key. */
export function hasQuestionField(head: string): boolean {
  const a = parseArticle(head.replace(/^\uFEFF/, ''));
  return !!a.frontmatter && a.fieldList.some((f) => f.key === 'question');
}

/** Translates a workspace glob (`**`, `*`, `?`, `{a,b}`) into a RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|') + ')';
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re.replace(/^\.\//, '') + '$', process.platform === 'win32' ? 'i' : '');
}
