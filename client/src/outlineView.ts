// The 报告大纲 tree view: renders the items the model built from the server's response.
import * as vscode from 'vscode';
import type { ViewItem } from './model';

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

const ICON: Record<ViewItem['kind'], string> = {
  parts: 'checklist',
  part: 'circle-outline',
  heading: 'symbol-namespace',
  item: 'symbol-enum-member',
  addressee: 'mail',
  signature: 'edit',
};

const PART_ICON = { heading: ['pass', 'testing.iconPassed'], paragraph: ['warning', 'list.warningForeground'], missing: ['error', 'list.errorForeground'] } as const;

export class OutlineTree implements vscode.TreeDataProvider<ViewItem>, vscode.Disposable {
  private items: ViewItem[] = [];
  private readonly changed = new vscode.EventEmitter<ViewItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Called when a row is clicked. */
  onOpen: (item: ViewItem) => void = () => undefined;
  private readonly openCommand = vscode.commands.registerCommand('fazhiReport.openOutlineItem', (item: ViewItem) => this.onOpen(item));

  setItems(items: ViewItem[]): void {
    this.items = items;
    // Ids are stable, so the view keeps what the writer expanded.
    this.changed.fire(undefined);
  }

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
    if (element.kind === 'part' && element.part) {
      // An optional part not written is no fault: a plain circle, not an error.
      const [icon, color] = element.part.optional && element.part.state === 'missing' ? (['circle-large-outline', 'foreground'] as const) : PART_ICON[element.part.state];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    } else if (element.findingCount > 0) {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    } else {
      item.iconPath = new vscode.ThemeIcon(ICON[element.kind]);
    }
    if (element.kind !== 'parts') item.command = { command: 'fazhiReport.openOutlineItem', title: '', arguments: [element] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
    this.openCommand.dispose();
  }
}
