import * as vscode from 'vscode';
import type { ArticleWorkspace } from '../host/workspace';
import { registerArticlesView, type ArticlesProvider } from './articlesView';
import { newArticle } from './newArticle';
import { registerTagCommands, renameTag } from './renameTag';
import { publishGate, registerStatusCommands, runWorkflowStep } from './statusCommands';
import { onDidReportStep } from './stepMessages';
import { TagsProvider } from './tagsView';

/** The editorial workflow's parts that tests and other extensions may drive. */
export interface WorkflowApi {
  articles: ArticlesProvider;
  tags: TagsProvider;
  newArticle: typeof newArticle;
  runWorkflowStep: typeof runWorkflowStep;
  renameTag: typeof renameTag;
  /** What would stop Publish on an article now (undefined: it has no frontmatter). */
  publishGate: (uri: vscode.Uri) => ReturnType<typeof publishGate>;
  /** Fires with the message each workflow step shows in the status bar. */
  onDidReportStep: vscode.Event<string>;
}

/** New articles, the Articles and Tags views, workflow steps and tag renames. */
export function registerWorkflow(context: vscode.ExtensionContext, ws: ArticleWorkspace): vscode.Disposable & { api: WorkflowApi } {
  void context;
  const articles = registerArticlesView(ws);
  const tags = new TagsProvider(ws);
  const disposable = vscode.Disposable.from(
    articles.disposable,
    tags,
    vscode.window.createTreeView('qaArticles.tags', { treeDataProvider: tags, showCollapseAll: true }),
    vscode.commands.registerCommand('qaArticles.newArticle', (arg?: unknown) => newArticle(ws, arg)),
    vscode.commands.registerCommand('qaArticles.refresh', () => {
      articles.provider.refresh();
      tags.refresh();
    }),
    registerStatusCommands(ws),
    registerTagCommands(ws, tags),
  );
  return Object.assign(disposable, { api: { articles: articles.provider, tags, newArticle, runWorkflowStep, renameTag, publishGate: (uri: vscode.Uri) => publishGate(ws, uri), onDidReportStep } });
}
