import * as vscode from 'vscode';
import type { ArticleWorkspace } from './workspace';

// PLACEHOLDER: replaced by the real feature; registers nothing yet.
export function registerDiagnostics(context: vscode.ExtensionContext, ws: ArticleWorkspace): vscode.Disposable {
  void context;
  void ws;
  return new vscode.Disposable(() => undefined);
}
