import * as vscode from 'vscode';
import { categoryChoices as coreCategoryChoices } from '../../core/labels';
import { decodeArticle } from '../../core/project/decode';
import type { ArticleWorkspace } from '../host/workspace';

/** The schema's categories with their labels (`x-enum-labels`), in schema order: the core's one list. */
export function categoryChoices(ws: ArticleWorkspace, uri?: vscode.Uri): { value: string; label: string }[] {
  const schema = uri ? ws.schemaOf(uri) : (ws.allFolders()[0]?.settings.schema ?? ws.schemaOf(vscode.Uri.file('/')));
  return coreCategoryChoices(schema);
}

/** Resolves a command argument to an article URI: a Uri, a path string, a view item, or the active editor. */
export function articleUriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return arg.includes('://') ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  if (arg && typeof arg === 'object' && 'uri' in arg && (arg as { uri: unknown }).uri instanceof vscode.Uri) return (arg as { uri: vscode.Uri }).uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** Reads a document's current text: the open (possibly unsaved) document if there is one, else the file. */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const d = decodeArticle(await vscode.workspace.fs.readFile(uri));
    // As an editor holds it: without the BOM, so positions mean the same in both.
    return d.ok ? d.text.replace(/^\uFEFF/, '') : undefined;
  } catch {
    return undefined;
  }
}
