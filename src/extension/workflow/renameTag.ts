import * as vscode from 'vscode';
import { localize } from '../l10n';
import { LineIndex } from '../../core/lines';
import { groupTags } from '../../core/workflow/tagGroups';
import { format } from '../../core/i18n/messages';
import { tagRename } from '../../core/workflow/tagEdits';
import type { ArticleWorkspace } from '../host/workspace';
import { currentText } from './labels';
import { tagCounts, type TagItemNode, type TagsProvider } from './tagsView';

/** An article the rename had to leave alone, and why (in the user's language). */
export interface SkippedArticle {
  file: string;
  reason: string;
}

/**
 * Builds one WorkspaceEdit renaming (or merging) a tag in every indexed article that has it.
 * An article whose YAML around the tags is broken is left out and listed in `skipped`.
 */
export async function buildTagRenameEdit(ws: ArticleWorkspace, from: string, to: string): Promise<{ edit: vscode.WorkspaceEdit; files: number; skipped: SkippedArticle[] }> {
  const edit = new vscode.WorkspaceEdit();
  const candidates = ws.allFolders().flatMap((f) => [...f.index.files()].filter(([, e]) => e.tags.includes(from)).map(([file]) => file));
  let files = 0;
  const skipped: SkippedArticle[] = [];
  await Promise.all(
    candidates.map(async (file) => {
      const uri = vscode.Uri.file(file);
      const text = await currentText(uri);
      if (text === undefined) return;
      const r = tagRename(text, from, to);
      if (!r.ok) {
        skipped.push({ file, reason: format(ws.lang, r.reason, ...r.args) });
        return;
      }
      if (!r.edits.length) return;
      files++;
      // Positions, not offsets: they mean the same in an open document and in the text from disk.
      const lines = new LineIndex(text);
      const pos = (o: number) => {
        const p = lines.positionAt(o);
        return new vscode.Position(p.line, p.character);
      };
      for (const e of r.edits) edit.replace(uri, new vscode.Range(pos(e.start), pos(e.end)), e.newText);
    }),
  );
  skipped.sort((x, y) => x.file.localeCompare(y.file));
  return { edit, files, skipped };
}

export interface TagRenameOutcome {
  files: number;
  /** Present when some articles with the tag could not be changed. */
  skipped?: SkippedArticle[];
}

/**
 * Renames or merges a tag across the workspace in one undoable edit (one Undo restores every
 * file). With `{ from, to }` it applies at once; otherwise it asks for the tag and its new
 * name (which is the confirmation: the box says what will merge) and then says what changed.
 * A blank new name is refused. Resolves to the number of articles changed, or undefined.
 */
export async function renameTag(ws: ArticleWorkspace, arg?: unknown): Promise<TagRenameOutcome | undefined> {
  const given = arg as { from?: unknown; to?: unknown } | undefined;
  if (given && typeof given.from === 'string' && typeof given.to === 'string') {
    if (!given.to.trim()) {
      void vscode.window.showErrorMessage(format(ws.lang, 'tag-rename-blank'));
      return undefined;
    }
    return apply(ws, given.from, given.to.trim(), false);
  }
  const node = arg as TagItemNode | undefined;
  const from = node?.kind === 'tag' ? node.tag : await pickTag(ws);
  if (from === undefined) return undefined;
  const suggestion = node?.kind === 'tag' && node.preferred !== from ? node.preferred : from;
  const to = await vscode.window.showInputBox({
    title: localize('Rename or Merge Tag "{0}"', from),
    prompt: localize('New name. An existing tag merges the two.'),
    value: suggestion,
    validateInput: (v) => {
      const t = v.trim();
      if (!t) return format(ws.lang, 'tag-rename-blank');
      if (t === from) return { message: localize('Same as now.'), severity: vscode.InputBoxValidationSeverity.Info };
      const n = tagCounts(ws).get(t);
      return n ? { message: localize('Merges into "{0}" ({1, plural, one {# article} other {# articles}}).', t, n), severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (!to?.trim() || to.trim() === from) return undefined;
  return apply(ws, from, to.trim(), true);
}

/**
 * Applies the rename directly (no refactor preview: its entries that need confirmation start
 * unticked, so its Apply would change nothing) and, when asked, says what was changed.
 */
async function apply(ws: ArticleWorkspace, from: string, to: string, tell: boolean): Promise<TagRenameOutcome | undefined> {
  const { edit, files, skipped } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: localize('Preparing the tag edit…') },
    () => buildTagRenameEdit(ws, from, to),
  );
  const outcome: TagRenameOutcome = skipped.length ? { files, skipped } : { files };
  if (skipped.length) {
    const names = skipped.slice(0, 5).map((s) => `${vscode.workspace.asRelativePath(s.file)} — ${s.reason}`);
    if (skipped.length > names.length) names.push(localize('… and {0} more', skipped.length - names.length));
    const head = skipped.length === 1 ? localize('Not changed in 1 article:') : localize('Not changed in {0} articles:', skipped.length);
    void vscode.window.showWarningMessage([head, ...names].join(' '));
  }
  if (!files) {
    if (tell && !skipped.length) void vscode.window.showInformationMessage(localize('No article has the tag "{0}".', from));
    return outcome;
  }
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) {
    if (tell) void vscode.window.showErrorMessage(localize('The tag could not be renamed: the articles were changed meanwhile. Try again.'));
    return undefined;
  }
  if (tell) void vscode.window.showInformationMessage(files === 1 ? localize('Tag "{0}" → "{1}" in 1 article.', from, to) : localize('Tag "{0}" → "{1}" in {2} articles.', from, to, files));
  return outcome;
}

/** A tag from a quick pick that shows counts and the other spellings of each tag. */
async function pickTag(ws: ArticleWorkspace, provider?: TagsProvider): Promise<string | undefined> {
  const groups = provider?.currentGroups() ?? groupTags(tagCounts(ws));
  type Item = vscode.QuickPickItem & { tag: string };
  const items: Item[] = groups.flatMap((g) =>
    g.tags.map((t) => ({
      label: t.tag,
      description: String(t.count),
      detail: g.tags.length > 1 ? localize('Variants: {0}', g.tags.filter((o) => o.tag !== t.tag).map((o) => `${o.tag} (${o.count})`).join(', ')) : undefined,
      tag: t.tag,
    })),
  );
  const pick = await vscode.window.showQuickPick(items, { title: localize('Manage Tags'), placeHolder: localize('Pick a tag to rename or merge'), matchOnDetail: true });
  return pick?.tag;
}

export function registerTagCommands(ws: ArticleWorkspace, provider: TagsProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('qaArticles.renameTag', (arg?: unknown) => renameTag(ws, arg)),
    vscode.commands.registerCommand('qaArticles.manageTags', async () => {
      const from = await pickTag(ws, provider);
      return from === undefined ? undefined : renameTag(ws, { kind: 'tag', tag: from, count: 0, preferred: provider.currentGroups().find((g) => g.tags.some((t) => t.tag === from))?.tags[0].tag ?? from } satisfies TagItemNode);
    }),
  );
}
