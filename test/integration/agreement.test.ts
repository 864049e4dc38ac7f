// The same file gives the same problems in every host: the CLI's JSON, the editor's
// diagnostics, Check All, the preview's problem list and the publish gate, under two project configs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { statusEdits } from '../../src/core/workflow/statusEdits';
import { cleanUp, ours, root, ruleOf, until } from './helpers/editor';

const EXTENSION_ID = 'qa-articles.qa-articles';

interface Api {
  workspace: { lang: string; allFolders(): { settings: { config: { titleMax: number } } }[] };
  indexReady: Promise<void>;
  preview: { onDidRender: vscode.Event<{ uri: string; html: string }> };
  workflow: { publishGate(uri: vscode.Uri): Promise<{ rule: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] | undefined> };
}

/** One problem as every host can state it. */
type Row = string;
const row = (line: number, col: number, severity: string, rule: string, message: string): Row => `${line}:${col} ${severity} ${rule} ${message}`;
const SEVERITY = ['error', 'warning', 'info', 'hint'];

const FIXTURES: Record<string, string> = {
  // 65 characters: over the default limit of 60, within a project's 70.
  'agree-title.md': ['---', `title: "${'Lång rubrik om ont i axeln '.repeat(3).slice(0, 65)}"`, 'category: "axel"', 'date: 2020-01-02', 'question: |', '  Hej.', 'x-agree: 1', '---', '', 'Svar.', '', '**Sammanfattning:**', '- En punkt', ''].join('\n'),
  // A plain "Sammanfattning:" line with bullets: one detector for the rule and the preview.
  'agree-summary.md': ['---', 'title: "Sammanfattning utan fetstil"', 'category: "axel"', 'date: 2020-01-03', 'question: |', '  Hej.', 'x-agree: 1', '---', '', 'Svar.', '', 'Sammanfattning:', '- En punkt', ''].join('\n'),
  // Published but unanswered: one workflow state, one warning.
  'agree-state.md': ['---', 'title: "Obesvarad men publicerad"', 'category: "axel"', 'date: 2020-01-04', 'published: true', 'status: obesvarad', 'question: |', '  Hej.', 'x-agree: 1', '---', '', '## Rubrik', '', 'Svar.', ''].join('\n'),
  // Build errors: a quoted date, a duplicate key (CR LF line ends).
  'agree-errors.md': ['---', 'title: "Trasig"', 'category: "axel"', 'date: "2020-01-05"', 'question: "Hej"', 'x-agree: 1', 'x-agree: 2', '---', '', 'Svar.', ''].join('\r\n'),
};

function api(): Api {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext?.isActive, 'the extension should be active');
  return ext.exports;
}

function diagnosticRows(uri: vscode.Uri): Row[] {
  return ours(uri)
    .map((d) => row(d.range.start.line + 1, d.range.start.character + 1, SEVERITY[d.severity], ruleOf(d), d.message))
    .sort();
}

function cliRows(files: vscode.Uri[], lang: string): Map<string, Row[]> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const r = spawnSync(process.execPath, [path.join(ext.extensionPath, 'dist', 'cli.js'), 'check', '--format', 'json', '--lang', lang, ...files.map((f) => f.fsPath)], { cwd: root().fsPath, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `the CLI ran (exit ${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { problems: { file: string; line: number; column: number; severity: string; rule: string; message: string }[] };
  const by = new Map<string, Row[]>(files.map((f) => [path.basename(f.fsPath), []]));
  for (const p of out.problems) by.get(path.basename(p.file))?.push(row(p.line, p.column, p.severity, p.rule, p.message));
  for (const rows of by.values()) rows.sort();
  return by;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Problems in the preview's list: rule, line and message (the list shows no column). */
function previewRows(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<li class="qa-problem qa-sev-(\w+)" data-qa="problem" data-line="(\d+)" data-rule="([^"]+)">[\s\S]*?<span class="qa-problem-message">([\s\S]*?)<\/span><\/li>/g)) {
    out.push(`${Number(m[2]) + 1} ${m[1]} ${unescape(m[3])} ${unescape(m[4])}`);
  }
  return out.sort();
}
const withoutColumn = (rows: Row[]) => rows.map((r) => r.replace(/^(\d+):\d+ /, '$1 ')).sort();

async function previewOf(uri: vscode.Uri): Promise<string> {
  const rendered = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no preview render of ${uri.path}`)), 30_000);
    const sub = api().preview.onDidRender((e) => {
      if (e.uri !== uri.toString()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e.html);
    });
  });
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('qaArticles.openPreview');
  return rendered;
}

