import * as vscode from 'vscode';
import type { ArticleWorkspace } from '../host/workspace';
import { PreviewManager, type PreviewApi } from './manager';

export type { PreviewApi } from './manager';

/** The preview's registrations, and the API the extension hands out for it. */
export interface PreviewRegistration extends vscode.Disposable {
  readonly api: PreviewApi;
}

/** An explicit target from a menu (editor title, explorer) or a caller; anything else means "the active article". */
function uriArg(arg: unknown): vscode.Uri | undefined {
  return arg instanceof vscode.Uri ? arg : undefined;
}

/** The live preview: its commands and the manager that keeps one preview in step with the active article. */
export function registerPreview(context: vscode.ExtensionContext, ws: ArticleWorkspace): PreviewRegistration {
  const manager = new PreviewManager(context.extensionUri, ws);
  const disposable = vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand('qaArticles.openPreview', (arg?: unknown) => manager.open(uriArg(arg), false)),
    vscode.commands.registerCommand('qaArticles.openPreviewToSide', (arg?: unknown) => manager.open(uriArg(arg), true)),
    vscode.commands.registerCommand('qaArticles.togglePreviewLock', () => manager.toggleLock()),
  );
  const api: PreviewApi = { onDidRender: manager.onDidRender, onDidHandleLink: manager.onDidHandleLink, onDidShowImages: manager.onDidShowImages, current: () => manager.current() };
  return { api, dispose: () => disposable.dispose() };
}
