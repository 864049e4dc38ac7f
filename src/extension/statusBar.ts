import * as vscode from 'vscode';
import { localize } from './l10n';
import { DIAGNOSTIC_SOURCE } from './editor/problemSet';
import { workflowState, type WorkflowState } from '../core/workflow/state';
import type { ArticleWorkspace } from './host/workspace';

const ICON: Record<WorkflowState, string> = {
  unanswered: '$(question)',
  draft: '$(edit)',
  ready: '$(check)',
  published: '$(globe)',
};

/** The state in the writer's words: the status words the site uses, and "published". */
function label(s: WorkflowState): string {
  switch (s) {
    case 'unanswered':
      return localize('unanswered');
    case 'draft':
      return localize('draft');
    case 'ready':
      return localize('ready');
    case 'published':
      return localize('published');
  }
}

/** The active article's workflow state and problem counts; click to open the Problems panel. */
export function registerStatusBar(context: vscode.ExtensionContext, ws: ArticleWorkspace): vscode.Disposable {
  void context;
  const item = vscode.window.createStatusBarItem('qaArticles.status', vscode.StatusBarAlignment.Left, 50);
  item.name = localize('Q&A Article');
  item.command = 'qaArticles.showProblems';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !ws.isArticle(doc)) {
      item.hide();
      return;
    }
    const state = workflowState(ws.parsed(doc).data);
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    item.text = `${ICON[state]} ${label(state)}  $(error) ${errors} $(warning) ${warnings}`;
    item.tooltip = localize('Article: {0}. {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}. Click to show the problems.', label(state), errors, warnings);
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  // Typing changes the state only through the frontmatter; a short debounce keeps parsing off each keystroke.
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      update();
    }, 100);
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.commands.registerCommand('qaArticles.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && soon()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) update();
    }),
    ws.onDidChangeSettings(update),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
