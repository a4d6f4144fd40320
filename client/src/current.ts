// The report in the active editor, as the server last described it: what the
// outline view, the status bar and the commands read.
import * as vscode from 'vscode';
import type { OutlineResponse } from '../../server/src/lsp/protocol';
import { buildViewItems, type ViewItem } from './model';
import type { ReportServer } from './server';

export const isCandidate = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => !!doc && (doc.languageId === 'markdown' || doc.languageId === 'plaintext');

export class CurrentReport implements vscode.Disposable {
  response: OutlineResponse | undefined;
  items: ViewItem[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: ReportServer) {}

  /** Asks the server again for the active editor's outline. */
  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isCandidate(editor.document)) {
      this.response = undefined;
    } else {
      try {
        this.response = (await this.server.outline(editor.document.uri.toString())) ?? undefined;
      } catch {
        this.response = undefined;
      }
    }
    this.items = this.response ? buildViewItems(this.response) : [];
    this.changed.fire();
  }

  /** A refresh soon, once a burst of events is over. */
  scheduleRefresh(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), 50);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.changed.dispose();
  }
}
