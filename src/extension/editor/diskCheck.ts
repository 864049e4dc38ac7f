import * as vscode from 'vscode';
import type { Problem } from '../../core/types';
import { pathOf } from '../host/files';
import type { ArticleWorkspace } from '../host/workspace';

/** The open document of a file, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/**
 * Checks a file as the CLI does: the open document's text when it is open, else the file on
 * disk, read through the project model. `undefined` when the file is gone.
 */
export async function checkFile(ws: ArticleWorkspace, uri: vscode.Uri): Promise<{ problems: readonly Problem[]; version?: number } | undefined> {
  const doc = openDocument(uri);
  const service = ws.serviceOf(uri);
  if (doc) {
    // The files its images need are asked for first, so the result is complete at once.
    await service.prepare(pathOf(uri), doc.getText(), doc.version);
    return { problems: ws.check(doc), version: doc.version };
  }
  const r = await service.readArticle(pathOf(uri));
  if (!r.ok) {
    if (r.missing) return undefined;
    const p = service.unreadableProblem(r.unreadable);
    return { problems: p ? [p] : [] };
  }
  await service.prepare(pathOf(uri), r.text);
  return { problems: service.check(pathOf(uri), r.text) };
}
