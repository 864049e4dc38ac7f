import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const root = () => vscode.workspace.workspaceFolders![0].uri;
const content = () => vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn');

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function setFolder(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('qaArticles', root()).update('newArticleFolder', value, vscode.ConfigurationTarget.Workspace);
}

suite('New Article stays inside the workspace', () => {
  const created: vscode.Uri[] = [];
  suiteSetup(async () => {
    await vscode.extensions.getExtension('qa-articles.qa-articles')!.activate();
  });
  suiteTeardown(async () => {
    await setFolder(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('a folder setting that is absolute or climbs out with .. writes nothing', async () => {
    const parent = path.dirname(root().fsPath);
    const title = 'Utanför arbetsytan';
    for (const setting of ['..', '../utanfor', 'src/content/../../..', parent, path.join(parent, 'utanfor')]) {
      await setFolder(setting);
      const made = await vscode.commands.executeCommand('qaArticles.newArticle', { category: 'axel', title });
      assert.equal(made, undefined, `newArticleFolder ${setting} should be refused`);
      for (const dir of [parent, path.join(parent, 'utanfor'), path.dirname(parent)]) {
        assert.equal(await exists(vscode.Uri.file(path.join(dir, 'utanfor-arbetsytan.md'))), false, `nothing written in ${dir}`);
      }
    }
  });

  test('a relative folder inside the workspace is used, .. included when it stays inside', async () => {
    await setFolder('src/content/../content/fraga-doktorn');
    const uri = (await vscode.commands.executeCommand('qaArticles.newArticle', { category: 'axel', title: 'Inne i arbetsytan' })) as vscode.Uri;
    assert.ok(uri);
    created.push(uri);
    assert.equal(uri.fsPath, vscode.Uri.joinPath(content(), 'inne-i-arbetsytan.md').fsPath);
  });

  test('a title that is a Windows device name gets a file name Windows can open', async () => {
    await setFolder(undefined);
    for (const [title, file] of [['CON', 'con-artikel.md'], ['Nul', 'nul-artikel.md'], ['lpt9', 'lpt9-artikel.md']]) {
      const uri = (await vscode.commands.executeCommand('qaArticles.newArticle', { category: 'axel', title })) as vscode.Uri;
      assert.ok(uri, title);
      created.push(uri);
      assert.equal(path.basename(uri.fsPath), file);
    }
  });
});
