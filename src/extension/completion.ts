import * as vscode from 'vscode';
import { localize } from './l10n';
import { complete, narrow, type CompletionEntry } from '../core/complete/completions';
import { cursorContext } from '../core/complete/context';
import { pathOf } from './host/files';
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
      const index = ws.indexOf(doc.uri);
      const entries = complete(text, offset, {
        schema: ws.schemaOf(doc.uri),
        index,
        site: ws.siteOf(doc.uri),
        lang: ws.lang,
        t: (m, ...a) => localize(m, ...a),
        // This article's own tags are not "used by other articles".
        self: index.get(pathOf(doc.uri)),
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
  return vscode.Disposable.from(vscode.languages.registerCompletionItemProvider(selector, provider, ':', ' ', '"', '[', ',', '-'), openWhileTypingTags(ws));
}

/**
 * Markdown has no suggestions while typing (VS Code's default for it), and a letter is never a
 * trigger character inside a word: so the first letter of a tag typed in a tags list opens the
 * list here. It then stays open as the user types (the list is incomplete: asked again each
 * keystroke). Prose and other fields stay quiet.
 */
function openWhileTypingTags(ws: ArticleWorkspace): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((e) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document || e.contentChanges.length !== 1) return;
    const c = e.contentChanges[0];
    if (c.rangeLength !== 0 || !/^\p{L}$/u.test(c.text) || !ws.isArticle(e.document)) return;
    const at = cursorContext(e.document.getText(), e.document.offsetAt(c.range.start) + c.text.length);
    if (at?.kind === 'item' && at.key === 'tags' && at.partial.length === 1) void vscode.commands.executeCommand('editor.action.triggerSuggest');
  });
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
  if (e.preselect) item.preselect = true;
  if (e.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: '' };
  return item;
}
