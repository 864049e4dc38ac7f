import * as vscode from 'vscode';
import { format } from '../core/i18n/messages';
import type { LoadProblem } from '../core/project/settings';
import { siteFilePaths } from '../core/site/host';
import { describeSiteError } from '../core/site/lookup';
import { localize } from './l10n';
import { DIAGNOSTIC_SOURCE } from './editor/problemSet';
import type { ArticleFolder, ArticleWorkspace } from './host/workspace';

/**
 * A config or schema file that cannot be used is never silent: a diagnostic at the fault in
 * that file, and a notification with "Open File" once per new fault, in the message language.
 */
export function registerProjectErrors(ws: ArticleWorkspace): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-project`);
  let shown = new Set<string>();

  const message = (f: ArticleFolder, e: LoadProblem) => {
    const rel = vscode.workspace.asRelativePath(f.uriOf(e.file), false);
    return format(ws.lang, e.kind === 'config' ? 'config-error-title' : 'schema-error-title', rel, f.service.describe(e));
  };

  const update = () => {
    collection.clear();
    const now = new Set<string>();
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const f of ws.allFolders()) {
      for (const e of f.settings.errors) {
        const uri = f.uriOf(e.file);
        const d = new vscode.Diagnostic(new vscode.Range(e.line, e.column, e.endLine, Math.max(e.endColumn, e.line === e.endLine ? e.column + 1 : e.endColumn)), f.service.describe(e), vscode.DiagnosticSeverity.Error);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = e.kind === 'config' ? 'config' : 'schema';
        const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(d);
        byFile.set(uri.toString(), entry);
        const key = `${uri.toString()}|${e.key}|${e.line}|${e.column}|${ws.lang}`;
        now.add(key);
        if (!shown.has(key)) void notify(message(f, e), uri, e);
      }
    }
    // A site file (topics.ts, conditions.ts) that cannot be read: a warning on it, at its line; its rules are off meanwhile.
    for (const f of ws.allFolders()) {
      const paths = siteFilePaths(f.settings);
      for (const e of f.service.site.errors) {
        const file = (e.what === 'topics' ? paths.topics : paths.conditions) ?? f.settings.configFile;
        if (!file) continue;
        const uri = e.problem === 'missing' && f.settings.configFile ? f.uriOf(f.settings.configFile) : f.uriOf(file);
        const line = Math.max(0, (e.line ?? 1) - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), describeSiteError(e, ws.lang), vscode.DiagnosticSeverity.Warning);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = 'site';
        const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(d);
        byFile.set(uri.toString(), entry);
      }
    }
    for (const { uri, diagnostics } of byFile.values()) collection.set(uri, diagnostics);
    shown = now;
  };

  const notify = async (text: string, uri: vscode.Uri, e: LoadProblem) => {
    const open = localize('Open File');
    if ((await vscode.window.showErrorMessage(text, open)) !== open) return;
    const editor = await vscode.window.showTextDocument(uri);
    const pos = new vscode.Position(e.line, e.column);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
  };

  void ws.opened.then(update);
  return vscode.Disposable.from(collection, ws.onDidChangeSettings(update));
}
