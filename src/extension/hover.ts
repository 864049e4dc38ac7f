import * as vscode from 'vscode';
import { localize } from './l10n';
import { hoverAt } from '../core/complete/hover';
import type { ArticleWorkspace } from './host/workspace';

/** Hover on frontmatter keys and values of articles: field docs, tag use and variants, enum meanings. */
export function registerHover(context: vscode.ExtensionContext, ws: ArticleWorkspace, selector: vscode.DocumentSelector): vscode.Disposable {
  void context;
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      if (!ws.isArticle(doc)) return undefined;
      const h = hoverAt(doc.getText(), doc.offsetAt(position), { schema: ws.schemaOf(doc.uri), index: ws.indexOf(doc.uri), lang: ws.lang, t: (m, ...a) => localize(m, ...a), site: ws.siteOf(doc.uri) });
      if (!h) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)));
    },
  });
}
