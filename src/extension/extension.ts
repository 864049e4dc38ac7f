import * as vscode from 'vscode';
import { registerCheckAll } from './checkAll';
import { registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerPreview, type PreviewApi } from './preview/register';
import { registerStatusBar } from './statusBar';
import { registerWorkflow, type WorkflowApi } from './workflow/register';
import { trackMessageLang } from './l10n';
import { registerProjectErrors } from './projectErrors';
import { ArticleWorkspace } from './host/workspace';
import { registerRuleHelp, type RuleHelpApi } from './ruleHelp';

/** When this module started evaluating (its bundled dependencies already have): activation timing starts here. */
const loadedAt = performance.now();

/** Startup timings in milliseconds, for the benchmarks. */
export interface StartupTimings {
  /** From this module's evaluation to the end of `activate`. */
  activationMs: number;
  /** The `activate()` call alone. */
  activateCallMs: number;
  /** From the end of `activate` until `indexReady` resolved; undefined until then. */
  indexMs?: number;
}

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface QaArticlesApi {
  workspace: ArticleWorkspace;
  /** Resolves when every folder's corpus index has been built once. */
  indexReady: Promise<void>;
  /** The live preview: render acknowledgements and what it shows. */
  preview: PreviewApi;
  /** The editorial workflow: Articles and Tags views, new articles, status steps, tag renames. */
  workflow: WorkflowApi;
  /** The per-rule help page that a diagnostic's code opens. */
  ruleHelp: RuleHelpApi;
  /** How long activation and the first index build took (read by the benchmarks). */
  timings: StartupTimings;
}

export function activate(context: vscode.ExtensionContext): QaArticlesApi {
  const calledAt = performance.now();
  // Before the workspace: its listener must reset the language before checkers are rebuilt.
  context.subscriptions.push(trackMessageLang());
  const ws = new ArticleWorkspace();
  context.subscriptions.push(ws);

  const preview = registerPreview(context, ws);
  const workflow = registerWorkflow(context, ws);
  const ruleHelp = registerRuleHelp(ws);
  const selector: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];
  context.subscriptions.push(
    registerDiagnostics(context, ws),
    registerCodeActions(context, ws, selector),
    registerCompletion(context, ws, selector),
    registerHover(context, ws, selector),
    registerStatusBar(context, ws),
    registerCheckAll(context, ws),
    preview,
    workflow,
    ruleHelp.disposable,
    registerArticleContextKey(ws),
    registerProjectErrors(ws),
  );

  // Indexing runs after activation, off its critical path.
  const indexReady = new Promise<void>((resolve) => setImmediate(() => void ws.buildAll().then(resolve, resolve)));
  const activatedAt = performance.now();
  const timings: StartupTimings = { activationMs: activatedAt - loadedAt, activateCallMs: activatedAt - calledAt };
  void indexReady.then(() => (timings.indexMs = performance.now() - activatedAt));
  return { workspace: ws, indexReady, preview: preview.api, workflow: workflow.api, ruleHelp: ruleHelp.api, timings };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** Keeps the `qaArticles.isArticle` context key in step with the active editor, for menus and keybindings. */
function registerArticleContextKey(ws: ArticleWorkspace): vscode.Disposable {
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'qaArticles.isArticle', !!doc && ws.isArticle(doc));
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidSaveTextDocument((d) => d === vscode.window.activeTextEditor?.document && update()),
    ws.onDidChangeSettings(update),
  );
}
