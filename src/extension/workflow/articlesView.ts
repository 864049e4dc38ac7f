import * as path from 'path';
import * as vscode from 'vscode';
import { localize } from '../l10n';
import type { IndexEntry } from '../../core/corpus';
import { baseName, groupArticles, type StateGroup } from '../../core/workflow/articleGroups';
import type { WorkflowState } from '../../core/workflow/statusEdits';
import type { ArticleWorkspace } from '../host/workspace';
import { categoryChoices } from './labels';

export type ArticleNode =
  | { kind: 'state'; group: StateGroup }
  | { kind: 'category'; state: WorkflowState; category: string; count: number; articles: ArticleItemNode[] }
  | ArticleItemNode;

/** An article in the view; also the argument the view's context-menu commands receive. */
export interface ArticleItemNode {
  kind: 'article';
  uri: vscode.Uri;
  entry: IndexEntry;
}

/** What the view shows, as plain data: for tests and benchmarks. */
export interface ArticlesSnapshot {
  state: WorkflowState;
  count: number;
  categories: { category: string; files: string[] }[];
}

const REFRESH_DELAY = 150;

function stateLabel(s: WorkflowState): string {
  switch (s) {
    case 'unanswered':
      return localize('Unanswered');
    case 'draft':
      return localize('Drafts');
    case 'ready':
      return localize('Ready');
    case 'published':
      return localize('Published');
  }
}

const STATE_ICON: Record<WorkflowState, string> = { unanswered: 'question', draft: 'edit', ready: 'check', published: 'globe' };

/**
 * The Articles view: every indexed article grouped by workflow state, then category. The
 * grouping is rebuilt only when the index changed (debounced), and the filter narrows it.
 */
export class ArticlesProvider implements vscode.TreeDataProvider<ArticleNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ArticleNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private groups?: StateGroup[];
  private filterText = '';
  private timer?: ReturnType<typeof setTimeout>;
  private readonly refreshedEmitter = new vscode.EventEmitter<void>();
  /** Fires after the view's data was rebuilt (tests wait on it). */
  readonly onDidRefresh = this.refreshedEmitter.event;

  constructor(private readonly ws: ArticleWorkspace) {
    this.disposables.push(
      this.refreshedEmitter,
      ws.onDidChangeIndex(() => this.scheduleRefresh()),
      ws.onDidChangeSettings(() => this.scheduleRefresh()),
      // Problem markers change without the index changing: repaint, no regrouping.
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRepaint()),
      { dispose: () => this.timer && clearTimeout(this.timer) },
    );
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', 'qaArticles.filterActive', this.filterText !== '');
    this.refresh();
  }

  /** Regroups now. */
  refresh(): void {
    this.groups = undefined;
    this.flush();
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.changeEmitter.fire(undefined);
    this.refreshedEmitter.fire();
  }

  private scheduleRefresh(): void {
    this.groups = undefined;
    this.scheduleRepaint();
  }
  private scheduleRepaint(): void {
    this.timer ??= setTimeout(() => this.flush(), REFRESH_DELAY);
  }

  /** The grouping over every folder's index, rebuilt when stale. */
  currentGroups(): StateGroup[] {
    if (!this.groups) {
      const entries = this.ws.allFolders().flatMap((f) => [...f.index.files()]);
      this.groups = groupArticles(entries, categoryChoices(this.ws).map((c) => c.value), this.filterText);
    }
    return this.groups;
  }

  snapshot(): ArticlesSnapshot[] {
    return this.currentGroups().map((g) => ({ state: g.state, count: g.count, categories: g.categories.map((c) => ({ category: c.category, files: c.articles.map((a) => a.file) })) }));
  }

  getChildren(node?: ArticleNode): ArticleNode[] {
    if (!node) return this.currentGroups().filter((g) => g.count > 0 || !this.filterText).map((group) => ({ kind: 'state', group }));
    if (node.kind === 'state') {
      return node.group.categories.map((c) => ({
        kind: 'category',
        state: node.group.state,
        category: c.category,
        count: c.articles.length,
        articles: c.articles.map((a) => ({ kind: 'article', uri: vscode.Uri.file(a.file), entry: a.entry })),
      }));
    }
    if (node.kind === 'category') return node.articles;
    return [];
  }

  getTreeItem(node: ArticleNode): vscode.TreeItem {
    if (node.kind === 'state') {
      const { state, count } = node.group;
      const item = new vscode.TreeItem(stateLabel(state), count && state !== 'published' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      if (!count) item.collapsibleState = vscode.TreeItemCollapsibleState.None;
      item.id = `state:${state}`;
      item.description = String(count);
      item.iconPath = new vscode.ThemeIcon(STATE_ICON[state]);
      item.contextValue = 'articleState';
      return item;
    }
    if (node.kind === 'category') {
      const label = categoryChoices(this.ws).find((c) => c.value === node.category)?.label ?? (node.category || localize('(no category)'));
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `cat:${node.state}:${node.category}`;
      item.description = String(node.count);
      item.contextValue = 'articleCategory';
      return item;
    }
    return this.articleItem(node);
  }

  private articleItem(node: ArticleItemNode): vscode.TreeItem {
    const { uri, entry } = node;
    const item = new vscode.TreeItem(entry.title || baseName(uri.fsPath), vscode.TreeItemCollapsibleState.None);
    item.id = `article:${uri.toString()}`;
    item.resourceUri = uri;
    item.description = entry.questionLine ?? '';
    item.contextValue = 'article';
    item.command = { command: 'vscode.open', title: localize('Open Article'), arguments: [uri] };
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(uri)) {
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    item.iconPath = errors
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : warnings
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('markdown');
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : uri.fsPath;
    const tip = new vscode.MarkdownString();
    tip.appendText(rel);
    if (errors || warnings) tip.appendMarkdown('\n\n').appendText(localize('{0, plural, one {# error} other {# errors}}, {1, plural, one {# warning} other {# warnings}}', errors, warnings));
    item.tooltip = tip;
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The view with its filter commands. */
export function registerArticlesView(ws: ArticleWorkspace): { provider: ArticlesProvider; disposable: vscode.Disposable } {
  const provider = new ArticlesProvider(ws);
  const view = vscode.window.createTreeView('qaArticles.articles', { treeDataProvider: provider, showCollapseAll: true });
  const updateMessage = () => {
    view.message = provider.filter ? localize('Filter: {0}', provider.filter) : undefined;
  };
  void vscode.commands.executeCommand('setContext', 'qaArticles.filterActive', false);
  const disposable = vscode.Disposable.from(
    provider,
    view,
    vscode.commands.registerCommand('qaArticles.filterArticles', async (text?: unknown) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: localize('Filter Articles'),
              prompt: localize('Title, file name, topic, tag or question text'),
              value: provider.filter,
            });
      if (value === undefined) return;
      provider.setFilter(value);
      updateMessage();
    }),
    vscode.commands.registerCommand('qaArticles.clearFilter', () => {
      provider.setFilter('');
      updateMessage();
    }),
  );
  return { provider, disposable };
}
