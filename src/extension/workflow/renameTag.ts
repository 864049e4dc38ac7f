import * as vscode from 'vscode';
import { localize } from '../l10n';
import { LineIndex } from '../../core/lines';
import { groupTags } from '../../core/workflow/tagGroups';
import { tagRenameEdits } from '../../core/workflow/tagEdits';
import type { ArticleWorkspace } from '../host/workspace';
import { currentText } from './labels';
import { tagCounts, type TagItemNode, type TagsProvider } from './tagsView';

/** Builds one WorkspaceEdit renaming (or merging) a tag in every indexed article that has it. */
export async function buildTagRenameEdit(ws: ArticleWorkspace, from: string, to: string, confirm: boolean): Promise<{ edit: vscode.WorkspaceEdit; files: number }> {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata | undefined = confirm
    ? { needsConfirmation: true, label: localize('Tag "{0}" → "{1}"', from, to) }
    : undefined;
  const candidates = ws.allFolders().flatMap((f) => [...f.index.files()].filter(([, e]) => e.tags.includes(from)).map(([file]) => file));
  let files = 0;
  await Promise.all(
    candidates.map(async (file) => {
      const uri = vscode.Uri.file(file);
      const text = await currentText(uri);
      if (text === undefined) return;
      const edits = tagRenameEdits(text, from, to);
      if (!edits.length) return;
      files++;
      // Positions, not offsets: they mean the same in an open document and in the text from disk.
      const lines = new LineIndex(text);
      const pos = (o: number) => {
        const p = lines.positionAt(o);
        return new vscode.Position(p.line, p.character);
      };
      for (const e of edits) {
        const range = new vscode.Range(pos(e.start), pos(e.end));
        if (metadata) edit.replace(uri, range, e.newText, metadata);
        else edit.replace(uri, range, e.newText);
      }
    }),
  );
  return { edit, files };
}

/**
 * Renames or merges a tag across the workspace in one undoable edit. With `{ from, to }` it
 * applies at once and resolves to `{ files }`; otherwise it asks for the names and shows the
 * edit in the refactor preview first.
 */
export async function renameTag(ws: ArticleWorkspace, arg?: unknown): Promise<{ files: number } | undefined> {
  const given = arg as { from?: unknown; to?: unknown } | undefined;
  if (given && typeof given.from === 'string' && typeof given.to === 'string') {
    const { edit, files } = await buildTagRenameEdit(ws, given.from, given.to.trim(), false);
    if (!files) return { files: 0 };
    return (await vscode.workspace.applyEdit(edit, { isRefactoring: true })) ? { files } : undefined;
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
      if (!t) return localize('Write a tag.');
      if (t === from) return { message: localize('Same as now.'), severity: vscode.InputBoxValidationSeverity.Info };
      const n = tagCounts(ws).get(t);
      return n ? { message: localize('Merges into "{0}" ({1} articles).', t, n), severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (!to?.trim() || to.trim() === from) return undefined;
  const { edit, files } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: localize('Preparing the tag edit…') },
    () => buildTagRenameEdit(ws, from, to.trim(), true),
  );
  if (!files) {
    void vscode.window.showInformationMessage(localize('No article has the tag "{0}".', from));
    return { files: 0 };
  }
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) return undefined;
  void vscode.window.showInformationMessage(localize('Tag "{0}" → "{1}" in {2} files.', from, to.trim(), files));
  return { files };
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