suite('the CLI, the editor, the preview and the publish gate agree', () => {
  const created: vscode.Uri[] = [];
  const config = () => vscode.Uri.joinPath(root(), '.qa-articles.json');
  let original: Uint8Array | undefined;
  let autoSave: string | undefined;

  suiteSetup(async () => {
    // VS Code for the web saves after a delay by default: the gate's unsaved publish must stay unsaved.
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect<string>('autoSave')?.workspaceValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    await api().indexReady;
    original = await vscode.workspace.fs.readFile(config()).then((b) => b, () => undefined);
    for (const [name, text] of Object.entries(FIXTURES)) {
      const uri = vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn', name);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      created.push(uri);
    }
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (original) await vscode.workspace.fs.writeFile(config(), original);
    await until(() => api().workspace.allFolders()[0].settings.config.titleMax === 60, 'the original config back');
    await cleanUp(created);
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
  });

  const configs: [string, { include: string[]; titleMax?: number; rules?: Record<string, string>; blockPublish?: string[] }, number][] = [
    ['the default config', { include: ['src/content/fraga-doktorn/**/*.md'] }, 60],
    ['titleMax 70, a rule off, more blockPublish', { include: ['src/content/fraga-doktorn/**/*.md'], titleMax: 70, rules: { 'answer-heading': 'off' }, blockPublish: ['published-incomplete', 'unknown-field'] }, 70],
  ];
  for (const [label, cfg, titleMax] of configs) {
    test(label, async () => {
      await vscode.workspace.fs.writeFile(config(), new TextEncoder().encode(JSON.stringify(cfg, null, 2)));
      await until(() => api().workspace.allFolders()[0].settings.config.titleMax === titleMax, `the config with titleMax ${titleMax} in force`);
      const cli = cliRows(created, api().workspace.lang);
      for (const uri of created) {
        const name = path.basename(uri.fsPath);
        const expected = cli.get(name)!;
        assert.ok(expected.length > 0, `${name}: every fixture has a problem`);
        await vscode.window.showTextDocument(uri);
        // The editor's diagnostics settle on the new config; then they must be the CLI's, row for row.
        await until(() => JSON.stringify(diagnosticRows(uri)) === JSON.stringify(expected), `${name}: diagnostics equal to the CLI's`, 15_000, () => ({ editor: diagnosticRows(uri), cli: expected })).catch(() => undefined);
        assert.deepEqual(diagnosticRows(uri), expected, `${name}: editor vs CLI`);
        assert.deepEqual(previewRows(await previewOf(uri)), withoutColumn(expected), `${name}: preview vs CLI`);
        // The gate judges the text as it would be once published: publish it in the editor, unsaved,
        // and the diagnostics of that version that block (errors, blockPublish warnings) are the gate's.
        const gate = await api().workflow.publishGate(uri);
        assert.ok(gate, `${name}: there is a frontmatter to publish`);
        const gateRows = gate.map((p) => row(p.range.start.line + 1, p.range.start.character + 1, p.severity, p.rule, p.message)).sort();
        const doc = await vscode.workspace.openTextDocument(uri);
        const step = statusEdits(doc.getText(), 'publish');
        const edits = step.ok ? step.edits : [];
        const edit = new vscode.WorkspaceEdit();
        for (const e of edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        const before = doc.version;
        // Publish refuses to edit a frontmatter with a YAML error: then the text as it is is what the gate judges.
        if (edits.length) assert.ok(await vscode.workspace.applyEdit(edit));
        const block = new Set(cfg.blockPublish ?? ['published-incomplete', 'personal-data', 'file-left-out']);
        const blocking = () => diagnosticRows(uri).filter((r) => / error /.test(r) || [...block].some((b) => r.includes(` warning ${b} `)));
        await until(() => (doc.version > before || !edits.length) && JSON.stringify(blocking()) === JSON.stringify(gateRows), `${name}: blocking diagnostics equal the gate`, 10_000).catch(() => undefined);
        assert.deepEqual(blocking(), gateRows, `${name}: gate vs editor`);
        // Back to the fixture as it is on disk (it was never saved).
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), FIXTURES[name]);
      }
      // Check All reads the closed files from disk: the same rows again.
      await vscode.commands.executeCommand('qaArticles.checkAll');
      for (const uri of created) {
        const expected = cli.get(path.basename(uri.fsPath))!;
        await until(() => JSON.stringify(diagnosticRows(uri)) === JSON.stringify(expected), `${uri.path}: Check All equal to the CLI`, 15_000).catch(() => undefined);
        assert.deepEqual(diagnosticRows(uri), expected, `${path.basename(uri.fsPath)}: Check All vs CLI`);
      }
    });
  }
});
