// The benchmark that runs inside the real VS Code extension host (extensionTestsPath entry),
// on a workspace of 20 copies of the corpus. bench/vscode/run.mjs builds and starts it, and
// prints the figures it writes to $QA_BENCH_OUT.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QaArticlesApi } from '../../src/extension/extension';
import type { ArticleNode } from '../../src/extension/workflow/articlesView';
import type { ArticleWorkspace } from '../../src/extension/host/workspace';
import { apply, gcFunction, hasRule, medianP95, nextDiagnostics, nextRender, revert, settledHeapMb, settleDiagnostics, titleEnd, type Figure } from './probes';

const EXTENSION_ID = 'qa-articles.qa-articles';
const REPS = 40;
const WARMUP = 3;
const now = () => performance.now();

function contentDir(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the benchmark needs the corpus workspace open');
  return vscode.Uri.joinPath(folder.uri, 'src', 'content', 'fraga-doktorn');
}

/** Runs `step` WARMUP + REPS times and keeps the timings of the last REPS. */
async function repeat(step: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + REPS; i++) {
    const ms = await step(i);
    if (i >= WARMUP) out.push(ms);
  }
  return out;
}

const timed = (what: string, xs: number[], target?: Figure['target'], note?: string): Figure => ({ what, unit: 'ms', ...medianP95(xs), target, note });

/** Articles of about the median size in copy-01, the "typical article" of the corpus. */
function typicalNames(dir: string, count: number): string[] {
  const names = fs.readdirSync(path.join(dir, 'copy-01')).filter((f) => f.endsWith('.md'));
  const bySize = names.map((n) => ({ n, size: fs.statSync(path.join(dir, 'copy-01', n)).size })).sort((a, b) => a.size - b.size || a.n.localeCompare(b.n));
  const mid = bySize.length >> 1;
  return bySize.slice(mid - (count >> 1), mid - (count >> 1) + count).map((x) => x.n);
}

async function setDelay(uri: vscode.Uri, delay: number | undefined): Promise<void> {
  const settled = settleDiagnostics(uri, 5_000); // the settings change re-checks open articles
  await vscode.workspace.getConfiguration('qaArticles').update('diagnosticsDelay', delay, vscode.ConfigurationTarget.Workspace);
  await settled;
}

/**
 * Types a letter at the end of the title, then deletes it, and so on: in 20 copies of the corpus
 * the title is a duplicate, so each keystroke removes or brings back the duplicate-title warning,
 * which tells the re-check of this keystroke from any other diagnostics event.
 */
async function keystrokes(uri: vscode.Uri, doc: vscode.TextDocument): Promise<number[]> {
  if (!hasRule(vscode.languages.getDiagnostics(uri), 'duplicate-title')) throw new Error(`${uri.fsPath} should start with a duplicate-title warning`);
  let typed = false;
  const times = await repeat(async () => {
    const pos = titleEnd(doc);
    const edit = new vscode.WorkspaceEdit();
    if (typed) edit.delete(uri, new vscode.Range(pos.translate(0, -1), pos));
    else edit.insert(uri, pos, 'x');
    typed = !typed;
    const duplicate = !typed;
    const event = nextDiagnostics(uri, (ds) => hasRule(ds, 'duplicate-title') === duplicate);
    const t0 = now();
    await apply(edit);
    return (await event) - t0;
  });
  if (typed) {
    const pos = titleEnd(doc);
    const back = nextDiagnostics(uri, (ds) => hasRule(ds, 'duplicate-title'));
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(pos.translate(0, -1), pos));
    await apply(edit);
    await back;
  }
  return times;
}

/** Walks the Articles view's whole tree after a refresh; returns the node count. */
function walkArticles(api: QaArticlesApi, withItems: boolean): number {
  const p = api.workflow.articles;
  p.refresh();
  let n = 0;
  const visit = (node?: ArticleNode) => {
    for (const child of p.getChildren(node)) {
      n++;
      if (withItems) p.getTreeItem(child);
      visit(child);
    }
  };
  visit();
  return n;
}

