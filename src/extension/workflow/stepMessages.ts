import * as vscode from 'vscode';
import { localize } from '../l10n';
import { parseArticle } from '../../core/parse';
import { workflowState, type WorkflowAction, type WorkflowState } from '../../core/workflow/statusEdits';

/** Every message a workflow step shows, for tests and other extensions to follow. */
const emitter = new vscode.EventEmitter<string>();
export const onDidReportStep: vscode.Event<string> = emitter.event;

/** What the writer calls the article: its title, else its file name. */
function nameOf(text: string, uri: vscode.Uri): string {
  const title = parseArticle(text).data?.title;
  return typeof title === 'string' && title.trim() ? title.trim() : uri.path.split('/').pop() ?? uri.path;
}

/** The article's workflow state as its text says. */
export function stateOf(text: string): WorkflowState {
  return workflowState(parseArticle(text).data);
}

/**
 * Publishing an article that is still unanswered or a draft skips steps: asks first (from the
 * palette or the view; a call from code does not ask). Resolves to whether to go on.
 */
export async function confirmSkippedSteps(action: WorkflowAction, text: string, uri: vscode.Uri, silent: boolean): Promise<boolean> {
  if (action !== 'publish' || silent) return true;
  const state = stateOf(text);
  if (state !== 'unanswered' && state !== 'draft') return true;
  const name = nameOf(text, uri);
  const question =
    state === 'unanswered'
      ? localize('Publish "{0}"? It is still unanswered: the draft and ready steps are skipped.', name)
      : localize('Publish "{0}"? It is still a draft: the ready step is skipped.', name);
  const publish = localize('Publish Anyway');
  return (await vscode.window.showWarningMessage(question, { modal: true }, publish)) === publish;
}

/** Says in the status bar what a step did (or that nothing changed). */
export function reportStep(action: WorkflowAction, text: string, uri: vscode.Uri, changed: boolean): void {
  const name = nameOf(text, uri);
  const message = !changed
    ? localize('"{0}" was already in that state: nothing changed.', name)
    : action === 'markDraft'
      ? localize('"{0}" is now a draft (not on the site).', name)
      : action === 'markReady'
        ? localize('"{0}" is ready to publish (not on the site yet).', name)
        : action === 'publish'
          ? localize('"{0}" is published: it is on the site from its next build.', name)
          : localize('"{0}" is no longer published: the site stops listing it from its next build.', name);
  void vscode.window.setStatusBarMessage(message, 8000);
  emitter.fire(message);
}
