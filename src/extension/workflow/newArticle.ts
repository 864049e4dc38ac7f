import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { localize } from '../l10n';
import { charCount } from '../../core/render/text';
import { newArticleText } from '../../core/workflow/newArticle';
import { relativeFolder } from '../../core/workflow/articleFolder';
import { fileSlug, slugify, uniqueSlug } from '../../core/workflow/slug';
import { topicChoices } from '../../core/workflow/topicChoices';
import type { ArticleFolder, ArticleWorkspace } from '../host/workspace';
import { categoryChoices } from './labels';
import { MARKDOWN_EXTENSIONS } from '../../core/project/markdownFiles';

/** The arguments that create an article without asking anything. */
export interface NewArticleArgs {
  folder?: vscode.Uri | string;
  category: string;
  topic?: string;
  title: string;
  question?: string;
}

export const DEFAULT_CONTENT_FOLDER = 'src/content/fraga-doktorn';

function isArgs(a: unknown): a is NewArticleArgs {
  return !!a && typeof a === 'object' && typeof (a as NewArticleArgs).title === 'string' && typeof (a as NewArticleArgs).category === 'string';
}

/**
 * Where new articles go: the setting, else the folder holding most indexed articles, else the
 * site's folder. A setting that leads outside the workspace folder is refused with the message to show.
 */
export function contentFolder(f: ArticleFolder): vscode.Uri | { refused: string } {
  const root = f.folder.uri;
  const setting = vscode.workspace.getConfiguration('qaArticles', root).get<string>('newArticleFolder', '').trim();
  if (setting) {
    const r = relativeFolder(setting);
    if ('refused' in r) return { refused: localize('The setting qaArticles.newArticleFolder ({0}) leads outside the workspace folder; new articles are only written inside it. Give a folder relative to the workspace folder, e.g. src/content/fraga-doktorn.', setting) };
    return vscode.Uri.joinPath(root, ...r.segments);
  }
  const counts = new Map<string, number>();
  for (const [file] of f.index.files()) {
    const dir = path.dirname(file);
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [dir, n] of counts) if (!best || n > counts.get(best)!) best = dir;
  return best ? f.uriOf(best) : vscode.Uri.joinPath(root, DEFAULT_CONTENT_FOLDER);
}

/** Whether `dir` (or, while it does not exist yet, its nearest existing parent) really lies inside `root`, symlinks followed. */
async function staysInside(root: vscode.Uri, dir: vscode.Uri): Promise<boolean> {
  if (root.scheme !== 'file' || dir.scheme !== 'file') return true;
  try {
    const realRoot = await fs.realpath(root.fsPath);
    let p = dir.fsPath;
    for (;;) {
      try {
        const real = await fs.realpath(p);
        const rel = path.relative(realRoot, real);
        return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
      } catch {
        const up = path.dirname(p);
        if (up === p) return false;
        p = up;
      }
    }
  } catch {
    return false;
  }
}

/**
 * A file of the folder with the name `slug` in another Markdown extension (`slug.markdown`), if
 * one is there: the site builds no page of it, but it is an article waiting for its `.md` name,
 * which a new article must not take.
 */
async function sameAddress(dir: vscode.Uri, slug: string): Promise<vscode.Uri | undefined> {
  for (const x of MARKDOWN_EXTENSIONS) {
    const uri = vscode.Uri.joinPath(dir, `${slug}.${x}`);
    if (x !== 'md' && (await exists(uri))) return uri;
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates an unanswered article and opens it with the cursor where the answer goes. With
 * `NewArticleArgs` it asks nothing (a taken file name gets `-2`, `-3` …) and resolves to the
 * new file; otherwise it asks step by step, and cancelling any step writes nothing.
 */
export async function newArticle(ws: ArticleWorkspace, arg?: unknown): Promise<vscode.Uri | undefined> {
  const silent = isArgs(arg);
  const folder = await pickFolder(ws, silent ? arg.folder : undefined, silent);
  if (!folder) return undefined;
  const input = silent ? { ...arg, topic: arg.topic ?? '' } : await askInput(ws, folder);
  if (!input) return undefined;

  const dir = contentFolder(folder);
  if (!(dir instanceof vscode.Uri)) {
    void vscode.window.showErrorMessage(dir.refused);
    return undefined;
  }
  if (!(await staysInside(folder.folder.uri, dir))) {
    void vscode.window.showErrorMessage(localize('The folder for new articles ({0}) leads outside the workspace folder through a link; new articles are only written inside it.', dir.fsPath));
    return undefined;
  }
  const slug = fileSlug(input.title);
  let target = vscode.Uri.joinPath(dir, `${slug}.md`);
  // The page's address is the name without its extension: `slug.markdown` takes it as `slug.md` would.
  const existing = (await exists(target)) ? target : await sameAddress(dir, slug);
  if (existing) {
    const taken = new Set<string>();
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(dir)) taken.add(name.toLowerCase());
    } catch {
      // the folder vanished meanwhile: the plain slug is free again
    }
    const free = vscode.Uri.joinPath(dir, `${uniqueSlug(slug, (s) => MARKDOWN_EXTENSIONS.some((x) => taken.has(`${s}.${x}`)))}.md`);
    if (!silent) {
      const open = localize('Open the Existing Article');
      const create = localize('Create {0}', path.basename(free.fsPath));
      const choice = await vscode.window.showWarningMessage(localize('{0} already exists.', path.basename(existing.fsPath)), { modal: true }, open, create);
      if (choice === open) {
        await vscode.window.showTextDocument(existing);
        return undefined;
      }
      if (choice !== create) return undefined;
    }
    target = free;
  }

  const cfg = vscode.workspace.getConfiguration(undefined, folder.folder.uri);
  const eol = cfg.get<string>('files.eol') === '\r\n' ? '\r\n' : '\n';
  const author = vscode.workspace.getConfiguration('qaArticles', folder.folder.uri).get<string>('author', '');
  const { text, cursor } = newArticleText({ ...input, author, eol });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    if (!silent) void vscode.window.showErrorMessage(localize('Could not create {0}.', target.fsPath));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  if (doc.isDirty) await doc.save();
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const pos = doc.positionAt(cursor);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos));
  return target;
}

