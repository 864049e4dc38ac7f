import * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/corpus';
import { categoryLabelsOf } from '../../core/labels';
import type { Lang } from '../../core/i18n/messages';
import type { ParsedArticle } from '../../core/parse';
import { findProjectRoot } from '../../core/project/root';
import { createArticleService, type ArticleService } from '../../core/project/service';
import type { HostSettings } from '../../core/project/settings';
import type { RuleSetting } from '../../core/rules';
import type { ArticleSchema } from '../../core/schema';
import type { Problem } from '../../core/types';
import type { RenderOptions } from '../../core/render/article';
import type { SiteKnowledge } from '../../core/site/types';
import { messageLang } from '../l10n';
import { noFiles, pathOf, vscodeFileHost } from './files';
import { isMarkdownName } from '../../core/project/markdownFiles';

/** The host settings of a folder: what the user set in `qaArticles.*` (an unset include leaves the config's). */
function hostSettings(folder: vscode.WorkspaceFolder): HostSettings {
  const cfg = vscode.workspace.getConfiguration('qaArticles', folder.uri);
  const set = <T>(key: string): T | undefined => {
    const i = cfg.inspect<T>(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  const include = (set<string[]>('include') ?? []).filter((g) => typeof g === 'string' && g.trim() !== '');
  return {
    include: include.length ? include : undefined,
    rules: cfg.get<Record<string, RuleSetting>>('rules', {}),
    schemaPath: cfg.get<string>('schemaPath', '') || undefined,
    trusted: vscode.workspace.isTrusted,
  };
}

/** One workspace folder: the project model of the project it holds. */
export class ArticleFolder implements vscode.Disposable {
  /** Resolves when the first index build is done. */
  ready: Promise<void> = Promise.resolve();

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly service: ArticleService,
  ) {}

  /** The project's settings in force (config, schema) and their load errors. */
  get settings() {
    return this.service.settings;
  }

  get index(): CorpusIndex {
    return this.service.index;
  }

  /** The URI of a core path of this folder. */
  uriOf(path: string): vscode.Uri {
    return this.folder.uri.with({ path });
  }

  /** Whether a file is one of the project's articles (its include setting). */
  matches(uri: vscode.Uri): boolean {
    return this.sameFileSystem(uri) && this.service.isArticle(pathOf(uri));
  }

  /** Whether a Markdown file among the articles gets no page for its name alone (`knä.markdown`): checked, to say so, but not an article. */
  unbuilt(uri: vscode.Uri): boolean {
    return this.sameFileSystem(uri) && this.service.unbuiltName(pathOf(uri)) !== undefined;
  }

  /** Whether a URI is on this folder's file system (its scheme and authority), so its path is one of the project's. */
  private sameFileSystem(uri: vscode.Uri): boolean {
    return uri.scheme === this.folder.uri.scheme && uri.authority === this.folder.uri.authority;
  }

  async findArticles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    return (await this.service.findArticles(token)).map((p) => this.uriOf(p));
  }

  /** The articles, and the Markdown files among them the site builds no page of for their name: what Check All checks. */
  async findChecked(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const articles = await this.service.findArticles(token);
    return [...articles, ...this.service.unbuiltFiles].map((p) => this.uriOf(p));
  }

  dispose(): void {
    this.service.dispose();
  }
}

/**
 * The articles of the workspace: one project model per workspace folder, kept current by its
 * watchers and by settings changes. Documents are checked through their folder's model, so the
 * editor, Check All, the preview and the publish gate see exactly what the CLI sees.
 */
export class ArticleWorkspace implements vscode.Disposable {
  /** The language of messages: the `qaArticles.language` setting, or VS Code's display language. */
  get lang(): Lang {
    return messageLang();
  }
  private readonly folders = new Map<string, ArticleFolder>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly indexEmitter = new vscode.EventEmitter<{ folder: ArticleFolder; uri?: vscode.Uri }>();
  private readonly settingsEmitter = new vscode.EventEmitter<void>();
  /** Fires when a folder's index changed (one file, or a rebuild when `uri` is undefined). */
  readonly onDidChangeIndex = this.indexEmitter.event;
  /** Fires after settings, the config file or the schema changed. */
  readonly onDidChangeSettings = this.settingsEmitter.event;
  /** Resolves when every folder's project has been found and its settings loaded. */
  readonly opened: Promise<void>;
  private readonly loose = createArticleService({ files: noFiles, root: '/', lang: () => this.lang });

