import * as path from 'path';
import * as vscode from 'vscode';
import { countProblems } from '../core/problems';
import { localize } from './l10n';
import { ArticleDiagnostics } from './editor/problemSet';
import { checkFile, openDocument } from './editor/diskCheck';
import type { ArticleFolder, ArticleWorkspace } from './host/workspace';

/** What `qaArticles.checkAll` returns. */
export interface CheckAllSummary {
  files: number;
  errors: number;
  warnings: number;
  /** Problems per rule id. */
  byRule: Record<string, number>;
  /** Warnings left out because the project's baseline knows them. */
  baselined: number;
  cancelled?: boolean;
}

/** "Check All Articles": every article of every folder into the Problems panel, with a summary; optionally on startup. */
export function registerCheckAll(context: vscode.ExtensionContext, ws: ArticleWorkspace): vscode.Disposable {
  const diagnostics = ArticleDiagnostics.of(ws, context.extensionUri);
  let output: vscode.OutputChannel | undefined;
  const subs: vscode.Disposable[] = [];
  const channel = () => {
    if (!output) {
      output = vscode.window.createOutputChannel('Q&A Articles');
      subs.push(output);
    }
    return output;
  };

  const run = (folders: ArticleFolder[], quiet: boolean): Thenable<CheckAllSummary> =>
    vscode.window.withProgress(
      {
        location: quiet ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification,
        title: localize('Checking Q&A articles'),
        cancellable: !quiet,
      },
      async (progress, token) => {
        const perFile: [string, number, number][] = [];
        const summary = await checkFolders(ws, diagnostics, folders, token, (done, total) => {
          progress.report({ message: localize('{0} of {1}', done, total), increment: 100 / Math.max(1, total) });
        }, perFile);
        report(channel(), summary, perFile);
        if (!quiet) showSummary(summary, channel());
        return summary;
      },
    );

  subs.push(vscode.commands.registerCommand('qaArticles.checkAll', () => run(ws.allFolders(), false)));

  // On startup only after the index exists: duplicate titles and tag variants need the whole corpus.
  const waiting = new Set(ws.allFolders());
  if (waiting.size > 0) {
    const sub = ws.onDidChangeIndex((e) => {
      if (e.uri || !waiting.delete(e.folder) || waiting.size > 0) return;
      sub.dispose();
      const folders = ws.allFolders().filter((f) => vscode.workspace.getConfiguration('qaArticles', f.folder.uri).get<boolean>('checkOnStartup', false));
      if (folders.length) void run(folders, true);
    });
    subs.push(sub);
  }
  return new vscode.Disposable(() => subs.forEach((d) => d.dispose()));
}

async function checkFolders(
  ws: ArticleWorkspace,
  diagnostics: ArticleDiagnostics,
  folders: ArticleFolder[],
  token: vscode.CancellationToken,
  onProgress: (done: number, total: number) => void,
  perFile: [string, number, number][],
): Promise<CheckAllSummary> {
  const summary: CheckAllSummary = { files: 0, errors: 0, warnings: 0, byRule: {}, baselined: 0 };
  const work: { folder: ArticleFolder; uri: vscode.Uri }[] = [];
  for (const folder of folders) {
    await folder.ready;
    for (const uri of await folder.findChecked(token)) work.push({ folder, uri });
  }
  const found = new Set(work.map((w) => w.uri.toString()));
  // Files an earlier run reported that are no longer articles (moved, include changed) lose their stale problems.
  for (const uri of diagnostics.diskFiles()) if (!found.has(uri.toString()) && !openDocument(uri)) diagnostics.delete(uri);

  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < work.length && !token.isCancellationRequested) {
      const { folder, uri } = work[next++];
      const stamp = diagnostics.stamp(uri);
      const r = await checkFile(ws, uri);
      done++;
      onProgress(done, work.length);
      if (!r) continue;
      const { shown, hidden } = ws.visible(uri, r.problems);
      summary.baselined += hidden;
      // Reported afresh (an edit, a deletion) while this file was being read: that answer is newer.
      if (diagnostics.stamp(uri) === stamp) {
        diagnostics.set(uri, shown, r.version);
        diagnostics.markCheckedAll(uri);
      }
      summary.files++;
      const { errors: e, warnings: w } = countProblems(shown);
      for (const p of shown) summary.byRule[p.rule] = (summary.byRule[p.rule] ?? 0) + 1;
      summary.errors += e;
      summary.warnings += w;
      if (e + w > 0) perFile.push([path.relative(folder.folder.uri.fsPath, uri.fsPath), e, w]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, work.length) }, worker));
  if (token.isCancellationRequested) summary.cancelled = true;
  return summary;
}

function report(out: vscode.OutputChannel, s: CheckAllSummary, perFile: [string, number, number][]): void {
  out.appendLine(`[${new Date().toLocaleTimeString()}] ` + localize('Checked {0, plural, one {# article} other {# articles}}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}.', s.files, s.errors, s.warnings) + (s.cancelled ? ' ' + localize('(cancelled)') : ''));
  if (s.baselined) out.appendLine('  ' + localize('{0, plural, one {# known warning} other {# known warnings}} hidden by the baseline (.qa-articles-baseline.json).', s.baselined));
  const rules = Object.entries(s.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [rule, n] of rules) out.appendLine(`  ${String(n).padStart(5)}  ${rule}`);
  for (const [file, e, w] of perFile.sort((a, b) => a[0].localeCompare(b[0]))) {
    out.appendLine('  ' + localize('{0}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}', file, e, w));
  }
}

function showSummary(s: CheckAllSummary, out: vscode.OutputChannel): void {
  const problems = localize('Show Problems');
  const details = localize('Show Details');
  const text =
    localize('Checked {0, plural, one {# article} other {# articles}}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}.', s.files, s.errors, s.warnings) +
    (s.baselined ? ' ' + localize('{0, plural, one {# known warning} other {# known warnings}} hidden by the baseline (.qa-articles-baseline.json).', s.baselined) : '');
  void vscode.window.showInformationMessage(text, problems, details).then((choice) => {
    if (choice === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (choice === details) out.show(true);
  });
}
