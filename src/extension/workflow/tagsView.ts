import * as vscode from 'vscode';
import { localize } from '../l10n';
import { groupTags, type TagGroup } from '../../core/workflow/tagGroups';
import type { ArticleWorkspace } from '../host/workspace';

export type TagNode = { kind: 'group'; group: TagGroup } | TagItemNode;

/** One spelling of a tag; the argument of the Rename action. */
export interface TagItemNode {
  kind: 'tag';
  tag: string;
  count: number;
  /** The group's preferred spelling, the natural target of a merge. */
  preferred: string;
}

/** Tag counts over every folder of the workspace. */
export function tagCounts(ws: ArticleWorkspace): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of ws.allFolders()) for (const [t, n] of f.index.tags.counts) out.set(t, (out.get(t) ?? 0) + n);
  return out;
}

/** The Tags view: every tag with its count; spellings of one tag are grouped under it. */
export class TagsProvider implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private groups?: TagGroup[];
  private timer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ws: ArticleWorkspace) {
    this.disposables = [
      this.changeEmitter,
      ws.onDidChangeIndex(() => {
        this.groups = undefined;
        this.timer ??= setTimeout(() => this.refresh(), 300);
      }),
      { dispose: () => this.timer && clearTimeout(this.timer) },
    ];
  }

  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.groups = undefined;
    this.changeEmitter.fire();
  }

  currentGroups(): TagGroup[] {
    return (this.groups ??= groupTags(tagCounts(this.ws)));
  }

  getChildren(node?: TagNode): TagNode[] {
    if (!node) {
      return this.currentGroups().map((group) =>
        group.tags.length > 1 ? { kind: 'group', group } : { kind: 'tag', tag: group.tags[0].tag, count: group.tags[0].count, preferred: group.tags[0].tag },
      );
    }
    if (node.kind === 'group') return node.group.tags.map((t) => ({ kind: 'tag', tag: t.tag, count: t.count, preferred: node.group.tags[0].tag }));
    return [];
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const first = node.group.tags[0].tag;
      const item = new vscode.TreeItem(first, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${first}`;
      item.description = localize('{0} · {1} spellings', node.group.total, node.group.tags.length);
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.tooltip = localize('Probably one tag written several ways: {0}', node.group.tags.map((t) => `${t.tag} (${t.count})`).join(', '));
      item.contextValue = 'tagGroup';
      return item;
    }
    const item = new vscode.TreeItem(node.tag, vscode.TreeItemCollapsibleState.None);
    item.id = `tag:${node.tag}:${node.preferred}`;
    item.description = String(node.count);
    item.iconPath = new vscode.ThemeIcon('tag');
    item.contextValue = 'tag';
    item.tooltip = localize('Used in {0, plural, one {# article} other {# articles}}', node.count);
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