async function measure(out: { figures: Figure[]; info: Record<string, unknown> }): Promise<void> {
  const figures = out.figures;
  const ext = vscode.extensions.getExtension<QaArticlesApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in the benchmark window`);
  out.info.activeBeforeBench = ext.isActive; // activated at startup by workspaceContains
  const api = await ext.activate();
  await api.indexReady;
  const gc = gcFunction();
  out.info.gcAvailable = !!gc;

  // 1. Activation, as the extension recorded it; code loading measured by requiring the bundle afresh.
  const main = path.join(ext.extensionPath, 'dist', 'extension.js');
  const loads: number[] = [];
  const cached = require.cache[main];
  for (let i = 0; i < 5; i++) {
    delete require.cache[main];
    const t0 = now();
    require(main);
    loads.push(now() - t0);
  }
  if (cached) require.cache[main] = cached;
  else delete require.cache[main];
  const loadMs = medianP95(loads).median;
  const t = api.timings;
  figures.push(
    { what: 'activation: activate() call', unit: 'ms', value: t.activateCallMs },
    { what: 'activation: extension.ts evaluated -> end of activate()', unit: 'ms', value: t.activationMs, note: "includes VS Code's wait for the extension context" },
    { what: 'activation: bundle load (fresh require, median of 5) + activate()', unit: 'ms', value: loadMs + t.activateCallMs, target: { on: 'value', max: 100 } },
  );

  // 2. The index: at startup (end of activate -> indexReady), then a second build in a quiet host for its heap.
  const files = api.workspace.allFolders().reduce((n, f) => n + [...f.index.files()].length, 0);
  out.info.indexedFiles = files;
  figures.push({ what: `index build at startup (${files} articles, activation -> indexReady)`, unit: 'ms', value: t.indexMs, note: 'concurrent with workbench startup' });
  const Workspace = api.workspace.constructor as new () => ArticleWorkspace;
  const heap0 = settledHeapMb(gc);
  const t0 = now();
  const second = new Workspace();
  await second.buildAll();
  const buildMs = now() - t0;
  const heap1 = settledHeapMb(gc);
  const secondFiles = second.allFolders().reduce((n, f) => n + [...f.index.files()].length, 0);
  second.dispose();
  figures.push(
    { what: `index build again after startup (fresh ArticleWorkspace, ${secondFiles} articles)`, unit: 'ms', value: buildMs },
    { what: 'index heap (heapUsed after - before the build, after gc)', unit: 'MB', value: heap1 - heap0, target: { on: 'value', max: 150 }, note: gc ? undefined : 'no gc: includes garbage' },
  );

  // 3. Articles view over every article.
  const nodes = walkArticles(api, false);
  const walks: number[] = [];
  const walksWithItems: number[] = [];
  for (let i = 0; i < 15; i++) {
    let s = now();
    walkArticles(api, false);
    walks.push(now() - s);
    s = now();
    walkArticles(api, true);
    walksWithItems.push(now() - s);
  }
  figures.push(
    { ...timed(`Articles view: refresh + getChildren over the tree (${nodes} nodes)`, walks, { on: 'median', max: 200 }), n: walks.length },
    { ...timed('Articles view: the same + getTreeItem for every node', walksWithItems), n: walksWithItems.length },
  );

  // 4. Opening an article -> its diagnostics (each article opened for the first time).
  const dir = contentDir();
  const names = typicalNames(dir.fsPath, REPS + WARMUP);
  const opened: number[] = [];
  const published: number[] = [];
  const inHost = new Map<string, number>();
  // Registered after the extension's own listener, so it runs right after the check set the diagnostics.
  const onOpen = vscode.workspace.onDidOpenTextDocument((d) => inHost.set(d.uri.toString(), now()));
  try {
    for (const [i, name] of names.entries()) {
      const copy = `copy-${String(2 + (i % 19)).padStart(2, '0')}`;
      const uri = vscode.Uri.joinPath(dir, copy, name);
      const event = nextDiagnostics(uri, (ds) => ds.some((d) => d.source === 'qa-articles'));
      const s = now();
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      const at = await event;
      if (i < WARMUP) continue;
      opened.push(at - s);
      const set = inHost.get(uri.toString());
      if (set !== undefined) published.push(set - s);
    }
  } finally {
    onOpen.dispose();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  figures.push(
    timed('open article -> diagnostics event', opened, { on: 'median', max: 150 }, "includes VS Code's 50 ms event debounce"),
    timed('open article -> diagnostics set in the host', published),
  );

  // 5. Keystrokes in a typical article, with the default debounce and with none.
  const typical = vscode.Uri.joinPath(dir, 'copy-01', names[names.length >> 1]);
  out.info.typicalArticle = path.relative(dir.fsPath, typical.fsPath);
  const doc = await vscode.workspace.openTextDocument(typical);
  await vscode.window.showTextDocument(doc);
  const configured = vscode.workspace.getConfiguration('qaArticles').inspect<number>('diagnosticsDelay');
  out.info.diagnosticsDelay = configured?.workspaceValue ?? configured?.globalValue ?? configured?.defaultValue;
  try {
    const withDefault = await keystrokes(typical, doc);
    figures.push(timed(`keystroke -> diagnostics event (diagnosticsDelay ${String(out.info.diagnosticsDelay)})`, withDefault, undefined, 'debounce + 50 ms event debounce included'));
    await setDelay(typical, 0);
    const noDelay = await keystrokes(typical, doc);
    figures.push(timed('keystroke -> diagnostics event (diagnosticsDelay 0)', noDelay, undefined, "includes VS Code's 50 ms event debounce"));
  } finally {
    await setDelay(typical, configured?.workspaceValue);
  }
  const checks: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = now();
    api.workspace.check(doc);
    checks.push(now() - s);
  }
  figures.push(timed('check() of the typical article in the host (engine only)', checks));

  // 6. Tag completion inside the article's tags list.
  const tagsLine = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i)).find((l) => /^tags: \[.*\]$/.test(l.text));
  if (!tagsLine) throw new Error(`${typical.fsPath} has no one-line tags list`);
  const edit = new vscode.WorkspaceEdit();
  const close = new vscode.Position(tagsLine.lineNumber, tagsLine.text.length - 1);
  edit.insert(typical, close, ', ');
  await apply(edit);
  const at = close.translate(0, 2);
  let tagItems = 0;
  const completions = await repeat(async () => {
    const s = now();
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', typical, at, ',');
    const ms = now() - s;
    tagItems = list.items.filter((x) => x.kind === vscode.CompletionItemKind.Keyword).length;
    return ms;
  });
  if (tagItems === 0) throw new Error('the tag completion returned no tags: the benchmark measured the wrong thing');
  figures.push(timed(`tag completion, executeCompletionItemProvider (${tagItems} tags)`, completions, { on: 'p95', max: 20 }));
  await revert(doc);

  // 7. Preview: edit -> the new render acknowledged by the webview.
  await vscode.window.showTextDocument(doc);
  const first = nextRender(api.preview, (e) => e.uri === typical.toString());
  const s = now();
  await vscode.commands.executeCommand('qaArticles.openPreviewToSide', typical);
  let last = await first;
  figures.push({ what: 'preview: open -> first render (webview load)', unit: 'ms', value: last.at - s });
  const renders = await repeat(async (i) => {
    const pos = titleEnd(doc);
    const e = new vscode.WorkspaceEdit();
    if (i % 2 === 0) e.insert(typical, pos, 'x');
    else e.delete(typical, new vscode.Range(pos.translate(0, -1), pos));
    const seen = last.version;
    const rendered = nextRender(api.preview, (r) => r.uri === typical.toString() && r.version > seen);
    const t1 = now();
    await apply(e);
    last = await rendered;
    return last.at - t1;
  });
  figures.push(timed('preview: edit -> new render in the webview', renders, undefined, "includes the preview's 150 ms update delay"));
  await revert(doc);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const mem = process.memoryUsage();
  out.info.hostMemoryMb = { heapUsed: Math.round(mem.heapUsed / 2 ** 20), rss: Math.round(mem.rss / 2 ** 20) };
}

/** Entry point called by the extension host. */
export async function run(): Promise<void> {
  const file = process.env.QA_BENCH_OUT;
  const out: { figures: Figure[]; info: Record<string, unknown>; error?: string } = {
    figures: [],
    info: { loadavgStart: os.loadavg(), cpus: os.cpus().length, node: process.version, vscode: vscode.version, reps: REPS },
  };
  try {
    await measure(out);
  } catch (e) {
    out.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  out.info.loadavgEnd = os.loadavg();
  const json = JSON.stringify(out, null, 2);
  if (file) fs.writeFileSync(file, json + '\n');
  console.log(`QA_BENCH ${JSON.stringify(out)}`);
  if (out.error) throw new Error(out.error);
}
