import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseArticle } from '../../src/core/parse';
import { renderArticleHead } from '../../src/core/render';

const EXTENSION_ID = 'qa-articles.qa-articles';
const RENDER_TIMEOUT_MS = 30_000; // a webview takes seconds to load in headless chromium here

interface RenderedEvent {
  uri: string;
  version: number;
  html: string;
}
interface ImagesEvent {
  uri: string;
  version: number;
  widths: number[];
}
interface PreviewApi {
  onDidRender: vscode.Event<RenderedEvent>;
  onDidShowImages: vscode.Event<ImagesEvent>;
  current(): { uri?: string; locked: boolean };
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run should open a workspace folder');
  return folder.uri;
}

function article(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'src', 'content', 'fraga-doktorn', name);
}

/**
 * Resolves with the first render acknowledged by the webview that satisfies `match`. Subscribe
 * before triggering the action, so a fast render is not missed.
 */
function nextRender(api: PreviewApi, match: (e: RenderedEvent) => boolean, what: string, seen?: RenderedEvent[]): Promise<RenderedEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${RENDER_TIMEOUT_MS} ms waiting for ${what}; current: ${JSON.stringify(api.current())}`));
    }, RENDER_TIMEOUT_MS);
    const sub = api.onDidRender((e) => {
      seen?.push(e);
      if (!match(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** Resolves with the first pictures the webview drew that satisfy `match` (subscribe before the action). */
function nextImages(api: PreviewApi, match: (e: ImagesEvent) => boolean, what: string): Promise<ImagesEvent> {
  return new Promise((resolve, reject) => {
    const seen: number[][] = [];
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${RENDER_TIMEOUT_MS} ms waiting for ${what}; widths drawn: ${JSON.stringify(seen)}`));
    }, RENDER_TIMEOUT_MS);
    const sub = api.onDidShowImages((e) => {
      seen.push(e.widths);
      if (!match(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

async function replaceTitle(doc: vscode.TextDocument, title: string): Promise<void> {
  const line = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i)).find((l) => l.text.startsWith('title:'));
  assert.ok(line, `${doc.uri.path} should have a title line`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, line.range, `title: "${title}"`);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

function previewTabLabel(): string | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('qaArticles.preview')) return tab.label;
    }
  }
  return undefined;
}

