// The 报告大纲 views (explorer and activity bar): render the items the model
// built from the server's response, follow the cursor, open what is clicked.
import * as vscode from 'vscode';
import type { CurrentReport } from './current';
import { itemAt, rowIcon, type ViewItem } from './model';

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

class OutlineTree implements vscode.TreeDataProvider<ViewItem> {
  items: ViewItem[] = [];
  readonly changed = new vscode.EventEmitter<ViewItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  getChildren(element?: ViewItem): ViewItem[] {
    return element ? element.children : this.items;
  }

  getParent(element: ViewItem): ViewItem | undefined {
    return element.parent;
  }

  getTreeItem(element: ViewItem): vscode.TreeItem {
    const item = new vscode.TreeItem(element.label, COLLAPSIBLE[element.collapsible]);
    item.id = element.id;
    item.description = element.description;
    item.tooltip = element.tooltip;
    item.contextValue = element.kind;
    const [icon, color] = rowIcon(element);
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    if (element.kind !== 'parts') item.command = { command: 'fazhiReport.openOutlineItem', title: '', arguments: [element] };
    return item;
  }
}

export class OutlineViews implements vscode.Disposable {
  private readonly tree = new OutlineTree();
  private readonly views = ['fazhiReport.outline', 'fazhiReport.outlinePanel'].map((id) => vscode.window.createTreeView(id, { treeDataProvider: this.tree, showCollapseAll: true }));
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly current: CurrentReport) {
    this.disposables.push(
      current.onDidChange(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
      vscode.commands.registerCommand('fazhiReport.openOutlineItem', (item: ViewItem) => this.open(item)),
    );
  }

  private update(): void {
    this.tree.items = this.current.items;
    // Ids are stable, so the view keeps what the writer expanded.
    this.tree.changed.fire(undefined);
    const message = this.current.response?.isReport ? undefined : vscode.l10n.t('The active file is not a rule-of-law government report. Run \'Check current file as a report (检查当前文件)\' to check it as one.');
    for (const view of this.views) view.message = message;
    void vscode.commands.executeCommand('setContext', 'fazhiReport.isReport', !!this.current.response?.isReport);
  }

  /** Follow the cursor: reveal the section it is in, without taking focus. */
  private follow(editor: vscode.TextEditor | undefined): void {
    const response = this.current.response;
    if (!editor || !response?.isReport || editor.document.uri.toString() !== response.uri) return;
    const item = itemAt(this.current.items, { line: editor.selection.active.line, character: editor.selection.active.character });
    if (!item) return;
    for (const view of this.views) if (view.visible) void view.reveal(item, { select: true, focus: false, expand: false });
  }

  private open(item: ViewItem): void {
    if (item.kind === 'part' && item.part?.state === 'missing') {
      void vscode.commands.executeCommand('fazhiReport.insertPart', item.part.key);
      return;
    }
    const range = item.selectionRange ?? item.range;
    if (range && this.current.response) void vscode.commands.executeCommand('fazhiReport.revealRange', this.current.response.uri, range);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const v of this.views) v.dispose();
    this.tree.changed.dispose();
  }
}
