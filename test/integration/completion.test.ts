import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'qa-articles.qa-articles';
const CURSOR = '$$CURSOR$$';
const OURS = new Set([vscode.CompletionItemKind.Property, vscode.CompletionItemKind.EnumMember, vscode.CompletionItemKind.Keyword, vscode.CompletionItemKind.Value, vscode.CompletionItemKind.User]);

interface Api {
  workspace: { onDidChangeIndex: vscode.Event<{ uri?: vscode.Uri }> };
  indexReady: Promise<void>;
}

const joinLines = (...lines: string[]) => lines.join('\n');
const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const descriptionOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? undefined : i.label.description);

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

/** Documents given unsaved text, reverted after each test. */
const touched = new Set<vscode.TextDocument>();

/** Opens a file (created once, neutral on disk) and sets its unsaved text, returning the cursor position. */
async function openWith(rel: string, withCursor: string): Promise<{ doc: vscode.TextDocument; pos: vscode.Position }> {
  const uri = vscode.Uri.joinPath(root(), rel);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\ntitle: "Scratch"\n---\n'));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  touched.add(doc);
  await vscode.window.showTextDocument(doc);
  const offset = withCursor.indexOf(CURSOR);
  const text = withCursor.replace(CURSOR, '');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(doc.getText(), text);
  return { doc, pos: doc.positionAt(offset) };
}

/** Completion items at the cursor; `resolve` items get their details resolved, as the editor does for the focused one. */
async function completions(rel: string, withCursor: string, trigger?: string, resolve = 0): Promise<vscode.CompletionItem[]> {
  const { doc, pos } = await openWith(rel, withCursor);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, trigger, resolve);
  return list.items.filter((i) => i.kind !== undefined && OURS.has(i.kind) && i.sortText !== undefined);
}

