import * as vscode from 'vscode';
import { format } from '../../core/i18n/messages';
import { severityOf } from '../../core/rules';
import type { Problem } from '../../core/types';
import { readArticle } from '../../node/files';
import type { ArticleWorkspace } from '../workspace';

/** The open document of a file, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/**
 * Checks a file as the CLI does: the open document's text when it is open, else the file on
 * disk. `undefined` when the file is gone.
 */
export async function checkFile(ws: ArticleWorkspace, uri: vscode.Uri): Promise<{ problems: readonly Problem[]; version?: number } | undefined> {
  const doc = openDocument(uri);
  if (doc) return { problems: ws.check(doc), version: doc.version };
  const folder = ws.folderOf(uri);
  const r = await readArticle(uri.fsPath);
  if (!r.ok) {
    if (r.reason === 'unreadable' && r.detail === 'ENOENT') return undefined;
    const severity = severityOf('file-unreadable', folder?.settings.config.rules);
    if (!severity) return { problems: [] };
    const message = r.reason === 'binary' ? format(ws.lang, 'file-binary') : r.reason === 'encoding' ? format(ws.lang, 'file-encoding') : format(ws.lang, 'file-unreadable', r.detail ?? '');
    const zero = { line: 0, character: 0 };
    return { problems: [{ rule: 'file-unreadable', severity, message, range: { start: zero, end: zero }, start: 0, end: 0 }] };
  }
  if (!folder) return undefined;
  return { problems: folder.checker.check(r.text, uri.fsPath) };
}
