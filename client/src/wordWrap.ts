// Reports pasted from Word are one long line per paragraph: without wrapping,
// findings sit off-screen. A report opens wrapped (fazhiReport.wordWrap, on by
// default), once per opening, so the writer's own toggle is kept afterwards.
import * as vscode from 'vscode';
import type { CurrentReport } from './current';
import { shouldWrap } from './model';

export class ReportWordWrap implements vscode.Disposable {
  /** Documents wrapped by us since they were opened. */
  private readonly wrapped = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(current: CurrentReport) {
    this.disposables = [
      current.onDidChange(() => void this.apply(current)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.wrapped.delete(doc.uri.toString())),
    ];
  }

  isWrapped(uri: string): boolean {
    return this.wrapped.has(uri);
  }

  private async apply(current: CurrentReport): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const response = current.response;
    if (!editor || !response || editor.document.uri.toString() !== response.uri) return;
    const wanted = vscode.workspace.getConfiguration('fazhiReport', editor.document.uri).get<boolean>('wordWrap', true);
    const configured = vscode.workspace.getConfiguration('editor', editor.document).get<string>('wordWrap', 'off');
    if (!shouldWrap({ isReport: response.isReport, wanted, configured, alreadyWrapped: this.wrapped.has(response.uri) })) return;
    this.wrapped.add(response.uri);
    // Toggles the active editor's wrapping for this document only; the user's settings are untouched.
    await vscode.commands.executeCommand('editor.action.toggleWordWrap');
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
