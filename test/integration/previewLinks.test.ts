// Clicking links in the preview, in the real workbench: the click is a real mouse click in the
// webview (through the test harness's driver, scripts/vscode/vscode-shim.js), and "opened" is
// what the browser really did — a load of the link's page counted by the driver, a window.open
// by the workbench, a call of our URI handler — beside the extension's own record of its opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const DRIVER = process.env.VSCODE_SHIM_DRIVER;
const RENDER_TIMEOUT_MS = 30_000;

interface LinkEvent {
  href: string;
  opened?: string;
}
interface PreviewApi {
  onDidRender: vscode.Event<{ uri: string; html: string }>;
  onDidHandleLink: vscode.Event<LinkEvent>;
}
interface Opened {
  windows: string[];
  pages: string[];
  hits: Record<string, number>;
}

async function driver<T>(what: string, body?: unknown): Promise<T> {
  const r = await fetch(`${DRIVER}/${what}`, body === undefined ? undefined : { method: 'POST', body: JSON.stringify(body) });
  const json = (await r.json()) as T & { error?: string };
  if (!r.ok) throw new Error(`driver ${what}: ${json.error}`);
  return json;
}

/** Resolves when `probe` holds, polling; rejects with `what` after the deadline. */
async function until(probe: () => Promise<boolean> | boolean, what: string, timeoutMs = RENDER_TIMEOUT_MS): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Time for a second opening of the same click to show up, if there were one. VS Code's own link
 * handler works inside the browser and is faster than the extension's round trip, so after the
 * extension's open has arrived a second one would be seen well within this.
 */
const settle = () => new Promise((r) => setTimeout(r, 1500));

suite('Preview links', function () {
  this.timeout(120_000);
  let api: PreviewApi;
  let file: vscode.Uri;
  const links: LinkEvent[] = [];
  const handled: string[] = [];
  /** Tabs opened after the preview showed: a link VS Code follows itself opens one (vscode: as an editor). */
  const tabsOpened: string[] = [];
  const subs: vscode.Disposable[] = [];

  suiteSetup(async function () {
    if (!DRIVER) {
      console.log('    (skipped: VSCODE_SHIM_DRIVER is not set; these tests need the harness of scripts/vscode/run-tests.mjs)');
      this.skip();
    }
    const exported = (await vscode.extensions.getExtension('qa-articles.qa-articles')!.activate()) as { indexReady: Promise<void>; preview: PreviewApi };
    await exported.indexReady;
    api = exported.preview;
    subs.push(api.onDidHandleLink((e) => links.push(e)));
    // Calls for vscode://qa-articles.qa-articles/… (and this build's own scheme) reach this handler.
    subs.push(vscode.window.registerUriHandler({ handleUri: (uri) => void handled.push(uri.toString()) }));
    const folder = vscode.workspace.workspaceFolders![0].uri;
    file = vscode.Uri.joinPath(folder, 'src', 'content', 'fraga-doktorn', 'lankar-i-svaret.md');
    const text = [
      '---',
      'title: "Länkar i svaret"',
      'category: "axel"',
      'date: 2020-01-01',
      'question: |',
      '  Var läser jag mer?',
      '---',
      '',
      `Läs mer hos [vården](${DRIVER}/landing/allowed), i [appen](vscode://qa-articles.qa-articles/from-preview)`,
      `och i [bygget](${vscode.env.uriScheme}://qa-articles.qa-articles/own-scheme).`,
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const rendered = new Promise<void>((resolve) => {
      const sub = api.onDidRender((e) => {
        if (e.uri !== file.toString() || !e.html.includes('/landing/allowed')) return;
        sub.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('qaArticles.openPreviewToSide', file);
    await rendered;
    subs.push(vscode.window.tabGroups.onDidChangeTabs((e) => tabsOpened.push(...e.opened.map((t) => t.label))));
  });

  suiteTeardown(async () => {
    subs.forEach((s) => s.dispose());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (file) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  test('an http link opens once', async () => {
    const url = `${DRIVER}/landing/allowed`;
    await driver('click', { selector: 'a[data-href$="/landing/allowed"], a[href$="/landing/allowed"]' });
    await until(() => links.some((l) => l.opened === url), 'the extension to open the link');
    await until(async () => ((await driver<Opened>('opened')).hits['/landing/allowed'] ?? 0) >= 1, 'the browser to load the link');
    await settle();
    const o = await driver<Opened>('opened');
    assert.equal(o.hits['/landing/allowed'], 1, `the link's page was loaded ${o.hits['/landing/allowed']} times`);
    // code-server hands a localhost URL to the browser through its port proxy (…/proxy/<port>/…).
    assert.equal(o.windows.filter((w) => w.endsWith('/landing/allowed')).length, 1, `one window.open: ${JSON.stringify(o.windows)}`);
    assert.deepEqual(links.map((l) => l.opened), [url], 'one open by the extension');
  });

  test('vscode:// links do not open', async () => {
    for (const [name, selector] of [
      ['vscode://', 'a[data-href^="vscode://"], a[href^="vscode://"]'],
      [`${vscode.env.uriScheme}://`, `a[data-href^="${vscode.env.uriScheme}://"], a[href^="${vscode.env.uriScheme}://"]`],
    ]) {
      const before = links.length;
      await driver('click', { selector });
      // The click reaches the extension, which refuses it.
      await until(() => links.length > before, `the ${name} click to reach the extension`);
      assert.equal(links.at(-1)!.opened, undefined, `${name}: the extension refuses it`);
    }
    await settle();
    const o = await driver<Opened>('opened');
    assert.deepEqual(handled, [], 'the URI handler was not called');
    assert.deepEqual(tabsOpened, [], 'no editor opened for them');
    assert.deepEqual(o.windows.filter((w) => !w.includes('/landing/')), [], 'no window.open for them');
    assert.deepEqual(o.pages.filter((p) => !p.includes('/landing/')), [], 'no browser tab for them');
  });
});