  constructor() {
    this.opened = Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.addFolder(f))).then(() => undefined);
    this.disposables.push(
      this.indexEmitter,
      this.settingsEmitter,
      this.loose,
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.removeFolder(f);
        for (const f of e.added) void this.addFolder(f).then((af) => this.buildFolder(af));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('qaArticles')) void this.reloadAll();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reloadAll()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.serviceOf(doc.uri).forget(pathOf(doc.uri))),
    );
  }

  /** Builds every folder's index (after activation, off its critical path). */
  async buildAll(): Promise<void> {
    await this.opened;
    await Promise.all([...this.folders.values()].map((f) => this.buildFolder(f)));
  }

  private buildFolder(f: ArticleFolder): Promise<void> {
    f.ready = f.service.buildIndex().then(() => undefined);
    return f.ready;
  }

  private async addFolder(wf: vscode.WorkspaceFolder): Promise<ArticleFolder> {
    const files = vscodeFileHost(wf.uri);
    // The project root, found as the CLI finds it (at or above the folder); else the workspace folder itself.
    const found = await findProjectRoot(files, pathOf(wf.uri)).catch(() => undefined);
    const root = found?.root ?? pathOf(wf.uri);
    const service = createArticleService({ files, root, settings: hostSettings(wf), lang: () => this.lang });
    const f = new ArticleFolder(wf, service);
    this.folders.set(wf.uri.toString(), f);
    this.disposables.push(
      service.onDidChange((e) => {
        if (e.kind === 'settings') this.settingsEmitter.fire();
        else this.indexEmitter.fire({ folder: f, uri: e.path ? f.uriOf(e.path) : undefined });
      }),
      service.watch(),
    );
    await service.ready;
    this.settingsEmitter.fire();
    return f;
  }

  private removeFolder(wf: vscode.WorkspaceFolder): void {
    const key = wf.uri.toString();
    this.folders.get(key)?.dispose();
    this.folders.delete(key);
  }

  private async reloadAll(): Promise<void> {
    await this.opened;
    await Promise.all([...this.folders.values()].map((f) => f.service.reload(hostSettings(f.folder))));
  }

  allFolders(): ArticleFolder[] {
    return [...this.folders.values()];
  }

  /** The folder a file belongs to. */
  folderOf(uri: vscode.Uri): ArticleFolder | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf ? this.folders.get(wf.uri.toString()) : undefined;
  }

  /** The project model a file is checked by: its folder's, or a model of no files for loose documents. */
  serviceOf(uri: vscode.Uri): ArticleService {
    return this.folderOf(uri)?.service ?? this.loose;
  }

  /**
   * Whether a document is an article: a Markdown file matched by the project's include setting,
   * or a Markdown file opened from elsewhere whose frontmatter has a `question` field (as the
   * CLI checks a file it is given by name). Only the first are the corpus.
   */
  isArticle(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'markdown' && !isMarkdownName(doc.uri.path)) return false;
    const f = this.folderOf(doc.uri);
    if (f && (f.matches(doc.uri) || f.unbuilt(doc.uri))) return true;
    const hit = this.questionCache.get(doc);
    if (hit && hit.version === doc.version) return hit.result;
    // Only the head is read: a long README must not cost a full parse per keystroke.
    const result = hasQuestionField(this.serviceOf(doc.uri).parse('', doc.getText(new vscode.Range(0, 0, 400, 0))));
    this.questionCache.set(doc, { version: doc.version, result });
    return result;
  }
  private readonly questionCache = new WeakMap<vscode.TextDocument, { version: number; result: boolean }>();

  /** The document parsed once per version, shared by diagnostics, the status bar and the preview. */
  parsed(doc: vscode.TextDocument): ParsedArticle {
    return this.serviceOf(doc.uri).parse(pathOf(doc.uri), doc.getText(), doc.version);
  }

  /** Checks a document through its project model; the result is cached per version, corpus and settings. */
  check(doc: vscode.TextDocument): readonly Problem[] {
    return this.serviceOf(doc.uri).check(pathOf(doc.uri), doc.getText(), doc.version, doc.encoding);
  }

  /** What the Problems panel shows of a file's problems: all but the warnings the project's baseline knows. */
  visible(uri: vscode.Uri, problems: readonly Problem[]): { shown: readonly Problem[]; hidden: number } {
    return this.serviceOf(uri).withoutBaseline(pathOf(uri), problems);
  }

  /** The corpus index of the document's folder, or an empty one. */
  indexOf(uri: vscode.Uri): CorpusIndex {
    return this.serviceOf(uri).index;
  }

  /**
   * What the preview takes from the project: the house-style limits, the category labels, the
   * site's lists (breadcrumb, condition box), the corpus ("Fler frågor om …"), the page address
   * and the answer's image files.
   */
  renderOptions(uri: vscode.Uri): Pick<RenderOptions, 'limits' | 'categoryLabels' | 'site' | 'index' | 'file' | 'config' | 'imageFiles'> {
    const service = this.serviceOf(uri);
    const { config, schema } = service.settings;
    // A document outside every folder has no project, and so no image files to show.
    const imageFiles = this.folderOf(uri) ? service.articleFiles(pathOf(uri)) : undefined;
    return { limits: config, categoryLabels: categoryLabelsOf(schema), site: service.site, index: service.index, file: pathOf(uri), config, imageFiles };
  }

  /** The project root of a document's folder, where the preview may load its images from. */
  projectRootOf(uri: vscode.Uri): vscode.Uri | undefined {
    const f = this.folderOf(uri);
    return f?.uriOf(f.service.root);
  }

  /** The site's topic and condition lists of a document's project (read, never run). */
  siteOf(uri: vscode.Uri): SiteKnowledge {
    return this.serviceOf(uri).site;
  }

  /** The schema that applies to a document. */
  schemaOf(uri: vscode.Uri): ArticleSchema {
    return this.serviceOf(uri).settings.schema;
  }

  dispose(): void {
    for (const f of this.folders.values()) f.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** True when parsed frontmatter has a top-level `question:` key. */
function hasQuestionField(a: ParsedArticle): boolean {
  return !!a.frontmatter && a.fieldList.some((f) => f.key === 'question');
}
