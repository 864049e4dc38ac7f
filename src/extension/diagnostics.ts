import * as vscode from 'vscode';
import { ArticleDiagnostics } from './editor/problemSet';
import { checkFile, openDocument } from './editor/diskCheck';
import type { ArticleWorkspace } from './host/workspace';
import { MARKDOWN_NAME_GLOB } from '../core/project/markdownFiles';

/** How long after the corpus index changed the open articles are checked again (other files' titles and tags matter). */
const INDEX_DELAY = 300;

/**
 * Diagnostics of open articles as the user types: the first check on open at once, later ones
 * after `qaArticles.diagnosticsDelay`, results for a version that is gone dropped.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, ws: ArticleWorkspace): vscode.Disposable {
  const diagnostics = ArticleDiagnostics.of(ws, context.extensionUri);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let indexTimer: ReturnType<typeof setTimeout> | undefined;

  const cancel = (uri: vscode.Uri) => {
    const t = timers.get(uri.toString());
    if (t) clearTimeout(t);
    timers.delete(uri.toString());
  };

  const checkNow = (doc: vscode.TextDocument) => {
    cancel(doc.uri);
    if (doc.isClosed) return;
    if (!ws.isArticle(doc)) {
      diagnostics.delete(doc.uri);
      return;
    }
    const version = doc.version;
    const problems = ws.visible(doc.uri, ws.check(doc)).shown;
    if (doc.isClosed || doc.version !== version) return;
    diagnostics.set(doc.uri, problems, version);
  };

  const schedule = (doc: vscode.TextDocument) => {
    cancel(doc.uri);
    const delay = vscode.workspace.getConfiguration('qaArticles', doc.uri).get<number>('diagnosticsDelay', 250);
    const version = doc.version;
    timers.set(
      doc.uri.toString(),
      setTimeout(() => {
        timers.delete(doc.uri.toString());
        // A newer edit has its own timer; this one is stale.
        if (doc.version === version) checkNow(doc);
      }, Math.max(0, delay)),
    );
  };

  /** Re-reads a file Check All reported, e.g. after it changed on disk or its editor was closed. */
  const recheckFromDisk = async (uri: vscode.Uri) => {
    const stamp = diagnostics.stamp(uri);
    const r = await checkFile(ws, uri);
    // An editor took over, or the file was deleted or checked again while this read was under way.
    if (openDocument(uri) || diagnostics.stamp(uri) !== stamp) return;
    const folder = ws.folderOf(uri);
    if (!r || !folder || !(folder.matches(uri) || folder.unbuilt(uri))) diagnostics.delete(uri);
    else diagnostics.set(uri, ws.visible(uri, r.problems).shown, undefined, stamp);
  };

  const recheckAll = () => {
    for (const doc of vscode.workspace.textDocuments) {
      if (ws.isArticle(doc)) checkNow(doc);
      else if (!diagnostics.fromDisk(doc.uri)) diagnostics.delete(doc.uri);
    }
    for (const uri of diagnostics.diskFiles()) if (!openDocument(uri)) void recheckFromDisk(uri);
  };

  const subs: vscode.Disposable[] = [
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((doc) => ws.isArticle(doc) && checkNow(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) {
        // No edit: a save, a change of the dirty state or of the encoding it is saved in (Save with Encoding), which the check depends on.
        if (ws.isArticle(e.document) && !timers.has(e.document.uri.toString())) checkNow(e.document);
        return;
      }
      if (ws.isArticle(e.document)) schedule(e.document);
      else if (!diagnostics.fromDisk(e.document.uri)) {
        cancel(e.document.uri);
        diagnostics.delete(e.document.uri);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      cancel(doc.uri);
      // Problems of a closed file stay only when Check All reported it: then they describe the file on disk.
      if (diagnostics.isCheckedAll(doc.uri)) void recheckFromDisk(doc.uri);
      else diagnostics.delete(doc.uri);
    }),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => diagnostics.deleteUnder(u))),
    vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => diagnostics.deleteUnder(f.oldUri))),
    ws.onDidChangeIndex((e) => {
      if (e.uri && !openDocument(e.uri) && diagnostics.fromDisk(e.uri)) void recheckFromDisk(e.uri);
      if (indexTimer) clearTimeout(indexTimer);
      indexTimer = setTimeout(() => {
        indexTimer = undefined;
        for (const doc of vscode.workspace.textDocuments) if (ws.isArticle(doc)) checkNow(doc);
      }, INDEX_DELAY);
    }),
    ws.onDidChangeSettings(recheckAll),
  ];
  // Deletions outside VS Code (git checkout, a terminal) reach us only through a watcher.
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${MARKDOWN_NAME_GLOB}`, true, true, false);
  subs.push(watcher, watcher.onDidDelete((uri) => diagnostics.deleteUnder(uri)));

  for (const doc of vscode.workspace.textDocuments) if (ws.isArticle(doc)) checkNow(doc);

  return new vscode.Disposable(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    if (indexTimer) clearTimeout(indexTimer);
    for (const d of subs) d.dispose();
  });
}
