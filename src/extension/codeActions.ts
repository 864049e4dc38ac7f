import * as vscode from 'vscode';
import { localize } from './l10n';
import { fixAllText } from '../core/fix/index';
import type { Fix, Problem } from '../core/types';
import { ArticleDiagnostics, DIAGNOSTIC_SOURCE, ruleOf, toRange } from './editor/problemSet';
import { pathOf } from './host/files';
import type { ArticleWorkspace } from './host/workspace';

/** The kind of the "fix all" source action, under `source.fixAll` so `editor.codeActionsOnSave` can run it. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('qaArticles');

/** One WorkspaceEdit from core edits (document offsets). */
export function workspaceEditOf(doc: vscode.TextDocument, edits: Fix['edits']): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  we.set(
    doc.uri,
    edits.map((e) => vscode.TextEdit.replace(new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText)),
  );
  return we;
}

/**
 * The edit that applies every preferred fix of a document, checking again until nothing is left
 * (the fix-all of `qa-articles check --fix`: a pass never adds an error); undefined when there is
 * nothing to fix. `problems` are the document's current ones.
 */
export function fixAllEdit(ws: ArticleWorkspace, doc: vscode.TextDocument, problems: readonly Problem[]): { edit: vscode.WorkspaceEdit; count: number } | undefined {
  const text = doc.getText();
  const service = ws.serviceOf(doc.uri);
  const check = (t: string): Problem[] => (t === text ? [...problems] : [...service.check(pathOf(doc.uri), t)]);
  const r = fixAllText(text, check);
  if (r.edits.length === 0) return undefined;
  return { edit: workspaceEditOf(doc, r.edits), count: r.fixed };
}

/** Quick fixes for each problem, "fix all in this file" as a quick fix and as a source action, and the `qaArticles.fixAll` command. */
export function registerCodeActions(context: vscode.ExtensionContext, ws: ArticleWorkspace, selector: vscode.DocumentSelector): vscode.Disposable {
  const diagnostics = ArticleDiagnostics.of(ws, context.extensionUri);

  const provider: vscode.CodeActionProvider = {
    provideCodeActions(doc, range, ctx) {
      if (!ws.isArticle(doc)) return [];
      const problems = diagnostics.problemsOf(doc);
      const wantQuickFix = !ctx.only || ctx.only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(ctx.only);
      const wantFixAll = !!ctx.only && (FIX_ALL_KIND.contains(ctx.only) || ctx.only.contains(FIX_ALL_KIND));
      const actions: vscode.CodeAction[] = [];

      if (wantQuickFix) {
        for (const p of problems) {
          if (!p.fixes?.length) continue;
          const pr = toRange(p);
          if (!pr.intersection(range) && !pr.contains(range)) continue;
          const diag = matchingDiagnostic(ctx.diagnostics, p) ?? diagnostics.toDiagnostic(p);
          for (const fix of p.fixes) {
            const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            a.edit = workspaceEditOf(doc, fix.edits);
            a.diagnostics = [diag];
            a.isPreferred = !!fix.preferred;
            actions.push(a);
          }
        }
        const all = fixAllEdit(ws, doc, problems);
        // Worth offering only when it does more than the single fixes shown next to it.
        if (all && all.count > 1 && actions.length > 0) {
          const a = new vscode.CodeAction(localize('Fix all problems in this file ({0})', all.count), vscode.CodeActionKind.QuickFix);
          a.edit = all.edit;
          a.diagnostics = ctx.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
          actions.push(a);
        }
      }
      if (wantFixAll) {
        const all = fixAllEdit(ws, doc, problems);
        if (all) {
          const a = new vscode.CodeAction(localize('Fix all problems in this file ({0})', all.count), FIX_ALL_KIND);
          a.edit = all.edit;
          actions.push(a);
        }
      }
      return actions;
    },
  };

  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(selector, provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
    }),
    vscode.commands.registerCommand('qaArticles.fixAll', async (uri?: vscode.Uri): Promise<number> => {
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc || !ws.isArticle(doc)) {
        void vscode.window.showInformationMessage(localize('Open a Q&A article to fix its problems.'));
        return 0;
      }
      const all = fixAllEdit(ws, doc, diagnostics.problemsOf(doc));
      if (!all) {
        void vscode.window.setStatusBarMessage(localize('Nothing to fix automatically in this article.'), 3000);
        return 0;
      }
      // One WorkspaceEdit: a single undo step restores the text.
      const ok = await vscode.workspace.applyEdit(all.edit);
      return ok ? all.count : 0;
    }),
  );
}

function matchingDiagnostic(list: readonly vscode.Diagnostic[], p: Problem): vscode.Diagnostic | undefined {
  const r = toRange(p);
  return list.find((d) => ruleOf(d) === p.rule && d.range.isEqual(r) && d.message === p.message);
}