const bySort = (items: vscode.CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
const ARTICLE = 'src/content/fraga-doktorn/zz-completion-scratch.md';
const OTHER = 'src/content/fraga-doktorn/zz-completion-other.md';

suite('completion', () => {
  // VS Code for the web saves after a delay by default; the scratch article's unsaved text must
  // not reach the index and change the counts under test.
  let autoSave: string | undefined;
  suiteSetup(async () => {
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect<string>('autoSave')?.workspaceValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    await api.indexReady;
  });
  suiteTeardown(async () => {
    // Later suites see the sample workspace as it was: no scratch articles, no changed setting.
    for (const rel of [ARTICLE, OTHER]) await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), rel)).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
  });

  teardown(async () => {
    for (const doc of touched) {
      if (!doc.isDirty || doc.isClosed) continue;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    touched.clear();
  });

  test('field names: lists the missing fields, required first, and inserts the block shape for question', async () => {
    const items = await completions(ARTICLE, joinLines('---', 'title: "Ont i axeln"', 'tags: ["smärta"]', CURSOR, '---', '', 'Svar.'), undefined, 100);
    const names = items.map(labelOf);
    assert.ok(!names.includes('title') && !names.includes('tags'), names.join(', '));
    for (const n of ['category', 'date', 'question', 'published', 'status']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    assert.deepEqual(bySort(items).slice(0, 3).map(labelOf), ['category', 'date', 'question']);
    const question = items.find((i) => labelOf(i) === 'question')!;
    assert.ok(question.insertText instanceof vscode.SnippetString);
    assert.equal(question.insertText.value, 'question: |\n  $0');
    assert.ok(question.documentation, 'the schema description is shown');
    const category = items.find((i) => labelOf(i) === 'category')!;
    assert.equal(category.command?.command, 'editor.action.triggerSuggest');

    // Inserting it as the editor would: the snippet becomes a `|` block with an indented line.
    const editor = vscode.window.activeTextEditor!;
    const range = question.range as vscode.Range;
    assert.ok(await editor.insertSnippet(question.insertText, range));
    assert.match(editor.document.getText(), /\nquestion: \|\r?\n {2}\r?\n---/);
  });

  test('tags in a flow list: corpus tags with counts, most used first, present ones excluded', async () => {
    const items = await completions(ARTICLE, joinLines('---', 'title: "x"', 'tags: ["stelhet", ' + CURSOR + ']', '---', ''), ',');
    const sorted = bySort(items);
    const names = sorted.map(labelOf);
    const counts = sorted.map((i) => Number(/^(\d+) articles?$/.exec(descriptionOf(i) ?? '')?.[1]));
    assert.ok(counts.every((n, i) => n > 0 && (i === 0 || n <= counts[i - 1])), `most used first: ${names.join(', ')}`);
    assert.ok(!names.includes('stelhet'));
    assert.ok(names.includes('smärta') && names.includes('frozen-shoulder'));
    assert.ok(names.indexOf('smärta') < names.indexOf('diabetes'), 'used twice before used once');
    const smarta = sorted.find((i) => labelOf(i) === 'smärta')!;
    assert.equal(descriptionOf(smarta), '2 articles');
    assert.equal(descriptionOf(sorted.find((i) => labelOf(i) === 'diabetes')!), '1 article');
    assert.equal(smarta.insertText, '"smärta"');
  });

  test('tags in a block list, and `smar` finds smärta', async () => {
    const items = await completions(ARTICLE, joinLines('---', 'title: "x"', 'tags:', '  - "träning"', '  - smar' + CURSOR, '---', ''));
    const names = items.map(labelOf);
    assert.ok(!names.includes('träning'));
    const smarta = items.find((i) => labelOf(i) === 'smärta');
    assert.ok(smarta, names.join(', '));
    // Ranked by the extension (å/ä/ö folded), first and preselected; the editor keeps that order.
    assert.equal(bySort(items)[0], smarta);
    assert.equal(smarta.preselect, true);
    assert.equal(smarta.insertText, '"smärta"');
    assert.equal(descriptionOf(smarta), '2 articles');
  });

  test('category values with labels, keeping the quote the user typed', async () => {
    const items = await completions(ARTICLE, joinLines('---', 'title: "x"', 'category: "' + CURSOR + '"', '---', ''), '"');
    assert.deepEqual(bySort(items).map(labelOf), ['axel', 'kna', 'armbage', 'annat']);
    const kna = items.find((i) => labelOf(i) === 'kna')!;
    assert.match(descriptionOf(kna) ?? '', /Knä/);
    assert.equal(kna.insertText, 'kna');
  });

  test('a tag saved in another article appears', async () => {
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    const other = vscode.Uri.joinPath(root(), OTHER);
    await vscode.workspace.fs.writeFile(other, Buffer.from('---\ntitle: "Annan"\n---\n'));
    const doc = await vscode.workspace.openTextDocument(other);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(other, new vscode.Position(2, 0), 'tags: ["helt-ny-tagg"]\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const indexed = new Promise<void>((resolve) => {
      const sub = api.workspace.onDidChangeIndex((e) => {
        if (e.uri?.fsPath === other.fsPath) {
          sub.dispose();
          resolve();
        }
      });
    });
    assert.ok(await doc.save());
    await indexed;
    const items = await completions(ARTICLE, joinLines('---', 'title: "x"', 'tags: [' + CURSOR + ']', '---', ''), '[');
    const added = items.find((i) => labelOf(i) === 'helt-ny-tagg');
    assert.ok(added, `the new tag is offered: ${items.map(labelOf).join(', ')}`);
    assert.equal(descriptionOf(added), '1 article');
  });

  test('nothing in README.md nor in the article body', async () => {
    const readme = await completions('README.md', joinLines('---', 'tags: [' + CURSOR + ']', '---', '# Sample'), '[');
    assert.deepEqual(readme.map(labelOf), []);
    const body = await completions(ARTICLE, joinLines('---', 'title: "x"', '---', '', 'tags: [' + CURSOR + ']'), '[');
    assert.deepEqual(body.map(labelOf), []);
  });
});
