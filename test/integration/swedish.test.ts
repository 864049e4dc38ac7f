import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { actionsUntil } from './helpers/editor';

// Runs in a VS Code started with `--locale sv` (npm test does a second run for it); in the
// English run it is skipped.
const EXTENSION_ID = 'qa-articles.qa-articles';

interface Api {
  indexReady: Promise<void>;
  workflow: { articles: vscode.TreeDataProvider<unknown> };
}

async function diagnosticsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'qa-articles');
  if (ours().length) return ours();
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && ours().length) {
        sub.dispose();
        resolve(ours());
      }
    });
  });
}

suite('Swedish display language', () => {
  let api: Api;
  suiteSetup(async function () {
    if (!vscode.env.language.startsWith('sv')) this.skip();
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    await api.indexReady;
  });

  test('problems, quick fixes and the Articles view speak Swedish', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(root, 'src/content/fraga-doktorn/frusen-axel-efter-fall.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsOf(uri);
    const date = diags.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'yaml-type');
    assert.ok(date, diags.map((d) => d.message).join('\n'));
    assert.match(date.message, /^Ta bort citattecknen: webbplatsen läser "2024-01-20" som text/);

    await actionsUntil(uri, date.range, vscode.CodeActionKind.QuickFix, (a) => a.title === 'Ta bort citattecknen');

    const groups = (await api.workflow.articles.getChildren()) ?? [];
    const labels = await Promise.all(groups.map(async (g) => {
      const item = await api.workflow.articles.getTreeItem(g);
      return typeof item.label === 'string' ? item.label : item.label?.label;
    }));
    assert.ok(labels.some((l) => l?.startsWith('Obesvarade') || l?.startsWith('Utkast')), labels.join(', '));
  });
});
