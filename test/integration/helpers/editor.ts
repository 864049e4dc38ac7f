// Helpers shared by the integration suites (bundled into each suite by scripts/build-tests.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const SOURCE = 'qa-articles';
export const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
/** Our diagnostics of a file. */
export const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
/** The rule id a diagnostic carries as its code. */
export const ruleOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/**
 * Resolves with the probe's value once it has one (not undefined, not false); re-probes on
 * diagnostics, edit and save events and on a short tick, fails after a deadline with `what`
 * and, when given, a description of the state at that moment.
 */
export function until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 15_000, state?: () => unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const finish = (err?: Error, v?: T) => {
      clearTimeout(timer);
      clearInterval(tick);
      subs.forEach((d) => d.dispose());
      if (err) reject(err);
      else resolve(v as T);
    };
    const check = () => {
      const v = probe();
      if (v !== undefined && v !== false) finish(undefined, v);
    };
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}${state ? `; now: ${JSON.stringify(state())}` : ''}`)), timeoutMs);
    const tick = setInterval(check, 50);
    subs.push(vscode.languages.onDidChangeDiagnostics(check), vscode.workspace.onDidChangeTextDocument(check), vscode.workspace.onDidSaveTextDocument(check));
    check();
  });
}

/** Reverts, closes and deletes the files a suite created, so later suites see the sample corpus only. */
export async function cleanUp(created: vscode.Uri[]): Promise<void> {
  const uris = created.splice(0);
  const keys = new Set(uris.map((u) => u.toString()));
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && keys.has(d.uri.toString()))) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await Promise.all(uris.map((u) => vscode.workspace.fs.delete(u, { useTrash: false }).then(undefined, () => undefined)));
}

/** Requests code actions until one satisfies `pick` (the command's results do not carry the attached diagnostics). */
export async function actionsUntil(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind, pick: (a: vscode.CodeAction) => boolean, timeoutMs = 10_000): Promise<vscode.CodeAction> {
  const deadline = Date.now() + timeoutMs;
  let titles: string[] = [];
  for (;;) {
    // Right after an editor opens, the workbench's own request can cancel ours ("Canceled"): ask again.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value).then(
      (a) => a,
      (e: Error) => (/cancel/i.test(String(e?.message ?? e)) ? [] : Promise.reject(e)),
    );
    const found = actions.find(pick);
    if (found) return found;
    titles = actions.map((a) => a.title);
    if (Date.now() > deadline) assert.fail(`no matching ${kind.value} action; got ${titles.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
