import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, ours, root, ruleOf, until } from './helpers/editor';

/** Files this suite created, removed at its end. */
const created: vscode.Uri[] = [];

suite('settings', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const api = await vscode.extensions.getExtension('qa-articles.qa-articles')!.activate();
    await api.indexReady;
  });
  suiteTeardown(async function () {
    this.timeout(60_000);
    await cleanUp(created);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('qaArticles').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('qaArticles').update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  test('qaArticles.language gives Swedish messages in an English VS Code, without a reload', async () => {
    const api = (await vscode.extensions.getExtension('qa-articles.qa-articles')!.activate()) as { workflow: { articles: vscode.TreeDataProvider<unknown> } };
    const uri = vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn', 'frusen-axel-efter-fall.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const date = () => ours(uri).find((d) => ruleOf(d) === 'yaml-type');
    assert.match((await until(date, 'the quoted date')).message, /^Remove the quotes/);
    const groups = async () => {
      const nodes = (await api.workflow.articles.getChildren()) ?? [];
      return Promise.all(nodes.map(async (n) => String((await api.workflow.articles.getTreeItem(n)).label)));
    };

    await vscode.workspace.getConfiguration('qaArticles').update('language', 'sv', vscode.ConfigurationTarget.Global);
    await until(() => (date()?.message.startsWith('Ta bort citattecknen') ? true : undefined), 'the message in Swedish');
    assert.ok((await groups()).some((g) => g.startsWith('Publicerade')), (await groups()).join(', '));

    await vscode.workspace.getConfiguration('qaArticles').update('language', undefined, vscode.ConfigurationTarget.Global);
    await until(() => (date()?.message.startsWith('Remove the quotes') ? true : undefined), 'the message back in English');
    assert.ok((await groups()).some((g) => g.startsWith('Published')), (await groups()).join(', '));
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
