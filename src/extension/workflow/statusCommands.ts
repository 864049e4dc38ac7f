import * as vscode from 'vscode';
import { localize } from '../l10n';
import { applyEdits } from '../../core/fix/index';
import { format } from '../../core/i18n/messages';
import { statusEdits, type WorkflowAction } from '../../core/workflow/statusEdits';
import type { Problem } from '../../core/types';
import { pathOf } from '../host/files';
import type { ArticleWorkspace } from '../host/workspace';
import { articleUriOf } from './labels';
import { confirmSkippedSteps, reportStep } from './stepMessages';

const COMMANDS: Record<string, WorkflowAction> = {
  'qaArticles.markDraft': 'markDraft',
  'qaArticles.markReady': 'markReady',
  'qaArticles.publish': 'publish',
  'qaArticles.unpublish': 'unpublish',
};

/** Whether the argument came from code (a Uri or path: no dialogs) rather than the palette or the view. */
function isSilent(arg: unknown): boolean {
  return arg instanceof vscode.Uri || typeof arg === 'string';
}

/**
 * Performs one workflow step on an article as a single undoable edit of its `status` and
 * `published` lines, then saves the article if it had no unsaved changes, so the index and the
 * Articles view follow. Publishing is refused while the article, as it would be once published,
 * has errors or warnings of the project's `blockPublish` rules. Resolves to whether it was done.
 */
export async function runWorkflowStep(ws: ArticleWorkspace, action: WorkflowAction, arg: unknown): Promise<boolean> {
  const silent = isSilent(arg);
  const uri = articleUriOf(arg);
  if (!uri) {
    if (!silent) void vscode.window.showWarningMessage(localize('Open an article first.'));
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = doc.getText();
  const result = statusEdits(text, action);
  // A refusal changes nothing and saves nothing; it says what to mend first.
  if (!result.ok) {
    if (!silent) void vscode.window.showErrorMessage(format(ws.lang, result.reason, ...result.args));
    return false;
  }
  const edits = result.edits;
  if (action === 'publish') {
    const blockers = publishProblems(ws, uri, applyEdits(text, edits), doc.encoding);
    if (blockers.length) {
      if (!silent) await showRefusal(doc, blockers);
      return false;
    }
  }
  if (!edits.length) {
    reportStep(action, text, uri, false);
    return true;
  }
  if (!(await confirmSkippedSteps(action, text, uri, silent))) return false;
  const wasDirty = doc.isDirty;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  if (!wasDirty) await doc.save();
  reportStep(action, doc.getText(), uri, true);
  return true;
}

/** The problems that would stop Publish now: those of the article's text as it would be once published (as it is, when the step would refuse to edit it); undefined without a frontmatter. */
export async function publishGate(ws: ArticleWorkspace, uri: vscode.Uri): Promise<Problem[] | undefined> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = doc.getText();
  const r = statusEdits(text, 'publish');
  if (r.ok) return publishProblems(ws, uri, applyEdits(text, r.edits), doc.encoding);
  // A step that refuses changes nothing: what stops it is in the text as it is (a YAML error, most often).
  return r.reason === 'workflow-no-frontmatter' ? undefined : publishProblems(ws, uri, text, doc.encoding);
}

/** The problems that stop publishing, checked on the text as it would be after publishing, saved in `encoding`. */
function publishProblems(ws: ArticleWorkspace, uri: vscode.Uri, after: string, encoding: string): Problem[] {
  // The same check as the editor's diagnostics, on the text as it would be: the project's settings and corpus.
  const service = ws.serviceOf(uri);
  return service.publishBlockers(service.check(pathOf(uri), after, undefined, encoding));
}

async function showRefusal(doc: vscode.TextDocument, problems: Problem[]): Promise<void> {
  const lines = problems.slice(0, 12).map((p) => localize('Line {0}: {1}', p.range.start.line + 1, p.message));
  if (problems.length > lines.length) lines.push(localize('… and {0} more', problems.length - lines.length));
  const show = localize('Show Problems');
  const choice = await vscode.window.showErrorMessage(
    localize('Not published: fix these problems first.'),
    { modal: true, detail: lines.join('\n') },
    show,
  );
  if (choice === show) {
    const editor = await vscode.window.showTextDocument(doc);
    const first = problems[0].range.start;
    editor.selection = new vscode.Selection(first.line, first.character, first.line, first.character);
    editor.revealRange(new vscode.Range(first.line, 0, first.line, 0));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}

export function registerStatusCommands(ws: ArticleWorkspace): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(COMMANDS).map(([id, action]) => vscode.commands.registerCommand(id, (arg?: unknown) => runWorkflowStep(ws, action, arg))),
  );
}
