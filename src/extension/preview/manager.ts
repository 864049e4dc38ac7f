import * as vscode from 'vscode';
import { localize } from '../l10n';
import type { ArticleWorkspace } from '../host/workspace';
import { PreviewPanel, type ImagesEvent, type LinkEvent, type RenderedEvent } from './panel';

/** What the preview exposes through the extension's API (used by the integration tests). */
export interface PreviewApi {
  /** Fires when the webview has swapped in a render. */
  readonly onDidRender: vscode.Event<RenderedEvent>;
  /** Fires for every link click that reaches the extension, with the URL it opened, if any. */
  readonly onDidHandleLink: vscode.Event<LinkEvent>;
  /** Fires when the webview has drawn (or failed to draw) the pictures of the body it shows. */
  readonly onDidShowImages: vscode.Event<ImagesEvent>;
  /** The article shown, if a preview is open, and whether it is locked to it. */
  current(): { uri?: string; locked: boolean };
}

/**
 * Owns the single preview: opens it, points it at the active article unless it is locked,
 * and forwards its render acknowledgements.
 */
export class PreviewManager implements vscode.Disposable, PreviewApi {
  private preview?: PreviewPanel;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedEvent>();
  readonly onDidRender = this.renderedEmitter.event;
  private readonly linkEmitter = new vscode.EventEmitter<LinkEvent>();
  readonly onDidHandleLink = this.linkEmitter.event;
  private readonly imagesEmitter = new vscode.EventEmitter<ImagesEvent>();
  readonly onDidShowImages = this.imagesEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly ws: ArticleWorkspace,
  ) {
    this.disposables.push(
      this.renderedEmitter,
      this.linkEmitter,
      this.imagesEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
    );
  }

  current(): { uri?: string; locked: boolean } {
    return { uri: this.preview?.resource.toString(), locked: this.preview?.locked ?? false };
  }

  /** Opens (or moves) the preview for `uri`, or for the active article when no URI is given. */
  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const target = uri ?? this.activeArticle();
    if (!target) {
      void vscode.window.showInformationMessage(localize('Open an article to preview it.'));
      return;
    }
    if (uri) await vscode.workspace.openTextDocument(uri); // fails early, with VS Code's message, for a file that cannot be read
    const active = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    if (this.preview) {
      // To the side: leave it in its own column if it has one; otherwise bring it here.
      this.preview.reveal(toSide ? this.preview.viewColumn ?? vscode.ViewColumn.Beside : active, toSide);
      this.preview.show(target);
      return;
    }
    const preview = PreviewPanel.create(this.extensionUri, this.ws, target, toSide ? vscode.ViewColumn.Beside : active, toSide, (e) => this.renderedEmitter.fire(e));
    this.preview = preview;
    preview.onDidHandleLink((e) => this.linkEmitter.fire(e));
    preview.onDidShowImages((e) => this.imagesEmitter.fire(e));
    preview.onDidDispose(() => {
      if (this.preview === preview) this.preview = undefined;
    });
  }

  toggleLock(): void {
    if (this.preview) this.preview.locked = !this.preview.locked;
  }

  private activeArticle(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && this.ws.isArticle(doc) ? doc.uri : undefined;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focusing the preview itself leaves no active editor: keep what is shown.
    if (!this.preview || this.preview.locked || !editor) return;
    if (this.ws.isArticle(editor.document)) this.preview.show(editor.document.uri);
  }

  dispose(): void {
    this.preview?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
