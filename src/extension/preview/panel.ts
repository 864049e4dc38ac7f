import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { localize } from '../l10n';
import type { ParsedArticle } from '../../core/parse';
import { renderArticle, renderArticleHead, renderWebviewHtml, type RenderOptions } from '../../core/render/article';
import { externalLink, isPreviewToHost, type HostToPreview, type PreviewToHost } from '../../core/render/protocol';
import type { ArticleWorkspace } from '../host/workspace';
import { parentOf, projectStylesheet } from './stylesheet';

export const PREVIEW_VIEW_TYPE = 'qaArticles.preview';
/** Later renders wait this long, so a burst of keystrokes costs one render. */
const UPDATE_DELAY_MS = 150;

/** A page body the webview has swapped in. */
export interface RenderedEvent {
  uri: string;
  version: number;
  html: string;
}

/** The pictures of a page body shown, as the webview drew them (see PreviewToHost `images`). */
export interface ImagesEvent {
  uri: string;
  version: number;
  /** Each picture's natural width in pixels, in order; 0 for one the webview could not show. */
  widths: number[];
}

interface Render {
  version: number;
  uri: string;
  html: string;
}

/**
 * One preview webview showing one article at a time. Every render gets a new version; the
 * webview drops updates older than what it shows and acknowledges each swap, so a slow
 * render can never replace a newer one.
 */
/** A link clicked in the preview: its target as written, and the URL opened (undefined when refused). */
export interface LinkEvent {
  href: string;
  opened?: string;
}

