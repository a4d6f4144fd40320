// The status bar item: parts present and findings by group, on reports only.
import * as vscode from 'vscode';
import type { CurrentReport } from './current';
import { statusText, statusTooltip } from './model';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('fazhiReport.status', vscode.StatusBarAlignment.Left, 100);
  private readonly subscription: vscode.Disposable;
  text: string | undefined;

  constructor(current: CurrentReport) {
    this.item.name = vscode.l10n.t('Rule-of-law report');
    this.item.command = 'fazhiReport.showOutline';
    this.subscription = current.onDidChange(() => {
      this.text = statusText(current.response);
      if (this.text && current.response) {
        this.item.text = this.text;
        this.item.tooltip = statusTooltip(current.response);
        this.item.show();
      } else this.item.hide();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
