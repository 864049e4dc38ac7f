import * as vscode from 'vscode';
import MarkdownIt from 'markdown-it';
import { ruleHelpMarkdown } from '../core/help/ruleHelp';
import { RULES } from '../core/rules';
import { escapeHtml } from '../core/render/text';
import { localize } from './l10n';
import type { ArticleWorkspace } from './host/workspace';

export const RULE_HELP_COMMAND = 'qaArticles.ruleHelp';

/** The link a diagnostic's code opens: this rule's help page, inside VS Code. */
export function ruleHelpUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${RULE_HELP_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/** What the help panel shows, for tests. */
export interface RuleHelpApi {
  current(): { rule: string; html: string } | undefined;
}

// Raw HTML off: the help is our own text, but a page that can hold no markup cannot be made to.
const md = new MarkdownIt({ html: false, linkify: false });

/** The help page of a rule, in the message language: what it checks, why, how to fix it and how to turn it off. */
export function registerRuleHelp(ws: ArticleWorkspace): { disposable: vscode.Disposable; api: RuleHelpApi } {
  let panel: vscode.WebviewPanel | undefined;
  let shown: { rule: string; html: string } | undefined;
  const show = async (rule?: unknown) => {
    let id = typeof rule === 'string' ? rule : undefined;
    if (!id) {
      const pick = await vscode.window.showQuickPick(
        Object.entries(RULES).map(([r, v]) => ({ label: r, description: v.severity })),
        { placeHolder: localize('Which rule?') },
      );
      id = pick?.label;
    }
    if (!id) return;
    const markdown = ruleHelpMarkdown(id, ws.lang);
    if (!markdown) return;
    const body = md.render(markdown);
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8">' +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
      '<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);max-width:42rem;margin:1rem auto;padding:0 1rem;line-height:1.55}' +
      'code{font-family:var(--vscode-editor-font-family);background:var(--vscode-textCodeBlock-background);padding:0 .2em;border-radius:3px}' +
      'pre{background:var(--vscode-textCodeBlock-background);padding:.5rem;border-radius:4px;overflow-x:auto}pre code{padding:0}h2{font-size:1.1rem;margin-top:1.4rem}</style>' +
      `<title>${escapeHtml(id)}</title></head><body data-rule="${escapeHtml(id)}">${body}</body></html>`;
    if (!panel) {
      panel = vscode.window.createWebviewPanel('qaArticles.ruleHelp', id, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
      panel.onDidDispose(() => {
        panel = undefined;
        shown = undefined;
      });
    }
    panel.title = localize('Rule: {0}', id);
    panel.webview.html = html;
    panel.reveal(vscode.ViewColumn.Beside, true);
    shown = { rule: id, html };
  };
  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(RULE_HELP_COMMAND, show),
    new vscode.Disposable(() => panel?.dispose()),
  );
  return { disposable, api: { current: () => shown } };
}