export class PreviewPanel implements vscode.Disposable {
  private uri: vscode.Uri;
  private lockedState = false;
  /** The newest version started; a render that finishes after a newer one started is dropped. */
  private version = 0;
  private latest?: Render;
  /** Renders posted and not yet acknowledged, by version. */
  private readonly pending = new Map<number, Render>();
  private acked = 0;
  /** The version inside webview.html; the webview shows it as soon as its script says ready. */
  private htmlVersion = 0;
  private webviewReady = false;
  private stylesheet?: string;
  /** The project root in the webview's roots (its images), as a URI string. */
  private imageRoot?: string;
  private reloadDocument = false;
  /** Articles whose whole page this preview has rendered: their answers' segments are cached, so coming back needs no first part. */
  private readonly renderedWhole = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  /** The line we just revealed in the editor for the preview; its scroll event must not echo back. */
  private echo?: { line: number; until: number };
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly linkEmitter = new vscode.EventEmitter<LinkEvent>();
  /** A link clicked in the preview reached the host: what it was, and whether the host opened it. */
  readonly onDidHandleLink = this.linkEmitter.event;
  private readonly imagesEmitter = new vscode.EventEmitter<ImagesEvent>();
  /** The webview has drawn (or failed to draw) the pictures of the body it shows. */
  readonly onDidShowImages = this.imagesEmitter.event;
  /** The render the webview last said it shows. */
  private shown?: { version: number; uri: string };

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly ws: ArticleWorkspace,
    uri: vscode.Uri,
    private readonly onRendered: (e: RenderedEvent) => void,
  ) {
    this.uri = uri;
    this.disposables.push(
      this.disposeEmitter,
      this.linkEmitter,
      this.imagesEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((msg: unknown) => this.onMessage(msg)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString() && e.contentChanges.length > 0) this.scheduleUpdate();
      }),
      // Problems depend on the folder's index (known tags) and settings (rules, stylesheet).
      ws.onDidChangeIndex(() => this.scheduleUpdate()),
      ws.onDidChangeSettings(() => this.scheduleUpdate()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e)),
      // The webview caches the stylesheet: reload the document when the user saves a change to it.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.toString() !== this.stylesheet) return;
        this.reloadDocument = true;
        this.scheduleUpdate();
      }),
    );
    this.updateTitle();
    void this.render(false, true);
  }

  static create(extensionUri: vscode.Uri, ws: ArticleWorkspace, uri: vscode.Uri, column: vscode.ViewColumn, preserveFocus: boolean, onRendered: (e: RenderedEvent) => void): PreviewPanel {
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, path.basename(uri.path), { viewColumn: column, preserveFocus }, { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] });
    return new PreviewPanel(panel, extensionUri, ws, uri, onRendered);
  }

  get resource(): vscode.Uri {
    return this.uri;
  }

  get locked(): boolean {
    return this.lockedState;
  }

  set locked(value: boolean) {
    this.lockedState = value;
    this.updateTitle();
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  reveal(column: vscode.ViewColumn | undefined, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** Shows another article; the first render of it goes out at once. */
  show(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.updateTitle();
    void this.render(true, true);
  }

  private updateTitle(): void {
    const name = path.basename(this.uri.path);
    // The marker leads, so a narrow tab that cuts the end of its title still shows it.
    this.panel.title = this.lockedState ? localize('[Locked] Preview {0}', name) : localize('Preview {0}', name);
  }

  private scheduleUpdate(): void {
    if (this.disposed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render();
    }, UPDATE_DELAY_MS);
  }

  /**
   * `opening`: another article is shown. A long one never rendered whole here shows its first
   * part at once (a first render of a whole 1 MB answer takes a tenth of a second or more) and
   * the whole page on the next turn of the event loop, as a newer version that replaces it.
   */
  private async render(scrollToEditor = false, opening = false): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let version = ++this.version;
    const uri = this.uri;
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      return; // deleted or unreadable: keep showing the last render
    }
    if (this.disposed || version !== this.version) return;
    const parsed = this.ws.parsed(doc);
    const opts: RenderOptions = { lang: this.ws.lang, problems: this.ws.check(doc), ...this.ws.renderOptions(uri), hostLinks: true, imageSrc: this.imageSrc(uri) };
    const head = opening && !this.renderedWhole.has(uri.toString()) ? renderArticleHead(parsed, opts) : undefined;
    if (head !== undefined) {
      // Not a render the webview acknowledges to anyone: only the whole page counts as shown.
      this.publish(uri, parsed, opts, version, head, false);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (this.disposed || version !== this.version) return;
      version = ++this.version;
    }
    const html = renderArticle(parsed, opts);
    this.renderedWhole.add(uri.toString());
    const render: Render = { version, uri: uri.toString(), html };
    this.latest = render;
    this.pending.set(version, render);
    // After a first part, the editor's line may only now be on the page.
    this.publish(uri, parsed, opts, version, html, scrollToEditor || head !== undefined);
  }

  /**
   * How the webview loads an image file of the article's project: through its resource URI,
   * from the project root (a root of the webview's, see setDocument).
   */
  private imageSrc(uri: vscode.Uri): RenderOptions['imageSrc'] {
    const root = this.ws.projectRootOf(uri);
    if (!root) return undefined;
    const webview = this.panel.webview;
    // The version in the query, as the webview keeps a picture it has loaded by its address; it
    // is added to the resource URI (a remote window's resource URI has no query of the file's).
    return (p, version) => {
      const address = webview.asWebviewUri(root.with({ path: p })).toString();
      return version === undefined ? address : `${address}?v=${encodeURIComponent(version)}`;
    };
  }

  private publish(uri: vscode.Uri, parsed: ParsedArticle, opts: RenderOptions, version: number, html: string, scrollToEditor: boolean): void {
    const sheet = projectStylesheet(uri);
    // Another project's images need the webview's roots changed, which reloads its document.
    const imageRoot = this.ws.projectRootOf(uri);
    if (this.htmlVersion === 0 || this.reloadDocument || sheet?.toString() !== this.stylesheet || imageRoot?.toString() !== this.imageRoot) {
      this.setDocument(parsed, opts, sheet, imageRoot, version, html);
    } else if (this.webviewReady) {
      this.post({ type: 'update', html, version });
      if (scrollToEditor) this.syncToEditor();
    }
    // Otherwise the webview is still loading; it gets the latest render when it says ready.
  }

  /** Replaces the whole webview document (with `body`, rendered): the first time, and when the stylesheet or the project changes. */
  private setDocument(parsed: ParsedArticle, opts: RenderOptions, sheet: vscode.Uri | undefined, imageRoot: vscode.Uri | undefined, version: number, body: string): void {
    const webview = this.panel.webview;
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')];
    if (sheet) roots.push(parentOf(sheet));
    // The answer's pictures: only files of the article's own project may load.
    if (imageRoot) roots.push(imageRoot);
    this.imageRoot = imageRoot?.toString();
    webview.options = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: roots };
    this.stylesheet = sheet?.toString();
    this.reloadDocument = false;
    this.htmlVersion = version;
    this.webviewReady = false;
    webview.html = renderWebviewHtml(parsed, {
      ...opts,
      body,
      cspSource: webview.cspSource,
      nonce: crypto.randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'preview.js')).toString(),
      extraStylesheetUris: sheet ? [webview.asWebviewUri(sheet).toString()] : [],
    });
  }

  private post(msg: HostToPreview): void {
    void this.panel.webview.postMessage(msg);
  }

  private onMessage(raw: unknown): void {
    if (this.disposed || !isPreviewToHost(raw)) return;
    const msg: PreviewToHost = raw;
    switch (msg.type) {
      case 'ready':
        this.webviewReady = true;
        // The webview also reloads webview.html when it comes back from hiding: bring it up to date.
        if (this.latest && this.latest.version > this.htmlVersion) this.post({ type: 'update', html: this.latest.html, version: this.latest.version });
        else this.acknowledge(this.htmlVersion);
        this.syncToEditor();
        break;
      case 'rendered':
        this.acknowledge(msg.version);
        break;
      case 'images': {
        const version = msg.version === 0 ? this.htmlVersion : msg.version;
        if (this.shown?.version === version) this.imagesEmitter.fire({ uri: this.shown.uri, version, widths: msg.widths });
        break;
      }
      case 'reveal':
        void this.revealLine(msg.line);
        break;
      case 'scrolled':
        this.scrollEditor(msg.line);
        break;
      case 'openLink': {
        const link = externalLink(msg.href);
        if (link) void vscode.env.openExternal(vscode.Uri.parse(link, true));
        this.linkEmitter.fire({ href: msg.href, opened: link });
        break;
      }
    }
  }

  private acknowledge(version: number): void {
    const render = this.pending.get(version);
    if (version <= this.acked || !render) return;
    this.acked = version;
    this.shown = { version, uri: render.uri };
    for (const v of this.pending.keys()) if (v <= version) this.pending.delete(v);
    this.onRendered({ ...render });
  }

  private editorOf(): vscode.TextEditor | undefined {
    const key = this.uri.toString();
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === key) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  }

  private syncToEditor(): void {
    const line = this.editorOf()?.visibleRanges[0]?.start.line;
    if (line !== undefined) this.post({ type: 'scrollToLine', line });
  }

  private onEditorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.webviewReady || e.textEditor.document.uri.toString() !== this.uri.toString()) return;
    const line = e.visibleRanges[0]?.start.line;
    if (line === undefined) return;
    if (this.echo && Date.now() < this.echo.until && Math.abs(this.echo.line - line) <= 1) {
      this.echo = undefined;
      return;
    }
    this.post({ type: 'scrollToLine', line });
  }

  private scrollEditor(line: number): void {
    const editor = this.editorOf();
    if (!editor) return;
    const target = Math.min(line, Math.max(0, editor.document.lineCount - 1));
    if (editor.visibleRanges[0]?.start.line === target) return;
    this.echo = { line: target, until: Date.now() + 500 };
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
  }

  private async revealLine(line: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const target = Math.min(line, Math.max(0, doc.lineCount - 1));
    const visible = this.editorOf();
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const at = new vscode.Range(target, 0, target, 0);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: at, preserveFocus: false });
    editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposeEmitter.fire();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
