import * as vscode from 'vscode';
import { ruleHelpUri } from '../ruleHelp';
import type { Problem, Severity } from '../../core/types';
import type { ArticleWorkspace } from '../host/workspace';

/** The `source` of every diagnostic this extension reports. */
export const DIAGNOSTIC_SOURCE = 'qa-articles';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(p: Problem): vscode.Range {
  return new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character);
}

/** The problems of a file, as checked: from an open document's version, or from the file on disk. */
interface Entry {
  problems: readonly Problem[];
  /** The document version checked; undefined when the text came from disk. */
  version?: number;
}

/**
 * The one diagnostic collection of the extension and the problems behind it, so that quick fixes
 * use exactly what the Problems panel shows and Check All fills the same list.
 */
export class ArticleDiagnostics implements vscode.Disposable {
  private static readonly byWorkspace = new WeakMap<ArticleWorkspace, ArticleDiagnostics>();
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly entries = new Map<string, Entry>();
  /** Files Check All reported: their problems outlive a closed editor, as they hold for the file on disk too. */
  private readonly checkedAll = new Set<string>();
  /** Bumped on every set or delete, so an answer from a slow disk read that lost a race is dropped. */
  private readonly stamps = new Map<string, number>();
  private nextStamp = 0;

  /** The diagnostics of a workspace, created on first use. */
  static of(ws: ArticleWorkspace, extensionUri?: vscode.Uri): ArticleDiagnostics {
    let d = ArticleDiagnostics.byWorkspace.get(ws);
    if (!d) {
      d = new ArticleDiagnostics(ws, extensionUri);
      ArticleDiagnostics.byWorkspace.set(ws, d);
    }
    return d;
  }

  private constructor(private readonly ws: ArticleWorkspace, private readonly extensionUri: vscode.Uri | undefined) {}

  /** The current stamp of a file: pass it to `set` after an await to drop an outdated answer. */
  stamp(uri: vscode.Uri): number {
    return this.stamps.get(uri.toString()) ?? 0;
  }

  set(uri: vscode.Uri, problems: readonly Problem[], version?: number, stamp?: number): void {
    if (stamp !== undefined && stamp !== this.stamp(uri)) return;
    this.stamps.set(uri.toString(), ++this.nextStamp);
    this.entries.set(uri.toString(), { problems, version });
    this.collection.set(uri, problems.map((p) => this.toDiagnostic(p)));
  }

  delete(uri: vscode.Uri): void {
    this.stamps.set(uri.toString(), ++this.nextStamp);
    this.entries.delete(uri.toString());
    this.checkedAll.delete(uri.toString());
    this.collection.delete(uri);
  }

  /** Drops the diagnostics of a file and, for a deleted folder, of every file under it. */
  deleteUnder(uri: vscode.Uri): void {
    const prefix = uri.toString().replace(/\/?$/, '/');
    this.stamps.set(uri.toString(), ++this.nextStamp);
    for (const key of [...this.entries.keys()]) {
      if (key === uri.toString() || key.startsWith(prefix)) this.delete(vscode.Uri.parse(key));
    }
  }

  /** Whether the last check of a file read it from disk (Check All) rather than from an editor. */
  fromDisk(uri: vscode.Uri): boolean {
    const e = this.entries.get(uri.toString());
    return !!e && e.version === undefined;
  }

  /** Marks a file as reported by Check All. */
  markCheckedAll(uri: vscode.Uri): void {
    this.checkedAll.add(uri.toString());
  }

  /** Whether Check All reported the file (so closing its editor keeps its problems). */
  isCheckedAll(uri: vscode.Uri): boolean {
    return this.checkedAll.has(uri.toString());
  }

  /** Files whose problems came from disk. */
  diskFiles(): vscode.Uri[] {
    return [...this.entries].filter(([, e]) => e.version === undefined).map(([k]) => vscode.Uri.parse(k));
  }

  /** The problems of a document at its current version: the stored ones when current, else a fresh check. */
  problemsOf(doc: vscode.TextDocument): readonly Problem[] {
    const e = this.entries.get(doc.uri.toString());
    if (e && e.version === doc.version) return e.problems;
    return this.ws.isArticle(doc) ? this.ws.check(doc) : [];
  }

  toDiagnostic(p: Problem): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(p), p.message, SEVERITY[p.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    // The code opens the rule's own help page (what, why, how to fix, how to turn it off) inside VS Code.
    d.code = this.extensionUri ? { value: p.rule, target: ruleHelpUri(p.rule) } : p.rule;
    return d;
  }

  dispose(): void {
    this.collection.dispose();
    this.entries.clear();
    this.checkedAll.clear();
    this.stamps.clear();
    ArticleDiagnostics.byWorkspace.delete(this.ws);
  }
}

/** The rule id of one of our diagnostics, or undefined for a diagnostic of another source. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
