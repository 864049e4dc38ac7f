import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Each test file is bundled on its own, so these few helpers live here and in the sibling editor tests.
const SOURCE = 'qa-articles';
const root = () => vscode.workspace.workspaceFolders![0].uri;
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function until<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
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
      if (v !== undefined) finish(undefined, v);
    };
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const tick = setInterval(check, 50);
    subs.push(vscode.languages.onDidChangeDiagnostics(check));
    check();
  });
}

/** Files a test created: reverted, closed and deleted afterwards so later suites see the sample corpus only. */
const created: vscode.Uri[] = [];
async function cleanUp(): Promise<void> {
  const uris = created.splice(0);
  const keys = new Set(uris.map((u) => u.toString()));
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && keys.has(d.uri.toString()))) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await Promise.all(uris.map((u) => vscode.workspace.fs.delete(u, { useTrash: false }).then(undefined, () => undefined)));
}

suite('settings', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const api = await vscode.extensions.getExtension('qa-articles.qa-articles')!.activate();
    await api.indexReady;
  });
  suiteTeardown(async function () {
    this.timeout(60_000);
    await cleanUp();
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('qaArticles').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('qaArticles.rules changes a rule’s severity, or turns it off, without a reload', async () => {
    const uri = vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn', 'it-settings-title.md');
    const text = [
      '---',
      'title: "En mycket lång rubrik om en axel som blivit stel efter ett fall på isen i vintras"',
      'description: "En beskrivning som är lagom lång för Googles sökresultat och för förhandsvisningen när artikeln delas, mellan 120 och 160 tecken."',
      'category: "axel"',
      'date: 2024-02-01',
      'published: false',
      'question: |',
      '  Varför?',
      '---',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    created.push(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const title = () => ours(uri).find((d) => ruleOf(d) === 'title-length');
    const d = await until(title, 'title-length');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);

    const cfg = () => vscode.workspace.getConfiguration('qaArticles');
    await cfg().update('rules', { 'title-length': 'error' }, vscode.ConfigurationTarget.Workspace);
    await until(() => (title()?.severity === vscode.DiagnosticSeverity.Error ? true : undefined), 'title-length as an error');

    await cfg().update('rules', { 'title-length': 'off' }, vscode.ConfigurationTarget.Workspace);
    await until(() => (title() ? undefined : true), 'title-length to be off');

    await cfg().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    const back = await until(title, 'title-length back');
    assert.equal(back.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('qaArticles.include decides which files are articles', async () => {
    const uri = vscode.Uri.joinPath(root(), 'notes', 'it-settings-note.md');
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\ntitle: "Anteckning"\ndate: "2024-02-01"\n---\n\nText.\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const cfg = () => vscode.workspace.getConfiguration('qaArticles');
    const before = cfg().get<string[]>('include');
    await cfg().update('include', ['src/content/fraga-doktorn/**/*.md', 'notes/**/*.md'], vscode.ConfigurationTarget.Workspace);
    try {
      await until(() => ours(uri).find((d) => ruleOf(d) === 'schema-required'), 'notes/ to be checked');
    } finally {
      await cfg().update('include', before && before.length === 1 && before[0] === 'src/content/fraga-doktorn/**/*.md' ? undefined : before, vscode.ConfigurationTarget.Workspace);
    }
    await until(() => (ours(uri).length ? undefined : true), 'notes/ to be left alone again');
  });
});
