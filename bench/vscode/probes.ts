// Event probes for the benchmark that runs inside the real VS Code extension host.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { PreviewApi } from '../../src/extension/preview/register';

const now = () => performance.now();

/** One benchmark figure as the runner prints it; times in ms, memory in MB. */
export interface Figure {
  what: string;
  unit: 'ms' | 'MB';
  median?: number;
  p95?: number;
  value?: number;
  n?: number;
  /** The figure the target applies to, and its upper bound. */
  target?: { on: 'median' | 'p95' | 'value'; max: number };
  note?: string;
}

/** Median and 95th percentile (nearest rank). */
export function medianP95(xs: number[]): { median: number; p95: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

/** A full garbage collection, when V8 lets us expose it (the extension host is not started with --expose-gc). */
export function gcFunction(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/** Heap used after a full collection (twice: weak references and finalizers need a second pass). */
export function settledHeapMb(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Resolves with the time of the first diagnostics event that names `uri`. Subscribe before
 * acting, so a fast event is not missed. Rejects after `timeoutMs`.
 */
export function nextDiagnostics(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean = () => true, timeoutMs = 30_000): Promise<number> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no diagnostics event for ${uri.fsPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      const t = now();
      // Other sources' diagnostics and stale re-checks fire the same event.
      if (!accept(vscode.languages.getDiagnostics(uri))) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(t);
    });
  });
}

/** Like nextDiagnostics, but resolves with undefined instead of failing: for letting a known re-check pass. */
export function settleDiagnostics(uri: vscode.Uri, timeoutMs: number): Promise<number | undefined> {
  return nextDiagnostics(uri, undefined, timeoutMs).catch(() => undefined);
}

/** Whether our diagnostics include a problem of `rule`. */
export function hasRule(ds: vscode.Diagnostic[], rule: string): boolean {
  return ds.some((d) => d.source === 'qa-articles' && (typeof d.code === 'object' ? d.code.value : d.code) === rule);
}

/** Resolves with the time the preview acknowledged a render matching `match`. */
export function nextRender(preview: PreviewApi, match: (e: { uri: string; version: number; html: string }) => boolean, timeoutMs = 60_000): Promise<{ at: number; version: number; html: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no preview render within ${timeoutMs} ms; current: ${JSON.stringify(preview.current())}`));
    }, timeoutMs);
    const sub = preview.onDidRender((e) => {
      if (!match(e)) return;
      const at = now();
      clearTimeout(timer);
      sub.dispose();
      resolve({ at, version: e.version, html: e.html });
    });
  });
}

/** Applies one edit and fails loudly if VS Code refused it. */
export async function apply(edit: vscode.WorkspaceEdit): Promise<void> {
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code refused the edit');
}

/** The position just before the closing quote of the `title:` value. */
export function titleEnd(doc: vscode.TextDocument): vscode.Position {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (text.startsWith('title: "') && text.endsWith('"')) return new vscode.Position(i, text.length - 1);
  }
  throw new Error(`${doc.uri.fsPath} has no quoted title on one line`);
}

/** Reverts a document's unsaved changes, leaving the file on disk as it was. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty || doc.isClosed) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
