// A doctor writing in the editor: tag completion while typing on the real corpus, a baseline
// that keeps legacy warnings out of the way, the summary fix on an answer that ends with
// bullets, and what a workflow step says. Runs last (file order): it adds the real corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { actionsUntil, ours, ruleOf, until } from './helpers/editor';
import type { QaArticlesApi } from '../../src/extension/extension';

const EXTENSION_ID = 'qa-articles.qa-articles';
const root = () => vscode.workspace.workspaceFolders![0].uri;
const content = () => vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn');
const created: vscode.Uri[] = [];
const enc = (s: string) => new TextEncoder().encode(s);

async function api(): Promise<QaArticlesApi> {
  const a = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as QaArticlesApi;
  await a.indexReady;
  return a;
}

async function open(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(content(), name);
  await vscode.workspace.fs.writeFile(uri, enc(text));
  created.push(uri);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

const article = (fields: string[], body: string) =>
  ['---', ...fields, 'date: 2024-03-01', 'published: true', 'question: |', '  Hej!', '  Varför gör axeln ont när jag lyfter armen?', '---', '', body].join('\n');

suite('writing an article', () => {
  suiteTeardown(async function () {
    this.timeout(120_000);
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('the summary fix labels the bullet list an answer already ends with', async () => {
    await api();
    const text = article(
      ['title: "Ont i axeln när jag lyfter armen"', 'category: "axel"', 'topic: "impingement"', 'tags: ["impingement", "smärta"]'],
      'Det du beskriver låter som impingement, en inklämning av senorna under axeltaket.\n\nSjukgymnastik brukar hjälpa inom några månader.\n\n- Trolig diagnos: impingement\n- Sjukgymnastik i första hand\n- Sök vård om det inte blir bättre\n',
    );
    const editor = await open('zz-summary-bullets.md', text);
    const uri = editor.document.uri;
    const d = await until(() => ours(uri).find((x) => ruleOf(x) === 'summary-block'), 'the summary-block warning');
    const action = await actionsUntil(uri, d.range, vscode.CodeActionKind.QuickFix, (a) => a.isPreferred === true && /summary/i.test(a.title));
    assert.equal(action.title, 'Label the final list as the summary');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(editor.document.getText(), text.replace('\n- Trolig', '\n**Sammanfattning:**\n- Trolig'));
    assert.equal(editor.document.getText().match(/Sammanfattning/g)?.length, 1);
    await until(() => !ours(uri).some((x) => ruleOf(x) === 'summary-block'), 'no summary-block warning after the fix');
  });

  test('a workflow step says what it did', async () => {
    const a = await api();
    const uri = (await vscode.commands.executeCommand('qaArticles.newArticle', { category: 'axel', title: 'Stel axel på morgonen' })) as vscode.Uri;
    created.push(uri);
    const said: string[] = [];
    const sub = a.workflow.onDidReportStep((m) => said.push(m));
    try {
      assert.equal(await vscode.commands.executeCommand('qaArticles.markDraft', uri), true);
      assert.equal(await vscode.commands.executeCommand('qaArticles.markDraft', uri), true);
    } finally {
      sub.dispose();
    }
    assert.deepEqual(said, ['"Stel axel på morgonen" is now a draft (not on the site).', '"Stel axel på morgonen" was already in that state: nothing changed.']);
  });

  test('a baseline hides the legacy warnings and shows a new one', async function () {
    this.timeout(60_000);
    await api();
    const text = article(['title: "Gammal artikel om axeln med en alldeles för lång rubrik för Google"', 'category: "axel"', 'tags: ["smärta"]'], 'Svaret.\n\n## En rubrik\n\nMer text.\n');
    const editor = await open('zz-baseline-legacy.md', text);
    const uri = editor.document.uri;
    const rules = () => ours(uri).map(ruleOf).sort();
    await until(() => rules().includes('answer-heading') && rules().includes('title-length'), 'the legacy warnings', 15_000, rules);
    const baseline = vscode.Uri.joinPath(root(), '.qa-articles-baseline.json');
    const counts: Record<string, { count: number }> = {};
    for (const r of rules()) (counts[r] ??= { count: 0 }).count++;
    await vscode.workspace.fs.writeFile(baseline, enc(JSON.stringify({ 'src/content/fraga-doktorn/zz-baseline-legacy.md': counts }, null, 2) + '\n'));
    created.push(baseline);
    await until(() => ours(uri).length === 0, 'the legacy warnings hidden by the baseline', 15_000, rules);
    // A new kind of warning, typed into the article: shown.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, editor.document.positionAt(text.indexOf('Mer text.')), 'Det kallas *impingement*. ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(() => rules().join() === 'answer-italics', 'only the new warning', 15_000, rules);
    await vscode.workspace.fs.delete(baseline);
    await until(() => rules().includes('answer-heading'), 'every warning again without the baseline', 15_000, rules);
  });

  test('tag completion opens as you type in a tags list and ranks smärta first for "sma" on the real corpus', async function () {
    this.timeout(180_000);
    const a = await api();
    const extRoot = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath;
    const corpus = path.resolve(extRoot, '..', 'shared', 'corpus', 'fraga-doktorn');
    if (!fs.existsSync(corpus)) {
      console.log(`# skipped: the real corpus is not at ${corpus}`);
      this.skip();
    }
    // A copy inside the workspace (never the read-only corpus itself), indexed by the watchers.
    const copy = vscode.Uri.joinPath(content(), 'zz-riktiga');
    created.push(copy);
    fs.mkdirSync(copy.fsPath, { recursive: true });
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md'));
    for (const f of files) fs.copyFileSync(path.join(corpus, f), path.join(copy.fsPath, f));
    const index = a.workspace.indexOf(copy);
    await until(() => [...index.files()].filter(([f]) => f.includes('/zz-riktiga/')).length === files.length, 'the real corpus in the index', 150_000, () => [...index.files()].length);

    const editor = await open('zz-typing.md', article(['title: "Ont när jag lyfter"', 'category: "axel"', 'tags: []'], 'Svar.\n'));
    const pos = editor.document.positionAt(editor.document.getText().indexOf('tags: [') + 'tags: ['.length);
    editor.selection = new vscode.Selection(pos, pos);
    // Typed letter by letter, not Ctrl+Space: the first letter opens the list.
    for (const ch of 'sma') await vscode.commands.executeCommand('type', { text: ch });
    assert.match(editor.document.lineAt(pos.line).text, /^tags: \[sma\]$/);
    // The suggestion the editor selected is what Enter/Tab would insert.
    await until(
      () => {
        if (/smärta/.test(editor.document.lineAt(pos.line).text)) return true;
        void vscode.commands.executeCommand('acceptSelectedSuggestion');
        return undefined;
      },
      'the preselected suggestion accepted',
      20_000,
      () => editor.document.lineAt(pos.line).text,
    );
    assert.equal(editor.document.lineAt(pos.line).text, 'tags: ["smärta"]');
  });
});
