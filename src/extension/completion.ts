import * as vscode from 'vscode';
import { localize } from './l10n';
import { complete, narrow, type CompletionEntry } from '../core/complete/completions';
import type { ArticleWorkspace } from './host/workspace';

const KINDS: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Property,
  enum: vscode.CompletionItemKind.EnumMember,
  tag: vscode.CompletionItemKind.Keyword,
  topic: vscode.CompletionItemKind.Value,
  author: vscode.CompletionItemKind.User,
  value: vscode.CompletionItemKind.Value,
};

/** Completion of frontmatter field names and values in articles. */
export function registerCompletion(context: vscode.ExtensionContext, ws: ArticleWorkspace, selector: vscode.DocumentSelector): vscode.Disposable {
  void context;
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(doc, position) {
      if (!ws.isArticle(doc)) return undefined;
      const text = doc.getText();
      const offset = doc.offsetAt(position);
      const entries = complete(text, offset, {
        schema: ws.schemaOf(doc.uri),
        index: ws.indexOf(doc.uri),
        site: ws.siteOf(doc.uri),
        lang: ws.lang,
        t: (m, ...a) => localize(m, ...a),
      });
      if (entries.length === 0) return undefined;
      const shown = narrow(entries, text, offset);
      return new vscode.CompletionList(shown.entries.map((e) => toItem(doc, e)), shown.incomplete);
    },
    // Documentation is sent only for the item the user looks at: a list of hundreds of tags
    // then crosses to the workbench without hundreds of copies of the same description.
    resolveCompletionItem(item) {
      const docs = lazyDocs.get(item);
      if (docs) item.documentation = new vscode.MarkdownString(docs);
      return item;
    },
  };
  return vscode.languages.registerCompletionItemProvider(selector, provider, ':', ' ', '"', '[', ',', '-');
}

const lazyDocs = new WeakMap<vscode.CompletionItem, string>();

function toItem(doc: vscode.TextDocument, e: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: e.label, description: e.description }, KINDS[e.kind]);
  item.detail = e.detail ?? e.description;
  if (e.documentation) lazyDocs.set(item, e.documentation);
  item.insertText = e.snippet ? new vscode.SnippetString(e.insertText) : e.insertText;
  item.filterText = e.filterText;
  item.sortText = e.sortText;
  item.range = new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
  if (e.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: '' };
  return item;
}
