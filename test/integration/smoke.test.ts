import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'qa-articles.qa-articles';

/**
 * Resolves once `condition()` holds. VS Code has no public "extension activated" event, so this
 * re-checks whenever the editor state changes and on a short tick, and fails after `timeoutMs`
 * (no fixed delays).
 */
function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (err?: Error) => {
      clearInterval(tick);
      clearTimeout(timer);
      subs.forEach((d) => d.dispose());
      if (err) reject(err);
      else resolve();
    };
    const check = () => {
      if (condition()) done();
    };
    const tick = setInterval(check, 25);
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    subs.push(
      vscode.window.onDidChangeActiveTextEditor(check),
      vscode.workspace.onDidOpenTextDocument(check),
      vscode.languages.onDidChangeDiagnostics(check),
    );
    check();
  });
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run should open a workspace folder');
  return folder.uri;
}

suite('smoke', () => {
  test('the extension is installed', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} should be among ${vscode.extensions.all.length} extensions`);
    assert.equal(ext.packageJSON.name, 'qa-articles');
  });

  test('the test workspace is a scratch copy', () => {
    const ws = process.env.QA_TEST_WORKSPACE;
    assert.ok(ws, 'QA_TEST_WORKSPACE should reach the extension host');
    assert.equal(workspaceRoot().fsPath, path.resolve(ws));
  });

  test('opening a Markdown file activates the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    if (ext.isActive) {
      // e.g. activated by `workspaceContains:` because the sample workspace has articles
      console.log(`    (note: ${EXTENSION_ID} was already active before a Markdown file was opened)`);
    }
    const file = vscode.Uri.joinPath(workspaceRoot(), 'smoke-activation.md');
    await vscode.workspace.fs.writeFile(file, Buffer.from('# Smoke\n\nOpened by the integration tests.\n'));
    const doc = await vscode.workspace.openTextDocument(file);
    assert.equal(doc.languageId, 'markdown');
    await vscode.window.showTextDocument(doc);
    await waitFor(() => ext.isActive, `${EXTENSION_ID} to activate`);
    assert.ok(ext.isActive);
  });
});
