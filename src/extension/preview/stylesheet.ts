import * as vscode from 'vscode';

/**
 * The project stylesheet (`qaArticles.previewStylesheet`) that applies to an article, or
 * undefined. Only a trusted workspace may add one, and only a .css file inside the article's
 * workspace folder: the preview's resource roots must stay narrow.
 */
export function projectStylesheet(uri: vscode.Uri): vscode.Uri | undefined {
  if (!vscode.workspace.isTrusted) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const setting = vscode.workspace.getConfiguration('qaArticles', uri).get<string>('previewStylesheet', '');
  if (typeof setting !== 'string' || setting.trim() === '') return undefined;
  const rel = setting.trim().replace(/\\/g, '/');
  if (!rel.toLowerCase().endsWith('.css')) return undefined;
  const resolved = vscode.Uri.joinPath(folder.uri, rel);
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  return resolved.path.startsWith(base) ? resolved : undefined;
}

/** The folder holding a file, as a resource root for the webview. */
export function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}