async function pickFolder(ws: ArticleWorkspace, given: vscode.Uri | string | undefined, silent: boolean): Promise<ArticleFolder | undefined> {
  const folders = ws.allFolders();
  if (given) {
    const uri = typeof given === 'string' ? vscode.Uri.file(given) : given;
    return ws.folderOf(uri) ?? folders.find((f) => f.folder.uri.fsPath === uri.fsPath);
  }
  if (folders.length <= 1 || silent) {
    if (!folders.length && !silent) void vscode.window.showErrorMessage(localize('Open the site folder first.'));
    return folders[0];
  }
  const wf = await vscode.window.showWorkspaceFolderPick({ placeHolder: localize('Which folder gets the new article?') });
  return wf && ws.folderOf(wf.uri);
}

interface Answers {
  category: string;
  topic: string;
  title: string;
  question: string;
}

async function askInput(ws: ArticleWorkspace, folder: ArticleFolder): Promise<Answers | undefined> {
  const title = localize('New Article');
  const cats = categoryChoices(ws, folder.folder.uri);
  const cat = await vscode.window.showQuickPick(
    cats.map((c) => ({ label: c.label, description: c.value, value: c.value })),
    { title: `${title} (1/4)`, placeHolder: localize('Category') },
  );
  if (!cat) return undefined;
  const topic = await pickTopic(folder, cat.value, `${title} (2/4)`);
  if (topic === undefined) return undefined;
  const max = folder.settings.config.titleMax;
  const articleTitle = await vscode.window.showInputBox({
    title: `${title} (3/4)`,
    prompt: localize('Title (at most {0} characters: it is the Google result title)', max),
    validateInput: (v) => {
      const n = charCount(v.trim());
      if (n === 0) return { message: localize('Write a title.'), severity: vscode.InputBoxValidationSeverity.Error };
      if (n > max) return { message: localize('{0}/{1} characters: too long, Google cuts it', n, max), severity: vscode.InputBoxValidationSeverity.Warning };
      return { message: localize('{0}/{1} characters', n, max), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (!articleTitle?.trim()) return undefined;
  const question = await askQuestion(`${title} (4/4)`);
  if (question === undefined) return undefined;
  return { category: cat.value, topic, title: articleTitle.trim(), question };
}

/**
 * The site's topics of the category first, under the site's topic groups, then the topics other
 * articles use that have no topic page; typing a new topic is allowed. Resolves '' for none.
 */
function pickTopic(folder: ArticleFolder, category: string, title: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { value?: string };
  const sections = topicChoices(folder.service.site, folder.index, category);
  const count = (n: number) => localize('{0, plural, one {# article} other {# articles}}', n);
  const none: Item = { label: localize('(no topic)'), value: '' };
  const base: Item[] = [
    ...sections.flatMap((s) => [
      { label: s.group ?? localize('Used in articles, no topic page'), kind: vscode.QuickPickItemKind.Separator } as Item,
      ...s.choices.map((c) => ({ label: c.label, description: c.label === c.value ? count(c.uses) : `${c.value} · ${count(c.uses)}`, detail: c.description, value: c.value })),
    ]),
    none,
  ];
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = title;
  qp.placeholder = localize('Topic: pick one, or type a new one');
  qp.items = base;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: string | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue((v) => {
      const t = slugify(v, 80);
      const known = !v.trim() || base.some((i) => i.value === t);
      qp.items = known ? base : [{ label: t, description: localize('new topic'), value: t, alwaysShow: true }, ...base];
    });
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.value));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

/** The patient's question: from the clipboard (keeping its line breaks), typed, or later. */
async function askQuestion(title: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { how: 'clipboard' | 'type' | 'later' };
  const clip = (await vscode.env.clipboard.readText()).trim();
  const items: Item[] = [];
  if (clip) {
    const lines = clip.split(/\r\n|\r|\n/);
    items.push({ label: localize('Paste the question from the clipboard'), description: localize('{0} lines', lines.length), detail: lines[0].slice(0, 120), how: 'clipboard' });
  }
  items.push({ label: localize('Type a short question'), how: 'type' }, { label: localize('Add the question later'), how: 'later' });
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: localize("The patient's question") });
  if (!pick) return undefined;
  if (pick.how === 'clipboard') return clip;
  if (pick.how === 'later') return '';
  return vscode.window.showInputBox({ title, prompt: localize("The patient's question") });
}