/** Resolves once the preview's tab label satisfies `match`; the workbench reports title changes asynchronously. */
function tabLabel(match: (label: string) => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!match(previewTabLabel() ?? '')) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; tab label: ${previewTabLabel()}`));
    }, 10_000);
    const sub = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
}

suite('Preview', function () {
  this.timeout(120_000);
  let api: PreviewApi;
  const first = article('frusen-axel-efter-fall.md');
  const second = article('knaet-viker-sig.md');
  let lastVersion = 0;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const exported = (await ext.activate()) as { indexReady: Promise<void>; preview: PreviewApi };
    await exported.indexReady;
    api = exported.preview;
    assert.ok(api, 'the extension API should expose the preview');
  });

  suiteTeardown(async () => {
    // Leave the scratch workspace as the other suites expect it.
    for (const uri of [first, second]) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc?.isDirty) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opening the preview renders the article with its problems', async () => {
    const doc = await vscode.workspace.openTextDocument(first);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const rendered = nextRender(api, (e) => e.uri === first.toString(), 'the first render');
    await vscode.commands.executeCommand('qaArticles.openPreviewToSide', first);
    const e = await rendered;
    assert.match(e.html, /Stel och frusen axel efter ett fall/);
    // The quoted date is a build error: the page lists the checker's problems.
    assert.match(e.html, /data-qa="problem"/);
    assert.equal(api.current().uri, first.toString());
    assert.equal(api.current().locked, false);
    lastVersion = e.version;
  });

  test('an edit produces a newer render with the edited text', async () => {
    const doc = await vscode.workspace.openTextDocument(first);
    const rendered = nextRender(api, (e) => e.uri === first.toString() && e.html.includes('Redigerad rubrik'), 'the render of the edit');
    await replaceTitle(doc, 'Redigerad rubrik om frusen axel');
    const e = await rendered;
    assert.ok(e.version > lastVersion, `version ${e.version} should be newer than ${lastVersion}`);
    lastVersion = e.version;
  });

  test('the preview follows the active article', async () => {
    const rendered = nextRender(api, (e) => e.uri === second.toString(), 'the render of the other article');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(second), vscode.ViewColumn.One);
    const e = await rendered;
    assert.ok(e.version > lastVersion);
    assert.equal(api.current().uri, second.toString());
    lastVersion = e.version;
  });

  test('a locked preview stays on its article', async () => {
    await tabLabel((l) => l.includes('knaet-viker-sig.md'), 'the title of the followed article');
    const unlocked = previewTabLabel() ?? '';
    await vscode.commands.executeCommand('qaArticles.togglePreviewLock');
    assert.deepEqual(api.current(), { uri: second.toString(), locked: true });
    await tabLabel((l) => l !== unlocked && l.includes('knaet-viker-sig.md'), 'the lock marker in the title');

    const seen: RenderedEvent[] = [];
    // Switch to the first article, then edit the locked one: once that edit shows, every render
    // since locking must have been of the locked article.
    const rendered = nextRender(api, (e) => e.uri === second.toString() && e.html.includes('Låst rubrik'), 'the render of the locked article', seen);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first), vscode.ViewColumn.One);
    await replaceTitle(await vscode.workspace.openTextDocument(second), 'Låst rubrik om knät');
    await rendered;
    assert.deepEqual(seen.map((e) => e.uri).filter((u) => u !== second.toString()), []);
    assert.equal(api.current().uri, second.toString());

    await vscode.commands.executeCommand('qaArticles.togglePreviewLock');
    assert.equal(api.current().locked, false);
    await tabLabel((l) => l === unlocked, 'the lock marker to go');
  });

  test('a picture beside the article is shown, and its placeholder with the reason once the file goes', async () => {
    const uri = article('bild-i-svaret.md');
    const png = article('axel-bild.png');
    // A 1×1 PNG.
    await vscode.workspace.fs.writeFile(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\ntitle: "Bild i svaret"\ncategory: "axel"\nquestion: "Hur ser det ut?"\n---\n\n![Axeln](./axel-bild.png)\n'));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
      const shown = nextRender(api, (e) => e.uri === uri.toString() && e.html.includes('data-qa="image"'), 'the render with the picture');
      // What the webview drew: the 1×1 picture, loaded through its resource address.
      const drawn = nextImages(api, (e) => e.uri === uri.toString() && e.widths[0] === 1, 'the 1×1 picture drawn');
      await vscode.commands.executeCommand('qaArticles.openPreviewToSide', uri);
      const first = (await shown).html;
      assert.deepEqual((await drawn).widths, [1]);
      assert.match(first, /<img class="qa-image-file" data-qa="image" src="[^"]+axel-bild\.png\?v=[^"]+" alt="Axeln">/);
      const srcOf = (html: string) => /data-qa="image" src="([^"]+)"/.exec(html)?.[1];
      // The picture replaced under the same name (a 2×1 PNG): shown at a new address, so the webview loads it anew.
      const replaced = nextRender(api, (e) => e.uri === uri.toString() && srcOf(e.html) !== undefined && srcOf(e.html) !== srcOf(first), 'the render after the picture was replaced');
      const redrawn = nextImages(api, (e) => e.uri === uri.toString() && e.widths[0] === 2, 'the 2×1 picture drawn');
      await vscode.workspace.fs.writeFile(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGP4z8AAQv8BD/kD/YURmXYAAAAASUVORK5CYII=', 'base64'));
      assert.match((await replaced).html, /<img class="qa-image-file" data-qa="image" src="[^"]+axel-bild\.png\?v=[^"]+" alt="Axeln">/);
      assert.deepEqual((await redrawn).widths, [2]);
      const gone = nextRender(api, (e) => e.uri === uri.toString() && e.html.includes('data-qa="image-broken"'), 'the render after the picture went');
      await vscode.workspace.fs.delete(png);
      assert.match((await gone).html, /\[Bild: Axeln\] <span class="qa-image-note">/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(png).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  test('the preview of a long article shows its first part at once, then the whole page', async () => {
    // About 90 KB of answer: long enough for the first part to be shown before the whole page.
    const paragraphs = Array.from({ length: 800 }, (_, i) => `Stycke ${i}: axeln blir bättre med vila och träning, skriver doktorn i ett långt svar.`);
    const content = `---\ntitle: "Ett mycket långt svar"\ncategory: "axel"\n---\n\n${paragraphs.join('\n\n')}\n`;
    assert.ok(renderArticleHead(parseArticle(content)) !== undefined, 'the answer should be long enough for a first part');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    try {
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const rendered = nextRender(api, (e) => e.uri === doc.uri.toString(), 'the render of the long article');
      await vscode.commands.executeCommand('qaArticles.openPreviewToSide', doc.uri);
      const e = await rendered;
      // What the preview reports as shown is the whole page: the last paragraph, the LIX figure,
      // and no note that the rest is on its way.
      assert.match(e.html, /Stycke 799:/);
      assert.match(e.html, /data-qa="lix" data-score="\d+"/);
      assert.doesNotMatch(e.html, /data-qa="answer-more"/);
    } finally {
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
