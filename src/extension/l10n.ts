import * as vscode from 'vscode';
import { langFromLocale, type Lang } from '../core/i18n/messages';
import { fillTemplate } from '../core/i18n/plural';
import svBundle from '../../l10n/bundle.l10n.sv.json';

const sv = svBundle as Record<string, string>;

/**
 * The language of the extension's messages: the `qaArticles.language` setting, or VS Code's
 * display language when it is `auto`. VS Code ships no Swedish language pack, so a doctor
 * with an English VS Code can still have every message of this extension in Swedish.
 */
export function messageLang(): Lang {
  return (current ??= readLang());
}

// Read once and again only when the setting changes: messages are formatted on every check.
let current: Lang | undefined;

function readLang(): Lang {
  const setting = vscode.workspace.getConfiguration('qaArticles').get<string>('language', 'auto');
  return setting === 'en' || setting === 'sv' ? setting : langFromLocale(vscode.env.language);
}

/** Keeps the message language in step with `qaArticles.language`; register it before anything that reads the language. */
export function trackMessageLang(): vscode.Disposable {
  current = undefined;
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('qaArticles.language')) current = undefined;
  });
}

/** A UI string in the message language: `vscode.l10n.t` when it follows VS Code, else the bundled Swedish text. */
export function localize(message: string, ...args: (string | number | boolean)[]): string {
  const lang = messageLang();
  const template =
    lang === 'sv' && !vscode.env.language.startsWith('sv') ? sv[message] ?? message : lang === 'en' && vscode.env.language.startsWith('sv') ? message : vscode.l10n.t(message);
  // Filled here, not by vscode.l10n.t, so that plural forms follow the language's rules.
  return fillTemplate(lang, template, args.map((a) => (typeof a === 'boolean' ? String(a) : a)));
}
