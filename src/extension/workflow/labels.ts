import * as vscode from 'vscode';
import type { ArticleWorkspace } from '../workspace';

/** The schema's categories with their Swedish labels (`x-enum-labels`), in schema order. */
export function categoryChoices(ws: ArticleWorkspace, uri?: vscode.Uri): { value: string; label: string }[] {
  const schema = uri ? ws.schemaOf(uri) : (ws.allFolders()[0]?.settings.schema ?? ws.schemaOf(vscode.Uri.file('/')));
  const cat = schema.json.properties?.category;
  const labels = cat?.['x-enum-labels'] ?? {};
  const values = Array.isArray(cat?.enum) ? cat.enum.filter((v): v is string => typeof v === 'string') : [];
  return values.map((value) => ({ value, label: typeof labels[value] === 'string' ? labels[value] : value }));
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
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
