import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, ours, root, ruleOf, SOURCE, until } from './helpers/editor';

/** Files this suite created, removed at its end. */
const created: vscode.Uri[] = [];

const articleUri = (name: string) => vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn', `it-diag-${name}.md`);

async function openArticle(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = articleUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  created.push(uri);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

function diagnosticOf(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic> {
  const seen = () => ours(uri).map((d) => [ruleOf(d), d.message]);
  return until(() => ours(uri).find((d) => ruleOf(d) === rule), `${rule} on ${uri.path}`, undefined, seen);
}

async function replaceText(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
  const doc = editor.document;
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `${JSON.stringify(from)} in the document`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

const article = (title: string, extra: { fm?: Record<string, string>; body?: string } = {}) => {
  const fm: Record<string, string> = {
    title: `"${title}"`,
    description: '"En beskrivning som är lagom lång för Googles sökresultat och för förhandsvisningen när artikeln delas, mellan 120 och 160 tecken."',
    category: '"axel"',
    topic: '"frozen-shoulder"',
    tags: '["frozen-shoulder", "stelhet"]',
    date: '2024-02-01',
    published: 'true',
    question: '|\n  Varför blir axeln stel?',
    ...extra.fm,
  };
  const lines = Object.entries(fm).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`);
  return ['---', ...lines, '---', '', extra.body ?? 'Axeln blir stel av en inflammation i ledkapseln.', '', '**Sammanfattning:**', '- Stelheten går över', ''].join('\n');
};


suite('diagnostics', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const api = await vscode.extensions.getExtension('qa-articles.qa-articles')!.activate();
    await api.indexReady;
  });
  suiteTeardown(async function () {
    this.timeout(60_000);
    await cleanUp(created);
  });

  test('an article gets diagnostics with rule codes and a docs link; README.md never does', async () => {
    const editor = await openArticle('readme-probe', article('Stel axel en', { fm: { date: '"2024-02-01"' } }));
    const d = await diagnosticOf(editor.document.uri, 'yaml-type');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, SOURCE);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().startsWith('command:qaArticles.ruleHelp'), 'code opens the rule\'s help page');

    const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'README.md'));
    await vscode.window.showTextDocument(readme);
    // A later check of the article proves the extension has processed events since README.md opened.
    await vscode.window.showTextDocument(editor.document);
    await replaceText(editor, '"2024-02-01"', '2024-02-01');
    await until(() => (ours(editor.document.uri).some((x) => ruleOf(x) === 'yaml-type') ? undefined : true), 'the fixed date to clear');
    assert.deepEqual(ours(readme.uri), []);
    const api = vscode.extensions.getExtension('qa-articles.qa-articles')!.exports;
    assert.equal(api.workspace.isArticle(readme), false);
  });

  const families: { name: string; rule: string; text: string; range: string; fix: [string, string] }[] = [
    { name: 'YAML syntax: colon in a plain value', rule: 'yaml-syntax', text: article('x').replace('title: "x"', 'title: Axeln: stel'), range: 'Axeln: stel', fix: ['Axeln: stel', '"Axeln: stel"'] },
    { name: 'required field missing', rule: 'schema-required', text: article('Stel axel två', { fm: { category: '' } }), range: '---', fix: ['date:', 'category: "axel"\ndate:'] },
    { name: 'quoted date', rule: 'yaml-type', text: article('Stel axel tre', { fm: { date: '"2024-02-01"' } }), range: '"2024-02-01"', fix: ['"2024-02-01"', '2024-02-01'] },
    { name: 'category outside the list', rule: 'schema-enum', text: article('Stel axel fyra', { fm: { category: '"Axel"' } }), range: '"Axel"', fix: ['"Axel"', '"axel"'] },
    { name: 'title too long', rule: 'title-length', text: article('En mycket lång rubrik om en axel som har blivit stel efter ett fall på isen'), range: '"En mycket lång rubrik om en axel som har blivit stel efter ett fall på isen"', fix: ['En mycket lång rubrik om en axel som har blivit stel efter ett fall på isen', 'Stel axel efter fall'] },
    { name: 'tag variant', rule: 'tag-variant', text: article('Stel axel fem', { fm: { tags: '["Frozen shoulder", "stelhet"]' } }), range: '"Frozen shoulder"', fix: ['"Frozen shoulder"', '"frozen-shoulder"'] },
    { name: 'personal data', rule: 'personal-data', text: article('Stel axel sex', { body: 'Ring mig på 070-123 45 67 om du undrar något.' }), range: '070-123 45 67', fix: ['Ring mig på 070-123 45 67 om du undrar något.', 'Hör av dig via formuläret.'] },
  ];
  for (const f of families) {
    test(`${f.name}: at the right range, and gone once fixed`, async () => {
      const editor = await openArticle(f.rule + '-' + families.indexOf(f), f.text);
      const uri = editor.document.uri;
      const d = await diagnosticOf(uri, f.rule);
      assert.equal(editor.document.getText(d.range), f.range);
      await replaceText(editor, f.fix[0], f.fix[1]);
      await until(() => (ours(uri).some((x) => ruleOf(x) === f.rule) ? undefined : true), `${f.rule} to clear`);
    });
  }

  test('an article VS Code reads as UTF-16 or Windows 1252 gets what the site makes of those bytes, and Publish is refused for UTF-16', async function () {
    this.timeout(60_000);
    // As Windows' Notepad saves "Unicode": UTF-16 LE with its byte order mark. VS Code shows the text as written.
    const u16 = articleUri('utf16');
    await vscode.workspace.fs.writeFile(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article('Stel axel elva', { fm: { published: 'false' } }), 'utf16le')]));
    created.push(u16);
    const doc16 = await vscode.workspace.openTextDocument(u16);
    await vscode.window.showTextDocument(doc16);
    assert.equal(doc16.encoding, 'utf16le');
    const d16 = await diagnosticOf(u16, 'file-unreadable');
    assert.equal(d16.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d16.message, /^This file is saved as UTF-16 \(Windows calls it "Unicode"\), and the site reads articles as UTF-8 only/);
    const api = vscode.extensions.getExtension('qa-articles.qa-articles')!.exports;
    const gate = (await api.workflow.publishGate(u16)) as { rule: string }[];
    assert.deepEqual(gate.map((p) => p.rule), ['file-unreadable']);
    // In Windows 1252 (one byte a letter) the site builds it and shows å, ä, ö as �: a warning at the first such letter.
    const latin = articleUri('windows1252');
    await vscode.workspace.fs.writeFile(latin, Buffer.from(article('Stel axel tolv'), 'latin1'));
    created.push(latin);
    const docLatin = await vscode.workspace.openTextDocument(latin, { encoding: 'windows1252' });
    await vscode.window.showTextDocument(docLatin);
    assert.equal(docLatin.encoding, 'windows1252');
    const dl = await diagnosticOf(latin, 'file-encoding');
    assert.equal(dl.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(docLatin.getText(dl.range), 'ä');
    assert.match(dl.message, /^This file is saved as Windows 1252, and the site reads articles as UTF-8 only/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .markdown file among the articles is told the site makes no page of it, open or not; once renamed .md it is not', async function () {
    this.timeout(60_000);
    const uri = vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn', 'it-diag-not-built.markdown');
    // A quoted date too, so that a check of the renamed file is seen to have come.
    await vscode.workspace.fs.writeFile(uri, Buffer.from(article('Stel axel nio', { fm: { date: '"2024-02-01"' } })));
    created.push(uri);
    // Check All finds it, closed.
    await vscode.commands.executeCommand('qaArticles.checkAll');
    const closed = ours(uri).find((d) => ruleOf(d) === 'file-left-out');
    assert.ok(closed, JSON.stringify(ours(uri).map((d) => d.message)));
    assert.match(closed.message, /no page of “it-diag-not-built\.markdown”\. Rename the file “it-diag-not-built\.md”/);
    assert.equal(closed.severity, vscode.DiagnosticSeverity.Warning);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const d = await diagnosticOf(uri, 'file-left-out');
    assert.equal(editor.document.getText(d.range), '---');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const renamed = articleUri('not-built');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    created.push(renamed);
    const doc = await vscode.workspace.openTextDocument(renamed);
    await vscode.window.showTextDocument(doc);
    await diagnosticOf(renamed, 'yaml-type');
    assert.deepEqual(ours(renamed).map(ruleOf), ['yaml-type']);
    assert.ok(vscode.extensions.getExtension('qa-articles.qa-articles')!.exports.workspace.isArticle(doc));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Check All Articles fills the Problems panel for a file that is not open and returns a summary', async function () {
    this.timeout(60_000);
    const uri = articleUri('not-open');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(article('Stel axel sju', { fm: { date: '"2024-02-01"' } })));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    const summary = (await vscode.commands.executeCommand('qaArticles.checkAll')) as { files: number; errors: number; warnings: number; byRule: Record<string, number> };
    assert.ok(summary.files >= 10, `files: ${summary.files}`);
    assert.ok(summary.errors >= 1 && summary.warnings >= 1, JSON.stringify(summary));
    assert.ok(summary.byRule['yaml-type'] >= 1, JSON.stringify(summary.byRule));
    assert.equal(Object.values(summary.byRule).reduce((a, b) => a + b, 0) >= summary.errors + summary.warnings, true);
    assert.ok(ours(uri).some((d) => ruleOf(d) === 'yaml-type'), 'the closed file has its problem');
    // The README is no article, even for Check All.
    assert.deepEqual(ours(vscode.Uri.joinPath(root(), 'README.md')), []);

    // Deleted as the Explorer deletes (a file operation, which VS Code announces to extensions
    // at once); a deletion outside VS Code reaches the extension through its file watcher.
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uri);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(() => (ours(uri).length ? undefined : true), 'the deleted file to lose its problems');
  });
});
